"""`satudata lembar`: a dataset as an Excel workbook an OPD team edits instead of CSV and YAML.

Sheets: *Data* (the rows, with each referenced code's name beside it), *Metadata* (the dataset
fields as a form with explanations from the model), *Kolom* (the column dictionary), and two
hidden sheets: *Daftar* (the drop-down lists) and *_satudata* (what the workbook is, so that
`satudata impor` can read it back without being told).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from ruamel.yaml import YAML

from satudata.load.repository import DatasetFiles, Repository
from satudata.model import EntriDaftarData, Frekuensi, Kolom, Tipe
from satudata.onboarding.metadata_form import (
    dataset_fields,
    get_path,
    kolom_fields,
    to_cell,
)

FORMAT = "satudata-lembar-1"
DATA, METADATA, KOLOM, LISTS, INFO = "Data", "Metadata", "Kolom", "Daftar", "_satudata"
SPARE_ROWS = 1000  # rows below the data that keep validation for new periods
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HELPER_FONT = Font(italic=True, color="666666")
NUMERIC = (Tipe.BILANGAN_BULAT, Tipe.BILANGAN, Tipe.TAHUN)


@dataclass(frozen=True)
class Layout:
    """Where each CSV column and each helper (name) column sits on the Data sheet."""

    columns: list[str]  # the CSV header, in order
    helpers: dict[str, str]  # helper header → the code column it names

    @property
    def sheet_header(self) -> list[str]:
        header: list[str] = []
        named = {code: helper for helper, code in self.helpers.items()}
        for column in self.columns:
            header.append(column)
            if column in named:
                header.append(named[column])
        return header


def helper_name(column: str) -> str:
    return f"{column} (nama)"


def write_workbook(repo: Repository, entry: DatasetFiles, target: Path) -> None:
    """The workbook of an existing dataset."""
    if entry.meta is None or entry.metadata_path is None or entry.data_path is None:
        raise ValueError(f"{entry.id}: metadata dan data harus ada dan sah untuk membuat lembar")
    raw = YAML(typ="rt").load(entry.metadata_path.read_text(encoding="utf-8"))
    _write(repo, entry.id, raw, entry.data_path.read_bytes(), list(entry.meta.kolom), target)


def write_new_workbook(
    repo: Repository, dataset_id: str, target: Path, planned: EntriDaftarData | None = None
) -> None:
    """The workbook of a dataset that does not exist yet, pre-filled from its Daftar Data
    entry: the team fills in the form and the rows, then uploads it."""
    raw = starter_metadata(dataset_id, planned)
    kolom = [Kolom.model_validate(k) for k in raw["kolom"]]
    header = ",".join(k.nama for k in kolom) + "\n"
    _write(repo, dataset_id, raw, header.encode(), kolom, target, new=True)


def starter_metadata(dataset_id: str, planned: EntriDaftarData | None) -> dict[str, Any]:
    opd = dataset_id.split("/")[0]
    monthly = planned is not None and planned.frekuensi is Frekuensi.BULANAN
    period = (
        {"nama": "bulan", "judul": "Bulan", "tipe": "tahun-bulan", "peran": "periode"}
        if monthly
        else {"nama": "tahun", "judul": "Tahun", "tipe": "tahun", "peran": "periode"}
    )
    region = {
        "nama": "kode_kecamatan",
        "judul": "Kode kecamatan",
        "tipe": "teks",
        "peran": "dimensi",
        "referensi": {"tabel": "wilayah", "tingkat": "kecamatan"},
    }
    measure = {"nama": "jumlah", "judul": "Jumlah", "tipe": "bilangan-bulat", "peran": "ukuran"}
    raw: dict[str, Any] = {"id": dataset_id, "produsen": opd}
    if planned is not None:
        raw.update(
            judul=planned.judul,
            pilar=planned.pilar.value,
            frekuensi=planned.frekuensi.value,
            daftar_data=planned.kode,
        )
    raw.update(klasifikasi="terbuka", kunci=[period["nama"], "kode_kecamatan"])
    raw["kolom"] = [{**period, "wajib": True}, {**region, "wajib": True}, {**measure, "min": 0}]
    return raw


def _write(
    repo: Repository,
    dataset_id: str,
    raw: Any,
    data: bytes,
    kolom_list: list[Kolom],
    target: Path,
    new: bool = False,
) -> None:
    header, rows = _read_csv(data)
    kolom = {k.nama: k for k in kolom_list}
    layout = Layout(header, _helpers(repo, header, kolom))
    book = Workbook()
    lists = _lists_sheet(book, repo, kolom)
    _data_sheet(book.active, repo, layout, rows, kolom, lists)
    _metadata_sheet(book.create_sheet(METADATA), raw, lists)
    _kolom_sheet(book.create_sheet(KOLOM), raw, lists)
    _info_sheet(book, dataset_id, data, layout, new)
    book.move_sheet(LISTS, offset=len(book.sheetnames))
    buffer = io.BytesIO()
    book.save(buffer)
    from satudata.util.fs import write_atomic

    write_atomic(target, buffer.getvalue())


def _read_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    return (rows[0], rows[1:]) if rows else ([], [])


def _helpers(repo: Repository, header: list[str], kolom: dict[str, Kolom]) -> dict[str, str]:
    helpers = {}
    for column in header:
        ref = kolom[column].referensi if column in kolom else None
        table = repo.reference_table(ref.tabel) if ref else None
        if table is not None and "nama" in table.columns:
            helpers[helper_name(column)] = column
    return helpers


# --- Data ------------------------------------------------------------------------------------
def _data_sheet(
    sheet: Worksheet,
    repo: Repository,
    layout: Layout,
    rows: list[list[str]],
    kolom: dict[str, Kolom],
    lists: dict[str, str],
) -> None:
    sheet.title = DATA
    header = layout.sheet_header
    for index, name in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=index, value=name)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if name in layout.helpers:
            cell.font = Font(bold=True, italic=True, color="666666")
            cell.comment = Comment("Nama dari tabel kode referensi; diisi otomatis.", "satudata")
        elif name in kolom:
            cell.comment = Comment(_column_note(kolom[name]), "satudata")
    positions = {name: i for i, name in enumerate(header, start=1)}
    for r, values in enumerate(rows, start=2):
        for column, text in zip(layout.columns, values, strict=False):
            cell = sheet.cell(row=r, column=positions[column], value=_cell(text, kolom.get(column)))
            if isinstance(cell.value, str):
                cell.number_format = "@"
            elif isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    last = len(rows) + 1 + SPARE_ROWS
    for helper, code in layout.helpers.items():
        _name_formulas(sheet, positions[helper], positions[code], len(rows) + 1, lists, code)
    for column in layout.columns:
        _validate_column(sheet, positions[column], last, kolom.get(column), lists.get(column))
        k = kolom.get(column)
        if k is None or k.tipe not in (*NUMERIC, Tipe.TANGGAL):
            # Text typed into new rows stays text (a code like 12.71.01 is not a date).
            sheet.column_dimensions[get_column_letter(positions[column])].number_format = "@"
    sheet.freeze_panes = "A2"
    for name, index in positions.items():
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(name) + 4))


def _column_note(kolom: Kolom) -> str:
    parts = [kolom.judul]
    if kolom.satuan:
        parts.append(f"Satuan: {kolom.satuan}")
    if kolom.definisi:
        parts.append(kolom.definisi)
    parts.append(f"Tipe: {kolom.tipe.value}" + (" (wajib diisi)" if kolom.wajib else ""))
    return "\n".join(parts)


def _cell(text: str, kolom: Kolom | None) -> Any:
    """A CSV value as the cell a person expects: numbers as numbers, dates as dates, and
    anything that would not come back byte-exact as text."""
    if text == "" or kolom is None:
        return text if text != "" else None
    if kolom.tipe in NUMERIC:
        return _number(text)
    if kolom.tipe is Tipe.TANGGAL:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def _number(text: str) -> Any:
    try:
        exact = Decimal(text)
    except InvalidOperation:
        return text
    if exact == exact.to_integral_value() and "." not in text and "e" not in text.lower():
        return int(exact)
    as_float = float(text)
    return as_float if Decimal(repr(as_float)) == exact else text


def _name_formulas(
    sheet: Worksheet, helper: int, code: int, rows: int, lists: dict[str, str], column: str
) -> None:
    source = lists.get(f"{column}:pairs")
    if source is None:
        return
    code_letter = get_column_letter(code)
    for r in range(2, rows + 1 + SPARE_ROWS):
        cell = sheet.cell(row=r, column=helper)
        cell.value = f'=IFERROR(VLOOKUP({code_letter}{r},{source},2,FALSE),"")'
        cell.font = HELPER_FONT


def _validate_column(
    sheet: Worksheet, index: int, last: int, kolom: Kolom | None, choices: str | None
) -> None:
    if kolom is None:
        return
    letter = get_column_letter(index)
    area = f"{letter}2:{letter}{last}"
    rule: DataValidation | None = None
    if choices:
        rule = DataValidation(type="list", formula1=choices, allow_blank=not kolom.wajib)
    elif kolom.tipe is Tipe.BILANGAN_BULAT or kolom.tipe is Tipe.TAHUN:
        low = 1900 if kolom.tipe is Tipe.TAHUN else kolom.min
        high = 2100 if kolom.tipe is Tipe.TAHUN else kolom.maks
        rule = _bounded("whole", low, high)
    elif kolom.tipe is Tipe.BILANGAN:
        rule = _bounded("decimal", kolom.min, kolom.maks)
    elif kolom.tipe is Tipe.TANGGAL:
        rule = DataValidation(type="date", operator="greaterThan", formula1="1")
    if rule is None:
        return
    rule.error = f"Nilai tidak sesuai untuk kolom {kolom.nama} ({kolom.tipe.value})."
    rule.errorTitle = "Nilai tidak sah"
    rule.showErrorMessage = True
    sheet.add_data_validation(rule)
    rule.add(area)


def _bounded(kind: str, low: Any, high: Any) -> DataValidation:
    if low is not None and high is not None:
        return DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high))
    if low is not None:
        return DataValidation(type=kind, operator="greaterThanOrEqual", formula1=str(low))
    if high is not None:
        return DataValidation(type=kind, operator="lessThanOrEqual", formula1=str(high))
    big = "999999999999999"
    return DataValidation(type=kind, operator="between", formula1=f"-{big}", formula2=big)


# --- Metadata and Kolom ----------------------------------------------------------------------
def _metadata_sheet(sheet: Worksheet, raw: Any, lists: dict[str, str]) -> None:
    sheet.append(["Isian", "Nilai", "Penjelasan"])
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    for field in dataset_fields():
        sheet.append([field.name, to_cell(get_path(raw, field.path)), field.description])
        row = sheet.max_row
        sheet.cell(row=row, column=2).number_format = "@"
        sheet.cell(row=row, column=3).alignment = Alignment(wrap_text=True, vertical="top")
        choices = lists.get(f"field:{field.name}")
        if choices:
            rule = DataValidation(type="list", formula1=choices, allow_blank=True)
            sheet.add_data_validation(rule)
            rule.add(f"B{row}")
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 50
    sheet.column_dimensions["C"].width = 70
    sheet.freeze_panes = "B2"


def _kolom_sheet(sheet: Worksheet, raw: Any, lists: dict[str, str]) -> None:
    fields = kolom_fields()
    sheet.append([f.name for f in fields])
    for cell, field in zip(sheet[1], fields, strict=True):
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        if field.description:
            cell.comment = Comment(field.description, "satudata")
    for kolom in raw.get("kolom") or []:
        sheet.append([to_cell(get_path(kolom, f.path)) for f in fields])
    last = sheet.max_row + 50
    for index, field in enumerate(fields, start=1):
        letter = get_column_letter(index)
        for r in range(2, last + 1):
            sheet.cell(row=r, column=index).number_format = "@"
        choices = lists.get(f"field:{field.name}")
        if choices:
            rule = DataValidation(type="list", formula1=choices, allow_blank=True)
            sheet.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}{last}")
        sheet.column_dimensions[letter].width = 18
    sheet.freeze_panes = "B2"


# --- hidden sheets ---------------------------------------------------------------------------
def _lists_sheet(book: Workbook, repo: Repository, kolom: dict[str, Kolom]) -> dict[str, str]:
    """Write every drop-down list into the hidden *Daftar* sheet; returns list key → range."""
    sheet = book.create_sheet(LISTS)
    sheet.sheet_state = "hidden"
    ranges: dict[str, str] = {}
    column = 0

    def put(key: str, values: list[list[str]]) -> None:
        nonlocal column
        if not values:
            return
        column += 1
        start = get_column_letter(column)
        width = len(values[0])
        end = get_column_letter(column + width - 1)
        sheet.cell(row=1, column=column, value=key)
        for r, row in enumerate(values, start=2):
            for offset, value in enumerate(row):
                sheet.cell(row=r, column=column + offset, value=value).number_format = "@"
        last = len(values) + 1
        ranges[key] = f"{LISTS}!${start}$2:${start}${last}"
        if width > 1:
            ranges[f"{key}:pairs"] = f"{LISTS}!${start}$2:${end}${last}"
        column += width - 1

    for field in [*dataset_fields(), *kolom_fields()]:
        if field.choices and f"field:{field.name}" not in ranges:
            put(f"field:{field.name}", [[c] for c in field.choices])
    for field in kolom_fields():
        if field.name == "referensi.tabel" and repo.reference_names:
            put(f"field:{field.name}", [[n] for n in repo.reference_names])
    for name, k in kolom.items():
        codes = _reference_rows(repo, k)
        if codes:
            put(name, codes)
    return ranges


def _reference_rows(repo: Repository, kolom: Kolom) -> list[list[str]]:
    ref = kolom.referensi
    table = repo.reference_table(ref.tabel) if ref else None
    if ref is None or table is None:
        return []
    rows = [r for r in table.rows if ref.tingkat is None or r.get("tingkat") == ref.tingkat]
    return [[r.get(ref.kolom, ""), r.get("nama", "")] for r in rows]


def _info_sheet(
    book: Workbook, dataset_id: str, data: bytes, layout: Layout, new: bool = False
) -> None:
    sheet = book.create_sheet(INFO)
    sheet.sheet_state = "veryHidden"
    sheet.append(["format", FORMAT])
    sheet.append(["dataset", dataset_id])
    sheet.append(["sha256_csv", hashlib.sha256(data).hexdigest()])
    sheet.append(["kolom_data", *layout.columns])
    sheet.append(["kolom_nama", *layout.helpers])
    sheet.append(["baru", "ya" if new else "tidak"])
