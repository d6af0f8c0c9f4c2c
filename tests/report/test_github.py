"""report/github.py: workflow commands that annotate a pull request's lines."""

from __future__ import annotations

from satudata.findings import Finding, Report
from satudata.report import render_github
from satudata.report.github import annotation

from .snapshot import check_snapshot


def test_github_snapshot(report):
    text = render_github(report)
    check_snapshot("laporan.github.txt", text)
    assert "::error file=data/dinkes/puskesmas.csv,line=3,title=tipe-tidak-sesuai::" in text


def test_properties_escape_colons_and_commas_and_data_escapes_newlines():
    finding = Finding(
        "csv-rusak",
        dataset="dinkes/a",
        file="data/dinkes/a:b,c.csv",
        line=7,
        params={"detail": "baris 1:\nrusak 100%", "detail_en": "x"},
    )
    line = annotation(finding)
    assert line.startswith("::error file=data/dinkes/a%3Ab%2Cc.csv,line=7,title=csv-rusak::")
    message = line.split("::", 2)[2]
    assert "baris 1:%0Arusak 100%25." in message  # ':' stays in the message, '%' and '\n' escape
    assert "\n" not in line and "\r" not in line


def test_info_findings_are_not_annotated_but_counted():
    info = Finding("segera-jatuh-tempo", params={"periode": "2025", "period": "2025"})
    report = Report([info], ["dinkes/a"])
    text = render_github(report)
    assert "::notice" not in text and text.count("\n") == 1
