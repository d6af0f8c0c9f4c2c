"""privasi: negatives for every rule, masking everywhere, one publication rule."""

from __future__ import annotations

import pytest

from satudata.checks.runner import validate
from satudata.load.repository import Repository
from satudata.report import RENDERERS

from .test_codes import DS, TODAY, _csv, codes

NIK = "1271015509900001"


def test_a_real_16_digit_statistic_is_not_a_nik(repo):
    repo.replace(DS, "    tipe: bilangan-bulat\n", "    tipe: bilangan\n")
    _csv(repo, "2024,12.71.01,2546452000000000\n2025,12.71.01,1234567890123456\n")
    assert "nik-terdeteksi" not in codes(repo)


def test_short_numbers_and_handles_are_not_phones_or_emails(repo):
    _csv(repo, "2024,12.71.01,081234\n")
    repo.write(
        "data/dinkes/puskesmas.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n2024,@pemkomedan,3\n"
    )
    found = codes(repo)
    assert "telepon-terdeteksi" not in found and "email-terdeteksi" not in found


def test_a_facility_name_column_declared_non_personal_passes(repo):
    repo.replace(
        DS,
        "  - nama: jumlah_puskesmas\n",
        "  - nama: nama_puskesmas\n"
        "    judul: Nama puskesmas\n    tipe: teks\n    peran: atribut\n"
        "    data_pribadi: false\n  - nama: jumlah_puskesmas\n",
    )
    repo.write(
        "data/dinkes/puskesmas.csv",
        "tahun,kode_kecamatan,nama_puskesmas,"
        "jumlah_puskesmas\n2024,12.71.01,Puskesmas Kota Matsum,3\n",
    )
    assert "kolom-data-pribadi" not in codes(repo)


def test_an_undeclared_name_column_in_an_open_dataset_is_an_error(repo):
    repo.replace(
        DS,
        "  - nama: jumlah_puskesmas\n",
        "  - nama: nama_kepala\n"
        "    judul: Nama kepala\n    tipe: teks\n    peran: atribut\n"
        "  - nama: jumlah_puskesmas\n",
    )
    repo.write(
        "data/dinkes/puskesmas.csv",
        "tahun,kode_kecamatan,nama_kepala,jumlah_puskesmas\n2024,12.71.01,Budi,3\n",
    )
    assert "kolom-data-pribadi" in codes(repo)
    repo.replace(DS, "klasifikasi: terbuka", "klasifikasi: tertutup")
    assert "kolom-data-pribadi" not in codes(repo)  # the rule is about open datasets


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_no_report_contains_an_unmasked_personal_value(repo, fmt):
    _csv(repo, f"2024,{NIK},3\n2025,0812-3456-7890,{NIK}\n2023,budi.santoso@gmail.com,1\n")
    report = validate(Repository.load(repo.root), today=TODAY)
    assert {"nik-terdeteksi", "telepon-terdeteksi", "email-terdeteksi"} <= {
        f.code for f in report.findings
    }
    for lang in ("id", "en"):
        text = RENDERERS[fmt](report, lang)
        assert NIK not in text and "0812-3456-7890" not in text and "budi.santoso" not in text
        assert "1271********0001" in text
