"""What a citizen sees: flows, accessibility, security and no outside requests, in Chromium."""

from __future__ import annotations

import hashlib
import json
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from conftest import REPO_ROOT

from .conftest import AXE, screenshot

MAIN_PAGES = {
    "beranda": "",
    "katalog": "katalog/",
    "dataset": "dataset/dinkes/puskesmas/",
    "opd": "opd/dinkes/",
    "kinerja": "kinerja/",
}
# Every page type, for the accessibility check at desktop and phone width.
PAGE_TYPES = {
    **MAIN_PAGES,
    "dataset-dbd": "dataset/dinkes/kasus-dbd/",
    "referensi": "referensi/",
    "referensi-tabel": "referensi/wilayah/",
    "panduan": "panduan/",
    "kode-temuan": "panduan/kode-temuan/",
    "404": "tidak-ada/",
}
WIDTHS = {"desktop": (1366, 900), "ponsel": (390, 844)}


def _visible_cards(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".sd-kartu", "cards => cards.filter(c => !c.hidden).map(c => ({...c.dataset}))"
    )


def test_search_finds_the_right_dataset(page):
    page.goto("")
    page.wait_for_load_state("networkidle")  # the search worker has loaded its index
    box = page.locator("input.md-search__input")
    box.click()
    box.type("puskesmas", delay=20)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=30_000)
    links = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")
    assert any("dataset/dinkes/puskesmas/" in href for href in links), links
    screenshot(page, "pencarian")


def test_katalog_filters_by_opd_and_pilar(page, site):
    page.goto("katalog/")
    everything = _visible_cards(page)
    assert len(everything) >= 30
    page.select_option("#filter-opd", "dinkes")
    dinkes = _visible_cards(page)
    assert dinkes and all(c["opd"] == "dinkes" for c in dinkes) and len(dinkes) < len(everything)
    assert page.inner_text("#jumlah-hasil") == f"{len(dinkes)} dataset"
    page.select_option("#filter-pilar", "layanan-publik")
    narrowed = _visible_cards(page)
    assert (
        narrowed
        and all(c["opd"] == "dinkes" and c["pilar"] == "layanan-publik" for c in narrowed)
        and len(narrowed) < len(dinkes)
    )
    page.select_option("#filter-opd", "")
    page.select_option("#filter-pilar", "")
    page.fill("#filter-teks", "job fair")
    found = _visible_cards(page)
    assert [c["opd"] for c in found] == ["disnaker"]
    screenshot(page, "katalog")


def test_katalog_state_is_in_the_url_and_comes_back_after_back(page):
    page.goto("katalog/")
    page.select_option("#filter-opd", "dinkes")
    page.fill("#filter-teks", "dbd")
    page.wait_for_url("**/katalog/?*q=dbd*")
    query = parse_qs(urlparse(page.url).query)
    assert query == {"opd": ["dinkes"], "q": ["dbd"]}
    found = _visible_cards(page)
    assert len(found) == 1 and found[0]["opd"] == "dinkes"
    page.locator(".sd-kartu:not([hidden]) h2 a").first.click()
    page.wait_for_url("**/dataset/dinkes/kasus-dbd/")
    page.go_back()
    page.wait_for_url("**/katalog/?*")
    assert page.input_value("#filter-opd") == "dinkes" and page.input_value("#filter-teks") == "dbd"
    assert _visible_cards(page) == found
    shared = page.url  # the same list for whoever opens the link
    page.goto("")
    page.goto(shared)
    assert _visible_cards(page) == found


def test_empty_katalog_offers_a_reset_and_a_data_request(page):
    page.goto("katalog/")
    assert page.locator("#katalog-kosong").is_hidden()
    border = page.eval_on_selector("#filter-teks", "e => getComputedStyle(e).borderTopWidth")
    assert border != "0px"  # a visible text field
    page.fill("#filter-teks", "data sampah plastik")
    assert _visible_cards(page) == [] and page.locator("#katalog-kosong").is_visible()
    request = page.get_by_role("link", name="Minta data")
    query = parse_qs(urlparse(request.get_attribute("href")).query)
    assert query["template"] == ["permintaan-dataset.yml"]
    assert query["judul"] == ["data sampah plastik"]
    page.get_by_role("button", name="Hapus saringan").click()
    assert len(_visible_cards(page)) >= 30 and urlparse(page.url).query == ""


def test_katalog_cards_show_download_formats(page):
    page.goto("katalog/")
    formats = page.locator(".sd-kartu").first.locator(".sd-format").all_inner_texts()
    assert formats == ["CSV", "XLSX", "JSON"]


