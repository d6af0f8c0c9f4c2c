"""The spreadsheet route: `satudata lembar` writes a workbook, `satudata impor` reads it back.

The round trip is exact, and an edit made in the workbook arrives as exactly that edit."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from openpyxl import load_workbook

from conftest import REPO_ROOT
from satudata.cli import main
from satudata.load.repository import Repository
from satudata.onboarding.workbook import write_workbook
from satudata.onboarding.workbook_import import WorkbookError, read_workbook


def _export(repo, tmp_path, dataset="dinkes/puskesmas"):
    target = tmp_path / "lembar.xlsx"
    assert main(["lembar", dataset, "--repo", str(repo.root), "-o", str(target)]) == 0
    return target


def test_an_untouched_workbook_changes_no_byte_of_any_example_dataset(tmp_path):
    for name in ("metadata", "data"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name)
    repo = Repository.load(tmp_path)
    for dataset_id in ("dinkes/kasus-dbd", "disdukcapil/penduduk-kecamatan-jenis-kelamin"):
        entry = repo.datasets[dataset_id]
        target = tmp_path / f"{dataset_id.replace('/', '-')}.xlsx"
        write_workbook(repo, entry, target)
        result = read_workbook(repo, target)
        assert not result.any and not result.stale
        assert result.csv_text.encode("utf-8") == entry.data_path.read_bytes()
        assert result.yaml_text == entry.metadata_path.read_text(encoding="utf-8")


def test_new_rows_an_edited_value_and_a_fixed_typo_arrive_as_exactly_that(repo, tmp_path, capsys):
    repo.replace("metadata/dinkes/puskesmas.yaml", "judul: Jumlah Puskesmas per Kecamatan",
                 "judul: Jumlah Puskesmas per Kecamtan  # judul publik")  # fmt: skip
    before_yaml = repo.read("metadata/dinkes/puskesmas.yaml")
    target = _export(repo, tmp_path)
    book = load_workbook(target)
    data = book["Data"]
    header = [c.value for c in data[1]]
    assert header == ["tahun", "kode_kecamatan", "kode_kecamatan (nama)", "jumlah_puskesmas"]
    assert data["C2"].value.startswith("=IFERROR(VLOOKUP(B2,")  # the name beside the code
    data.append([2026, "12.71.01", None, 5])
    data.append([2026, "12.71.02", None, 2])
    data["D5"] = 7  # 2025, 12.71.02: 4 → 7
    meta = book["Metadata"]
    row = next(r for r in meta.iter_rows(min_row=2) if r[0].value == "judul")
    row[1].value = "Jumlah Puskesmas per Kecamatan"
    book.save(target)

    assert main(["impor", str(target), "--repo", str(repo.root)]) == 0
    out = capsys.readouterr().out
    assert "Baris: 3 tetap, 1 diubah, 2 ditambah, 0 dihapus. Isian metadata diubah: 1." in out
    assert "jumlah_puskesmas: 4 → 7" in out
    assert repo.read("data/dinkes/puskesmas.csv") == (
        "tahun,kode_kecamatan,jumlah_puskesmas\n"
        "2024,12.71.01,3\n2024,12.71.02,2\n2025,12.71.01,3\n2025,12.71.02,7\n"
        "2026,12.71.01,5\n2026,12.71.02,2\n"
    )
    after = repo.read("metadata/dinkes/puskesmas.yaml").splitlines()
    before = before_yaml.splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1  # only the fixed line; every other line and comment as it was
    assert after[changed[0]].startswith("judul: Jumlah Puskesmas per Kecamatan")
    assert after[changed[0]].endswith("# judul publik")


def test_drop_down_lists_come_from_the_model_and_the_reference_tables(repo, tmp_path):
    book = load_workbook(_export(repo, tmp_path))
    lists = book["Daftar"]
    assert lists.sheet_state == "hidden"
    columns = {c.value: c.column_letter for c in lists[1]}
    pilar = [c.value for c in lists[columns["field:pilar"]][1:] if c.value]
    assert pilar == ["sektoral", "kependudukan", "layanan-publik"]
    codes = [c.value for c in lists[columns["kode_kecamatan"]][1:] if c.value]
    assert codes == ["12.71.01", "12.71.02"]  # only kecamatan, the column's level
    data_rules = {str(v.sqref): v for v in book["Data"].data_validations.dataValidation}
    assert any("Daftar!" in (v.formula1 or "") for v in data_rules.values())
    assert any(v.type == "whole" for v in data_rules.values())
    meta_rules = book["Metadata"].data_validations.dataValidation
    assert any(v.type == "list" and "Daftar!" in v.formula1 for v in meta_rules)
    comment = book["Data"]["D1"].comment.text
    assert "Satuan: unit" in comment


def test_a_value_of_the_wrong_kind_is_refused_with_sheet_and_row(repo, tmp_path, capsys):
    target = _export(repo, tmp_path)
    book = load_workbook(target)
    kolom = book["Kolom"]
    names = [c.value for c in kolom[1]]
    kolom.cell(row=2, column=names.index("wajib") + 1, value="mungkin")
    book.save(target)
    before = repo.read("data/dinkes/puskesmas.csv"), repo.read("metadata/dinkes/puskesmas.yaml")
    with pytest.raises(WorkbookError, match="lembar Kolom baris 2 \\(wajib\\)"):
        read_workbook(Repository.load(repo.root), target)
    assert main(["impor", str(target), "--repo", str(repo.root)]) == 1
    assert "isi dengan 'ya' atau 'tidak'" in capsys.readouterr().err
    assert (
        repo.read("data/dinkes/puskesmas.csv"),
        repo.read("metadata/dinkes/puskesmas.yaml"),
    ) == before


def test_lembar_refuses_to_overwrite_and_unknown_datasets(repo, tmp_path, capsys):
    target = _export(repo, tmp_path)
    assert main(["lembar", "dinkes/puskesmas", "--repo", str(repo.root), "-o", str(target)]) == 2
    assert "--timpa" in capsys.readouterr().err
    assert main(["lembar", "dinkes/tidak-ada", "--repo", str(repo.root)]) == 2


def test_a_new_dataset_from_its_daftar_data_entry_through_the_workbook(repo, tmp_path, capsys):
    target = tmp_path / "baru.xlsx"
    args = ["lembar", "dinkes/kasus-dbd", "--baru", "--repo", str(repo.root), "-o", str(target)]
    assert main(args) == 0
    assert "Diisi dari Daftar Data DD-DINKES-002" in capsys.readouterr().out
    book = load_workbook(target)
    meta = {r[0].value: r[1] for r in book["Metadata"].iter_rows(min_row=2)}
    assert meta["judul"].value == "Kasus DBD per bulan"
    assert meta["frekuensi"].value == "bulanan" and meta["daftar_data"].value == "DD-DINKES-002"
    assert [c.value for c in book["Data"][1]][:2] == ["bulan", "kode_kecamatan"]
    # The team fills in what only they know, and the first rows.
    for field, value in {
        "deskripsi": "Kasus demam berdarah dengue menurut kecamatan.",
        "topik": "kesehatan",
        "cara_pengumpulan": "kompilasi-produk-administrasi",
        "cakupan_wilayah": "Kota Contoh",
        "sumber": "Laporan puskesmas",
    }.items():
        meta[field].value = value
    kolom = book["Kolom"]
    names = [c.value for c in kolom[1]]
    for column, value in {"konsep": "Kasus DBD", "definisi": "Kasus terkonfirmasi.",
                          "klasifikasi": "Menurut kecamatan", "ukuran": "Jumlah",
                          "satuan": "kasus"}.items():  # fmt: skip
        kolom.cell(row=4, column=names.index(column) + 1, value=value)
    book["Data"].append(["2026-01", "12.71.01", None, 5])
    book["Data"].append(["2026-01", "12.71.02", None, 0])
    book.save(target)

    assert main(["impor", str(target), "--repo", str(repo.root)]) == 0
    assert repo.read("data/dinkes/kasus-dbd.csv") == (
        "bulan,kode_kecamatan,jumlah\n2026-01,12.71.01,5\n2026-01,12.71.02,0\n"
    )
    assert main(["validate", "--repo", str(repo.root), "--format", "json"]) == 0


def test_a_code_the_spreadsheet_turned_into_a_date_is_refused_not_guessed(repo, tmp_path):
    import datetime as dt

    target = _export(repo, tmp_path)
    book = load_workbook(target)
    data = book["Data"]  # typed right below the last row, as a person does
    data["A6"], data["B6"], data["D6"] = 2026, dt.datetime(2001, 7, 12), 5  # "12.07.01" as a date
    book.save(target)
    with pytest.raises(WorkbookError, match="lembar Data baris 6: kolom kode_kecamatan berisi"):
        read_workbook(Repository.load(repo.root), target)


# --- the writer (satudata.util.xlsx): exact for every kind of cell, the same bytes every time --


def test_an_untouched_workbook_of_every_example_dataset_changes_nothing(tmp_path):
    for name in ("metadata", "data"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name)
    repo = Repository.load(tmp_path)
    exported = 0
    for dataset_id, entry in repo.datasets.items():
        if entry.meta is None or entry.data_path is None:
            continue
        target = tmp_path / f"{dataset_id.replace('/', '-')}.xlsx"
        write_workbook(repo, entry, target)
        result = read_workbook(repo, target)
        assert not result.any and not result.stale, dataset_id
        assert result.csv_text.encode("utf-8") == entry.data_path.read_bytes(), dataset_id
        exported += 1
    assert exported >= 30


def test_every_kind_of_cell_comes_back_exact(repo, tmp_path):
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "  - nama: jumlah_puskesmas\n",
        "  - nama: tanggal_data\n    judul: Tanggal data\n    tipe: tanggal\n    peran: atribut\n"
        "  - nama: rasio\n    judul: Rasio\n    tipe: bilangan\n    peran: ukuran\n"
        "  - nama: aktif\n    judul: Aktif\n    tipe: boolean\n    peran: atribut\n"
        "  - nama: catatan\n    judul: Catatan\n    tipe: teks\n    peran: atribut\n"
        "  - nama: jumlah_puskesmas\n",
    )
    csv_bytes = (
        b"tahun,kode_kecamatan,tanggal_data,rasio,aktif,catatan,jumlah_puskesmas\r\n"
        b'2024,12.71.01,2024-02-29,1.50,true,"=1+1 bukan rumus",3\r\n'
        b"2024,12.71.02,,0.1,false,- lainnya,\r\n"
        b'2025,12.71.01,2025-13-01,1e3,,"baris ""dikutip"", dengan koma",3\r\n'
        b"2025,12.71.02,2025-01-31,12345678901234567.5,true,@SUM(A1) _x0041_,0004"
    )
    repo.write("data/dinkes/puskesmas.csv", csv_bytes)
    target = _export(repo, tmp_path)
    data = load_workbook(target)["Data"]
    assert data["D2"].value == dt.datetime(2024, 2, 29) and data["D4"].value == "2025-13-01"
    assert data["G2"].value == "=1+1 bukan rumus" and data["G2"].data_type == "s"
    result = read_workbook(Repository.load(repo.root), target)
    assert not result.any
    assert result.csv_text.encode() == csv_bytes


def test_a_yaml_1_1_boolean_in_the_metadata_round_trips_unchanged(repo, tmp_path):
    # The repository reads `yes` as true (YAML 1.1), ruamel as the text "yes" (YAML 1.2).
    repo.replace("metadata/dinkes/puskesmas.yaml", "    wajib: true\n", "    wajib: yes\n")
    before = repo.read("metadata/dinkes/puskesmas.yaml")
    target = _export(repo, tmp_path)
    kolom = load_workbook(target)["Kolom"]
    names = [c.value for c in kolom[1]]
    assert kolom.cell(row=2, column=names.index("wajib") + 1).value == "ya"
    result = read_workbook(Repository.load(repo.root), target)
    assert not result.any and result.yaml_text == before


def test_the_same_dataset_gives_the_same_bytes(repo, tmp_path):
    first = _export(repo, tmp_path).read_bytes()
    again = tmp_path / "lagi.xlsx"
    assert main(["lembar", "dinkes/puskesmas", "--repo", str(repo.root), "-o", str(again)]) == 0
    assert again.read_bytes() == first  # no clock inside: the site serves these bytes too


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) tidak ada")
def test_a_workbook_opened_and_saved_by_libreoffice_imports_unchanged(tmp_path):
    for name in ("metadata", "data"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name)
    repo = Repository.load(tmp_path)
    entry = repo.datasets["dinkes/kasus-dbd"]
    source = tmp_path / "lembar" / "kasus-dbd.xlsx"
    write_workbook(repo, entry, source)
    saved = _libreoffice(source, tmp_path, "xlsx")
    result = read_workbook(repo, saved)
    assert not result.any and not result.stale
    assert result.csv_text.encode("utf-8") == entry.data_path.read_bytes()
    # LibreOffice computes the names beside the codes from the hidden Daftar sheet.
    shown = _libreoffice(source, tmp_path, "csv").read_text(encoding="utf-8").splitlines()
    assert shown[0].startswith("bulan,kode_kecamatan,kode_kecamatan (nama),")
    assert shown[1].split(",")[1:3] == ["12.71.01", "Medan Kota"]


def _libreoffice(source, tmp_path, kind: str):
    import subprocess

    out = tmp_path / f"lo-{kind}"
    profile = (tmp_path / "lo-profil").as_uri()  # own profile: other runs may use soffice
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", kind,
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / f"{source.stem}.{kind}"
