// Optional enhancements; every page works without this file.
(function () {
  "use strict";
  // "/" focuses the search box.
  document.addEventListener("keydown", function (e) {
    var q = document.getElementById("q");
    if (!q || e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
    e.preventDefault();
    q.focus();
  });
  // Leave empty fields out of the search URL.
  var form = document.querySelector("form.search");
  if (form) {
    form.addEventListener("submit", function () {
      var fields = form.querySelectorAll("input");
      for (var i = 0; i < fields.length; i++) {
        if (fields[i].name && fields[i].value.trim() === "") fields[i].disabled = true;
      }
      // Re-enable after navigation starts so a back navigation shows them.
      setTimeout(function () {
        for (var i = 0; i < fields.length; i++) fields[i].disabled = false;
      }, 0);
    });
  }
})();
