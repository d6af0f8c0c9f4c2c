"""Mappings shared by the machine-readable feeds: licences, contacts, frequencies, periods."""

from __future__ import annotations

import datetime as dt
import re

from satudata.catalog.views import Download, PublishedDataset, Site
from satudata.model import Dataset, Frekuensi
from satudata.rules.periods import period_end, period_start
from satudata.rules.personal_data import EMAIL

EU = "http://publications.europa.eu/resource/authority/"
CONTOH = "Catatan: angka dalam dataset ini hanya contoh (ilustrasi), bukan angka resmi."

# SPDX full names of the licences the metadata check accepts; others fall back to the id.
_LICENCE_TITLES = {
    "CC-BY-4.0": "Creative Commons Attribution 4.0 International",
    "CC-BY-SA-4.0": "Creative Commons Attribution Share Alike 4.0 International",
    "CC0-1.0": "Creative Commons Zero v1.0 Universal",
    "ODbL-1.0": "Open Data Commons Open Database License v1.0",
    "ODC-By-1.0": "Open Data Commons Attribution License v1.0",
    "PDDL-1.0": "Open Data Commons Public Domain Dedication & License 1.0",
    "OGL-UK-3.0": "Open Government Licence v3.0",
}

# BPS frequency → (EU frequency authority code, ISO 8601 repeat for Project Open Data).
# `lebih-dari-dua-tahunan` does not say how many years; biennial matches the 24-month
# minimum the timeliness check uses.
_FREKUENSI = {
    Frekuensi.HARIAN: ("DAILY", "R/P1D"),
    Frekuensi.MINGGUAN: ("WEEKLY", "R/P1W"),
    Frekuensi.BULANAN: ("MONTHLY", "R/P1M"),
    Frekuensi.TRIWULANAN: ("QUARTERLY", "R/P3M"),
    Frekuensi.EMPAT_BULANAN: ("ANNUAL_3", "R/P4M"),
    Frekuensi.SEMESTERAN: ("ANNUAL_2", "R/P6M"),
    Frekuensi.TAHUNAN: ("ANNUAL", "R/P1Y"),
    Frekuensi.LEBIH_DARI_DUA_TAHUNAN: ("BIENNIAL", "R/P2Y"),
    Frekuensi.TIDAK_TETAP: ("IRREG", "irregular"),
}

# Download kind → (format label, EU file-type code).
_FORMATS = {
    "csv": ("CSV", "CSV"),
    "xlsx": ("XLSX", "XLSX"),
    "json": ("JSON", "JSON"),
    "datapackage": ("Data Package", "JSON"),
}
_KIND_ORDER = list(_FORMATS)

# Common topik words → EU data theme, so European-style harvesters can group datasets.
_TEMA = {
    "kesehatan": "HEAL",
    "pendidikan": "EDUC",
    "kebudayaan": "EDUC",
    "olahraga": "EDUC",
    "pariwisata": "EDUC",
    "ekonomi": "ECON",
    "keuangan": "ECON",
    "perdagangan": "ECON",
    "industri": "ECON",
    "lingkungan": "ENVI",
    "lingkungan hidup": "ENVI",
    "pertanian": "AGRI",
    "perikanan": "AGRI",
    "pangan": "AGRI",
    "energi": "ENER",
    "pemerintahan": "GOVE",
    "transportasi": "TRAN",
    "perhubungan": "TRAN",
    "kependudukan": "SOCI",
    "sosial": "SOCI",
    "ketenagakerjaan": "SOCI",
    "hukum": "JUST",
    "keamanan": "JUST",
    "teknologi": "TECH",
    "wilayah": "REGI",
    "tata ruang": "REGI",
    "perumahan": "REGI",
    "infrastruktur": "REGI",
}

_ISO_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def terbitan(situs: Site) -> list[PublishedDataset]:
    return sorted(situs.terbitan, key=lambda t: t.id)


def berkas(t: PublishedDataset) -> list[Download]:
    """Downloads in a fixed order: csv, xlsx, json, datapackage, then any other kind."""
    return sorted(
        t.berkas.values(),
        key=lambda b: (
            _KIND_ORDER.index(b.jenis) if b.jenis in _KIND_ORDER else len(_KIND_ORDER),
            b.jenis,
        ),
    )


