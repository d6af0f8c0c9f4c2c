"""Names next to codes: each column with a `referensi` gets the name of every code from its
table in `metadata/referensi/`, for what a person reads (pages, chart, downloads, search).

The repository's own CSV stays code-only (data join on codes, never on names, DESIGN §3);
names are added only to what the catalog publishes.
"""

from __future__ import annotations

from dataclasses import dataclass

from satudata.load.repository import Repository
from satudata.model import Dataset

NAME_COLUMN = "nama"  # the reference tables' name column (kode,nama,…)


@dataclass(frozen=True)
class NamedColumn:
    """A referenced code column, the name column published beside it, and its names."""

    kode: str  # the code column, e.g. kode_kecamatan
    nama: str  # the name column published beside it, e.g. nama_kecamatan
    names: dict[str, str]  # code → name


def name_column_for(code_column: str, taken: set[str]) -> str:
    """`kode_kecamatan` → `nama_kecamatan`, `jenis_kelamin` → `nama_jenis_kelamin`; never a
    name the dataset already uses."""
    stem = code_column.removeprefix("kode_")
    for candidate in (f"nama_{stem}", f"nama_{code_column}", f"nama_{code_column}_referensi"):
        if candidate not in taken:
            return candidate
    raise ValueError(code_column)  # unreachable: the last candidate cannot be a column name


def named_columns(repo: Repository, meta: Dataset) -> list[NamedColumn]:
    """The referenced columns of `meta` whose reference table has names, in column order."""
    taken = {k.nama for k in meta.kolom}
    result = []
    for kolom in meta.kolom:
        if kolom.referensi is None:
            continue
        table = repo.reference_table(kolom.referensi.tabel)
        if table is None or NAME_COLUMN not in table.columns:
            continue
        code = kolom.referensi.kolom
        if code not in table.columns:
            continue
        names = {row[code]: row[NAME_COLUMN] for row in table.rows if row.get(NAME_COLUMN)}
        nama = name_column_for(kolom.nama, taken)
        taken.add(nama)
        result.append(NamedColumn(kolom.nama, nama, names))
    return result


def with_names(
    header: list[str], rows: list[list], named: list[NamedColumn]
) -> tuple[list[str], list[list]]:
    """Header and rows with each name column inserted right after its code column."""
    present = sorted((header.index(n.kode), n) for n in named if n.kode in header)
    if not present:
        return header, rows
    new_header = list(header)
    for offset, (index, n) in enumerate(present):
        new_header.insert(index + 1 + offset, n.nama)
    # One slice per piece: about four times faster than inserting into each row (measured on
    # 300 datasets × 500 rows), which matters at 2,000 datasets.
    cuts = [index + 1 for index, _ in present]
    starts = [0, *cuts]
    ends = [*cuts, None]
    lookups = [(index, n.names) for index, n in present]

    def widen(row: list) -> list:
        out = row[starts[0] : ends[0]]
        for (index, names), start, end in zip(lookups, starts[1:], ends[1:], strict=True):
            code = row[index]
            out.append(None if code is None else names.get(str(code)))
            out.extend(row[start:end])
        return out

    return new_header, [widen(row) for row in rows]
