"""The built example catalog, served over HTTP on 127.0.0.1, in Debian's Chromium (Playwright).

The site is built once per session from a copy of the example repository plus one dataset
whose metadata carries HTML/JS payloads; a second build plants payloads in every field.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from conftest import REPO_ROOT

CHROMIUM = os.environ.get("SATUDATA_CHROMIUM", "/usr/bin/chromium")
AXE = REPO_ROOT / ".ci" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO_ROOT / "screenshots"
PAYLOAD = Path(__file__).parent / "payload"
PLANTED_VERSIONS = 7  # versions of the payload dataset in the planted site's history


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():  # like a static host: the site's own 404 page
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def _example_repository(root: Path) -> Path:
    """A copy of the example repository plus the dataset with HTML/JS payloads."""
    for name in ("metadata", "data"):
        shutil.copytree(REPO_ROOT / name, root / name)
    for name in ("mkdocs.yml", "CODEOWNERS"):
        shutil.copyfile(REPO_ROOT / name, root / name)
    shutil.copyfile(PAYLOAD / "uji-keamanan.yaml", root / "metadata/diskominfo/uji-keamanan.yaml")
    shutil.copyfile(PAYLOAD / "uji-keamanan.csv", root / "data/diskominfo/uji-keamanan.csv")
    return root


def _commit(root: Path, name: str = "Uji", message: str = "Katalog uji (#1)") -> None:
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", message]):
        subprocess.run(
            ["git", "-C", str(root), "-c", f"user.name={name}", "-c", "user.email=u@x", *args],
            check=True,
            capture_output=True,
        )


def _serve(site: Path):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    from satudata.catalog.build import build

    root = _example_repository(tmp_path_factory.mktemp("katalog"))
    _commit(root)
    return build(root, root / "public", jobs=2).output


@pytest.fixture(scope="session")
def base_url(site):
    server, url = _serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def planted_site(tmp_path_factory) -> Path:
    """The example catalog with attacker payloads in every text field of every governance and
    dataset model (validation bypassed, see tests/payloads.py), in CSV cells, and in the git
    author and commit message."""
    from payloads import GIT_MESSAGE, GIT_NAME, planting
    from satudata.catalog.build import build

    root = _example_repository(tmp_path_factory.mktemp("katalog-muatan"))
    _commit(root, GIT_NAME, GIT_MESSAGE)
    # More versions than the page lists: the rest are shown by riwayat.js, from riwayat.json.
    metadata = root / "metadata/diskominfo/uji-keamanan.yaml"
    for n in range(1, PLANTED_VERSIONS):
        metadata.write_text(metadata.read_text(encoding="utf-8") + f"# revisi {n}\n", "utf-8")
        _commit(root, GIT_NAME, f"{GIT_MESSAGE} {n}")
    planted: list[str] = []
    with planting(planted):
        return build(root, root / "public", jobs=2).output


@pytest.fixture(scope="session")
def planted_base_url(planted_site):
    server, url = _serve(planted_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run scripts/pasang-uji.sh"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests, page.errors, page.dialogs = [], [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
