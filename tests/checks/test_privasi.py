"""privasi: negatives for every rule, masking everywhere, one publication rule."""

from __future__ import annotations

import pytest

from satudata.checks.runner import validate
from satudata.load.repository import Repository
from satudata.report import RENDERERS

from .test_codes import DS, TODAY, _csv, codes, findings

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


def _text_column(repo, cells: list[str], declared: str = "") -> None:
    """Add a text column `keterangan` (declared with extra YAML `declared`) holding `cells`."""
    repo.replace(
        DS,
        "  - nama: jumlah_puskesmas\n",
        "  - nama: keterangan\n    judul: Keterangan\n    tipe: teks\n    peran: atribut\n"
        f"{declared}  - nama: jumlah_puskesmas\n",
    )
    rows = "".join(
        f'2024,12.71.0{1 + i % 2},"{cell}",{i}\n' if i < 2 else f'{2000 + i},12.71.01,"{cell}",1\n'
        for i, cell in enumerate(cells)
    )
    repo.write(
        "data/dinkes/puskesmas.csv", f"tahun,kode_kecamatan,keterangan,jumlah_puskesmas\n{rows}"
    )


WRITTEN = {
    "1271 0541 0790 0003": "nik-terdeteksi",
    "1271-0541-0790-0003": "nik-terdeteksi",
    "12.71.05.410790.0003": "nik-terdeteksi",
    "NIK: 1271054107900003": "nik-terdeteksi",
    "061-4512345": "telepon-terdeteksi",
    "(061) 4512345": "telepon-terdeteksi",
    "+62 61 4512345": "telepon-terdeteksi",
    "021 1234 5678": "telepon-terdeteksi",
}


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_separated_and_embedded_forms_are_found_and_masked_in_every_report(repo, fmt):
    _text_column(repo, list(WRITTEN))
    report = validate(Repository.load(repo.root), today=TODAY)
    found = [(f.line, f.code) for f in report.findings if f.family == "privasi"]
    assert sorted(found) == sorted((line, code) for line, code in enumerate(WRITTEN.values(), 2))
    for lang in ("id", "en"):
        text = RENDERERS[fmt](report, lang)
        for written in WRITTEN:
            assert written.split(": ")[-1] not in text
        for digits in ("4107900003", "0541", "4512345", "1234 5678", "410790"):
            assert digits not in text
        assert "1271********0003" in text and "0614***345" in text


def test_a_column_declared_not_personal_still_gets_nik_detection(repo):
    _text_column(
        repo, ["Puskesmas Kota Matsum", "1271 0541 0790 0003"], "    data_pribadi: false\n"
    )
    found = findings(repo)
    assert [(f.code, f.line, f.column) for f in found if f.family == "privasi"] == [
        ("nik-terdeteksi", 3, "keterangan")
    ]


def test_codes_amounts_dates_and_postal_codes_are_not_personal_data(repo):
    _text_column(
        repo,
        [
            "12.71.05.1001",
            "Rp 1.234.567",
            "1.271.054.107.900.003",
            "2024-01-15",
            "15-01-2024 s.d. 20-02-2024",
            "Kode pos 20112",
            "2546452000000000",
            "3.14159265358979",
            "Buka 08.00-16.00",
            "0614512345",
        ],
    )
    assert not {f.code for f in findings(repo)} & {"nik-terdeteksi", "telepon-terdeteksi"}
