"""referensi: coded columns hold codes that exist in metadata/referensi/, at the right level."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from satudata.checks import DatasetContext, dataset_check, short
from satudata.findings import Finding
from satudata.model import Kolom

LEVEL_COLUMN = "tingkat"


@dataset_check
def reference_codes(ctx: DatasetContext) -> Iterator[Finding]:
    tabel, meta = ctx.tabel, ctx.meta
    if tabel is None or meta is None:
        return
    for kolom in meta.kolom:
        values = tabel.column(kolom.nama) if kolom.referensi else None
        if values is None:
            continue
        table = ctx.repo.reference_table(kolom.referensi.tabel)
        if table is None or kolom.referensi.kolom not in table.columns:
            continue  # reported by metadata.reference_tables_exist
        yield from _codes(ctx, kolom, values, table)


def _codes(ctx: DatasetContext, kolom: Kolom, values: pa.ChunkedArray, table) -> Iterator[Finding]:
    ref = kolom.referensi
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
