/* Katalog filters: OPD, pilar, topik, frekuensi, periode and free text, client-side.
   Without JavaScript every dataset stays listed. The state lives in the URL query
   (?opd=dinkes&q=dbd), so a filtered list can be shared and comes back after Back; the old
   hash form (#pilar=sektoral) still preselects. An empty result offers a reset and a request. */
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
    var empty = document.getElementById("katalog-kosong");
    var request = document.getElementById("minta-data");

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

    function remember() {
      var query = new URLSearchParams();
      if (text.value) { query.set("q", text.value); }
      selects.forEach(function (s) { if (s.value) { query.set(s.dataset.filter, s.value); } });
      var search = query.toString();
      var url = window.location.pathname + (search ? "?" + search : "");
      window.history.replaceState(null, "", url);
    }

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = matches(card);
        card.hidden = !ok;
        if (ok) { shown++; }
      });
      count.textContent = shown + " dataset";
      if (empty) { empty.hidden = shown > 0; }
      if (request && request.dataset.dasar) {
        var url = new URL(request.dataset.dasar, window.location.href);
        if (url.searchParams.has("judul") || url.searchParams.has("title")) {
          url.searchParams.set("judul", text.value || "");
          url.searchParams.set("title", "[Permintaan dataset] " + (text.value || ""));
        }
        request.href = url.toString();
      }
    }

    function restore() {
      var query = new URLSearchParams(window.location.search);
      var hash = new URLSearchParams(window.location.hash.slice(1));
      text.value = query.get("q") || "";
      selects.forEach(function (s) {
        var want = query.get(s.dataset.filter) || hash.get(s.dataset.filter) || "";
        var known = Array.prototype.some.call(s.options, function (o) { return o.value === want; });
        s.value = known ? want : "";
      });
      apply();
    }

    selects.forEach(function (s) {
      s.addEventListener("change", function () { apply(); remember(); });
    });
    text.addEventListener("input", function () { apply(); remember(); });
    var form = document.getElementById("filter-katalog");
    if (form) { form.addEventListener("submit", function (e) { e.preventDefault(); }); }
    var reset = document.getElementById("filter-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        text.value = "";
        selects.forEach(function (s) { s.value = ""; });
        apply(); remember(); text.focus();
      });
    }
    /* Back/forward (also from the page cache) shows what the URL says, not stale fields. */
    window.addEventListener("pageshow", restore);
    window.addEventListener("popstate", restore);
    restore();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else { setup(); }
})();
