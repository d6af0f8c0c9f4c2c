from __future__ import annotations

import datetime as dt

from satudata.checks.runner import validate
from satudata.findings import REGISTRY
from satudata.load.repository import Repository
from satudata.model import Klasifikasi
from satudata.rules.publishing import CODES, publication_blockers

TODAY = dt.date(2026, 11, 23)
CSV = "data/dinkes/puskesmas.csv"


def _reasons(blockers):
    return [(b.code, b.message(), b.message("en")) for b in blockers]


def test_only_valid_open_datasets_with_data_may_be_published(repo):
    report = validate(Repository.load(repo.root), today=TODAY)
    meta = Repository.load(repo.root).datasets["dinkes/puskesmas"].meta
    assert publication_blockers(meta, report.findings) == []
    closed = meta.model_copy(update={"klasifikasi": Klasifikasi.TERBATAS})
    assert _reasons(publication_blockers(closed, report.findings)) == [
        ("terbitan-tidak-terbuka", "klasifikasi terbatas", "classification terbatas")
    ]
    repo.write(CSV, "tahun,kode_kecamatan,jumlah_puskesmas\n2024,12.71.01,tiga\n")
    broken = validate(Repository.load(repo.root), today=TODAY)
    assert _reasons(publication_blockers(meta, broken.findings)) == [
        ("terbitan-masih-bergalat", "masih ada 1 galat validasi", "1 validation errors remain")
    ]
    assert _reasons(publication_blockers(None, [])) == [
        ("terbitan-metadata-tidak-sah", "metadata tidak sah", "invalid metadata")
    ]
    assert _reasons(publication_blockers(meta, [], has_data=False)) == [
        ("terbitan-tanpa-data", "berkas data tidak ada", "no data file")
    ]


def test_blocker_codes_are_the_penerbitan_family():
    penerbitan = {c for c, spec in REGISTRY.items() if spec.family == "penerbitan"}
    assert set(CODES) == penerbitan
