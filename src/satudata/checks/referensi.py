"""referensi: coded columns hold codes that exist in metadata/referensi/, at the right level."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from satudata.checks import DatasetContext, dataset_check, short
from satudata.checks.scan import code_set
from satudata.findings import Finding
from satudata.load.repository import ReferenceTable
from satudata.model import Kolom, ReferensiKolom

# The finding codes this family's checks emit (besides CONTEXT_CODES, open to every check).
CODES = (
    "kode-referensi-salah-tingkat",
    "kode-referensi-tidak-dikenal",
)


LEVEL_COLUMN = "tingkat"


@dataset_check
def reference_codes(ctx: DatasetContext) -> Iterator[Finding]:
    tabel, meta = ctx.tabel, ctx.meta
    if tabel is None or meta is None:
        return
    for kolom in meta.kolom:
        ref = kolom.referensi
        values = tabel.column(kolom.nama) if ref else None
        if ref is None or values is None:
            continue
        table = ctx.repo.reference_table(ref.tabel)
        if table is None or ref.kolom not in table.columns:
            continue  # reported by metadata.reference_tables_exist
        if ctx.scan is not None and kolom.nama in ctx.scan.known_codes:
            continue  # every cell a known code at the required level (checks.scan)
        yield from _codes(ctx, kolom, ref, values, table)


@code_set
def required_codes(ctx: DatasetContext, kolom: Kolom) -> pa.Array | None:
    """The codes that make neither finding below possible: known, at the required level (an
    empty cell is not a code). None when the reference table cannot be used."""
    ref = kolom.referensi
    table = ctx.repo.reference_table(ref.tabel) if ref else None
    if ref is None or table is None or ref.kolom not in table.columns:
        return None
    if ref.tingkat is not None and LEVEL_COLUMN in table.columns:
        return table.codes(ref.kolom, LEVEL_COLUMN, ref.tingkat)
    return table.codes(ref.kolom)


def _all_known(ctx: DatasetContext, kolom: Kolom, values: pa.ChunkedArray) -> bool:
    codes = required_codes(ctx, kolom)
    return codes is not None and bool(pc.all(pc.is_in(values, value_set=codes)).as_py())


def _codes(
    ctx: DatasetContext,
    kolom: Kolom,
    ref: ReferensiKolom,
    values: pa.ChunkedArray,
    table: ReferenceTable,
) -> Iterator[Finding]:
    if _all_known(ctx, kolom, values):
        return  # the common case, in two calls instead of seven
    present = pc.not_equal(values, "")
    known = pc.is_in(values, value_set=table.codes(ref.kolom))
    yield from ctx.bad_cells(
        pc.and_not(present, known),
        kolom.nama,
        "kode-referensi-tidak-dikenal",
        lambda i: {"nilai": short(values[i]), "tabel": ref.tabel},
    )
    if ref.tingkat is None or LEVEL_COLUMN not in table.columns:
        return
    at_level = pc.is_in(values, value_set=table.codes(ref.kolom, LEVEL_COLUMN, ref.tingkat))
    rows = table.by_column[ref.kolom]
    yield from ctx.bad_cells(
        pc.and_not(known, at_level),
        kolom.nama,
        "kode-referensi-salah-tingkat",
        lambda i: {
            "nilai": short(values[i]),
            "tabel": ref.tabel,
            "harapan": ref.tingkat,
            "aktual": rows[values[i].as_py()].get(LEVEL_COLUMN, "?"),
        },
    )
