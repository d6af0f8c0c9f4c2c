"""One failing fixture per finding code, and proof that the clean fixture has no findings."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
import re
import subprocess

import pytest

from satudata.checks import CONTEXT_CODES, DATASET_CHECKS, REPOSITORY_CHECKS
from satudata.checks.runner import validate
from satudata.findings import CHECK_FAMILIES, REGISTRY, Finding
from satudata.load.repository import Repository

DS = "metadata/dinkes/puskesmas.yaml"
CSV = "data/dinkes/puskesmas.csv"
HEADER = "tahun,kode_kecamatan,jumlah_puskesmas\n"


TODAY = dt.date(2026, 11, 23)


def findings(repo, **kwargs):
    return validate(Repository.load(repo.root), today=TODAY, **kwargs).findings


def codes(repo, **kwargs):
    return {f.code for f in findings(repo, **kwargs)}


def test_clean_fixture_has_only_the_undelivered_daftar_entry(repo):
    assert [(f.code, f.params["kode"]) for f in findings(repo)] == [
        ("daftar-data-belum-terpenuhi", "DD-DINKES-002")
    ]


def _csv(repo, body: str) -> None:
    repo.write(CSV, HEADER + body)


TRIGGERS = {
    "yaml-tidak-valid": lambda r: r.write(DS, "id: [dinkes/puskesmas\n"),
    "metadata-tidak-sesuai-skema": lambda r: r.replace(DS, "pilar: sektoral", "pilar: ekonomi"),
    "id-tidak-sesuai-jalur": lambda r: r.replace(DS, "id: dinkes/puskesmas", "id: dinkes/rs"),
    "produsen-tidak-sesuai-jalur": lambda r: r.replace(
        DS, "produsen: dinkes", "produsen: diskominfo"
    ),
    "kolom-metadata-ganda": lambda r: r.replace(DS, "  - nama: kode_kecamatan", "  - nama: tahun"),
    "kunci-tidak-dikenal": lambda r: r.replace(
        DS, "kunci: [tahun, kode_kecamatan]", "kunci: [tahun, kecamatan]"
    ),
    "standar-data-tidak-lengkap": lambda r: r.replace(DS, "    satuan: unit\n", ""),
    "tabel-referensi-tidak-ada": lambda r: r.replace(DS, "tabel: wilayah", "tabel: desa"),
    "berkas-tata-kelola-hilang": lambda r: r.delete("metadata/organisasi.yaml"),
    "lisensi-tidak-dikenal": lambda r: r.replace(
        DS, "frekuensi: tahunan", "frekuensi: tahunan\nlisensi: Hak-Cipta"
    ),
    "berkas-kosong": lambda r: r.write(CSV, b""),
    "tanpa-baris-data": lambda r: r.write(CSV, HEADER),
    "berkas-lfs-belum-diunduh": lambda r: r.write(
        CSV, "version https://git-lfs.github.com/spec/v1\noid sha256:" + "0" * 64 + "\nsize 123\n"
    ),
    "berkas-biner": lambda r: r.write(CSV, b"PK\x03\x04\x00\x00binary"),
    "bom-utf8": lambda r: r.write(CSV, b"\xef\xbb\xbf" + (HEADER + "2024,12.71.01,3\n").encode()),
    "encoding-bukan-utf8": lambda r: r.write(
        CSV, (HEADER + "2024,12.71.01,3\n2025,Pas\xe9,1\n").encode("cp1252")
    ),
    "pemisah-bukan-koma": lambda r: r.write(
        CSV, "tahun;kode_kecamatan;jumlah_puskesmas\n2024;12.71.01;3\n"
    ),
    "csv-rusak": lambda r: r.write(CSV, HEADER + '2024,"12.71.01,3\n'),
    "judul-kolom-kosong": lambda r: r.write(
        CSV, "tahun,kode_kecamatan,jumlah_puskesmas,\n2024,12.71.01,3,\n"
    ),
    "judul-kolom-ganda": lambda r: r.write(
        CSV, "tahun,kode_kecamatan,jumlah_puskesmas,tahun\n2024,12.71.01,3,2024\n"
    ),
    "kolom-tidak-didokumentasikan": lambda r: r.write(
        CSV, "tahun,kode_kecamatan,jumlah_puskesmas,catatan\n2024,12.71.01,3,x\n"
    ),
    "kolom-tidak-ada-di-data": lambda r: r.write(CSV, "tahun,kode_kecamatan\n2024,12.71.01\n"),
    "urutan-kolom-berbeda": lambda r: r.write(
        CSV, "kode_kecamatan,tahun,jumlah_puskesmas\n12.71.01,2024,3\n"
    ),
    "jumlah-sel-tidak-sesuai": lambda r: _csv(r, "2024,12.71.01\n2025,12.71.01,3\n"),
    "baris-kosong": lambda r: _csv(r, "2024,12.71.01,3\n,,\n2025,12.71.01,3\n"),
    "tipe-tidak-sesuai": lambda r: _csv(r, "2024,12.71.01,tiga\n"),
    "desimal-koma": lambda r: _csv(r, "2024,12.71.01,1.250\n"),
    "sel-wajib-kosong": lambda r: _csv(r, ",12.71.01,3\n"),
    "nilai-tidak-unik": lambda r: (
        r.replace(DS, "    satuan: unit\n", "    satuan: unit\n    unik: true\n"),
        _csv(r, "2024,12.71.01,3\n2024,12.71.02,3\n"),
    ),
    "di-bawah-minimum": lambda r: _csv(r, "2024,12.71.01,-1\n"),
    "di-atas-maksimum": lambda r: (
        r.replace(DS, "    min: 0\n", "    min: 0\n    maks: 50\n"),
        _csv(r, "2024,12.71.01,51\n"),
    ),
    "pola-tidak-cocok": lambda r: (
        r.replace(
            DS,
            "    wajib: true\n    referensi",
            "    wajib: true\n    pola: '12\\.71\\.\\d{2}'\n    referensi",
        ),
        _csv(r, "2024,12.71.1,3\n"),
    ),
    "nilai-tidak-diizinkan": lambda r: (
        r.replace(DS, "    peran: periode\n", "    peran: periode\n    nilai: [2024, 2025]\n"),
        _csv(r, "2023,12.71.01,3\n"),
    ),
    "kunci-utama-ganda": lambda r: _csv(r, "2024,12.71.01,3\n2024,12.71.01,4\n"),
    "sel-berisi-rumus": lambda r: _csv(r, "2024,\"=cmd|' /C calc'!A0\",3\n"),
    "sel-bermasalah-lain": lambda r: _csv(r, "".join(f"2024,12.71.01,x{i}\n" for i in range(25))),
    "kode-referensi-tidak-dikenal": lambda r: _csv(r, "2024,12.71.99,3\n"),
    "kode-referensi-salah-tingkat": lambda r: _csv(r, "2024,12.71.01.1001,3\n"),
    "data-tanpa-metadata": lambda r: r.write("data/dinkes/rumah-sakit.csv", "a\n1\n"),
    "metadata-tanpa-data": lambda r: r.delete(CSV),
    "id-ganda": lambda r: (
        r.write("metadata/dinkes/puskesmas-2.yaml", r.read(DS)),
        r.write("data/dinkes/puskesmas-2.csv", r.read(CSV)),
    ),
    "opd-tidak-dikenal": lambda r: (
        r.write("metadata/dishub/puskesmas.yaml", r.read(DS).replace("dinkes", "dishub")),
        r.write("data/dishub/puskesmas.csv", r.read(CSV)),
    ),
    "berkas-tidak-dikenal": lambda r: r.write("data/dinkes/lama/puskesmas.csv", HEADER),
    "ekstensi-tidak-diterima": lambda r: r.write("data/dinkes/puskesmas-lama.xlsx", b"x"),
    "nama-berkas-tidak-sah": lambda r: r.write("data/dinkes/Puskesmas Lama.csv", HEADER),
    "metadata-ganda": lambda r: r.write("metadata/dinkes/puskesmas.yml", r.read(DS)),
    "daftar-data-tidak-dikenal": lambda r: r.replace(DS, "DD-DINKES-001", "DD-DINKES-009"),
    "daftar-data-produsen-berbeda": lambda r: r.replace(
        "metadata/daftar-data.yaml", "    produsen: dinkes\n", "    produsen: diskominfo\n"
    ),
    "daftar-data-ganda": lambda r: (
        r.write(
            "metadata/dinkes/puskesmas-2.yaml",
            r.read(DS).replace("id: dinkes/puskesmas", "id: dinkes/puskesmas-2"),
        ),
        r.write("data/dinkes/puskesmas-2.csv", r.read(CSV)),
    ),
    "daftar-data-kode-ganda": lambda r: r.replace(
        "metadata/daftar-data.yaml", "DD-DINKES-002", "DD-DINKES-001"
    ),
    "daftar-data-opd-tidak-dikenal": lambda r: r.replace(
        "metadata/daftar-data.yaml",
        "    produsen: dinkes\n    pilar: sektoral\n    frekuensi: bulanan",
        "    produsen: dishub\n    pilar: sektoral\n    frekuensi: bulanan",
    ),
    "daftar-data-belum-terpenuhi": lambda r: None,
    "walidata-tidak-dikenal": lambda r: r.replace(
        "metadata/portal.yaml", "opd: diskominfo", "opd: kominfo"
    ),
    "portal-belum-lengkap": lambda r: r.replace(
        "metadata/portal.yaml",
        "url_situs: https://data.contoh.go.id",
        "url_situs: https://satudata.contoh.invalid",
    ),
    "codeowners-tidak-sinkron": lambda r: r.replace(
        "metadata/organisasi.yaml", 'tim: "@contoh/dinkes"', 'tim: "@contoh/kes"'
    ),
    "penarikan-dataset-tidak-dikenal": lambda r: _withdraw(r, "dinkes/rs", "abcdef1"),
    "penarikan-versi-tidak-dikenal": lambda r: _withdraw(r, "dinkes/puskesmas", "0000000", True),
    "penarikan-tidak-dapat-diperiksa": lambda r: _withdraw(r, "dinkes/puskesmas", "abcdef1"),
    "kolom-rujukan-tidak-dikenal": lambda r: r.replace(
        DS, "    min: 0\n", "    min: 0\n    jumlah_dari: [a, b]\n"
    ),
    # kualitas
    "periode-disalin": lambda r: (
        _min_rows(r, 2),
        _csv(r, _years({2023: [5, 7], 2024: [6, 8], 2025: [6, 8]})),
    ),
    "lonjakan-tidak-wajar": lambda r: _csv(r, _years({2024: [150, 8], 2025: [1500, 9]})),
    "total-tidak-cocok": lambda r: _with_total_rows(r, total=9),
    "jumlah-kolom-tidak-cocok": lambda r: _with_sum_column(r, "2025,12.71.01,3,1,1\n"),
    "nilai-pengganti": lambda r: _csv(r, "2024,12.71.01,-\n2025,12.71.01,#DIV/0!\n"),
    "nilai-negatif": lambda r: (r.replace(DS, "    min: 0\n", ""), _csv(r, "2024,12.71.01,-3\n")),
    "strip-di-kolom-angka": lambda r: _csv(r, "2024,12.71.01,-\n"),
    "ribuan-terbaca-desimal": lambda r: (
        r.replace(DS, "tipe: bilangan-bulat", "tipe: bilangan"),
        _csv(
            r,
            "2024,12.71.01,167.228\n2024,12.71.02,52.419\n2025,12.71.01,50.36\n"
            "2025,12.71.02,1.474\n",
        ),
    ),
    "markup-dalam-sel": lambda r: _csv(r, "2024,<td>12.71.01</td>,3\n"),
    "judul-kolom-dalam-data": lambda r: _csv(r, "tahun,kode_kecamatan,jumlah_puskesmas\n"),
    "judul-kolom-berupa-data": lambda r: r.write(CSV, "2024,12.71.01,3\n2025,12.71.02,4\n"),
    "baris-total-dalam-data": lambda r: _with_total_rows(r, total=7),
    "kolom-nomor-urut": lambda r: r.write(
        CSV, "no," + HEADER + "1,2024,12.71.01,3\n2,2024,12.71.02,2\n3,2025,12.71.01,3\n"
    ),
    "metadata-belum-diisi": lambda r: r.replace(
        DS, "sumber: Profil Kesehatan", "sumber: Dokumen sumber"
    ),
    # privasi
    "nik-terdeteksi": lambda r: _csv(r, "2024,12.71.01,3\n2025,1271015509900001,1\n"),
    "telepon-terdeteksi": lambda r: _csv(r, "2024,0812-3456-7890,3\n"),
    "email-terdeteksi": lambda r: _csv(r, "2024,budi.santoso@gmail.com,3\n"),
    "kolom-data-pribadi": lambda r: r.replace(
        DS, "nama: kode_kecamatan\n", "nama: kode_kecamatan\n    data_pribadi: true\n"
    ),
    # kebaruan
    "data-terlambat": lambda r: _csv(r, "2022,12.71.01,3\n2023,12.71.01,3\n"),
    "segera-jatuh-tempo": lambda r: (
        r.replace(DS, "frekuensi: tahunan", "frekuensi: bulanan"),
        r.replace(DS, "tipe: tahun\n", "tipe: tahun-bulan\n"),
        _csv(r, "2026-07,12.71.01,3\n"),
    ),
}

KECAMATAN = ["12.71.01", "12.71.02"]


def _withdraw(r, dataset: str, versi: str, in_git: bool = False) -> None:
    r.write(
        "metadata/penarikan.yaml",
        f'penarikan:\n  - dataset: {dataset}\n    versi: "{versi}"\n    alasan: Contoh.\n',
    )
    if in_git:
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "awal"]):
            subprocess.run(
                ["git", "-C", str(r.root), "-c", "user.name=a", "-c", "user.email=a@b", *args],
                check=True,
                capture_output=True,
            )


def _min_rows(r, rows: int) -> None:
    r.write(
        "metadata/portal.yaml",
        r.read("metadata/portal.yaml") + f"pemeriksaan: {{minimum_baris_salinan: {rows}}}\n",
    )


def _years(values: dict[int, list[int]]) -> str:
    """Rows per year; the fixture has two kecamatan, so extra values go to more rows."""
    rows = []
    for year, numbers in values.items():
        for index, number in enumerate(numbers):
            rows.append(f"{year},{KECAMATAN[index % 2]},{number}")
    return "\n".join(rows) + "\n"


def _with_total_rows(r, total: int) -> None:
    r.replace(DS, "    referensi: {tabel: wilayah, tingkat: kecamatan}\n", "")
    _csv(r, f"2025,12.71.01,3\n2025,12.71.02,4\n2025,Jumlah,{total}\n")


def _with_sum_column(r, rows: str) -> None:
    r.replace(
        DS,
        "  - nama: jumlah_puskesmas\n",
        "  - nama: jumlah_puskesmas\n    jumlah_dari: [rawat_inap, non_rawat_inap]\n",
    )
    r.write(
        DS,
        r.read(DS)
        + "".join(
            f"  - nama: {n}\n    judul: {n}\n    tipe: bilangan-bulat\n    peran: atribut\n"
            for n in ("rawat_inap", "non_rawat_inap")
        ),
    )
    r.write(CSV, "tahun,kode_kecamatan,jumlah_puskesmas,rawat_inap,non_rawat_inap\n" + rows)


# Indonesian words that never belong in an English message (a sign of an untranslated param).
_INDONESIAN = re.compile(
    r"\b(tidak|harus|yang|dengan|sudah|belum|masih|gunakan|bukan|dari|untuk|atau|dan|"
    r"berkas|diubah|ditandai|bernama|huruf|tanda|tepat)\b"
)


_IDENTIFIER = re.compile(r"`[^`]*`|'[^']*'|\b[a-z0-9]+(-[a-z0-9]+)+\b")


def _declared(check_name: str) -> set[str]:
    """The codes a registered check ('struktur.cells') may emit: its family's and the common."""
    family = importlib.import_module(f"satudata.checks.{check_name.split('.')[0]}")
    return set(family.CODES) | set(CONTEXT_CODES)


