"""model/dataset.py and model/vocab.py: the dataset metadata model."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from conftest import DATASET
from satudata.model import STANDAR_DATA, Dataset, Frekuensi, Kolom, Peran, Tipe


def _dataset(**changes) -> dict:
    data = yaml.safe_load(DATASET)
    data.update(changes)
    return data


def test_dataset_round_trip_is_lossless():
    model = Dataset.model_validate(_dataset())
    again = Dataset.model_validate(model.model_dump(mode="json", exclude_defaults=True))
    assert again == model
    assert model.opd == "dinkes" and model.slug == "puskesmas"
    assert model.periode.nama == "tahun"
    assert [k.nama for k in model.ukuran_kolom] == ["jumlah_puskesmas"]
    assert model.kolom[0].peran is Peran.PERIODE and model.kolom[0].tipe is Tipe.TAHUN


@pytest.mark.parametrize(
    "field,value",
    [
        ("frekuensi", "setiap-tahun"),
        ("pilar", "ekonomi"),
        ("klasifikasi", "rahasia"),
        ("cara_pengumpulan", "sensus"),
        ("id", "Dinkes/Puskesmas"),
        ("topik", []),
    ],
)
def test_vocabulary_and_identifier_errors(field, value):
    with pytest.raises(ValidationError) as info:
        Dataset.model_validate(_dataset(**{field: value}))
    assert info.value.errors()[0]["loc"][0] == field


@pytest.mark.parametrize("bound", [".nan", ".inf", "-.inf"])
def test_a_bound_must_be_a_finite_number(bound):
    """YAML's NaN and infinities bound nothing, and no feed could write them as JSON."""
    data = yaml.safe_load(DATASET.replace("    min: 0\n", f"    min: {bound}\n"))
    with pytest.raises(ValidationError) as info:
        Dataset.model_validate(data)
    assert {e["type"] for e in info.value.errors()} >= {"finite_number"}
    data["kolom"][2]["min"] = 0.5
    assert Dataset.model_validate(data).kolom[2].min == 0.5


def test_invalid_regex_in_pola_is_a_model_error():
    data = _dataset()
    data["kolom"][1]["pola"] = "12.(71"
    with pytest.raises(ValidationError, match="pola"):
        Dataset.model_validate(data)


def test_frekuensi_vocabulary_is_the_bps_list():
    assert [f.value for f in Frekuensi] == [
        "harian",
        "mingguan",
        "bulanan",
        "triwulanan",
        "empat-bulanan",
        "semesteran",
        "tahunan",
        "lebih-dari-dua-tahunan",
        "tidak-tetap",
    ]


def test_standar_data_fields_are_column_fields():
    assert set(STANDAR_DATA) <= set(Kolom.model_fields)
