// The editor's live preview: the body is sent to the server, which renders it through the same
// Markdown path and sanitizer as publishing. Without JavaScript the Preview button does the same.
(function () {
  "use strict";
  var body = document.getElementById("body");
  var target = document.getElementById("live-preview");
  var form = document.getElementById("story-form");
  if (!body || !target || !form || !window.fetch) { return; }
  var timer = null;
  var sent = 0;
  function refresh() {
    var ticket = ++sent;
    var data = new URLSearchParams();
    data.set("csrf_token", form.elements["csrf_token"].value);
    data.set("body", body.value);
    fetch(body.getAttribute("data-preview"), { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // The server's HTML is the sanitized article body, the same that readers get.
        if (html !== null && ticket === sent) { target.innerHTML = html; }
      })
      .catch(function () {});
  }
  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();
