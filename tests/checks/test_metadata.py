"""Metadata checks on the chart choice (`grafik`)."""

from __future__ import annotations

import datetime as dt

from satudata.checks.runner import validate
from satudata.load.repository import Repository


def _codes(repo) -> list[tuple[str, str | None]]:
    report = validate(Repository.load(repo.root), today=dt.date(2026, 6, 1))
    return [(f.code, f.field) for f in report.findings if f.severity.value == "error"]


def test_grafik_naming_an_unknown_column_is_an_error(repo):
    assert _codes(repo) == []
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "kolom:",
        "grafik:\n  ukuran: jumlah_puskesmas\n  rincian: kode_kecamatan\nkolom:",
    )
    assert _codes(repo) == []
    repo.replace("metadata/dinkes/puskesmas.yaml", "rincian: kode_kecamatan", "rincian: kecamatan")
    assert _codes(repo) == [("kolom-rujukan-tidak-dikenal", "grafik.rincian")]
