"""report/text.py: the terminal report."""

from __future__ import annotations

from satudata.report import render_text

from .snapshot import check_snapshot


def test_text_snapshot(report):
    check_snapshot("laporan.txt", render_text(report))


def test_text_in_english(report):
    text = render_text(report, "en")
    assert "FAILED" in text and "is not of type bilangan-bulat" in text


def test_text_report_puts_datasets_with_errors_before_info_only_ones(report):
    text = render_text(report)
    assert text.index("dinkes/puskesmas") < text.index("(repositori)")  # info only
