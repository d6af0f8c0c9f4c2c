from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from conftest import DATASET, PORTAL
from satudata.load.yaml_file import load_yaml
from satudata.model import Dataset, Frekuensi, Peran, Portal, Tipe
from satudata.model.errors import validation_findings


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


def test_unknown_field_is_rejected_with_a_spelling_hint():
    text = DATASET.replace("frekuensi: tahunan", "frekwensi: tahunan")
    source = load_yaml(text)
    with pytest.raises(ValidationError) as info:
        Dataset.model_validate(source.data)
    found = validation_findings(info.value, Dataset, source, "m.yaml", "dinkes/puskesmas")
    by_field = {f.field: f for f in found}
    assert by_field["frekwensi"].line == text.splitlines().index("frekwensi: tahunan") + 1
    assert "frekuensi" in by_field["frekwensi"].saran()
    assert "wajib diisi" in by_field["frekuensi"].message()


def test_column_error_points_at_its_yaml_line():
    text = DATASET.replace("    tipe: bilangan-bulat", "    tipe: angka")
    source = load_yaml(text)
    with pytest.raises(ValidationError) as info:
        Dataset.model_validate(source.data)
    (finding,) = validation_findings(info.value, Dataset, source, "m.yaml")
    assert finding.field == "kolom[2].tipe"
    assert finding.line == text.splitlines().index("    tipe: angka") + 1
    assert "harus salah satu dari" in finding.message()


def test_unquoted_region_code_is_reported_as_text_needed():
    source = load_yaml(PORTAL.replace('kode_wilayah: "12.71"', "kode_wilayah: 12.71"))
    with pytest.raises(ValidationError) as info:
        Portal.model_validate(source.data)
    (finding,) = validation_findings(info.value, Portal, source, "metadata/portal.yaml")
    assert finding.field == "kode_wilayah" and "tanda kutip" in finding.saran()


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
