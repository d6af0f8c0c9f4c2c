"""Render the catalog's Markdown pages from the Jinja2 templates (engine defaults, repository overrides)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlencode

from markupsafe import Markup

from satudata.catalog.charts import bar_spec, chart_spec
from satudata.catalog.feeds.schemaorg import schema_org, script_json
from satudata.catalog.names import NamedColumn, named_columns, with_names
from satudata.catalog.sources import merge_layer, template_dirs
from satudata.catalog.text import angka, environment, md
from satudata.catalog.views import PublishedDataset, Site
from satudata.load import paths
from satudata.model import Pilar
from satudata.report.codes_doc import codes_markdown
from satudata.rules.performance import performance
from satudata.rules.timeliness import Kebaruan

# Rows written into the page: what a reader without JavaScript sees (and the first screen);
# with it, pratinjau.js loads every row from the JSON download.
PREVIEW_ROWS = 10
# The whole dataset is shown on the page (paged, filterable) by loading the JSON download; above
# this size the page keeps the first rows only and points to the downloads.
PREVIEW_MAX_BYTES = 3_000_000
# Versions listed on the page, newest first; all of them are in riwayat.json, which the page
# loads on request. Each row is ~0.5 KB, and histories only grow: 20 versions were a fifth of
# a dataset page.
HISTORY_ROWS = 5
MAX_NAMES_LISTED = 40  # names of covered areas/categories written on the page (and so indexed)
PILAR_JUDUL = {
    Pilar.SEKTORAL: "Data sektoral",
    Pilar.KEPENDUDUKAN: "Data kependudukan",
    Pilar.LAYANAN_PUBLIK: "Data layanan publik",
}
LABEL_BERKAS = {
    "csv": "CSV",
    "xlsx": "XLSX (Excel)",
    "json": "JSON",
    "datapackage": "datapackage.json (Frictionless)",
    "csv-nama": "CSV dengan nama",
    "lembar": "Lembar kerja OPD (Excel)",
}


def _display(value: object) -> str:
    """A typed cell as the CSV wrote it (booleans as true/false, empty as nothing)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _cell(value: object, numeric: bool) -> dict:
    """A preview cell: numbers in Indonesian format with the raw value to sort by."""
    if numeric and isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"teks": angka(value), "urut": repr(value), "angka": True}
    return {"teks": _display(value), "urut": None, "angka": False}


def request_url(portal, text: str = "") -> str:
    """Link that opens the forge's data-request form ("Minta data"), prefilled with `text`."""
    base = str(portal.forge.url).rstrip("/")
    title = f"[Permintaan dataset] {text}".strip()
    if portal.forge.jenis == "gitlab":
        return f"{base}/-/issues/new?" + urlencode({"issue[title]": title})
    return f"{base}/issues/new?" + urlencode(
        {"template": "permintaan-dataset.yml", "title": title, "judul": text}, quote_via=quote
    )


def report_url(portal, dataset_id: str, judul: str) -> str:
    """Link that opens the forge's error-report form, prefilled with the dataset."""
    base = str(portal.forge.url).rstrip("/")
    title = f"[Kesalahan data] {judul}"
    if portal.forge.jenis == "gitlab":
        return f"{base}/-/issues/new?" + urlencode(
            {"issue[title]": title, "issue[description]": f"Dataset: {dataset_id}"}
        )
    return f"{base}/issues/new?" + urlencode(
        {"template": "laporkan-kesalahan.yml", "title": title, "dataset": dataset_id},
        quote_via=quote,
    )


