"""The repository's own Kota Medan example data: complete, consistent and clean."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from conftest import REPO_ROOT
from satudata.checks.runner import validate
from satudata.findings import Severity
from satudata.load.repository import Repository


@pytest.fixture(scope="module")
def example():
    return Repository.load(REPO_ROOT)


def test_every_example_file_loads_without_problems(example):
    assert example.problems == [] and example.stray_files == []
    assert all(e.meta is not None and e.data_path is not None for e in example.datasets.values())


def test_at_least_four_datasets_for_each_of_the_eight_opds(example):
    per_opd = Counter(e.opd for e in example.datasets.values())
    assert set(per_opd) == set(example.organisasi.by_slug()) and len(per_opd) == 8
    assert min(per_opd.values()) >= 4 and sum(per_opd.values()) >= 32


def test_examples_cover_every_pilar_and_klasifikasi(example):
    metas = [e.meta for e in example.datasets.values()]
    assert {m.pilar.value for m in metas} == {"sektoral", "kependudukan", "layanan-publik"}
    assert {m.klasifikasi.value for m in metas} == {"terbuka", "terbatas", "tertutup"}


def test_illustrative_figures_are_marked(example):
    for entry in example.datasets.values():
        meta = entry.meta
        assert meta.data_contoh or "Kemendagri" in meta.sumber, entry.id


def test_more_is_planned_than_delivered(example):
    planned = {e.kode for e in example.daftar_data.entri}
    delivered = {e.meta.daftar_data for e in example.datasets.values()}
    assert delivered < planned


TODAY = dt.date(2026, 11, 23)


def test_example_repository_is_clean_but_for_the_deliberately_overdue_dataset(example):
    report = validate(example, today=TODAY)
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert errors == [], [f"{f.location} {f.code}: {f.message()}" for f in errors]
    warnings = [(f.dataset, f.code) for f in report.findings if f.severity is Severity.WARNING]
    assert warnings == [("brida/kekayaan-intelektual", "data-terlambat")]
    assert {f.code for f in report.findings if f.severity is Severity.INFO} <= {
        "daftar-data-belum-terpenuhi",
        "segera-jatuh-tempo",
    }


def test_identifiers_agree_with_paths(example):
    for dataset_id, entry in example.datasets.items():
        assert entry.meta.id == dataset_id and entry.meta.produsen == entry.opd


def test_population_total_matches_kemendagri(example):
    import csv

    path = example.datasets["disdukcapil/penduduk-kecamatan-jenis-kelamin"].data_path
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    latest = max(r["tahun"] for r in rows)
    measure = next(
        k.nama
        for k in example.datasets["disdukcapil/penduduk-kecamatan-jenis-kelamin"].meta.ukuran_kolom
    )
    assert sum(int(r[measure]) for r in rows if r["tahun"] == latest) == 2_546_452
