"""Scans over the cells of many datasets at once: what a check may rule out before it looks.

On a repository of thousands of small tables, validation costs what its pyarrow calls cost
(~10 µs each, whatever their size), not what the cells cost. So the runner reads a batch of
tables and tests all their cells in a handful of calls:

- which columns declared as numbers hold only plain numbers: then the type, required-cell and
  bound checks have nothing to find there, and the values are ready as float64;
- which coded columns hold only codes known at the required level;
- which text patterns (markup, formulas, placeholders, total labels, personal data …) occur
  at all in a table's other cells, tested once per distinct value.

A check skips a table only where its scan proves there is nothing to find; anywhere else it
runs exactly as it runs alone, so the findings never depend on the batch (the tests compare
both ways on a repository with every kind of problem planted).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from satudata.checks import read_all
from satudata.model import Dataset, Kolom, Peran, Tipe

if TYPE_CHECKING:
    from satudata.checks import DatasetContext
    from satudata.load.table import Tabel

# Types whose columns may be proven plain numbers: every cell then passes the type check,
# and Arrow's cast to float64 reads it exactly as `struktur` and `kualitas` do.
NUMERIC = (Tipe.BILANGAN_BULAT, Tipe.BILANGAN, Tipe.TAHUN)
_DECIMAL = r"^-?[0-9]+(\.[0-9]+)?$"
_KEYED_ROLES = (Peran.DIMENSI, Peran.PERIODE)
_LARGE = 100_000  # rows

# A pattern: (cell values, the batch's contexts) → True where the pattern occurs. `TEXT`
# patterns see the distinct values of the cells not proven plain numbers; `DECIMAL` patterns
# see every cell of `bilangan` columns.
Pattern = Callable[[pa.Array, Sequence["DatasetContext"]], pa.Array]
TEXT_PATTERNS: list[Pattern] = []
DECIMAL_PATTERNS: list[Pattern] = []


def text_pattern(function: Pattern) -> Pattern:
    TEXT_PATTERNS.append(function)
    return function


def decimal_pattern(function: Pattern) -> Pattern:
    DECIMAL_PATTERNS.append(function)
    return function


@dataclass
class TableScan:
    """What the batch scan proved about one table."""

    numbers: dict[str, np.ndarray] = field(default_factory=dict)  # plain numeric columns
    known_codes: set[str] = field(default_factory=set)  # coded columns: every code known
    found: set[Pattern] = field(default_factory=set)  # patterns that occur somewhere
    rows: int = 0
    longest_number: int = 0  # bytes of the longest cell in a plain numeric column
    # Key and dimension columns as integer codes: equal codes ⇔ equal text; -1: empty cell.
    codes: dict[str, np.ndarray] = field(default_factory=dict)

    def rules_out(self, pattern: Pattern) -> bool:
        return pattern not in self.found

    def row_keys(self, names: Sequence[str]) -> np.ndarray | None:
        """One integer per row, equal for rows whose cells in `names` are equal (an empty
        cell is a value like any other); None when a column has no codes."""
        if any(name not in self.codes for name in names):
            return None
        keys = np.zeros(self.rows, dtype=np.int64)
        for name in names:
            codes = self.codes[name] + 1  # from 0
            width = int(codes.max(initial=0)) + 1
            if int(keys.max(initial=0)) >= (1 << 62) // width:
                keys = np.unique(keys, return_inverse=True)[1].astype(np.int64)  # renumber
            keys = keys * width + codes
        return keys


@dataclass
class _Column:
    """One column of one table in the batch."""

    table: int  # index in the batch
    name: str
    kolom: Kolom | None
    values: pa.ChunkedArray
    keyed: bool  # part of the primary key, or a dimension or the period


def scan_tables(contexts: Sequence[DatasetContext]) -> None:
    """Set `ctx.scan` for every context whose table and metadata were read cleanly."""
    read_all(contexts)
    batch = [(ctx, ctx.tabel, ctx.meta) for ctx in contexts]
    tables = [
        (ctx, tabel, meta)
        for ctx, tabel, meta in batch
        if tabel is not None and meta is not None and _scannable(tabel)
    ]
    if not tables:
        return
    scans = [TableScan(rows=tabel.num_rows) for _, tabel, _ in tables]
    columns = [
        _Column(index, name, kolom, tabel.table.column(position), _is_keyed(name, kolom, meta))
        for index, (_, tabel, meta) in enumerate(tables)
        for position, name in enumerate(tabel.header)
        for kolom in [meta.column(name)]
    ]
    plain = _plain_numbers(columns, scans)
    _plain_codes([c for c in columns if id(c) in plain and c.keyed], scans)
    batch_contexts = [ctx for ctx, _, _ in tables]
    _text_patterns([c for c in columns if id(c) not in plain], scans, batch_contexts)
    decimals = [c for c in columns if c.kolom is not None and c.kolom.tipe is Tipe.BILANGAN]
    _decimal_patterns(decimals, scans, batch_contexts)
    _known_codes(tables, columns, scans)
    for (ctx, _, _), scan in zip(tables, scans, strict=True):
        ctx.scan = scan


def _is_keyed(name: str, kolom: Kolom | None, meta: Dataset) -> bool:
    return name in meta.kunci or (kolom is not None and kolom.peran in _KEYED_ROLES)


def _scannable(tabel: Tabel) -> bool:
    """Repeated column names make `column(name)` ambiguous: such a table is checked alone. So
    is a large one: its calls cost little beside its cells, and the scan's copies would
    raise the memory peak (a 1,000,000-row file went from 383 to 610 MB)."""
    return 0 < tabel.num_rows <= _LARGE and len(set(tabel.header)) == len(tabel.header)


def _concat(arrays: Iterable[pa.ChunkedArray]) -> pa.Array:
    chunks = [chunk for array in arrays for chunk in array.chunks]
    return pa.chunked_array(chunks, pa.string()).combine_chunks()


def _spans(lengths: Sequence[int] | np.ndarray) -> np.ndarray:
    """Start offsets of consecutive parts of the given lengths, plus the end."""
    return np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))


def _counts(mask: np.ndarray, spans: np.ndarray) -> np.ndarray:
    """How many True values fall in each part delimited by `spans`."""
    total = np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))
    return total[spans[1:]] - total[spans[:-1]]


def _bool_array(mask: pa.Array | pa.ChunkedArray) -> np.ndarray:
    if isinstance(mask, pa.ChunkedArray):
        return np.asarray(mask.to_numpy(), dtype=bool)
    return np.asarray(mask.to_numpy(zero_copy_only=False), dtype=bool)


def _plain_numbers(columns: list[_Column], scans: list[TableScan]) -> set[int]:
    """Find the numeric columns made only of plain numbers, record their values, and return
    their ids."""
    plain: set[int] = set()
    for tipe in NUMERIC:
        group = [c for c in columns if c.kolom is not None and c.kolom.tipe is tipe]
        if not group:
            continue
        cells = pa.chunked_array([chunk for c in group for chunk in c.values.chunks], pa.string())
        valid, numbers = _numbers(cells, tipe)
        lengths = pc.binary_length(cells).to_numpy()
        spans = _spans([len(c.values) for c in group])
        matched = _counts(valid, spans)
        for i, column in enumerate(group):
            values = numbers[spans[i] : spans[i + 1]]
            if matched[i] != len(values) or not np.isfinite(values).all():
                continue
            plain.add(id(column))
            scan = scans[column.table]
            scan.numbers[column.name] = values
            if len(values):
                longest = int(lengths[spans[i] : spans[i + 1]].max())
                scan.longest_number = max(scan.longest_number, longest)
    return plain


def _numbers(cells: pa.ChunkedArray, tipe: Tipe) -> tuple[np.ndarray, np.ndarray]:
    """(valid cells, their float64 values, NaN elsewhere), as the type check would judge
    them: digits for whole numbers and years, Arrow's cast for decimals (finiteness is left
    to the caller)."""
    if tipe is Tipe.BILANGAN:
        try:  # the common case: every cell of every column a number, in one call
            numbers = pc.cast(cells, pa.float64()).to_numpy()
            return np.ones(len(numbers), dtype=bool), numbers
        except pa.ArrowInvalid:
            matches = pc.match_substring_regex(cells, _DECIMAL)
    else:
        matches = pc.ascii_is_decimal(cells)  # '' is not decimal
    valid = _bool_array(matches)
    if tipe is Tipe.TAHUN:
        valid &= pc.binary_length(cells).to_numpy() == 4
    target = cells if valid.all() else pc.if_else(matches, cells, None)
    return valid, np.asarray(pc.cast(target, pa.float64()).to_numpy(), dtype=np.float64)


def _text_patterns(
    columns: list[_Column], scans: list[TableScan], batch: Sequence[DatasetContext]
) -> None:
    """Test each distinct cell value once, then tell each table which patterns it holds."""
    if not columns or not TEXT_PATTERNS:
        return
    cells = _concat(c.values for c in columns)
    encoded = pc.dictionary_encode(cells)
    distinct, indices = encoded.dictionary, encoded.indices.to_numpy()
    codes = indices.astype(np.int64)
    empty = pc.index(distinct, "").as_py()
    if empty >= 0:
        codes[codes == empty] = -1
    _give_codes([c for c in columns if c.keyed], columns, codes, scans)
    spans = _table_spans(columns, len(scans))
    for pattern in TEXT_PATTERNS:
        hits = _bool_array(pattern(distinct, batch))
        if not hits.any():
            continue
        for table in np.flatnonzero(_counts(hits[indices], spans)):
            scans[table].found.add(pattern)


def _table_spans(columns: list[_Column], tables: int) -> np.ndarray:
    """Where each table's cells start in the concatenation of `columns` (which are in table
    order, so each table is one span)."""
    per_table = np.zeros(tables, dtype=np.int64)
    for column in columns:
        per_table[column.table] += len(column.values)
    return _spans(per_table)


def _give_codes(
    keyed: list[_Column], columns: list[_Column], codes: np.ndarray, scans: list[TableScan]
) -> None:
    """Each of the `keyed` columns its slice of `codes`, one code per cell of `columns`."""
    wanted = {id(c) for c in keyed}
    start = 0
    for column in columns:
        end = start + len(column.values)
        if id(column) in wanted:
            scans[column.table].codes[column.name] = codes[start:end]
        start = end


def _plain_codes(columns: list[_Column], scans: list[TableScan]) -> None:
    """Codes for the key and dimension columns made of plain numbers (their text, not their
    value: 07 and 7 are different keys, as they are to the checks)."""
    if not columns:
        return
    indices = pc.dictionary_encode(_concat(c.values for c in columns)).indices.to_numpy()
    _give_codes(columns, columns, indices.astype(np.int64), scans)


def _decimal_patterns(
    columns: list[_Column], scans: list[TableScan], batch: Sequence[DatasetContext]
) -> None:
    if not columns or not DECIMAL_PATTERNS:
        return
    cells = _concat(c.values for c in columns)
    spans = _table_spans(columns, len(scans))
    for pattern in DECIMAL_PATTERNS:
        for table in np.flatnonzero(_counts(_bool_array(pattern(cells, batch)), spans)):
            scans[table].found.add(pattern)


# The codes a coded column may hold (None: not checkable); registered by the referensi
# family, so that its check and this scan share one rule.
CodeSet = Callable[["DatasetContext", Kolom], pa.Array | None]
_code_set: list[CodeSet] = []


def code_set(function: CodeSet) -> CodeSet:
    _code_set[:] = [function]
    return function


def _known_codes(
    tables: list[tuple[DatasetContext, Tabel, Dataset]],
    columns: list[_Column],
    scans: list[TableScan],
) -> None:
    """Coded columns whose every cell is in the code set the referensi check requires."""
    if not _code_set:
        return
    groups: dict[int, tuple[pa.Array, list[_Column]]] = {}
    for column in columns:
        if column.kolom is None or column.kolom.referensi is None:
            continue
        codes = _code_set[0](tables[column.table][0], column.kolom)
        if codes is not None:
            groups.setdefault(id(codes), (codes, []))[1].append(column)
    for codes, group in groups.values():
        known = _bool_array(pc.is_in(_concat(c.values for c in group), value_set=codes))
        spans = _spans([len(c.values) for c in group])
        for column, count in zip(group, _counts(known, spans), strict=True):
            if count == len(column.values):
                scans[column.table].known_codes.add(column.name)
