"""What the reviewer sees in the pull request: values, names beside codes, biggest changes
first, totals per measure, readable metadata, and a note for everything left out."""

from __future__ import annotations

import subprocess

import pytest

from satudata.audit.diff import EXAMPLES, diff_revisions
from satudata.report.diff import render_diff_markdown, render_diff_text

CSV = "data/dinkes/puskesmas.csv"
DS = "metadata/dinkes/puskesmas.yaml"


def _commit(repo, message):
    for args in (["add", "-A"], ["commit", "-qm", message]):
        subprocess.run(
            ["git", "-C", str(repo.root), "-c", "user.name=U", "-c", "user.email=u@u", *args],
            check=True, capture_output=True,
        )  # fmt: skip


def _history(repo):
    subprocess.run(["git", "-C", str(repo.root), "init", "-q", "-b", "main"], check=True)
    _commit(repo, "awal")


def test_added_rows_show_their_values_and_codes_their_names(repo):
    _history(repo)
    repo.write(CSV, repo.read(CSV) + "2026,12.71.02,9\n")
    text = render_diff_markdown(diff_revisions(repo.root, "HEAD"))
    assert "**Baris ditambah** (1):" in text
    assert "| 2026 | 12.71.02 (Medan Sunggal) | 9 |" in text
    assert "| `jumlah_puskesmas` | 12 | 21 |" in text  # total before → after


def test_biggest_relative_change_first_and_a_note_for_the_rest(repo):
    rows = "".join(f"{2000 + i},12.71.01,{100 + i}\n" for i in range(EXAMPLES + 5))
    repo.write(CSV, "tahun,kode_kecamatan,jumlah_puskesmas\n" + rows)
    _history(repo)
    changed = rows.replace("2003,12.71.01,103", "2003,12.71.01,900")
    for i in range(EXAMPLES + 5):
        if i != 3:
            changed = changed.replace(
                f"{2000 + i},12.71.01,{100 + i}", f"{2000 + i},12.71.01,{101 + i}"
            )
    repo.write(CSV, "tahun,kode_kecamatan,jumlah_puskesmas\n" + changed)
    (d,) = diff_revisions(repo.root, "HEAD").datasets
    assert d.changed == EXAMPLES + 5 and len(d.changed_examples) == EXAMPLES
    assert d.changed_examples[0].key == "2003, 12.71.01"
    text = render_diff_text(diff_revisions(repo.root, "HEAD"))
    assert "… dan 5 baris diubah lainnya" in text
    assert "~ 2003, 12.71.01 (Medan Kota): jumlah_puskesmas: 103 → 900" in text


def test_metadata_changes_read_as_words_not_python(repo):
    _history(repo)
    repo.replace(DS, "topik: [kesehatan]", "topik: [kesehatan, gizi]")
    repo.replace(
        DS,
        "    wajib: true\n  - nama: kode_kecamatan",
        "    wajib: false\n  - nama: kode_kecamatan",
    )
    text = render_diff_markdown(diff_revisions(repo.root, "HEAD"))
    assert "| topik | kesehatan | kesehatan, gizi |" in text
    assert "| kolom tahun: wajib | ya | tidak |" in text
    assert "True" not in text and "['" not in text


def test_a_comment_over_the_limit_links_to_the_full_summary(repo, monkeypatch):
    _history(repo)
    repo.write(CSV, repo.read(CSV) + "2026,12.71.02,9\n")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "pemda/satudata")
    monkeypatch.setenv("GITHUB_RUN_ID", "42")
    text = render_diff_markdown(diff_revisions(repo.root, "HEAD"), max_chars=500)
    assert "https://github.com/pemda/satudata/actions/runs/42" in text


@pytest.mark.parametrize("render", [render_diff_text, render_diff_markdown])
def test_personal_numbers_in_rows_are_masked_in_the_summary(repo, render):
    _history(repo)
    repo.write(
        CSV,
        "tahun,kode_kecamatan,jumlah_puskesmas\n2024,12.71.01,1271 0541 0790 0003\n"
        "2024,12.71.02,2\n2025,12.71.01,3\n2025,12.71.02,(061) 4512345\n2026,1271054107900003,1\n",
    )
    text = render(diff_revisions(repo.root, "HEAD"))
    assert "0541 0790" not in text and "4512345" not in text and "4107900003" not in text
    assert "1271********0003" in text and "0614***345" in text
