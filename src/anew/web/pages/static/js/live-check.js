// Step 3: check the draft as she types. The form still works without JavaScript (on submit);
// with it, the same check runs a moment after she stops typing, and each flag is highlighted.
// Everything is drawn with textContent, so nothing she types is ever read as HTML.
(function () {
  "use strict";
  var form = document.getElementById("draft-form");
  var panel = document.getElementById("live-check");
  if (!form || !panel || !window.fetch) {
    return;
  }
  var headline = document.getElementById("live-headline");
  var preview = document.getElementById("live-preview");
  var list = document.getElementById("live-flags");
  var offer = document.getElementById("live-suggestion");
  var offerText = document.getElementById("live-suggestion-text");
  var noneLeft = document.getElementById("live-none-left");
  var timer = null;
  var latest = 0;

  function draw(answer) {
    headline.textContent = answer.headline;
    preview.textContent = "";
    answer.pieces.forEach(function (piece) {
      var node = piece.codes.length ? document.createElement("mark") : document.createElement("span");
      if (piece.codes.length) {
        node.className = "flag-" + piece.codes[0];
        node.title = piece.codes.join(", ").replace(/_/g, " ");
      }
      node.textContent = piece.text;
      preview.appendChild(node);
    });
    list.textContent = "";
    answer.flags.forEach(function (flag) {
      var item = document.createElement("li");
      var code = document.createElement("strong");
      code.textContent = flag.code.replace(/_/g, " ");
      item.appendChild(code);
      item.appendChild(document.createTextNode(": " + flag.why));
      list.appendChild(item);
    });
    offerText.textContent = answer.suggestion || "";
    offer.hidden = !answer.suggestion;
    noneLeft.textContent = answer.none_left || "";
    noneLeft.hidden = !answer.none_left;
    panel.hidden = false;
  }

  // "Use this": the calmer version goes into her draft box, to edit or check again. The page
  // keeps it readable as plain text without JavaScript, so the button only shows with it.
  function useSuggestion(event) {
    var button = event.target.closest(".use-suggestion");
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-suggestion"));
    form.elements.text.value = source.textContent;
    form.elements.text.focus();
    form.elements.text.dispatchEvent(new Event("input", { bubbles: true }));
  }
  document.querySelectorAll(".use-suggestion").forEach(function (button) {
    button.hidden = false;
  });
  document.addEventListener("click", useSuggestion);

  function check() {
    var text = form.elements.text.value;
    if (!text.trim()) {
      panel.hidden = true;
      return;
    }
    var request = ++latest;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer && request === latest) {
          draw(answer);
        }
      })
      .catch(function () { /* the submit button still works */ });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
})();
