"""Check registry: a check is a function registered in one line with a decorator.

Dataset checks receive a `DatasetContext` and yield findings for one dataset; repository
checks receive the `Repository` and yield findings across datasets.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import pyarrow as pa
import pyarrow.compute as pc

from ..findings import Finding
from ..repository import DatasetFiles, Repository
from ..tabel import ReadResult, Tabel, read_tabel

DatasetCheck = Callable[["DatasetContext"], Iterable[Finding]]
RepositoryCheck = Callable[[Repository], Iterable[Finding]]

DATASET_CHECKS: list[tuple[str, DatasetCheck]] = []
REPOSITORY_CHECKS: list[tuple[str, RepositoryCheck]] = []

FAMILIES = ("metadata", "struktur", "referensi", "repositori")

DEFAULT_CELL_LIMIT = 20


def dataset_check(function: DatasetCheck) -> DatasetCheck:
    DATASET_CHECKS.append((f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}",
                           function))
    return function


def repository_check(function: RepositoryCheck) -> RepositoryCheck:
    REPOSITORY_CHECKS.append((f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}",
                              function))
    return function


def load_checks() -> None:
    for family in FAMILIES:
        importlib.import_module(f"{__name__}.{family}")


@dataclass
class DatasetContext:
    """What a dataset check may look at; the data file is read at most once, on demand."""

    repo: Repository
    entry: DatasetFiles
    cell_limit: int | None = DEFAULT_CELL_LIMIT
    _read: ReadResult | None = field(default=None, repr=False)

    @property
    def meta(self):
        return self.entry.meta

    @cached_property
    def data_file(self) -> str | None:
        return self.repo.rel(self.entry.data_path) if self.entry.data_path else None

    @cached_property
    def metadata_file(self) -> str | None:
        return self.repo.rel(self.entry.metadata_path) if self.entry.metadata_path else None

    def read(self) -> ReadResult | None:
        if self._read is None and self.entry.data_path is not None:
            try:
                data = self.entry.data_path.read_bytes()
            except OSError as exc:
                return ReadResult(None, [self.data_finding("csv-rusak", detail=str(exc))])
            self._read = read_tabel(data, dataset=self.entry.id, file=self.data_file)
        return self._read

    @property
    def tabel(self) -> Tabel | None:
        result = self.read()
        return result.tabel if result else None

    def data_finding(self, code: str, line: int | None = None, column: str | None = None,
                     **params) -> Finding:
        return Finding(code, dataset=self.entry.id, file=self.data_file, line=line,
                       column=column, params=params)

    def meta_finding(self, code: str, path: tuple = (), field_name: str | None = None,
                     **params) -> Finding:
        line = self.entry.source.line_of(path) if self.entry.source else None
        return Finding(code, dataset=self.entry.id, file=self.metadata_file, line=line,
                       field=field_name, params=params)

    @cached_property
    def column_positions(self) -> dict[str, int]:
        meta = self.meta
        return {k.nama: i for i, k in enumerate(meta.kolom)} if meta else {}

    def bad_cells(self, mask: pa.Array | pa.ChunkedArray, column: str, code: str,
                  params: Callable[[int], dict]) -> Iterator[Finding]:
        """One finding per true cell of `mask`, at most `cell_limit`, then one summary."""
        if not pc.any(mask).as_py():
            return
        indices = pc.indices_nonzero(mask)
        shown = indices if self.cell_limit is None else indices[: self.cell_limit]
        for index in shown.to_pylist():
            yield self.data_finding(code, self.tabel.row_number(index), column, **params(index))
        hidden = len(indices) - len(shown)
        if hidden > 0:
            yield self.data_finding("sel-bermasalah-lain", None, column, jumlah=hidden,
                                    kolom=column, kode=code)
