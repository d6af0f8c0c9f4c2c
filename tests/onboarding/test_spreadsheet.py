"""Onboarding OPD data teams: `impor`, from a messy spreadsheet to a valid dataset."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import Workbook

from satudata.checks.runner import validate
from satudata.cli import main
from satudata.load.repository import Repository

TODAY = dt.date(2026, 11, 23)


def _messy_xlsx(path, names=("Kec. Medan Kota", "MEDAN SUNGGAL")):
    book = Workbook()
    sheet = book.active
    sheet.title = "Tabel 3.1"
    sheet.append(["Jumlah Posyandu Menurut Kecamatan di Kota Contoh"])
    sheet.append(["Tahun 2024-2025"])
    sheet.append([])
    sheet.append(["Kecamatan", 2024, 2025])
    sheet.append([names[0], 12, 13])
    sheet.append([names[1], 20.0, 22])
    sheet.append([])
    sheet.append(["Sumber: Dinas Kesehatan Kota Contoh"])
    sheet.append(["Catatan: angka sementara"])
    book.save(path)


def _rows(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_xlsx_with_title_rows_footnotes_and_years_as_columns(repo, tmp_path, capsys):
    _messy_xlsx(tmp_path / "tabel.xlsx")
    assert (
        main(
            [
                "impor",
                str(tmp_path / "tabel.xlsx"),
                "--ke",
                "dinkes/posyandu",
                "--repo",
                str(repo.root),
            ]
        )
        == 0
    )
    rows = _rows(repo.root / "data/dinkes/posyandu.csv")
    assert rows == [
        ["tahun", "kode_kecamatan", "jumlah"],
        ["2024", "12.71.01", "12"],
        ["2024", "12.71.02", "20"],
        ["2025", "12.71.01", "13"],
        ["2025", "12.71.02", "22"],
    ]
    meta = Repository.load(repo.root).datasets["dinkes/posyandu"].meta
    assert meta.judul == "Jumlah Posyandu Menurut Kecamatan di Kota Contoh"
    assert meta.sumber == "Dinas Kesehatan Kota Contoh"
    assert meta.column("kode_kecamatan").referensi.tingkat == "kecamatan"
    assert meta.kunci == ["tahun", "kode_kecamatan"]
    out = capsys.readouterr().out
    assert "diubah ke format panjang" in out and "Langkah berikutnya" in out


@pytest.mark.parametrize("encoding,bom", [("utf-8", False), ("utf-8", True), ("cp1252", False)])
def test_indonesian_locale_csv_in_each_encoding(repo, tmp_path, encoding, bom):
    text = (
        "Kecamatan;Tahun;Rasio;Penduduk\nMedan Kota;2025;12,5;1.250.300\n"
        "Medan Sunggal;2025;7,25;98.000\n"
    )
    if encoding == "cp1252":
        text = text.replace("Rasio", "Rasio (‰)")
    data = text.encode(encoding)
    (tmp_path / "t.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    assert (
        main(["impor", str(tmp_path / "t.csv"), "--ke", "dinkes/rasio", "--repo", str(repo.root)])
        == 0
    )
    rows = _rows(repo.root / "data/dinkes/rasio.csv")
    assert rows[1] == ["12.71.01", "2025", "12.5", "1250300"]
    raw = (repo.root / "data/dinkes/rasio.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b";" not in raw
    raw.decode("utf-8")


def test_unmapped_names_are_listed_and_nothing_is_written(repo, tmp_path, capsys):
    _messy_xlsx(tmp_path / "t.xlsx", names=("Medan Kotta", "Sunggal Baru"))
    assert (
        main(
            ["impor", str(tmp_path / "t.xlsx"), "--ke", "dinkes/posyandu", "--repo", str(repo.root)]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "'Medan Kotta'" in err and "'Sunggal Baru'" in err and "alias-wilayah.csv" in err
    assert not (repo.root / "data/dinkes/posyandu.csv").exists()
    repo.write(
        "metadata/referensi/alias-wilayah.csv",
        "alias,kode\nMedan Kotta,12.71.01\nSunggal Baru,12.71.02\n",
    )
    assert (
        main(
            ["impor", str(tmp_path / "t.xlsx"), "--ke", "dinkes/posyandu", "--repo", str(repo.root)]
        )
        == 0
    )


def test_impor_refuses_to_overwrite_without_timpa(repo, tmp_path, capsys):
    _messy_xlsx(tmp_path / "t.xlsx")
    before = (repo.root / "data/dinkes/puskesmas.csv").read_bytes()
    assert (
        main(
            [
                "impor",
                str(tmp_path / "t.xlsx"),
                "--ke",
                "dinkes/puskesmas",
                "--repo",
                str(repo.root),
            ]
        )
        == 1
    )
    assert (repo.root / "data/dinkes/puskesmas.csv").read_bytes() == before
    assert "--timpa" in capsys.readouterr().err


def test_messy_spreadsheet_to_a_clean_dataset(repo, tmp_path):
    """impor → fill in what only a person knows (the Standar Data of the measure) → validate."""
    _messy_xlsx(tmp_path / "tabel.xlsx")
    assert (
        main(
            [
                "impor",
                str(tmp_path / "tabel.xlsx"),
                "--ke",
                "dinkes/posyandu",
                "--repo",
                str(repo.root),
            ]
        )
        == 0
    )
    path = "metadata/dinkes/posyandu.yaml"
    repo.replace(path, "    konsep:\n", "    konsep: Posyandu\n")
    repo.replace(path, "    definisi:\n", "    definisi: Pos pelayanan terpadu yang aktif.\n")
    repo.replace(path, "    klasifikasi:\n", "    klasifikasi: Menurut kecamatan\n")
    repo.replace(path, "    satuan:\n", "    satuan: unit\n")
    report = validate(Repository.load(repo.root), only=["dinkes/posyandu"], today=TODAY)
    problems = [f for f in report.findings if f.dataset == "dinkes/posyandu"]
    assert problems == [], [f"{f.code}: {f.message()}" for f in problems]


def test_month_names_as_columns_need_a_year(repo, tmp_path, capsys):
    (tmp_path / "bulanan.csv").write_text(
        "Kecamatan;Januari;Februari;Maret\nMedan Kota;10;12;9\nMedan Sunggal;4;5;6\n"
    )
    args = [
        "impor",
        str(tmp_path / "bulanan.csv"),
        "--ke",
        "dinkes/kasus",
        "--repo",
        str(repo.root),
    ]
    assert main(args) == 1 and "--tahun" in capsys.readouterr().err
    assert main([*args, "--tahun", "2026"]) == 0
    rows = _rows(repo.root / "data/dinkes/kasus.csv")
    assert rows[0] == ["bulan", "kode_kecamatan", "jumlah"] and rows[1] == [
        "2026-01",
        "12.71.01",
        "10",
    ]
    meta = Repository.load(repo.root).datasets["dinkes/kasus"].meta
    assert meta.column("bulan").tipe.value == "tahun-bulan"
