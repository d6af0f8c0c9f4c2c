"""report/markdown.py: the pull-request comment."""

from __future__ import annotations

from satudata.checks.runner import validate
from satudata.load.repository import Repository
from satudata.report import render_markdown
from satudata.report.markdown import MAX_CHARS

from .snapshot import check_snapshot


def test_markdown_snapshot(report):
    check_snapshot("laporan.md", render_markdown(report))


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
