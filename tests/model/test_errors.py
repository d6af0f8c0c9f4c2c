"""model/errors.py: pydantic errors become findings with a YAML line and Indonesian words."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from conftest import DATASET, PORTAL
from satudata.load.yaml_file import load_yaml
from satudata.model import Dataset, Portal
from satudata.model.errors import validation_findings


def _findings(text: str, model, *args) -> list:
    """The findings of the YAML `text`, which `model` rejects (`args`: file, dataset)."""
    source = load_yaml(text)
    with pytest.raises(ValidationError) as info:
        model.model_validate(source.data)
    return validation_findings(info.value, model, source, *args)


def test_unknown_field_is_rejected_with_a_spelling_hint():
    text = DATASET.replace("frekuensi: tahunan", "frekwensi: tahunan")
    found = _findings(text, Dataset, "m.yaml", "dinkes/puskesmas")
    by_field = {f.field: f for f in found}
    assert by_field["frekwensi"].line == text.splitlines().index("frekwensi: tahunan") + 1
    assert "frekuensi" in by_field["frekwensi"].saran()
    assert "wajib diisi" in by_field["frekuensi"].message()


def test_column_error_points_at_its_yaml_line():
    text = DATASET.replace("    tipe: bilangan-bulat", "    tipe: angka")
    (finding,) = _findings(text, Dataset, "m.yaml")
    assert finding.field == "kolom[2].tipe"
    assert finding.line == text.splitlines().index("    tipe: angka") + 1
    assert "harus salah satu dari" in finding.message()


def test_a_bound_that_is_not_a_number_is_named_once_on_its_line():
    text = DATASET.replace("    min: 0\n", "    min: .nan\n")
    (finding,) = _findings(text, Dataset, "m.yaml")
    assert finding.field == "kolom[2].min"
    assert finding.line == text.splitlines().index("    min: .nan") + 1
    assert "harus bilangan terhingga (bukan .nan atau .inf)" in finding.message()


@pytest.mark.parametrize(
    "setting", ["faktor_lonjakan: .inf", "nilai_minimum_lonjakan: .inf", "ambang_salinan: .nan"]
)
def test_a_check_threshold_must_be_a_finite_number(setting):
    """An infinite spike factor would silently switch the spike check off."""
    text = PORTAL + f"pemeriksaan:\n  {setting}\n"
    (finding,) = _findings(text, Portal, "metadata/portal.yaml")
    assert finding.field == "pemeriksaan." + setting.split(":")[0]
    assert finding.line == text.splitlines().index(f"  {setting}") + 1
    assert "harus bilangan terhingga (bukan .nan atau .inf)" in finding.message()


def test_unquoted_region_code_is_reported_as_text_needed():
    (finding,) = _findings(
        PORTAL.replace('kode_wilayah: "12.71"', "kode_wilayah: 12.71"),
        Portal,
        "metadata/portal.yaml",
    )
    assert finding.field == "kode_wilayah" and "tanda kutip" in finding.saran()


def test_english_detail_comes_from_pydantic():
    text = DATASET.replace("    tipe: bilangan-bulat", "    tipe: angka")
    (finding,) = _findings(text, Dataset, "m.yaml")
    assert "harus" not in finding.message("en") and "Input should be" in finding.message("en")
