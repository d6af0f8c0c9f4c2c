"""model/base.py `Label` and `LicenceId`, the licence vocabulary (model/vocab.py `Lisensi`,
portal `lisensi_tambahan`) and how their errors read."""

from __future__ import annotations

import json

import pytest
import yaml
from pydantic import ValidationError

from conftest import DATASET, PORTAL
from satudata.load.yaml_file import load_yaml
from satudata.model import Dataset, Portal
from satudata.model.errors import validation_findings


def _dataset(**changes) -> dict:
    data = yaml.safe_load(DATASET)
    data.update(changes)
    return data


# --- short labels are plain text; lisensi comes from the model's vocabulary -----------------

MARKUP = (
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "Dinkes [x](javascript:alert(1))",
    "Dinkes\nbaris kedua",
    "Dinkes\u202eskeknid",  # bidirectional override: shows a different text than it is
    "Dinkes\x07",
)
LABEL_FIELDS = (
    ("organisasi.yaml", "    singkatan: Dinkes", "    singkatan: {}", "organisasi[1].singkatan"),
    (
        "organisasi.yaml",
        "    nama: Dinas Kesehatan Kota Contoh",
        "    nama: {}",
        "organisasi[1].nama",
    ),
    ("portal.yaml", "nama_portal: Satu Data Kota Contoh", "nama_portal: {}", "nama_portal"),
    ("portal.yaml", "nama: Pemerintah Kota Contoh", "nama: {}", "nama"),
    ("daftar-data.yaml", "    judul: Kasus DBD per bulan", "    judul: {}", "entri[1].judul"),
    ("dinkes/puskesmas.yaml", "judul: Jumlah Puskesmas per Kecamatan", "judul: {}", "judul"),
    ("dinkes/puskesmas.yaml", "    judul: Kode kecamatan", "    judul: {}", "kolom[1].judul"),
)


@pytest.mark.parametrize("value", MARKUP)
@pytest.mark.parametrize(("file", "old", "new", "field"), LABEL_FIELDS)
def test_markup_and_control_characters_in_a_label_are_rejected(repo, file, old, new, field, value):
    from satudata.load.repository import Repository

    relative = f"metadata/{file}"
    line = repo.read(relative).splitlines().index(old) + 1
    repo.replace(relative, old, new.format(json_string(value)))
    found = [f for f in Repository.load(repo.root).problems if f.field == field]
    assert len(found) == 1, found
    finding = found[0]
    assert finding.code == "metadata-tidak-sesuai-skema" and finding.severity.value == "error"
    assert finding.file == relative and finding.line == line
    assert "tanpa tag HTML" in finding.message() and "hapus tag HTML" in finding.saran()
    assert "remove HTML tags" in finding.saran("en")


def json_string(value: str) -> str:
    """A YAML double-quoted scalar (JSON escapes are valid YAML) holding `value` exactly."""
    return json.dumps(value)


@pytest.mark.parametrize(
    "value",
    [
        "Dinas Kebudayaan & Pariwisata",
        "Dinkes (Kota)",
        "Data [sementara]",
        "BPS 'Kota'",
        "Balita < 5 tahun",
        "Lansia >60 tahun",
        "<1 tahun",
    ],
)
def test_ordinary_punctuation_in_a_label_is_fine(value):
    assert Dataset.model_validate(_dataset(judul=value)).judul == value


def test_long_text_may_contain_angle_brackets_as_text():
    text = "Balita < 5 tahun dan lansia > 60 tahun."
    assert Dataset.model_validate(_dataset(deskripsi=text)).deskripsi == text


@pytest.mark.parametrize("value", ["javascript:alert(1)", "CC BY 4.0", "data:text/html,x", "<b>"])
def test_lisensi_that_is_not_an_spdx_id_is_a_schema_error_at_its_line(value):
    text = DATASET.replace(
        "frekuensi: tahunan", f"frekuensi: tahunan\nlisensi: {json_string(value)}"
    )
    source = load_yaml(text)
    with pytest.raises(ValidationError) as exc:
        Dataset.model_validate(source.data)
    findings = validation_findings(exc.value, Dataset, source, "metadata/dinkes/puskesmas.yaml")
    assert [(f.field, f.line) for f in findings] == [("lisensi", 10)]
    assert "bukan kode lisensi SPDX" in findings[0].message()
    assert findings[0].severity.value == "error"


def test_licence_vocabulary_is_in_the_json_schema():
    from satudata.model.schema import json_schema

    text = yaml.safe_dump(json_schema("dataset"))
    assert (
        "CC-BY-4.0" in text
        and "ODbL-1.0" in text
        and "lisensi_tambahan" in yaml.safe_dump(json_schema("portal"))
    )


@pytest.mark.parametrize("value", ["MIT", "Hak-Cipta"])
def test_spdx_shaped_but_unknown_lisensi_is_an_error_unless_the_portal_declares_it(repo, value):
    from satudata.checks.runner import validate
    from satudata.load.repository import Repository

    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "frekuensi: tahunan",
        f"frekuensi: tahunan\nlisensi: {value}",
    )
    codes = {(f.code, f.severity.value) for f in validate(Repository.load(repo.root)).findings}
    assert ("lisensi-tidak-dikenal", "error") in codes
    repo.write("metadata/portal.yaml", PORTAL + f"lisensi_tambahan: [{value}]\n")
    codes = {f.code for f in validate(Repository.load(repo.root)).findings}
    assert "lisensi-tidak-dikenal" not in codes


def test_portal_default_licence_must_be_known():
    data = yaml.safe_load(PORTAL)
    with pytest.raises(ValidationError, match="lisensi_tambahan"):
        Portal.model_validate({**data, "lisensi_bawaan": "MIT"})
    portal = Portal.model_validate({**data, "lisensi_bawaan": "MIT", "lisensi_tambahan": ["MIT"]})
    assert portal.allows_licence("MIT") and portal.allows_licence("CC0-1.0")
