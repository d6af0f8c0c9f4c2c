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


def _import_messy_xlsx(repo, tmp_path) -> None:
    """The messy workbook imported into dinkes/posyandu, which must succeed."""
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


def test_xlsx_with_title_rows_footnotes_and_years_as_columns(repo, tmp_path, capsys):
    _import_messy_xlsx(repo, tmp_path)
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
    _import_messy_xlsx(repo, tmp_path)
    path = "metadata/dinkes/posyandu.yaml"
    repo.replace(
        path,
        "deskripsi: Isi dataset untuk publik.",
        "deskripsi: Jumlah posyandu aktif menurut kecamatan.",
    )
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


# --- layout classes of real files, end to end --------------------------------------------
from onboarding.tables import (  # noqa: E402
    biff_xls,
    bps_two_level_xlsx,
    home_made_band_xlsx,
    html_xls,
    portal_workbook,
)
from satudata.onboarding.importer import Options, import_table  # noqa: E402
from satudata.onboarding.refusal import Refusal  # noqa: E402

MEDAN = Options(scope="12.71", scope_name="Kota Medan")


def _impor(repo, path, *flags):
    return main(["impor", str(path), "--ke", "dinkes/impor", "--repo", str(repo.root), *flags])


def test_bps_two_level_header_becomes_two_dimensions_and_the_total_is_checked(tmp_path):
    result = import_table(bps_two_level_xlsx(tmp_path / "t.xlsx"), MEDAN)
    assert result.header == ["tahun", "kategori", "kode_kecamatan", "jumlah"]
    rows = {(r[0].text, r[1].text, r[2].text): r[3].text for r in result.rows}
    assert len(rows) == 8  # all 8 values of 2 kecamatan × 2 jenjang × 2 years
    assert rows[("2018", "SMP", "12.71.02")] == "8"
    assert rows[("2017", "SD", "12.71.01")] == "12"
    ledger = result.ledger
    assert [d.reason for d in ledger.dropped.values()].count("baris total") == 5
    assert any("cocok" in line and "TIDAK" not in line for line in ledger.totals)
    reasons = {d.source: d.reason for d in ledger.dropped.values()}
    assert reasons["Sumber: Dinas Pendidikan Kota Contoh"] == "catatan kaki"
    assert reasons["*) angka sementara"] == "catatan kaki"
    assert reasons["NIP. 19700101 199001 1 001"] == "tanda tangan"
    assert reasons["(3)"] == "nomor kolom"
    assert result.source_note == "Dinas Pendidikan Kota Contoh"
    assert result.title.startswith("Jumlah Sekolah")


