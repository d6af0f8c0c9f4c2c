"""Metadata carrying HTML/JS is rendered as text; spreadsheet formulas are never formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook

from conftest import REPO_ROOT
from satudata.catalog.build import BuildError, build
from satudata.catalog.downloads import xlsx_bytes
from satudata.rules.formulas import FORMULA

PAYLOADS = (
    '<script>alert("judul")</script>',
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(2))",
    "{ onclick=alert(3) }",
)


def _with_site(repo) -> None:
    shutil.copyfile(REPO_ROOT / "mkdocs.yml", repo.root / "mkdocs.yml")


def test_html_and_js_in_metadata_render_as_text(repo):
    _with_site(repo)
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "judul: Jumlah Puskesmas per Kecamatan",
        f"judul: 'Puskesmas {PAYLOADS[0]}'",
    )
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "deskripsi: Jumlah puskesmas menurut kecamatan.",
        "deskripsi: '" + " ".join(PAYLOADS[1:]) + "'",
    )
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "    judul: Kode kecamatan",
        "    judul: '<b onmouseover=alert(4)>kode</b>'",
    )
    result = build(repo.root, repo.root / "public", jobs=1)
    for page in result.output.rglob("*.html"):
        audit = _Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        assert audit.problems == [], (page, audit.problems)
    dataset = (result.output / "dataset/dinkes/puskesmas/index.html").read_text(encoding="utf-8")
    assert "alert" in dataset  # the text itself is still shown to the reader


class _Audit(HTMLParser):
    """Collects what would run: event-handler attributes, javascript: URLs, injected scripts."""

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        in_script = self._in_script and "alert(" in data and "ld+json" not in data
        if in_script and "\\u003c" not in data and "<" in data:
            self.problems.append(f"script: {data[:80]}")


def test_xlsx_cells_that_look_like_formulas_stay_text(repo):
    from satudata.catalog.views import PublishedDataset
    from satudata.load.repository import Repository

    loaded = Repository.load(repo.root)
    entry = loaded.datasets["dinkes/puskesmas"]
    t = PublishedDataset(entry, entry.meta, None, {}, None)
    rows = [[2024, '=HYPERLINK("http://x","klik")', 3], [2025, "+1+1", -4], [2025, "@SUM(A1)", 1]]
    data = xlsx_bytes(
        t,
        ["tahun", "kode_kecamatan", "jumlah_puskesmas"],
        rows,
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    sheet = load_workbook(io.BytesIO(data))["data"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert sheet["B2"].value.startswith("=HYPERLINK") and sheet["B2"].data_type == "s"
    assert sheet["C3"].value == -4 and sheet["C3"].data_type == "n"
    again = xlsx_bytes(
        t,
        ["tahun", "kode_kecamatan", "jumlah_puskesmas"],
        rows,
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    assert again == data  # reproducible


def test_a_formula_cell_never_reaches_a_csv_download(repo):
    _with_site(repo)
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "  - nama: jumlah_puskesmas\n",
        "  - nama: keterangan\n    judul: Keterangan\n    tipe: teks\n    peran: atribut\n"
        "  - nama: jumlah_puskesmas\n",
    )
    header = "tahun,kode_kecamatan,keterangan,jumlah_puskesmas\n"
    repo.write(
        "data/dinkes/puskesmas.csv",
        header + '2024,12.71.01,"=HYPERLINK(""http://x"",""klik"")",3\n2024,12.71.02,- lainnya,2\n',
    )
    with pytest.raises(BuildError) as refused:
        build(repo.root, repo.root / "public", jobs=1)
    assert "sel-berisi-rumus" in {f.code for f in refused.value.report.findings}
    assert not (repo.root / "public").exists()
    repo.write(
        "data/dinkes/puskesmas.csv",
        header + "2024,12.71.01,http://x,3\n2024,12.71.02,- lainnya,2\n",
    )
    result = build(repo.root, repo.root / "public", jobs=1)
    downloads = sorted(result.output.rglob("*.csv"))
    assert any(p.name == "puskesmas.csv" for p in downloads)
    formula = re.compile(FORMULA)
    for path in downloads:
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            assert not [cell for cell in row if formula.search(cell)], path