def format_label(b: Download) -> str:
    return _FORMATS.get(b.jenis, (b.jenis.upper(),))[0]


def file_type_uri(b: Download) -> str:
    return f"{EU}file-type/{_FORMATS.get(b.jenis, (None, b.jenis.upper()))[1]}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "katalog"


def lisensi(situs: Site, meta: Dataset | None = None) -> str:
    return (meta.lisensi if meta and meta.lisensi else None) or situs.portal.lisensi_bawaan


def license_url(spdx_id: str) -> str:
    return f"https://spdx.org/licenses/{spdx_id}.html"


def license_descriptor(spdx_id: str) -> dict:
    return {
        "name": spdx_id,
        "path": license_url(spdx_id),
        "title": _LICENCE_TITLES.get(spdx_id, spdx_id),
    }


def deskripsi(meta: Dataset) -> str:
    """The description, with illustrative data said so wherever the dataset is harvested."""
    return f"{meta.deskripsi}\n\n{CONTOH}" if meta.data_contoh else meta.deskripsi


def kata_kunci(meta: Dataset) -> list[str]:
    """Keywords then topics, without repeats; never empty because topik is required."""
    return list(dict.fromkeys([*meta.kata_kunci, *meta.topik]))


def tema_eu(meta: Dataset) -> list[str]:
    codes = {_TEMA[t.lower()] for t in meta.topik if t.lower() in _TEMA}
    return [f"{EU}data-theme/{code}" for code in sorted(codes)]


def frekuensi_eu(meta: Dataset) -> str:
    return f"{EU}frequency/{_FREKUENSI[meta.frekuensi][0]}"


def frekuensi_iso(meta: Dataset) -> str:
    return _FREKUENSI[meta.frekuensi][1]


def nama_opd(t: PublishedDataset) -> str:
    return t.opd.nama if t.opd else t.meta.produsen


def nama_walidata(situs: Site) -> str:
    opds = situs.repo.organisasi.by_slug() if situs.repo.organisasi else {}
    opd = opds.get(situs.portal.walidata.opd)
    return opd.nama if opd else situs.portal.walidata.opd


def email(text: str | None) -> str | None:
    match = EMAIL.search(text or "")
    return match.group(0) if match else None


def kontak(situs: Site, t: PublishedDataset) -> tuple[str, str | None]:
    """(name, e-mail) to ask about a dataset: its own contact, its OPD's, else the Walidata's."""
    candidates = [
        (nama_opd(t), t.meta.kontak),
        (nama_opd(t), t.opd.kontak if t.opd else None),
        (nama_walidata(situs), situs.portal.kontak),
    ]
    for name, text in candidates:
        if email(text):
            return name, email(text)
    return nama_opd(t), None


def waktu_diubah(situs: Site, t: PublishedDataset) -> dt.datetime:
    """Last change as an aware datetime; the site date at 00:00 UTC when git does not know."""
    if t.diubah is None:
        return tanggal_situs(situs)
    moment = t.diubah.date
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def tanggal_situs(situs: Site) -> dt.datetime:
    return dt.datetime.combine(situs.tanggal, dt.time(), dt.UTC)


def rfc3339(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def periode(t: PublishedDataset) -> tuple[str | None, str | None]:
    """(first, latest) period of the data. Validation records the latest; the first only when
    a check stores `periode_pertama` in the facts."""
    return t.facts.periode_pertama, t.periode_terakhir


def rentang_tanggal(t: PublishedDataset) -> tuple[dt.date | None, dt.date | None]:
    first, last = periode(t)
    return (period_start(first) if first else None), (period_end(last) if last else None)


def temporal_coverage(t: PublishedDataset) -> str | None:
    """schema.org / ISO 8601 interval, e.g. '2020/2025'; '../2025' when only the end is known."""
    first, last = periode(t)
    last_end = period_end(last) if last else None
    if not last or last_end is None:
        return None
    end = last if _ISO_PERIOD.match(last) else last_end.isoformat()
    first_start = period_start(first) if first else None
    if not first or first_start is None:
        return f"../{end}"
    start = first if _ISO_PERIOD.match(first) else first_start.isoformat()
    return end if start == end else f"{start}/{end}"
