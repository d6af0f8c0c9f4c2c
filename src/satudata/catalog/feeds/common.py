"""Mappings shared by the machine-readable feeds: licences, contacts, frequencies, periods."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from urllib.parse import quote

import yaml

from satudata.catalog.views import Download, PublishedDataset, Site
from satudata.model import Dataset, Frekuensi, TemaDcat
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

# SPDX id → (id in CKAN's default licence register, its title there, ADMS licence types).
# CKAN matches a harvested licence by URL or title against that register
# (ckan/model/license.py); the title is the one that can sit beside the precise SPDX URI.
_CKAN_LICENCES = {
    "CC-BY-4.0": ("cc-by", "Creative Commons Attribution", ("Attribution",)),
    "CC-BY-SA-4.0": (
        "cc-by-sa",
        "Creative Commons Attribution Share-Alike",
        ("Attribution", "ViralEffect-ShareAlike"),
    ),
    "CC0-1.0": ("cc-zero", "Creative Commons CCZero", ("PublicDomain",)),
    "ODbL-1.0": (
        "odc-odbl",
        "Open Data Commons Open Database License (ODbL)",
        ("Attribution", "ViralEffect-ShareAlike"),
    ),
    "ODC-By-1.0": ("odc-by", "Open Data Commons Attribution License", ("Attribution",)),
    "PDDL-1.0": (
        "odc-pddl",
        "Open Data Commons Public Domain Dedication and License (PDDL)",
        ("PublicDomain",),
    ),
    "OGL-UK-3.0": ("uk-ogl", "UK Open Government Licence (OGL)", ("Attribution",)),
}
ADMS_LICENCE_TYPE = "http://purl.org/adms/licencetype/"

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
    # Quoted: the id is always an SPDX id after validation, but a URL never trusts that.
    return f"https://spdx.org/licenses/{quote(str(spdx_id), safe='')}.html"


def license_descriptor(spdx_id: str) -> dict:
    return {
        "name": spdx_id,
        "path": license_url(spdx_id),
        "title": license_title(spdx_id),
    }


def license_title(spdx_id: str) -> str:
    return _LICENCE_TITLES.get(spdx_id, spdx_id)


def ckan_license(spdx_id: str) -> tuple[str, str] | None:
    """(id, title) of the licence in CKAN's default register, None when it has no match."""
    entry = _CKAN_LICENCES.get(spdx_id)
    return (entry[0], entry[1]) if entry else None


def license_types(spdx_id: str) -> list[str]:
    entry = _CKAN_LICENCES.get(spdx_id)
    return [ADMS_LICENCE_TYPE + name for name in entry[2]] if entry else []


def deskripsi(meta: Dataset) -> str:
    """The description, with illustrative data said so wherever the dataset is harvested."""
    return f"{meta.deskripsi}\n\n{CONTOH}" if meta.data_contoh else meta.deskripsi


def kata_kunci(meta: Dataset) -> list[str]:
    """Keywords then topics, without repeats; never empty because topik is required."""
    return list(dict.fromkeys([*meta.kata_kunci, *meta.topik]))


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


def calendar_version(moment: dt.datetime) -> str:
    """Version of a dataset: the date of its last change, semver-shaped (2026.2.20)."""
    return f"{moment.year}.{moment.month}.{moment.day}"


def terbit_pertama(t: PublishedDataset) -> dt.date | None:
    """Date of the dataset's first version in git (when it was first published)."""
    return min(v.commit.date for v in t.versi).date() if t.versi else None


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


def default_themes_text() -> str:
    """The topik → EU theme table shipped with satudata (tema-dcat.yaml beside this module)."""
    return Path(__file__).with_name("tema-dcat.yaml").read_text(encoding="utf-8")


@functools.cache
def default_themes() -> TemaDcat:
    return TemaDcat.model_validate(yaml.safe_load(default_themes_text()))


def tema_eu(situs: Site, meta: Dataset) -> list[str]:
    """EU data-theme IRIs of a dataset: the region's metadata/tema-dcat.yaml, else the default
    mapping; never empty (unmapped topics get the mapping's `bawaan`)."""
    mapping = situs.repo.tema_dcat or default_themes()
    return [f"{EU}data-theme/{code}" for code in mapping.themes(meta.topik)]


def wilayah(situs: Site) -> dict[str, str] | None:
    """The portal region's row in metadata/referensi/wilayah.csv, when the table has it."""
    table = situs.repo.reference_table("wilayah")
    if table is None or "kode" not in table.columns:
        return None
    return table.by_column["kode"].get(situs.portal.kode_wilayah)


def nama_wilayah(situs: Site) -> str:
    row = wilayah(situs)
    return (row or {}).get("nama") or situs.portal.nama


def titik_wilayah(situs: Site) -> tuple[float, float] | None:
    """(latitude, longitude) of the region from the optional `lintang` and `bujur` columns of
    wilayah.csv; None when absent or not a valid coordinate (never guessed)."""
    row = wilayah(situs) or {}
    try:
        lat, lon = float(row.get("lintang") or ""), float(row.get("bujur") or "")
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon
