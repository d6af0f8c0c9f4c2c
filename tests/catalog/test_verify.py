"""`satudata verifikasi` rebuilds the recorded commit and compares every file of the site."""

from __future__ import annotations

import html
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import REPO_ROOT, make_repo
from satudata.catalog import build as build_module
from satudata.catalog import downloads as downloads_module
from satudata.catalog.build import MARKER, build
from satudata.catalog.verify import verify
from satudata.cli import main

DATASET = "unduh/dinkes/puskesmas"
REPORTER = "NIK 1271 0541 0790 0003, telp (061) 4512345"


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=U", "-c", "user.email=u@x", *args],
        check=True,
        capture_output=True,
    )


def _commit(root: Path, message: str) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", message)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A git repository with two versions and the site built from it (shared: tests copy it)."""
    root = tmp_path_factory.mktemp("verify")
    repo = make_repo(root)
    shutil.copyfile(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    _git(root, "init", "-q", "-b", "main")
    _commit(root, "Awal (#1)\n\nDisetujui-oleh: Walidata")
    repo.replace("data/dinkes/puskesmas.csv", "2025,12.71.02,4", "2025,12.71.02,5")
    _commit(root, f"Koreksi 2025 atas laporan {REPORTER} (#2)\n\nDisetujui-oleh: Walidata")
    result = build(root, root / "public", jobs=1)
    return root, result.output


@pytest.fixture
def site(built, tmp_path) -> Path:
    copy = tmp_path / "situs"
    shutil.copytree(built[1], copy)
    return copy


def _verifikasi(root: Path, site: Path, capsys) -> tuple[int, str]:
    code = main(["verifikasi", str(site), "--repo", str(root)])
    return code, capsys.readouterr().out


def test_an_untouched_site_verifies_file_by_file(built, site, capsys):
    root, _ = built
    code, out = _verifikasi(root, site, capsys)
    assert code == 0, out
    files = sum(1 for p in site.rglob("*") if p.is_file())
    assert f"Terverifikasi: {files} berkas situs sama persis" in out and "TIDAK COCOK" not in out
    marker = json.loads((site / MARKER).read_text(encoding="utf-8"))
    assert set(marker["perangkat"]) == {"satudata", "mkdocs", "mkdocs-material", "isal"}
    page = (site / "dataset/dinkes/puskesmas/index.html").read_text(encoding="utf-8")
    assert "Riwayat perubahan" in page and "#2" in page and "Walidata" in page
    assert "+4 / -0 baris" in page and "+1 / -1 baris" in page
    assert len(list((site / DATASET / "versi").glob("*.csv"))) == 2  # past versions included


def test_personal_data_in_a_commit_message_is_masked_on_the_site(built):
    """Commit messages are not validated; the site shows them masked (shares this build)."""
    _, output = built
    page = html.unescape((output / "dataset/dinkes/puskesmas/index.html").read_text("utf-8"))
    assert "Koreksi 2025 atas laporan NIK 1271********0003, telp 0614***345" in page
    for path in output.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".js", ".jsonld"}:
            text = path.read_text(encoding="utf-8")
            assert "0541 0790" not in text and "4512345" not in text, path


def test_a_changed_number_in_the_xlsx_download_is_caught(built, site, capsys):
    path = site / DATASET / "puskesmas.xlsx"
    workbook = load_workbook(io.BytesIO(path.read_bytes()))
    sheet = workbook["data"]
    # column C holds the kecamatan's name beside its code; D the number
    assert sheet["C1"].value == "nama_kecamatan" and isinstance(sheet["D2"].value, int)
    sheet["D2"].value += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
    code, out = _verifikasi(built[0], site, capsys)
    assert code == 1
    assert f"TIDAK COCOK: {DATASET}/puskesmas.xlsx: isi berbeda" in out
    assert "Verifikasi gagal: 1 masalah." in out


def test_an_edited_html_page_is_caught(built, site, capsys):
    page = site / "dataset/dinkes/puskesmas/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Puskesmas", "Puskesmaz", 1))
    code, out = _verifikasi(built[0], site, capsys)
    assert code == 1 and "TIDAK COCOK: dataset/dinkes/puskesmas/index.html: isi berbeda" in out