def test_a_total_that_does_not_add_up_is_reported(tmp_path):
    path = bps_two_level_xlsx(tmp_path / "t.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active["B8"] = 33
    book.save(path)
    result = import_table(path, MEDAN)
    assert any("TIDAK COCOK" in line for line in result.ledger.totals)
    assert result.ledger.warnings


def test_home_made_band_keeps_every_value_and_reads_indonesian_numbers(tmp_path):
    result = import_table(home_made_band_xlsx(tmp_path / "t.xlsx"), MEDAN)
    assert result.header == ["tahun", "kode_kecamatan", "jumlah"]
    values = {(r[0].text, r[1].text): r[2].text for r in result.rows}
    assert values == {
        ("2020", "12.71.01"): "1170759",
        ("2020", "12.71.02"): "1200",
        ("2021", "12.71.01"): "52419",  # an Excel float that was Indonesian text
        ("2021", "12.71.02"): "1004001",
        ("2022", "12.71.01"): "686",
        ("2022", "12.71.02"): "7",
    }
    conversions = {k.source: k.conversion for k in result.ledger.kept.values()}
    assert conversions["52.419"] == "angka Excel berisi titik ribuan"
    assert conversions["1.170.759"] == "titik ribuan dihapus"
    assert [d.reason for d in result.ledger.dropped.values()].count("kolom nomor urut") == 2


def test_html_table_saved_as_xls_is_read_as_html(tmp_path):
    result = import_table(html_xls(tmp_path / "bps.xls"), MEDAN)
    assert result.ledger.notes[0] == "format: tabel HTML"
    assert result.header == ["kode_kecamatan", "jenis_kelamin_laki_laki", "jenis_kelamin_perempuan"]
    assert [c.text for c in result.rows[0]] == ["12.71.01", "36581", "38102"]
    assert [c.text for c in result.rows[1]] == ["12.71.02", "957", "59440"]
    # 'perempuan' holds only 3-digit groups; it follows the file's other numeric column
    assert any("jenis_kelamin_perempuan" in note for note in result.ledger.notes)
    assert any("cocok" in line for line in result.ledger.totals)


def test_binary_xls_is_read(tmp_path):
    result = import_table(biff_xls(tmp_path / "lama.xls"), MEDAN)
    assert result.ledger.notes[0] == "format: Excel lama (.xls, BIFF)"
    assert [c.text for c in result.rows[1]] == ["12.71.02", "2024", "9"]


def test_metadata_sheet_is_skipped_and_several_data_sheets_are_asked_for(tmp_path, repo, capsys):
    result = import_table(portal_workbook(tmp_path / "p.xlsx"), MEDAN)
    assert result.ledger.notes[1].startswith("lembar: 'Data'")
    several = portal_workbook(tmp_path / "q.xlsx", second_data_sheet=True)
    with pytest.raises(Refusal, match="--lembar") as refused:
        import_table(several, MEDAN)
    assert "'Data'" in str(refused.value) and "'Data 2023'" in str(refused.value)
    assert _impor(repo, several, "--lembar", "Data 2023") == 0
    assert _rows(repo.root / "data/dinkes/impor.csv")[1] == ["12.71.01", "2023", "3"]


def test_ambiguous_thousands_are_refused_with_a_question_and_answered(repo, tmp_path, capsys):
    (tmp_path / "t.csv").write_text(
        '"No";"Kode Wilayah";"Wilayah";"Tahun";"Jumlah"\n'
        '"1";"12. 71. 01";"Medan Kota";"2021";"1.474"\n'
        '"2";"12. 71. 02";"Medan Sunggal";"2021";"686"\n'
        '"3";"12. 71. 01";"Medan Kota";"2022";"1.13"\n'
    )
    assert _impor(repo, tmp_path / "t.csv") == 1
    err = capsys.readouterr().err
    assert "--angka id" in err and "'1.474'" in err
    assert not (repo.root / "data/dinkes/impor.csv").exists()
    assert _impor(repo, tmp_path / "t.csv", "--angka", "id") == 0
    rows = _rows(repo.root / "data/dinkes/impor.csv")
    assert rows[0] == ["kode_wilayah", "wilayah", "tahun", "jumlah"]
    assert [r[3] for r in rows[1:]] == ["1474", "686", "1130"]
    assert rows[1][0] == "12.71.01"  # '12. 71. 01' in the canonical form
    report = (repo.root / "metadata/dinkes/impor.impor.md").read_text()
    assert "titik ribuan, nol akhir hilang" in report and "`1.13` | `1130`" in report


def test_data_of_another_region_is_refused_naming_it(tmp_path, capsys, repo):
    (tmp_path / "t.csv").write_text(
        "namakab,namakec,tahun,jumlah\nKAB. BANDUNG,ARJASARI,2023,32\nKAB. BANDUNG,BALEENDAH,2023,45\n"
    )
    assert _impor(repo, tmp_path / "t.csv") == 1
    err = capsys.readouterr().err
    assert "Kabupaten Bandung (32.04)" in err and "Kota Medan" not in err.split("(12.71)")[1:2]
    assert "di luar" in err


def test_region_columns_are_recognised_by_values_whatever_the_header(tmp_path):
    (tmp_path / "t.csv").write_text(
        "wil,KODE_KEC,tahun,jumlah\nMEDAN KOTA,127101,2024.0,3\nMEDAN SUNGGAL,127102,2024.0,4\n"
    )
    result = import_table(tmp_path / "t.csv", MEDAN)
    assert result.header == ["wil", "kode_kec", "tahun", "jumlah"]
    assert [c.text for c in result.rows[0]] == ["MEDAN KOTA", "12.71.01", "2024", "3"]
    assert result.info["wil"].region_kind == "nama"
    assert result.info["kode_kec"].region_level == "kecamatan"


def test_codes_that_contradict_names_are_refused(tmp_path):
    (tmp_path / "t.csv").write_text(
        "kode,kecamatan,jumlah\n12.71.01,Medan Kota,3\n12.71.01,Medan Sunggal,4\n"
    )
    with pytest.raises(Refusal, match="tidak cocok"):
        import_table(tmp_path / "t.csv", MEDAN)


def test_dash_in_a_numeric_column_is_asked(tmp_path):
    (tmp_path / "t.csv").write_text("kecamatan,jumlah\nMedan Kota,-\nMedan Sunggal,4\n")
    with pytest.raises(Refusal, match="--tanda-strip"):
        import_table(tmp_path / "t.csv", MEDAN)
    result = import_table(tmp_path / "t.csv", Options(scope="12.71", dash="nol"))
    assert [r[1].text for r in result.rows] == ["0", "4"]


def test_drafted_metadata_quotes_yaml_words_and_validates_but_for_human_fields(repo, tmp_path):
    (tmp_path / "t.csv").write_text(
        "no,kecamatan,semester,tahun,jumlah\n"
        "7,Medan Kota,1,2025,3\n9,Medan Kota,2,2025,4\n11,Medan Sunggal,1,2025,5\n"
    )
    assert _impor(repo, tmp_path / "t.csv") == 0
    text = (repo.root / "metadata/dinkes/impor.yaml").read_text()
    assert "nama: 'no'" in text  # YAML 1.1 would read a bare no as false
    meta = Repository.load(repo.root).datasets["dinkes/impor"].meta
    roles = {k.nama: k.peran.value for k in meta.kolom}
    assert roles == {
        "no": "dimensi",
        "kode_kecamatan": "dimensi",
        "semester": "dimensi",
        "tahun": "periode",
        "jumlah": "ukuran",
    }
    assert set(meta.kunci) == {"no", "kode_kecamatan", "semester", "tahun"}
    report = validate(Repository.load(repo.root), only=["dinkes/impor"], today=TODAY)
    codes = sorted({f.code for f in report.findings if f.dataset == "dinkes/impor"})
    assert codes == ["metadata-belum-diisi", "standar-data-tidak-lengkap"]


def test_nothing_is_written_when_the_report_would_be_overwritten(repo, tmp_path, capsys):
    biff_xls(tmp_path / "a.xls")
    assert _impor(repo, tmp_path / "a.xls") == 0
    before = (repo.root / "metadata/dinkes/impor.impor.md").read_text()
    assert _impor(repo, tmp_path / "a.xls") == 1
    assert "--timpa" in capsys.readouterr().err
    assert (repo.root / "metadata/dinkes/impor.impor.md").read_text() == before
    assert _impor(repo, tmp_path / "a.xls", "--timpa") == 0


def test_categories_are_declared_so_tidak_ada_is_not_a_placeholder(repo, tmp_path):
    (tmp_path / "t.csv").write_text(
        "kecamatan,status,tahun,jumlah\nMedan Kota,ADA,2025,1\nMedan Sunggal,TIDAK ADA,2025,2\n"
        "Medan Kota,TIDAK ADA,2024,3\n"
    )
    assert _impor(repo, tmp_path / "t.csv") == 0
    meta = Repository.load(repo.root).datasets["dinkes/impor"].meta
    assert meta.column("status").nilai == ["ADA", "TIDAK ADA"]
    report = validate(Repository.load(repo.root), only=["dinkes/impor"], today=TODAY)
    assert "nilai-pengganti" not in {f.code for f in report.findings}


def test_a_total_row_answers_what_the_cells_leave_open(tmp_path):
    (tmp_path / "t.csv").write_text(
        "kecamatan;tahun;jumlah\nMedan Kota;2021;1.474\nMedan Sunggal;2021;686\n"
        "Medan Kota;2022;1.13\nJumlah;;3.290\n"
    )
    result = import_table(tmp_path / "t.csv", MEDAN)
    assert [r[2].text for r in result.rows] == ["1474", "686", "1130"]
    assert result.ledger.totals[0].startswith("baris 5 (berlabel): cocok")


def test_region_names_beside_codes_are_not_personal_data_and_float_years_are_periods(
    repo, tmp_path
):
    (tmp_path / "t.csv").write_text(
        "kode,nama,tahun,jumlah\n12.71.01,MEDAN KOTA,2025.0,3\n12.71.02,MEDAN SUNGGAL,2025.0,4\n"
    )
    assert _impor(repo, tmp_path / "t.csv") == 0
    meta = Repository.load(repo.root).datasets["dinkes/impor"].meta
    assert meta.column("nama").data_pribadi is False
    assert meta.column("nama").peran.value == "atribut"
    assert (meta.column("tahun").tipe.value, meta.column("tahun").peran.value) == (
        "tahun",
        "periode",
    )
    assert meta.column("kode").referensi.tingkat == "kecamatan"
    assert meta.kunci == ["kode", "tahun"]
    report = validate(Repository.load(repo.root), only=["dinkes/impor"], today=TODAY)
    codes = {f.code for f in report.findings if f.dataset == "dinkes/impor"}
    assert codes == {"metadata-belum-diisi", "standar-data-tidak-lengkap"}


def test_ods_is_read(tmp_path):
    from onboarding.tables import ods

    path = ods(
        tmp_path / "t.ods",
        [
            ["Kecamatan", "Tahun", "Jumlah"],
            ["Medan Kota", "2024", "1.250"],
            ["Medan Sunggal", "2024", "75"],
        ],
    )
    result = import_table(path, MEDAN)
    assert result.ledger.notes[0] == "format: OpenDocument (.ods)"
    assert [[c.text for c in r] for r in result.rows] == [
        ["12.71.01", "2024", "1250"],
        ["12.71.02", "2024", "75"],
    ]


def test_a_kecamatan_merged_over_its_rows_applies_to_each(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Kecamatan", "Kelurahan", "Tanggal", "Jumlah"])
    sheet.append(["Medan Kota", "Pasar Baru", dt.datetime(2025, 1, 31), 4])
    sheet.append([None, "Pusat Pasar", dt.datetime(2025, 1, 31), 5])
    sheet.merge_cells("A2:A3")
    book.save(tmp_path / "t.xlsx")
    result = import_table(tmp_path / "t.xlsx", MEDAN)
    assert result.header == ["kode_kecamatan", "kode_kelurahan_desa", "tanggal", "jumlah"]
    assert [[c.text for c in r] for r in result.rows] == [
        ["12.71.01", "12.71.01.1001", "2025-01-31", "4"],
        ["12.71.01", "12.71.01.1002", "2025-01-31", "5"],
    ]
    assert any("sel gabungan" in note and "A3 = A2" in note for note in result.ledger.notes)


def test_a_header_without_data_is_refused_and_a_named_header_row_is_taken(tmp_path):
    (tmp_path / "a.csv").write_text("kecamatan,jumlah\n")
    with pytest.raises(Refusal, match="tanpa baris data"):
        import_table(tmp_path / "a.csv", MEDAN)
    (tmp_path / "b.csv").write_text("Kecamatan\nMedan Kota\nMedan Sunggal\n")
    with pytest.raises(Refusal, match="--baris-judul"):
        import_table(tmp_path / "b.csv", MEDAN)
    named = import_table(tmp_path / "b.csv", Options(scope="12.71", header_row=1))
    assert [r[0].text for r in named.rows] == ["12.71.01", "12.71.02"]
