"""Import a table as OPD data teams have it — Excel, or CSV from Excel in the Indonesian locale,
with title rows, footnotes, years as columns and kecamatan written by name — into canonical
long-format CSV with Kemendagri codes. Nothing is guessed: names that do not map are listed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from satudata.load.repository import ReferenceTable

_YEAR = re.compile(r"^(19|20)\d{2}$")
_YEAR_MONTH = re.compile(r"^(19|20)\d{2}-(0[1-9]|1[0-2])$")
_LOCALE_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb", "pebruari"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "agt", "ags"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "des"),
        ),
        start=1,
    )
    for name in names
}
_PREFIXES = ("kecamatan", "kec.", "kec", "kelurahan", "kel.", "kel", "desa", "ds.")
_LEVEL_OF = {"kecamatan": "kecamatan", "kelurahan": "kelurahan_desa", "desa": "kelurahan_desa"}


class ImportError_(Exception):
    """A table that cannot be imported as it is; the message says what to do."""


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)  # what was changed, for the summary
    judul: str | None = None  # the title row above the header, if any
    sumber: str | None = None  # a "Sumber: …" footnote, if any


# --- reading ---------------------------------------------------------------------------------
def read_file(path: Path, sheet: str | None = None) -> tuple[list[list[str]], list[str], bool]:
    """(raw rows as text, notes, whether numbers are written the Indonesian way)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet), [], False
    return _read_csv(path.read_bytes())


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    return str(value).strip()


