// Quick exit: leave for a neutral site at once. location.replace() swaps this page out of the
// tab's history, so the back button does not bring it back. Links inside Anew also replace the
// page rather than add to the history while this script is on, so a tab that moved around the
// app by its links holds no Anew page to go back to. Without JavaScript the link still works:
// /exit redirects to the same site (the page explains what that can't hide). Esc leaves too,
// except while she types in a text field.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) {
    return;
  }
  var target = link.getAttribute("data-exit-url");

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    // js/app.js hears this and clears what the app kept on the device (its caches, queued writes).
    document.dispatchEvent(new Event("anew:quick-exit"));
    window.location.replace(target);
  }

  function followWithoutHistory(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) {
      return;
    }
    var anchor = event.target.closest ? event.target.closest("a[href]") : null;
    if (!anchor || anchor === link || anchor.target || anchor.hasAttribute("download")) {
      return;
    }
    var url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname === window.location.pathname) {
      return;
    }
    event.preventDefault();
    window.location.replace(url.href);
  }

  // Esc leaves from anywhere but a place she is typing: there it would throw away her words.
  function typingIn(element) {
    if (!element || element.isContentEditable) {
      return Boolean(element);
    }
    var tag = element.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") {
      return true;
    }
    if (tag !== "INPUT") {
      return false;
    }
    var kind = (element.getAttribute("type") || "text").toLowerCase();
    return ["checkbox", "radio", "button", "submit", "reset", "image", "file", "range",
      "color", "hidden"].indexOf(kind) === -1;
  }

  // A form marked data-forget never comes back filled in from the back/forward cache.
  function forgetAnswers(event) {
    if (!event.persisted) {
      return;
    }
    var forms = document.querySelectorAll("form[data-forget]");
    for (var i = 0; i < forms.length; i += 1) {
      forms[i].reset();
    }
  }

  link.addEventListener("click", leave);
  document.addEventListener("click", followWithoutHistory);
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && !event.isComposing &&
        !typingIn(event.target)) {
      leave(event);
    }
  });
  window.addEventListener("pageshow", forgetAnswers);
})();
