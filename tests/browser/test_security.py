"""The catalog built with attacker payloads in every field, as Chromium runs it.

Every page (including 404 and the code-explanation page) is loaded; the events an injected
handler would wait for are fired on every element; the search box and the catalog filter are
used with the payload words. Nothing may run: no dialog, no call to alert/confirm/prompt, no
event-handler attribute or javascript:/data: URL in the live DOM, no script the site did not
write.
"""

from __future__ import annotations

import pytest

from .conftest import PLANTED_VERSIONS, screenshot

# Recorded before any script of the page runs; the original is still called so that a real
# dialog would also show up in `page.dialogs`.
RECORD_CALLS = """
window.__dipanggil = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const original = window[name];
  window[name] = function (...args) {
    window.__dipanggil.push(name + "(" + args.join(",") + ")");
    return original.apply(this, args);
  };
}
"""

FIRE_EVENTS = """els => els.forEach(e => ["mouseover", "mouseenter", "click", "focus", "error",
    "load", "animationstart", "toggle"].forEach(t => e.dispatchEvent(new Event(t, {bubbles: true}))))"""

# What would run or leak, as found in the live DOM (after the site's own scripts built it).
AUDIT_DOM = """() => {
  const problems = [];
  const raw = ["<img", "<script", "<svg", '"><', "</script", "javascript:alert"];
  const urls = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"];
  for (const el of document.querySelectorAll("*")) {
    if (["IFRAME", "OBJECT", "EMBED", "BASE", "FRAME"].includes(el.tagName)) problems.push(el.tagName);
    for (const attr of el.attributes) {
      if (attr.name.startsWith("on")) problems.push(`${el.tagName} ${attr.name}=${attr.value}`);
      const scheme = attr.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (urls.includes(attr.name) && /^(javascript|vbscript|data):/.test(scheme))
        problems.push(`${el.tagName} ${attr.name}=${attr.value.slice(0, 60)}`);
    }
  }
  for (const s of document.scripts) {
    if (s.src && new URL(s.src).origin !== location.origin) problems.push("outside script " + s.src);
    if (!s.src && s.type !== "application/ld+json" && raw.some(p => s.text.includes(p)))
      problems.push("injected script " + s.text.slice(0, 60));
  }
  return problems;
}"""


@pytest.fixture
def attacked(browser, planted_base_url):
    context = browser.new_context(
        base_url=planted_base_url, viewport={"width": 1280, "height": 900}
    )
    context.add_init_script(RECORD_CALLS)
    page = context.new_page()
    page.dialogs = []

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


def _pages(site) -> list[str]:
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        paths.append(
            relative[: -len("index.html")] if relative.endswith("index.html") else relative
        )
    return paths


def _what_ran(page) -> dict:
    page.eval_on_selector_all("body *", FIRE_EVENTS)
    page.wait_for_timeout(20)  # let a handler queued by the events run
    return {
        "dialog": list(page.dialogs),
        "dipanggil": page.evaluate("window.__dipanggil"),
        "dom": page.evaluate(AUDIT_DOM),
    }


def test_no_page_runs_a_planted_payload(attacked, planted_site):
    paths = _pages(planted_site)
    assert {"", "404.html", "panduan/kode-temuan/", "dataset/diskominfo/uji-keamanan/"} <= set(
        paths
    )
    assert len(paths) >= 60
    found = {}
    for path in [*paths, "tidak-ada/sama-sekali/"]:  # the last is served as the 404 page
        attacked.dialogs.clear()
        attacked.goto(path)
        ran = _what_ran(attacked)
        if any(ran.values()):
            found[path] = ran
    assert found == {}


def test_reader_sees_the_planted_text_as_text(attacked):
    from payloads import PAYLOAD

    attacked.goto("")
    header = attacked.inner_text(".md-header__topic")
    assert " ".join(f"nama_portal {PAYLOAD}".split()) in " ".join(header.split())
    assert "&lt;" not in header and "&amp;" not in header
    title = attacked.title()
    assert title.startswith(" ".join(f"nama_portal {PAYLOAD}".split()))
    screenshot(attacked, "keamanan-muatan")
    attacked.goto("opd/")  # the OPD list: singkatan
    table = attacked.locator("article table").first.text_content()
    assert "singkatan <img src=x onerror=alert(1)>" in table and "&lt;" not in table


def test_search_and_filters_with_payload_words_run_nothing(attacked):
    attacked.goto("")
    attacked.wait_for_load_state("networkidle")
    box = attacked.locator("input.md-search__input")
    box.click()
    box.type("onerror alert script", delay=10)
    attacked.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    assert attacked.locator(".md-search-result__item").count() > 0
    ran = _what_ran(attacked)
    attacked.goto("katalog/")
    attacked.fill("#filter-teks", "<img src=x onerror=alert(1)>")
    for select in attacked.locator("select[data-filter]").all():
        options = select.locator("option").all()
        if len(options) > 1:
            select.select_option(index=1)
    ran_katalog = _what_ran(attacked)
    assert ran == {"dialog": [], "dipanggil": [], "dom": []}
    assert ran_katalog == {"dialog": [], "dipanggil": [], "dom": []}


def test_full_history_loaded_by_script_shows_commit_text_as_text(attacked):
    """riwayat.js builds rows from riwayat.json, whose commit messages and author names carry
    payloads: they must arrive as text."""
    from payloads import GIT_MESSAGE
    from satudata.catalog.pages import HISTORY_ROWS

    attacked.goto("dataset/diskominfo/uji-keamanan/")
    table = attacked.locator("table.sd-riwayat tbody tr")
    assert table.count() == HISTORY_ROWS < PLANTED_VERSIONS  # the newest, written into the page
    attacked.get_by_role("button", name=f"Tampilkan semua {PLANTED_VERSIONS} versi").click()
    attacked.locator(".sd-riwayat-status", has_text="Semua").wait_for()
    assert table.count() == PLANTED_VERSIONS
    oldest = table.last.text_content()
    assert GIT_MESSAGE in oldest and "&lt;" not in oldest
    assert table.first.locator("a code").count() == 1  # the commit link, as on the page
    assert _what_ran(attacked) == {"dialog": [], "dipanggil": [], "dom": []}
