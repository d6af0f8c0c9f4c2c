"""Find the table in a sheet: title rows, a header block of 1–4 rows (merged cells composed
into one name per column, e.g. `sd_2017`), data rows, total rows, footnotes, signature blocks,
blank rows and a row-counter column. Hand-written: no library finds a table in a sheet laid out
for printing. Every non-empty cell outside the data ends up in `dropped` with its reason."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from satudata.onboarding.refusal import Refusal
from satudata.onboarding.sheets import Sheet, is_pandas_leftover
from satudata.util.language import localized

MAX_HEADER_ROWS = 4
_YEAR = re.compile(r"^(19|20)\d{2}$")
_YEAR_FLOAT = re.compile(r"^(19|20)\d{2}\.0$")
_NUMBER_TEXT = re.compile(r"^[+-]?(\d[\d.,\s]*|[.,]\d+)$")
_TOTAL = re.compile(r"(?i)^\s*(jumlah|total|jml\.?|grand total|sub ?total)\b")
_FOOTNOTE = re.compile(
    r"(?i)^\s*(sumber|source|catatan|keterangan|ket\s*[.:]|note|\*|¹|²|\d\)|[a-z]\)\s|"
    r"angka sementara|angka sangat sementara|data (per|s\.?d|sampai))"
)
_SIGNATURE = re.compile(
    r"(?i)(^\s*(kepala|kabid|kasubag|sekretaris|plt\.?|plh\.?|a\.n\.?|an\.|mengetahui|"
    r"menyetujui|disahkan|dibuat oleh|ttd|nip\.?\b|nip\s*[:.]|pembina|penata|camat|lurah|"
    r"walikota|wali kota|bupati|gubernur)\b|\bnip\b|,\s*\d{1,2}\s+[a-z]+\s+(19|20)\d{2})"
)
_COUNTER_HEADER = re.compile(r"(?i)^(no|no\.|nomor|no\.? ?urut|urut|urutan|#|id|index|idx)?$")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


def cell_kind(value: object) -> str:
    """empty | number | year | date | dash | text, as a reader of the sheet would see it."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "text"  # before the cache: True == 1 would share 1's entry
    return _kind(value)


@functools.lru_cache(maxsize=1 << 16)
def _kind(value: object) -> str:
    # Cached: a sheet repeats its values (names, years, small counts) many times.
    if isinstance(value, int | float):
        return "year" if float(value).is_integer() and 1900 <= value <= 2100 else "number"
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return "date"
    text = str(value)
    if _YEAR.match(text) or _YEAR_FLOAT.match(text):
        return "year"
    if text in ("-", "–", "—"):
        return "dash"
    return "number" if _NUMBER_TEXT.match(text) else "text"


