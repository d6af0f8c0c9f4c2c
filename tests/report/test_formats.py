"""Snapshots of the four report formats on one fixture with findings of every severity."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from satudata.checks.runner import validate
from satudata.findings import Report
from satudata.load.repository import Repository
from satudata.report import render_github, render_json, render_markdown, render_text
from satudata.report.markdown import MAX_CHARS

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture
def report(repo) -> Report:
    repo.write(
        "data/dinkes/puskesmas.csv",
        "tahun,kode_kecamatan,jumlah_puskesmas\n2024,12.71.01,3\n2024,12.71.09,tiga\n"
        "2025,12.71.01,1.250\n",
    )
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "frekuensi: tahunan",
        "frekuensi: tahunan\nlisensi: Hak-Cipta",
    )
    return validate(Repository.load(repo.root))


def _check(name: str, text: str) -> None:
    """Compare with the committed snapshot; SATUDATA_UPDATE_SNAPSHOTS=1 rewrites it."""
    path = SNAPSHOTS / name
    if os.environ.get("SATUDATA_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing snapshot {path}; run with SATUDATA_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text(encoding="utf-8")


def test_text_snapshot(report):
    _check("laporan.txt", render_text(report))


def test_text_in_english(report):
    text = render_text(report, "en")
    assert "FAILED" in text and "is not of type bilangan-bulat" in text


def test_json_snapshot_and_shape(report):
    text = render_json(report)
    _check("laporan.json", text)
    data = json.loads(text)
    assert data["version"] == 1
    assert data["summary"] == {
        "datasets": 1,
        "rows": 3,
        "error": 3,
        "warning": 1,
        "info": 1,
        "ok": False,
    }
    assert set(data["findings"][0]) == {
        "code",
        "severity",
        "family",
        "dataset",
        "file",
        "line",
        "column",
        "field",
        "message",
        "saran",
    }


def test_markdown_snapshot(report):
    _check("laporan.md", render_markdown(report))


def test_github_snapshot(report):
    text = render_github(report)
    _check("laporan.github.txt", text)
    assert "::error file=data/dinkes/puskesmas.csv,line=3,title=tipe-tidak-sesuai::" in text


def test_markdown_is_truncated_with_a_note(repo):
    rows = "".join(f"2024,12.71.01,x{i}\n" for i in range(5000))
    repo.write("data/dinkes/puskesmas.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n" + rows)
    big = validate(Repository.load(repo.root), cell_limit=None)
    text = render_markdown(big)
    assert len(text) <= MAX_CHARS
    assert "temuan lain tidak ditampilkan" in text


def test_markdown_escapes_html_and_pipes(repo):
    repo.write(
        "data/dinkes/puskesmas.csv",
        "tahun,kode_kecamatan,jumlah_puskesmas\n2024,12.71.01,<script>|x\n",
    )
    text = render_markdown(validate(Repository.load(repo.root)))
    assert "<script>" not in text and "&lt;script&gt;\\|x" in text


def test_text_report_puts_datasets_with_errors_before_info_only_ones(report):
    text = render_text(report)
    assert text.index("dinkes/puskesmas") < text.index("(repositori)")  # info only
