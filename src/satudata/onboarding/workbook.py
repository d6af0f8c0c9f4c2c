"""`satudata lembar`: a dataset as an Excel workbook an OPD team edits instead of CSV and YAML.

Sheets: *Data* (the rows, with each referenced code's name beside it), *Metadata* (the dataset
fields as a form with explanations from the model), *Kolom* (the column dictionary), and two
hidden sheets: *Daftar* (the drop-down lists) and *_satudata* (what the workbook is, so that
`satudata impor` can read it back without being told).

The bytes come from the writer in `satudata.util.xlsx` (openpyxl only reads them back): fast
enough (~4 ms) for the catalog to offer every dataset's workbook, and the command and the site
give the same bytes for the same commit (no clock inside).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import zip_longest
from pathlib import Path
from typing import Any

from satudata.load.repository import DatasetFiles, Repository
from satudata.model import Dataset, EntriDaftarData, Frekuensi, Kolom, Tipe
from satudata.onboarding.metadata_form import (
    dataset_fields,
    get_path,
    kolom_fields,
    to_cell,
)
from satudata.util.fs import write_atomic
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
)

FORMAT = "satudata-lembar-1"
DATA, METADATA, KOLOM, LISTS, INFO = "Data", "Metadata", "Kolom", "Daftar", "_satudata"
SPARE_ROWS = 1000  # rows below the data that keep validation (and names) for new periods
KOLOM_SPARE_ROWS = 50
HEADER = Style(bold=True, fill="DDEBF7", wrap=True)
HELPER_HEADER = Style(bold=True, italic=True, color="666666", fill="DDEBF7", wrap=True)
FORM_HEADER = Style(bold=True, fill="DDEBF7")
HELPER = Style(italic=True, color="666666")
WRAP = Style(wrap=True)
NUMERIC = (Tipe.BILANGAN_BULAT, Tipe.BILANGAN, Tipe.TAHUN)
# Plain decimal literals of at most 15 characters are exact as spreadsheet numbers and read
# back (by openpyxl) as the same int or float: such a column is written as it is.
_PLAIN = r"(?:-?+[0-9]++(?:\.[0-9]++)?+)?+"  # possessive: no backtracking, twice as fast
_PLAIN_COLUMN = re.compile(rf"{_PLAIN}(?:\n{_PLAIN})*+")


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


def dataset_workbook(repo: Repository, entry: DatasetFiles, data: bytes | None = None) -> bytes:
    """The workbook of an existing dataset; `data` is its CSV (default: the file's bytes)."""
    if entry.meta is None or entry.metadata_path is None or entry.data_path is None:
        raise ValueError(f"{entry.id}: metadata dan data harus ada dan sah untuk membuat lembar")
    if data is None:
        data = entry.data_path.read_bytes()
    return _workbook(repo, entry.id, form_values(entry.meta), data, list(entry.meta.kolom))


def form_values(meta: Dataset) -> dict[str, Any]:
    """The metadata as the form shows it: the validated model, as its file sets it (the
    import takes a cell equal to this, or to the file as written, as untouched). Reading the
    model instead of the YAML again saves ~0.7 ms a workbook."""
    return meta.model_dump(mode="json", exclude_unset=True)


def write_workbook(repo: Repository, entry: DatasetFiles, target: Path) -> None:
    """The workbook of an existing dataset, written to `target`."""
    write_atomic(target, dataset_workbook(repo, entry))


def write_new_workbook(
    repo: Repository, dataset_id: str, target: Path, planned: EntriDaftarData | None = None
) -> None:
    """The workbook of a dataset that does not exist yet, pre-filled from its Daftar Data
    entry: the team fills in the form and the rows, then uploads it."""
    raw = starter_metadata(dataset_id, planned)
    kolom = [Kolom.model_validate(k) for k in raw["kolom"]]
    header = ",".join(k.nama for k in kolom) + "\n"
    write_atomic(target, _workbook(repo, dataset_id, raw, header.encode(), kolom, new=True))


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


def _workbook(
    repo: Repository,
    dataset_id: str,
    raw: Any,
    data: bytes,
    kolom_list: list[Kolom],
    new: bool = False,
) -> bytes:
    header, rows = _read_csv(data)
    kolom = {k.nama: k for k in kolom_list}
    layout = Layout(header, _helpers(repo, header, kolom))
    lists, daftar = _lists_sheet(repo, kolom)
    sheets = [
        _data_sheet(layout, rows, kolom, lists),
        _metadata_sheet(raw, lists),
        _kolom_sheet(raw, lists),
        _info_sheet(dataset_id, data, layout, new),
        daftar,
    ]
    return workbook(sheets)


def _read_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    text = data.decode("utf-8-sig")
    if '"' in text or "\r" in text:
        rows = list(csv.reader(io.StringIO(text)))
    else:  # no quoting and one kind of line end: the csv module would only split (2× faster)
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        rows = [line.split(",") if line else [] for line in lines]
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
    layout: Layout, rows: list[list[str]], kolom: dict[str, Kolom], lists: dict[str, str]
) -> Sheet:
    header = layout.sheet_header
    positions = {name: i for i, name in enumerate(header)}
    sheet = Sheet(DATA, freeze="A2", references=False)
    for index, name in enumerate(header):
        letter = column_letter(index)
        sheet.widths[index] = max(12, min(40, len(name) + 4))
        if name in layout.helpers:
            sheet.header.append(Cell(name, HELPER_HEADER))
            sheet.styles[index] = HELPER
            sheet.comments[f"{letter}1"] = "Nama dari tabel kode referensi; diisi otomatis."
            continue
        sheet.header.append(Cell(name, HEADER))
        if name in kolom:
            sheet.comments[f"{letter}1"] = _column_note(kolom[name])
    texts = [*zip_longest(*rows, fillvalue="")] if rows else []
    columns: list[list[Any]] = [[] for _ in header]  # helper columns: formulas only
    last = len(rows) + 1 + SPARE_ROWS
    for j, column in enumerate(layout.columns):
        k = kolom.get(column)
        index = positions[column]
        columns[index] = _values(list(texts[j]) if j < len(texts) else [""] * len(rows), k)
        if k is None or k.tipe not in (*NUMERIC, Tipe.TANGGAL):
            # Text typed into new rows stays text (a code like 12.71.01 is not a date).
            sheet.styles[index] = TEXT
        rule = _validation(index, last, k, lists.get(column))
        if rule is not None:
            sheet.validations.append(rule)
    sheet.columns = columns
    for helper, code in layout.helpers.items():
        source = lists.get(f"{code}:pairs")
        if source is not None:
            formula = f'IFERROR(VLOOKUP({column_letter(positions[code])}2,{source},2,FALSE),"")'
            sheet.filled.append(Filled(positions[helper], last, formula))
    return sheet


