"""BPS metadata statistik (MS-Keg, MS-Var, MS-Ind) for the Pembina Data."""

from __future__ import annotations

import dataclasses
import json

from conftest import REPO_ROOT
from satudata.catalog.feeds import bps
from satudata.catalog.views import Site
from satudata.model import Indikator


def _by_id(situs: Site, dataset_id: str):
    return next(t for t in situs.terbitan if t.id == dataset_id)


def test_ms_keg_is_filled_from_the_dataset_metadata(situs):
    document = bps.metadata_statistik(situs, _by_id(situs, "dinkes/puskesmas"))
    assert document["dataset"] == "dinkes/puskesmas"
    assert document["metadata"] == "metadata/dinkes/puskesmas.yaml"
    keg = document["MS-Keg"]
    identitas = keg["Identitas Kegiatan Statistik"]
    assert identitas["Judul Kegiatan"] == "Jumlah Puskesmas per Kecamatan"
    assert identitas["Tahun Kegiatan"] == 2025  # the latest period
    assert identitas["Cara Pengumpulan Data"] == "Kompilasi Produk Administrasi"
    assert identitas["Kode Kegiatan"] is None  # given by BPS, not in the model
    assert keg["Blok I. Penyelenggara"]["Instansi Penyelenggara"] == "Dinas Kesehatan Kota Contoh"
    assert keg["Blok I. Penyelenggara"]["Email"] == "walidata@contoh.go.id"
    desain = keg["Blok IV. Desain Kegiatan"]
    assert desain["Frekuensi Penyelenggaraan"] == "Tahunan"
    assert desain["Cakupan Wilayah Pengumpulan Data"] == "Kota Contoh"
    assert keg["Blok III. Perencanaan dan Persiapan"][
        "Variabel (Karakteristik) yang Dikumpulkan"
    ] == ["Tahun", "Kode kecamatan", "Jumlah puskesmas"]
    assert keg["Blok VIII. Diseminasi Hasil"]["Rencana Rilis Produk Kegiatan"] == (
        "3 bulan setelah akhir periode data"
    )
    assert "MS-Ind" not in document  # no `indikator` in the metadata


def test_ms_var_per_column(situs):
    variables = bps.metadata_statistik(situs, _by_id(situs, "dinkes/puskesmas"))["MS-Var"]
    assert [v["Alias"] for v in variables] == ["tahun", "kode_kecamatan", "jumlah_puskesmas"]
    tahun, kecamatan, jumlah = variables
    assert jumlah["Nama Variabel"] == "Jumlah puskesmas"
    assert jumlah["Konsep"] == "Puskesmas"
    assert jumlah["Definisi"] == "Fasilitas pelayanan kesehatan tingkat pertama."
    assert jumlah["Tipe Data"] == "Numerik"
    assert jumlah["Klasifikasi Isian"] == "Menurut kecamatan"
    assert (jumlah["Ukuran"], jumlah["Satuan"]) == ("Jumlah", "unit")
    assert jumlah["Aturan Validasi"] == ["minimum: 0"]
    assert jumlah["Penyelenggara"] == "Dinas Kesehatan Kota Contoh"
    assert kecamatan["Klasifikasi Isian"] == "Kode referensi wilayah, tingkat kecamatan"
    assert kecamatan["Aturan Validasi"] == ["wajib diisi"]
    assert tahun["Tipe Data"] == "Tahun" and tahun["Konsep"] is None
    assert all(v["Kalimat Pertanyaan"] is None for v in variables)


def test_ms_ind_when_the_metadata_has_an_indicator(situs):
    t = _by_id(situs, "dinkes/puskesmas")
    indikator = Indikator(
        nama="Rasio puskesmas",
        definisi="Jumlah puskesmas per kecamatan.",
        metode_perhitungan="Jumlah puskesmas dibagi jumlah kecamatan.",
        rumus="jumlah_puskesmas / kecamatan",
        satuan="unit",
        level_estimasi="kecamatan",
    )
    t = dataclasses.replace(t, meta=t.meta.model_copy(update={"indikator": indikator}))
    document = bps.metadata_statistik(situs, t)
    ind = document["MS-Ind"]
    assert ind["Nama Indikator"] == "Rasio puskesmas"
    assert ind["Metode/Rumus Perhitungan"] == (
        "Jumlah puskesmas dibagi jumlah kecamatan. jumlah_puskesmas / kecamatan"
    )
    assert ind["Nama Variabel Pembangun"] == ["Jumlah puskesmas"]
    assert ind["Level Estimasi"] == "kecamatan" and ind["Interpretasi"] is None
    assert "MS-Ind › Apakah Indikator Komposit" in document["isian_belum_tersedia"]


def test_every_field_the_model_lacks_is_null_and_listed(situs):
    document = bps.metadata_statistik(situs, _by_id(situs, "diskominfo/menara"))
    for block, field in bps.MS_KEG_MISSING:
        assert document["MS-Keg"][block][field] is None
        assert f"MS-Keg › {block} › {field}" in document["isian_belum_tersedia"]
    assert all(v[f] is None for v in document["MS-Var"] for f in bps.MS_VAR_MISSING)


def test_files_one_per_dataset_and_the_catalogue(situs):
    files = bps.files(situs)
    assert sorted(files) == [
        "bps/dinkes/puskesmas.json",
        "bps/diskominfo/menara.json",
        "bps/katalog.json",
    ]
    catalogue = files["bps/katalog.json"]
    assert catalogue["pembina_data"] == "BPS Kota Contoh"
    assert catalogue["wilayah"] == {
        "nama": "Kota Medan",
        "kode_kemendagri": "12.71",
        "kode_bps": "1275",
    }
    assert [d["dataset"] for d in catalogue["dataset"]] == ["dinkes/puskesmas", "diskominfo/menara"]
    assert "dinkes/rahasia" not in json.dumps(files)  # closed datasets are not exported


def test_example_catalogue_exports_every_dataset_with_indicators(example):
    situs, docs = example
    catalogue = json.loads((docs / "bps/katalog.json").read_text(encoding="utf-8"))
    assert catalogue["jumlah_dataset"] == len(situs.terbitan) == 34
    for t in situs.terbitan:
        document = json.loads((docs / f"bps/{t.id}.json").read_text(encoding="utf-8"))
        assert len(document["MS-Var"]) == len(t.meta.kolom)
        assert ("MS-Ind" in document) == (t.meta.indikator is not None)
    assert sum("MS-Ind" in d for d in catalogue["dataset"]) >= 1


def test_docs_name_every_bps_field_the_export_writes(situs):
    """docs/bps.md is the mapping table for the Pembina Data: it must name every field."""
    text = (REPO_ROOT / "docs/bps.md").read_text(encoding="utf-8")
    t = _by_id(situs, "dinkes/puskesmas")
    t = dataclasses.replace(t, meta=t.meta.model_copy(update={"indikator": Indikator()}))
    document = bps.metadata_statistik(situs, t)
    fields = set(document["MS-Var"][0]) | set(document["MS-Ind"])
    for block in document["MS-Keg"].values():
        fields |= set(block)
    missing = sorted(f for f in fields if f"`{f}`" not in text)
    assert missing == []