class Pages:
    """Writes every page of one build into `docs`."""

    def __init__(self, situs: Site, docs: Path):
        self.situs, self.docs = situs, docs
        self.env = environment(template_dirs(situs.repo.root))
        self.kinerja = performance(situs.repo, situs.report)
        self._named: dict[str, list[NamedColumn]] = {}
        self._covered: dict[str, dict[str, list[str]]] = {}

    def write(self, relative: str, template: str, **context) -> None:
        path = self.docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        text = self.env.get_template(template).render(
            portal=self.situs.portal, walidata=self._walidata(), **context
        )
        path.write_text(text, encoding="utf-8")

    def _walidata(self) -> str:
        opds = self.situs.repo.organisasi.by_slug() if self.situs.repo.organisasi else {}
        opd = opds.get(self.situs.portal.walidata.opd)
        return opd.nama if opd else self.situs.portal.walidata.opd

    # --- pages ------------------------------------------------------------------------------
    def site_pages(self, row_counts: dict[str, int]) -> None:
        """Every page but the dataset pages, after them: the catalog lists the names each
        dataset page found (`add_coverage` when a worker process wrote that page)."""
        self.home_page(row_counts)
        self.catalog_page()
        self.opd_pages()
        self.performance_page()
        self.reference_pages()
        self.write("panduan/index.md", "panduan.md.j2")
        self.write("panduan/walidata.md", "panduan-walidata.md.j2")
        self.write("panduan/kontributor.md", "panduan-kontributor.md.j2")
        (self.docs / "panduan" / "kode-temuan.md").write_text(codes_markdown(), encoding="utf-8")
        self.static_assets()

    def home_page(self, row_counts: dict[str, int]) -> None:
        terbitan = self.situs.terbitan
        pilar = [
            {
                "kode": p.value,
                "judul": PILAR_JUDUL[p],
                "jumlah": sum(1 for t in terbitan if t.meta.pilar is p),
            }
            for p in Pilar
        ]
        terbaru = sorted(
            terbitan,
            key=lambda t: (t.diubah.date.isoformat() if t.diubah else "", t.id),
            reverse=True,
        )[:8]
        self.write(
            "index.md",
            "beranda.md.j2",
            terbitan=terbitan,
            pilar_list=pilar,
            terbaru=terbaru,
            jumlah_baris=sum(row_counts.values()),
            jumlah_opd=len({t.meta.produsen for t in terbitan}),
            kinerja=self.kinerja,
        )

    def catalog_page(self) -> None:
        terbitan = self.situs.terbitan
        opds = self.situs.repo.organisasi.by_slug() if self.situs.repo.organisasi else {}

        def options(values) -> list[tuple[str, str]]:
            return sorted(set(values), key=lambda pair: pair[1])

        filters = [
            {
                "kunci": "opd",
                "label": "OPD",
                "pilihan": options(
                    (
                        t.meta.produsen,
                        opds[t.meta.produsen].singkatan
                        if t.meta.produsen in opds
                        else t.meta.produsen,
                    )
                    for t in terbitan
                ),
            },
            {
                "kunci": "pilar",
                "label": "Pilar",
                "pilihan": options(
                    (t.meta.pilar.value, PILAR_JUDUL[t.meta.pilar]) for t in terbitan
                ),
            },
            {
                "kunci": "topik",
                "label": "Topik",
                "pilihan": options((topik, topik) for t in terbitan for topik in t.meta.topik),
            },
            {
                "kunci": "frekuensi",
                "label": "Frekuensi",
                "pilihan": options(
                    (t.meta.frekuensi.value, t.meta.frekuensi.value) for t in terbitan
                ),
            },
            {
                "kunci": "periode",
                "label": "Periode terakhir",
                "pilihan": options(
                    (t.periode_terakhir[:4], t.periode_terakhir[:4])
                    for t in terbitan
                    if t.periode_terakhir
                ),
            },
        ]
        cari = {
            t.id: " ".join(
                [
                    t.meta.judul,
                    t.meta.deskripsi,
                    *t.meta.kata_kunci,
                    *t.meta.topik,
                    *(k.nama for k in t.meta.kolom),
                    *(k.judul for k in t.meta.kolom),
                    *self.covered_names(t),
                ]
            ).lower()
            for t in terbitan
        }
        self.write(
            "katalog.md",
            "katalog.md.j2",
            terbitan=terbitan,
            filters=filters,
            cari=cari,
            tertahan=self.situs.tertahan,
            minta_url=request_url(self.situs.portal),
        )

    def named(self, t: PublishedDataset) -> list[NamedColumn]:
        if t.id not in self._named:
            self._named[t.id] = named_columns(self.situs.repo, t.meta)
        return self._named[t.id]

    def add_coverage(self, dataset_id: str, coverage: dict[str, list[str]]) -> None:
        self._covered[dataset_id] = coverage

    def covered_names(self, t: PublishedDataset) -> list[str]:
        """Names of the areas/categories a dataset covers (for search), when few enough."""
        values = self._covered.get(t.id, {})
        return [name for names in values.values() for name in names]

    def dataset_page(
        self, t: PublishedDataset, rows: list[list], history: list[dict]
    ) -> dict[str, list[str]]:
        """Write the page of `t` (`history`: `past_versions.history_rows`); returns the names
        it covers (for the catalog's search)."""
        header = [k.nama for k in t.meta.kolom]
        named = self.named(t)
        wide_header, wide_rows = with_names(header, rows[:PREVIEW_ROWS], named)
        numeric = {k.nama for k in t.meta.kolom if k.peran.value == "ukuran"}
        titles = {k.nama: k.judul for k in t.meta.kolom}
        titles.update(
            {n.nama: f"Nama {n.nama.removeprefix('nama_').replace('_', ' ')}" for n in named}
        )
        json_file = t.berkas.get("json")
        loadable = json_file is not None and json_file.bytes <= PREVIEW_MAX_BYTES
        data_url = f"../../../{json_file.path}" if loadable and json_file else None
        self.write(
            t.page,
            "dataset.md.j2",
            t=t,
            root="../../../",
            jsonld=script_json(schema_org(self.situs, t)),
            metadata=self._metadata(t),
            indikator=self._indikator(t),
            grafik=chart_spec(t.meta, header, rows, named, data_url),
            jumlah_baris=len(rows),
            cakupan=self._coverage(t, header, rows, named),
            pratinjau={
                "kolom": [
                    {"nama": h, "judul": titles.get(h, h), "angka": h in numeric}
                    for h in wide_header
                ],
                "baris": [
                    [_cell(v, h in numeric) for h, v in zip(wide_header, r, strict=False)]
                    for r in wide_rows
                ],
                "data": data_url,
            },
            tombol=[
                {"label": label, **vars(b)}
                for label, b in (
                    ("CSV", t.tambahan.get("csv-nama") or t.berkas.get("csv")),
                    ("Excel", t.berkas.get("xlsx")),
                    ("JSON", t.berkas.get("json")),
                )
                if b is not None
            ],
            berkas=[
                {"label": LABEL_BERKAS[b.jenis], **vars(b)}
                for b in [*t.berkas.values(), *t.tambahan.values()]
                if b.jenis not in ("lembar", "riwayat")  # each linked from its own section
            ],
            lembar=t.tambahan.get("lembar"),
            kutipan=self._citation(t),
            lapor_url=self._report_url(t),
            riwayat=history[:HISTORY_ROWS],
            jumlah_versi=len(history),
            riwayat_lengkap=t.tambahan.get("riwayat"),
            dangkal=self.situs.git.shallow,
        )
        return self._covered[t.id]

    def opd_pages(self) -> None:
        repo = self.situs.repo
        numbers = {row["opd"]: row for row in self.kinerja["opd"]}
        fulfilled = repo.fulfilment()
        published = {t.id: t for t in self.situs.terbitan}
        opds = repo.organisasi.organisasi if repo.organisasi else []
        count = Counter(t.meta.produsen for t in self.situs.terbitan)
        daftar = [
            {**numbers[opd.slug], "slug": opd.slug, "terbitan": count[opd.slug]} for opd in opds
        ]
        self.write("opd/index.md", "opd-daftar.md.j2", daftar=daftar)
        for opd in opds:
            entri = []
            for e in repo.daftar_data.entri if repo.daftar_data else []:
                if e.produsen != opd.slug:
                    continue
                ids = fulfilled.get(e.kode, [])
                link = next((published[i].page for i in ids if i in published), None)
                entri.append(
                    {
                        "kode": e.kode,
                        "judul": e.judul,
                        "frekuensi": e.frekuensi.value,
                        "terpenuhi": bool(ids),
                        "tautan": link,
                    }
                )
            self.write(
                f"opd/{opd.slug}.md",
                "opd.md.j2",
                opd=opd,
                angka_opd=numbers[opd.slug],
                terbitan=[t for t in self.situs.terbitan if t.meta.produsen == opd.slug],
                tertahan=[d for d in self.situs.tertahan if d.meta.produsen == opd.slug],
                entri=entri,
                tahun=repo.daftar_data.tahun if repo.daftar_data else "",
            )

    def performance_page(self) -> None:
        chart = bar_spec(
            [o["singkatan"] for o in self.kinerja["opd"]],
            [o["persen_terpenuhi"] for o in self.kinerja["opd"]],
            "Daftar Data terpenuhi per OPD",
            "%",
        )
        self.write("kinerja.md", "kinerja.md.j2", kinerja=self.kinerja, grafik=chart)

    def reference_pages(self) -> None:
        repo = self.situs.repo
        described = {t.nama: t for t in (repo.referensi.tabel if repo.referensi else [])}
        tables = []
        for name in repo.reference_names:
            table = repo.reference_table(name)
            if table is None:  # unreadable (not UTF-8): left out of the site
                continue
            info = described.get(name)
            entry = {
                "nama": name,
                "judul": info.judul if info else name,
                "sumber": info.sumber if info else "-",
                "jumlah": len(table.rows),
            }
            tables.append(entry)
            self.write(
                f"referensi/{name}.md",
                "referensi-tabel.md.j2",
                info=entry,
                kolom=table.columns,
                baris_list=table.rows,
            )
            shutil.copyfile(
                repo.root / paths.reference_file(name),
                self.docs / "referensi" / f"{name}.csv",
            )
        self.write("referensi.md", "referensi.md.j2", tabel=tables)

    def static_assets(self) -> None:
        merge_layer("assets", self.situs.repo.root, self.docs / "assets")

    # --- pieces of the dataset page ---------------------------------------------------------
    def _metadata(self, t: PublishedDataset) -> list[tuple[str, Markup]]:
        meta, portal = t.meta, self.situs.portal
        opd_link = Markup(
            f'<a href="../../../opd/{md(meta.produsen)}/">'
            f"{md(t.opd.nama if t.opd else meta.produsen)}</a>"
        )
        jadwal = (
            meta.jadwal_rilis.keterangan
            or f"{meta.jadwal_rilis.jeda_bulan} bulan setelah akhir periode"
        )
        rows = [
            ("Produsen data", opd_link),
            ("Pilar", md(meta.pilar.value)),
            ("Topik", md(", ".join(meta.topik))),
            ("Kata kunci", md(", ".join(meta.kata_kunci) or "-")),
            ("Klasifikasi", md(meta.klasifikasi.value)),
            ("Lisensi", md(meta.lisensi or portal.lisensi_bawaan)),
            ("Frekuensi", md(meta.frekuensi.value)),
            ("Cara pengumpulan", md(meta.cara_pengumpulan.value)),
            ("Cakupan wilayah", md(meta.cakupan_wilayah)),
            ("Sumber", md(meta.sumber)),
            ("Kontak", md(meta.kontak or (t.opd.kontak if t.opd else None) or "-")),
            ("Daftar Data", md(meta.daftar_data or "-")),
            ("Jadwal rilis", md(jadwal)),
            ("Periode terakhir", md(t.periode_terakhir or "-")),
            ("Terakhir diubah", md(self.env.filters["tanggal"](t.tanggal_diubah))),
            ("Pembaruan berikutnya", md(self._next_update(t.facts.kebaruan))),
        ]
        if meta.catatan:
            rows.append(("Catatan", md(meta.catatan)))
        return rows

    def _next_update(self, kebaruan: Kebaruan | None) -> str:
        if kebaruan is None:
            return "tidak diketahui"
        if kebaruan.tenggat is None:
            return kebaruan.label
        due = self.env.filters["tanggal"](kebaruan.tenggat)
        return f"paling lambat {due} ({kebaruan.label})"

    @staticmethod
    def _indikator(t: PublishedDataset) -> list[tuple[str, str]]:
        if t.meta.indikator is None:
            return []
        fields = t.meta.indikator.model_dump(exclude_none=True)
        return [(name.replace("_", " ").capitalize(), value) for name, value in fields.items()]

    def _coverage(
        self, t: PublishedDataset, header: list[str], rows: list[list], named: list[NamedColumn]
    ) -> dict[str, list[str]]:
        """Column title → names of the codes that occur (few enough to list), e.g. the
        kecamatan a dataset covers: shown on the page, so search finds them."""
        if t.id in self._covered:
            return self._covered[t.id]
        result: dict[str, list[str]] = {}
        for n in named:
            if n.kode not in header:
                continue
            i = header.index(n.kode)
            codes = dict.fromkeys(str(r[i]) for r in rows if r[i] is not None)
            if 0 < len(codes) <= MAX_NAMES_LISTED:
                kolom = t.meta.column(n.kode)
                title = kolom.judul if kolom else n.kode
                if title.lower().startswith("kode "):
                    title = title[5:]
                result[title[:1].upper() + title[1:]] = sorted(n.names.get(c, c) for c in codes)
        self._covered[t.id] = result
        return result

    def _citation(self, t: PublishedDataset) -> str:
        year = t.tanggal_diubah.year if t.tanggal_diubah else self.situs.tanggal.year
        producer = t.opd.nama if t.opd else t.meta.produsen
        return (
            f"{producer} ({year}). {t.meta.judul} [dataset]. {self.situs.portal.nama_portal}. "
            f"{self.situs.url(t.url_path)}"
        )

    def _report_url(self, t: PublishedDataset) -> str:
        return report_url(self.situs.portal, t.id, t.meta.judul)
