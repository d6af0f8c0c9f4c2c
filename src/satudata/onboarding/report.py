"""The import report: every non-empty source cell is either in the output (with its
conversion) or dropped with its reason; the reconciliation proves it before anything is written.
Rendered as a short Indonesian summary for the terminal and a full Markdown file for review."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from satudata.onboarding.layout import address, text_of

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
        raise ReconciliationError(f"{len(missing)} sel sumber tidak tercatat (mis. {where})")
    if kept & dropped:
        raise ReconciliationError("sel tercatat dua kali (disimpan dan dibuang)")
    for item in ledger.kept.values():
        if item.conversion in ("", UNCHANGED) and item.output != item.source:
            raise ReconciliationError(
                f"sel {address(item.row, item.column)} berubah tanpa catatan: "
                f"'{item.source}' → '{item.output}'"
            )
        if _is_number_conversion(item.conversion) and _digits(item.output) != _digits(item.source):
            raise ReconciliationError(
                f"angka sel {address(item.row, item.column)} berubah: "
                f"'{item.source}' → '{item.output}'"
            )
    back = list(csv.reader(io.StringIO(csv_text)))
    expected = [header, *[[cell.text for cell in row] for row in rows]]
    if back != expected:
        raise ReconciliationError("CSV yang akan ditulis tidak terbaca kembali sama persis")


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


def _is_number_conversion(conversion: str) -> bool:
    return conversion in NUMBER_CONVERSIONS


def _label(conversion: str) -> str:
    return conversion or "tanpa perubahan"


def summary(ledger: Ledger, rows: int, header: list[str]) -> list[str]:
    """Short Indonesian summary: counts per conversion and per drop reason, one example each."""
    lines = [
        f"{len(ledger.kept) + len(ledger.dropped)} sel sumber terisi: "
        f"{len(ledger.kept)} masuk data, {len(ledger.dropped)} dibuang dengan alasan",
    ]
    by_conversion: dict[str, list[Kept]] = defaultdict(list)
    for item in ledger.kept.values():
        by_conversion[item.conversion].append(item)
    for conversion, items in sorted(by_conversion.items(), key=lambda kv: -len(kv[1])):
        example = items[0]
        shown = (
            f"'{example.source}'"
            if not conversion
            else f"'{example.source}' → {example.output or '(kosong)'}"
        )
        lines.append(
            f"  masuk, {_label(conversion)}: {len(items)} sel "
            f"(mis. {address(example.row, example.column)} {shown})"
        )
    by_reason: dict[str, list[Drop]] = defaultdict(list)
    for drop in ledger.dropped.values():
        by_reason[drop.reason].append(drop)
    for reason, drops in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
        first = drops[0]
        lines.append(
            f"  dibuang, {reason}: {len(drops)} sel (mis. {address(first.row, first.column)} "
            f"'{_short(first.source)}')"
        )
    lines.extend(f"  total diperiksa: {line}" for line in ledger.totals)
    lines.extend(f"  PERHATIAN: {w}" for w in ledger.warnings)
    return lines


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(ledger: Ledger, source_name: str, dataset: str, rows: int, header: list[str]) -> str:
    """The full report: every conversion that changed a cell and every dropped cell, by cell."""
    out = [
        f"# Laporan impor `{dataset}`",
        "",
        f"Sumber: `{source_name}`. Hasil: {rows} baris, kolom {', '.join(f'`{h}`' for h in header)}.",
        "",
        *[f"- {note}" for note in ledger.notes],
        "",
        "## Ringkasan",
        "",
        "```",
        *summary(ledger, rows, header),
        "```",
        "",
        "Rekonsiliasi: setiap sel sumber yang terisi tercatat tepat sekali (masuk data atau "
        "dibuang); setiap angka memuat digit yang sama dengan sumbernya (hanya pemisah ribuan/"
        "desimal yang berubah); teks yang tidak dikonversi sama persis; CSV terbaca kembali "
        "sama dengan hasil.",
        "",
        "## Sel yang masuk data dengan konversi",
        "",
    ]
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
        out += ["| Kolom | Konversi | Sumber | Hasil | Sel |", "|---|---|---|---|---|"]
        for (target, conversion, source, output), cells in groups.items():
            out.append(
                f"| `{target}` | {conversion} | `{_md(source)}` | `{_md(output)}` | "
                f"{', '.join(cells)} |"
            )
    else:
        out.append("Tidak ada: semua sel masuk tanpa perubahan.")
    out += ["", "## Sel yang masuk tanpa perubahan", ""]
    out += [f"- `{target}`: {count} sel" for target, count in unchanged.items()] or ["Tidak ada."]
    out += ["", "## Sel yang dibuang", ""]
    if ledger.dropped:
        out += ["| Sel | Isi | Alasan | Keterangan |", "|---|---|---|---|"]
        for drop in sorted(ledger.dropped.values(), key=lambda d: (d.row, d.column)):
            out.append(
                f"| {address(drop.row, drop.column)} | {_md(_short(drop.source, 80))} | "
                f"{drop.reason} | {_md(drop.detail)} |"
            )
    else:
        out.append("Tidak ada.")
    if ledger.totals or ledger.warnings:
        out += ["", "## Pemeriksaan", ""]
        out += [f"- {line}" for line in ledger.totals]
        out += [f"- **Perhatian:** {w}" for w in ledger.warnings]
    return "\n".join(out) + "\n"
