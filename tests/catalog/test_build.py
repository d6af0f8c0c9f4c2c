"""Build the example catalog in tmp_path and check what a reader and a harvester get."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from satudata.catalog.build import MARKER, BuildError, build

COPY = ("metadata", "data", "mkdocs.yml", "CODEOWNERS")
CLOSED = ("disdukcapil/penduduk-kelurahan-kelompok-umur", "dp3a/kekerasan-per-kelurahan")


def _copy_example(target: Path) -> Path:
    for name in COPY:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copyfile(source, target / name)
    return target


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = _copy_example(tmp_path_factory.mktemp("repo"))
    result = build(root, root / "public", jobs=1)
    return root, result


def test_pages_exist_with_their_content(built):
    _root, result = built
    site = result.output
    for page in (
        "index.html",
        "katalog/index.html",
        "kinerja/index.html",
        "referensi/index.html",
        "referensi/wilayah/index.html",
        "panduan/index.html",
        "panduan/kode-temuan/index.html",
        "opd/dinkes/index.html",
        "404.html",
        "sitemap.xml",
        "search/search_index.json",
    ):
        assert (site / page).exists(), page
    page = (site / "dataset/dinkes/puskesmas/index.html").read_text(encoding="utf-8")
    for text in (
        "Kamus kolom",
        "Pratinjau data",
        "Unduh",
        "Cara mengutip",
        "Data contoh",
        "Laporkan kesalahan data",
        "sd-grafik",
        "application/ld+json",
    ):
        assert text in page, text
    kinerja = (site / "kinerja/index.html").read_text(encoding="utf-8")
    assert all(name in kinerja for name in ("Dinas Kesehatan", "Dinas Perhubungan", "BRIDA"))


def test_downloads_match_the_checksums_on_the_page(built):
    _, result = built
    site = result.output
    page = (site / "dataset/dinkes/puskesmas/index.html").read_text(encoding="utf-8")
    pairs = re.findall(
        r'href="\.\./\.\./\.\./(unduh/[^"]+)" download>.*?<code class="sd-hash">'
        r"([0-9a-f]{64})</code>",
        page,
        flags=re.S,
    )
    assert {Path(p).suffix for p, _ in pairs} == {".csv", ".xlsx", ".json"}
    for path, digest in pairs:
        assert hashlib.sha256((site / path).read_bytes()).hexdigest() == digest
    original = (REPO_ROOT / "data/dinkes/puskesmas.csv").read_bytes()
    assert (site / "unduh/dinkes/puskesmas/puskesmas.csv").read_bytes() == original


def test_no_closed_dataset_data_reaches_the_output(built):
    root, result = built
    site = result.output
    for dataset_id in CLOSED:
        assert not (site / "unduh" / dataset_id).exists()
        assert not (site / "dataset" / dataset_id).exists()
        rows = (root / "data" / f"{dataset_id}.csv").read_text(encoding="utf-8").splitlines()[1:]
        sample = [r for r in rows[:50]]
        for path in site.rglob("*"):
            if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".jsonld"):
                text = path.read_text(encoding="utf-8", errors="replace")
                assert not any(row in text for row in sample), (dataset_id, path)


def test_xlsx_and_json_downloads_hold_the_typed_data(built):
    from openpyxl import load_workbook

    _, result = built
    folder = result.output / "unduh/dinkes/puskesmas"
    header = (folder / "puskesmas.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    sheet = load_workbook(folder / "puskesmas.xlsx")["data"]
    assert [c.value for c in sheet[1]] == header
    document = json.loads((folder / "puskesmas.json").read_text(encoding="utf-8"))
    assert document["kolom"] == header and isinstance(document["data"][0]["tahun"], int)
    assert sheet.max_row == len(document["data"]) + 1


def test_second_build_is_byte_identical_and_failed_build_keeps_previous(built, tmp_path):
    root, result = built
    first = _digest(result.output)
    again = build(root, root / "public", jobs=1)
    assert _digest(again.output) == first
    assert json.loads((again.output / MARKER).read_text())["dataset"]
    csv = root / "data/dinkes/puskesmas.csv"
    original = csv.read_bytes()
    csv.write_bytes(original + b"2025,12.71.99,x,1\n")
    try:
        with pytest.raises(BuildError) as info:
            build(root, root / "public", jobs=1)
        assert info.value.report is not None and not info.value.report.ok
        assert _digest(root / "public") == first
    finally:
        csv.write_bytes(original)


def test_refuses_to_overwrite_a_foreign_folder(built, tmp_path):
    root, _ = built
    foreign = tmp_path / "penting"
    foreign.mkdir()
    (foreign / "catatan.txt").write_text("jangan dihapus")
    with pytest.raises(BuildError, match="--timpa"):
        build(root, foreign, jobs=1)
    assert (foreign / "catatan.txt").exists()


def test_no_outside_requests_in_pages(built):
    _, result = built
    for page in result.output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            assert "fonts.googleapis" not in url and "cdn" not in url, (page, url)
        assert not re.search(r'<(script|img|iframe)[^>]+src="(https?:)?//', html), page
        assert not re.search(
            r'<link[^>]+rel="(stylesheet|preconnect|preload|icon|'
            r'dns-prefetch)"[^>]+href="(https?:)?//',
            html,
        ), page


def test_emitted_packages_pass_frictionless_and_feeds_parse(built):
    import xml.etree.ElementTree as ET

    import frictionless

    _, result = built
    site = result.output
    assert frictionless.validate(str(site / "unduh/dinkes/puskesmas/datapackage.json")).valid
    catalog = frictionless.validate(str(site / "datapackage.json"))
    assert catalog.valid, catalog.flatten(["type", "note"])[:5]
    dcat = json.loads((site / "dcat.jsonld").read_text(encoding="utf-8"))
    pod = json.loads((site / "data.json").read_text(encoding="utf-8"))
    assert len(pod["dataset"]) == len(result.situs.terbitan) == 34
    assert "@context" in dcat and json.dumps(dcat).count("dcat:Dataset") >= 34
    entries = ET.parse(site / "feed.xml").getroot().findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 34
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "dataset/dinkes/puskesmas/" in sitemap


def test_search_index_holds_titles_not_data_rows(built):
    _, result = built
    index = (result.output / "search/search_index.json").read_text(encoding="utf-8")
    assert "Kunjungan Pasien Puskesmas" in index
    assert "Puskesmas Simpang Tanjung" not in index  # a preview-table value


def test_bps_metadata_is_published_for_every_dataset(built):
    _, result = built
    site = result.output
    catalogue = json.loads((site / "bps/katalog.json").read_text(encoding="utf-8"))
    assert catalogue["jumlah_dataset"] == 34
    for t in result.situs.terbitan:
        assert (site / f"bps/{t.id}.json").is_file(), t.id
    for dataset in CLOSED:
        assert not (site / f"bps/{dataset}.json").exists()
    assert 'href="../bps/katalog.json"' in (site / "panduan/index.html").read_text("utf-8")


def test_a_descriptor_frictionless_rejects_stops_the_build(tmp_path, monkeypatch):
    """The build checks every datapackage.json it writes with frictionless: a broken one
    (here: a byte count that is not a number) is a clear Indonesian error, not a site."""
    from satudata.catalog import build as build_module
    from satudata.catalog.feeds.datapackage import dataset_package

    def broken(situs, t):
        package = dataset_package(situs, t)
        package["resources"][0]["bytes"] = "banyak"
        return package

    monkeypatch.setattr(build_module, "dataset_package", broken)
    root = _copy_example(tmp_path / "repo")
    with pytest.raises(BuildError) as caught:
        build(root, tmp_path / "public", jobs=1)
    message = str(caught.value)
    assert re.match(r"unduh/\w+/[\w-]+/datapackage\.json tidak sah menurut frictionless", message)
    assert "bytes" in message
    assert not (tmp_path / "public").exists()