def test_an_edited_json_feed_is_caught(built, site, capsys):
    feed = site / "data.json"
    catalog = json.loads(feed.read_text(encoding="utf-8"))
    catalog["dataset"][0]["title"] = "Judul palsu"
    feed.write_text(json.dumps(catalog), encoding="utf-8")
    code, out = _verifikasi(built[0], site, capsys)
    assert code == 1 and "TIDAK COCOK: data.json: isi berbeda" in out


def test_an_edited_csv_and_its_checksum_are_caught_together(built, site, capsys):
    csv = site / DATASET / "puskesmas.csv"
    csv.write_bytes(csv.read_bytes().replace(b",3\n", b",30\n", 1))
    code, out = _verifikasi(built[0], site, capsys)
    assert code == 1 and f"TIDAK COCOK: {DATASET}/puskesmas.csv: isi berbeda" in out


def test_added_and_removed_files_are_differences(built, site, capsys):
    (site / DATASET / "bocoran.csv").write_text("nik\n1271054107900003\n", encoding="utf-8")
    (site / "sitemap.xml").unlink()
    (site / "unduh" / "semua").symlink_to(site / "unduh", target_is_directory=True)
    code, out = _verifikasi(built[0], site, capsys)
    assert code == 1
    assert f"TIDAK COCOK: {DATASET}/bocoran.csv: berkas tambahan" in out
    assert "TIDAK COCOK: sitemap.xml: hilang dari situs" in out
    assert "TIDAK COCOK: unduh/semua: berkas tambahan" in out
    assert "Verifikasi gagal: 3 masalah." in out


def test_a_site_built_from_uncommitted_changes_does_not_verify(built, tmp_path, capsys):
    root = tmp_path / "repo"
    shutil.copytree(built[0], root, ignore=shutil.ignore_patterns("public"))
    csv = root / "data/dinkes/puskesmas.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",3\n", ",9\n", 1), encoding="utf-8")
    output = build(root, tmp_path / "situs", jobs=1).output
    code, out = _verifikasi(root, output, capsys)
    assert code == 1 and f"TIDAK COCOK: {DATASET}/puskesmas.csv: isi berbeda" in out


def test_a_commit_the_repository_does_not_have_is_reported(built, site):
    marker = json.loads((site / MARKER).read_text(encoding="utf-8"))
    marker["commit"] = "0" * 40
    (site / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    result = verify(built[0], site)
    assert not result.ok and result.problems[0].startswith(f"commit {'0' * 40} tidak dapat")


def test_a_folder_that_is_not_a_build_is_refused(built, tmp_path, capsys):
    code, out = _verifikasi(built[0], tmp_path, capsys)
    assert code == 1 and f"{MARKER} tidak ada" in out


def test_versions_sharing_bytes_share_one_file(tmp_path, monkeypatch):
    """A change reverted makes a version whose CSV is an earlier one's: written once, linked
    from both versions, and the site still verifies."""
    repo = make_repo(tmp_path)
    shutil.copyfile(REPO_ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    _git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, "Awal (#1)")
    repo.replace("data/dinkes/puskesmas.csv", "2025,12.71.02,4", "2025,12.71.02,5")
    _commit(tmp_path, "Ubah (#2)")
    repo.replace("data/dinkes/puskesmas.csv", "2025,12.71.02,5", "2025,12.71.02,4")
    _commit(tmp_path, "Kembalikan (#3)")
    written: list[bytes] = []
    for module in (build_module, downloads_module):
        monkeypatch.setattr(module, "write_file", _spy(module.write_file, written))
    result = build(tmp_path, tmp_path / "public", jobs=1)
    (t,) = [t for t in result.situs.terbitan if t.id == "dinkes/puskesmas"]
    first, changed, reverted = [t.berkas_versi[v.commit.sha] for v in reversed(t.versi)]
    assert reverted.path == first.path != changed.path
    versions = sorted((result.output / DATASET / "versi").glob("*.csv"))
    assert len(versions) == 2
    # The reverted version is the current CSV: its file is the download's, linked, not copied.
    current = result.output / DATASET / "puskesmas.csv"
    assert (result.output / first.path).stat().st_ino == current.stat().st_ino
    assert len(written) == len(set(written))  # the build never wrote the same bytes twice
    assert main(["verifikasi", str(result.output), "--repo", str(tmp_path)]) == 0


def _spy(write_file, written: list[bytes]):
    def spy(docs, relative, data, kind):
        written.append(data)
        return write_file(docs, relative, data, kind)

    return spy
