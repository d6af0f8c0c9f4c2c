/* Version history: the page lists the newest versions; this adds a button that loads every
   version from the dataset's riwayat.json (written from the same rows as the page's table) and
   shows them in the same table. Text goes in with textContent only: commit messages and names
   are never read as HTML. */
(function () {
  "use strict";
  var tanggal = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  function el(name, text, attrs) {
    var node = document.createElement(name);
    if (text !== undefined && text !== null) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function link(href, text, code) {
    var a = el("a", null, { href: href });
    a.appendChild(code ? el("code", text) : document.createTextNode(text));
    return a;
  }

  function day(iso) {
    var p = iso.split("-").map(Number);
    return tanggal.format(new Date(Date.UTC(p[0], p[1] - 1, p[2])));
  }

  function row(v, root) {
    var tr = el("tr");
    tr.appendChild(el("td", day(v.tanggal)));
    var change = el("td", v.jenis + ": " + (v.tambah === null ? "metadata" : "+" + v.tambah + " / -" + v.hapus + " baris"));
    change.appendChild(el("br"));
    change.appendChild(el("small", v.pesan));
    tr.appendChild(change);
    tr.appendChild(el("td", v.penulis));
    tr.appendChild(el("td", v.penyetuju || "-"));
    var commit = el("td");
    commit.appendChild(v.commit_url ? link(v.commit_url, v.sha, true) : el("code", v.sha));
    if (v.pr) {
      commit.appendChild(document.createTextNode(" · "));
      commit.appendChild(v.pr_url ? link(v.pr_url, "#" + v.pr) : document.createTextNode("#" + v.pr));
    }
    tr.appendChild(commit);
    var csv = el("td");
    if (v.ditarik) {
      var span = el("span", null, { "class": "sd-ditarik" });
      span.appendChild(el("strong", "Ditarik"));
      span.appendChild(document.createTextNode(": " + v.ditarik));
      csv.appendChild(span);
    } else if (v.unduh) {
      var a = link(root + v.unduh.path, "CSV");
      a.setAttribute("download", "");
      csv.appendChild(a);
      csv.appendChild(document.createTextNode(" "));
      csv.appendChild(el("code", v.unduh.sha256.slice(0, 12) + "…", { "class": "sd-hash", title: "SHA-256" }));
    } else {
      csv.textContent = "-";
    }
    tr.appendChild(csv);
    return tr;
  }

  function setup(note) {
    if (note.dataset.siap) { return; }
    note.dataset.siap = "1";
    var table = note.parentNode.querySelector("table.sd-riwayat");
    var url = note.getAttribute("data-riwayat");
    var root = url.slice(0, url.indexOf("unduh/"));
    var button = el("button", "Tampilkan semua " + note.getAttribute("data-jumlah") + " versi", { type: "button", "class": "md-button" });
    note.appendChild(document.createTextNode(" "));
    note.appendChild(button);
    button.addEventListener("click", function () {
      button.disabled = true;
      fetch(url).then(function (r) { return r.json(); }).then(function (doc) {
        var body = table.tBodies[0];
        body.textContent = "";
        doc.versi.forEach(function (v) { body.appendChild(row(v, root)); });
        note.querySelector(".sd-riwayat-status").textContent = "Semua " + doc.versi.length + " versi ditampilkan.";
        button.remove();
      }).catch(function () {
        button.disabled = false;
        note.appendChild(document.createTextNode(" Riwayat lengkap tidak dapat dimuat; buka riwayat.json."));
      });
    });
  }

  function start() { document.querySelectorAll(".sd-riwayat-lengkap[data-riwayat]").forEach(setup); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
