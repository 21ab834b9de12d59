// Upload progress for the chat import form. Without JavaScript the form posts normally; with it,
// the same post goes through XMLHttpRequest so the page can show how far the upload has come.
(function () {
  "use strict";
  var form = document.querySelector("form[data-upload-progress]");
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
  var status = document.getElementById("upload-status");
  var bar = document.getElementById("upload-progress");

  form.addEventListener("submit", function (event) {
    var file = form.querySelector("input[type=file]");
    if (!file || !file.files || !file.files.length) { return; }  // let the server explain
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.hidden = false;
    bar.value = 0;
    status.querySelector("span").textContent = "Uploading…";

    var key = "upload-" + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    var polling = null;
    var words = {
      reading: "Reading your chat…",
      measuring: "Measuring who reaches out and who replies…",
      storing: "Saving your messages…"
    };
    function follow() {
      var check = new XMLHttpRequest();
      check.open("GET", "/chats/progress/" + key);
      check.addEventListener("load", function () {
        if (check.status !== 200 || polling === null) { return; }
        var progress = JSON.parse(check.responseText);
        var label = words[progress.stage];
        if (!label) { return; }
        if (progress.stage === "storing" && progress.percent !== null && progress.done > 0) {
          bar.value = progress.done / progress.total;
          label += " " + progress.percent + "%";
        }
        status.querySelector("span").textContent = label;
      });
      check.send();
    }

    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", function (progress) {
      if (progress.lengthComputable) { bar.value = progress.loaded / progress.total; }
    });
    request.upload.addEventListener("load", function () {
      bar.removeAttribute("value");  // indeterminate while the server reads the chat
      status.querySelector("span").textContent = "Reading your chat… large exports take a few seconds.";
      polling = window.setInterval(follow, 700);
    });
    request.addEventListener("load", function () {
      window.clearInterval(polling);
      polling = null;
      if (request.responseURL && request.responseURL.indexOf("/chats/") !== -1 && request.status < 300) {
        window.location.assign(request.responseURL);
        return;
      }
      if (request.status === 422 && askAboutDates(request.responseText)) { return; }
      document.open();
      document.write(request.responseText);  // the server's own page, with its message
      document.close();
    });
    request.addEventListener("error", function () {
      window.clearInterval(polling);
      polling = null;
      button.disabled = false;
      status.querySelector("span").textContent = "The upload was interrupted. Please try again.";
    });
    // Dates that read two ways: the server's page asks which is right. Its question takes the
    // place of the dates field here, so the file she chose and all she typed stay as they are,
    // and Import sends it again with her answer.
    function askAboutDates(html) {
      var answer = new DOMParser().parseFromString(html, "text/html");
      var question = answer.getElementById("date-question");
      var field = document.getElementById("date-order-field") || document.getElementById("date-question");
      if (!question || !field) { return false; }
      field.replaceWith(document.importNode(question, true));
      var message = answer.getElementById("upload-error");
      var shown = document.getElementById("upload-error");
      if (message) {
        message = document.importNode(message, true);
        if (shown) { shown.replaceWith(message); } else { form.parentNode.insertBefore(message, form); }
      }
      button.disabled = false;
      status.hidden = true;
      var refile = document.getElementById("date-question-refile");
      if (refile) { refile.remove(); }  // her file is still chosen here
      var first = form.querySelector("#date-question input[type=radio]");
      if (first) { first.focus(); }
      return true;
    }

    var data = new FormData(form);
    data.append("progress", key);
    request.send(data);
  });
})();