def _watch_checks(monkeypatch) -> list[tuple[str, Finding]]:
    """Wrap every registered check so each finding is recorded with the check that emitted it."""
    emitted: list[tuple[str, Finding]] = []

    def watched(name, check):
        def run(subject):
            for finding in check(subject):
                emitted.append((name, finding))
                yield finding

        return run

    for attribute, registered in (
        ("DATASET_CHECKS", DATASET_CHECKS),
        ("REPOSITORY_CHECKS", REPOSITORY_CHECKS),
    ):
        wrapped = [(name, watched(name, check)) for name, check in registered]
        monkeypatch.setattr(f"satudata.checks.runner.{attribute}", wrapped)
    return emitted


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_each_code_is_triggered_by_its_fixture(repo, code, monkeypatch):
    emitted = _watch_checks(monkeypatch)
    TRIGGERS[code](repo)
    found = findings(repo)
    assert code in {f.code for f in found}
    for check_name, finding in emitted:
        assert finding.code in _declared(check_name), (check_name, finding.code)
    for finding in found:
        assert not finding.spec.missing(finding.params), (finding.code, finding.params)
        english = finding.message("en") + " " + finding.saran("en")
        words = _IDENTIFIER.sub("", english)  # codes and vocabulary values are data, not prose
        assert not _INDONESIAN.search(words), (finding.code, english)


