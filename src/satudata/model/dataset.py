"""Dataset metadata: SDI + BPS MS-Keg at dataset level, MS-Var + Table Schema per column."""

import datetime as dt
import re

from pydantic import Field, FiniteFloat, field_validator

from satudata.model.base import ColumnName, DatasetId, Label, LicenceId, Model, Slug, Text
from satudata.model.vocab import (
    CaraPengumpulan,
    Frekuensi,
    Klasifikasi,
    Lisensi,
    Peran,
    Pilar,
    Tipe,
)

# Finite: a NaN or infinity (YAML `.nan`, `.inf`) bounds nothing and is not JSON.
Batas = int | FiniteFloat | dt.date


class ReferensiKolom(Model):
    """Kunci asing dari kolom ke tabel kode referensi di `metadata/referensi/`."""

    tabel: Slug
    """Nama tabel referensi (berkas `metadata/referensi/<tabel>.csv`)."""
    kolom: str = "kode"
    """Kolom pada tabel referensi yang berisi kode."""
    tingkat: str | None = None
    """Tingkat yang wajib (nilai kolom `tingkat` tabel referensi), mis. `kecamatan`."""


# The Standar Data fields every measure (peran: ukuran) fills in; Kolom fields of these names.
STANDAR_DATA = ("konsep", "definisi", "klasifikasi", "ukuran", "satuan")


class Kolom(Model):
    """Satu kolom dataset: metadata variabel BPS (MS-Var) dan batasan Table Schema."""

    nama: ColumnName
    """Nama kolom persis seperti pada baris judul CSV (huruf kecil, garis bawah)."""
    judul: Label
    """Label yang mudah dibaca."""
    tipe: Tipe
    """Tipe data nilai: teks, bilangan-bulat, bilangan, boolean, tanggal, tanggal-waktu, tahun,
    tahun-bulan."""
    peran: Peran = Peran.DIMENSI
    """Peran dalam tabel format panjang: periode, dimensi, ukuran, atau atribut."""
    konsep: Text | None = None
    """Konsep (Standar Data): fenomena yang diukur variabel ini."""
    definisi: Text | None = None
    """Definisi operasional (Standar Data)."""
    klasifikasi: Text | None = None
    """Klasifikasi isian atau penyajian (Standar Data), mis. 'menurut kecamatan'."""
    ukuran: Label | None = None
    """Ukuran (Standar Data), mis. jumlah, persentase, rasio."""
    satuan: Label | None = None
    """Satuan (Standar Data), mis. orang, unit, persen."""
    referensi_waktu: Text | None = None
    """Referensi waktu nilai, mis. 'kondisi 31 Desember'."""
    wajib: bool = False
    """Setiap baris wajib berisi nilai."""
    unik: bool = False
    """Nilai tidak boleh berulang."""
    min: Batas | None = None
    """Nilai terkecil yang diizinkan."""
    maks: Batas | None = None
    """Nilai terbesar yang diizinkan."""
    pola: str | None = None
    """Regular expression yang harus cocok dengan seluruh nilai."""
    nilai: list[str | int] | None = None
    """Daftar nilai yang diizinkan (domain nilai)."""
    referensi: ReferensiKolom | None = None
    """Kunci asing ke tabel kode referensi."""
    jumlah_dari: list[ColumnName] | None = None
    """Kolom ini adalah jumlah dari kolom-kolom yang disebut (diperiksa setiap baris)."""
    data_pribadi: bool | None = None
    """Apakah kolom berisi data pribadi; `false` menyatakan kolom (mis. nama fasilitas) bukan data pribadi."""

    @field_validator("pola")
    @classmethod
    def _pola_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"pola bukan regular expression yang sah: {exc}") from exc
        return value


class Indikator(Model):
    """Metadata indikator BPS (MS-Ind), untuk dataset yang menyajikan indikator."""

    nama: Label | None = None
    """Nama indikator."""
    konsep: Text | None = None
    definisi: Text | None = None
    interpretasi: Text | None = None
    metode_perhitungan: Text | None = None
    rumus: Text | None = None
    ukuran: Text | None = None
    satuan: Text | None = None
    klasifikasi_penyajian: Text | None = None
    level_estimasi: Text | None = None


class JadwalRilis(Model):
    """Kapan data suatu periode wajib terbit."""

    jeda_bulan: int = Field(default=3, ge=0, le=36)
    """Jumlah bulan setelah akhir periode sampai data periode itu wajib terbit."""
    keterangan: Text | None = None
    """Jadwal dalam kata-kata, mis. 'paling lambat akhir Maret tahun berikutnya'."""


