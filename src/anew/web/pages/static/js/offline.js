// The offline page: asks the service worker what this device keeps (Today's card and the path,
// without her words; how many writes wait to be sent) and shows it; its two forms are queued on
// the device, never sent from here. Back online, it takes her back to the page she wanted.
(function () {
  "use strict";
  var OFFLINE_PAGE = "/offline";
  var START_PAGE = "/dashboard";

  function byId(id) {
    return document.getElementById(id);
  }

  function show(id, text) {
    var element = byId(id);
    if (text !== undefined) {
      element.textContent = text;
    }
    element.hidden = false;
    return element;
  }

  function ask(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function days(count) {
    return count === 1 ? "1 day" : count + " days";
  }

  function showToday(today) {
    if (!today) {
      return;
    }
    show("offline-today");
    show("offline-day", "Day " + today.day);
    if (typeof today.days_left === "number" && today.days_left > 0) {
      show("offline-days-left", days(today.days_left) + " to go in your no-contact period.");
    }
    var milestone = today.milestone;
    if (typeof milestone === "number") {
      show("offline-milestone", "You reached day " + milestone + ". That took courage.");
    } else if (milestone && milestone.title) {
      show("offline-milestone", milestone.title);
    }
    if (today.card && today.card.title) {
      show("offline-card");
      byId("offline-card-title").textContent = today.card.title;
      byId("offline-card-read").textContent = today.card.read || "";
      byId("offline-card-do").textContent = today.card.do || "";
      byId("offline-card-ask").textContent = today.card.ask || "";
    }
    var list = byId("offline-habit-list");
    (today.habits || []).forEach(function (habit) {
      var item = document.createElement("li");
      item.textContent = habit.title + " ";
      if (habit.done_today) {
        var done = document.createElement("span");
        done.className = "done";
        done.textContent = "· done today";
        item.appendChild(done);
      }
      list.appendChild(item);
    });
    byId("offline-habits").hidden = !list.children.length;
  }

  function cardPart(label, text) {
    var part = document.createElement("p");
    if (label) {
      var strong = document.createElement("strong");
      strong.textContent = label + " ";
      part.appendChild(strong);
    }
    part.appendChild(document.createTextNode(text || ""));
    return part;
  }

  function showPath(cards) {
    if (!cards || !cards.length) {
      return;
    }
    var holder = byId("offline-path-cards");
    cards.slice().reverse().forEach(function (card) {
      var fold = document.createElement("details");
      var summary = document.createElement("summary");
      summary.textContent = "Day " + card.day + ": " + card.title;
      fold.appendChild(summary);
      fold.appendChild(cardPart("", card.read));
      fold.appendChild(cardPart("Something to do:", card.do));
      fold.appendChild(cardPart("To write about:", card.ask));
      holder.appendChild(fold);
    });
    show("offline-path");
  }

  function showWaiting(count) {
    var waiting = byId("offline-waiting");
    waiting.hidden = !count;
    waiting.textContent = count === 1 ?
      "1 thing you wrote is waiting on this device, to be saved when you're back online." :
      count + " things you wrote are waiting on this device, to be saved when you're back online.";
  }

  function fields(form) {
    var pairs = [];
    new FormData(form).forEach(function (value, name) { pairs.push([name, String(value)]); });
    return pairs;
  }

  function queue(event) {
    event.preventDefault();
    var form = event.target;
    if (!form.reportValidity()) {
      return;
    }
    var action = form.getAttribute("data-action");
    var path = "/steps/no-contact/" + action;
    ask({ type: "queue", action: action, path: path, fields: fields(form) }).then(function (kept) {
      byId(kept ? "offline-kept" : "offline-unsent").hidden = false;
      byId(kept ? "offline-unsent" : "offline-kept").hidden = true;
      if (kept) {
        form.reset();
      }
      return ask({ type: "offline-view" });
    }).then(function (view) {
      showWaiting(view ? view.waiting : 0);
      window.scrollTo(0, 0);  // the note sits at the top, under the quick exit bar
    });
  }

  function backOnline() {
    show("offline-back");
    var here = window.location.pathname;
    var target = here === OFFLINE_PAGE ? START_PAGE : here + window.location.search;
    window.setTimeout(function () { window.location.replace(target); }, 600);
  }

  var query = new URLSearchParams(window.location.search);
  if (query.get("kept")) {
    show("offline-kept");
  } else if (query.get("unsent")) {
    show("offline-unsent");
  }
  window.addEventListener("online", backOnline);
  if (!("serviceWorker" in navigator)) {
    return;
  }
  ask({ type: "offline-view" }).then(function (view) {
    if (!view) {
      return;
    }
    showToday(view.today);
    showPath(view.path);
    showWaiting(view.waiting);
    if (view.signedIn && !view.safety) {
      show("offline-write");
      byId("offline-vault").addEventListener("submit", queue);
      byId("offline-checkin").addEventListener("submit", queue);
    } else if (view.safety) {
      show("offline-safety-note");
    }
  });
})();