def text_of(value: object) -> str:
    """A cell as the sheet shows it (Excel floats in their shortest form)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def column_letter(index: int) -> str:
    """A 0-based column index as the spreadsheet letters a person sees (0 → A)."""
    return get_column_letter(index + 1)


def address(row: int, column: int) -> str:
    return f"{column_letter(column)}{row + 1}"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = "_".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())
    return name if not name[:1].isdigit() else f"k_{name}"


@dataclass
class Dropped:
    row: int
    column: int
    value: object
    reason: str  # judul tabel | judul kolom | baris total | catatan kaki | tanda tangan | …
    detail: str = ""


@dataclass
class Layout:
    cells: list[list[object]]
    header_rows: list[int]
    columns: list[int]  # sheet columns of the table, left to right
    parts: list[tuple[str, ...]]  # header labels per column, top to bottom
    names: list[str]
    data_rows: list[int]
    total_rows: list[int] = field(default_factory=list)  # labelled "Jumlah"/"Total"
    unlabelled_totals: list[int] = field(default_factory=list)  # checked later against sums
    dropped: list[Dropped] = field(default_factory=list)
    header_cells: set[tuple[int, int]] = field(default_factory=set)
    merged_from: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def value(self, row: int, column: int) -> object:
        cells = self.cells[row]
        return cells[column] if column < len(cells) else None


def find_layout(sheet: Sheet, header_row: int | None = None) -> Layout:
    cells = _pad([list(r) for r in sheet.cells])
    if not any(v is not None for row in cells for v in row):
        raise Refusal(
            localized("tabel kosong: tidak ada sel yang terisi", "empty table: no cell is filled")
        )
    dropped = _drop_leftovers(cells)
    filled, copies = _fill_merged(cells, sheet.merged)
    first_data = _first_data_row(filled, header_row)
    header_rows = _header_block(filled, first_data, copies, forced=header_row is not None)
    columns = _table_columns(cells, header_rows, first_data)
    if not header_rows:
        raise Refusal(
            localized(
                "baris judul kolom tidak ditemukan; sebutkan nomor barisnya dengan --baris-judul N",
                "the column heading row was not found; give its number with --baris-judul N",
            )
        )
    parts = _compose(filled, header_rows, columns)
    names = _unique(
        [
            slug("_".join(p)) or f"kolom_{column_letter(c).lower()}"
            for p, c in zip(parts, columns, strict=True)
        ]
    )
    layout = Layout(cells, header_rows, columns, parts, names, [], dropped=dropped)
    layout.merged_from = {rc: origin for rc, origin in copies.items() if rc[0] > header_rows[-1]}
    for r in range(0, header_rows[0]):
        _drop_row(layout, r, "judul tabel")
    for r in header_rows:
        for c in range(len(cells[r])):
            if cells[r][c] is not None:
                layout.header_cells.add((r, c))
    _classify_body(layout, header_rows[-1] + 1)
    return layout


def _pad(cells: list[list[object]]) -> list[list[object]]:
    width = max((len(r) for r in cells), default=0)
    return [r + [None] * (width - len(r)) for r in cells]


def _drop_leftovers(cells: list[list[object]]) -> list[Dropped]:
    """'Unnamed: 6_level_0' is pandas' name for an empty header cell, exported by mistake."""
    dropped = []
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            if is_pandas_leftover(value):
                dropped.append(Dropped(r, c, value, "sisa ekspor pandas"))
                row[c] = None
    return dropped


def _fill_merged(cells, merged) -> tuple[list[list[object]], dict]:
    filled = [list(r) for r in cells]
    copies: dict[tuple[int, int], tuple[int, int]] = {}  # covered cell → the merge's origin
    for r0, c0, r1, c1 in merged:
        for r in range(r0, min(r1, len(filled) - 1) + 1):
            for c in range(c0, min(c1, len(filled[r]) - 1) + 1):
                if (r, c) != (r0, c0):
                    filled[r][c] = cells[r0][c0]
                    copies[(r, c)] = (r0, c0)
    return filled, copies


def _kinds(row: list[object]) -> list[str]:
    return [cell_kind(v) for v in row]


def _first_data_row(cells, header_row: int | None) -> int:
    if header_row is not None:
        if not 1 <= header_row <= len(cells):
            raise Refusal(
                localized(
                    f"--baris-judul {header_row} di luar tabel ({len(cells)} baris)",
                    f"--baris-judul {header_row} is outside the table ({len(cells)} rows)",
                )
            )
        return next((r for r in range(header_row, len(cells)) if _filled(cells[r])), len(cells))
    for r, row in enumerate(cells):
        kinds = _kinds(row)
        data_like = sum(k != "empty" for k in kinds) >= 2 and {"number", "date", "dash"} & set(
            kinds
        )
        if data_like and r > 0 and any(_filled(x) for x in cells[:r]):
            return r
    # no numbers at all: the row after the first row with several labels
    for r, row in enumerate(cells):
        if len({v for v in row if v is not None}) >= 2:
            return r + 1
    raise Refusal(
        localized(
            "baris judul kolom tidak ditemukan; sebutkan dengan --baris-judul N",
            "the column heading row was not found; give it with --baris-judul N",
        )
    )


