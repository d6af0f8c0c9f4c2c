"""Check registry: a check is a function registered in one line with a decorator.

Dataset checks receive a `DatasetContext` and yield findings for one dataset; repository
checks receive the `Repository` and yield findings across datasets.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from satudata.findings import CHECK_FAMILIES, DatasetFacts, Finding
from satudata.load.repository import DatasetFiles, Repository
from satudata.load.table import ReadResult, Tabel, read_tabels
from satudata.model import Dataset, Kolom, Pemeriksaan
from satudata.rules.periods import ordered_periods
from satudata.rules.personal_data import mask_personal

if TYPE_CHECKING:
    from satudata.checks.scan import Pattern, TableScan

DatasetCheck = Callable[["DatasetContext"], Iterable[Finding]]
RepositoryCheck = Callable[[Repository], Iterable[Finding]]

DATASET_CHECKS: list[tuple[str, DatasetCheck]] = []
REPOSITORY_CHECKS: list[tuple[str, RepositoryCheck]] = []


DEFAULT_CELL_LIMIT = 20

# Codes any check may emit besides its family's CODES: through DatasetContext (an unreadable
# file, the summary after the cell limit) or the runner (a check that crashed).
CONTEXT_CODES = ("csv-rusak", "sel-bermasalah-lain", "kesalahan-internal")


def short(value: object, limit: int = 60) -> str:
    """A cell value as reports show it: personal data masked, long text cut."""
    text = mask_personal(str(value.as_py() if hasattr(value, "as_py") else value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


PLACEHOLDERS = (
    "-",
    "--",
    "---",
    "–",
    "—",
    ".",
    "n/a",
    "na",
    "n.a.",
    "#n/a",
    "tidak ada",
    "tidak tersedia",
    "null",
    "none",
    "nil",
    "nan",
    "kosong",
    "?",
    "#div/0!",
    "#ref!",
    "#value!",
    "#name?",
    "#num!",
    "#null!",
    "#error!",
)


def placeholder_mask(values: pa.ChunkedArray) -> pa.ChunkedArray:
    """True where a cell holds a placeholder ('-', 'N/A', Excel errors …) instead of data."""
    return pc.is_in(pc.utf8_trim_whitespace(values), value_set=_placeholder_array())


@functools.cache
def _placeholder_array() -> pa.Array:
    """Placeholders in the spellings people type (a set lookup is cheaper than lowercasing
    every cell of every column)."""
    spellings = {
        f(p) for p in PLACEHOLDERS for f in (str.lower, str.upper, str.title, str.capitalize)
    }
    return pa.array(sorted(spellings), pa.string())


def read_all(contexts: Sequence[DatasetContext]) -> None:
    """Read the data file of every context not read yet, parsing them together where the
    reader can (`load.table.read_tabels`)."""
    pending = [ctx for ctx in contexts if ctx._read is None]
    files = []
    for ctx in pending:
        if (path := ctx.entry.data_path) is None:
            continue
        try:
            files.append((path.read_bytes(), ctx.entry.id, ctx.repo.rel(path)))
        except OSError as exc:
            ctx._read = ReadResult(
                None, [ctx.data_finding("csv-rusak", detail=str(exc), detail_en=str(exc))]
            )
    readable = [ctx for ctx in pending if ctx._read is None and ctx.entry.data_path]
    for ctx, result in zip(readable, read_tabels(files), strict=True):
        ctx._read = result


def dataset_check(function: DatasetCheck) -> DatasetCheck:
    DATASET_CHECKS.append(
        (f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}", function)
    )
    return function


def repository_check(function: RepositoryCheck) -> RepositoryCheck:
    REPOSITORY_CHECKS.append(
        (f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}", function)
    )
    return function


def load_checks() -> None:
    for family in CHECK_FAMILIES:
        importlib.import_module(f"{__name__}.{family}")


@dataclass
class DatasetContext:
    """What a dataset check may look at; the data file is read at most once, on demand."""

    repo: Repository
    entry: DatasetFiles
    cell_limit: int | None = DEFAULT_CELL_LIMIT
    today: dt.date = field(default_factory=dt.date.today)
    facts: DatasetFacts = field(default_factory=DatasetFacts)  # what checks learned
    last_changes: dict[str, dt.date] = field(default_factory=dict)  # from git, see audit.changes
    _read: ReadResult | None = field(default=None, repr=False)
    scan: TableScan | None = None  # what a batch scan proved (checks.scan); None: look

    def rules_out(self, pattern: Pattern) -> bool:
        """Whether the batch scan proved that `pattern` occurs nowhere in this table."""
        return self.scan is not None and self.scan.rules_out(pattern)

    def plain_numbers(self, kolom: Kolom) -> np.ndarray | None:
        """The values of a numeric column the scan found made only of plain numbers (so that
        no type, required-cell or pattern finding can arise in it); else None."""
        return self.scan.numbers.get(kolom.nama) if self.scan is not None else None

    @property
    def settings(self) -> Pemeriksaan:
        return self.repo.portal.pemeriksaan if self.repo.portal else Pemeriksaan()

    @property
    def meta(self) -> Dataset | None:
        return self.entry.meta

    @cached_property
    def data_file(self) -> str | None:
        return self.repo.rel(self.entry.data_path) if self.entry.data_path else None

    @cached_property
    def metadata_file(self) -> str | None:
        return self.repo.rel(self.entry.metadata_path) if self.entry.metadata_path else None

    def read(self) -> ReadResult | None:
        if self._read is None and self.entry.data_path is not None:
            read_all([self])
        return self._read

    @property
    def tabel(self) -> Tabel | None:
        result = self.read()
        return result.tabel if result else None

    @property
    def valid_meta(self) -> Dataset:
        """The metadata, for helpers of checks that have already returned without it."""
        meta = self.entry.meta
        if meta is None:
            raise RuntimeError(f"{self.entry.id}: no valid metadata")
        return meta

    @property
    def loaded(self) -> Tabel:
        """The data table, for helpers of checks that have already returned without one."""
        tabel = self.tabel
        if tabel is None:
            raise RuntimeError(f"{self.entry.id}: no readable data table")
        return tabel

    def data_finding(
        self, code: str, line: int | None = None, column: str | None = None, **params
    ) -> Finding:
        return Finding(
            code,
            dataset=self.entry.id,
            file=self.data_file,
            line=line,
            column=column,
            params=params,
        )

    def meta_finding(
        self, code: str, path: tuple = (), field_name: str | None = None, **params
    ) -> Finding:
        line = self.entry.source.line_of(path) if self.entry.source else None
        return Finding(
            code,
            dataset=self.entry.id,
            file=self.metadata_file,
            line=line,
            field=field_name,
            params=params,
        )

    @property
    def periods(self) -> list[str]:
        """Distinct values of the period column, oldest first ([] without one)."""
        return self._period_index[0]

    @property
    def period_ranks(self) -> np.ndarray:
        """Each row's index in `periods` (-1: not a period); only with a period column."""
        ranks = self._period_index[1]
        if ranks is None:
            raise RuntimeError(f"{self.entry.id}: no period column")
        return ranks

    @cached_property
    def _period_index(self) -> tuple[list[str], np.ndarray | None]:
        periode = self.meta.periode if self.meta else None
        values = self.tabel.column(periode.nama) if periode and self.tabel else None
        if values is None:
            return [], None
        # One dictionary encoding gives both the distinct values and each row's among them.
        encoded = pc.dictionary_encode(values.combine_chunks(), null_encoding="encode")
        distinct = encoded.dictionary.to_pylist()
        periods = ordered_periods(distinct)
        rank = {period: index for index, period in enumerate(periods)}
        lookup = np.array([rank.get(value, -1) for value in distinct], dtype=np.int64)
        return periods, lookup[encoded.indices.to_numpy()]

    def bad_cells(
        self,
        mask: pa.Array | pa.ChunkedArray,
        column: str | None,
        code: str,
        params: Callable[..., dict],
    ) -> Iterator[Finding]:
        """One finding per true cell of `mask`, at most `cell_limit`, then one summary."""
        if not pc.any(mask).as_py():
            return
        yield from self.cells_at(
            pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist(), column, code, params
        )

    def cells_at(
        self, indices: list[int], column: str | None, code: str, params: Callable[..., dict]
    ) -> Iterator[Finding]:
        """One finding per table row index, at most `cell_limit`, then one summary.
        `params(index)` gives the finding's parameters (a lambda may bind more by default)."""
        tabel = self.loaded
        shown = indices if self.cell_limit is None else indices[: self.cell_limit]
        for index in shown:
            yield self.data_finding(code, tabel.row_number(index), column, **params(index))
        hidden = len(indices) - len(shown)
        if hidden > 0:
            yield self.data_finding(
                "sel-bermasalah-lain", None, column, jumlah=hidden, kolom=column, kode=code
            )
