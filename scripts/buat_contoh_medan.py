"""Regenerate the illustrative example data of Kota Medan: every `data/<opd>/<dataset>.csv`.

The figures are invented but plausible in size, with a trend and noise, and the same every run
(seeded). One figure is real: the population per kecamatan of the latest year adds up exactly to
the Kemendagri total for Kota Medan (2,546,452; 1,263,569 male, 1,282,883 female). Codes come from
`metadata/referensi/*.csv`. The metadata (`metadata/<opd>/<dataset>.yaml`) is written by hand and
is not touched here; keep the column lists below in step with its `kolom`.

    python3 scripts/buat_contoh_medan.py
"""

from __future__ import annotations

import csv
import math
import random
import re
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENSI = ROOT / "metadata" / "referensi"
SEED = 1275

# Kemendagri population of Kota Medan (the one real figure in the example data).
PENDUDUK_TERAKHIR = {"L": 1_263_569, "P": 1_282_883}
TAHUN_TERAKHIR = 2025

# Relative size of each kecamatan (roughly thousands of inhabitants) and yearly growth.
BOBOT_KECAMATAN = {
    "12.71.01": 88,
    "12.71.02": 122,
    "12.71.03": 157,
    "12.71.04": 173,
    "12.71.05": 85,
    "12.71.06": 195,
    "12.71.07": 95,
    "12.71.08": 112,
    "12.71.09": 134,
    "12.71.10": 111,
    "12.71.11": 150,
    "12.71.12": 185,
    "12.71.13": 131,
    "12.71.14": 145,
    "12.71.15": 45,
    "12.71.16": 60,
    "12.71.17": 35,
    "12.71.18": 102,
    "12.71.19": 66,
    "12.71.20": 115,
    "12.71.21": 112,
}
PERTUMBUHAN_KECAMATAN = {
    "12.71.01": -0.004,
    "12.71.02": 0.010,
    "12.71.03": 0.008,
    "12.71.04": 0.009,
    "12.71.05": -0.003,
    "12.71.06": 0.016,
    "12.71.07": 0.019,
    "12.71.08": 0.006,
    "12.71.09": 0.014,
    "12.71.10": 0.002,
    "12.71.11": 0.015,
    "12.71.12": 0.018,
    "12.71.13": 0.012,
    "12.71.14": 0.010,
    "12.71.15": -0.005,
    "12.71.16": 0.004,
    "12.71.17": -0.006,
    "12.71.18": 0.001,
    "12.71.19": -0.002,
    "12.71.20": 0.003,
    "12.71.21": 0.011,
}
# Commercial weight of a kecamatan (parking, heritage buildings, ...): the old city centre.
PUSAT_KOTA = {"12.71.01": 2.2, "12.71.05": 2.0, "12.71.15": 1.6, "12.71.17": 1.8, "12.71.19": 2.4}


# --- reference codes -----------------------------------------------------------------------


