// Print buttons, and the patient's page telling the server it was opened. A script, not an
// inline handler (the Content-Security-Policy allows no inline script), and a POST made by a
// browser that shows the page, so a link-preview bot's plain GET records nothing
// (docs/sharing.md).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
  var opened = document.querySelector("[data-share-opened]");
  if (opened) {
    var body = new URLSearchParams({ event: "opened" });
    fetch(window.location.pathname, { method: "POST", body: body, credentials: "same-origin" });
  }
})();
