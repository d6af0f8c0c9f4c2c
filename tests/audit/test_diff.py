"""`satudata diff` on real temporary git repositories with two commits."""

from __future__ import annotations

import subprocess

import pytest

from satudata.audit.diff import diff_revisions
from satudata.cli import main
from satudata.report.diff import render_diff_markdown, render_diff_text

CSV = "data/dinkes/puskesmas.csv"
DS = "metadata/dinkes/puskesmas.yaml"


def git(root, *args):
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Uji", "-c", "user.email=u@uji", *args],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def history(repo):
    git(repo.root, "init", "-q", "-b", "main")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-qm", "awal")
    return repo


def test_rows_added_removed_and_changed_by_primary_key(history):
    history.write(
        CSV,
        "tahun,kode_kecamatan,jumlah_puskesmas\n"
        "2024,12.71.01,3\n2025,12.71.01,5\n2025,12.71.02,4\n2026,12.71.01,6\n",
    )
    git(history.root, "commit", "-qam", "ubah data")
    (d,) = diff_revisions(history.root, "HEAD~1", "HEAD").datasets
    assert (d.status, d.added, d.removed, d.changed) == ("diubah", 1, 1, 1)
    assert d.added_examples == ["2026, 12.71.01"] and d.removed_examples == ["2024, 12.71.02"]
    assert d.changed_examples[0].key == "2025, 12.71.01"
    assert d.changed_examples[0].columns == [("jumlah_puskesmas", "3", "5")]
    text = render_diff_text(diff_revisions(history.root, "HEAD~1", "HEAD"))
    assert "jumlah_puskesmas: 3 → 5" in text


def test_metadata_changes_old_to_new(history):
    history.replace(DS, "sumber: Profil Kesehatan", "sumber: Profil Kesehatan 2025")
    history.replace(DS, "    satuan: unit", "    satuan: buah")
    (d,) = diff_revisions(history.root, "HEAD").datasets  # against the working tree
    assert ("sumber", "Profil Kesehatan", "Profil Kesehatan 2025") in d.fields
    assert ("kolom[jumlah_puskesmas].satuan", "unit", "buah") in d.fields


def test_new_dataset_and_untracked_files(history):
    history.write(
        "metadata/dinkes/rs.yaml", history.read(DS).replace("dinkes/puskesmas", "dinkes/rs")
    )
    history.write("data/dinkes/rs.csv", history.read(CSV))
    (d,) = diff_revisions(history.root, "HEAD").datasets
    assert (d.id, d.status, d.added) == ("dinkes/rs", "baru", 4)


def test_deleting_a_published_dataset_is_an_error_unless_discontinued(history, capsys):
    history.delete(CSV)
    history.delete(DS)
    git(history.root, "commit", "-qam", "hapus")
    review = diff_revisions(history.root, "HEAD~1", "HEAD")
    assert not review.ok and review.datasets[0].status == "dihapus"
    assert [p.code for p in review.datasets[0].problems] == ["dataset-terbit-dihapus"]
    assert main(["diff", "HEAD~1", "HEAD", "--repo", str(history.root)]) == 1
    assert "GALAT: Dataset yang sudah terbit dihapus" in capsys.readouterr().out
    git(history.root, "reset", "-q", "--hard", "HEAD~1")
    history.replace(DS, "frekuensi: tahunan", "frekuensi: tahunan\ndihentikan: 2026-01-01")
    git(history.root, "commit", "-qam", "hentikan")
    history.delete(CSV)
    history.delete(DS)
    git(history.root, "commit", "-qam", "hapus setelah dihentikan")
    assert diff_revisions(history.root, "HEAD~1", "HEAD").ok


def test_markdown_stays_under_the_comment_limit_on_a_huge_diff(history):
    for i in range(300):
        history.write(
            f"metadata/dinkes/d{i:03d}.yaml",
            history.read(DS).replace("dinkes/puskesmas", f"dinkes/d{i:03d}"),
        )
        history.write(
            f"data/dinkes/d{i:03d}.csv",
            "tahun,kode_kecamatan,jumlah_puskesmas\n"
            + "".join(f"{2000 + j},12.71.01,{j}\n" for j in range(40)),
        )
    text = render_diff_markdown(diff_revisions(history.root, "HEAD"))
    assert len(text) < 65_536 and "dipotong" in text


def test_bad_revision_is_a_usage_error(history, capsys):
    assert main(["diff", "tidak-ada", "--repo", str(history.root)]) == 2
