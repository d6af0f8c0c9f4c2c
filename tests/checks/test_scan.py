"""The batch scan only lets checks skip what cannot be found: findings are the same with it and
without it, on every code's fixture and on a batch mixing clean and broken tables."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.checks.test_codes import TRIGGERS
from tests.conftest import DATASET

from satudata.checks import DatasetContext
from satudata.checks.kualitas import column_labels, markup, placeholder_cells, total_labels
from satudata.checks.privasi import candidates
from satudata.checks.runner import validate
from satudata.checks.scan import scan_tables
from satudata.checks.struktur import formula_cells
from satudata.load.repository import Repository

TODAY = dt.date(2026, 11, 23)
HEADER = "tahun,kode_kecamatan,jumlah_puskesmas\n"
CLEAN = "2024,12.71.01,3\n2024,12.71.02,2\n2025,12.71.01,3\n2025,12.71.02,4\n"

# One table per kind of problem the scan could wrongly rule out, all in one batch.
BODIES = {
    "bersih": CLEAN,
    "markup": CLEAN.replace("12.71.02,2", "<b>12.71.02</b>,2"),
    "strip": CLEAN.replace("12.71.02,2", "12.71.02,-"),
    "pengganti": CLEAN.replace("12.71.02,2", "N/A,2"),
    "nik-di-angka": CLEAN.replace("12.71.02,2", "12.71.02,1271014508900001"),
    "nik-di-teks": CLEAN.replace("12.71.02,2", "1271 0145 0890 0001,2"),
    "email": CLEAN.replace("12.71.02,2", "a@b.id,2"),
    "kunci-ganda": CLEAN.replace("2024,12.71.02", "2024,12.71.01"),
    "kunci-kosong": CLEAN.replace("2024,12.71.02", "2024,"),
    "judul-dalam-data": CLEAN + "tahun,kode_kecamatan,jumlah_puskesmas\n",
    "baris-total": CLEAN + "2025,Jumlah,7\n",
    "rumus": CLEAN.replace("12.71.02,2", '"=HYPERLINK(""x"")",2'),
    "lonjakan": CLEAN.replace("2025,12.71.02,4", "2025,12.71.02,4000"),
    "disalin": "2023,12.71.01,1\n2023,12.71.02,5\n" + CLEAN.replace(",4\n", ",2\n"),
    "angka-teks": CLEAN.replace("12.71.02,2", "12.71.02,dua"),
    "negatif": CLEAN.replace("12.71.02,2", "12.71.02,-2"),
    "nomor-urut": "tahun,kode_kecamatan,jumlah_puskesmas\n" + CLEAN,
    "tahun-salah": CLEAN.replace("2024,12.71.02", "224,12.71.02"),
    "kode-salah": CLEAN.replace("12.71.02,2", "12.71,2"),
    "nol-depan": CLEAN.replace("12.71.02,4", "12.71.02,02"),
}


def _report(root, scanned: bool, monkeypatch) -> list[tuple]:
    with monkeypatch.context() as patch:
        if not scanned:
            patch.setattr("satudata.checks.runner.scan_tables", lambda contexts: None)
        report = validate(Repository.load(root), today=TODAY, cell_limit=None)
    return [
        (f.code, f.dataset, f.file, f.line, f.column, f.field, sorted(f.params.items()))
        for f in report.findings
    ]


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_each_code_fixture_reports_the_same_with_and_without_the_scan(repo, code, monkeypatch):
    TRIGGERS[code](repo)
    assert _report(repo.root, True, monkeypatch) == _report(repo.root, False, monkeypatch)


@pytest.fixture
def mixed(repo):
    """The fixture repository plus one dataset per entry of BODIES."""
    for name, body in BODIES.items():
        repo.write(
            f"metadata/dinkes/{name}.yaml",
            DATASET.replace("id: dinkes/puskesmas", f"id: dinkes/{name}"),
        )
        repo.write(f"data/dinkes/{name}.csv", HEADER + body)
    return repo


def test_a_mixed_batch_reports_the_same_with_and_without_the_scan(mixed, monkeypatch):
    scanned = _report(mixed.root, True, monkeypatch)
    assert scanned == _report(mixed.root, False, monkeypatch)
    by_dataset = {(code, dataset) for code, dataset, *_ in scanned}
    for code, dataset in [
        ("markup-dalam-sel", "bersih"),
        ("nik-terdeteksi", "bersih"),
    ]:
        assert (code, f"dinkes/{dataset}") not in by_dataset
    for code, dataset in [
        ("markup-dalam-sel", "markup"),
        ("strip-di-kolom-angka", "strip"),
        ("nik-terdeteksi", "nik-di-angka"),
        ("nik-terdeteksi", "nik-di-teks"),
        ("email-terdeteksi", "email"),
        ("kunci-utama-ganda", "kunci-ganda"),
        ("sel-wajib-kosong", "kunci-kosong"),
        ("judul-kolom-dalam-data", "judul-dalam-data"),
        ("sel-berisi-rumus", "rumus"),
        ("lonjakan-tidak-wajar", "lonjakan"),
        ("tipe-tidak-sesuai", "angka-teks"),
        ("di-bawah-minimum", "negatif"),
        ("kode-referensi-salah-tingkat", "kode-salah"),
    ]:
        assert (code, f"dinkes/{dataset}") in by_dataset, (code, dataset)


def _scanned(root) -> dict[str, DatasetContext]:
    repo = Repository.load(root)
    contexts = [DatasetContext(repo, entry) for entry in repo.datasets.values()]
    scan_tables(contexts)
    return {ctx.entry.id.split("/")[1]: ctx for ctx in contexts}


def test_the_scan_rules_out_patterns_only_where_they_cannot_occur(mixed):
    contexts = _scanned(mixed.root)
    clean = contexts["bersih"].scan
    assert clean is not None
    assert clean.found == set()
    assert set(clean.numbers) == {"tahun", "jumlah_puskesmas"}
    assert list(clean.numbers["jumlah_puskesmas"]) == [3, 2, 3, 4]
    assert clean.known_codes == {"kode_kecamatan"}
    assert clean.longest_number == 4
    expected = {
        "markup": markup,
        "pengganti": placeholder_cells,
        "nik-di-teks": candidates,
        "email": candidates,
        "judul-dalam-data": column_labels,
        "baris-total": total_labels,
        "rumus": formula_cells,
    }
    for name, pattern in expected.items():
        scan = contexts[name].scan
        assert scan is not None and pattern in scan.found, name
    # A number long enough for a NIK keeps the personal-data check on, though no text pattern
    # is found; a column with one bad number is not plain, so its checks run in full.
    assert contexts["nik-di-angka"].scan.longest_number == 16
    assert "jumlah_puskesmas" not in contexts["angka-teks"].scan.numbers
    assert "kode_kecamatan" not in contexts["kode-salah"].scan.known_codes


def test_row_keys_tell_text_apart_not_values(mixed):
    """'02' and '2' are different keys to the checks (they compare text), so to the scan."""
    mixed.replace(
        "metadata/dinkes/nol-depan.yaml",
        "kunci: [tahun, kode_kecamatan]",
        "kunci: [tahun, kode_kecamatan, jumlah_puskesmas]",
    )
    scan = _scanned(mixed.root)["nol-depan"].scan
    assert scan is not None and "jumlah_puskesmas" in scan.numbers
    keys = scan.row_keys(["jumlah_puskesmas"])
    assert len(set(keys.tolist())) == 3  # 3, 2, 3, 02: three texts, two values
    assert len(set(scan.row_keys(["tahun", "kode_kecamatan"]).tolist())) == 4
    assert len(set(scan.row_keys(["tahun"]).tolist())) == 2


def test_repeated_column_names_are_not_scanned(repo):
    repo.write("data/dinkes/puskesmas.csv", "tahun,tahun,jumlah_puskesmas\n2024,2024,3\n")
    assert _scanned(repo.root)["puskesmas"].scan is None
