"""Build the example catalog in tmp_path and check what a reader and a harvester get."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from satudata.catalog.build import MARKER, BuildError, build
from satudata.catalog.text import angka

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
    """The page's checksum lines are `sha256sum -c` input for the files its list links."""
    _, result = built
    site = result.output
    page = (site / "dataset/dinkes/puskesmas/index.html").read_text(encoding="utf-8")
    linked = re.findall(r'<li><a href="\.\./\.\./\.\./(unduh/[^"]+)" download>', page)
    sums = re.search(r'<pre class="sd-checksum"><code class="sd-hash">([^<]*)</code></pre>', page)
    assert sums is not None
    lines = [line.split("  ") for line in sums.group(1).splitlines()]
    assert [name for _, name in lines] == [Path(p).name for p in linked]
    assert {Path(p).suffix for p in linked} == {".csv", ".xlsx", ".json"}
    assert len(lines) == 5  # CSV, CSV with names, XLSX, JSON, datapackage.json
    for path, (digest, _) in zip(linked, lines, strict=True):
        assert hashlib.sha256((site / path).read_bytes()).hexdigest() == digest
    checked = subprocess.run(
        ["sha256sum", "-c", "-"],
        input=sums.group(1),
        cwd=site / "unduh/dinkes/puskesmas",
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0 and checked.stdout.count(": OK") == 5, checked.stdout
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
    assert header == (REPO_ROOT / "data/dinkes/puskesmas.csv").read_text().splitlines()[0].split(
        ","
    )
    # Names beside codes: nama_kecamatan right after kode_kecamatan, everything else as in the CSV.
    wide = [*header[:2], "nama_kecamatan", *header[2:]]
    sheet = load_workbook(folder / "puskesmas.xlsx")["data"]
    assert [c.value for c in sheet[1]] == wide
    document = json.loads((folder / "puskesmas.json").read_text(encoding="utf-8"))
    assert document["kolom"] == wide and isinstance(document["data"][0]["tahun"], int)
    assert sheet.max_row == len(document["data"]) + 1
    first = document["data"][0]
    assert first["kode_kecamatan"] == "12.71.01" and first["nama_kecamatan"] == "Medan Kota"
    assert sheet["C2"].value == "Medan Kota"
    named_csv = (folder / "puskesmas-dengan-nama.csv").read_text(encoding="utf-8").splitlines()
    original = (REPO_ROOT / "data/dinkes/puskesmas.csv").read_text(encoding="utf-8").splitlines()
    assert named_csv[0].split(",") == wide and len(named_csv) == len(original)
    for plain, named in zip(original[1:], named_csv[1:], strict=True):
        cells = named.split(",")
        assert [*cells[:2], *cells[3:]] == plain.split(",")  # every value exactly as committed


def test_each_dataset_page_offers_the_opd_the_workbook_satudata_lembar_writes(built, tmp_path):
    from satudata.cli import main

    root, result = built
    site = result.output
    page = (site / "dataset/dinkes/puskesmas/index.html").read_text(encoding="utf-8")
    section = page[page.index('id="perbarui-data"') : page.index('id="cara-mengutip"')]
    assert 'href="../../../unduh/dinkes/puskesmas/puskesmas-lembar.xlsx" download' in section
    assert "<code>masukan/dinkes/</code>" in section
    assert 'href="../../../panduan/kontributor/#lewat-excel"' in section
    guide = (site / "panduan/kontributor/index.html").read_text(encoding="utf-8")
    assert 'id="lewat-excel"' in guide and "Perbarui data ini" in guide
    assert 'href="#perbarui-data"' in page  # pointed to from the buttons at the top
    published = json.loads((site / MARKER).read_text(encoding="utf-8"))["dataset"]
    for dataset_id in published:
        assert (site / "unduh" / dataset_id / f"{dataset_id.split('/')[1]}-lembar.xlsx").exists()
    target = tmp_path / "lembar.xlsx"
    assert main(["lembar", "dinkes/puskesmas", "--repo", str(root), "-o", str(target)]) == 0
    served = site / "unduh/dinkes/puskesmas/puskesmas-lembar.xlsx"
    assert served.read_bytes() == target.read_bytes()  # one writer, the same bytes
    # An editing tool, not a distribution: no feed or Data Package lists it.
    for feed in [*site.rglob("*.json"), *site.rglob("*.jsonld"), site / "feed.xml"]:
        assert "-lembar.xlsx" not in feed.read_text(encoding="utf-8"), feed


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


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_broken_resource_anywhere_in_the_catalogue_package_stops_the_build(
    tmp_path, monkeypatch, jobs
):
    """The catalogue's package is checked in shares, one a process: a resource broken in the
    last share stops the build as one in the first would."""
    from satudata.catalog import build as build_module
    from satudata.catalog.feeds.datapackage import catalog_package

    def broken(situs):
        package = catalog_package(situs)
        package["resources"][-1]["bytes"] = "banyak"
        return package

    monkeypatch.setattr(build_module, "catalog_package", broken)
    root = _copy_example(tmp_path / "repo")
    with pytest.raises(BuildError, match=r"^datapackage\.json tidak sah menurut frictionless"):
        build(root, tmp_path / "public", jobs=jobs)
    assert not (tmp_path / "public").exists()


def test_search_index_finds_datasets_by_the_names_of_their_areas(built):
    _, result = built
    index = json.loads((result.output / "search/search_index.json").read_text(encoding="utf-8"))
    pages = {d["location"].split("#")[0] for d in index["docs"] if "Medan Tuntungan" in d["text"]}
    assert "dataset/dinkes/kasus-dbd/" in pages
    datasets = [d for d in index["docs"] if d["location"].startswith("dataset/")]
    assert not any("12.71.07" in d["text"] for d in datasets)  # names, not codes, are indexed


def test_site_ships_no_source_maps_or_unused_search_languages(built):
    _, result = built
    site = result.output
    assert not list(site.rglob("*.map"))
    config = json.loads((site / "search/search_index.json").read_text())["config"]
    loaded = {f"lunr.{lang}.min.js" for lang in config["lang"]}
    assert {p.name for p in site.rglob("lunr.*.min.js")} <= loaded | {
        "lunr.stemmer.support.min.js",
        "lunr.multi.min.js",
    }
    for page in site.rglob("*.html"):
        assert "sourceMappingURL" not in page.read_text(encoding="utf-8"), page


def test_every_page_names_the_portal_walidata_and_licence(built):
    _, result = built
    site = result.output
    for relative in ("index.html", "katalog/index.html", "dataset/dinkes/kasus-dbd/index.html"):
        page = (site / relative).read_text(encoding="utf-8")
        assert "Satu Data Kota Medan" in page and "Dinas Komunikasi dan Informatika" in page
        assert 'href="mailto:satudata@pemkomedan.go.id"' in page
        assert 'href="https://spdx.org/licenses/CC-BY-4.0.html"' in page
        assert "Made with" not in page
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert "Halaman tidak ditemukan" in not_found and "Not found" not in not_found
    assert 'href="/katalog/"' in not_found


def test_katalog_cards_show_formats_and_offer_a_data_request(built):
    _, result = built
    page = (result.output / "katalog/index.html").read_text(encoding="utf-8")
    card = page[page.index('data-opd="dinkes"') :]
    card = card[: card.index("</article>")]
    assert re.findall(r'<span class="sd-format">([A-Z]+)</span>', card) == ["CSV", "XLSX", "JSON"]
    request = re.search(r'id="minta-data" href="([^"]+)"', page).group(1)
    assert "template=permintaan-dataset.yml" in request.replace("&amp;", "&")


def test_dataset_page_chart_and_preview_come_with_their_data(built):
    _, result = built
    site = result.output
    page = (site / "dataset/dinkes/kasus-dbd/index.html").read_text(encoding="utf-8")
    spec = json.loads(html.unescape(re.search(r"data-grafik='([^']+)'", page).group(1)))
    assert spec["seri"]["judul"] == "Kasus DBD menurut bulan (jumlah seluruh kecamatan)"
    assert (site / "dataset/dinkes/kasus-dbd" / spec["data"]).resolve().exists()
    assert "<polyline" not in page and "sd-garis" not in page  # no hand-drawn SVG chart
    assert 'src="../../../assets/vendor/chart.umd.min.js"' in page
    assert (site / "assets/vendor/chart.umd.min.js").exists()
    assert (site / "assets/vendor/chart.js.LICENSE.txt").exists()
    # numbers right-aligned, Indonesian format, with the raw value to sort by
    cells = re.findall(r'<td class="sd-n" data-sort="([^"]*)">([^<]*)</td>', page)
    assert cells and all(text == angka(int(raw)) for raw, text in cells if raw.isdigit())
    puskesmas = (site / "dataset/dinkes/puskesmas/index.html").read_text(encoding="utf-8")
    assert '<td class="sd-n" data-sort="29573">29.573</td>' in puskesmas
    assert "<td>Medan Kota</td>" in puskesmas  # names beside codes in the preview
    assert "<table class=" not in page  # every table gets Material's table style


def test_a_build_in_several_processes_is_the_same_byte_for_byte(built, tmp_path, monkeypatch):
    """Datasets in chunks over worker processes, feeds side by side, MkDocs in two parts whose
    pages and search indexes are merged: the same files as one process writes."""
    from satudata.catalog import build as build_module

    root, _ = built
    sequential = _digest(build(root, tmp_path / "satu", jobs=1).output)
    monkeypatch.setattr(build_module, "_HISTORY_CHUNK", 4)
    monkeypatch.setattr(build_module, "MKDOCS_PARTS_MINIMUM", 1)
    parallel = build(root, tmp_path / "dua", jobs=2)
    assert _digest(parallel.output) == sequential
    index = json.loads((parallel.output / "search/search_index.json").read_text("utf-8"))
    assert {d["location"].split("#")[0] for d in index["docs"]} >= {
        t.url_path for t in parallel.situs.terbitan
    }


def test_the_dataset_pages_share_one_rendering_of_the_themes_navigation(built, tmp_path):
    """The engine's partials/nav.html and tabs.html render the theme's menu and tabs once for
    all dataset pages: the site is the same byte for byte as with the theme's own partials (a
    repository's override of them replaces the engine's)."""
    import material

    _, result = built
    other = _copy_example(tmp_path / "repo")
    own = other / "site" / "overrides" / "partials"
    own.mkdir(parents=True)
    theme = Path(material.__file__).parent / "templates" / "partials"
    for name in ("nav.html", "tabs.html"):
        shutil.copyfile(theme / name, own / name)
    assert _digest(build(other, other / "public", jobs=1).output) == _digest(result.output)
