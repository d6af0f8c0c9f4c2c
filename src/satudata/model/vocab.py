"""Controlled vocabularies of Satu Data and the BPS metadata standard.

Values are the words an OPD data team writes in YAML; each enum documents where it comes from.
"""

from enum import StrEnum


class Pilar(StrEnum):
    """Pilar Satu Data daerah: sektoral, kependudukan, layanan publik."""

    SEKTORAL = "sektoral"
    KEPENDUDUKAN = "kependudukan"
    LAYANAN_PUBLIK = "layanan-publik"


class Klasifikasi(StrEnum):
    """Klasifikasi informasi menurut UU 14/2008 (Keterbukaan Informasi Publik)."""

    TERBUKA = "terbuka"
    TERBATAS = "terbatas"
    TERTUTUP = "tertutup"


class Frekuensi(StrEnum):
    """Frekuensi pengumpulan/penerbitan data (MS-Keg BPS)."""

    HARIAN = "harian"
    MINGGUAN = "mingguan"
    BULANAN = "bulanan"
    TRIWULANAN = "triwulanan"
    EMPAT_BULANAN = "empat-bulanan"
    SEMESTERAN = "semesteran"
    TAHUNAN = "tahunan"
    LEBIH_DARI_DUA_TAHUNAN = "lebih-dari-dua-tahunan"
    TIDAK_TETAP = "tidak-tetap"


class CaraPengumpulan(StrEnum):
    """Cara pengumpulan data (MS-Keg BPS)."""

    PENCACAHAN_LENGKAP = "pencacahan-lengkap"
    SURVEI = "survei"
    KOMPILASI_PRODUK_ADMINISTRASI = "kompilasi-produk-administrasi"
    CARA_LAIN = "cara-lain"


class Tipe(StrEnum):
    """Tipe data kolom; masing-masing setara dengan satu tipe Table Schema Frictionless."""

    TEKS = "teks"
    BILANGAN_BULAT = "bilangan-bulat"
    BILANGAN = "bilangan"
    BOOLEAN = "boolean"
    TANGGAL = "tanggal"
    TANGGAL_WAKTU = "tanggal-waktu"
    TAHUN = "tahun"
    TAHUN_BULAN = "tahun-bulan"

    # What the engine knows about each type (pattern, Table Schema type, …): model/types.py.


class Peran(StrEnum):
    """Peran kolom dalam tabel format panjang (tidy)."""

    PERIODE = "periode"
    DIMENSI = "dimensi"
    UKURAN = "ukuran"
    ATRIBUT = "atribut"


class TemaEu(StrEnum):
    """Tema data Uni Eropa (EU Vocabularies `data-theme`), dipakai `dcat:theme` DCAT-AP."""

    AGRI = "AGRI"  # pertanian, perikanan, kehutanan, pangan
    ECON = "ECON"  # ekonomi dan keuangan
    EDUC = "EDUC"  # pendidikan, kebudayaan, olahraga
    ENER = "ENER"  # energi
    ENVI = "ENVI"  # lingkungan
    GOVE = "GOVE"  # pemerintahan dan sektor publik
    HEAL = "HEAL"  # kesehatan
    INTR = "INTR"  # isu internasional
    JUST = "JUST"  # hukum, peradilan, keamanan publik
    REGI = "REGI"  # wilayah dan kota
    SOCI = "SOCI"  # kependudukan dan masyarakat
    TECH = "TECH"  # sains dan teknologi
    TRAN = "TRAN"  # transportasi
