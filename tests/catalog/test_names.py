"""Names beside codes in what a person reads; the repository's CSV stays code-only."""

from __future__ import annotations

from conftest import REPO_ROOT
from satudata.catalog.names import NamedColumn, name_column_for, named_columns, with_names
from satudata.load.repository import Repository


def test_name_column_sits_right_after_its_code_column():
    named = [NamedColumn("kode_kecamatan", "nama_kecamatan", {"12.71.01": "Medan Kota"})]
    header, rows = with_names(
        ["tahun", "kode_kecamatan", "jumlah"], [[2024, "12.71.01", 3], [2024, None, 1]], named
    )
    assert header == ["tahun", "kode_kecamatan", "nama_kecamatan", "jumlah"]
    assert rows == [[2024, "12.71.01", "Medan Kota", 3], [2024, None, None, 1]]


def test_name_column_never_takes_an_existing_name():
    assert name_column_for("kode_kecamatan", set()) == "nama_kecamatan"
    assert name_column_for("jenis_kelamin", set()) == "nama_jenis_kelamin"
    assert name_column_for("kode_kecamatan", {"nama_kecamatan"}) == "nama_kode_kecamatan"


def test_every_referenced_column_of_the_example_gets_names():
    repo = Repository.load(REPO_ROOT)
    meta = repo.datasets["disdikbud/angka-partisipasi-sekolah"].meta
    named = {n.kode: n for n in named_columns(repo, meta)}
    assert named["jenis_kelamin"].nama == "nama_jenis_kelamin"
    assert named["jenis_kelamin"].names["P"] == "Perempuan"
    assert named["jenjang"].names["SD"] == "Sekolah Dasar/sederajat"
