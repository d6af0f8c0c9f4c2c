"""BPS metadata statistik (Peraturan BPS 5/2020) for the Pembina Data: `bps/<opd>/<slug>.json`
per dataset and `bps/katalog.json` for all, in the structure BPS collects in INDAH.

A dataset is treated as one statistical activity: MS-Keg describes the activity, MS-Var each
column, MS-Ind the indicator when the metadata has an `indikator` block. Keys are the field
labels of the BPS forms (docs/bps.md lists them with their source). A field the metadata model
does not hold is written as null and listed in `isian_belum_tersedia`, so BPS and the Walidata
see what is still to be filled in INDAH rather than an invented value.
"""

from __future__ import annotations

from collections.abc import Callable

from satudata.catalog.feeds import common as u
from satudata.catalog.views import PublishedDataset, Site
from satudata.model import CaraPengumpulan, Frekuensi, Kolom, Tipe

STANDAR = "Peraturan BPS Nomor 5 Tahun 2020 tentang Petunjuk Teknis Metadata Statistik"

_CARA = {
    CaraPengumpulan.PENCACAHAN_LENGKAP: "Pencacahan Lengkap",
    CaraPengumpulan.SURVEI: "Survei",
    CaraPengumpulan.KOMPILASI_PRODUK_ADMINISTRASI: "Kompilasi Produk Administrasi",
    CaraPengumpulan.CARA_LAIN: "Cara Lain Sesuai dengan Perkembangan TI",
}
_FREKUENSI = {
    Frekuensi.HARIAN: "Harian",
    Frekuensi.MINGGUAN: "Mingguan",
    Frekuensi.BULANAN: "Bulanan",
    Frekuensi.TRIWULANAN: "Triwulanan",
    Frekuensi.EMPAT_BULANAN: "Empat Bulanan",
    Frekuensi.SEMESTERAN: "Semesteran",
    Frekuensi.TAHUNAN: "Tahunan",
    Frekuensi.LEBIH_DARI_DUA_TAHUNAN: "Lebih dari Dua Tahunan",
    Frekuensi.TIDAK_TETAP: "Tidak Tetap",
}
_TIPE = {
    Tipe.TEKS: "Karakter",
    Tipe.BILANGAN_BULAT: "Numerik",
    Tipe.BILANGAN: "Numerik",
    Tipe.BOOLEAN: "Boolean",
    Tipe.TANGGAL: "Tanggal",
    Tipe.TANGGAL_WAKTU: "Tanggal dan Waktu",
    Tipe.TAHUN: "Tahun",
    Tipe.TAHUN_BULAN: "Tahun dan Bulan",
}

# Fields of the BPS forms that the metadata model does not (yet) hold: always null here.
MS_KEG_MISSING = (
    ("Identitas Kegiatan Statistik", "Kode Kegiatan"),
    ("Identitas Kegiatan Statistik", "Identitas Rekomendasi"),
    ("Blok I. Penyelenggara", "Alamat Lengkap"),
    ("Blok I. Penyelenggara", "Telepon"),
    ("Blok I. Penyelenggara", "Faksimile"),
    ("Blok II. Penanggung Jawab", "Unit Eselon Penanggung Jawab"),
    ("Blok II. Penanggung Jawab", "Penanggung Jawab Teknis"),
    ("Blok III. Perencanaan dan Persiapan", "Latar Belakang Kegiatan"),
    ("Blok III. Perencanaan dan Persiapan", "Tujuan Kegiatan"),
    ("Blok IV. Desain Kegiatan", "Tipe Pengumpulan Data"),
    ("Blok IV. Desain Kegiatan", "Metode Pengumpulan Data"),
    ("Blok IV. Desain Kegiatan", "Sarana Pengumpulan Data"),
    ("Blok IV. Desain Kegiatan", "Unit Pengumpulan Data"),
    ("Blok V. Desain Sampel", "Jenis Rancangan Sampel"),
    ("Blok VI. Penjaminan Kualitas", "Apakah Melakukan Uji Coba (Pilot Survey)"),
    ("Blok VII. Pengolahan dan Analisis", "Tahapan Pengolahan Data"),
    ("Blok VII. Pengolahan dan Analisis", "Metode Analisis"),
)
MS_VAR_MISSING = ("Referensi Pemilihan", "Kalimat Pertanyaan")
MS_IND_MISSING = (
    "Apakah Indikator Komposit",
    "Publikasi Ketersediaan Indikator Pembangun",
    "Nama Indikator Pembangun",
)


