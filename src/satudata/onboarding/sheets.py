"""Read the sniffed file into sheets of raw cells and choose the one that holds the data.

Workbooks are read with pandas' calamine engine (xlsx, xls and ods alike, fast); merged ranges
come from python-calamine, which pandas does not expose. HTML tables are read with
pandas.read_html. CSV is read with the csv module: every cell stays text, so no number is
touched before the locale is decided."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from satudata.onboarding.refusal import Refusal
from satudata.onboarding.sniff import Sniffed
from satudata.util.language import localized

# Sheets that describe the data instead of holding it (portal workbooks put these first).
_NOT_DATA = re.compile(
    r"(?i)^\s*(metadata|meta|catatan|keterangan|ket|petunjuk|panduan|readme|read me|info|"
    r"informasi|sumber|definisi|notes?|about|tentang|referensi|kamus|lookup|daftar isi)\b"
)
_PANDAS_LEFTOVER = re.compile(r"^Unnamed: \d+(_level_\d+)?$")  # a DataFrame exported as-is


@dataclass
class Sheet:
    name: str
    cells: list[list[object]]  # None = empty; str stripped; int/float/bool/datetime as stored
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1

    @property
    def filled(self) -> int:
        return sum(1 for row in self.cells for v in row if v is not None)


def read_sheets(path: Path, sniffed: Sniffed) -> list[Sheet]:
    if sniffed.kind == "csv":
        return [_csv_sheet(sniffed)]
    if sniffed.kind == "html":
        return _html_sheets(sniffed.text or "")
    return _workbook_sheets(path)


def _clean(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float) and value != value:  # NaN: pandas' empty cell
        return None
    return value


def _csv_sheet(sniffed: Sniffed) -> Sheet:
    reader = csv.reader(io.StringIO(sniffed.text or ""), delimiter=sniffed.delimiter or ",")
    return Sheet("CSV", [[_clean(v) for v in row] for row in reader])


def _workbook_sheets(path: Path) -> list[Sheet]:
    import pandas as pd
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        frames = pd.read_excel(path, sheet_name=None, header=None, dtype=object, engine="calamine")
    except Exception as exc:  # calamine raises its own types for damaged files
        problem = f"{type(exc).__name__}: {exc}"
        raise Refusal(
            localized(
                f"lembar kerja tidak dapat dibaca ({problem}); buka di Excel, simpan ulang "
                "sebagai .xlsx, lalu coba lagi",
                f"the workbook cannot be read ({problem}); open it in Excel, save it again as "
                ".xlsx, then try again",
            )
        ) from exc
    visible = {
        meta.name
        for meta in book.sheets_metadata
        if str(meta.visible).endswith("Visible") and str(meta.typ).endswith("WorkSheet")
    }
    sheets = []
    for name, frame in frames.items():
        if name not in visible:
            continue
        cells = [[_clean(v) for v in row] for row in frame.itertuples(index=False, name=None)]
        merged = _merged(book, name)
        sheets.append(Sheet(name, cells, merged))
    return sheets


def _merged(book, name: str) -> list[tuple[int, int, int, int]]:
    ranges = book.get_sheet_by_name(name).merged_cell_ranges or []
    return [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]


def _html_sheets(text: str) -> list[Sheet]:
    """Each <table> is one sheet; header rows (<th>/<thead>) come back as rows on top.
    Spanned cells are repeated by pandas, which is what composing header names needs."""
    import pandas as pd

    try:
        width = max(len(t.columns) for t in pd.read_html(io.StringIO(text), thousands=None))
        tables = pd.read_html(
            io.StringIO(text),
            thousands=None,
            keep_default_na=False,
            converters={i: str for i in range(width)},  # text as written: no number touched
        )
    except ValueError as exc:
        raise Refusal(
            localized(
                f"berkas HTML ini tidak berisi tabel yang terbaca ({exc})",
                f"this HTML file holds no readable table ({exc})",
            )
        ) from exc
    sheets = []
    for number, table in enumerate(tables, start=1):
        header_rows = _html_header_rows(table.columns)
        body = [[_clean(v) for v in row] for row in table.itertuples(index=False, name=None)]
        sheets.append(Sheet(f"tabel {number}", header_rows + body))
    return sheets


def _html_header_rows(columns) -> list[list[object]]:
    labels = [c if isinstance(c, tuple) else (c,) for c in columns]
    if all(isinstance(c, int) for (c, *_) in labels):
        return []  # no <th>: pandas numbered the columns itself
    depth = max(len(c) for c in labels)
    rows = []
    for level in range(depth):
        row = [_clean(str(c[level])) if level < len(c) else None for c in labels]
        rows.append([None if v is not None and _PANDAS_LEFTOVER.match(str(v)) else v for v in row])
    return rows


def is_pandas_leftover(value: object) -> bool:
    return isinstance(value, str) and _PANDAS_LEFTOVER.match(value) is not None


def choose_sheet(sheets: list[Sheet], wanted: str | None) -> Sheet:
    """The sheet named by --lembar; else the only sheet that holds data. Metadata/notes sheets
    and empty sheets are skipped; several data sheets → ask, listing them."""
    if wanted is not None:
        for sheet in sheets:
            if sheet.name == wanted or sheet.name.strip().lower() == wanted.strip().lower():
                return sheet
        names = ", ".join(repr(s.name) for s in sheets)
        raise Refusal(
            localized(
                f"lembar '{wanted}' tidak ada; pilih salah satu dari: {names} (opsi --lembar)",
                f"there is no sheet '{wanted}'; choose one of: {names} (option --lembar)",
            )
        )
    data = [s for s in sheets if s.filled and not _NOT_DATA.match(s.name)]
    if not data:
        raise Refusal(
            localized(
                "tidak ada lembar berisi tabel data (hanya lembar kosong atau metadata)",
                "no sheet holds a data table (only empty or metadata sheets)",
            )
        )
    if len(data) > 1:
        filled = localized("sel terisi", "cells filled")
        listed = ", ".join(f"'{s.name}' ({s.filled} {filled})" for s in data)
        first = data[0].name
        raise Refusal(
            localized(
                f"berkas ini berisi {len(data)} lembar data: {listed}. Sebutkan lembar yang "
                f"diimpor dengan --lembar, mis. --lembar '{first}'; impor lembar lain ke "
                "dataset lain",
                f"this file holds {len(data)} data sheets: {listed}. Name the sheet to import "
                f"with --lembar, e.g. --lembar '{first}'; import the other sheets into other "
                "datasets",
            )
        )
    return data[0]
