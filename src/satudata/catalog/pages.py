"""Render the catalog's Markdown pages from the Jinja2 templates (engine defaults, repository overrides)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote, urlencode

from markupsafe import Markup

from satudata.catalog.charts import bar_chart, line_chart
from satudata.catalog.feeds.schemaorg import schema_org, script_json
from satudata.catalog.sources import merge_layer, template_dirs
from satudata.catalog.text import environment, md
from satudata.catalog.views import PublishedDataset, Site
from satudata.load import paths
from satudata.model import Pilar
from satudata.report.codes_doc import codes_markdown
from satudata.rules.performance import performance
from satudata.rules.personal_data import mask_personal
from satudata.rules.timeliness import Kebaruan

PREVIEW_ROWS = 20
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
}


def _display(value: object) -> str:
    """A typed cell as the CSV wrote it (booleans as true/false, empty as nothing)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


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
    def render_all(self, rows: dict[str, list[list]]) -> None:
        self.home_page(rows)
        self.catalog_page()
        for t in self.situs.terbitan:
            self.dataset_page(t, rows[t.id])
        self.opd_pages()
        self.performance_page()
        self.reference_pages()
        self.write("panduan/index.md", "panduan.md.j2")
        self.write("panduan/walidata.md", "panduan-walidata.md.j2")
        self.write("panduan/kontributor.md", "panduan-kontributor.md.j2")
        (self.docs / "panduan" / "kode-temuan.md").write_text(codes_markdown(), encoding="utf-8")
        self.static_assets()

    def home_page(self, rows: dict[str, list[list]]) -> None:
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
            jumlah_baris=sum(len(r) for r in rows.values()),
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
        )

    def dataset_page(self, t: PublishedDataset, rows: list[list]) -> None:
        header = [k.nama for k in t.meta.kolom]
        self.write(
            t.page,
            "dataset.md.j2",
            t=t,
            root="../../../",
            jsonld=script_json(schema_org(self.situs, t)),
            metadata=self._metadata(t),
            indikator=self._indikator(t),
            grafik=self._chart(t, rows),
            jumlah_baris=len(rows),
            pratinjau={
                "kolom": header,
                "baris": [[_display(v) for v in r] for r in rows[:PREVIEW_ROWS]],
            },
            berkas=[{"label": LABEL_BERKAS[b.jenis], **vars(b)} for b in t.berkas.values()],
            kutipan=self._citation(t),
            lapor_url=self._report_url(t),
            riwayat=self._history(t),
            dangkal=self.situs.git.shallow,
        )

    def opd_pages(self) -> None:
        repo = self.situs.repo
        numbers = {row["opd"]: row for row in self.kinerja["opd"]}
        fulfilled = repo.fulfilment()
        published = {t.id: t for t in self.situs.terbitan}
        for opd in repo.organisasi.organisasi if repo.organisasi else []:
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
        chart = bar_chart(
            [o["singkatan"] for o in self.kinerja["opd"]],
            [o["persen_terpenuhi"] for o in self.kinerja["opd"]],
            "Daftar Data terpenuhi per OPD (%)",
        )
        self.write("kinerja.md", "kinerja.md.j2", kinerja=self.kinerja, grafik=Markup(chart))

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

    def _chart(self, t: PublishedDataset, rows: list[list]) -> dict | None:
        periode, measures = t.meta.periode, t.meta.ukuran_kolom
        if periode is None or not measures:
            return None
        header = [k.nama for k in t.meta.kolom]
        p, m = header.index(periode.nama), header.index(measures[0].nama)
        totals: dict[str, list[float]] = {}
        for row in rows:
            if isinstance(row[m], (int, float)) and row[p]:
                totals.setdefault(str(row[p]), []).append(float(row[m]))
        if not totals:
            return None
        from satudata.rules.periods import ordered_periods

        labels = ordered_periods(list(totals))
        additive = measures[0].tipe.value == "bilangan-bulat"
        values = [sum(totals[x]) if additive else sum(totals[x]) / len(totals[x]) for x in labels]
        kind = "Jumlah" if additive else "Rata-rata"
        title = f"{kind} {measures[0].judul} menurut {periode.judul.lower()}"
        return {
            "svg": Markup(line_chart(labels, values, title, measures[0].satuan or "")),
            "judul": title,
            "kolom": f"{kind} {measures[0].judul}",
            "titik": list(zip(labels, values, strict=False)),
        }

    def _citation(self, t: PublishedDataset) -> str:
        year = t.tanggal_diubah.year if t.tanggal_diubah else self.situs.tanggal.year
        producer = t.opd.nama if t.opd else t.meta.produsen
        return (
            f"{producer} ({year}). {t.meta.judul} [dataset]. {self.situs.portal.nama_portal}. "
            f"{self.situs.url(t.url_path)}"
        )

    def _report_url(self, t: PublishedDataset) -> str:
        return report_url(self.situs.portal, t.id, t.meta.judul)

    def _history(self, t: PublishedDataset) -> list[dict]:
        forge = self.situs.portal.forge
        base = str(forge.url).rstrip("/")
        commit_part, pr_part = (
            ("/-/commit/", "/-/merge_requests/")
            if forge.jenis == "gitlab"
            else ("/commit/", "/pull/")
        )
        rows = []
        for v in t.versi:
            c = v.commit
            counts = t.baris_versi.get(c.sha)
            withdrawn = t.versi_ditarik.get(c.sha)
            rows.append(
                {
                    "tanggal": c.date,
                    "penulis": ", ".join(v.penulis),
                    "jenis": v.jenis,
                    "pesan": mask_personal(c.subject),  # commit messages are not validated
                    "sha": c.sha[:10],
                    "commit_url": base + commit_part + c.sha,
                    "pr": c.pr,
                    "pr_url": f"{base}{pr_part}{c.pr}" if c.pr else None,
                    "penyetuju": ", ".join(c.approvers),
                    "baris": f"+{counts[0]} / -{counts[1]} baris" if counts else "metadata",
                    "unduh": None if withdrawn else t.berkas_versi.get(c.sha),
                    "ditarik": withdrawn.teks if withdrawn else None,
                }
            )
        return rows