class Grafik(Model):
    """Apa yang digambar grafik di halaman dataset. Tanpa isian ini katalog memilih sendiri:
    ukuran indikator (ruas kiri `indikator.rumus`), atau ukuran yang paling mirip judul dataset
    dan bukan penyebut/komponen ukuran lain; persentase dan rasio tidak pernah dijumlahkan atau
    dirata-ratakan antarkategori."""

    ukuran: ColumnName | None = None
    """Kolom ukuran utama yang digambar, mis. `kasus_dbd`."""
    rincian: ColumnName | None = None
    """Kolom dimensi untuk merinci grafik (satu garis per kategori), mis. `jenis_kelamin`;
    kosong berarti total (untuk jumlah) atau dipilih otomatis (untuk persentase/rasio)."""


class Dataset(Model):
    """Metadata satu dataset: berkas `metadata/<opd>/<dataset>.yaml`."""

    id: DatasetId
    """`<opd>/<dataset>`, sama dengan jalur berkas."""
    judul: Label
    """Judul dataset."""
    deskripsi: Text
    """Isi dataset, untuk publik."""
    produsen: Slug
    """Slug OPD Produsen Data, sama dengan nama folder."""
    pilar: Pilar
    """Pilar Satu Data: sektoral, kependudukan, atau layanan-publik."""
    topik: list[Label] = Field(min_length=1)
    """Topik, mis. kesehatan, pendidikan."""
    kata_kunci: list[Label] = Field(default_factory=list)
    """Kata kunci untuk pencarian."""
    klasifikasi: Klasifikasi
    """Klasifikasi informasi (UU 14/2008); hanya dataset `terbuka` yang dipublikasikan."""
    lisensi: Lisensi | LicenceId | None = None
    """Kode lisensi SPDX; kosong berarti lisensi bawaan portal. Selain lisensi yang dikenal,
    hanya kode yang dinyatakan di `lisensi_tambahan` portal."""
    frekuensi: Frekuensi
    """Frekuensi penerbitan (BPS): harian, mingguan, bulanan, triwulanan, empat-bulanan,
    semesteran, tahunan, lebih-dari-dua-tahunan, tidak-tetap."""
    cara_pengumpulan: CaraPengumpulan
    """Cara pengumpulan (BPS): pencacahan-lengkap, survei, kompilasi-produk-administrasi,
    cara-lain."""
    cakupan_wilayah: Label
    """Cakupan wilayah, mis. nama kabupaten/kota atau kecamatan yang dicakup."""
    sumber: Text
    """Asal angka (dokumen, sistem informasi, survei)."""
    kontak: Text | None = None
    """Kontak untuk pertanyaan tentang dataset ini (kontak kantor, bukan pribadi)."""
    daftar_data: str | None = None
    """Kode entri Daftar Data yang dipenuhi dataset ini."""
    jadwal_rilis: JadwalRilis = Field(default_factory=JadwalRilis)
    """Jadwal rilis: `jeda_bulan` setelah akhir periode, dan keterangannya."""
    data_contoh: bool = False
    """`true` bila angka hanya contoh (ilustrasi), bukan angka resmi; ditampilkan kepada pembaca."""
    catatan: Text | None = None
    """Catatan untuk pembaca (keterbatasan, perubahan metode)."""
    dihentikan: dt.date | None = None
    """Tanggal dataset dihentikan (tidak diperbarui lagi, riwayat tetap disimpan)."""
    indikator: Indikator | None = None
    grafik: Grafik | None = None
    """Ukuran utama dan rincian grafik di halaman dataset (pembaca tetap dapat menggantinya)."""
    kunci: list[ColumnName] = Field(default_factory=list)
    """Kunci utama: kolom-kolom yang bersama-sama mengenali satu baris."""
    kolom: list[Kolom] = Field(min_length=1)
    """Kamus kolom, berurutan sesuai CSV."""

    @property
    def opd(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def slug(self) -> str:
        return self.id.split("/", 1)[1]

    def column(self, name: str) -> Kolom | None:
        return next((k for k in self.kolom if k.nama == name), None)

    @property
    def periode(self) -> Kolom | None:
        return next((k for k in self.kolom if k.peran is Peran.PERIODE), None)

    @property
    def ukuran_kolom(self) -> list[Kolom]:
        return [k for k in self.kolom if k.peran is Peran.UKURAN]