def files(situs: Site) -> dict[str, dict]:
    """Site path → JSON content: one file per published dataset and `bps/katalog.json`."""
    published = u.terbitan(situs)
    per_dataset = {f"bps/{t.id}.json": metadata_statistik(situs, t) for t in published}
    catalogue = {
        "standar": STANDAR,
        "pembina_data": situs.portal.pembina_data,
        "walidata": u.nama_walidata(situs),
        "wilayah": {"nama": u.nama_wilayah(situs), "kode_kemendagri": situs.portal.kode_wilayah}
        | ({"kode_bps": situs.portal.kode_bps} if situs.portal.kode_bps else {}),
        "tanggal": situs.tanggal.isoformat(),
        "jumlah_dataset": len(published),
        "dataset": list(per_dataset.values()),
    }
    return {**per_dataset, "bps/katalog.json": catalogue}


def metadata_statistik(situs: Site, t: PublishedDataset) -> dict:
    meta = t.meta
    missing = [f"MS-Keg › {block} › {field}" for block, field in MS_KEG_MISSING]
    missing += [f"MS-Var › {field}" for field in MS_VAR_MISSING]
    document = {
        "dataset": meta.id,
        "halaman": situs.url(t.url_path),
        "metadata": f"metadata/{meta.id}.yaml",
        "standar": STANDAR,
        "MS-Keg": _ms_keg(situs, t),
        "MS-Var": [_ms_var(t, k) for k in meta.kolom],
    }
    if meta.indikator is not None:
        document["MS-Ind"] = _ms_ind(t)
        missing += [f"MS-Ind › {field}" for field in MS_IND_MISSING]
    document["isian_belum_tersedia"] = missing
    return document


def _ms_keg(situs: Site, t: PublishedDataset) -> dict:
    meta = t.meta
    _, mail = u.kontak(situs, t)
    blocks: dict[str, dict] = {
        "Identitas Kegiatan Statistik": {
            "Judul Kegiatan": meta.judul,
            "Tahun Kegiatan": _year(t),
            "Cara Pengumpulan Data": _CARA[meta.cara_pengumpulan],
            "Sektor Kegiatan": meta.topik[0],
            "Jenis Statistik": "Sektoral",  # produced by a regional government body (UU 16/1997)
        },
        "Blok I. Penyelenggara": {
            "Instansi Penyelenggara": u.nama_opd(t),
            "Email": mail,
        },
        "Blok II. Penanggung Jawab": {},
        "Blok III. Perencanaan dan Persiapan": {
            "Rencana Jadwal Kegiatan": {"Diseminasi Hasil": _release(meta)},
            "Variabel (Karakteristik) yang Dikumpulkan": [k.judul for k in meta.kolom],
        },
        "Blok IV. Desain Kegiatan": {
            "Kegiatan Ini Dilakukan": "Berulang",  # every dataset has a frekuensi
            "Frekuensi Penyelenggaraan": _FREKUENSI[meta.frekuensi],
            "Cakupan Wilayah Pengumpulan Data": meta.cakupan_wilayah,
            "Sumber Data": meta.sumber,
        },
        "Blok V. Desain Sampel": {},
        "Blok VI. Penjaminan Kualitas": {
            "Pemeriksaan": "Validasi otomatis satudata dan tinjauan Walidata sebelum terbit",
        },
        "Blok VII. Pengolahan dan Analisis": {},
        "Blok VIII. Diseminasi Hasil": {
            "Produk Kegiatan yang Tersedia untuk Umum": ["Tabel", "Data terbuka (CSV, XLSX, JSON)"],
            "Rencana Rilis Produk Kegiatan": _release(meta),
            "Alamat Diseminasi": situs.url(t.url_path),
            "Lisensi": u.lisensi(situs, meta),
        },
    }
    for block, field in MS_KEG_MISSING:
        blocks[block][field] = None
    return blocks


