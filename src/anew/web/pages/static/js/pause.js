// "I want to text him": a one-minute pause before the words go to the vault. Write it down, name
// what set it off, breathe; the vault button waits for the minute to pass. The button opens the
// folded form; without JavaScript it opens it too, and the form works at once.
(function () {
  "use strict";
  var start = document.getElementById("start-pause");
  var fold = document.getElementById("urge-fold");
  var timer = document.getElementById("pause-timer");
  var keep = document.getElementById("keep-in-vault");
  var message = document.getElementById("message");
  if (!start || !fold || !timer || !keep || !message) {
    return;
  }
  var label = keep.textContent;
  var ticking = null;

  function show(left) {
    if (left > 0) {
      timer.textContent = "Breathe in slowly for four, out for six. Your vault opens in " + left +
        " second" + (left === 1 ? "" : "s") + ".";
      keep.textContent = label + " (" + left + ")";
      return;
    }
    clearInterval(ticking);
    ticking = null;
    timer.textContent = "A minute has passed. If you still want to, keep it in your vault.";
    keep.disabled = false;
    keep.textContent = label;
  }

  function pause() {
    if (ticking || fold.hasAttribute("data-paused")) {
      return;
    }
    fold.setAttribute("data-paused", "");
    var ends = Date.now() + Number(start.getAttribute("data-seconds") || 60) * 1000;
    keep.disabled = true;
    timer.hidden = false;
    message.focus();
    show(Math.ceil((ends - Date.now()) / 1000));
    ticking = setInterval(function () {
      show(Math.max(0, Math.ceil((ends - Date.now()) / 1000)));
    }, 250);
  }

  // Open on arrival: from the dashboard's button the minute starts; shown again with a mistake
  // to correct, she has waited already.
  if (fold.open) {
    if (fold.hasAttribute("data-start")) {
      pause();
    } else {
      fold.setAttribute("data-paused", "");
    }
  }
  fold.addEventListener("toggle", function () {
    if (fold.open) {
      pause();
    }
  });
})();
