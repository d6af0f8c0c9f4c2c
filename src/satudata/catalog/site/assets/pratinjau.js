/* Data preview: the page carries the first rows; with JavaScript the whole dataset is loaded
   from its JSON download (names beside codes) and shown 20 rows a page, filterable by text and
   sortable by any column. Hand-written (about a hundred lines) because the table libraries we
   tried bring their own markup and styles that fail axe or Material's table look. */
(function () {
  "use strict";
  var PER_PAGE = 20;
  var angka = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });
  var desimal = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function show(value, numeric) {
    if (value === null || value === undefined) { return ""; }
    if (numeric && typeof value === "number") {
      return Number.isInteger(value) ? angka.format(value) : desimal.format(value);
    }
    return String(value);
  }

  function setup(root) {
    if (root.dataset.siap) { return; }
    root.dataset.siap = "1";
    var spec = JSON.parse(root.getAttribute("data-pratinjau"));
    if (!spec.data) { return; }
    var table = root.querySelector("table"), info = root.querySelector(".sd-pratinjau-info");
    var rows = [], shown = [], page = 0, sortBy = null, ascending = true;

    var tools = document.createElement("div");
    tools.className = "sd-pratinjau-alat";
    var label = document.createElement("label");
    label.textContent = "Saring baris ";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "mis. nama kecamatan atau tahun";
    label.appendChild(input);
    tools.appendChild(label);
    root.insertBefore(tools, root.firstChild);

    var pager = document.createElement("nav");
    pager.className = "sd-halaman";
    pager.setAttribute("aria-label", "Halaman pratinjau");
    var prev = document.createElement("button"), next = document.createElement("button");
    var where = document.createElement("span");
    prev.type = next.type = "button";
    prev.className = next.className = "md-button";
    prev.textContent = "‹ Sebelumnya";
    next.textContent = "Berikutnya ›";
    pager.appendChild(prev); pager.appendChild(where); pager.appendChild(next);
    root.appendChild(pager);

    /* Header cells become buttons: sorting works with a keyboard too. */
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sd-urut";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        ascending = sortBy === i ? !ascending : true;
        sortBy = i;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        apply();
      });
    });

    function compare(a, b) {
      var x = a[sortBy], y = b[sortBy];
      if (x === y) { return 0; }
      if (x === null || x === undefined) { return 1; }
      if (y === null || y === undefined) { return -1; }
      var r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "id");
      return ascending ? r : -r;
    }

    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      shown = rows.filter(function (r) {
        var hay = r.teks;
        return words.every(function (w) { return hay.indexOf(w) >= 0; });
      });
      if (sortBy !== null) { shown = shown.slice().sort(function (a, b) { return compare(a.nilai, b.nilai); }); }
      page = 0;
      render();
    }

    function render() {
      var body = table.tBodies[0];
      body.textContent = "";
      var pages = Math.max(1, Math.ceil(shown.length / PER_PAGE));
      shown.slice(page * PER_PAGE, (page + 1) * PER_PAGE).forEach(function (r) {
        var tr = document.createElement("tr");
        r.nilai.forEach(function (v, i) {
          var td = document.createElement("td");
          if (spec.kolom[i].angka) { td.className = "sd-n"; }
          td.textContent = show(v, spec.kolom[i].angka);
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      info.textContent = shown.length === rows.length
        ? angka.format(rows.length) + " baris."
        : angka.format(shown.length) + " dari " + angka.format(rows.length) + " baris cocok dengan saringan.";
      where.textContent = "Halaman " + angka.format(page + 1) + " dari " + angka.format(pages);
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }

    prev.addEventListener("click", function () { if (page > 0) { page--; render(); } });
    next.addEventListener("click", function () { page++; render(); });
    input.addEventListener("input", apply);

    fetch(spec.data).then(function (r) { return r.json(); }).then(function (doc) {
      rows = doc.data.map(function (d) {
        var values = spec.kolom.map(function (k) { return d[k.nama]; });
        return { nilai: values, teks: values.map(function (v) { return v === null ? "" : String(v); }).join(" ").toLowerCase() };
      });
      shown = rows;
      render();
    }).catch(function () { info.textContent += " Seluruh data tidak dapat dimuat; gunakan berkas unduhan."; });
  }

  function start() { document.querySelectorAll("[data-pratinjau]").forEach(setup); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
