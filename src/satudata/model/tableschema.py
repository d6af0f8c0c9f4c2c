"""Frictionless Table Schema for a dataset, derived from the one metadata model."""

from __future__ import annotations

import datetime as dt

from satudata.model import Dataset, Kolom, Tipe
from satudata.model.types import FALSE_VALUES, TRUE_VALUES, TYPES


def _value(bound):
    return bound.isoformat() if isinstance(bound, dt.date) else bound


def field_descriptor(kolom: Kolom) -> dict:
    rules = TYPES[kolom.tipe]
    field: dict = {"name": kolom.nama, "title": kolom.judul, "type": rules.table_schema}
    if kolom.definisi:
        field["description"] = kolom.definisi
    if kolom.tipe is Tipe.BOOLEAN:
        field["trueValues"] = list(TRUE_VALUES)
        field["falseValues"] = list(FALSE_VALUES)
    constraints: dict = {}
    if kolom.wajib:
        constraints["required"] = True
    if kolom.unik:
        constraints["unique"] = True
    if kolom.min is not None:
        constraints["minimum"] = _value(kolom.min)
    if kolom.maks is not None:
        constraints["maximum"] = _value(kolom.maks)
    if kolom.pola is not None:
        constraints["pattern"] = kolom.pola
    if kolom.nilai is not None:
        constraints["enum"] = list(kolom.nilai)
    if constraints:
        field["constraints"] = constraints
    if kolom.satuan:
        field["satuan"] = kolom.satuan  # kept for readers; Table Schema allows extra properties
    return field


def table_schema(meta: Dataset) -> dict:
    schema: dict = {"fields": [field_descriptor(k) for k in meta.kolom], "missingValues": [""]}
    if meta.kunci:
        schema["primaryKey"] = list(meta.kunci)
    return schema