def _ms_var(t: PublishedDataset, k: Kolom) -> dict:
    variable = {
        "Judul Kegiatan": t.meta.judul,
        "Penyelenggara": u.nama_opd(t),
        "Nama Variabel": k.judul,
        "Alias": k.nama,
        "Konsep": k.konsep,
        "Definisi": k.definisi,
        "Referensi Waktu": k.referensi_waktu,
        "Tipe Data": _TIPE[k.tipe],
        "Klasifikasi Isian": _classification(k),
        "Ukuran": k.ukuran,
        "Satuan": k.satuan,
        "Aturan Validasi": _validation_rules(k) or None,
        "Apakah Kolom Isian Bersifat Publik": "Ya",  # only open datasets are exported
    }
    for field in MS_VAR_MISSING:
        variable[field] = None
    return variable


def _ms_ind(t: PublishedDataset) -> dict:
    ind = t.meta.indikator
    assert ind is not None
    measures = [k.judul for k in t.meta.ukuran_kolom]
    indicator = {
        "Nama Indikator": ind.nama or t.meta.judul,
        "Konsep": ind.konsep,
        "Definisi": ind.definisi,
        "Interpretasi": ind.interpretasi,
        "Metode/Rumus Perhitungan": _join(ind.metode_perhitungan, ind.rumus),
        "Ukuran": ind.ukuran,
        "Satuan": ind.satuan,
        "Klasifikasi Penyajian": ind.klasifikasi_penyajian,
        "Kegiatan Penghasil Variabel Pembangun": t.meta.judul,
        "Nama Variabel Pembangun": measures,
        "Level Estimasi": ind.level_estimasi,
        "Apakah Indikator Dapat Diakses Umum": "Ya",
    }
    for field in MS_IND_MISSING:
        indicator[field] = None
    return indicator


_RULES: tuple[tuple[str, Callable[[Kolom], object]], ...] = (
    ("wajib diisi", lambda k: k.wajib or None),
    ("nilai unik", lambda k: k.unik or None),
    ("minimum", lambda k: k.min),
    ("maksimum", lambda k: k.maks),
    ("pola", lambda k: k.pola),
    ("jumlah dari", lambda k: ", ".join(k.jumlah_dari) if k.jumlah_dari else None),
)


def _validation_rules(k: Kolom) -> list[str]:
    """The column's constraints in words, as satudata checks them on every row."""
    rules = []
    for label, get in _RULES:
        value = get(k)
        if value is True:
            rules.append(label)
        elif value is not None:
            rules.append(f"{label}: {value}")
    return rules


def _classification(k: Kolom) -> str | list[str] | None:
    if k.nilai:
        return [str(v) for v in k.nilai]
    if k.referensi:
        level = f", tingkat {k.referensi.tingkat}" if k.referensi.tingkat else ""
        return f"Kode referensi {k.referensi.tabel}{level}"
    return k.klasifikasi


def _release(meta) -> str:
    plan = meta.jadwal_rilis
    return plan.keterangan or f"{plan.jeda_bulan} bulan setelah akhir periode data"


def _year(t: PublishedDataset) -> int | None:
    latest = t.periode_terakhir
    return int(latest[:4]) if latest and latest[:4].isdigit() else None


def _join(*parts: str | None) -> str | None:
    text = " ".join(p for p in parts if p)
    return text or None
