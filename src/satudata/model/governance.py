"""Governance metadata: the government (portal), its OPDs, the Daftar Data, reference tables."""

import datetime as dt

from pydantic import Field, FiniteFloat, HttpUrl, ValidationInfo, field_validator

from satudata.model.base import Label, LicenceId, Model, Slug, Text
from satudata.model.dataset import JadwalRilis
from satudata.model.vocab import Frekuensi, Lisensi, Pilar, TemaEu


class Forge(Model):
    """Tempat repositori di-host, untuk tautan ke commit, pull request, dan formulir isu."""

    jenis: str = Field(default="github", pattern="^(github|gitlab)$")
    url: HttpUrl
    """URL repositori, mis. https://github.com/<org>/<repo>."""


class Walidata(Model):
    opd: Slug
    """Slug OPD yang menjadi Walidata (biasanya Diskominfo)."""
    tim: Label
    """Nama tim peninjau, mis. @org/walidata."""


class Pemeriksaan(Model):
    """Ambang pemeriksaan kualitas dan kebaruan data (boleh diubah per pemerintah daerah)."""

    ambang_salinan: FiniteFloat = Field(default=0.95, gt=0, le=1)
    """Bagian nilai periode terakhir yang sama persis dengan periode sebelumnya sehingga data
    dicurigai disalin."""
    minimum_baris_salinan: int = Field(default=5, ge=1)
    """Jumlah pasangan baris minimum sebelum dugaan salinan diperiksa."""
    faktor_lonjakan: FiniteFloat = Field(default=10, gt=1)
    """Kelipatan perubahan dari periode sebelumnya yang dianggap tidak wajar."""
    nilai_minimum_lonjakan: FiniteFloat = Field(default=100, ge=0)
    """Lonjakan hanya diperiksa bila salah satu nilai setidaknya sebesar ini."""
    hari_peringatan_jatuh_tempo: int = Field(default=30, ge=0)
    """Berapa hari sebelum tenggat status menjadi 'segera jatuh tempo'."""


class Portal(Model):
    """Pemerintah daerah pemilik repositori ini: `metadata/portal.yaml`."""

    nama: Label
    """Nama resmi pemerintah daerah, mis. Pemerintah Kota ... atau Pemerintah Kabupaten ...."""
    nama_singkat: Label
    nama_portal: Label
    """Nama katalog publik, mis. Satu Data Kota ...."""
    kode_wilayah: str = Field(pattern=r"^\d{2}(\.\d{2}){0,2}(\.\d{4})?$")
    """Kode wilayah Kemendagri, mis. 12.71."""
    kode_bps: str | None = Field(default=None, pattern=r"^\d{2,10}$")
    """Kode wilayah BPS (berbeda dari kode Kemendagri untuk wilayah yang sama)."""
    walidata: Walidata
    pembina_data: Label
    """Pembina Data statistik, mis. BPS kabupaten/kota setempat."""
    dasar_hukum: list[Text] = Field(default_factory=list)
    """Dasar hukum (Perpres, Perda/Perwal)."""
    url_situs: HttpUrl
    """URL publik situs katalog."""
    forge: Forge
    lisensi_tambahan: list[LicenceId] = Field(default_factory=list)
    """Kode SPDX lisensi terbuka lain yang boleh dipakai dataset, selain yang dikenal
    (CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODbL-1.0, ODC-By-1.0, PDDL-1.0, OGL-UK-3.0)."""
    lisensi_bawaan: Lisensi | LicenceId = Lisensi.CC_BY_4_0
    """Lisensi SPDX bila dataset tidak menyebutkan lisensi."""
    zona_waktu: str = "Asia/Jakarta"
    kontak: Text | None = None
    """Kontak publik Walidata."""
    pemeriksaan: Pemeriksaan = Field(default_factory=Pemeriksaan)
    """Ambang pemeriksaan kualitas dan kebaruan."""

    @field_validator("lisensi_bawaan")
    @classmethod
    def _lisensi_dikenal(cls, value: str, info: ValidationInfo) -> str:
        if value not in known_licences(info.data.get("lisensi_tambahan") or []):
            raise ValueError(
                f"lisensi '{value}' tidak dikenal; pakai kode SPDX lisensi terbuka yang dikenal "
                "atau cantumkan kode itu di lisensi_tambahan"
            )
        return value

    def allows_licence(self, value: str) -> bool:
        return value in known_licences(self.lisensi_tambahan)


