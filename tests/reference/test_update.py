"""`satudata referensi perbarui`: wilayah.csv follows the national table, changes are listed."""

from __future__ import annotations

import csv

from satudata.cli import main
from satudata.reference import region_tree

WILAYAH = "metadata/referensi/wilayah.csv"


def _rows(repo) -> list[dict[str, str]]:
    with (repo.root / WILAYAH).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_reports_new_renamed_and_removed_codes_and_who_uses_them(repo, capsys):
    repo.write(
        WILAYAH,
        "kode,nama,tingkat,kode_induk,lintang\n"
        "12.71,Kota Medan,kabupaten_kota,12,3.59\n"
        "12.71.01,Medan Kota Lama,kecamatan,12.71,3.57\n"
        "12.71.02,Medan Sunggal,kecamatan,12.71,\n"
        "12.71.98,Kecamatan Lama,kecamatan,12.71,\n",
    )
    repo.replace("data/dinkes/puskesmas.csv", "2025,12.71.02,4", "2025,12.71.98,4")
    before = repo.read(WILAYAH)

    assert main(["referensi", "perbarui", "--repo", str(repo.root)]) == 1
    out = capsys.readouterr().out
    national = region_tree("12.71")
    assert f"Kode baru: {len(national) - 3}, berganti nama: 1, dihapus: 1." in out
    assert "~ 12.71.01 Medan Kota Lama → Medan Kota" in out
    assert "- 12.71.98 Kecamatan Lama" in out
    assert "dinkes/puskesmas masih memakai kode yang dihapus: 12.71.98" in out
    assert repo.read(WILAYAH) == before  # nothing written without --tulis

    assert main(["referensi", "perbarui", "--repo", str(repo.root), "--tulis"]) == 1
    rows = _rows(repo)
    assert [r["kode"] for r in rows] == [r.kode for r in national]
    assert rows[1]["nama"] == "Medan Kota" and rows[1]["lintang"] == "3.57"  # extra kept
    assert rows[0]["lintang"] == "3.59" and rows[-1]["lintang"] == ""


def test_an_up_to_date_table_is_left_alone(repo, capsys):
    assert main(["referensi", "perbarui", "--repo", str(repo.root), "--tulis"]) == 0
    capsys.readouterr()
    assert main(["referensi", "perbarui", "--repo", str(repo.root)]) == 0
    assert "sudah sama dengan tabel Kemendagri" in capsys.readouterr().out
