"""Audit trail on real temporary git repositories."""

from __future__ import annotations

import json
import subprocess

import pytest

from satudata.audit.git import read_git
from satudata.audit.history import ShallowClone, versions
from satudata.cli import main

CSV = "data/dinkes/puskesmas.csv"
DS = "metadata/dinkes/puskesmas.yaml"
OPD = ("Tim Dinkes", "dinkes@contoh.go.id")
WALIDATA = ("Walidata", "walidata@contoh.go.id")


def git(root, *args, who=OPD):
    subprocess.run(
        ["git", "-C", str(root), "-c", f"user.name={who[0]}", "-c", f"user.email={who[1]}", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def history(repo):
    git(repo.root, "init", "-q", "-b", "main")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-qm", "Data awal")
    return repo


def _add_row(repo, row: str) -> None:
    repo.write(CSV, repo.read(CSV) + row + "\n")


def test_squash_merge_with_pr_number_and_approval_trailer(history):
    _add_row(history, "2026,12.71.01,4")
    git(
        history.root,
        "commit",
        "-qam",
        "Tambah data 2026 (#13)\n\nDisetujui-oleh: Ani <ani@x>",
        who=OPD,
    )
    (newest, first) = versions(read_git(history.root), "dinkes/puskesmas")
    assert newest.commit.pr == 13 and newest.commit.approvers == ("Ani <ani@x>",)
    assert newest.penulis == ("Tim Dinkes",) and newest.jenis == "diubah"
    assert first.jenis == "ditambah" and first.commit.pr is None


def test_merge_commit_credits_the_branch_authors_not_the_merger(history):
    git(history.root, "checkout", "-qb", "opd/tambah")
    _add_row(history, "2026,12.71.02,2")
    git(history.root, "commit", "-qam", "Data 2026 kecamatan 02", who=OPD)
    git(history.root, "checkout", "-q", "main")
    git(
        history.root,
        "merge",
        "--no-ff",
        "-q",
        "opd/tambah",
        "-m",
        "Merge pull request #21 from pemko/opd-tambah\n\nDisetujui-oleh: Walidata",
        who=WALIDATA,
    )
    newest = versions(read_git(history.root), "dinkes/puskesmas")[0]
    assert newest.commit.pr == 21 and newest.commit.author == "Walidata"
    assert newest.penulis == ("Tim Dinkes",) and newest.commit.approvers == ("Walidata",)
    assert newest.data is not None  # the merge is the version that changed the file


def test_renamed_dataset_keeps_its_history(history):
    git(history.root, "mv", CSV, "data/dinkes/fasilitas.csv")
    git(history.root, "mv", DS, "metadata/dinkes/fasilitas.yaml")
    history.replace(
        "metadata/dinkes/fasilitas.yaml", "id: dinkes/puskesmas", "id: dinkes/fasilitas"
    )
    git(history.root, "commit", "-qam", "Ganti nama dataset")
    found = versions(read_git(history.root), "dinkes/fasilitas")
    assert [v.commit.subject for v in found] == ["Ganti nama dataset", "Data awal"]
    assert found[0].jenis == "dipindah"


def test_deleted_then_restored_dataset(history):
    git(history.root, "rm", "-q", CSV, DS)
    git(history.root, "commit", "-qm", "Hapus")
    git(history.root, "checkout", "HEAD~1", "--", CSV, DS)
    git(history.root, "commit", "-qm", "Pulihkan")
    found = versions(read_git(history.root), "dinkes/puskesmas")
    assert [v.jenis for v in found] == ["ditambah", "dihapus", "ditambah"]


def test_cli_text_json_and_diff(history, capsys):
    history.replace(CSV, "2025,12.71.02,4", "2025,12.71.02,5")
    git(history.root, "commit", "-qam", "Koreksi (#5)")
    assert (
        main(
            [
                "riwayat",
                "dinkes/puskesmas",
                "--repo",
                str(history.root),
                "--diff",
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    newest = data["versi"][0]
    assert newest["pull_request"] == 5 and newest["selisih"]["baris_diubah"] == 1
    assert newest["selisih"]["contoh_diubah"][0]["kolom"] == [["jumlah_puskesmas", "4", "5"]]
    assert main(["riwayat", "dinkes/puskesmas", "--repo", str(history.root)]) == 0
    assert "PR #5 — Tim Dinkes" in capsys.readouterr().out


def test_shallow_clone_is_detected_not_misreported(history, tmp_path, capsys):
    _add_row(history, "2026,12.71.01,4")
    git(history.root, "commit", "-qam", "Kedua")
    clone = tmp_path / "dangkal"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{history.root}", str(clone)],
        check=True,
        capture_output=True,
    )
    git_info = read_git(clone)
    assert git_info.shallow
    with pytest.raises(ShallowClone):
        versions(git_info, "dinkes/puskesmas")
    assert main(["riwayat", "dinkes/puskesmas", "--repo", str(clone)]) == 2
    assert "fetch --unshallow" in capsys.readouterr().err


def test_one_git_log_pass_for_all_datasets(history, monkeypatch):
    calls = []
    import satudata.audit.git as gitinfo

    original = gitinfo._git
    monkeypatch.setattr(gitinfo, "_git", lambda *a: calls.append(a[1]) or original(*a))
    read_git(history.root)
    assert calls.count("log") == 2  # main line with files, and the branch-author pass
