"""Which measure and breakdown the chart shows, and that rates are never added up."""

from __future__ import annotations

import pytest

from conftest import REPO_ROOT
from satudata.catalog.charts import chart_spec, headline_measure, period_label, series
from satudata.catalog.downloads import text_rows, typed
from satudata.catalog.names import named_columns
from satudata.load.repository import Repository


@pytest.fixture(scope="module")
def example():
    return Repository.load(REPO_ROOT)


class _Published:  # what downloads.text_rows needs of a published dataset
    def __init__(self, entry):
        self.entry, self.meta, self.id = entry, entry.meta, entry.id
        self.data_path = entry.data_path


def _spec(repo, dataset_id, meta=None):
    entry = repo.datasets[dataset_id]
    t = _Published(entry)
    if meta is not None:
        t.meta = meta
    header, texts = text_rows(t)
    rows = typed(t, header, texts)
    return chart_spec(t.meta, header, rows, named_columns(repo, t.meta), "data.json"), header, rows


@pytest.mark.parametrize(
    ("dataset_id", "measure"),
    [
        (
            "dinkes/imunisasi-dasar-lengkap",
            "persentase_idl",
        ),  # the indicator, not the target babies
        ("disnaker/pengangguran-terbuka", "tpt"),  # not the labour force
        ("disdikbud/angka-partisipasi-sekolah", "apm"),  # the indicator named in `rumus`
        ("dinkes/kasus-dbd", "kasus_dbd"),  # shares most words with the title
        ("dishub/penumpang-trans-metro-deli", "jumlah_penumpang"),
    ],
)
def test_headline_measure(example, dataset_id, measure):
    assert headline_measure(example.datasets[dataset_id].meta).nama == measure


def test_components_and_denominators_are_not_the_default(example):
    meta = example.datasets["dinkes/imunisasi-dasar-lengkap"].meta
    no_rumus = meta.model_copy(update={"indikator": None})
    # without the indicator, the title's words pick the coverage, never the denominator
    assert headline_measure(no_rumus).nama != "sasaran_bayi"
    kolom = [
        k.model_copy(update={"jumlah_dari": ["sasaran_bayi"]}) if k.nama == "persentase_idl" else k
        for k in no_rumus.kolom
    ]
    judul = "Sasaran Bayi dan Cakupan"
    chosen = headline_measure(no_rumus.model_copy(update={"kolom": kolom, "judul": judul}))
    assert chosen.nama != "sasaran_bayi"


def test_opd_choice_wins(example):
    from satudata.model import Grafik

    meta = example.datasets["disdukcapil/penduduk-kecamatan-jenis-kelamin"].meta
    chosen = meta.model_copy(update={"grafik": Grafik(rincian="jenis_kelamin")})
    spec, _, _ = _spec(example, meta.id, chosen)
    assert spec["awal"]["rincian"] == "jenis_kelamin"
    assert [g["label"] for g in spec["seri"]["garis"]] == ["Laki-laki", "Perempuan"]
    meta = example.datasets["dinkes/imunisasi-dasar-lengkap"].meta
    spec, _, _ = _spec(
        example, meta.id, meta.model_copy(update={"grafik": Grafik(ukuran="sasaran_bayi")})
    )
    assert spec["awal"]["ukuran"] == "sasaran_bayi"


def test_a_rate_is_never_added_up_across_categories(example):
    spec, header, rows = _spec(example, "disdikbud/angka-partisipasi-sekolah")
    state = spec["awal"]
    assert state["ukuran"] == "apm" and state["rincian"] == "jenjang"
    assert all(state["saring"].values())  # every other dimension fixed to one category
    a, j, s, p = (header.index(c) for c in ("apm", "jenjang", "jenis_kelamin", "tahun"))
    line = spec["seri"]["garis"][0]
    first = spec["dimensi"][[d["kolom"] for d in spec["dimensi"]].index("jenjang")]["kategori"][0]
    expected = [
        next(
            r[a]
            for r in rows
            if r[p] == int(x) and r[j] == first[0] and r[s] == state["saring"]["jenis_kelamin"]
        )
        for x in spec["seri"]["periode"]
    ]
    assert line["nilai"] == expected  # the published values, not sums or means
    summed = {**state, "saring": {"jenis_kelamin": ""}}
    assert series(spec, header, rows, summed) is None  # would need adding percentages: refused


def test_counts_are_summed_and_the_caption_says_so(example):
    spec, header, rows = _spec(example, "dinkes/kasus-dbd")
    seri = spec["seri"]
    assert seri["judul"] == "Kasus DBD menurut bulan (jumlah seluruh kecamatan)"
    assert seri["sumbu_y"] == "Kasus DBD (kasus)"
    k, b = header.index("kasus_dbd"), header.index("bulan")
    assert seri["garis"][0]["nilai"][0] == sum(r[k] for r in rows if r[b] == seri["periode"][0])
    tuntungan = {**spec["awal"], "saring": {"kode_kecamatan": "12.71.07"}}
    one = series(spec, header, rows, tuntungan)
    assert one["judul"] == "Kasus DBD menurut bulan: Medan Tuntungan"
    c = header.index("kode_kecamatan")
    first = [r[k] for r in rows if r[b] == one["periode"][0] and r[c] == "12.71.07"]
    assert one["garis"][0]["nilai"][0] == first[0] and len(first) == 1


def test_no_caption_repeats_jumlah(example):
    for entry in example.datasets.values():
        if entry.meta is None or entry.data_path is None:
            continue
        spec, _, _ = _spec(example, entry.id)
        if spec and spec["seri"]:
            assert "jumlah jumlah" not in spec["seri"]["judul"].lower(), entry.id


def test_period_labels_are_indonesian():
    assert period_label("2025-08") == "Agu 2025"
    assert period_label("2024-Q3") == "Triwulan III 2024"
    assert period_label("2024-S2") == "Semester II 2024"
    assert period_label("2024") == "2024"