def known_licences(extra: list[str]) -> set[str]:
    """Open-licence SPDX ids a dataset may use: the model's vocabulary plus the portal's."""
    return {*(lisensi.value for lisensi in Lisensi), *extra}


class Opd(Model):
    """Satu perangkat daerah (OPD) di `metadata/organisasi.yaml`."""

    slug: Slug
    """Nama folder di bawah data/ dan metadata/."""
    nama: Label
    """Nama resmi lengkap."""
    singkatan: Label
    tim: Label
    """Nama tim data OPD untuk peninjauan, mis. @org/dinkes."""
    kontak: Text | None = None
    """Kontak kantor (e-mail dinas, bukan pribadi)."""
    situs: HttpUrl | None = None


class Organisasi(Model):
    organisasi: list[Opd] = Field(min_length=1)

    def by_slug(self) -> dict[str, Opd]:
        return {opd.slug: opd for opd in self.organisasi}


class EntriDaftarData(Model):
    """Dataset yang direncanakan dan disepakati dalam Forum Satu Data."""

    kode: str = Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
    """Kode tetap, mis. DD-DINKES-001."""
    judul: Label
    produsen: Slug
    pilar: Pilar
    frekuensi: Frekuensi
    jadwal_rilis: JadwalRilis = Field(default_factory=JadwalRilis)
    target: dt.date | None = None
    """Tanggal paling lambat penyerahan pertama."""


class DaftarData(Model):
    """`metadata/daftar-data.yaml`: dataset yang direncanakan pada tahun berjalan."""

    tahun: int = Field(ge=2019, le=2100)
    ditetapkan: Text | None = None
    """Kapan dan di mana daftar disepakati (Forum Satu Data)."""
    entri: list[EntriDaftarData] = Field(default_factory=list)


class TabelReferensi(Model):
    """Keterangan satu tabel kode di `metadata/referensi/`."""

    nama: Slug
    """Nama berkas tanpa .csv."""
    judul: Label
    sumber: Text
    """Sumber hukum atau statistik kode."""
    lisensi: LicenceId | None = None
    kolom_kode: str = "kode"
    kolom_nama: str = "nama"


class Referensi(Model):
    """`metadata/referensi/referensi.yaml`: katalog tabel kode referensi."""

    tabel: list[TabelReferensi] = Field(min_length=1)


class TemaDcat(Model):
    """`metadata/tema-dcat.yaml`: padanan topik dataset → tema data Uni Eropa untuk umpan
    DCAT-AP. Tanpa berkas ini dipakai padanan bawaan satudata."""

    padanan: dict[Text, list[TemaEu]] = Field(min_length=1)
    """Topik (seperti ditulis di `topik`, huruf besar/kecil tidak dibedakan) → kode tema, mis.
    `kesehatan: [HEAL]`."""
    bawaan: list[TemaEu] = Field(default_factory=lambda: [TemaEu.GOVE], min_length=1)
    """Tema bila tidak satu pun topik dataset ada di `padanan` (bawaan: GOVE, pemerintahan)."""

    def themes(self, topik: list[str]) -> list[TemaEu]:
        """The themes of a dataset's topics, sorted; `bawaan` when none is mapped."""
        lookup = {key.casefold(): codes for key, codes in self.padanan.items()}
        found = {code for t in topik for code in lookup.get(t.casefold(), [])}
        return sorted(found) if found else list(self.bawaan)
