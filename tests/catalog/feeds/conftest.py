"""Fixtures of the feed tests: a two-dataset catalogue model with its files on disk, and the
example repository's feeds rendered once (for the official validators)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from satudata.audit.git import Commit, FileChange, GitInfo
from satudata.catalog.views import Download, Site, build_model
from satudata.checks.runner import validate
from satudata.load.repository import Repository

TODAY = dt.date(2026, 3, 2)
CHANGED = dt.datetime(2026, 2, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
TUTUP = "dinkes/rahasia"
MENARA = """\
id: diskominfo/menara
judul: Menara Telekomunikasi
deskripsi: Jumlah menara telekomunikasi & BTS menurut kecamatan.
produsen: diskominfo
pilar: sektoral
topik: [komunikasi, Teknologi]
kata_kunci: [menara, bts]
klasifikasi: terbuka
lisensi: CC0-1.0
frekuensi: semesteran
cara_pengumpulan: kompilasi-produk-administrasi
cakupan_wilayah: Kota Contoh
sumber: Perizinan
kontak: "Bidang TIK, tik@contoh.go.id"
data_contoh: true
kolom:
  - {nama: periode, judul: Semester, tipe: teks, peran: periode, wajib: true}
  - nama: jumlah
    judul: Jumlah menara
    tipe: bilangan-bulat
    peran: ukuran
    konsep: Menara telekomunikasi
    definisi: Bangunan untuk antena telekomunikasi.
    klasifikasi: Menurut kecamatan
    ukuran: Jumlah
    satuan: unit
"""


def _berkas(site: Path, rel: str, jenis: str, mediatype: str, content: bytes) -> Download:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return Download(jenis, rel, hashlib.sha256(content).hexdigest(), len(content), mediatype)


def _git(repo) -> GitInfo:
    commit = Commit("a" * 40, CHANGED, "Tim Dinkes", "dinkes@contoh.go.id", "Data 2025")
    return GitInfo(
        head=commit,
        commits={commit.sha: commit},
        history={
            "data/dinkes/puskesmas.csv": [
                (commit.sha, FileChange("data/dinkes/puskesmas.csv", "M", "b" * 40))
            ]
        },
    )


@pytest.fixture
def site(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("site")


@pytest.fixture
def situs(repo, site) -> Site:
    repo.replace(
        "metadata/portal.yaml", "pembina_data:", "kontak: walidata@contoh.go.id\npembina_data:"
    )
    repo.write("metadata/diskominfo/menara.yaml", MENARA)
    repo.write("data/diskominfo/menara.csv", "periode,jumlah\n2024-S2,40\n2025-S1,42\n")
    repo.write(
        f"metadata/{TUTUP}.yaml",
        repo.read("metadata/dinkes/puskesmas.yaml")
        .replace("dinkes/puskesmas", TUTUP)
        .replace("daftar_data: DD-DINKES-001\n", "")
        .replace("Jumlah Puskesmas per Kecamatan", "Daftar Rahasia")
        .replace("klasifikasi: terbuka", "klasifikasi: tertutup"),
    )
    repo.write(f"data/{TUTUP}.csv", repo.read("data/dinkes/puskesmas.csv"))
    loaded = Repository.load(repo.root)
    model = build_model(loaded, validate(loaded, today=TODAY), _git(repo), TODAY)
    for t in model.terbitan:
        folder = f"unduh/{t.meta.opd}/{t.meta.slug}"
        data = t.entry.data_path.read_bytes()
        t.berkas["csv"] = _berkas(site, f"{folder}/{t.meta.slug}.csv", "csv", "text/csv", data)
        t.berkas["json"] = _berkas(
            site, f"{folder}/{t.meta.slug}.json", "json", "application/json", b"[]\n"
        )
    return model


@pytest.fixture(scope="session")
def example(tmp_path_factory) -> tuple[Site, Path]:
    """The example repository (Kota Medan) rendered: its model and docs/ with every feed,
    before MkDocs."""
    from satudata.catalog.build import render

    staging = tmp_path_factory.mktemp("contoh")
    return render(REPO_ROOT, staging, jobs=1), staging / "docs"


@pytest.fixture(scope="session")
def example_docs(example) -> Path:
    return example[1]
