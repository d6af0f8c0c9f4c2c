/* Katalog filters: OPD, pilar, topik, frekuensi, periode and free text, client-side.
   Without JavaScript every dataset stays listed. The URL hash (#pilar=sektoral) preselects. */
(function () {
  "use strict";
  function setup() {
    var list = document.getElementById("katalog");
    if (!list || list.dataset.siap) { return; }
    list.dataset.siap = "1";
    var cards = Array.prototype.slice.call(list.querySelectorAll(".sd-kartu"));
    var selects = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
    var text = document.getElementById("filter-teks");
    var count = document.getElementById("jumlah-hasil");

    function matches(card) {
      for (var i = 0; i < selects.length; i++) {
        var key = selects[i].dataset.filter, want = selects[i].value;
        if (!want) { continue; }
        var have = (card.dataset[key] || "").split("|");
        if (key === "periode") { have = [(card.dataset.periode || "").slice(0, 4)]; }
        if (have.indexOf(want) < 0) { return false; }
      }
      var words = (text.value || "").toLowerCase().split(/\s+/).filter(Boolean);
      var hay = card.dataset.teks || "";
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    }

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = matches(card);
        card.hidden = !ok;
        if (ok) { shown++; }
      });
      count.textContent = shown + " dataset";
    }

    var hash = new URLSearchParams(window.location.hash.slice(1));
    selects.forEach(function (s) {
      if (hash.get(s.dataset.filter)) { s.value = hash.get(s.dataset.filter); }
      s.addEventListener("change", apply);
    });
    text.addEventListener("input", apply);
    var form = document.getElementById("filter-katalog");
    if (form) { form.addEventListener("submit", function (e) { e.preventDefault(); }); }
    apply();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else { setup(); }
})();
