"""The drafted metadata of an imported table, written through ruamel.yaml (never a string
template): roles decided from the values, region columns referenced, names that YAML 1.1 would
read as booleans or numbers (`no`, `on`, `2019`) quoted."""

from __future__ import annotations

import re

import yaml
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from satudata.onboarding.importer import ColumnInfo, Imported
from satudata.onboarding.scaffold import (
    NEW_DATASET_DEFAULTS,
    default_release,
    kolom_from_spec,
    render_metadata,
)

_YEAR = re.compile(r"^(19|20)\d{2}$")
_YEAR_MONTH = re.compile(r"^(19|20)\d{2}-(0[1-9]|1[0-2])$")
_PERIOD_PART = re.compile(r"(^|_)(semester|smt|triwulan|tw|kuartal|bulan|caturwulan)(_|$)")
_DATE = re.compile(r"^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_UNIT = re.compile(r"(^|_)(satuan|unit)(_|$)")


def column_entries(imported: Imported, referenced_levels: set[str]) -> list[dict]:
    """One `kolom` entry per output column. `referenced_levels`: levels present in the
    repository's metadata/referensi/wilayah.csv (only those can be foreign keys)."""
    values = {
        name: [row[i].text for row in imported.rows] for i, name in enumerate(imported.header)
    }
    entries, period_taken = [], False
    for name in imported.header:
        info = imported.info.get(name, ColumnInfo("teks"))
        tipe, peran = _type_and_role(name, info, values[name], period_taken)
        period_taken = period_taken or peran == "periode"
        entry = kolom_from_spec(f"{name}:{tipe}:{peran}")
        if info.region_kind == "kode" and info.region_level in referenced_levels:
            entry["referensi"] = {"tabel": "wilayah", "tingkat": info.region_level}
        categories = sorted({v for v in values[name] if v != ""})
        few = 1 < len(categories) <= 12 and len(values[name]) > len(categories)
        category = peran == "dimensi" and tipe == "teks" and info.kind == "teks"
        if category and few and not info.region_kind:
            entry["nilai"] = categories  # the value domain: 'TIDAK ADA' is a category
        if info.region_kind == "nama":
            entry["data_pribadi"] = False  # a region's name is not a person's
            entry["judul"] = (
                f"Nama {info.region_level.replace('_', '/')}"
                if info.region_level
                else entry["judul"]
            )
        entries.append(entry)
    return entries


def _type_and_role(name: str, info: ColumnInfo, values: list[str], period_taken: bool):
    filled = [v for v in values if v != ""]
    if info.kind in ("periode", "tahun") or (
        filled and all(_YEAR.match(v) for v in filled) and name == "tahun"
    ):
        tipe = "tahun" if all(_YEAR.match(v) for v in filled) else "tahun-bulan"
        if tipe == "tahun-bulan" and not all(_YEAR_MONTH.match(v) for v in filled):
            tipe = "teks"
        return tipe, "dimensi" if period_taken else "periode"
    if info.kind == "angka":
        integer = all(re.fullmatch(r"-?\d+", v) for v in filled)
        if _PERIOD_PART.search(name):
            return ("bilangan-bulat" if integer else "teks"), "dimensi"
        return ("bilangan-bulat" if integer else "bilangan"), "ukuran"
    if info.region_kind == "nama":
        return "teks", "atribut"
    if filled and all(_DATE.match(v) for v in filled):
        return "tanggal", "dimensi"
    if _UNIT.search(name) and len(set(filled)) <= 3:
        return "teks", "atribut"
    return "teks", "dimensi"


def quoted(value):
    """Strings a YAML 1.1 reader (PyYAML) would not read back as the same string are quoted."""
    if isinstance(value, dict):
        return {k: quoted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [quoted(v) for v in value]
    if isinstance(value, str) and value and _misread(value):
        return SingleQuotedScalarString(value)
    return value


def _misread(text: str) -> bool:
    try:
        return yaml.safe_load(f"x: {text}") != {"x": text}
    except yaml.YAMLError:
        return True


def metadata_text(
    imported: Imported,
    dataset: str,
    coverage: str,
    contact: str | None,
    referenced_levels: set[str],
) -> str:
    columns = column_entries(imported, referenced_levels)
    opd = dataset.split("/")[0]
    values = {
        "id": dataset,
        **NEW_DATASET_DEFAULTS,
        "produsen": opd,
        "cakupan_wilayah": coverage,
        "jadwal_rilis": default_release(str(NEW_DATASET_DEFAULTS["frekuensi"])),
        "kunci": [c["nama"] for c in columns if c["peran"] in ("periode", "dimensi")],
        "kolom": columns,
    }
    if imported.title:
        values["judul"] = imported.title
    if imported.source_note:
        values["sumber"] = imported.source_note
    if contact:
        values["kontak"] = contact
    return render_metadata(quoted(values))
