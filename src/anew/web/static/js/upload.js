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

    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", function (progress) {
      if (progress.lengthComputable) { bar.value = progress.loaded / progress.total; }
    });
    request.upload.addEventListener("load", function () {
      bar.removeAttribute("value");  // indeterminate while the server reads the chat
      status.querySelector("span").textContent = "Reading your chat… large exports take a few seconds.";
    });
    request.addEventListener("load", function () {
      if (request.responseURL && request.responseURL.indexOf("/chats/") !== -1 && request.status < 300) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open();
      document.write(request.responseText);  // the server's own page, with its message
      document.close();
    });
    request.addEventListener("error", function () {
      button.disabled = false;
      status.querySelector("span").textContent = "The upload was interrupted. Please try again.";
    });
    request.send(new FormData(form));
  });
})();