def _read_xlsx(path: Path, sheet: str | None) -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    if sheet is not None and sheet not in book.sheetnames:
        raise ImportError_(
            f"lembar '{sheet}' tidak ada; pilih salah satu dari: "
            f"{', '.join(book.sheetnames)} (opsi --lembar)"
        )
    worksheet = book[sheet] if sheet else book.worksheets[0]
    rows = [[_cell_text(v) for v in row] for row in worksheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _read_csv(data: bytes) -> tuple[list[list[str]], list[str], bool]:
    notes = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("tanda BOM dihapus")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
        notes.append("encoding Windows-1252 diubah ke UTF-8")
    sample = "\n".join(text.splitlines()[:20])
    delimiter = max(";,\t", key=sample.count)
    if delimiter != ",":
        notes.append(f"pemisah {'titik koma' if delimiter == ';' else 'tab'} diubah ke koma")
    rows = [
        [cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]
    return rows, notes, delimiter == ";"


# --- shaping ---------------------------------------------------------------------------------
def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    return name if not name[:1].isdigit() else f"k_{name}"


def find_header(rows: list[list[str]], header_row: int | None) -> int:
    """Index of the header row: given (1-based), or the first row with at least two filled
    cells that is followed by a row of data (title rows hold one cell)."""
    if header_row is not None:
        if not 1 <= header_row <= len(rows):
            raise ImportError_(f"--baris-judul {header_row} di luar tabel ({len(rows)} baris)")
        return header_row - 1
    for index, row in enumerate(rows[:-1]):
        if _filled(row) >= 2 and _filled(rows[index + 1]) >= 2:
            return index
    raise ImportError_("baris judul kolom tidak ditemukan; sebutkan dengan --baris-judul N")


def _filled(row: list[str]) -> int:
    return sum(1 for cell in row if cell)


def body(rows: list[list[str]], header_index: int, notes: list[str]) -> Table:
    header = rows[header_index]
    width = max(i + 1 for i, cell in enumerate(header) if cell)
    kept, dropped, source = [], 0, None
    for row in rows[header_index + 1 :]:
        row = (row + [""] * width)[:width]
        if _filled(row) <= 1:  # blank lines, footnotes ("Sumber: …"), section labels
            text = " ".join(c for c in row if c)
            if text.lower().startswith("sumber"):
                source = text.split(":", 1)[-1].strip() or None
            dropped += 1 if text else 0
            continue
        kept.append(row)
    titles = [" ".join(c for c in r if c) for r in rows[:header_index] if _filled(r)]
    if header_index:
        notes.append(f"{header_index} baris judul tabel di atas judul kolom dilewati")
    if dropped:
        notes.append(f"{dropped} baris catatan/keterangan dilewati")
    return Table(
        [slug(h) or f"kolom_{i + 1}" for i, h in enumerate(header[:width])],
        kept,
        notes,
        titles[0] if titles else None,
        source,
    )


def canonical_numbers(table: Table, indonesian: bool) -> None:
    """Decimal commas and thousands dots → plain numbers, only in columns that are numbers."""
    converted = 0
    for c in range(len(table.header)):
        values = [row[c] for row in table.rows if row[c]]
        if not values:
            continue
        if indonesian and all(_LOCALE_NUMBER.match(v) for v in values):
            for row in table.rows:
                if row[c]:
                    new = row[c].replace(".", "").replace(",", ".")
                    converted += new != row[c]
                    row[c] = new
    if converted:
        table.notes.append(
            f"{converted} angka berformat Indonesia (desimal koma/ribuan titik) "
            "diubah ke format baku"
        )


def wide_to_long(table: Table, value_name: str, year: int | None = None) -> Table:
    """Years, YYYY-MM or month names (with `year`) as columns become one period column and
    one value column."""
    labels: dict[int, str] = {}
    for i, h in enumerate(table.header):
        text = h.removeprefix("k_").replace("_", "-")
        if _YEAR.match(text) or _YEAR_MONTH.match(text):
            labels[i] = text
        elif h in _MONTHS:
            if year is None:
                raise ImportError_(
                    f"kolom bulan '{h}' tanpa tahun; sebutkan tahunnya dengan --tahun TTTT"
                )
            labels[i] = f"{year}-{_MONTHS[h]:02d}"
    if not labels:
        return table
    periods = list(labels)
    keep = [i for i in range(len(table.header)) if i not in labels]
    period_name = "tahun" if all(_YEAR.match(v) for v in labels.values()) else "bulan"
    header = [period_name] + [table.header[i] for i in keep] + [value_name]
    rows = [
        [labels[p]] + [row[i] for i in keep] + [row[p]]
        for p in periods
        for row in table.rows
        if row[p] != ""
    ]
    first, last = labels[periods[0]], labels[periods[-1]]
    table.notes.append(
        f"{len(periods)} kolom periode ({first}…{last}) diubah ke format panjang: "
        f"kolom '{period_name}' dan '{value_name}'"
    )
    return Table(header, rows, table.notes, table.judul, table.sumber)


# --- region names → Kemendagri codes ---------------------------------------------------------
def _normal_name(text: str) -> str:
    name = re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace(".", ". "))
    words = name.split()
    while words and (words[0] in _PREFIXES or words[0] + "." in _PREFIXES):
        words = words[1:]
    return " ".join(words)


def map_regions(table: Table, wilayah: ReferenceTable | None, aliases: dict[str, str]) -> list[str]:
    """Replace kecamatan/kelurahan name columns by code columns; returns unmapped names."""
    if wilayah is None:
        return []
    unmapped: list[str] = []
    for c, name in enumerate(table.header):
        level_word = next((w for w in _LEVEL_OF if name in (w, f"nama_{w}")), None)
        if level_word is None:
            continue
        level = _LEVEL_OF[level_word]
        index = {
            _normal_name(r["nama"]): r["kode"] for r in wilayah.rows if r.get("tingkat") == level
        }
        index.update({_normal_name(k): v for k, v in aliases.items()})
        mapped = 0
        for row in table.rows:
            code = index.get(_normal_name(row[c]))
            if code is None:
                if row[c] not in unmapped:
                    unmapped.append(row[c])
            else:
                row[c], mapped = code, mapped + 1
        table.header[c] = f"kode_{level_word if level_word != 'desa' else 'kelurahan'}"
        table.notes.append(f"{mapped} nama {level_word} diubah ke kode Kemendagri")
    return unmapped


def read_aliases(path: Path) -> dict[str, str]:
    """Known spelling variants (`alias,kode`), maintained by the Walidata."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {row["alias"]: row["kode"] for row in csv.DictReader(handle)}


# --- types and output ------------------------------------------------------------------------
def infer_type(name: str, values: list[str]) -> str:
    values = [v for v in values if v != ""]
    if not values:
        return "teks"
    if name == "tahun" and all(_YEAR.match(v) for v in values):
        return "tahun"
    if name == "bulan" and all(_YEAR_MONTH.match(v) for v in values):
        return "tahun-bulan"
    if name.startswith("kode_"):
        return "teks"
    if all(re.fullmatch(r"-?\d+", v) for v in values):
        return "bilangan-bulat"
    if all(_PLAIN_NUMBER.match(v) for v in values):
        return "bilangan"
    return "teks"


def draft_columns(table: Table) -> list[dict]:
    """Column entries for the metadata, with the roles a long table implies."""
    from satudata.onboarding.scaffold import kolom_from_spec

    columns = []
    for c, name in enumerate(table.header):
        tipe = infer_type(name, [row[c] for row in table.rows])
        role = (
            "periode"
            if name in ("tahun", "bulan", "triwulan")
            else "ukuran"
            if tipe in ("bilangan-bulat", "bilangan")
            else "dimensi"
        )
        entry = kolom_from_spec(f"{name}:{tipe}:{role}")
        if name in ("kode_kecamatan", "kode_kelurahan"):
            level = "kecamatan" if name == "kode_kecamatan" else "kelurahan_desa"
            entry["referensi"] = {"tabel": "wilayah", "tingkat": level}
        columns.append(entry)
    return columns


def csv_text(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return out.getvalue()
