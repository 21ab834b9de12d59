// Sign-up: fill the time zone from the browser, so her days start at her own midnight without
// her hunting through a list. A value she typed (or the server gave back) is never replaced.
(function () {
  "use strict";
  var field = document.querySelector("input[data-browser-time-zone]");
  if (!field || field.value) {
    return;
  }
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      field.value = zone;
    }
  } catch (ignored) {
    // An old browser without Intl: the searchable list still works.
  }
})();
