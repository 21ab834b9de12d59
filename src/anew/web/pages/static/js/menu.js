// The header's menu on a narrow screen. Without JavaScript both menus simply stay open; with it,
// they fold behind one "Menu" button so the page itself starts on the first screen of a phone.
// The class is set before the page is drawn (this file loads in <head>), so nothing jumps.
(function () {
  "use strict";
  document.documentElement.classList.add("has-menu");

  function setUp() {
    var button = document.querySelector(".menu-toggle");
    var header = document.querySelector(".site-header");
    if (!button || !header) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = header.classList.toggle("menu-open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("menu-open")) {
        header.classList.remove("menu-open");
        button.setAttribute("aria-expanded", "false");
        button.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
