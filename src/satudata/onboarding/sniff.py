"""Which format a file really is, from its bytes (extensions lie: BPS's "Excel" download is an
HTML table saved as .xls), and how a text file is encoded and delimited."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from satudata.onboarding.refusal import Refusal

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
            names = {",": "koma", ";": "titik koma", "\t": "tab", "|": "garis tegak"}
            return f"CSV ({self.encoding}, pemisah {names.get(self.delimiter or ',', '?')})"
        return {
            "xlsx": "Excel (.xlsx)",
            "xls": "Excel lama (.xls, BIFF)",
            "ods": "OpenDocument (.ods)",
            "html": "tabel HTML",
        }[self.kind]


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
            "berkas ini bukan tabel yang dikenali (bukan Excel, ODS, HTML, maupun CSV); simpan "
            "ulang sebagai .xlsx atau .csv lalu coba lagi"
        )
    return Sniffed("csv", text, encoding, delimiter(text))


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as exc:
        raise Refusal("berkas ZIP/Excel ini rusak; simpan ulang dari Excel lalu coba lagi") from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names:
        return "ods"
    raise Refusal("berkas ZIP ini bukan .xlsx maupun .ods; simpan ulang sebagai .xlsx")


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in; a BOM names the encoding, else UTF-8, else Windows-1252
    (what Excel on Indonesian Windows writes)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 dengan BOM"
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
