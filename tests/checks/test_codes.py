"""One failing fixture per finding code, and proof that the clean fixture has no findings."""

from __future__ import annotations

import pytest

from satudata.findings import REGISTRY
from satudata.repository import Repository
from satudata.validation import validate

DS = "metadata/dinkes/puskesmas.yaml"
CSV = "data/dinkes/puskesmas.csv"
HEADER = "tahun,kode_kecamatan,jumlah_puskesmas\n"


def findings(repo, **kwargs):
    return validate(Repository.load(repo.root), **kwargs).findings


def codes(repo, **kwargs):
    return {f.code for f in findings(repo, **kwargs)}


def test_clean_fixture_has_only_the_undelivered_daftar_entry(repo):
    assert [(f.code, f.params["kode"]) for f in findings(repo)] == [
        ("daftar-data-belum-terpenuhi", "DD-DINKES-002")]


def _csv(repo, body: str) -> None:
    repo.write(CSV, HEADER + body)


TRIGGERS = {
    "yaml-tidak-valid": lambda r: r.write(DS, "id: [dinkes/puskesmas\n"),
    "metadata-tidak-sesuai-skema": lambda r: r.replace(DS, "pilar: sektoral", "pilar: ekonomi"),
    "id-tidak-sesuai-jalur": lambda r: r.replace(DS, "id: dinkes/puskesmas", "id: dinkes/rs"),
    "produsen-tidak-sesuai-jalur": lambda r: r.replace(DS, "produsen: dinkes",
                                                       "produsen: diskominfo"),
    "kolom-metadata-ganda": lambda r: r.replace(DS, "  - nama: kode_kecamatan",
                                                "  - nama: tahun"),
    "kunci-tidak-dikenal": lambda r: r.replace(DS, "kunci: [tahun, kode_kecamatan]",
                                               "kunci: [tahun, kecamatan]"),
    "standar-data-tidak-lengkap": lambda r: r.replace(DS, "    satuan: unit\n", ""),
    "tabel-referensi-tidak-ada": lambda r: r.replace(DS, "tabel: wilayah", "tabel: desa"),
    "berkas-tata-kelola-hilang": lambda r: r.delete("metadata/organisasi.yaml"),
    "lisensi-tidak-dikenal": lambda r: r.replace(DS, "frekuensi: tahunan",
                                                 "frekuensi: tahunan\nlisensi: Hak-Cipta"),
    "berkas-kosong": lambda r: r.write(CSV, b""),
    "tanpa-baris-data": lambda r: r.write(CSV, HEADER),
    "berkas-biner": lambda r: r.write(CSV, b"PK\x03\x04\x00\x00binary"),
    "bom-utf8": lambda r: r.write(CSV, b"\xef\xbb\xbf" + (HEADER + "2024,12.71.01,3\n").encode()),
    "encoding-bukan-utf8": lambda r: r.write(CSV, (HEADER + "2024,12.71.01,3\n2025,Pas\xe9,1\n")
                                             .encode("cp1252")),
    "pemisah-bukan-koma": lambda r: r.write(CSV, "tahun;kode_kecamatan;jumlah_puskesmas\n"
                                                 "2024;12.71.01;3\n"),
    "csv-rusak": lambda r: r.write(CSV, HEADER + '2024,"12.71.01,3\n'),
    "judul-kolom-kosong": lambda r: r.write(CSV, "tahun,kode_kecamatan,jumlah_puskesmas,\n"
                                                 "2024,12.71.01,3,\n"),
    "judul-kolom-ganda": lambda r: r.write(CSV, "tahun,kode_kecamatan,jumlah_puskesmas,tahun\n"
                                                "2024,12.71.01,3,2024\n"),
    "kolom-tidak-didokumentasikan": lambda r: r.write(
        CSV, "tahun,kode_kecamatan,jumlah_puskesmas,catatan\n2024,12.71.01,3,x\n"),
    "kolom-tidak-ada-di-data": lambda r: r.write(CSV, "tahun,kode_kecamatan\n2024,12.71.01\n"),
    "urutan-kolom-berbeda": lambda r: r.write(
        CSV, "kode_kecamatan,tahun,jumlah_puskesmas\n12.71.01,2024,3\n"),
    "jumlah-sel-tidak-sesuai": lambda r: _csv(r, "2024,12.71.01\n2025,12.71.01,3\n"),
    "baris-kosong": lambda r: _csv(r, "2024,12.71.01,3\n,,\n2025,12.71.01,3\n"),
    "tipe-tidak-sesuai": lambda r: _csv(r, "2024,12.71.01,tiga\n"),
    "desimal-koma": lambda r: _csv(r, "2024,12.71.01,1.250\n"),
    "sel-wajib-kosong": lambda r: _csv(r, ",12.71.01,3\n"),
    "nilai-tidak-unik": lambda r: (r.replace(DS, "    satuan: unit\n",
                                             "    satuan: unit\n    unik: true\n"),
                                   _csv(r, "2024,12.71.01,3\n2024,12.71.02,3\n")),
    "di-bawah-minimum": lambda r: _csv(r, "2024,12.71.01,-1\n"),
    "di-atas-maksimum": lambda r: (r.replace(DS, "    min: 0\n", "    min: 0\n    maks: 50\n"),
                                   _csv(r, "2024,12.71.01,51\n")),
    "pola-tidak-cocok": lambda r: (r.replace(DS, "    wajib: true\n    referensi",
                                             "    wajib: true\n    pola: '12\\.71\\.\\d{2}'\n"
                                             "    referensi"),
                                   _csv(r, "2024,12.71.1,3\n")),
    "nilai-tidak-diizinkan": lambda r: (r.replace(DS, "    peran: periode\n",
                                                  "    peran: periode\n    nilai: [2024, 2025]\n"),
                                        _csv(r, "2023,12.71.01,3\n")),
    "kunci-utama-ganda": lambda r: _csv(r, "2024,12.71.01,3\n2024,12.71.01,4\n"),
    "sel-bermasalah-lain": lambda r: _csv(r, "".join(f"2024,12.71.01,x{i}\n" for i in range(25))),
    "kode-referensi-tidak-dikenal": lambda r: _csv(r, "2024,12.71.99,3\n"),
    "kode-referensi-salah-tingkat": lambda r: _csv(r, "2024,12.71.01.1001,3\n"),
    "data-tanpa-metadata": lambda r: r.write("data/dinkes/rumah-sakit.csv", "a\n1\n"),
    "metadata-tanpa-data": lambda r: r.delete(CSV),
    "id-ganda": lambda r: (r.write("metadata/dinkes/puskesmas-2.yaml", r.read(DS)),
                           r.write("data/dinkes/puskesmas-2.csv", r.read(CSV))),
    "opd-tidak-dikenal": lambda r: (r.write("metadata/dishub/puskesmas.yaml",
                                            r.read(DS).replace("dinkes", "dishub")),
                                    r.write("data/dishub/puskesmas.csv", r.read(CSV))),
    "berkas-tidak-dikenal": lambda r: r.write("data/dinkes/Puskesmas Lama.xlsx", b"x"),
    "daftar-data-tidak-dikenal": lambda r: r.replace(DS, "DD-DINKES-001", "DD-DINKES-009"),
    "daftar-data-produsen-berbeda": lambda r: r.replace(
        "metadata/daftar-data.yaml", "    produsen: dinkes\n", "    produsen: diskominfo\n"),
    "daftar-data-ganda": lambda r: (r.write("metadata/dinkes/puskesmas-2.yaml",
                                            r.read(DS).replace("id: dinkes/puskesmas",
                                                               "id: dinkes/puskesmas-2")),
                                    r.write("data/dinkes/puskesmas-2.csv", r.read(CSV))),
    "daftar-data-kode-ganda": lambda r: r.replace("metadata/daftar-data.yaml", "DD-DINKES-002",
                                                  "DD-DINKES-001"),
    "daftar-data-opd-tidak-dikenal": lambda r: r.replace(
        "metadata/daftar-data.yaml", "    produsen: dinkes\n    pilar: sektoral\n"
        "    frekuensi: bulanan", "    produsen: dishub\n    pilar: sektoral\n"
        "    frekuensi: bulanan"),
    "daftar-data-belum-terpenuhi": lambda r: None,
    "walidata-tidak-dikenal": lambda r: r.replace("metadata/portal.yaml", "opd: diskominfo",
                                                  "opd: kominfo"),
}


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_each_code_is_triggered_by_its_fixture(repo, code):
    TRIGGERS[code](repo)
    assert code in codes(repo)


def test_every_registered_code_has_a_trigger():
    untested = set(REGISTRY) - set(TRIGGERS) - {"kesalahan-internal"}
    assert not untested, f"codes without a failing fixture: {sorted(untested)}"


def test_a_crashing_check_becomes_an_internal_error_finding(repo, monkeypatch):
    from satudata import checks

    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(checks, "DATASET_CHECKS", checks.DATASET_CHECKS + [("x.broken", broken)])
    monkeypatch.setattr("satudata.validation.DATASET_CHECKS", checks.DATASET_CHECKS)
    internal = [f for f in findings(repo) if f.code == "kesalahan-internal"]
    assert internal and "boom" in internal[0].message()
