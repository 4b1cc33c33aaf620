// Small fixes to the theme's behaviour (issue 9). A classic script, so it also runs from file://.
// When the chapter menu or the page contents (modal dialogs below 992 px) close, focus returns
// to the button that opened them: sphinx-book-theme blurs the button on click, so the theme's
// own "return focus" lands on <body> and a keyboard user has to start again at the top.
// Opened from disk (file://), the browser blocks the fetches with which Sphinx's search page
// shows a summary under each result (a console error per hit); there it shows titles only.
(function () {
  "use strict";
  // DOCUMENTATION_OPTIONS is a global `const` of documentation_options.js, not a window property
  if (location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
    DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
  }
  function init() {
    [
      ["pst-primary-sidebar-modal", ".primary-toggle"],
      ["pst-secondary-sidebar-modal", ".secondary-toggle"],
    ].forEach(function (pair) {
      var dialog = document.getElementById(pair[0]);
      var button = document.querySelector(pair[1]);
      if (!dialog || !button) return;
      dialog.addEventListener("close", function () {
        button.focus({ preventScroll: true });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
