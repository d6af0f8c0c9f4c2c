"""The reading pipeline, stage by stage: sniff → sheets → layout → numbers → totals → regions
→ reshape → report. Each stage is its own module; this one only wires them and keeps the
ledger of every source cell. It returns the table to write, or raises Refusal."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from satudata.onboarding import numbers, regions
from satudata.onboarding.layout import (
    Layout,
    address,
    cell_kind,
    counter_column,
    find_layout,
    find_unlabelled_totals,
    text_of,
)
from satudata.onboarding.refusal import Refusal
from satudata.onboarding.report import Ledger, label_in_use, reconcile
from satudata.onboarding.reshape import OutCell, find_wide, melt
from satudata.onboarding.sheets import choose_sheet, read_sheets
from satudata.onboarding.sniff import sniff
from satudata.util.language import localized

# Identifiers: numbers that name things (a school's NPSN, a row's id), never measures.
_CODE_HEADER = re.compile(r"(^|_)(kode|kd|id|npsn|nip|nisn|nuptk|kodepos|nomor|no|no_[a-z]+)(_|$)")
_YEAR_HEADER = re.compile(r"(^|_)(tahun|thn|year|periode)(_|$)")
_DASH = {"nol": ("0", "tanda strip menjadi 0"), "kosong": ("", "tanda strip dikosongkan")}


@dataclass
class Options:
    sheet: str | None = None
    header_row: int | None = None
    locale: str | None = None  # --angka id|en
    dash: str | None = None  # --tanda-strip nol|kosong
    value_name: str | None = None
    dimension_name: str = "kategori"
    year: int | None = None
    scope: str | None = None  # the repository's kode_wilayah
    scope_name: str = ""
    aliases: dict[str, str] = field(default_factory=dict)  # spelling → Kemendagri code


@dataclass
class ColumnInfo:
    kind: str  # angka | kode | tahun | teks | periode | kategori
    region_level: str | None = None
    region_kind: str | None = None  # kode | nama
    unit: str | None = None


@dataclass
class Imported:
    header: list[str]
    rows: list[list[OutCell]]
    info: dict[str, ColumnInfo]
    ledger: Ledger
    csv_text: str
    title: str | None = None
    source_note: str | None = None


@dataclass
class _Column:
    position: int  # among layout.columns
    name: str
    kind: str
    cells: list[OutCell]
    info: ColumnInfo
    locale: str | None = None


def import_table(path: Path, options: Options) -> Imported:
    data = path.read_bytes()
    if not data.strip():
        raise Refusal(localized("berkas kosong", "the file is empty"))
    sniffed = sniff(data)
    sheets = read_sheets(path, sniffed)
    sheet = choose_sheet(sheets, options.sheet)
    layout = find_layout(sheet, options.header_row)
    ledger = Ledger(notes=[f"format: {sniffed.label}"])
    if sniffed.kind != "csv":
        ledger.notes.append(
            localized(
                f"lembar: '{sheet.name}' (dari {len(sheets)} lembar)",
                f"sheet: '{sheet.name}' (of {len(sheets)} sheets)",
            )
        )
    for d in layout.dropped:
        ledger.drop(d.row, d.column, d.value, d.reason, d.detail)
    for r, c in layout.header_cells:
        ledger.drop(r, c, layout.cells[r][c], "judul kolom")
    if not layout.data_rows:
        heading = layout.header_rows[-1] + 1
        raise Refusal(
            localized(
                f"tabel tanpa baris data di bawah judul kolom (baris {heading}); periksa "
                "lembarnya, atau sebutkan baris judul kolom dengan --baris-judul N",
                f"a table without data rows below the column headings (row {heading}); check "
                "the sheet, or give the heading row with --baris-judul N",
            )
        )
    positions = list(range(len(layout.columns)))
    counter = counter_column(layout)
    if counter is not None:
        c = layout.columns[counter]
        for r in [*layout.data_rows, *layout.total_rows, *layout.unlabelled_totals]:
            if layout.cells[r][c] is not None:
                ledger.drop(r, c, layout.cells[r][c], "kolom nomor urut")
        positions.remove(counter)
        # rows that held nothing but their number (a blank row the export numbered)
        layout.data_rows = [
            r
            for r in layout.data_rows
            if any(layout.cells[r][layout.columns[p]] is not None for p in positions)
        ]
    find_unlabelled_totals(layout)
    filled = [rc for rc in layout.merged_from if rc[0] in set(layout.data_rows)]
    if filled:
        r, c = filled[0]
        example = f"{address(r, c)} = {address(*layout.merged_from[(r, c)])}"
        ledger.notes.append(
            localized(
                f"{len(filled)} sel kosong di dalam sel gabungan diisi nilai sel gabungannya "
                f"(mis. {example})",
                f"{len(filled)} empty cells inside merged cells filled with the merged cell's "
                f"value (e.g. {example})",
            )
        )
    columns = [col for p in positions if (col := _typed(layout, p, options)) is not None]
    _read_numbers(layout, columns, options, ledger)
    _check_totals(layout, columns, ledger)
    _regions(layout, columns, options)
    names = [c.name for c in columns]
    if len(set(names)) != len(names):
        raise Refusal(
            localized(
                f"nama kolom ganda setelah konversi: {', '.join(names)}",
                f"duplicate column names after conversion: {', '.join(names)}",
            )
        )
    rows = [[c.cells[k] for c in columns] for k in range(len(layout.data_rows))]
    info = {c.name: c.info for c in columns}
    header = names
    numeric = {i for i, c in enumerate(columns) if c.kind == "angka"}
    wide = find_wide(
        [layout.parts[c.position] for c in columns],
        numeric,
        options.year,
        options.value_name,
        options.dimension_name,
    )
    if wide is not None:
        header, rows, info = _to_long(layout, columns, rows, wide, ledger, info)
    for row in rows:
        for name, cell in zip(header, row, strict=True):
            if cell.source is not None:
                r, c = cell.source
                ledger.keep(r, c, layout.cells[r][c], cell.text, cell.conversion, name)
    text = _csv_text(header, rows)
    reconcile(layout.cells, ledger, header, rows, text)
    return Imported(header, rows, info, ledger, text, _title(ledger), _source_note(ledger))


def _csv_text(header: list[str], rows: list[list[OutCell]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([cell.text for cell in row] for row in rows)
    return out.getvalue()


# --- column types and numbers ---------------------------------------------------------------
def _values(layout: Layout, position: int, rows: list[int]) -> list[object]:
    return [value for value, _ in _cells(layout, position, rows)]


def _sources(layout: Layout, position: int) -> list[tuple[int, int]]:
    return [source for _, source in _cells(layout, position, layout.data_rows)]


def _cells(layout: Layout, position: int, rows: list[int]) -> list[tuple[object, tuple[int, int]]]:
    """(value, source cell) per row; a cell covered by a merge (a kecamatan merged over its
    kelurahan rows) takes the merge's value, and its source is the merge's origin."""
    c = layout.columns[position]
    out = []
    for r in rows:
        origin = layout.merged_from.get((r, c), (r, c))
        out.append((layout.cells[origin[0]][origin[1]], origin))
    return out


def _typed(layout: Layout, position: int, options: Options) -> _Column | None:
    name = layout.names[position]
    values = _values(layout, position, layout.data_rows)
    present = [v for v in values if v is not None]
    if not present:
        return None  # a header over an empty column: its header cell is accounted already
    sources = _sources(layout, position)
    kinds = {cell_kind(v) for v in present}
    code_level = regions.code_column_level(name, present)
    if code_level or (_CODE_HEADER.search(name) and kinds <= {"number", "year", "text"}):
        cells = [_code_cell(v, s, code_level) for v, s in zip(values, sources, strict=True)]
        info = ColumnInfo("kode", code_level, "kode" if code_level else None)
        return _Column(position, name, "kode", cells, info)
    if kinds == {"year"} and _YEAR_HEADER.search(name):
        cells = [
            _plain_cell(v, s, numbers.read(v, None)) for v, s in zip(values, sources, strict=True)
        ]
        return _Column(position, name, "tahun", cells, ColumnInfo("tahun"))
    shapes = [numbers.shape(v) for v in present if cell_kind(v) != "dash"]
    if shapes and "bad" not in shapes:
        return _Column(position, name, "angka", [], ColumnInfo("angka"))  # see _read_numbers
    _refuse_mixed(layout, position, name, present, shapes)
    cells = [
        OutCell(text_of(v), s if v is not None else None)
        for v, s in zip(values, sources, strict=True)
    ]
    return _Column(position, name, "teks", cells, ColumnInfo("teks"))


def _code_cell(value: object, source, level: str | None) -> OutCell:
    if value is None:
        return OutCell("", None)
    text = text_of(value)
    if level is not None:
        code = regions.code_of(value)
        if code is None:
            raise Refusal(
                localized(
                    f"sel {address(*source)} '{text}' bukan kode wilayah Kemendagri yang dikenal "
                    "(Kepmendagri 300.2.2-2138/2025), padahal kolomnya berisi kode wilayah; "
                    "perbaiki kodenya di berkas sumber",
                    f"cell {address(*source)} '{text}' is not a known Kemendagri region code "
                    "(Kepmendagri 300.2.2-2138/2025), yet its column holds region codes; "
                    "fix the code in the source file",
                )
            )
        return OutCell(code, source, "" if code == text else "kode wilayah dibakukan")
    if re.fullmatch(r"\d+\.0", text):
        return OutCell(text[:-2], source, "kode tertulis sebagai pecahan, .0 dihapus")
    return OutCell(text, source)


def _plain_cell(value: object, source, reading: numbers.Reading | None) -> OutCell:
    if value is None:
        return OutCell("", None)
    if reading is None:
        return OutCell(text_of(value), source)
    return OutCell(reading.text, source, reading.conversion)


def _refuse_mixed(layout, position, name, present, shapes) -> None:
    """A column of numbers with a few words in it ('n/a', 'belum ada') is refused: dropping the
    words would invent missing values, keeping them would leave numbers as text."""
    words = [text_of(v) for v in present if numbers.shape(v) == "bad" and cell_kind(v) != "dash"]
    if words and len(present) - len(words) >= 0.8 * len(present):
        listed = ", ".join(repr(w) for w in words[:3])
        raise Refusal(
            localized(
                f"kolom '{name}' berisi angka dan juga teks ({listed}); ganti teks itu dengan "
                "angka, atau kosongkan sel bila datanya memang tidak ada, lalu impor lagi",
                f"column '{name}' holds numbers and also text ({listed}); replace that text with "
                "numbers, or empty the cells whose data do not exist, then import again",
            )
        )


def _totals_of(layout: Layout, position: int) -> list[object]:
    rows = [*layout.total_rows, *layout.unlabelled_totals]
    return [v for v in _values(layout, position, rows) if v is not None]


def _read_numbers(layout: Layout, columns: list[_Column], options: Options, ledger: Ledger):
    """Decide each numeric column's locale from its own evidence; a column whose cells all read
    either way (only '36.581'-like groups) follows the other columns of the file when they agree.
    Otherwise ask. Then read every cell."""
    numeric = [c for c in columns if c.kind == "angka"]
    decided: dict[str, str | None] = {}
    pending = []
    for column in numeric:
        values = _values(layout, column.position, layout.data_rows)
        present = [v for v in values if v is not None and cell_kind(v) != "dash"]
        found = numbers.evidence(present)
        if options.locale is not None:
            decided[column.name] = options.locale
            continue
        try:
            decided[column.name] = numbers.decide(found, None)
        except numbers.AmbiguousColumn:
            # the cells alone do not tell: the total row may (read both ways only then)
            totals_say = numbers.total_locale(present, _totals_of(layout, column.position))
            if totals_say is None:
                pending.append((column, found))
            else:
                decided[column.name] = totals_say
    in_file = {locale for locale in decided.values() if locale is not None}
    for column, found in pending:
        s = found.shapes
        conflicting = (s["id"] and s["en"]) or (s["en"] and s["both"])
        if len(in_file) != 1 or conflicting:
            raise Refusal(numbers.question(column.name, found))
        (locale,) = in_file
        decided[column.name] = locale
        example = found.examples["both"]
        ledger.notes.append(
            localized(
                f"kolom '{column.name}' hanya berisi angka seperti '{example}'; dibaca dengan "
                f"format '{locale}' seperti kolom angka lain di berkas ini",
                f"column '{column.name}' holds only numbers like '{example}'; read in the "
                f"'{locale}' format like the other number columns of this file",
            )
        )
    for column in numeric:
        column.locale = decided[column.name]
        column.cells = _number_cells(layout, column, options)


def _number_cells(layout: Layout, column: _Column, options: Options) -> list[OutCell]:
    values = _values(layout, column.position, layout.data_rows)
    sources = _sources(layout, column.position)
    cells = []
    for value, source in zip(values, sources, strict=True):
        if value is None:
            cells.append(OutCell("", None))
        elif cell_kind(value) == "dash":
            cells.append(_dash(value, source, column.name, options))
        else:
            reading = numbers.read(value, column.locale)
            if reading is None:
                cell = f"{address(*source)} '{text_of(value)}'"
                raise Refusal(
                    localized(
                        f"sel {cell} di kolom '{column.name}' tidak dapat dibaca sebagai angka "
                        f"dengan --angka {column.locale}; periksa sel itu di sumbernya",
                        f"cell {cell} in column '{column.name}' cannot be read as a number "
                        f"with --angka {column.locale}; check that cell in the source",
                    )
                )
            cells.append(OutCell(reading.text, source, reading.conversion))
    return cells


def _dash(value, source, name: str, options: Options) -> OutCell:
    if options.dash is None:
        raise Refusal(
            localized(
                f"kolom angka '{name}' berisi '-' (mis. sel {address(*source)}). Dalam tabel BPS "
                "'-' berarti nol (tidak ada kejadian), tetapi kadang berarti data tidak "
                "tersedia. Jawab dengan --tanda-strip nol (tulis 0) atau --tanda-strip kosong "
                "(sel kosong = data tidak ada)",
                f"number column '{name}' holds '-' (e.g. cell {address(*source)}). In BPS "
                "tables '-' means zero (no occurrence), but sometimes it means the data are not "
                "available. Answer with --tanda-strip nol (write 0) or --tanda-strip kosong "
                "(empty cell = no data)",
            )
        )
    text, conversion = _DASH[options.dash]
    return OutCell(text, source, conversion)


# --- totals ---------------------------------------------------------------------------------
def _number(cell_value: object, column: _Column) -> Decimal | None:
    if cell_value is None or cell_kind(cell_value) == "dash":
        return Decimal(0)
    reading = numbers.read(cell_value, column.locale)
    try:
        return Decimal(reading.text) if reading and reading.text else None
    except ArithmeticError:
        return None


def _sums(columns: list[_Column], row_indexes: list[int]) -> dict[str, Decimal]:
    return {
        c.name: sum((Decimal(c.cells[k].text) for k in row_indexes if c.cells[k].text), Decimal(0))
        for c in columns
    }


def _check_totals(layout: Layout, columns: list[_Column], ledger: Ledger) -> None:
    """Each total row is compared with the sum of the rows it totals (the rows since the
    previous total, else all rows above it); then it is dropped with the result."""
    numeric = [c for c in columns if c.kind == "angka"]
    index_of = {r: k for k, r in enumerate(layout.data_rows)}
    previous = -1
    for t in sorted([*layout.total_rows, *layout.unlabelled_totals]):
        segment = [index_of[r] for r in layout.data_rows if previous < r < t]
        above = [index_of[r] for r in layout.data_rows if r < t]
        label = (
            localized("tanpa label", "unlabelled")
            if t in layout.unlabelled_totals
            else localized("berlabel", "labelled")
        )
        results = []
        matched = True
        for column in numeric:
            c = layout.columns[column.position]
            total = _number(layout.cells[t][c], column)
            if layout.cells[t][c] is None:
                continue
            part, whole = _sums([column], segment)[column.name], _sums([column], above)[column.name]
            if total is not None and total in (part, whole):
                results.append(
                    f"{column.name} {total} = " + localized("jumlah rincian", "sum of the rows")
                )
            else:
                matched = False
                written = text_of(layout.cells[t][c])
                results.append(
                    f"{column.name}: "
                    + localized(f"total {written}, rincian {part}", f"total {written}, rows {part}")
                )
        if t in layout.unlabelled_totals and (not matched or not results):
            raise Refusal(
                localized(
                    f"baris {t + 1} tidak berlabel dan angkanya bukan jumlah baris di atasnya; "
                    "isi kolom labelnya (mis. nama wilayah) atau hapus baris itu bila bukan data",
                    f"row {t + 1} has no label and its numbers are not the sum of the rows above "
                    "it; fill its label column (e.g. the region name) or delete the row if it is "
                    "not data",
                )
            )
        verdict = "cocok" if matched else "TIDAK COCOK"  # recorded as a drop detail
        shown = "; ".join(results) or localized("tanpa angka", "no numbers")
        ledger.totals.append(
            localized(f"baris {t + 1} ({label}): ", f"row {t + 1} ({label}): ")
            + f"{label_in_use(verdict)} — {shown}"
        )
        if not matched:
            ledger.warnings.append(
                localized(
                    f"baris total {t + 1} tidak sama dengan jumlah rinciannya",
                    f"total row {t + 1} does not equal the sum of its rows",
                )
            )
        for c, value in enumerate(layout.cells[t]):
            if value is not None:
                ledger.drop(t, c, value, "baris total", verdict)
        previous = t


# --- regions --------------------------------------------------------------------------------
def _regions(layout: Layout, columns: list[_Column], options: Options) -> None:
    named: list[_Column] = []
    for column in columns:
        if column.kind == "teks":
            present = [c.text for c in column.cells if c.text]
            level = regions.name_column_level(column.name, present)
            if level is not None:
                column.info = ColumnInfo("teks", level, "nama")
                named.append(column)
    coded = [c for c in columns if c.info.region_kind == "kode"]
    if not coded and not named:
        return
    rows = len(layout.data_rows)
    known: list[dict[str, str]] = [{} for _ in range(rows)]  # per row: level → code
    for column in coded:
        for k, cell in enumerate(column.cells):
            if cell.text:
                _add_code(known[k], cell.text)
    for column in columns:
        if column.kind == "teks" and column not in named:
            level = _names_of_known_codes(column, known)
            if level is not None:
                column.info = ColumnInfo("teks", level, "nama")
                named.append(column)
    problems = _Problems()
    for column in sorted(named, key=lambda c: regions.LEVELS.index(c.info.region_level or "")):
        _resolve_names(column, known, coded, options, problems)
    problems.raise_if_any()
    outside = sorted(
        {
            code
            for row in known
            for code in row.values()
            if options.scope and not regions.within(code, options.scope)
        }
    )
    if outside:
        listed = ", ".join(regions.describe(c) for c in outside[:5])
        others = len(outside) - 5
        more = localized(f" dan {others} lainnya", f" and {others} more") if others > 0 else ""
        scope = options.scope_name or localized("wilayah repositori", "the repository's region")
        raise Refusal(
            localized(
                f"data ini berisi wilayah di luar {scope} ({options.scope}): {listed}{more}. "
                "Repositori ini hanya memuat data wilayahnya sendiri (kode_wilayah di "
                "metadata/portal.yaml); impor berkas ini di repositori daerah tersebut, atau "
                "periksa kolom wilayahnya",
                f"these data hold regions outside {scope} ({options.scope}): {listed}{more}. "
                "This repository holds only its own region's data (kode_wilayah in "
                "metadata/portal.yaml); import this file in that region's repository, or check "
                "its region columns",
            )
        )


def _names_of_known_codes(column: _Column, known: list[dict[str, str]]) -> str | None:
    """A text column that spells, row by row, the region of a code column beside it (too few
    distinct values to be recognised alone, e.g. two kecamatan)."""
    for level in regions.LEVELS:
        pairs = [
            (c.text, row[level])
            for c, row in zip(column.cells, known, strict=True)
            if c.text and level in row
        ]
        if pairs and sum(regions.same_place(t, code) for t, code in pairs) >= 0.8 * len(pairs):
            return level
    return None


def _add_code(row: dict[str, str], code: str) -> None:
    parts = code.split(".")
    for depth, level in enumerate(regions.LEVELS[: len(parts)]):
        row.setdefault(level, ".".join(parts[: depth + 1]))


class _Problems:
    def __init__(self):
        self.unknown: dict[str, str] = {}
        self.ambiguous: dict[str, list[str]] = {}
        self.mismatch: dict[int, str] = {}  # source row → the first disagreement in it

    def raise_if_any(self) -> None:
        if self.mismatch:
            rows, examples = len(self.mismatch), "; ".join(list(self.mismatch.values())[:3])
            raise Refusal(
                localized(
                    f"kode dan nama wilayah tidak cocok pada {rows} baris, mis. {examples}. "
                    "Perbaiki kode atau namanya di berkas sumber (kode menurut Kepmendagri "
                    "300.2.2-2138/2025), lalu impor lagi",
                    f"region codes and names do not match in {rows} rows, e.g. {examples}. "
                    "Fix the code or the name in the source file (codes as in Kepmendagri "
                    "300.2.2-2138/2025), then import again",
                )
            )
        if self.ambiguous:
            listed = "; ".join(
                f"'{n}' ({', '.join(regions.describe(c) for c in codes[:3])})"
                for n, codes in list(self.ambiguous.items())[:5]
            )
            raise Refusal(
                localized(
                    f"nama wilayah yang cocok dengan lebih dari satu wilayah: {listed}. "
                    "Tambahkan kolom kode wilayah, atau kolom wilayah induknya (mis. kecamatan), "
                    "lalu impor lagi",
                    f"region names that match more than one region: {listed}. Add a region "
                    "code column, or a column of the parent region (e.g. kecamatan), then "
                    "import again",
                )
            )
        if self.unknown:
            cell = localized("sel", "cell")
            listed = "; ".join(f"'{n}' ({cell} {a})" for n, a in list(self.unknown.items())[:10])
            unknown = len(self.unknown)
            raise Refusal(
                localized(
                    f"{unknown} nama wilayah tidak dikenal: {listed}. Perbaiki ejaannya sesuai "
                    "tabel wilayah Kemendagri, atau minta Walidata menambahkan ejaan lain ke "
                    "metadata/referensi/alias-wilayah.csv (kolom alias,kode). Tidak ada berkas "
                    "yang ditulis",
                    f"{unknown} unknown region names: {listed}. Fix the spelling to match the "
                    "Kemendagri region table, or ask the Walidata to add the other spelling to "
                    "metadata/referensi/alias-wilayah.csv (columns alias,kode). No file was "
                    "written",
                )
            )


def _resolve_names(column: _Column, known, coded, options: Options, problems: _Problems) -> None:
    level = column.info.region_level or ""
    depth = regions.LEVELS.index(level)
    has_code_here_or_below = any(
        regions.LEVELS.index(c.info.region_level or "") >= depth for c in coded
    )
    converted = []
    for k, cell in enumerate(column.cells):
        if not cell.text:
            converted.append(cell)
            continue
        where = address(*cell.source) if cell.source else "?"
        if has_code_here_or_below and level in known[k]:
            code = known[k][level]
            if not regions.same_place(cell.text, code) and cell.source:
                region = regions.describe(code)
                problems.mismatch.setdefault(
                    cell.source[0],
                    localized(
                        f"sel {where} menulis '{cell.text}', sedangkan kode di baris itu adalah "
                        f"{region}",
                        f"cell {where} says '{cell.text}', while the code in that row is {region}",
                    ),
                )
            converted.append(cell)
            continue
        code = _code_for_name(cell.text, level, known[k], options, problems, where)
        if code is not None:
            _add_code(known[k], code)
        converted.append(
            OutCell(code or cell.text, cell.source, "nama wilayah menjadi kode Kemendagri")
        )
    if not has_code_here_or_below:
        column.cells = converted
        column.name = f"kode_{level}"
        column.info = ColumnInfo("kode", level, "kode")


def _code_for_name(
    name: str, level: str, row: dict[str, str], options, problems, where
) -> str | None:
    if name in options.aliases:
        return options.aliases[name]
    parents = [row[lv] for lv in regions.LEVELS[: regions.LEVELS.index(level)] if lv in row]
    parent = parents[-1] if parents else None
    codes = regions.resolve_name(name, level, parent)
    if parent is None and options.scope:
        inside = [c for c in codes if regions.within(c, options.scope)]
        codes = inside or codes  # outside codes are named by the scope check
    if len(codes) == 1:
        return codes[0]
    if codes:
        problems.ambiguous.setdefault(name, codes)
    else:
        problems.unknown.setdefault(name, where)
    return None


# --- wide → long ----------------------------------------------------------------------------
def _to_long(layout, columns, rows, wide, ledger: Ledger, info):
    names = [c.name for c in columns]
    header_cells: dict[tuple[int, str], OutCell] = {}
    for position, labels in wide.labels.items():
        column = layout.columns[columns[position].position]
        for dim, label in labels.items():
            source = _header_source(layout, column, label, wide.labels[position])
            conversion = localized(
                f"judul kolom menjadi nilai '{dim}'", f"column heading made a value of '{dim}'"
            )
            header_cells[(position, label)] = OutCell(label, source, conversion if source else "")
    header, long_rows = melt(names, rows, wide, header_cells)
    info = {n: i for n, i in info.items() if n in header}
    info[wide.period_name] = ColumnInfo("periode")
    for dim in list(next(iter(wide.labels.values())))[1:]:
        info[dim] = ColumnInfo("kategori")
    info[wide.value_name] = ColumnInfo("angka")
    periods, added = len(wide.value_columns), ", ".join(repr(h) for h in header if h not in names)
    ledger.notes.append(
        localized(
            f"{periods} kolom periode diubah ke format panjang: kolom {added}",
            f"{periods} period columns turned into long format: columns {added}",
        )
    )
    return header, long_rows, info


def _header_source(layout: Layout, column: int, label: str, labels: dict) -> tuple[int, int] | None:
    """The header cell that holds `label` above `column` (a merged band's origin to the left)."""
    for r in layout.header_rows:
        for c in range(column, -1, -1):
            value = layout.cells[r][c]
            if value is not None:
                if text_of(value).removesuffix(".0") == label or str(value) == label:
                    return (r, c)
                break
    return None


def _title(ledger: Ledger) -> str | None:
    titles = sorted(
        (d for d in ledger.dropped.values() if d.reason == "judul tabel"),
        key=lambda d: (d.row, d.column),
    )
    return titles[0].source if titles else None


def _source_note(ledger: Ledger) -> str | None:
    for drop in sorted(ledger.dropped.values(), key=lambda d: (d.row, d.column)):
        if drop.reason == "catatan kaki" and drop.source.lower().startswith("sumber"):
            return drop.source.split(":", 1)[-1].strip() or None
    return None
