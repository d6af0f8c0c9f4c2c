"""Scaffold a new dataset: metadata YAML whose comments explain every field (taken from the
model's own descriptions, so they never drift), and a CSV with the declared header."""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from satudata.load import paths
from satudata.model import (
    STANDAR_DATA,
    CaraPengumpulan,
    Dataset,
    Frekuensi,
    Klasifikasi,
    Kolom,
    Peran,
    Pilar,
    Portal,
)
from satudata.rules.drafts import DRAFT_TEXTS
from satudata.util.fs import write_atomic
from satudata.util.language import localized

# Fields are written in the order the model declares them, so a new field never goes missing.
DATASET_ORDER = tuple(Dataset.model_fields)
KOLOM_ORDER = tuple(Kolom.model_fields)


# What a new dataset's metadata says until its OPD says otherwise (`baru` and `impor`).
DEFAULT_TOPIC = "umum"
# The texts only a person can replace are findings until they do (rules/drafts.py).
NEW_DATASET_DEFAULTS: dict[str, object] = {
    "judul": DRAFT_TEXTS["judul"],
    "deskripsi": DRAFT_TEXTS["deskripsi"],
    "pilar": Pilar.SEKTORAL.value,
    "topik": [DEFAULT_TOPIC],
    "kata_kunci": [],
    "klasifikasi": Klasifikasi.TERBUKA.value,
    "frekuensi": Frekuensi.TAHUNAN.value,
    "cara_pengumpulan": CaraPengumpulan.KOMPILASI_PRODUK_ADMINISTRASI.value,
    "sumber": DRAFT_TEXTS["sumber"],
}
# Columns of a new dataset when none are given: `nama:tipe:peran` specs.
DEFAULT_COLUMNS = (
    "tahun:tahun:periode",
    "kode_kecamatan:teks:dimensi",
    "jumlah:bilangan-bulat:ukuran",
)


def default_release(frekuensi: str) -> dict[str, int]:
    """`jadwal_rilis` of a new dataset: a monthly one is due a month after its period ends."""
    return {"jeda_bulan": 1 if frekuensi == Frekuensi.BULANAN.value else 3}


def region_name(portal: Portal | None) -> str:
    """`cakupan_wilayah` of a new dataset: the portal's government, e.g. 'Kota Medan'."""
    return portal.nama.replace("Pemerintah ", "") if portal else "Wilayah"


class ScaffoldError(Exception):
    pass


def _describe(model, name: str) -> str | None:
    info = model.model_fields.get(name)
    return info.description if info is not None else None


def _commented(model, values: dict, order: tuple[str, ...], indent: int) -> CommentedMap:
    document = CommentedMap()
    for name in order:
        if name not in values:
            continue
        value = values[name]
        document[name] = _plain(value, indent)
        comment = _describe(model, name)
        if comment:
            document.yaml_set_comment_before_after_key(name, before=comment, indent=indent)
    return document


def _plain(value, indent: int):
    if isinstance(value, list) and value and isinstance(value[0], dict):
        items = CommentedSeq(_commented(Kolom, item, KOLOM_ORDER, indent + 4) for item in value)
        return items
    if isinstance(value, dict):
        mapping = CommentedMap()
        mapping.update(value)
        return mapping
    if isinstance(value, list):
        flow = CommentedSeq(value)
        flow.fa.set_flow_style()
        return flow
    return value


def render_metadata(values: dict) -> str:
    """YAML text with the schema comment for editors and one explanatory comment per field."""
    document = _commented(Dataset, values, DATASET_ORDER, 0)
    yaml = YAML()
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(document, out)
    return "# yaml-language-server: $schema=../schema/dataset.json\n" + out.getvalue()


def kolom_from_spec(spec: str) -> dict:
    """`nama:tipe[:peran[:satuan]]` → a column entry; measures get the Standar Data fields."""
    parts = spec.split(":")
    if len(parts) < 2:
        raise ScaffoldError(
            localized(
                f"kolom '{spec}' harus berbentuk nama:tipe[:peran[:satuan]], "
                "mis. jumlah_pasien:bilangan-bulat:ukuran:orang",
                f"column '{spec}' must have the form name:type[:role[:unit]], "
                "e.g. jumlah_pasien:bilangan-bulat:ukuran:orang",
            )
        )
    name, tipe = parts[0], parts[1]
    peran = parts[2] if len(parts) > 2 and parts[2] else "dimensi"
    entry: dict = {
        "nama": name,
        "judul": name.replace("_", " ").capitalize(),
        "tipe": tipe,
        "peran": peran,
    }
    if peran == Peran.UKURAN.value:
        entry.update(dict.fromkeys(STANDAR_DATA))
        entry["ukuran"] = "jumlah" if tipe == "bilangan-bulat" else None
        entry["satuan"] = parts[3] if len(parts) > 3 else None
        if tipe == "bilangan-bulat":
            entry["min"] = 0
    elif peran in (Peran.PERIODE.value, Peran.DIMENSI.value):
        entry["wajib"] = True
    return entry


def scaffold(root: Path, dataset_id: str, values: dict, kolom: list[dict]) -> tuple[Path, Path]:
    """Write metadata and an empty CSV; refuses to overwrite either."""
    opd = dataset_id.split("/", 1)[0]
    meta_path = root / paths.metadata_file(dataset_id)
    csv_path = root / paths.data_file(dataset_id)
    for path in (meta_path, csv_path):
        if path.exists():
            raise ScaffoldError(
                localized(
                    f"{path.relative_to(root)} sudah ada; `satudata baru` tidak "
                    "menimpa berkas. Pilih nama lain atau sunting berkas itu.",
                    f"{path.relative_to(root)} already exists; `satudata baru` does not "
                    "overwrite files. Choose another name or edit that file.",
                )
            )
    keys = [k["nama"] for k in kolom if k.get("peran") in ("periode", "dimensi")]
    document = {"id": dataset_id, "produsen": opd, **values, "kunci": keys, "kolom": kolom}
    write_atomic(meta_path, render_metadata(document))
    write_atomic(csv_path, ",".join(k["nama"] for k in kolom) + "\n")
    return meta_path, csv_path
