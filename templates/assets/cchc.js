/* Progressive enhancements; the site works fully without them. No inline handlers (CSP). */
(function () {
  "use strict";
  function init() {
    document.querySelectorAll("[data-cchc-print]").forEach(function (button) {
      if (button.dataset.cchcReady) return;
      button.dataset.cchcReady = "1";
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-cchc-actions]").forEach(function (box) {
      box.hidden = false;
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); /* Material's instant loading re-renders the page. */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
