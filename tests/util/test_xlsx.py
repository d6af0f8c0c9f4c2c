"""The hand-written XLSX writer, read back by openpyxl: every feature the lembar kerja and the
downloads use, and the same bytes for the same arguments."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook

from satudata.util.xlsx import (
    TEXT,
    Cell,
    Filled,
    Numbers,
    Sheet,
    Style,
    Validation,
    column_letter,
    workbook,
    xlsx,
)

HEADER = Style(bold=True, fill="DDEBF7", wrap=True)
GREY = Style(italic=True, color="666666")


def _book(sheets: list[Sheet], **kwargs):
    return load_workbook(io.BytesIO(workbook(sheets, **kwargs)))


def _data_sheet() -> Sheet:
    return Sheet(
        "Data",
        header=[Cell("kode", HEADER), Cell("kode (nama)", HEADER), Cell("jumlah", HEADER)],
        columns=[["12.71.01", "12.71.02"], [], Numbers(["5", None])],
        styles={0: TEXT, 1: GREY},
        widths={0: 18, 1: 25.5},
        comments={"A1": "Kode kecamatan\nTipe: teks", "C1": "Satuan: unit & <jiwa>"},
        validations=[
            Validation("A2:A10", "list", "Daftar!$A$2:$A$3", error="Pilih dari daftar."),
            Validation("C2:C10", "whole", "0", "100", "between", error="0–100", error_title="Sah?"),
            Validation("D2:D10", "date", "1", operator="greaterThan", allow_blank=True),
        ],
        filled=[Filled(1, 10, 'IFERROR(VLOOKUP(A2,Daftar!$A$2:$B$3,2,FALSE),"")')],
        freeze="A2",
        references=False,
    )


def _lists_sheet() -> Sheet:
    return Sheet("Daftar", rows=[["12.71.01", "Medan Kota"], ["12.71.02", "Medan Area"]])


def test_openpyxl_reads_back_values_styles_and_layout():
    book = _book([_data_sheet(), _lists_sheet()])
    data = book["Data"]
    assert [c.value for c in data[1]] == ["kode", "kode (nama)", "jumlah"]
    assert data["A1"].font.b and data["A1"].fill.fgColor.rgb == "FFDDEBF7"
    assert data["A1"].alignment.wrap_text and data["A1"].alignment.vertical == "top"
    assert (data["A2"].value, data["A2"].number_format) == ("12.71.01", "@")
    assert data["C2"].value == 5 and data["C2"].data_type == "n" and data["C3"].value is None
    assert data.column_dimensions["A"].width == 18 and data.column_dimensions["B"].width == 25.5
    assert data.freeze_panes == "A2"
    assert book.active.title == "Data"


def test_filled_formulas_are_shared_and_translated_per_row():
    data = _book([_data_sheet(), _lists_sheet()])["Data"]
    assert data.max_row == 10  # the formulas go on below the two rows of data
    assert data["B2"].value == '=IFERROR(VLOOKUP(A2,Daftar!$A$2:$B$3,2,FALSE),"")'
    assert data["B3"].value == '=IFERROR(VLOOKUP(A3,Daftar!$A$2:$B$3,2,FALSE),"")'
    assert data["B10"].value == '=IFERROR(VLOOKUP(A10,Daftar!$A$2:$B$3,2,FALSE),"")'
    assert data["B7"].font.i and data["B7"].font.color.rgb == "FF666666"


def test_formulas_without_data_rows_start_on_the_first_row():
    sheet = Sheet("Data", header=["kode", "nama"], filled=[Filled(1, 4, "UPPER(A2)")])
    data = _book([sheet])["Data"]
    assert [data[f"B{r}"].value for r in range(2, 5)] == ["=UPPER(A2)", "=UPPER(A3)", "=UPPER(A4)"]


def test_validations_comments_and_hidden_sheets():
    hidden = Sheet("Info", rows=[["format", "x"]], state="veryHidden")
    book = _book([_data_sheet(), _lists_sheet(), hidden])
    rules = {str(v.sqref): v for v in book["Data"].data_validations.dataValidation}
    assert rules["A2:A10"].type == "list" and rules["A2:A10"].formula1 == "Daftar!$A$2:$A$3"
    assert rules["A2:A10"].showErrorMessage and rules["A2:A10"].error == "Pilih dari daftar."
    assert not rules["A2:A10"].allow_blank
    whole = rules["C2:C10"]
    assert (whole.type, whole.operator, whole.errorTitle) == ("whole", "between", "Sah?")
    assert (whole.formula1, whole.formula2) == ("0", "100")
    date = rules["D2:D10"]
    assert (date.type, date.operator, date.allow_blank) == ("date", "greaterThan", True)
    assert not date.showErrorMessage
    assert book["Data"]["A1"].comment.text == "Kode kecamatan\nTipe: teks"
    assert book["Data"]["C1"].comment.text == "Satuan: unit & <jiwa>"
    assert book["Data"]["A1"].comment.author == "satudata"
    assert book["Data"]["B1"].comment is None
    assert [book[n].sheet_state for n in book.sheetnames] == ["visible", "visible", "veryHidden"]


def test_text_that_looks_like_a_formula_stays_text():
    cells = ['=HYPERLINK("http://x","klik")', "+1+1", "-4", "@SUM(A1)", "\tx", "biasa"]
    for sheet in (
        Sheet("a", header=["teks"], rows=[[c] for c in cells]),
        Sheet("b", header=["teks"], rows=[[c] for c in cells], styles={0: TEXT}),
    ):
        data = _book([sheet])[sheet.name]
        read = [data.cell(row=r, column=1) for r in range(2, 2 + len(cells))]
        assert [c.value for c in read] == cells
        assert all(c.data_type == "s" for c in read)
        assert all(c.quotePrefix for c in read[:5]) and not read[5].quotePrefix


def test_values_of_every_kind_and_awkward_text_come_back_as_written():
    awkward = ["a\r\nb", "literal _x0041_ stays", "  spaces  ", "nul\x00dropped", "ünï ✓", ""]
    rows = [
        [1, 2.5, True, dt.date(2024, 2, 29), awkward[0]],
        [-3, float("inf"), False, None, awkward[1]],
        [None, 1e20, None, dt.date(1900, 3, 1), awkward[2]],
        [7, 0.1, None, None, awkward[3]],
        [None, None, None, None, awkward[4]],
        [None, None, None, None, awkward[5]],
    ]
    data = _book([Sheet("s", rows=rows)])["s"]
    read = [[c.value for c in row] for row in data.iter_rows(max_col=5)]
    assert read[0] == [1, 2.5, True, dt.datetime(2024, 2, 29), "a\r\nb"]
    assert read[1] == [-3, "inf", False, None, "literal _x0041_ stays"]  # inf is not a number
    assert read[2] == [None, 1e20, None, dt.datetime(1900, 3, 1), "  spaces  "]
    assert read[3] == [7, 0.1, None, None, "nuldropped"]  # XML cannot carry a NUL
    assert read[4][4] == "ünï ✓" and read[5][4] == ""
    assert data["D1"].number_format == "yyyy-mm-dd"


def test_numbers_refuses_what_is_not_a_number():
    with pytest.raises(ValueError, match="not a number"):
        workbook([Sheet("s", columns=[Numbers(["1", "<v>"])])])


def test_same_arguments_same_bytes_with_fixed_zip_metadata():
    when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    first = workbook([_data_sheet(), _lists_sheet()], when=when)
    assert workbook([_data_sheet(), _lists_sheet()], when=when) == first
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.testzip() is None
    names = [i.filename for i in archive.infolist()]
    assert names == sorted(names) and names[0] == "[Content_Types].xml"
    assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in archive.infolist()} == {0o644}
    core = archive.read("docProps/core.xml").decode()
    assert "2026-01-02T03:04:05Z" in core
    assert "dcterms:created" not in workbook([_lists_sheet()]).decode("latin-1")  # no clock


def test_plain_workbook_for_downloads():
    data = xlsx(
        {"data": [["tahun", "nilai"], [2024, 1.5], [2025, None]], "metadata": [["isian", "nilai"]]},
        "Dinas <Uji>",
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["data", "metadata"]
    assert [[c.value for c in row] for row in book["data"].iter_rows()] == [
        ["tahun", "nilai"],
        [2024, 1.5],
        [2025, None],
    ]
    assert book.properties.creator == "Dinas <Uji>"


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]
