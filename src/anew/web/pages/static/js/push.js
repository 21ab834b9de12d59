// Turn notifications on for this browser: ask her browser, subscribe with the server's key,
// and post the subscription (with the page's CSRF token) to be kept. Nothing happens unasked.
(function () {
  "use strict";
  var box = document.getElementById("push-here");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return;
  }
  var unsupported = document.getElementById("push-unsupported");
  if (unsupported) { unsupported.hidden = true; }
  box.hidden = false;
  var status = document.getElementById("push-status");
  var button = document.getElementById("push-turn-on");

  function key(text) {
    var padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function say(text) { status.textContent = text; }

  function keep(subscription) {
    var json = subscription.toJSON();
    var form = new FormData();
    form.append("csrf_token", document.querySelector("input[name=csrf_token]").value);
    form.append("endpoint", json.endpoint);
    form.append("p256dh", json.keys.p256dh);
    form.append("auth", json.keys.auth);
    form.append("label", navigator.userAgentData && navigator.userAgentData.mobile ? "Phone" : "This browser");
    return fetch(box.dataset.action, { method: "POST", body: form, credentials: "same-origin" });
  }

  button.addEventListener("click", function () {
    say("Asking your browser…");
    Notification.requestPermission().then(function (answer) {
      if (answer !== "granted") {
        say("Your browser said no, so nothing changed. You can allow notifications in its site settings.");
        return null;
      }
      return navigator.serviceWorker.register("/sw.js", { scope: "/" })
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (registration) {
          return registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: key(box.dataset.key),
          });
        })
        .then(keep)
        .then(function (response) {
          if (response.ok || response.redirected) {
            window.location.assign("/account/notifications?saved=1#devices");
          } else {
            say("This device could not be added. Please try again.");
          }
        });
    }).catch(function () {
      say("This device could not be added. Please try again in a moment.");
    });
  });
})();
