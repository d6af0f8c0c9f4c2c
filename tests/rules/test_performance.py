from __future__ import annotations

import datetime as dt

from satudata.checks.runner import validate
from satudata.load.repository import Repository
from satudata.rules.performance import metadata_completeness, performance

TODAY = dt.date(2026, 11, 23)


def _second_dataset(repo, body: str, daftar: str = "DD-DINKES-002") -> None:
    repo.write(
        "metadata/dinkes/kasus-dbd.yaml",
        repo.read("metadata/dinkes/puskesmas.yaml")
        .replace("dinkes/puskesmas", "dinkes/kasus-dbd")
        .replace("DD-DINKES-001", daftar)
        .replace("klasifikasi: terbuka", "klasifikasi: terbatas"),
    )
    repo.write("data/dinkes/kasus-dbd.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n" + body)


def _numbers(repo) -> dict:
    loaded = Repository.load(repo.root)
    return performance(loaded, validate(loaded, today=TODAY))


def test_kinerja_per_opd_on_a_fixture_repository(repo):
    _second_dataset(repo, "2022,12.71.01,3\n2023,12.71.01,4\n")  # overdue, terbatas
    numbers = _numbers(repo)
    dinkes = next(o for o in numbers["opd"] if o["opd"] == "dinkes")
    assert (dinkes["direncanakan"], dinkes["terpenuhi"], dinkes["persen_terpenuhi"]) == (
        2,
        2,
        100.0,
    )
    assert (dinkes["berjadwal"], dinkes["tepat_waktu"], dinkes["persen_tepat_waktu"]) == (
        2,
        1,
        50.0,
    )
    assert dinkes["persen_tanpa_galat"] == 100.0
    assert dinkes["persen_tanpa_peringatan"] == 50.0  # the overdue one has a warning
    assert dinkes["persen_terbuka"] == 50.0
    diskominfo = next(o for o in numbers["opd"] if o["opd"] == "diskominfo")
    assert diskominfo["direncanakan"] == 0 and diskominfo["persen_terpenuhi"] is None
    assert numbers["ringkasan"]["terpenuhi"] == 2 and numbers["tanggal"] == "2026-11-23"


def test_errors_lower_the_clean_share_and_planned_exceeds_delivered(repo):
    repo.write("data/dinkes/puskesmas.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n2025,x,1\n")
    dinkes = next(o for o in _numbers(repo)["opd"] if o["opd"] == "dinkes")
    assert dinkes["persen_tanpa_galat"] == 0.0
    assert (dinkes["terpenuhi"], dinkes["direncanakan"]) == (1, 2)


def test_metadata_completeness_counts_recommended_fields(repo):
    meta = Repository.load(repo.root).datasets["dinkes/puskesmas"].meta
    # 4 dataset fields (only daftar_data filled) + definisi of 3 columns (1 filled)
    # + 6 measure fields (5 filled): (1 + 1 + 5) / 13
    assert round(metadata_completeness(meta), 4) == round(7 / 13, 4)
