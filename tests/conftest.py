"""Tiny Satu Data repositories built in tmp_path for the tests."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("SATUDATA_LANG", "id")
# The parsed-metadata cache of the tests' throw-away repositories stays out of ~/.cache.
if "SATUDATA_CACHE_DIR" not in os.environ:
    os.environ["SATUDATA_CACHE_DIR"] = tempfile.mkdtemp(prefix="satudata-test-cache-")
    atexit.register(shutil.rmtree, os.environ["SATUDATA_CACHE_DIR"], True)

PORTAL = """\
nama: Pemerintah Kota Contoh
nama_singkat: Pemkot Contoh
nama_portal: Satu Data Kota Contoh
kode_wilayah: "12.71"
kode_bps: "1275"
walidata: {opd: diskominfo, tim: "@contoh/walidata"}
pembina_data: BPS Kota Contoh
url_situs: https://data.contoh.go.id
forge: {jenis: github, url: https://github.com/contoh/satudata}
"""

ORGANISASI = """\
organisasi:
  - slug: diskominfo
    nama: Dinas Komunikasi dan Informatika Kota Contoh
    singkatan: Diskominfo
    tim: "@contoh/diskominfo"
  - slug: dinkes
    nama: Dinas Kesehatan Kota Contoh
    singkatan: Dinkes
    tim: "@contoh/dinkes"
"""

DAFTAR = """\
tahun: 2026
entri:
  - kode: DD-DINKES-001
    judul: Jumlah puskesmas per kecamatan
    produsen: dinkes
    pilar: sektoral
    frekuensi: tahunan
  - kode: DD-DINKES-002
    judul: Kasus DBD per bulan
    produsen: dinkes
    pilar: sektoral
    frekuensi: bulanan
"""

REFERENSI = """\
tabel:
  - nama: wilayah
    judul: Kode wilayah
    sumber: Kepmendagri 300.2.2-2138 Tahun 2025
"""

WILAYAH = """\
kode,nama,tingkat,kode_induk
12.71,Kota Medan,kabupaten_kota,12
12.71.01,Medan Kota,kecamatan,12.71
12.71.02,Medan Sunggal,kecamatan,12.71
12.71.01.1001,Pasar Baru,kelurahan_desa,12.71.01
"""

DATASET = """\
# yaml-language-server: $schema=../schema/dataset.json
id: dinkes/puskesmas
judul: Jumlah Puskesmas per Kecamatan
deskripsi: Jumlah puskesmas menurut kecamatan.
produsen: dinkes
pilar: sektoral
topik: [kesehatan]
klasifikasi: terbuka
frekuensi: tahunan
cara_pengumpulan: kompilasi-produk-administrasi
cakupan_wilayah: Kota Contoh
sumber: Profil Kesehatan
daftar_data: DD-DINKES-001
kunci: [tahun, kode_kecamatan]
kolom:
  - nama: tahun
    judul: Tahun
    tipe: tahun
    peran: periode
    wajib: true
  - nama: kode_kecamatan
    judul: Kode kecamatan
    tipe: teks
    peran: dimensi
    wajib: true
    referensi: {tabel: wilayah, tingkat: kecamatan}
  - nama: jumlah_puskesmas
    judul: Jumlah puskesmas
    tipe: bilangan-bulat
    peran: ukuran
    konsep: Puskesmas
    definisi: Fasilitas pelayanan kesehatan tingkat pertama.
    klasifikasi: Menurut kecamatan
    ukuran: Jumlah
    satuan: unit
    min: 0
"""

DATA = """\
tahun,kode_kecamatan,jumlah_puskesmas
2024,12.71.01,3
2024,12.71.02,2
2025,12.71.01,3
2025,12.71.02,4
"""


class RepoBuilder:
    def __init__(self, root: Path):
        self.root = root

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> None:
        text = self.read(relative)
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

    def delete(self, relative: str) -> None:
        (self.root / relative).unlink()


@pytest.fixture
def repo(tmp_path: Path) -> RepoBuilder:
    return make_repo(tmp_path)


def make_repo(tmp_path: Path) -> RepoBuilder:
    """The tiny clean repository of the `repo` fixture, for fixtures of a wider scope."""
    builder = RepoBuilder(tmp_path)
    builder.write("metadata/portal.yaml", PORTAL)
    builder.write("metadata/organisasi.yaml", ORGANISASI)
    builder.write("metadata/daftar-data.yaml", DAFTAR)
    builder.write("metadata/referensi/referensi.yaml", REFERENSI)
    builder.write("metadata/referensi/wilayah.csv", WILAYAH)
    builder.write("metadata/dinkes/puskesmas.yaml", DATASET)
    builder.write("data/dinkes/puskesmas.csv", DATA)
    from satudata.load.repository import Repository
    from satudata.rules.codeowners import render_codeowners

    builder.write("CODEOWNERS", render_codeowners(Repository.load(tmp_path)))
    return builder


REPO_ROOT = Path(__file__).resolve().parents[1]