def _column_note(kolom: Kolom) -> str:
    parts = [kolom.judul]
    if kolom.satuan:
        parts.append(f"Satuan: {kolom.satuan}")
    if kolom.definisi:
        parts.append(kolom.definisi)
    parts.append(f"Tipe: {kolom.tipe.value}" + (" (wajib diisi)" if kolom.wajib else ""))
    return "\n".join(parts)


def _values(texts: list[str], kolom: Kolom | None) -> list[Any]:
    """A CSV column as the cells a person expects: numbers as numbers, dates as dates, and
    anything that would not come back byte-exact as text."""
    if kolom is not None and kolom.tipe in NUMERIC:
        if max(map(len, texts), default=0) <= 15 and _PLAIN_COLUMN.fullmatch("\n".join(texts)):
            return Numbers(texts if "" not in texts else [t or None for t in texts])
        return [_number(t) if t else None for t in texts]
    if kolom is not None and kolom.tipe is Tipe.TANGGAL:
        return [_date(t) if t else None for t in texts]
    return [t or None for t in texts]


def _date(text: str) -> Any:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return Cell(text, TEXT)


def _number(text: str) -> Any:
    try:
        exact = Decimal(text)
    except InvalidOperation:
        return Cell(text, TEXT)
    if not exact.is_finite():
        return Cell(text, TEXT)
    if exact == exact.to_integral_value() and "." not in text and "e" not in text.lower():
        return int(exact)
    as_float = float(text)
    return as_float if Decimal(repr(as_float)) == exact else Cell(text, TEXT)


def _validation(index: int, last: int, kolom: Kolom | None, choices: str | None):
    if kolom is None:
        return None
    letter = column_letter(index)
    rule: dict[str, Any] | None = None
    if choices:
        rule = {"kind": "list", "formula1": choices, "allow_blank": not kolom.wajib}
    elif kolom.tipe is Tipe.BILANGAN_BULAT or kolom.tipe is Tipe.TAHUN:
        low = 1900 if kolom.tipe is Tipe.TAHUN else kolom.min
        high = 2100 if kolom.tipe is Tipe.TAHUN else kolom.maks
        rule = _bounded("whole", low, high)
    elif kolom.tipe is Tipe.BILANGAN:
        rule = _bounded("decimal", kolom.min, kolom.maks)
    elif kolom.tipe is Tipe.TANGGAL:
        rule = {"kind": "date", "operator": "greaterThan", "formula1": "1"}
    if rule is None:
        return None
    return Validation(
        f"{letter}2:{letter}{last}",
        **rule,
        error=f"Nilai tidak sesuai untuk kolom {kolom.nama} ({kolom.tipe.value}).",
        error_title="Nilai tidak sah",
    )


