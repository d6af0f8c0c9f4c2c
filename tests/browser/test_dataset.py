"""The dataset page as a citizen uses it, at desktop (1366 px) and phone (390 px) width: the
DBD dataset's monthly trend with its unit, for Medan Tuntungan by name, downloaded in one tap."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import REPO_ROOT

from .conftest import screenshot

DBD = "dataset/dinkes/kasus-dbd/"
WIDTHS = {"desktop": (1366, 900), "ponsel": (390, 844)}


@pytest.fixture(params=sorted(WIDTHS))
def sized(request, browser, base_url):
    w, h = WIDTHS[request.param]
    context = browser.new_context(
        base_url=base_url, viewport={"width": w, "height": h}, is_mobile=w < 600, has_touch=w < 600
    )
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.width_name = request.param
    yield page
    context.close()


def _dbd_rows() -> list[dict]:
    text = (REPO_ROOT / "data/dinkes/kasus-dbd.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_chart_is_wide_and_readable(sized):
    page = sized
    page.goto(DBD)
    page.wait_for_load_state("networkidle")
    canvas = page.locator(".sd-grafik canvas")
    box = canvas.bounding_box()
    article = page.locator("article").bounding_box()
    if page.width_name == "desktop":
        assert box["width"] >= 600
    else:
        assert box["width"] >= article["width"] - 40  # the text column, edge to edge
    assert box["height"] >= 300
    label = canvas.get_attribute("aria-label")
    assert label.startswith("Kasus DBD menurut bulan")  # a text alternative
    # the numbers behind the chart, in a table, in Indonesian format
    rows = _dbd_rows()
    january = sum(int(r["kasus_dbd"]) for r in rows if r["bulan"] == "2025-01")
    page.locator(".sd-grafik-tabel summary").click()
    first = page.locator(".sd-grafik-tabel tbody tr").first.locator("td").all_inner_texts()
    assert first == ["Jan 2025", f"{january:,}".replace(",", ".")]
    chart = page.evaluate(
        """() => { const c = Chart.getChart(document.querySelector('.sd-grafik canvas'));
        return {y: c.options.scales.y.title.text, x: c.options.scales.x.title.text,
                ticks: c.scales.x.ticks.length, labels: c.data.labels.length}; }"""
    )
    assert chart["y"] == "Kasus DBD (kasus)" and chart["x"] == "Bulan"  # axis titles with unit
    assert chart["ticks"] < chart["labels"]  # period labels thinned, not drawn on top of each other
    screenshot(page, f"dataset-dbd-{page.width_name}")
    assert page.errors == []


def test_reader_sees_medan_tuntungan_by_name_and_can_switch(sized):
    page = sized
    page.goto(DBD)
    page.wait_for_load_state("networkidle")
    page.get_by_label("Kecamatan", exact=True).select_option(label="Medan Tuntungan")
    caption = page.locator(".sd-grafik-judul")
    caption.filter(has_text="Medan Tuntungan").wait_for()
    assert caption.inner_text() == "Kasus DBD menurut bulan: Medan Tuntungan"
    expected = [r for r in _dbd_rows() if r["kode_kecamatan"] == "12.71.07"]
    page.locator(".sd-grafik-tabel summary").click()
    cells = page.locator(".sd-grafik-tabel tbody tr").first.locator("td").all_inner_texts()
    assert cells == ["Jan 2025", expected[0]["kasus_dbd"]]
    page.get_by_label("Ukuran", exact=True).select_option(label="Kematian DBD (orang)")
    caption.filter(has_text="Kematian DBD").wait_for()
    assert caption.inner_text() == "Kematian DBD menurut bulan: Medan Tuntungan"
    y = page.evaluate(
        "() => Chart.getChart(document.querySelector('.sd-grafik canvas')).options.scales.y.title.text"
    )
    assert y == "Kematian DBD (orang)"
    screenshot(page, f"dataset-dbd-tuntungan-{page.width_name}")
    assert page.errors == []


def test_download_is_one_tap_near_the_top(sized, base_url):
    page = sized
    page.goto(DBD)
    button = page.locator(".sd-tombol-unduh a").first
    assert button.inner_text().startswith("CSV")
    assert button.bounding_box()["y"] < 900 * 1.2  # on the first screen, or just below it
    with page.expect_download() as info:
        button.tap() if page.width_name == "ponsel" else button.click()
    path = info.value.path()
    text = Path(path).read_text(encoding="utf-8").splitlines()
    assert text[0] == "bulan,kode_kecamatan,nama_kecamatan,kasus_dbd,kematian_dbd"
    assert any(",12.71.07,Medan Tuntungan," in line for line in text)
    # checksums are there, but folded away
    assert page.locator(".sd-unduh code.sd-hash").first.is_hidden()


def test_preview_holds_the_whole_dataset_paged_filtered_and_sorted(sized):
    page = sized
    page.goto(DBD)
    page.wait_for_load_state("networkidle")
    total = len(_dbd_rows())
    info = page.locator(".sd-pratinjau-info")
    assert info.inner_text() == f"{total} baris."
    body = page.locator(".sd-pratinjau tbody tr")
    assert body.count() == 20
    page.get_by_role("button", name="Berikutnya ›").click()
    assert page.locator(".sd-halaman span").inner_text() == f"Halaman 2 dari {-(-total // 20)}"
    page.get_by_label("Saring baris").fill("tuntungan")
    tuntungan = [r for r in _dbd_rows() if r["kode_kecamatan"] == "12.71.07"]
    assert info.inner_text().startswith(f"{len(tuntungan)} dari {total} baris")
    texts = body.all_inner_texts()
    assert texts and all("Medan Tuntungan" in t for t in texts)
    sort = page.locator(".sd-pratinjau th button", has_text="Kasus DBD")
    sort.focus()
    page.keyboard.press("Enter")  # sorting works from the keyboard
    page.keyboard.press("Enter")  # second press: largest first
    values = [int(r["kasus_dbd"]) for r in tuntungan]
    first = body.first.locator("td").all_inner_texts()
    assert first[3] == str(max(values))
    assert page.locator(".sd-pratinjau th[aria-sort='descending']").count() == 1


def test_wide_tables_scroll_and_take_keyboard_focus(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(DBD)
    page.wait_for_load_state("networkidle")
    page.eval_on_selector_all("article details", "els => els.forEach(e => e.open = true)")
    page.wait_for_timeout(100)  # the theme marks scrollable code blocks when they resize
    scrolling = page.evaluate(
        """() => [...document.querySelectorAll(
            '.sd-gulir, .md-typeset__scrollwrap, article table, article pre > code')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
        .map(e => [e.tagName, e.getAttribute('tabindex')])"""
    )
    context.close()
    assert scrolling and all(t == "0" for _, t in scrolling), scrolling
    assert "CODE" in {tag for tag, _ in scrolling}  # the checksum lines, in their <details>
