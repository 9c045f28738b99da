// Small enhancements of the public pages; each works without it (no inline script: the
// Content-Security-Policy allows only files from the site).
(function () {
  "use strict";

  // A print button: shown only where this script runs (the browser's own print works anyway).
  document.querySelectorAll("[data-fnsp-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  // After a listing was filtered or paged (the form reloads the page), the result count gets
  // the focus and is announced, so that a screen reader user hears what the filter did.
  var count = document.querySelector(".result-count");
  var query = new URLSearchParams(window.location.search);
  query.delete("feedback");
  if (count && query.toString() && !window.location.hash) {
    var text = count.textContent;
    count.setAttribute("tabindex", "-1");
    count.focus();
    // A live region announces a change, not the text it was loaded with.
    count.textContent = "";
    window.setTimeout(function () {
      count.textContent = text;
    }, 100);
  }
})();