def _filled(row: list[object]) -> int:
    return sum(1 for v in row if v is not None)


def _numbering_row(row: list[object]) -> bool:
    texts = [text_of(v) for v in row if v is not None]
    return _is_column_numbers(texts, len(texts))


def _header_block(cells, first_data: int, copies, forced: bool = False) -> list[int]:
    rows: list[int] = []
    r = first_data - 1
    while r >= 0 and (not _filled(cells[r]) or _numbering_row(cells[r])) and not rows:
        r -= 1  # blank rows and BPS column numbers (1) (2) … between header and data
    while r >= 0 and len(rows) < MAX_HEADER_ROWS and _filled(cells[r]):
        kinds = _kinds(cells[r])
        if "number" in kinds and rows:
            break
        if _is_title(cells, r, rows[0] if rows else first_data, copies) and (rows or not forced):
            break  # (the row named by --baris-judul is the header, whatever it looks like)
        rows.insert(0, r)
        r -= 1
    return rows


def _is_title(cells, r: int, below: int, copies) -> bool:
    """A row with one label that names the table, not a column band: it is long, or it sits
    at the left edge with the row below filled under it."""
    values = {v for c, v in enumerate(cells[r]) if v is not None}
    if len(values) != 1:
        return False
    (value,) = values
    column = next(c for c, v in enumerate(cells[r]) if v is not None)
    spans = sum(1 for c, v in enumerate(cells[r]) if v is not None)
    below_row = cells[below] if below < len(cells) else []
    if column < len(below_row) and below_row[column] is None and _filled(below_row):
        return False  # a label spanning down (e.g. "Kecamatan" over an empty cell)
    if len(str(value).split()) >= 4:
        return True
    first_column = min(
        (c for row in cells[below:] for c, v in enumerate(row) if v is not None), default=0
    )
    return column <= first_column and spans == 1


def _table_columns(cells, header_rows: list[int], first_data: int) -> list[int]:
    used = {
        c
        for r in [*header_rows, *range(first_data, len(cells))]
        for c, v in enumerate(cells[r])
        if v is not None
    }
    return sorted(used)


def _compose(filled, header_rows: list[int], columns: list[int]) -> list[tuple[str, ...]]:
    grid = [[filled[r][c] for c in columns] for r in header_rows]
    # A band label written once over several columns (no merge recorded, as in CSV or a sheet
    # whose merge was lost): carry it right while the row below is filled under both cells.
    for level in range(len(grid) - 1):
        row, below = grid[level], grid[level + 1]
        for i in range(1, len(row)):
            if (
                row[i] is None
                and row[i - 1] is not None
                and below[i] is not None
                and below[i - 1] is not None
            ):
                row[i] = row[i - 1]
    parts = []
    for i in range(len(columns)):
        labels = [
            text_of(grid[level][i]) for level in range(len(grid)) if grid[level][i] is not None
        ]
        labels = [
            lab.removesuffix(".0") if _YEAR.match(lab.removesuffix(".0")) else lab for lab in labels
        ]
        parts.append(tuple(lab for j, lab in enumerate(labels) if j == 0 or lab != labels[j - 1]))
    return parts


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        result.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return result


def _drop_row(layout: Layout, r: int, reason: str, detail: str = "") -> None:
    for c, value in enumerate(layout.cells[r]):
        if value is not None:
            layout.dropped.append(Dropped(r, c, value, reason, detail))


def _row_text(layout: Layout, r: int) -> list[str]:
    return [text_of(layout.cells[r][c]) for c in layout.columns if layout.cells[r][c] is not None]


