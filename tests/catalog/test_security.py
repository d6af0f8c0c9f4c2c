"""Metadata carrying HTML/JS is rendered as text; spreadsheet formulas are never formulas."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook

from conftest import REPO_ROOT
from payloads import CELL_PAYLOAD, GIT_MESSAGE, GIT_NAME, PAYLOAD, commit_all, planting
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
    # Short labels (judul) reject markup at validation; free text may carry it as text.
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "sumber: Profil Kesehatan",
        f"sumber: 'Puskesmas {PAYLOADS[0]}'",
    )
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "deskripsi: Jumlah puskesmas menurut kecamatan.",
        "deskripsi: '" + " ".join(PAYLOADS[1:]) + "'",
    )
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "    definisi: Fasilitas pelayanan kesehatan tingkat pertama.",
        "    definisi: '<b onmouseover=alert(4)>kode</b>'",
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


# --- payloads in every field of every file, audited in every output ---------------------------

# The one formula a workbook on the site may hold: the lembar's name beside a referenced code.
LOOKUP = re.compile(
    r'=IFERROR\(VLOOKUP\([A-Z]+[0-9]+,Daftar!\$[A-Z]+\$2:\$[A-Z]+\$[0-9]+,2,FALSE\),""\)'
)
# A file name is data too: it would become a page, a link text and a URL.
HOSTILE_FILE_NAME = "x](javascript:alert(15)) [y <img src=x onerror=alert(16)>"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
NEVER_FROM_CONTENT = {"iframe", "object", "embed", "base", "frame"}
# What the payload looks like when it was escaped twice: the reader would see entities.
# Payload fragments as written: never inside the site's own inline scripts (percent-encoded
# in a URL they are inert).
RAW_PAYLOAD = ("<img", "<script", "<svg", '"><', "</script", "javascript:alert")
DOUBLE_ESCAPED = ("&lt;img", "&lt;script", "&lt;svg", "&amp; done", "&#60;", "&#62;", "&quot;&gt;")


class _PageAudit(HTMLParser):
    """Everything in one HTML document that would run or that shows escaped twice."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check_element(tag, attrs)
        if tag == "script":
            self._script, self._text = dict(attrs), []

    handle_startendtag = handle_starttag

    def _check_element(self, tag, attrs):
        if tag in NEVER_FROM_CONTENT:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value[:40]}>")
            if name in URL_ATTRIBUTES and _dangerous_url(value):
                self.problems.append(f"<{tag} {name}={value[:60]}>")
            self._check_text(value, f"<{tag} {name}>")

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._text.append(data)
        else:
            self._check_text(data, "text")

    def _check_text(self, text, where):
        for sign in DOUBLE_ESCAPED:
            if sign in text:
                self.problems.append(f"{where}: escaped twice ({sign}) in {text[:80]!r}")

    def close(self):
        super().close()
        for attrs, body in self.scripts:
            if attrs.get("type") == "application/ld+json":
                if "</" in body or "<!--" in body:
                    self.problems.append("JSON-LD can close its script element")
                json.loads(body)  # stays valid JSON
            elif "src" not in attrs and any(sign in body for sign in RAW_PAYLOAD):
                self.problems.append(f"injected script: {body[:80]}")
            elif "src" in attrs and "//" in attrs["src"].split("?")[0][:8]:
                self.problems.append(f"outside script: {attrs['src']}")


def _dangerous_url(value: str) -> bool:
    """javascript:, vbscript: or data: however it is spelled (browsers drop whitespace and
    control characters from a URL scheme)."""
    scheme = "".join(c for c in html.unescape(value) if c > " ").lower()
    return scheme.startswith(("javascript:", "vbscript:", "data:"))


def audit_html(text: str) -> list[str]:
    audit = _PageAudit()
    audit.feed(text)
    audit.close()
    return audit.problems


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory):
    """A tiny repository with payloads in every governance and dataset field (planted after
    validation), in CSV and reference cells and in the git author and message; then built."""
    from conftest import DAFTAR, DATA, DATASET, ORGANISASI, PORTAL, REFERENSI, WILAYAH, RepoBuilder

    root = tmp_path_factory.mktemp("planted")
    repo = RepoBuilder(root)
    for relative, content in (
        ("metadata/portal.yaml", PORTAL),
        ("metadata/organisasi.yaml", ORGANISASI),
        ("metadata/daftar-data.yaml", DAFTAR),
        ("metadata/referensi/referensi.yaml", REFERENSI),
        (
            "metadata/referensi/wilayah.csv",
            WILAYAH + f'12.71.03,"{CELL_PAYLOAD}",kecamatan,12.71\n',
        ),
        ("metadata/dinkes/puskesmas.yaml", DATASET),
        ("data/dinkes/puskesmas.csv", DATA + f'2025,"{CELL_PAYLOAD}",5\n'),
        (f"metadata/referensi/{HOSTILE_FILE_NAME}.csv", WILAYAH),
    ):
        repo.write(relative, content)
    _with_site(repo)
    commit_all(root)
    planted: list[str] = []
    with planting(planted):
        output = build(root, root / "public", jobs=1).output
    return output, planted


