// Quick exit: leave for a neutral site at once. location.replace() swaps this page out of the
// tab's history, so the back button does not bring it back. Links inside Anew also replace the
// page rather than add to the history while this script is on, so a tab that moved around the
// app by its links holds no Anew page to go back to. Without JavaScript the link still works:
// /exit redirects to the same site (the page explains what that can't hide).
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

  link.addEventListener("click", leave);
  document.addEventListener("click", followWithoutHistory);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      leave(event);
    }
  });
})();
