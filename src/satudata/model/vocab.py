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


class Lisensi(StrEnum):
    """Lisensi data terbuka yang dikenal (kode SPDX). Lisensi lain hanya boleh dipakai bila
    dinyatakan portal di `lisensi_tambahan` (`metadata/portal.yaml`)."""

    CC_BY_4_0 = "CC-BY-4.0"
    CC_BY_SA_4_0 = "CC-BY-SA-4.0"
    CC0_1_0 = "CC0-1.0"
    ODBL_1_0 = "ODbL-1.0"
    ODC_BY_1_0 = "ODC-By-1.0"
    PDDL_1_0 = "PDDL-1.0"
    OGL_UK_3_0 = "OGL-UK-3.0"