def test_search_finds_a_dataset_by_kecamatan_name(page):
    page.goto("")
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.type("Tuntungan", delay=20)  # the kecamatan Medan Tuntungan
    hit = page.locator('.md-search-result__item a[href*="dataset/dinkes/kasus-dbd/"]').first
    hit.wait_for(timeout=30_000)  # fails when the name is not in the index
    screenshot(page, "pencarian-kecamatan")


def test_pilar_link_preselects_the_filter(page):
    page.goto("katalog/#pilar=kependudukan")
    cards = _visible_cards(page)
    assert cards and all(c["pilar"] == "kependudukan" for c in cards)


def test_dataset_page_shows_preview_chart_and_matching_downloads(page):
    page.goto("dataset/dinkes/puskesmas/")
    assert page.locator(".sd-pratinjau tbody tr").count() == 20
    assert page.locator(".sd-grafik canvas").first.is_visible()
    links = page.locator(".sd-unduh li a")
    sums = page.locator(".sd-unduh pre.sd-checksum").text_content().splitlines()
    assert len(sums) == links.count()
    kinds = set()
    for i, line in enumerate(sums):
        expected, name = line.split("  ")
        url = links.nth(i).evaluate("a => a.href")
        assert url.endswith("/" + name)
        response = page.request.get(url)
        assert response.ok
        assert hashlib.sha256(response.body()).hexdigest() == expected
        kinds.add(url.rsplit(".", 1)[-1])
    assert {"csv", "xlsx", "json"} <= kinds
    screenshot(page, "dataset")


def test_kinerja_lists_all_eight_opds(page):
    page.goto("kinerja/")
    text = page.inner_text("article")
    names = [
        o["nama"]
        for o in yaml.safe_load((REPO_ROOT / "metadata/organisasi.yaml").read_text())["organisasi"]
    ]
    assert len(names) == 8 and all(name in text for name in names)
    screenshot(page, "kinerja")


def test_error_report_link_carries_the_dataset(page):
    page.goto("dataset/dinkes/puskesmas/")
    href = page.get_by_role("link", name="Laporkan kesalahan data").get_attribute("href")
    query = parse_qs(urlparse(href).query)
    assert query["dataset"] == ["dinkes/puskesmas"]
    assert query["template"] == ["laporkan-kesalahan.yml"]


def test_not_found_page(page, base_url):
    response = page.goto("tidak-ada/sama-sekali/")
    assert response.status == 404
    body = page.inner_text("article")
    assert "404" in body and "Halaman tidak ditemukan" in body
    screenshot(page, "404")
    page.get_by_role("link", name="Kembali ke beranda").click()
    page.wait_for_url(base_url)


@pytest.mark.parametrize("name", sorted(MAIN_PAGES))
def test_phone_viewport_has_no_horizontal_overflow(browser, base_url, name):
    context = browser.new_context(
        base_url=base_url, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(MAIN_PAGES[name])
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    screenshot(page, f"ponsel-{name}")
    context.close()
    assert overflow <= 0, f"{name} is {overflow}px wider than a phone"


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_accessibility_violations(browser, base_url, name, width):
    """axe-core: no violation of any impact, on every page type, at desktop and phone width."""
    assert AXE.exists(), "axe-core is missing: run scripts/pasang-uji.sh"
    w, h = WIDTHS[width]
    context = browser.new_context(
        base_url=base_url, viewport={"width": w, "height": h}, is_mobile=w < 600
    )
    page = context.new_page()
    page.goto(PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")  # the preview and chart have loaded their data
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    context.close()
    found = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
    ]
    assert found == [], json.dumps(found, indent=1)


def test_html_and_js_in_metadata_render_as_text_and_never_run(page, base_url):
    page.goto("dataset/diskominfo/uji-keamanan/")
    body = page.inner_text("article")
    assert '<script>alert("judul")</script>' in body and "onerror=alert(2)" in body
    # Fire the events an injected handler would listen for, on every element of the page.
    page.eval_on_selector_all(
        "article *",
        """els => els.forEach(e => ['mouseover', 'click',
        'focus', 'error', 'load'].forEach(t => e.dispatchEvent(new Event(t, {bubbles: true}))))""",
    )
    page.goto("katalog/")
    page.fill("#filter-teks", "uji")
    assert page.dialogs == [] and page.errors == []
    screenshot(page, "keamanan")


@pytest.mark.parametrize("name", sorted(MAIN_PAGES))
def test_every_request_stays_on_the_site_origin(page, base_url, name):
    page.goto(MAIN_PAGES[name])
    page.wait_for_load_state("networkidle")
    outside = [
        url for url in page.requests if not url.startswith(base_url) and not url.startswith("data:")
    ]
    assert outside == []
    assert page.errors == []