def test_every_registered_code_has_a_trigger():
    # Codes of the steps after validation (penerbitan, selisih) are tested with those steps.
    validation = {c for c, spec in REGISTRY.items() if spec.family in CHECK_FAMILIES}
    untested = validation - set(TRIGGERS) - {"kesalahan-internal"}
    assert not untested, f"codes without a failing fixture: {sorted(untested)}"


def test_each_check_module_declares_the_codes_it_names():
    """Static side of the declarations: every registered code a check module's source names is
    in its CODES, and every validation code is declared by some check module."""
    declared: set[str] = set(CONTEXT_CODES)
    for family in CHECK_FAMILIES:
        module = importlib.import_module(f"satudata.checks.{family}")
        named = {
            node.value
            for node in ast.walk(ast.parse(inspect.getsource(module)))
            if isinstance(node, ast.Constant) and node.value in REGISTRY
        }
        assert named <= set(module.CODES) | set(CONTEXT_CODES), (family, named - set(module.CODES))
        assert set(module.CODES) <= set(REGISTRY), family
        declared |= set(module.CODES)
    validation = {c for c, spec in REGISTRY.items() if spec.family in CHECK_FAMILIES}
    assert declared == validation


def test_a_crashing_check_becomes_an_internal_error_finding(repo, monkeypatch):
    from satudata import checks

    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(checks, "DATASET_CHECKS", [*checks.DATASET_CHECKS, ("x.broken", broken)])
    monkeypatch.setattr("satudata.checks.runner.DATASET_CHECKS", checks.DATASET_CHECKS)
    internal = [f for f in findings(repo) if f.code == "kesalahan-internal"]
    assert internal and "boom" in internal[0].message()
