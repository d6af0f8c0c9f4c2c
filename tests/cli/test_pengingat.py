"""`satudata pengingat`: late and due datasets per OPD."""

from __future__ import annotations

from satudata.cli import main


def test_pengingat_lists_overdue_datasets_per_opd(repo, capsys):
    repo.write(
        "data/dinkes/puskesmas.csv",
        "tahun,kode_kecamatan,jumlah_puskesmas\n2022,12.71.01,3\n2023,12.71.01,3\n",
    )
    assert main(["pengingat", "--repo", str(repo.root), "--hari-ini", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "Dinas Kesehatan Kota Contoh @contoh/dinkes" in out and "terlambat 602 hari" in out


def test_pengingat_in_english(repo, capsys):
    repo.write(
        "data/dinkes/puskesmas.csv",
        "tahun,kode_kecamatan,jumlah_puskesmas\n2022,12.71.01,3\n2023,12.71.01,3\n",
    )
    args = ["--lang", "en", "pengingat", "--repo", str(repo.root), "--hari-ini", "2026-11-23"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Data update reminder — 2026-11-23")
    assert "| Dataset | Latest period | Due date | Status |" in out and "602 days late" in out
