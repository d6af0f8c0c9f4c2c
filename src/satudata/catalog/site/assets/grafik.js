/* Dataset and Kinerja charts, drawn by Chart.js (vendor/chart.umd.min.js) from the JSON spec
   that `satudata build` writes into the page (data-grafik). The reader can switch measure,
   breakdown and filters; the rows then come from the dataset's JSON download. The same rule as
   the build (catalog/charts.py): a rate is never summed or averaged across categories. */
(function () {
  "use strict";
  var PALET = ["#00574b", "#c2185b", "#1565c0", "#e65100", "#6a1b9a", "#2e7d32",
    "#ad1457", "#283593", "#8d6e00", "#00838f", "#4e342e", "#37474f"];
  var angka = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

  function fmt(v) { return v === null || v === undefined ? "-" : angka.format(v); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function caption(measure, periode, breakdown, fixed, summed) {
    var text = measure.judul + " menurut " + periode.toLowerCase();
    if (breakdown) { text += ", per " + breakdown.judul.toLowerCase(); }
    if (fixed.length) { text += ": " + fixed.join(", "); }
    if (summed.length) {
      text += " (jumlah seluruh " + summed.map(function (s) { return s.toLowerCase(); }).join(", ") + ")";
    }
    return text;
  }

  /* The series for a state, from rows (objects keyed by column): mirrors charts.series. */
  function series(spec, rows, state) {
    var measure = spec.ukuran.filter(function (m) { return m.kolom === state.ukuran; })[0];
    var dims = {};
    spec.dimensi.forEach(function (d) { dims[d.kolom] = d; });
    var p = spec.periode.kolom, b = state.rincian;
    var cells = {}, multiple = false;
    rows.forEach(function (row) {
      var v = row[measure.kolom];
      if (typeof v !== "number" || row[p] === null || row[p] === undefined) { return; }
      for (var k in state.saring) {
        if (state.saring[k] && String(row[k]) !== state.saring[k]) { return; }
      }
      var key = String(row[p]) + "\u0000" + (b ? String(row[b]) : "");
      if (cells[key]) { cells[key].push(v); multiple = true; } else { cells[key] = [v]; }
    });
    if (measure.rasio && multiple) { return null; }
    var categories = b && dims[b] ? dims[b].kategori.map(function (c) { return c[0]; }) : [""];
    var names = {};
    if (b && dims[b]) { dims[b].kategori.forEach(function (c) { names[c[0]] = c[1]; }); }
    var periods = Object.keys(spec.label_periode).filter(function (x) {
      return categories.some(function (c) { return cells[x + "\u0000" + c]; });
    });
    var lines = [];
    categories.forEach(function (c) {
      var values = periods.map(function (x) {
        var list = cells[x + "\u0000" + c];
        return list ? list.reduce(function (a, v) { return a + v; }, 0) : null;
      });
      if (values.some(function (v) { return v !== null; })) {
        lines.push({ label: names[c] || c || measure.judul, nilai: values });
      }
    });
    var fixed = [], summed = [];
    Object.keys(state.saring).forEach(function (k) {
      if (!dims[k]) { return; }
      if (state.saring[k]) {
        var hit = dims[k].kategori.filter(function (c) { return c[0] === state.saring[k]; })[0];
        fixed.push(hit ? hit[1] : state.saring[k]);
      } else { summed.push(dims[k].judul); }
    });
    return {
      judul: caption(measure, spec.periode.judul, b ? dims[b] : null, fixed, summed),
      sumbu_y: measure.satuan ? measure.judul + " (" + measure.satuan + ")" : measure.judul,
      satuan: measure.satuan,
      periode: periods,
      label: periods.map(function (x) { return spec.label_periode[x]; }),
      garis: lines
    };
  }

  function textColor() {
    return getComputedStyle(document.body).getPropertyValue("--md-default-fg-color").trim() || "#333";
  }

  function draw(box, seri, kind) {
    var canvas = box.querySelector("canvas");
    if (box._chart) { box._chart.destroy(); }
    canvas.setAttribute("aria-label", seri.judul + "; angkanya ada pada tabel di bawah grafik.");
    var horizontal = kind === "batang";
    var datasets = seri.garis.map(function (g, i) {
      var color = PALET[i % PALET.length];
      return {
        label: g.label, data: g.nilai, borderColor: color, backgroundColor: color,
        borderWidth: horizontal ? 0 : 2.5, pointRadius: seri.label.length > 40 ? 0 : 3,
        pointHoverRadius: 6, spanGaps: false
      };
    });
    var valueAxis = {
      beginAtZero: true,
      title: { display: true, text: seri.sumbu_y, font: { weight: "bold" } },
      ticks: { callback: function (v) { return fmt(v); } }
    };
    if (horizontal && seri.satuan === "%") { valueAxis.max = 100; }
    var labelAxis = {
      title: { display: !horizontal, text: seri.sumbu_x || "", font: { weight: "bold" } },
      ticks: { autoSkip: true, autoSkipPadding: 14, maxRotation: 0 }
    };
    box._chart = new window.Chart(canvas, {
      type: horizontal ? "bar" : "line",
      data: { labels: seri.label, datasets: datasets },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true, maintainAspectRatio: false, animation: false, locale: "id-ID",
        color: textColor(),
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { display: datasets.length > 1, position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var v = horizontal ? ctx.parsed.x : ctx.parsed.y;
                return ctx.dataset.label + ": " + fmt(v) + (seri.satuan ? " " + seri.satuan : "");
              }
            }
          }
        },
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis }
      }
    });
  }

  function fillTable(table, spec, seri) {
    var head = table.tHead.rows[0], body = table.tBodies[0];
    while (head.cells.length > 1) { head.deleteCell(1); }
    seri.garis.forEach(function (g) {
      var th = el("th", { scope: "col", "class": "sd-n", "data-sort-method": "number" },
        g.label + (seri.satuan ? " (" + seri.satuan + ")" : ""));
      head.appendChild(th);
    });
    body.textContent = "";
    seri.label.forEach(function (label, i) {
      var tr = el("tr");
      tr.appendChild(el("td", { "data-sort": seri.periode[i] }, label));
      seri.garis.forEach(function (g) {
        var v = g.nilai[i];
        tr.appendChild(el("td", { "class": "sd-n", "data-sort": v === null ? "" : String(v) }, fmt(v)));
      });
      body.appendChild(tr);
    });
  }

  function controls(root, spec, state, onChange) {
    var form = el("form", { "class": "sd-grafik-pilihan", "aria-label": "Pilihan grafik" });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    function select(label, id, options, value) {
      var wrap = el("label", { "for": id }, label);
      var s = el("select", { id: id });
      options.forEach(function (o) {
        var opt = el("option", { value: o[0] }, o[1]);
        if (o[0] === value) { opt.selected = true; }
        s.appendChild(opt);
      });
      var box = el("div");
      box.appendChild(wrap); box.appendChild(s); form.appendChild(box);
      return s;
    }
    function render() {
      form.textContent = "";
      var measure = spec.ukuran.filter(function (m) { return m.kolom === state.ukuran; })[0];
      var ms = select("Ukuran", "grafik-ukuran", spec.ukuran.map(function (m) {
        return [m.kolom, m.judul + (m.satuan ? " (" + m.satuan + ")" : "")];
      }), state.ukuran);
      ms.addEventListener("change", function () {
        state.ukuran = ms.value;
        var m = spec.ukuran.filter(function (x) { return x.kolom === ms.value; })[0];
        Object.keys(state.saring).forEach(function (k) {
          var d = spec.dimensi.filter(function (x) { return x.kolom === k; })[0];
          if (m.rasio && !state.saring[k] && d) { state.saring[k] = d.kategori[0][0]; }
        });
        render(); onChange();
      });
      var lines = spec.dimensi.filter(function (d) {
        return d.kategori.length > 1 && d.kategori.length <= spec.batas_garis;
      });
      if (lines.length) {
        var rs = select("Rincian", "grafik-rincian", [["", "Tanpa rincian"]].concat(lines.map(function (d) {
          return [d.kolom, "Per " + d.judul.toLowerCase()];
        })), state.rincian);
        rs.addEventListener("change", function () {
          var old = state.rincian;
          state.rincian = rs.value;
          delete state.saring[rs.value];
          if (old) {
            var d = spec.dimensi.filter(function (x) { return x.kolom === old; })[0];
            state.saring[old] = measure.rasio ? d.kategori[0][0] : "";
          }
          render(); onChange();
        });
      }
      spec.dimensi.forEach(function (d) {
        if (d.kolom === state.rincian || d.kategori.length < 2) { return; }
        var options = measure.rasio ? [] : [["", "Semua (dijumlahkan)"]];
        var s = select(d.judul, "grafik-saring-" + d.kolom, options.concat(d.kategori), state.saring[d.kolom] || "");
        s.addEventListener("change", function () { state.saring[d.kolom] = s.value; onChange(); });
      });
    }
    render();
    root.insertBefore(form, root.firstChild);
  }

  function setup(box) {
    if (box.dataset.siap) { return; }
    box.dataset.siap = "1";
    var spec = JSON.parse(box.getAttribute("data-grafik"));
    if (spec.jenis === "batang") {
      draw(box, { judul: spec.judul, sumbu_y: spec.judul + " (" + spec.satuan + ")", satuan: spec.satuan,
        label: spec.label, garis: [{ label: spec.judul, nilai: spec.nilai }] }, "batang");
      return;
    }
    var figure = box.closest("figure");
    var title = figure.querySelector(".sd-grafik-judul");
    var details = figure.nextElementSibling;
    var table = details ? details.querySelector("table") : null;
    var state = JSON.parse(JSON.stringify(spec.awal));
    var seri0 = spec.seri;
    seri0.sumbu_x = spec.periode.judul;
    draw(box, seri0);
    if (!spec.data) { return; }
    var rows = null, note = el("p", { "class": "sd-meta", "aria-live": "polite" });
    box.appendChild(note);
    function update() {
      function go() {
        var seri = series(spec, rows, state);
        if (!seri || !seri.garis.length) {
          note.textContent = "Pilihan ini tidak dapat digambar tanpa menjumlahkan persentase atau rasio; pilih rincian atau kategori lain.";
          return;
        }
        note.textContent = "";
        seri.sumbu_x = spec.periode.judul;
        title.textContent = seri.judul;
        draw(box, seri);
        if (table) { fillTable(table, spec, seri); }
      }
      if (rows) { go(); return; }
      note.textContent = "Memuat data…";
      fetch(spec.data).then(function (r) { return r.json(); }).then(function (doc) {
        rows = doc.data; go();
      }).catch(function () { note.textContent = "Data tidak dapat dimuat; unduh berkasnya di atas."; });
    }
    controls(figure, spec, state, update);
  }

  function start() {
    if (!window.Chart) { return; }
    window.Chart.defaults.font.size = 13;
    window.Chart.defaults.color = textColor();
    document.querySelectorAll("[data-grafik]").forEach(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