def _classify_body(layout: Layout, start: int) -> None:
    header_values = [[layout.cells[r][c] for c in layout.columns] for r in layout.header_rows]
    footer_from: int | None = None
    for r in range(start, len(layout.cells)):
        row = [layout.cells[r][c] for c in layout.columns]
        texts = _row_text(layout, r)
        if not texts:
            continue
        kinds = [cell_kind(v) for v in row]
        has_number = "number" in kinds
        if row in header_values:
            _drop_row(layout, r, "judul kolom berulang")
        elif _is_column_numbers(texts, len(layout.columns)):
            _drop_row(layout, r, "nomor kolom")
        elif footer_from is not None or _is_footer(texts, layout.columns, row):
            if (
                has_number
                and footer_from is not None
                and not _is_footer(texts, layout.columns, row)
            ):
                raise Refusal(
                    localized(
                        f"baris {r + 1} berisi angka di bawah catatan kaki (baris "
                        f"{footer_from + 1}); bila ini tabel kedua, pindahkan ke lembar lain lalu "
                        "impor terpisah",
                        f"row {r + 1} holds numbers below a footnote (row {footer_from + 1}); if "
                        "this is a second table, move it to another sheet and import it separately",
                    )
                )
            footer_from = r if footer_from is None else footer_from
            reason = "tanda tangan" if _SIGNATURE.search(" ".join(texts)) else "catatan kaki"
            _drop_row(layout, r, reason)
        elif any(_TOTAL.match(t) for t in texts if cell_kind(t) == "text"):
            layout.total_rows.append(r)
        else:
            layout.data_rows.append(r)
    # cells outside the table's columns (e.g. a note to the right) are accounted too
    table = set(layout.columns)
    for r in range(start, len(layout.cells)):
        for c, value in enumerate(layout.cells[r]):
            if value is not None and c not in table:
                layout.dropped.append(Dropped(r, c, value, "di luar tabel"))


def _is_column_numbers(texts: list[str], width: int) -> bool:
    """BPS tables number their columns under the header: (1) (2) (3) …"""
    if len(texts) < max(2, width - 1) or not all(_COLUMN_NUMBER.match(t) for t in texts):
        return False
    numbers = [int(t.strip("()")) for t in texts]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers))) and any(
        "(" in t for t in texts
    )


def _is_footer(texts: list[str], columns: list[int], row: list[object]) -> bool:
    joined = " ".join(texts)
    if _FOOTNOTE.match(texts[0]) or _SIGNATURE.search(joined):
        return all(cell_kind(v) in ("text", "empty", "date", "year") for v in row)
    return (
        len(texts) == 1
        and cell_kind(texts[0]) == "text"
        and len(columns) > 2
        and len(joined.split()) >= 3
    )


def find_unlabelled_totals(layout: Layout) -> None:
    """A last data row whose label cells hold no text while numbers are filled may be a total
    (spreadsheet exports drop the label); the sum check decides later."""
    if len(layout.data_rows) < 3:
        return
    rows = layout.data_rows
    label_columns = [
        c
        for c in layout.columns
        if sum(cell_kind(layout.cells[r][c]) == "text" for r in rows) > len(rows) // 2
    ]
    last = rows[-1]
    kinds = [cell_kind(layout.cells[last][c]) for c in layout.columns]
    if (
        label_columns
        and "number" in kinds
        and all(cell_kind(layout.cells[last][c]) != "text" for c in label_columns)
    ):
        layout.data_rows.pop()
        layout.unlabelled_totals.append(last)


def counter_column(layout: Layout) -> int | None:
    """Index (in `layout.columns`) of a column that merely counts rows: 0/1, 2, 3 … in order,
    headed 'No', 'id' or nothing. It carries no data."""
    for i, c in enumerate(layout.columns):
        label = " ".join(layout.parts[i]).strip()
        if not _COUNTER_HEADER.match(label):
            continue
        values = [layout.cells[r][c] for r in layout.data_rows]
        numbers = []
        for value in values:
            text = text_of(value).removesuffix(".0")
            if not text.isdigit():
                break
            numbers.append(int(text))
        else:
            if (
                numbers
                and numbers[0] in (0, 1)
                and all(b == a + 1 for a, b in itertools.pairwise(numbers))
            ):
                return i
    return None