def baca_referensi(nama: str) -> list[dict[str, str]]:
    with open(REFERENSI / f"{nama}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def kode(nama: str) -> list[str]:
    return [r["kode"] for r in baca_referensi(nama)]


WILAYAH = baca_referensi("wilayah")
KECAMATAN = [r["kode"] for r in WILAYAH if r["tingkat"] == "kecamatan"]
NAMA_WILAYAH = {r["kode"]: r["nama"] for r in WILAYAH}
KELURAHAN = {
    kec: [r["kode"] for r in WILAYAH if r["tingkat"] == "kelurahan_desa" and r["kode_induk"] == kec]
    for kec in KECAMATAN
}
JENIS_KELAMIN = kode("jenis-kelamin")


# --- periods, numbers, output ----------------------------------------------------------------


def tahun(awal: int, akhir: int) -> list[int]:
    return list(range(awal, akhir + 1))


def bulan(awal: str, akhir: str) -> list[str]:
    y, m = map(int, awal.split("-"))
    hasil = []
    while f"{y:04d}-{m:02d}" <= akhir:
        hasil.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return hasil


def triwulan(awal: str, akhir: str) -> list[str]:
    y, q = int(awal[:4]), int(awal[-1])
    hasil = []
    while f"{y}-Q{q}" <= akhir:
        hasil.append(f"{y}-Q{q}")
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return hasil


def bagi(total: int, bobot: list[float]) -> list[int]:
    """Split an integer total by weights so the parts add up exactly (largest remainder)."""
    jumlah = sum(bobot)
    mentah = [total * b / jumlah for b in bobot]
    bagian = [math.floor(x) for x in mentah]
    sisa = total - sum(bagian)
    for i in sorted(range(len(bobot)), key=lambda i: mentah[i] - bagian[i], reverse=True)[:sisa]:
        bagian[i] += 1
    return bagian


def poisson(rng: random.Random, rata: float) -> int:
    if rata <= 0:
        return 0
    if rata > 40:
        return max(0, round(rng.gauss(rata, math.sqrt(rata))))
    batas, k, p = math.exp(-rata), 0, 1.0
    while True:
        p *= rng.random()
        if p <= batas:
            return k
        k += 1


def binomial(rng: random.Random, n: int, p: float) -> int:
    if n > 200:
        return min(n, max(0, round(rng.gauss(n * p, math.sqrt(n * p * (1 - p))))))
    return sum(rng.random() < p for _ in range(n))


def acak(rng: random.Random, nilai: float, derau: float) -> float:
    """`nilai` with multiplicative noise of at most +-`derau`."""
    return nilai * (1 + rng.uniform(-derau, derau))


def persen(bagian: int, total: int) -> str:
    return f"{100 * bagian / total:.2f}" if total else "0.00"


Baris = list[object]
DATASET: dict[str, Callable[[random.Random], tuple[list[str], Iterable[Baris]]]] = {}


def dataset(dataset_id: str):
    """Register the function that builds one dataset's header and rows."""

    def daftar(fungsi):
        DATASET[dataset_id] = fungsi
        return fungsi

    return daftar


def tulis(dataset_id: str, header: list[str], baris: Iterable[Baris]) -> int:
    path = ROOT / "data" / f"{dataset_id}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [[str(v).lower() if isinstance(v, bool) else v for v in row] for row in baris]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


# --- population model shared by several datasets ---------------------------------------------


def _penduduk_kecamatan() -> dict[tuple[int, str, str], int]:
    rng = random.Random(f"{SEED}:penduduk")
    rasio_l = {kec: rng.uniform(0.485, 0.505) for kec in KECAMATAN}
    hasil: dict[tuple[int, str, str], int] = {}
    for jk in JENIS_KELAMIN:
        bobot = [
            BOBOT_KECAMATAN[k] * (rasio_l[k] if jk == "L" else 1 - rasio_l[k]) for k in KECAMATAN
        ]
        for kec, n in zip(KECAMATAN, bagi(PENDUDUK_TERAKHIR[jk], bobot), strict=False):
            hasil[TAHUN_TERAKHIR, kec, jk] = n
    for th in range(TAHUN_TERAKHIR - 1, 2019, -1):
        for kec in KECAMATAN:
            for jk in JENIS_KELAMIN:
                tumbuh = (1 + PERTUMBUHAN_KECAMATAN[kec]) * (1 + rng.uniform(-0.004, 0.004))
                hasil[th, kec, jk] = round(hasil[th + 1, kec, jk] / tumbuh)
    return hasil


PENDUDUK = _penduduk_kecamatan()


def penduduk(th: int, kec: str) -> int:
    return sum(PENDUDUK[th, kec, jk] for jk in JENIS_KELAMIN)


def _penduduk_kelurahan() -> dict[tuple[int, str, str, str], int]:
    """Population per kelurahan, sex and age group; adds up to the kecamatan figures."""
    rng = random.Random(f"{SEED}:penduduk-kelurahan")
    bobot_kel = {kel: rng.uniform(0.5, 1.6) for kels in KELURAHAN.values() for kel in kels}
    muda = {kel: rng.uniform(0.21, 0.28) for kel in bobot_kel}
    lansia = {kel: rng.uniform(0.04, 0.075) for kel in bobot_kel}
    hasil = {}
    for th in (2024, 2025):
        for kec, kels in KELURAHAN.items():
            for jk in JENIS_KELAMIN:
                bobot = [acak(rng, bobot_kel[k], 0.015) for k in kels]
                for kel, n in zip(kels, bagi(PENDUDUK[th, kec, jk], bobot), strict=False):
                    tua = lansia[kel] * (1.15 if jk == "P" else 0.9)
                    umur = bagi(n, [muda[kel], 1 - muda[kel] - tua, tua])
                    for kelompok, m in zip(kode("kelompok-umur"), umur, strict=False):
                        hasil[th, kel, jk, kelompok] = m
    return hasil


# --- diskominfo ------------------------------------------------------------------------------


@dataset("diskominfo/permohonan-informasi-publik")
def permohonan_informasi(rng):
    dasar = {"langsung": 12, "surat": 18, "surel": 24, "situs-web": 42}
    rows = []
    for i, bl in enumerate(bulan("2025-01", "2026-09")):
        for saluran, n0 in dasar.items():
            masuk = max(3, round(acak(rng, n0 * 1.012**i, 0.2)))
            penuh = round(masuk * rng.uniform(0.66, 0.80))
            sebagian = round(masuk * rng.uniform(0.07, 0.15))
            tolak = min(masuk - penuh - sebagian, round(masuk * rng.uniform(0.02, 0.07)))
            rows.append([bl, saluran, masuk, penuh, sebagian, tolak])
    header = [
        "bulan",
        "saluran",
        "permohonan_masuk",
        "dipenuhi_seluruhnya",
        "dipenuhi_sebagian",
        "ditolak",
    ]
    return header, rows


@dataset("diskominfo/pengaduan-masyarakat")
def pengaduan(rng):
    dasar = {
        "jalan": 118,
        "drainase": 86,
        "kebersihan": 79,
        "penerangan": 52,
        "adminduk": 34,
        "kesehatan": 21,
        "pendidikan": 24,
        "ketertiban": 41,
        "perizinan": 19,
        "lainnya": 30,
    }
    rows = []
    for i, bl in enumerate(bulan("2025-01", "2026-10")):
        m = int(bl[5:])
        for kategori, n0 in zip(kode("kategori-pengaduan"), dasar.values(), strict=False):
            musim = 1.0
            if kategori == "drainase" and m in (1, 9, 10, 11, 12):
                musim = 1.6
            if kategori == "pendidikan" and m in (6, 7):
                musim = 2.0
            masuk = max(5, round(acak(rng, n0 * musim * 1.008**i, 0.15)))
            rows.append([bl, kategori, masuk, round(masuk * rng.uniform(0.72, 0.93))])
    return ["bulan", "kategori_pengaduan", "pengaduan_masuk", "pengaduan_selesai"], rows


@dataset("diskominfo/titik-wifi-publik")
def wifi_publik(rng):
    faktor = {2021: 1.0, 2022: 2.4, 2023: 2.2, 2024: 1.3, 2025: 1.06}
    rows = []
    for kec in KECAMATAN:
        n = BOBOT_KECAMATAN[kec] * 0.075 + 2
        for th, f in faktor.items():
            n = acak(rng, n * f, 0.08)
            titik = round(n)
            rows.append([th, kec, titik, round(titik * rng.uniform(0.84, 0.97))])
    rows.sort(key=lambda r: (r[0], r[1]))
    return ["tahun", "kode_kecamatan", "titik_wifi", "titik_aktif"], rows


@dataset("diskominfo/menara-telekomunikasi")
def menara(rng):
    rows = []
    for kec in KECAMATAN:
        n = BOBOT_KECAMATAN[kec] * 0.42 * PUSAT_KOTA.get(kec, 1.0) ** 0.5
        berizin = rng.uniform(0.68, 0.76)
        for th in tahun(2020, 2025):
            n = n * rng.uniform(1.0, 1.06)
            berizin = min(0.97, berizin + rng.uniform(0.01, 0.04))
            rows.append([th, kec, round(n), round(round(n) * berizin)])
    rows.sort(key=lambda r: (r[0], r[1]))
    return ["tahun", "kode_kecamatan", "jumlah_menara", "menara_berizin"], rows


# --- brida -----------------------------------------------------------------------------------


@dataset("brida/penelitian-per-bidang")
def penelitian(rng):
    dasar = {
        "pemerintahan": 6,
        "sosial-budaya": 4,
        "ekonomi": 5,
        "infrastruktur": 4,
        "kesehatan": 3,
        "pendidikan": 3,
    }
    faktor = {2020: 0.6, 2021: 0.7, 2022: 1.0, 2023: 1.1, 2024: 1.2, 2025: 1.2}
    rows = []
    for th, f in faktor.items():
        for bidang, n0 in dasar.items():
            n = max(1, round(acak(rng, n0 * f, 0.25)))
            anggaran = sum(rng.uniform(95, 240) for _ in range(n))
            rows.append([th, bidang, n, f"{anggaran:.1f}"])
    return ["tahun", "bidang_penelitian", "jumlah_penelitian", "anggaran"], rows


@dataset("brida/inovasi-daerah")
def inovasi(rng):
    dasar = {"tata-kelola": 38, "pelayanan-publik": 57, "lainnya": 14}
    tahap = {"inisiatif": 0.22, "uji-coba": 0.25, "penerapan": 0.53}
    rows = []
    for i, th in enumerate(tahun(2020, 2025)):
        for jenis, n0 in dasar.items():
            total = round(acak(rng, n0 * 1.13**i, 0.08))
            bobot = [acak(rng, s, 0.15) for s in tahap.values()]
            for tahapan, n in zip(tahap, bagi(total, bobot), strict=False):
                rows.append([th, jenis, tahapan, n])
    return ["tahun", "jenis_inovasi", "tahapan", "jumlah_inovasi"], rows


@dataset("brida/kekayaan-intelektual")
def kekayaan_intelektual(rng):
    dasar = {  # applications in 2020 and the share that gets a certificate
        "paten": (4, 0.35),
        "paten-sederhana": (6, 0.5),
        "merek": (118, 0.78),
        "hak-cipta": (64, 0.9),
        "desain-industri": (9, 0.7),
    }
    rows = []
    for i, th in enumerate(tahun(2020, 2023)):
        for jenis, (n0, lulus) in dasar.items():
            n = max(2, round(acak(rng, n0 * 1.16**i, 0.12)))
            rows.append([th, jenis, n, round(n * acak(rng, lulus, 0.1))])
    return [
        "tahun",
        "jenis_kekayaan_intelektual",
        "permohonan_difasilitasi",
        "sertifikat_terbit",
    ], rows


@dataset("brida/peserta-krenova")
def krenova(rng):
    rows = []
    proposal = {kec: 3 + BOBOT_KECAMATAN[kec] * 0.06 for kec in KECAMATAN}
    for th in tahun(2021, 2025):
        masuk = {}
        for kec in KECAMATAN:
            proposal[kec] = acak(rng, proposal[kec] * 1.12, 0.15)
            masuk[kec] = round(proposal[kec])
        finalis = bagi(20, [acak(rng, masuk[k], 0.6) for k in KECAMATAN])
        for kec, fin in zip(KECAMATAN, finalis, strict=False):
            rows.append([th, kec, masuk[kec], min(fin, masuk[kec])])
    return ["tahun", "kode_kecamatan", "proposal_masuk", "finalis"], rows


# --- disnaker --------------------------------------------------------------------------------


@dataset("disnaker/peserta-job-fair")
def job_fair(rng):
    total = {2020: 3100, 2021: 4600, 2022: 8900, 2023: 11200, 2024: 12600, 2025: 13300}
    jenjang = {"SMA": 0.25, "SMK": 0.25, "D3": 0.12, "S1": 0.38}
    rows = []
    for th, n in total.items():
        for jk, sj in (("L", 0.47), ("P", 0.53)):
            for jj, s in jenjang.items():
                peserta = round(acak(rng, n * sj * s, 0.06))
                rows.append([th, jk, jj, peserta, round(peserta * rng.uniform(0.08, 0.15))])
    return [
        "tahun",
        "jenis_kelamin",
        "jenjang_pendidikan",
        "peserta_terdaftar",
        "diterima_bekerja",
    ], rows


@dataset("disnaker/pencari-kerja-terdaftar")
def pencari_kerja(rng):
    jenjang = {
        "SD": 0.04,
        "SMP": 0.07,
        "SMA": 0.30,
        "SMK": 0.22,
        "D3": 0.09,
        "S1": 0.26,
        "S2": 0.02,
    }
    rows = []
    for i, bl in enumerate(bulan("2025-01", "2026-09")):
        musim = 1.35 if int(bl[5:]) in (6, 7, 8) else 1.0
        total = 2400 * musim * 1.004**i
        for jk, sj in (("L", 0.49), ("P", 0.51)):
            for jj, s in jenjang.items():
                n = max(5, round(acak(rng, total * sj * s, 0.12)))
                rows.append([bl, jk, jj, n, round(n * rng.uniform(0.09, 0.18))])
    return [
        "bulan",
        "jenis_kelamin",
        "jenjang_pendidikan",
        "pencari_kerja_terdaftar",
        "ditempatkan",
    ], rows


@dataset("disnaker/pelatihan-kerja")
def pelatihan(rng):
    paket = {
        "tik": (64, 0.55),
        "otomotif": (48, 0.92),
        "listrik": (48, 0.88),
        "las": (32, 0.95),
        "garmen": (48, 0.15),
        "tata-boga": (48, 0.25),
        "tata-rias": (32, 0.10),
        "bahasa": (32, 0.45),
    }
    faktor = {2020: 0.5, 2021: 0.75, 2022: 1.0, 2023: 1.0, 2024: 1.25, 2025: 1.25}
    rows = []
    for th, f in faktor.items():
        for kejuruan, (n, laki) in paket.items():
            peserta = round(n * f)
            laki_n = binomial(rng, peserta, laki)
            for jk, m in (("L", laki_n), ("P", peserta - laki_n)):
                rows.append([th, kejuruan, jk, m, m - binomial(rng, m, 0.07)])
    return ["tahun", "kejuruan", "jenis_kelamin", "peserta", "lulus_kompeten"], rows


@dataset("disnaker/pengangguran-terbuka")
def pengangguran(rng):
    porsi = {"SD": 0.13, "SMP": 0.14, "SMA": 0.37, "SMK": 0.14, "D3": 0.05, "S1": 0.17}
    tpt = {"SD": 4.1, "SMP": 7.2, "SMA": 10.4, "SMK": 12.6, "D3": 8.3, "S1": 7.4}
    geser = {2020: 1.9, 2021: 2.0, 2022: 0.4, 2023: 0.1, 2024: -0.5, 2025: -0.8}
    rows = []
    for th, g in geser.items():
        ak_total = 1_175_000 * 1.012 ** (th - 2020)
        for jj, p in porsi.items():
            ak = round(acak(rng, ak_total * p, 0.03))
            rate = max(1.0, acak(rng, tpt[jj] + g, 0.06))
            nganggur = round(ak * rate / 100)
            rows.append([th, jj, ak, nganggur, persen(nganggur, ak)])
    return ["tahun", "jenjang_pendidikan", "angkatan_kerja", "pengangguran", "tpt"], rows


@dataset("disnaker/perselisihan-hubungan-industrial")
def perselisihan(rng):
    dasar = {"hak": 44, "kepentingan": 11, "phk": 105, "antar-serikat": 4}
    rows = []
    for th in tahun(2020, 2025):
        for jenis, n0 in dasar.items():
            f = 1.45 if (jenis == "phk" and th in (2020, 2021)) else 1.0
            n = max(2, round(acak(rng, n0 * f, 0.15)))
            pb = binomial(rng, n, 0.47)
            anjuran = binomial(rng, n - pb, 0.75)
            rows.append([th, jenis, n, pb, anjuran])
    header = [
        "tahun",
        "jenis_perselisihan",
        "perselisihan_dicatatkan",
        "selesai_perjanjian_bersama",
        "anjuran_mediator",
    ]
    return header, rows


# --- disdukcapil -----------------------------------------------------------------------------


@dataset("disdukcapil/penduduk-kecamatan-jenis-kelamin")
def penduduk_kecamatan(rng):
    rows = [
        [th, kec, jk, PENDUDUK[th, kec, jk]]
        for th in tahun(2020, 2025)
        for kec in KECAMATAN
        for jk in JENIS_KELAMIN
    ]
    return ["tahun", "kode_kecamatan", "jenis_kelamin", "jumlah_penduduk"], rows


@dataset("disdukcapil/penduduk-kelurahan-kelompok-umur")
def penduduk_kelurahan(rng):
    data = _penduduk_kelurahan()
    rows = [[th, kel, jk, ku, n] for (th, kel, jk, ku), n in sorted(data.items())]
    return ["tahun", "kode_kelurahan", "jenis_kelamin", "kelompok_umur", "jumlah_penduduk"], rows


@dataset("disdukcapil/kepemilikan-ktp-el")
def ktp_el(rng):
    rows = []
    for kec in KECAMATAN:
        porsi = rng.uniform(0.715, 0.745)
        rekam = rng.uniform(0.952, 0.968)
        for th in tahun(2021, 2025):
            wajib = round(penduduk(th, kec) * acak(rng, porsi, 0.004))
            rekam = min(0.996, rekam + rng.uniform(0.002, 0.008))
            sudah = round(wajib * rekam)
            rows.append([th, kec, wajib, sudah, persen(sudah, wajib)])
    rows.sort(key=lambda r: (r[0], r[1]))
    return [
        "tahun",
        "kode_kecamatan",
        "wajib_ktp_el",
        "sudah_perekaman",
        "persentase_perekaman",
    ], rows


@dataset("disdukcapil/akta-kelahiran-anak")
def akta_anak(rng):
    rows = []
    for kec in KECAMATAN:
        porsi = rng.uniform(0.29, 0.33)
        punya = rng.uniform(0.86, 0.91)
        for th in tahun(2020, 2025):
            anak = round(penduduk(th, kec) * acak(rng, porsi, 0.005))
            punya = min(0.995, punya + rng.uniform(0.008, 0.02))
            ada = round(anak * punya)
            rows.append([th, kec, anak, ada, persen(ada, anak)])
    rows.sort(key=lambda r: (r[0], r[1]))
    header = [
        "tahun",
        "kode_kecamatan",
        "jumlah_anak",
        "memiliki_akta_kelahiran",
        "persentase_kepemilikan",
    ]
    return header, rows


@dataset("disdukcapil/akta-peristiwa-penting")
def akta_peristiwa(rng):
    dasar = {"kelahiran": 3450, "kematian": 905, "perkawinan": 275, "perceraian": 26}
    rows = []
    for i, bl in enumerate(bulan("2025-01", "2026-10")):
        m = int(bl[5:])
        for jenis, n0 in dasar.items():
            musim = 1.0
            if jenis == "perkawinan" and m in (6, 7, 12):
                musim = 1.4
            if jenis == "kelahiran" and m in (7, 8):
                musim = 1.15  # school enrolment needs a birth certificate
            rows.append([bl, jenis, max(8, round(acak(rng, n0 * musim * 1.003**i, 0.1)))])
    return ["bulan", "jenis_peristiwa", "akta_diterbitkan"], rows


# --- dishub ----------------------------------------------------------------------------------


@dataset("dishub/penumpang-trans-metro-deli")
def trans_metro_deli(rng):
    dasar = {"K1": 84_000, "K2": 112_000, "K3": 61_000, "K4": 96_000, "K5": 79_000}
    lebaran = {"2025-03": 0.86, "2025-04": 0.9, "2026-03": 0.85}
    rows = []
    for i, bl in enumerate(bulan("2025-01", "2026-09")):
        libur = 0.92 if bl[5:] in ("06", "07", "12") else 1.0
        for koridor, n0 in dasar.items():
            penumpang = round(acak(rng, n0 * 1.012**i * lebaran.get(bl, 1.0) * libur, 0.05))
            rows.append([bl, koridor, penumpang, round(acak(rng, penumpang / 29, 0.04))])
    return ["bulan", "koridor", "jumlah_penumpang", "ritase"], rows


@dataset("dishub/penindakan-pelanggaran-perhubungan")
def penindakan(rng):
    dasar = {
        "parkir-liar": (1750, 0.35),
        "parkir-tanpa-karcis": (240, 0.2),
        "tanpa-izin-trayek": (115, 0.6),
        "tanpa-uji-berkala": (290, 0.7),
        "muatan-lebih": (145, 0.8),
        "bongkar-muat": (190, 0.3),
    }
    rows = []
    for i, tw in enumerate(triwulan("2024-Q1", "2026-Q3")):
        for jenis, (n0, tilang) in dasar.items():
            n = round(acak(rng, n0 * 1.02**i, 0.14))
            t = binomial(rng, n, tilang)
            rows.append([tw, jenis, n, n - t, t])
    return ["triwulan", "jenis_pelanggaran", "pelanggaran_ditindak", "teguran", "tilang"], rows


@dataset("dishub/pengujian-kendaraan-bermotor")
def uji_kir(rng):
    dasar = {
        "mobil-penumpang": 9100,
        "bus": 2450,
        "mobil-barang": 27800,
        "kendaraan-khusus": 610,
        "kereta-gandengan": 880,
    }
    faktor = {2020: 0.82, 2021: 0.9, 2022: 0.98, 2023: 1.0, 2024: 1.03, 2025: 1.05}
    rows = []
    for th, f in faktor.items():
        for jenis, n0 in dasar.items():
            n = round(acak(rng, n0 * f, 0.04))
            rows.append([th, jenis, n, round(n * rng.uniform(0.93, 0.985))])
    return ["tahun", "jenis_kendaraan", "kendaraan_diuji", "lulus_uji"], rows


@dataset("dishub/parkir-tepi-jalan")
def parkir(rng):
    faktor = {2020: 0.68, 2021: 0.78, 2022: 0.95, 2023: 1.0, 2024: 1.04, 2025: 1.07}
    rows = []
    for kec in KECAMATAN:
        titik = BOBOT_KECAMATAN[kec] * 0.3 * PUSAT_KOTA.get(kec, 1.0) ** 1.5 + 8
        for th, f in faktor.items():
            titik = acak(rng, titik * 1.01, 0.03)
            retribusi = titik * 24.0 * acak(rng, f, 0.05) * PUSAT_KOTA.get(kec, 1.0) ** 0.5
            rows.append([th, kec, round(titik), f"{retribusi:.1f}"])
    rows.sort(key=lambda r: (r[0], r[1]))
    return ["tahun", "kode_kecamatan", "titik_parkir", "realisasi_retribusi"], rows


# --- disdikbud -------------------------------------------------------------------------------


@dataset("disdikbud/sekolah-jenjang-kecamatan")
def sekolah(rng):
    total = {
        ("TK", "swasta"): 640,
        ("SD", "negeri"): 385,
        ("SD", "swasta"): 430,
        ("SMP", "negeri"): 45,
        ("SMP", "swasta"): 330,
    }
    smp_negeri_baru = {"12.71.07", "12.71.12"}  # new state junior high schools in 2023
    bobot = [BOBOT_KECAMATAN[k] for k in KECAMATAN]
    jumlah: dict[tuple[str, str, str], int] = {}
    for (jj, st), n in total.items():
        for kec, m in zip(KECAMATAN, bagi(n, [acak(rng, b, 0.3) for b in bobot]), strict=False):
            jumlah[kec, jj, st] = max(1, m)
    for kec in KECAMATAN:
        jumlah[kec, "TK", "negeri"] = (
            1 if kec in ("12.71.01", "12.71.06", "12.71.11", "12.71.20") else 0
        )
    rows = []
    for th in tahun(2020, 2025):
        for kec in KECAMATAN:
            for jj in ("TK", "SD", "SMP"):
                for st in ("negeri", "swasta"):
                    if th > 2020:
                        if st == "swasta" and rng.random() < 0.25:
                            jumlah[kec, jj, st] = max(
                                1, jumlah[kec, jj, st] + rng.choice((-1, 1, 1))
                            )
                        if th == 2023 and (jj, st) == ("SMP", "negeri") and kec in smp_negeri_baru:
                            jumlah[kec, jj, st] += 1
                        if th == 2022 and jj == "SD" and st == "negeri" and rng.random() < 0.15:
                            jumlah[kec, jj, st] -= 1  # regrouping of small state primary schools
                    rows.append([th, kec, jj, st, jumlah[kec, jj, st]])
    return ["tahun", "kode_kecamatan", "jenjang", "status_sekolah", "jumlah_sekolah"], rows


@dataset("disdikbud/guru-jenjang-status")
def guru(rng):
    deret = {
        ("TK", "pns"): [62, 58, 55, 51, 48, 45],
        ("TK", "pppk"): [0, 4, 11, 24, 38, 52],
        ("TK", "non-asn"): [2980, 3010, 3060, 3110, 3150, 3190],
        ("SD", "pns"): [4620, 4450, 4280, 4070, 3880, 3700],
        ("SD", "pppk"): [95, 260, 700, 1750, 2750, 3580],
        ("SD", "non-asn"): [5210, 5130, 4790, 4080, 3450, 3010],
        ("SMP", "pns"): [2310, 2240, 2160, 2070, 1980, 1900],
        ("SMP", "pppk"): [60, 150, 380, 820, 1240, 1610],
        ("SMP", "non-asn"): [3890, 3860, 3700, 3420, 3180, 3010],
    }
    perempuan = {"TK": 0.97, "SD": 0.8, "SMP": 0.69}
    rows = []
    for i, th in enumerate(tahun(2020, 2025)):
        for jj in ("TK", "SD", "SMP"):
            for st in ("pns", "pppk", "non-asn"):
                n = round(acak(rng, deret[jj, st][i], 0.02))
                p = min(n, round(n * acak(rng, perempuan[jj], 0.015)))
                rows.append([th, jj, st, "L", n - p])
                rows.append([th, jj, st, "P", p])
    return ["tahun", "jenjang", "status_kepegawaian", "jenis_kelamin", "jumlah_guru"], rows


@dataset("disdikbud/peserta-didik-kecamatan")
def peserta_didik(rng):
    total = {"SD": (262_000, -0.008), "SMP": (126_000, 0.005)}
    rows = []
    for th in tahun(2020, 2025):
        for kec in KECAMATAN:
            for jj, (n0, g) in total.items():
                n = (
                    n0
                    * (1 + g) ** (th - 2020)
                    * penduduk(th, kec)
                    / sum(penduduk(th, k) for k in KECAMATAN)
                )
                n = acak(rng, n, 0.03)
                laki = round(n * rng.uniform(0.505, 0.52))
                rows.append([th, kec, jj, "L", laki])
                rows.append([th, kec, jj, "P", round(n) - laki])
    return ["tahun", "kode_kecamatan", "jenjang", "jenis_kelamin", "jumlah_peserta_didik"], rows


@dataset("disdikbud/angka-partisipasi-sekolah")
def angka_partisipasi(rng):
    dasar = {"SD": (105.8, 97.9), "SMP": (94.2, 80.1), "SMA": (90.6, 64.3)}
    rows = []
    for i, th in enumerate(tahun(2020, 2024)):
        for jj, (apk, apm) in dasar.items():
            for jk, d in (("L", -0.6), ("P", 0.6)):
                nilai_apm = min(99.6, acak(rng, apm + 0.35 * i + d, 0.008))
                nilai_apk = acak(rng, apk + 0.2 * i + d, 0.01)
                rows.append([th, jj, jk, f"{nilai_apk:.2f}", f"{nilai_apm:.2f}"])
    return ["tahun", "jenjang", "jenis_kelamin", "apk", "apm"], rows


@dataset("disdikbud/cagar-budaya")
def cagar_budaya(rng):
    odcb = {
        "12.71.05": 34,
        "12.71.01": 17,
        "12.71.15": 21,
        "12.71.19": 19,
        "12.71.17": 12,
        "12.71.16": 6,
        "12.71.20": 9,
        "12.71.10": 7,
        "12.71.08": 8,
        "12.71.13": 4,
        "12.71.06": 3,
        "12.71.18": 3,
    }
    ditetapkan = {kec: round(odcb.get(kec, 0) * 0.12) for kec in KECAMATAN}
    diduga = {kec: odcb.get(kec, 0) - ditetapkan[kec] for kec in KECAMATAN}
    rows = []
    for th in tahun(2020, 2025):
        for kec in KECAMATAN:
            if th > 2020 and diduga[kec] > 0:
                baru = binomial(rng, diduga[kec], 0.07 if th >= 2022 else 0.03)
                ditetapkan[kec] += baru
                diduga[kec] += binomial(rng, 3, 0.3) - baru  # new finds are registered too
            rows.append([th, kec, ditetapkan[kec], diduga[kec]])
    return ["tahun", "kode_kecamatan", "cagar_budaya_ditetapkan", "objek_diduga_cagar_budaya"], rows


# --- dinkes ----------------------------------------------------------------------------------


def daftar_puskesmas() -> list[tuple[str, str, bool]]:
    """(kode_kecamatan, nama, rawat inap): one to three per kecamatan, named after the place."""
    rng = random.Random(f"{SEED}:puskesmas")
    hasil = []
    for kec in KECAMATAN:
        banyak = 1 + (BOBOT_KECAMATAN[kec] > 100) + (BOBOT_KECAMATAN[kec] > 150)
        nama = [f"Puskesmas {NAMA_WILAYAH[kec]}"]
        # Named after a kelurahan; skip names with abbreviations or numerals ("P Bulan Selayang II").
        calon = [
            k
            for k in KELURAHAN[kec]
            if not re.search(r"\b([A-Z]|[IVX]+)\b|Binjai", NAMA_WILAYAH[k])
        ]
        nama += [f"Puskesmas {NAMA_WILAYAH[k]}" for k in rng.sample(calon, banyak - 1)]
        for i, n in enumerate(nama):
            hasil.append((kec, n, i == 0 and rng.random() < 0.6))
    return hasil


@dataset("dinkes/puskesmas")
def puskesmas(rng):
    rows = []
    for kec, nama, inap in daftar_puskesmas():
        kunjungan = rng.uniform(18_000, 52_000)
        pasien = rng.uniform(400, 1100)
        for th in tahun(2021, 2025):
            f = 0.8 if th == 2021 else 1.0
            kunjungan = kunjungan * rng.uniform(1.0, 1.07)
            pasien = pasien * rng.uniform(0.97, 1.06)
            rows.append(
                [th, kec, nama, inap, round(kunjungan * f), round(pasien * f) if inap else 0]
            )
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    header = [
        "tahun",
        "kode_kecamatan",
        "nama_puskesmas",
        "rawat_inap",
        "kunjungan_rawat_jalan",
        "pasien_rawat_inap",
    ]
    return header, rows


@dataset("dinkes/imunisasi-dasar-lengkap")
def imunisasi(rng):
    cakupan = {2020: 0.885, 2021: 0.823, 2022: 0.902, 2023: 0.931, 2024: 0.948, 2025: 0.957}
    rows = []
    for kec in KECAMATAN:
        cbr = rng.uniform(0.0148, 0.0166)
        beda = rng.uniform(-0.035, 0.03)
        for th, c in cakupan.items():
            sasaran = round(penduduk(th, kec) * cbr * acak(rng, 1.0, 0.02))
            idl = round(sasaran * min(0.995, acak(rng, c + beda, 0.012)))
            rows.append([th, kec, sasaran, idl, persen(idl, sasaran)])
    rows.sort(key=lambda r: (r[0], r[1]))
    return [
        "tahun",
        "kode_kecamatan",
        "sasaran_bayi",
        "bayi_imunisasi_dasar_lengkap",
        "persentase_idl",
    ], rows


@dataset("dinkes/kasus-dbd")
def dbd(rng):
    musim = {  # rainy season peaks around the turn of the year
        1: 1.5,
        2: 1.3,
        3: 1.05,
        4: 0.9,
        5: 0.8,
        6: 0.7,
        7: 0.7,
        8: 0.75,
        9: 0.9,
        10: 1.1,
        11: 1.35,
        12: 1.55,
    }
    total_bobot = sum(BOBOT_KECAMATAN.values())
    rows = []
    sebelumnya: dict[str, int] = {}
    for bl in bulan("2025-01", "2026-09"):
        kota = 118 * musim[int(bl[5:])] * (1.12 if bl.startswith("2026") else 1.0)
        for kec in KECAMATAN:
            rata = kota * BOBOT_KECAMATAN[kec] / total_bobot
            kasus = max(1, poisson(rng, rata))
            if kec in sebelumnya:  # keep month-to-month changes within a plausible range
                kasus = min(
                    max(kasus, round(sebelumnya[kec] / 2.5)), round(sebelumnya[kec] * 2.5) + 2
                )
            sebelumnya[kec] = kasus
            rows.append([bl, kec, kasus, binomial(rng, kasus, 0.006)])
    return ["bulan", "kode_kecamatan", "kasus_dbd", "kematian_dbd"], rows


@dataset("dinkes/tenaga-kesehatan")
def tenaga_kesehatan(rng):
    dasar = {  # 2025 figures per (puskesmas, rumah-sakit, klinik)
        "dokter-umum": (252, 1310, 604),
        "dokter-spesialis": (0, 2120, 148),
        "dokter-gigi": (91, 246, 302),
        "perawat": (712, 11040, 905),
        "bidan": (598, 1790, 512),
        "apoteker": (46, 402, 151),
        "tenaga-gizi": (44, 251, 21),
        "sanitarian": (41, 148, 12),
        "kesehatan-masyarakat": (118, 247, 63),
        "atlm": (56, 905, 198),
    }
    fasilitas = ("puskesmas", "rumah-sakit", "klinik")
    tumbuh = {(j, f): rng.uniform(0.015, 0.045) for j in dasar for f in fasilitas}
    rows = []
    for th in tahun(2020, 2025):
        for jenis, per_fasilitas in dasar.items():
            for fas, n25 in zip(fasilitas, per_fasilitas, strict=False):
                n = n25 / (1 + tumbuh[jenis, fas]) ** (2025 - th)
                rows.append([th, jenis, fas, round(acak(rng, n, 0.015))])
    return ["tahun", "jenis_tenaga", "jenis_fasilitas", "jumlah_tenaga"], rows


@dataset("dinkes/kasus-tuberkulosis")
def tuberkulosis(rng):
    total_bobot = sum(BOBOT_KECAMATAN.values())
    rows = []
    for i, tw in enumerate(triwulan("2024-Q1", "2026-Q3")):
        kota = 2900 * 1.015**i
        for kec in KECAMATAN:
            kasus = poisson(rng, kota * BOBOT_KECAMATAN[kec] / total_bobot)
            rows.append([tw, kec, kasus, binomial(rng, kasus, 0.12)])
    return ["triwulan", "kode_kecamatan", "kasus_ternotifikasi", "kasus_anak"], rows


# --- dp3a ------------------------------------------------------------------------------------

JENIS_KEKERASAN_PER_KORBAN = {  # share of each jenis kekerasan per victim group
    "perempuan-dewasa": [0.40, 0.30, 0.08, 0.02, 0.03, 0.12, 0.05],
    "anak-perempuan": [0.18, 0.14, 0.45, 0.04, 0.04, 0.08, 0.07],
    "anak-laki-laki": [0.38, 0.17, 0.22, 0.05, 0.01, 0.12, 0.05],
}
PORSI_KORBAN = {"perempuan-dewasa": 0.45, "anak-perempuan": 0.35, "anak-laki-laki": 0.20}


def _korban_kekerasan() -> dict[tuple[str, str, str], int]:
    rng = random.Random(f"{SEED}:korban-kekerasan")
    jenis = kode("jenis-kekerasan")
    hasil = {}
    for i, tw in enumerate(triwulan("2024-Q1", "2026-Q3")):
        total = round(acak(rng, 104 * 1.025**i, 0.1))
        for kelompok, n in zip(
            PORSI_KORBAN, bagi(total, list(PORSI_KORBAN.values())), strict=False
        ):
            porsi = [acak(rng, p, 0.3) for p in JENIS_KEKERASAN_PER_KORBAN[kelompok]]
            for j, m in zip(jenis, bagi(n, porsi), strict=False):
                hasil[tw, j, kelompok] = m
    return hasil


KORBAN_KEKERASAN = _korban_kekerasan()


@dataset("dp3a/kekerasan-perempuan-anak")
def kekerasan(rng):
    urutan = {j: i for i, j in enumerate(kode("jenis-kekerasan"))}
    urutan |= {k: i for i, k in enumerate(PORSI_KORBAN)}
    rows = [[tw, j, k, n] for (tw, j, k), n in KORBAN_KEKERASAN.items()]
    rows.sort(key=lambda r: (r[0], urutan[r[1]], urutan[r[2]]))
    return ["triwulan", "jenis_kekerasan", "kelompok_korban", "jumlah_korban"], rows


@dataset("dp3a/kekerasan-per-kelurahan")
def kekerasan_kelurahan(rng):
    kelurahan = [kel for kels in KELURAHAN.values() for kel in kels]
    bobot = [rng.uniform(0.3, 1.7) for _ in kelurahan]
    rows = []
    for tw in triwulan("2024-Q1", "2026-Q3"):
        anak = sum(
            n for (t, _, k), n in KORBAN_KEKERASAN.items() if t == tw and k != "perempuan-dewasa"
        )
        dewasa = sum(
            n for (t, _, k), n in KORBAN_KEKERASAN.items() if t == tw and k == "perempuan-dewasa"
        )
        per_anak = _sebar(rng, anak, bobot)
        per_dewasa = _sebar(rng, dewasa, bobot)
        for kel, a, d in zip(kelurahan, per_anak, per_dewasa, strict=False):
            korban = a + d
            kasus = korban - binomial(
                rng, max(0, korban - 1), 0.1
            )  # a few cases have several victims
            rows.append([tw, kel, kasus, a, d])
    return [
        "triwulan",
        "kode_kelurahan",
        "kasus_dilaporkan",
        "korban_anak",
        "korban_perempuan_dewasa",
    ], rows


def _sebar(rng: random.Random, total: int, bobot: list[float]) -> list[int]:
    """Scatter `total` victims over places at random (multinomial), most places get none."""
    hasil = [0] * len(bobot)
    for i in rng.choices(range(len(bobot)), weights=bobot, k=total):
        hasil[i] += 1
    return hasil


@dataset("dp3a/layanan-uptd-ppa")
def layanan_uptd(rng):
    dasar = {
        "pengaduan": 46,
        "penjangkauan": 21,
        "pengelolaan-kasus": 39,
        "penampungan": 7,
        "mediasi": 11,
        "pendampingan": 34,
    }
    rows = []
    for i, bl in enumerate(bulan("2025-01", "2026-10")):
        for layanan, n0 in dasar.items():
            rows.append([bl, layanan, max(2, round(acak(rng, n0 * 1.01**i, 0.18)))])
    return ["bulan", "jenis_layanan", "jumlah_layanan"], rows


@dataset("dp3a/ruang-bermain-ramah-anak")
def rbra(rng):
    rows = []
    for kec in KECAMATAN:
        n = rng.randint(1, 3)
        standar = 0
        for th in tahun(2020, 2024):
            if th > 2020:
                n += rng.randint(0, 2)
                standar = min(n, standar + rng.randint(0, 2))
            rows.append([th, kec, n, standar])
    rows.sort(key=lambda r: (r[0], r[1]))
    return ["tahun", "kode_kecamatan", "jumlah_rbra", "rbra_terstandar"], rows


def main() -> None:
    for dataset_id, buat in DATASET.items():
        header, rows = buat(random.Random(f"{SEED}:{dataset_id}"))
        n = tulis(dataset_id, header, rows)
        print(f"{dataset_id}: {n} baris")


if __name__ == "__main__":
    main()
