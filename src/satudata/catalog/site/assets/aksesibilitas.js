/* Accessibility fixes for the theme, applied on load: the search dialog gets a name
   (axe: aria-dialog-name), which the theme's markup lacks. */
(function () {
  "use strict";
  function fix() {
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", "Pencarian");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else { fix(); }
})();
