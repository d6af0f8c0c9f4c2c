"""Which format a file really is, from its bytes (extensions lie: BPS's "Excel" download is an
HTML table saved as .xls), and how a text file is encoded and delimited."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from satudata.onboarding.refusal import Refusal
from satudata.util.language import localized

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: binary .xls (BIFF8)
_BIFF = (b"\x09\x00", b"\x09\x02", b"\x09\x04", b"\x09\x08")  # bare BIFF2-5 streams
_ENCODINGS = ("utf-8", "cp1252")
_DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class Sniffed:
    kind: str  # xlsx | xls | ods | html | csv
    text: str | None = None  # decoded text (html, csv)
    encoding: str | None = None
    delimiter: str | None = None

    @property
    def label(self) -> str:
        if self.kind == "csv":
            name = _DELIMITER_NAMES.get(self.delimiter or ",", ("?", "?"))
            return f"CSV ({self.encoding}, " + localized(
                f"pemisah {name[0]})", f"separated by {name[1]})"
            )
        return {
            "xlsx": "Excel (.xlsx)",
            "xls": localized("Excel lama (.xls, BIFF)", "old Excel (.xls, BIFF)"),
            "ods": "OpenDocument (.ods)",
            "html": localized("tabel HTML", "HTML table"),
        }[self.kind]


_DELIMITER_NAMES = {
    ",": ("koma", "commas"),
    ";": ("titik koma", "semicolons"),
    "\t": ("tab", "tabs"),
    "|": ("garis tegak", "vertical bars"),
}


def sniff(data: bytes) -> Sniffed:
    if data.startswith(b"PK\x03\x04"):
        return Sniffed(_zip_kind(data))
    if data.startswith(_OLE) or data[:2] in _BIFF:
        return Sniffed("xls")
    text, encoding = decode(data)
    if _looks_like_html(text):
        return Sniffed("html", text, encoding)
    if "\x00" in text:
        raise Refusal(
            localized(
                "berkas ini bukan tabel yang dikenali (bukan Excel, ODS, HTML, maupun CSV); "
                "simpan ulang sebagai .xlsx atau .csv lalu coba lagi",
                "this file is not a known kind of table (not Excel, ODS, HTML or CSV); save it "
                "again as .xlsx or .csv, then try again",
            )
        )
    return Sniffed("csv", text, encoding, delimiter(text))


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as exc:
        raise Refusal(
            localized(
                "berkas ZIP/Excel ini rusak; simpan ulang dari Excel lalu coba lagi",
                "this ZIP/Excel file is damaged; save it again from Excel, then try again",
            )
        ) from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names:
        return "ods"
    raise Refusal(
        localized(
            "berkas ZIP ini bukan .xlsx maupun .ods; simpan ulang sebagai .xlsx",
            "this ZIP file is neither .xlsx nor .ods; save it again as .xlsx",
        )
    )


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in; a BOM names the encoding, else UTF-8, else Windows-1252
    (what Excel on Indonesian Windows writes)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), localized(
            "UTF-8 dengan BOM", "UTF-8 with BOM"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding), encoding.upper().replace("CP1252", "Windows-1252")
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "Latin-1"


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return "<table" in head or head.lstrip().startswith(("<html", "<!doctype html"))


def delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number of fields (csv.Sniffer),
    falling back to the most frequent candidate."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return max(_DELIMITERS, key=sample.count)
