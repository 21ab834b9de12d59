// The installable app, from the page's side: registers the service worker (scope /), tells it who
// is signed in here (an opaque tag on <body>, none for a visitor) and whether safety mode is on,
// hands it this page's CSRF token so that what she wrote offline goes out once she is back, and
// asks it to forget everything when she logs out or takes the quick exit.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) {
    return;
  }
  var body = document.body;
  var account = body.getAttribute("data-account") || "";
  var safety = body.hasAttribute("data-safety-mode");
  var OFFLINE_PAGE = "/offline";

  function token() {
    var field = document.querySelector("input[name='csrf_token']");
    return field ? field.value : "";
  }

  function tell(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) {
        registration.active.postMessage(message);
      }
    });
  }

  function opened() {
    if (window.location.pathname === OFFLINE_PAGE || document.getElementById("offline-today")) {
      return;  // the offline page speaks for itself (js/offline.js)
    }
    tell({ type: "page", account: account, safety: safety, token: navigator.onLine ? token() : "" });
  }

  // Whatever else happens, her kept answers and queued words leave the device: the worker keeps
  // working after the page has gone, and the page clears what it can itself in case no worker
  // controls it yet.
  function forget(unregister) {
    var worker = navigator.serviceWorker.controller;
    if (worker) {
      worker.postMessage({ type: "forget", unregister: unregister });
    }
    if (window.caches) {
      window.caches.keys().then(function (names) {
        names.forEach(function (name) { window.caches.delete(name); });
      });
    }
    if (window.indexedDB) {
      window.indexedDB.deleteDatabase("anew-offline");
    }
  }

  function note(text) {
    var main = document.getElementById("main");
    if (!main) {
      return;
    }
    var shown = document.getElementById("sent-note") || document.createElement("p");
    shown.id = "sent-note";
    shown.className = "alert alert-success";
    shown.setAttribute("role", "status");
    shown.textContent = text;
    main.insertBefore(shown, main.firstChild);
  }

  // Told at once (a worker that is already there is ready before the update check of /sw.js
  // has come back): a page she leaves quickly, such as the one that turns on safety mode, still
  // gets its word in.
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
    return undefined;  // no worker (a private window may refuse): the site works as before
  });
  opened();
  navigator.serviceWorker.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === "sent" && account) {
      note(message.count === 1 ? "What you wrote while offline is saved now." :
        "The " + message.count + " things you wrote while offline are saved now.");
    }
  });
  window.addEventListener("online", opened);
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form && form.getAttribute && form.getAttribute("action") === "/logout") {
      forget(false);
    }
  });
  document.addEventListener("anew:quick-exit", function () { forget(true); });
})();