def test_payloads_reach_every_text_field_of_every_model(planted_site):
    _, planted = planted_site
    expected = {
        "portal.nama_portal",
        "portal.nama",
        "portal.dasar_hukum",
        "portal.url_situs",
        "organisasi.organisasi[0].singkatan",
        "organisasi.organisasi[1].nama",
        "daftar_data.entri[0].judul",
        "referensi.tabel[0].judul",
        "dinkes/puskesmas.judul",
        "dinkes/puskesmas.deskripsi",
        "dinkes/puskesmas.lisensi",
        "dinkes/puskesmas.kolom[2].satuan",
    }
    assert expected <= set(planted)
    assert len(planted) >= 60


def test_no_html_page_runs_or_double_escapes_a_payload(planted_site):
    output, _ = planted_site
    pages = sorted(output.rglob("*.html"))
    assert {"404.html", "index.html", "panduan/kode-temuan/index.html"} <= {
        p.relative_to(output).as_posix() for p in pages
    }
    problems = {
        p.relative_to(output).as_posix(): audit_html(p.read_text(encoding="utf-8")) for p in pages
    }
    assert {page: found for page, found in problems.items() if found} == {}


def test_reader_sees_the_text_exactly_as_written(planted_site):
    output, _ = planted_site
    home = output / "index.html"
    text = html.unescape(home.read_text(encoding="utf-8"))
    site_name = " ".join(f"nama_portal {PAYLOAD}".split())  # a title is one line
    assert f"<title>{site_name}</title>" not in text  # raw would be markup, not a title
    title = re.search(r"<title>(.*?)</title>", home.read_text(encoding="utf-8"), re.S)
    assert html.unescape(title.group(1)) == f"{site_name} - {site_name}"
    dataset = (output / "dataset/dinkes/puskesmas/index.html").read_text(encoding="utf-8")
    visible = html.unescape(re.sub(r"<[^>]+>", "", dataset))
    for shown in (f"judul {PAYLOAD}", CELL_PAYLOAD, GIT_MESSAGE, GIT_NAME):
        assert " ".join(shown.split()) in " ".join(visible.split()), shown
    assert "{{7*7}}" in visible and "{% raw %}" in visible  # never evaluated as a template


def test_search_index_holds_escaped_html_only(planted_site):
    """Material renders search titles and text as HTML: they must be escaped text."""
    output, _ = planted_site
    index = json.loads((output / "search/search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text"):
            assert audit_html(doc[key]) == [], (doc["location"], key)
            assert not re.search(r"<(img|script|svg)\b", doc[key]), (doc["location"], key)


def test_machine_readable_files_parse_and_carry_the_text_verbatim(planted_site):
    output, _ = planted_site
    for path in [*output.rglob("*.json"), *output.rglob("*.jsonld")]:
        json.loads(path.read_text(encoding="utf-8"))
    feed = ET.parse(output / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.find(f"{atom}title").text == f"Pembaruan dataset nama_portal {PAYLOAD}"
    assert feed.find(f"{atom}entry/{atom}title").text == f"judul {PAYLOAD}"
    sitemap = ET.parse(output / "sitemap.xml").getroot()
    for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        assert loc.text.startswith("https://") and "<" not in loc.text
    dcat = json.loads((output / "dcat.jsonld").read_text(encoding="utf-8"))
    assert dcat["dct:title"]["@value"] == f"nama_portal {PAYLOAD}"
    assert dcat["dct:license"]["@id"].startswith("https://spdx.org/licenses/lisensi_bawaan%20")
    workbooks = sorted(output.rglob("*.xlsx"))
    assert any(p.name.endswith("-lembar.xlsx") for p in workbooks)
    for path in workbooks:
        book = load_workbook(path)
        formulas = [c for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"]
        if not path.name.endswith("-lembar.xlsx"):
            assert formulas == [], path
            continue
        # The lembar's only formulas: the name beside a referenced code, looked up in the
        # workbook's own list sheet. Every planted value, the payload cell too, stays text.
        data = book["Data"]
        for cell in formulas:
            assert cell.parent is data and data.cell(1, cell.column).value.endswith(" (nama)")
            assert LOOKUP.fullmatch(cell.value), cell.value
        assert CELL_PAYLOAD in [c.value for c in data["B"]]


def test_every_link_from_metadata_is_http(planted_site):
    output, _ = planted_site
    assert not [p for p in output.rglob("*") if "alert(" in p.name]  # not a reference table
    for page in output.rglob("*.html"):
        for href in re.findall(r'href="([^"]*)"', page.read_text(encoding="utf-8")):
            assert not _dangerous_url(href), (page, href)
