"""Downloads of a published dataset: CSV (the committed bytes), XLSX, JSON, with sha256.

Every file is byte-identical across builds of one commit: dates come from git, and the XLSX
writer (situs/xlsx.py) uses fixed zip timestamps.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import json
import os
from pathlib import Path

from satudata.catalog.names import NamedColumn, with_names
from satudata.catalog.views import Download, PublishedDataset
from satudata.catalog.xlsx import xlsx
from satudata.load.table import read_tabel
from satudata.model import Dataset, Tipe
from satudata.model.types import parse

MEDIATYPES = {
    "csv": "text/csv",
    "csv-nama": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "datapackage": "application/json",
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_file(docs: Path, relative: str, data: bytes, kind: str) -> Download:
    path = f"{docs}/{relative}"
    try:  # the folder is usually there already: one system call instead of three
        out = open(path, "wb")  # noqa: SIM115
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        out = open(path, "wb")  # noqa: SIM115
    with out:
        out.write(data)
    return Download(kind, relative, sha256(data), len(data), MEDIATYPES[kind])


def text_rows(t: PublishedDataset) -> tuple[list[str], list[list[str]]]:
    """Header and rows exactly as the CSV spells them."""
    data = t.data_path.read_bytes()
    tabel = read_tabel(data, dataset=t.id, file="").tabel
    if tabel is None:  # cannot happen: a published dataset's data passed validation
        raise ValueError(f"{t.id}: data unreadable after validation")
    columns = [c.to_pylist() for c in tabel.table.columns]
    return tabel.header, [list(row) for row in zip(*columns, strict=False)]


def typed(t: PublishedDataset, header: list[str], rows: list[list[str]]) -> list[list]:
    """Rows with values converted to the declared types (empty cells → None). A column at a
    time, each distinct literal parsed once: a column repeats few values (years, codes)."""
    if not rows:
        return []
    columns = [
        _typed_column(_converter(t.meta, name), column)
        for name, column in zip(header, zip(*rows, strict=True), strict=False)
    ]
    return [list(row) for row in zip(*columns, strict=True)]


def _typed_column(convert, literals: tuple[str, ...]) -> list:
    values: dict[str, object] = {}
    return [
        values[literal] if literal in values else values.setdefault(literal, convert(literal))
        for literal in literals
    ]


def typed_rows(t: PublishedDataset) -> tuple[list[str], list[list]]:
    """Header and rows with values converted to the declared types (empty cells → None)."""
    header, rows = text_rows(t)
    return header, typed(t, header, rows)


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue().encode("utf-8")


def _converter(meta: Dataset, name: str):
    kolom = meta.column(name)
    tipe = kolom.tipe if kolom else Tipe.TEKS
    return functools.partial(parse, tipe)


def json_bytes(t: PublishedDataset, header: list[str], rows: list[list]) -> bytes:
    """The dataset as JSON, one row object a line, each row the bytes
    `JSONEncoder(ensure_ascii=False).encode(dict(zip(header, row)))` writes. `indent` for the
    whole document would fall back to the pure-Python encoder (measured: 300 datasets × 500
    rows, 6.8 s under cProfile), and one `encode` a row still cost ~2.6 ms a dataset: the rows
    are filled into one template from columns whose numbers the C encoder writes in one call."""
    document = {
        "dataset": t.id,
        "judul": t.meta.judul,
        "kolom": header,
        "data_contoh": t.meta.data_contoh,
    }
    encode = json.JSONEncoder(ensure_ascii=False).encode
    head = json.dumps(document, ensure_ascii=False, indent=1)
    assert head.endswith("\n}")
    if header and len(set(header)) == len(header) and all(len(r) == len(header) for r in rows):
        template = "  {" + ", ".join(encode(k).replace("%", "%%") + ": %s" for k in header) + "}"
        cells = [_json_values(encode, list(column)) for column in zip(*rows, strict=True)]
        data = ",\n".join([template % row for row in zip(*cells, strict=True)])
    else:  # ragged rows or a repeated column name: row by row, exactly as the dict says
        data = ",\n".join("  " + encode(dict(zip(header, row, strict=False))) for row in rows)
    return (head[:-2] + ',\n "data": [\n' + data + "\n ]\n}\n").encode("utf-8")


def _json_values(encode, values: list) -> list[str]:
    """Each value as `encode` writes it. Numbers and nulls in one call to the C encoder (a
    number's text never holds ", "), a text once per distinct text."""
    if all(v is None or type(v) is int or type(v) is float for v in values):
        return encode(values)[1:-1].split(", ")
    texts: dict[str, str] = {}
    return [
        (texts[v] if v in texts else texts.setdefault(v, encode(v)))
        if type(v) is str
        else encode(v)
        for v in values
    ]


def xlsx_bytes(
    t: PublishedDataset, header: list[str], rows: list[list], when: dt.datetime
) -> bytes:
    creator = t.opd.nama if t.opd else t.meta.produsen
    metadata = [["isian", "nilai"], *[list(pair) for pair in _metadata_rows(t)]]
    return xlsx({"data": [header, *rows], "metadata": metadata}, creator, when)


def _metadata_rows(t: PublishedDataset) -> list[tuple[str, str]]:
    meta = t.meta
    rows = [
        ("id", meta.id),
        ("judul", meta.judul),
        ("deskripsi", meta.deskripsi),
        ("produsen", t.opd.nama if t.opd else meta.produsen),
        ("sumber", meta.sumber),
        ("frekuensi", meta.frekuensi.value),
        ("klasifikasi", meta.klasifikasi.value),
    ]
    if meta.data_contoh:
        rows.append(("catatan", "DATA CONTOH: angka ilustrasi, bukan angka resmi."))
    if meta.catatan:
        rows.append(("catatan", meta.catatan))
    return rows


def write_downloads(
    t: PublishedDataset, docs: Path, when: dt.datetime, named: list[NamedColumn] | None = None
) -> list[list]:
    """Write CSV, XLSX and JSON of `t` under docs/unduh/<opd>/<slug>/; returns typed rows
    (without names). XLSX, JSON and a second CSV carry a name column beside each referenced
    code column; `<slug>.csv` stays the committed, code-only bytes (the Data Package's file)."""
    folder = f"unduh/{t.id}"
    slug = t.meta.slug
    t.berkas["csv"] = write_file(docs, f"{folder}/{slug}.csv", t.data_path.read_bytes(), "csv")
    header, texts = text_rows(t)
    rows = typed(t, header, texts)
    wide_header, wide_rows = with_names(header, rows, named or [])
    t.berkas["xlsx"] = write_file(
        docs, f"{folder}/{slug}.xlsx", xlsx_bytes(t, wide_header, wide_rows, when), "xlsx"
    )
    t.berkas["json"] = write_file(
        docs, f"{folder}/{slug}.json", json_bytes(t, wide_header, wide_rows), "json"
    )
    if named:
        _, wide_texts = with_names(header, texts, named)
        t.tambahan["csv-nama"] = write_file(
            docs, f"{folder}/{slug}-dengan-nama.csv", csv_bytes(wide_header, wide_texts), "csv-nama"
        )
    return rows
