"""The import report: every non-empty source cell is either in the output (with its
conversion) or dropped with its reason; the reconciliation proves it before anything is written.
Rendered as a short summary for the terminal and a full Markdown file for review, both in the
language in use. The ledger records conversions and reasons by their Indonesian labels (code
compares them); `label_in_use` shows one in the language in use."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from satudata.onboarding.layout import address, text_of
from satudata.util.language import language, localized
from satudata.util.numbers import number

UNCHANGED = "tetap"


@dataclass
class Kept:
    row: int
    column: int
    source: str
    output: str
    conversion: str  # "" = unchanged
    target: str  # output column


@dataclass
class Drop:
    row: int
    column: int
    source: str
    reason: str
    detail: str = ""


@dataclass
class Ledger:
    kept: dict[tuple[int, int], Kept] = field(default_factory=dict)
    dropped: dict[tuple[int, int], Drop] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # file-level facts: format, encoding, sheet
    warnings: list[str] = field(default_factory=list)  # e.g. a total that does not match
    totals: list[str] = field(default_factory=list)  # one line per checked total row

    def keep(self, row, column, value, output: str, conversion: str, target: str) -> None:
        self.dropped.pop((row, column), None)
        if (row, column) not in self.kept:
            self.kept[(row, column)] = Kept(row, column, text_of(value), output, conversion, target)

    def drop(self, row, column, value, reason: str, detail: str = "") -> None:
        self.kept.pop((row, column), None)
        self.dropped[(row, column)] = Drop(row, column, text_of(value), reason, detail)


class ReconciliationError(Exception):
    pass


_DIGITS = re.compile(r"\D")


def _digits(text: str) -> str:
    return _DIGITS.sub("", text).rstrip("0").lstrip("0")


def reconcile(cells: list[list[object]], ledger: Ledger, header: list[str], rows, csv_text: str):
    """Raise unless (1) every non-empty source cell is kept or dropped, not both, (2) every
    kept number shows the same digits as its source (only separators may change), (3) every
    kept text is unchanged unless a conversion says otherwise, and (4) the CSV text reads back
    to exactly the output rows."""
    source = {(r, c) for r, row in enumerate(cells) for c, v in enumerate(row) if v is not None}
    kept, dropped = set(ledger.kept), set(ledger.dropped)
    missing = source - kept - dropped
    if missing:
        where = ", ".join(address(r, c) for r, c in sorted(missing)[:5])
        raise ReconciliationError(
            localized(
                f"{len(missing)} sel sumber tidak tercatat (mis. {where})",
                f"{len(missing)} source cells not recorded (e.g. {where})",
            )
        )
    if kept & dropped:
        raise ReconciliationError(
            localized(
                "sel tercatat dua kali (disimpan dan dibuang)",
                "cells recorded twice (kept and dropped)",
            )
        )
    for item in ledger.kept.values():
        if item.conversion in ("", UNCHANGED) and item.output != item.source:
            raise ReconciliationError(
                _changed(
                    item, "sel {} berubah tanpa catatan: {}", "cell {} changed without a record: {}"
                )
            )
        if _is_number_conversion(item.conversion) and _digits(item.output) != _digits(item.source):
            raise ReconciliationError(
                _changed(item, "angka sel {} berubah: {}", "the number in cell {} changed: {}")
            )
    back = list(csv.reader(io.StringIO(csv_text)))
    expected = [header, *[[cell.text for cell in row] for row in rows]]
    if back != expected:
        raise ReconciliationError(
            localized(
                "CSV yang akan ditulis tidak terbaca kembali sama persis",
                "the CSV to be written does not read back exactly",
            )
        )


def _changed(item: Kept, indonesian: str, english: str) -> str:
    change = f"'{item.source}' → '{item.output}'"
    return localized(indonesian, english).format(address(item.row, item.column), change)


NUMBER_CONVERSIONS = (
    "titik ribuan dihapus",
    "angka Excel berisi titik ribuan",
    "koma desimal menjadi titik",
    "koma ribuan dihapus",
    "pecahan .0 dihapus",
    "titik ribuan, nol akhir hilang",
    "angka dibakukan",
    "spasi ribuan dihapus",
)


# Every conversion, drop reason and total verdict the ledger records, in English.
LABELS_IN_ENGLISH = {
    "titik ribuan dihapus": "thousands dots removed",
    "angka Excel berisi titik ribuan": "Excel number holding thousands dots",
    "koma desimal menjadi titik": "decimal comma made a point",
    "koma ribuan dihapus": "thousands commas removed",
    "pecahan .0 dihapus": ".0 fraction removed",
    "titik ribuan, nol akhir hilang": "thousands dot, trailing zero lost",
    "angka dibakukan": "number normalised",
    "spasi ribuan dihapus": "thousands spaces removed",
    "kode wilayah dibakukan": "region code normalised",
    "kode tertulis sebagai pecahan, .0 dihapus": "code written as a fraction, .0 removed",
    "nama wilayah menjadi kode Kemendagri": "region name made a Kemendagri code",
    "tanda strip menjadi 0": "dash made 0",
    "tanda strip dikosongkan": "dash made empty",
    UNCHANGED: "unchanged",
    "judul tabel": "table title",
    "judul kolom": "column heading",
    "judul kolom berulang": "repeated column heading",
    "nomor kolom": "column numbers",
    "kolom nomor urut": "row number column",
    "baris total": "total row",
    "catatan kaki": "footnote",
    "tanda tangan": "signature",
    "sisa ekspor pandas": "pandas export leftover",
    "di luar tabel": "outside the table",
    "cocok": "matches",
    "TIDAK COCOK": "DOES NOT MATCH",
}


def label_in_use(label: str) -> str:
    """A ledger label in the language in use (one made in the language in use stays as is)."""
    return localized(label, LABELS_IN_ENGLISH.get(label, label))


def _is_number_conversion(conversion: str) -> bool:
    return conversion in NUMBER_CONVERSIONS


def _label(conversion: str) -> str:
    return label_in_use(conversion) if conversion else localized("tanpa perubahan", "unchanged")


def summary(ledger: Ledger, rows: int, header: list[str]) -> list[str]:
    """Short summary: counts per conversion and per drop reason, one example each."""
    lang = language()
    filled, kept, dropped = (
        number(len(ledger.kept) + len(ledger.dropped), lang),
        number(len(ledger.kept), lang),
        number(len(ledger.dropped), lang),
    )
    lines = [
        localized(
            f"{filled} sel sumber terisi: {kept} masuk data, {dropped} dibuang dengan alasan",
            f"{filled} filled source cells: {kept} went into the data, {dropped} dropped with "
            "a reason",
        )
    ]
    by_conversion: dict[str, list[Kept]] = defaultdict(list)
    for item in ledger.kept.values():
        by_conversion[item.conversion].append(item)
    for conversion, items in sorted(by_conversion.items(), key=lambda kv: -len(kv[1])):
        first = items[0]
        shown = f"'{first.source}'"
        if conversion:
            shown += f" → {first.output or localized('(kosong)', '(empty)')}"
        lines.append(
            _count_line(localized("masuk", "kept"), _label(conversion), len(items), first, shown)
        )
    by_reason: dict[str, list[Drop]] = defaultdict(list)
    for drop in ledger.dropped.values():
        by_reason[drop.reason].append(drop)
    for reason, drops in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
        shown = f"'{_short(drops[0].source)}'"
        lines.append(
            _count_line(
                localized("dibuang", "dropped"), label_in_use(reason), len(drops), drops[0], shown
            )
        )
    checked = localized("total diperiksa", "total checked")
    lines.extend(f"  {checked}: {line}" for line in ledger.totals)
    attention = localized("PERHATIAN", "ATTENTION")
    lines.extend(f"  {attention}: {w}" for w in ledger.warnings)
    return lines


def _count_line(fate: str, label: str, count: int, first: Kept | Drop, shown: str) -> str:
    """`  masuk, titik ribuan dihapus: 12 sel (mis. B3 '1.474' → 1474)`"""
    where = address(first.row, first.column)
    return f"  {fate}, {label}: {number(count, language())} " + localized(
        f"sel (mis. {where} {shown})", f"cells (e.g. {where} {shown})"
    )


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(ledger: Ledger, source_name: str, dataset: str, rows: int, header: list[str]) -> str:
    """The full report: every conversion that changed a cell and every dropped cell, by cell."""
    columns, rows_shown = ", ".join(f"`{h}`" for h in header), number(rows, language())
    out = [
        "# " + localized(f"Laporan impor `{dataset}`", f"Import report `{dataset}`"),
        "",
        localized(
            f"Sumber: `{source_name}`. Hasil: {rows_shown} baris, kolom {columns}.",
            f"Source: `{source_name}`. Result: {rows_shown} rows, columns {columns}.",
        ),
        "",
        *[f"- {note}" for note in ledger.notes],
        "",
        "## " + localized("Ringkasan", "Summary"),
        "",
        "```",
        *summary(ledger, rows, header),
        "```",
        "",
        localized(
            "Rekonsiliasi: setiap sel sumber yang terisi tercatat tepat sekali (masuk data atau "
            "dibuang); setiap angka memuat digit yang sama dengan sumbernya (hanya pemisah "
            "ribuan/desimal yang berubah); teks yang tidak dikonversi sama persis; CSV terbaca "
            "kembali sama dengan hasil.",
            "Reconciliation: every filled source cell is recorded exactly once (kept in the data "
            "or dropped); every number shows the same digits as its source (only thousands/"
            "decimal separators changed); text that was not converted is identical; the CSV "
            "reads back the same as the result.",
        ),
        "",
    ]
    out += _kept_sections(ledger)
    out += _dropped_section(ledger)
    if ledger.totals or ledger.warnings:
        out += ["", "## " + localized("Pemeriksaan", "Checks"), ""]
        out += [f"- {line}" for line in ledger.totals]
        attention = localized("Perhatian", "Attention")
        out += [f"- **{attention}:** {w}" for w in ledger.warnings]
    return "\n".join(out) + "\n"


def _kept_sections(ledger: Ledger) -> list[str]:
    out = ["## " + localized("Sel yang masuk data dengan konversi", "Cells kept with a conversion")]
    out.append("")
    groups: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    unchanged: Counter = Counter()
    for item in sorted(ledger.kept.values(), key=lambda k: (k.column, k.row)):
        if item.conversion:
            groups[(item.target, item.conversion, item.source, item.output)].append(
                address(item.row, item.column)
            )
        else:
            unchanged[item.target] += 1
    if groups:
        out += [
            localized(
                "| Kolom | Konversi | Sumber | Hasil | Sel |",
                "| Column | Conversion | Source | Result | Cells |",
            ),
            "|---|---|---|---|---|",
        ]
        for (target, conversion, source, output), cells in groups.items():
            out.append(
                f"| `{target}` | {label_in_use(conversion)} | `{_md(source)}` | `{_md(output)}` | "
                f"{', '.join(cells)} |"
            )
    else:
        out.append(
            localized(
                "Tidak ada: semua sel masuk tanpa perubahan.",
                "None: every cell was kept unchanged.",
            )
        )
    none = localized("Tidak ada.", "None.")
    out += ["", "## " + localized("Sel yang masuk tanpa perubahan", "Cells kept unchanged"), ""]
    unit = localized("sel", "cells")
    out += [f"- `{target}`: {count} {unit}" for target, count in unchanged.items()] or [none]
    return out


def _dropped_section(ledger: Ledger) -> list[str]:
    out = ["", "## " + localized("Sel yang dibuang", "Dropped cells"), ""]
    if not ledger.dropped:
        return [*out, localized("Tidak ada.", "None.")]
    out += [
        localized("| Sel | Isi | Alasan | Keterangan |", "| Cell | Content | Reason | Detail |"),
        "|---|---|---|---|",
    ]
    for drop in sorted(ledger.dropped.values(), key=lambda d: (d.row, d.column)):
        out.append(
            f"| {address(drop.row, drop.column)} | {_md(_short(drop.source, 80))} | "
            f"{label_in_use(drop.reason)} | {_md(label_in_use(drop.detail))} |"
        )
    return out