def _bounded(kind: str, low: Any, high: Any) -> dict[str, Any]:
    if low is not None and high is not None:
        return {"kind": kind, "operator": "between", "formula1": str(low), "formula2": str(high)}
    if low is not None:
        return {"kind": kind, "operator": "greaterThanOrEqual", "formula1": str(low)}
    if high is not None:
        return {"kind": kind, "operator": "lessThanOrEqual", "formula1": str(high)}
    big = "999999999999999"
    return {"kind": kind, "operator": "between", "formula1": f"-{big}", "formula2": big}


# --- Metadata and Kolom ----------------------------------------------------------------------
def _metadata_sheet(raw: Any, lists: dict[str, str]) -> Sheet:
    fields = dataset_fields()
    sheet = Sheet(
        METADATA,
        header=[Cell(name, FORM_HEADER) for name in ("Isian", "Nilai", "Penjelasan")],
        rows=[
            [field.name, to_cell(get_path(raw, field.path)) or None, field.description or None]
            for field in fields
        ],
        widths={0: 28, 1: 50, 2: 70},
        styles={1: TEXT, 2: WRAP},
        freeze="B2",
    )
    for row, field in enumerate(fields, start=2):
        choices = lists.get(f"field:{field.name}")
        if choices:
            sheet.validations.append(Validation(f"B{row}", "list", choices, allow_blank=True))
    return sheet


def _kolom_sheet(raw: Any, lists: dict[str, str]) -> Sheet:
    fields = kolom_fields()
    sheet = Sheet(
        KOLOM,
        header=[Cell(field.name, FORM_HEADER) for field in fields],
        rows=[
            [to_cell(get_path(kolom, f.path)) or None for f in fields]
            for kolom in raw.get("kolom") or []
        ],
        freeze="B2",
    )
    last = len(sheet.rows) + 1 + KOLOM_SPARE_ROWS
    for index, field in enumerate(fields):
        letter = column_letter(index)
        sheet.widths[index], sheet.styles[index] = 18, TEXT
        if field.description:
            sheet.comments[f"{letter}1"] = field.description
        choices = lists.get(f"field:{field.name}")
        if choices:
            area = f"{letter}2:{letter}{last}"
            sheet.validations.append(Validation(area, "list", choices, allow_blank=True))
    return sheet


# --- hidden sheets ---------------------------------------------------------------------------
def _lists_sheet(repo: Repository, kolom: dict[str, Kolom]) -> tuple[dict[str, str], Sheet]:
    """Every drop-down list, side by side in the hidden *Daftar* sheet: (list key → range,
    the sheet)."""
    ranges: dict[str, str] = {}
    columns: list[list[str | None]] = []

    def put(key: str, values: list[list[str]]) -> None:
        if not values:
            return
        start, width, last = len(columns), len(values[0]), len(values) + 1
        columns.append([key, *(row[0] for row in values)])
        columns.extend([None, *(row[offset] for row in values)] for offset in range(1, width))
        first, end = column_letter(start), column_letter(start + width - 1)
        ranges[key] = f"{LISTS}!${first}$2:${first}${last}"
        if width > 1:
            ranges[f"{key}:pairs"] = f"{LISTS}!${first}$2:${end}${last}"

    for key, choices in _field_choices():
        put(key, choices)
    for field in kolom_fields():
        if field.name == "referensi.tabel" and repo.reference_names:
            put(f"field:{field.name}", [[n] for n in repo.reference_names])
    for name, k in kolom.items():
        codes = _reference_rows(repo, k)
        if codes:
            put(name, codes)
    rows = [list(row) for row in zip_longest(*columns)]
    return ranges, Sheet(LISTS, rows=rows, state="hidden")


@functools.cache
def _field_choices() -> list[tuple[str, list[list[str]]]]:
    """The model's vocabularies, once per process (an enum is slow to walk)."""
    found: dict[str, list[list[str]]] = {}
    for field in [*dataset_fields(), *kolom_fields()]:
        if field.choices and f"field:{field.name}" not in found:
            found[f"field:{field.name}"] = [[c] for c in field.choices]
    return list(found.items())


def _reference_rows(repo: Repository, kolom: Kolom) -> list[list[str]]:
    ref = kolom.referensi
    table = repo.reference_table(ref.tabel) if ref else None
    if ref is None or table is None:
        return []
    rows = [r for r in table.rows if ref.tingkat is None or r.get("tingkat") == ref.tingkat]
    return [[r.get(ref.kolom, ""), r.get("nama", "")] for r in rows]


def _info_sheet(dataset_id: str, data: bytes, layout: Layout, new: bool = False) -> Sheet:
    rows: list[list[Any]] = [
        ["format", FORMAT],
        ["dataset", dataset_id],
        ["sha256_csv", hashlib.sha256(data).hexdigest()],
        ["kolom_data", *layout.columns],
        ["kolom_nama", *layout.helpers],
        ["baru", "ya" if new else "tidak"],
    ]
    return Sheet(INFO, rows=rows, state="veryHidden")
