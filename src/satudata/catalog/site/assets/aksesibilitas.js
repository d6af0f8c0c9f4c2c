/* Accessibility fixes for the theme, applied on load: the search dialog gets a name
   (axe: aria-dialog-name), which the theme's markup lacks; every table region that scrolls
   sideways can be reached and scrolled with the keyboard (axe: scrollable-region-focusable);
   tables with a header row sort by any column (tablesort, vendored), by mouse or keyboard. */
(function () {
  "use strict";
  function label(box) {
    if (box.dataset.label) { return box.dataset.label; }
    var caption = box.querySelector("caption, th");
    return "Tabel" + (caption ? ": " + caption.textContent.trim() : "");
  }

  function focusable() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .sd-gulir, .md-typeset table");
    Array.prototype.forEach.call(boxes, function (box) {
      /* Only the element that actually scrolls: Material wraps tables itself. */
      if (box.classList.contains("sd-gulir") && box.querySelector(".md-typeset__scrollwrap")) { return; }
      var scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible";
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        if (box.tagName !== "TABLE") {
          box.setAttribute("role", "region");
          var outer = box.closest(".sd-gulir");
          box.setAttribute("aria-label", label(outer || box));
        }
      }
    });
  }

  function sortable() {
    if (!window.Tablesort) { return; }
    var tables = document.querySelectorAll(".md-typeset table:not([class])");
    Array.prototype.forEach.call(tables, function (table) {
      if (table.dataset.urut || !table.tHead || table.closest(".sd-pratinjau, .sd-unduh")) { return; }
      if (!table.tBodies[0] || table.tBodies[0].rows.length < 2) { return; }
      table.dataset.urut = "1";
      new window.Tablesort(table);
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        th.setAttribute("tabindex", "0");
        th.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); th.click(); }
        });
      });
    });
  }

  function fix() {
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", "Pencarian");
    }
    sortable();
    focusable();
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { setTimeout(fix, 0); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else { fix(); }
  window.addEventListener("load", fix);
  window.addEventListener("resize", focusable);
})();
