"""`satudata baru`'s scaffold: metadata YAML in the model's own field order, with comments."""

from __future__ import annotations

import yaml

from satudata.model import STANDAR_DATA, Dataset, Kolom
from satudata.onboarding.scaffold import (
    DATASET_ORDER,
    KOLOM_ORDER,
    kolom_from_spec,
    render_metadata,
    scaffold,
)


def test_field_order_is_the_models_so_no_field_is_dropped():
    assert set(DATASET_ORDER) == set(Dataset.model_fields)
    assert set(KOLOM_ORDER) == set(Kolom.model_fields)
    values = {name: f"isi-{name}" for name in reversed(list(Dataset.model_fields))}
    keys = list(yaml.safe_load(render_metadata(values)))
    assert keys == list(Dataset.model_fields)  # lisensi, dihentikan, indikator included


def test_column_fields_kept_in_model_order():
    column = {"nama": "x", "pola": "^[A-Z]+$", "nilai": ["A"], "unik": True, "tipe": "teks"}
    column["jumlah_dari"] = ["a", "b"]
    text = render_metadata({"id": "a/b", "kolom": [column]})
    written = yaml.safe_load(text)["kolom"][0]
    assert list(written) == [n for n in Kolom.model_fields if n in column]


def test_measures_get_every_standar_data_field():
    entry = kolom_from_spec("jumlah_pasien:bilangan-bulat:ukuran:orang")
    assert set(STANDAR_DATA) <= set(entry)
    assert (entry["ukuran"], entry["satuan"], entry["min"]) == ("jumlah", "orang", 0)
    assert kolom_from_spec("kecamatan:teks")["wajib"] is True


def test_scaffold_writes_metadata_and_header(tmp_path):
    kolom = [kolom_from_spec("tahun:tahun:periode"), kolom_from_spec("jumlah:bilangan:ukuran")]
    meta_path, csv_path = scaffold(tmp_path, "dinkes/uji", {"judul": "Uji"}, kolom)
    assert meta_path == tmp_path / "metadata/dinkes/uji.yaml"
    assert csv_path.read_text() == "tahun,jumlah\n"
    document = yaml.safe_load(meta_path.read_text())
    assert (document["produsen"], document["kunci"]) == ("dinkes", ["tahun"])
    assert "# Konsep (Standar Data)" in meta_path.read_text()
