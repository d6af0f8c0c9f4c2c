"""The browser route end to end, up to the forge's API: an uploaded workbook on a branch becomes
a commit with the canonical CSV/YAML on that branch, and the text of the pull-request comment."""

from __future__ import annotations

import subprocess

from openpyxl import load_workbook

from satudata.cli import main


def _git(root, *args) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _repository_on_a_branch(repo) -> None:
    _git(repo.root, "init", "-q", "-b", "main")
    _git(repo.root, "config", "user.name", "Walidata")
    _git(repo.root, "config", "user.email", "walidata@contoh.go.id")
    _git(repo.root, "add", "-A")
    _git(repo.root, "commit", "-q", "-m", "awal")
    _git(repo.root, "checkout", "-q", "-b", "dinkes-2026")


def _upload(repo, tmp_path, folder="dinkes"):
    workbook = tmp_path / "unduhan.xlsx"
    assert main(["lembar", "dinkes/puskesmas", "--repo", str(repo.root), "-o", str(workbook)]) == 0
    book = load_workbook(workbook)
    book["Data"].append([2026, "12.71.01", None, 4])
    meta = book["Metadata"]
    row = next(r for r in meta.iter_rows(min_row=2) if r[0].value == "sumber")
    row[1].value = "Profil Kesehatan Kota 2026"
    target = repo.root / "masukan" / folder / "puskesmas.xlsx"
    target.parent.mkdir(parents=True)
    book.save(target)
    _git(repo.root, "add", "-A")
    _git(repo.root, "commit", "-q", "-m", "Unggah puskesmas.xlsx")  # as the web interface does


def test_an_uploaded_workbook_becomes_a_commit_and_a_readable_comment(repo, tmp_path):
    _repository_on_a_branch(repo)
    _upload(repo, tmp_path)
    report = tmp_path / "impor.md"
    assert main(["masukan", "--repo", str(repo.root), "--commit", "--laporan", str(report)]) == 0

    changed = _git(repo.root, "show", "--name-status", "--format=%s", "HEAD").splitlines()
    assert changed[0].startswith("Impor puskesmas.xlsx")
    assert set(changed[2:]) == {
        "D\tmasukan/dinkes/puskesmas.xlsx",
        "M\tdata/dinkes/puskesmas.csv",
        "M\tmetadata/dinkes/puskesmas.yaml",
    }
    assert _git(repo.root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "dinkes-2026"
    assert _git(repo.root, "log", "-1", "--format=%s", "main").strip() == "awal"  # main untouched
    _git(repo.root, "cat-file", "-e", "HEAD~1:masukan/dinkes/puskesmas.xlsx")  # kept in history

    text = report.read_text(encoding="utf-8")
    assert "1 dari 1 berkas diimpor" in text
    assert "Baris: 4 tetap, 0 diubah, 1 ditambah, 0 dihapus. Isian metadata diubah: 1." in text
    assert "`sumber`: Profil Kesehatan → Profil Kesehatan Kota 2026" in text

    # What the workflow adds to the same comment: validation and the reviewer's diff.
    laporan = tmp_path / "laporan.md"
    assert main(["validate", "--repo", str(repo.root), "--markdown", str(laporan)]) == 0
    assert "✅" in laporan.read_text(encoding="utf-8")
    assert main(["diff", "main", "HEAD", "--repo", str(repo.root), "--format", "markdown"]) == 0


def test_a_workbook_in_another_opds_folder_is_refused_without_a_commit(repo, tmp_path):
    _repository_on_a_branch(repo)
    _upload(repo, tmp_path, folder="dishub")
    head = _git(repo.root, "rev-parse", "HEAD")
    report = tmp_path / "impor.md"
    assert main(["masukan", "--repo", str(repo.root), "--commit", "--laporan", str(report)]) == 1
    assert "milik dataset `dinkes/puskesmas`, bukan milik OPD `dishub`" in report.read_text()
    assert _git(repo.root, "rev-parse", "HEAD") == head


def test_the_inbox_never_commits_to_main(repo, tmp_path):
    _repository_on_a_branch(repo)
    _git(repo.root, "checkout", "-q", "main")
    _upload(repo, tmp_path)
    head = _git(repo.root, "rev-parse", "HEAD")
    report = tmp_path / "impor.md"
    assert main(["masukan", "--repo", str(repo.root), "--commit", "--laporan", str(report)]) == 1
    assert "cabang `main` tidak boleh diubah" in report.read_text(encoding="utf-8")
    assert _git(repo.root, "rev-parse", "HEAD") == head
