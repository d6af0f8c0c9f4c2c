"""checks/__init__.py: the check registry and DatasetContext (cells, the cell limit, reading)."""

from __future__ import annotations

import datetime as dt

from satudata.checks import DEFAULT_CELL_LIMIT
from satudata.checks.runner import validate
from satudata.load.repository import Repository

TODAY = dt.date(2026, 11, 23)
CSV = "data/dinkes/puskesmas.csv"


def _bad_counts(repo, first: int, second: int) -> None:
    """`first` bad counts in jumlah_puskesmas, `second` bad kecamatan codes, on distinct rows."""
    rows = [f"{2000 + i},12.71.0{1 + i % 2},x" for i in range(first)]
    rows += [f"{1900 + i},99.99.99,1" for i in range(second)]
    repo.write(CSV, "tahun,kode_kecamatan,jumlah_puskesmas\n" + "\n".join(rows) + "\n")


def _findings(repo, **kwargs):
    return validate(Repository.load(repo.root), today=TODAY, **kwargs).findings


def test_cell_findings_stop_at_the_limit_with_one_summary_per_column_and_code(repo):
    _bad_counts(repo, DEFAULT_CELL_LIMIT + 5, 3)
    found = _findings(repo)
    typed = [f for f in found if f.code == "tipe-tidak-sesuai"]
    assert len(typed) == DEFAULT_CELL_LIMIT
    assert [f.line for f in typed] == list(range(2, 2 + DEFAULT_CELL_LIMIT))
    (summary,) = [f for f in found if f.code == "sel-bermasalah-lain"]
    assert (summary.column, summary.line) == ("jumlah_puskesmas", None)
    assert summary.params == {
        "jumlah": 5,
        "kolom": "jumlah_puskesmas",
        "kode": "tipe-tidak-sesuai",
    }
    assert "5" in summary.message() and "jumlah_puskesmas" in summary.message("en")
    unknown = [f for f in found if f.code == "kode-referensi-tidak-dikenal"]
    assert len(unknown) == 3  # under the limit: every cell, no summary for that column


def test_no_limit_reports_every_cell_and_no_summary(repo):
    _bad_counts(repo, DEFAULT_CELL_LIMIT + 5, 0)
    found = _findings(repo, cell_limit=None)
    assert sum(f.code == "tipe-tidak-sesuai" for f in found) == DEFAULT_CELL_LIMIT + 5
    assert not any(f.code == "sel-bermasalah-lain" for f in found)


def test_a_smaller_limit_moves_the_summary(repo):
    _bad_counts(repo, 4, 0)
    found = _findings(repo, cell_limit=1)
    assert sum(f.code == "tipe-tidak-sesuai" for f in found) == 1
    (summary,) = [f for f in found if f.code == "sel-bermasalah-lain"]
    assert summary.params["jumlah"] == 3
