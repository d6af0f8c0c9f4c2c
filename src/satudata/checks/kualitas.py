"""kualitas: what no generic validator checks — copied periods, implausible jumps, totals that
do not add up, placeholders instead of empty cells, negative counts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from satudata.checks import DatasetContext, dataset_check, placeholder_mask, short
from satudata.checks.scan import decimal_pattern, text_pattern
from satudata.findings import Finding
from satudata.model import Kolom, Pemeriksaan, Peran, Tipe

# The finding codes this family's checks emit (besides CONTEXT_CODES, open to every check).
CODES = (
    "jumlah-kolom-tidak-cocok",
    "lonjakan-tidak-wajar",
    "nilai-negatif",
    "nilai-pengganti",
    "periode-disalin",
    "total-tidak-cocok",
    # what a wrong import leaves behind
    "baris-total-dalam-data",
    "judul-kolom-berupa-data",
    "judul-kolom-dalam-data",
    "kolom-nomor-urut",
    "markup-dalam-sel",
    "ribuan-terbaca-desimal",
)


_NUMBER = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_TOTAL_LABEL = r"(?i)^\s*(jumlah|total)\b"
_PLAIN_NUMBER = re.compile(r"[-+.0-9]+")
_ROW_NUMBER = re.compile(r"[0-9]{1,9}")
# A header cell that is a value (a year, a code, a count), as RE2's `\s` (ASCII) spells it.
_VALUE_LIKE = re.compile(r"[\t\n\f\r ]*[-+]?[0-9][0-9.,\t\n\f\r ]*")
_SEP = "\x1f"


def _numbers(values: pa.ChunkedArray) -> pa.ChunkedArray:
    """float64 of the cells that are numbers; null elsewhere (those are reported by struktur)."""
    fast = _all_numbers(values)
    if fast is not None:
        return fast
    return pc.cast(
        pc.if_else(pc.match_substring_regex(values, _NUMBER), values, None), pa.float64()
    )


def _all_numbers(values: pa.ChunkedArray) -> pa.ChunkedArray | None:
    """The common case in one cast, without a regex: every cell a finite number. Arrow's
    string-to-float cast accepts a subset of _NUMBER plus nan/inf (hence the finiteness
    test), and fails on anything else, such as an empty cell: then None."""
    try:
        numbers = pc.cast(values, pa.float64())
    except pa.ArrowInvalid:
        return None
    return numbers if pc.all(pc.is_finite(numbers)).as_py() is not False else None


def _is_count(kolom: Kolom) -> bool:
    words = (kolom.ukuran or "").lower()
    return (
        kolom.peran is Peran.UKURAN
        and kolom.tipe is Tipe.BILANGAN_BULAT
        and ("jumlah" in words or "banyak" in words)
    )


def _fmt(number: float | None) -> str:
    if number is None:
        return "-"
    return f"{number:,.0f}".replace(",", ".") if float(number).is_integer() else f"{number:g}"


@dataset_check
def placeholders(ctx: DatasetContext) -> Iterator[Finding]:
    """Placeholders in text columns (typed columns: see struktur, where they fail the type)."""
    tabel = ctx.tabel
    if tabel is None or tabel.num_rows == 0 or ctx.rules_out(placeholder_cells):
        return
    typed = {k.nama for k in ctx.meta.kolom if k.tipe is not Tipe.TEKS} if ctx.meta else set()
    # A declared value list (`nilai`) makes 'TIDAK ADA' a category, not a placeholder.
    declared = {k.nama: k.nilai for k in ctx.meta.kolom if k.nilai} if ctx.meta else {}
    for position, name in enumerate(tabel.header):
        if name in typed:
            continue
        values = tabel.table.column(position)
        mask = placeholder_mask(values)
        if name in declared:
            allowed = pa.array([str(v) for v in declared[name]], pa.string())
            mask = pc.and_not(mask, pc.is_in(pc.utf8_trim_whitespace(values), value_set=allowed))
        yield from ctx.bad_cells(
            mask,
            name,
            "nilai-pengganti",
            lambda i, v=values: {"nilai": short(v[i])},
        )


@text_pattern
def placeholder_cells(values: pa.Array, batch: Sequence[DatasetContext]) -> pa.Array:
    return placeholder_mask(values)


@dataset_check
def negative_counts(ctx: DatasetContext) -> Iterator[Finding]:
    tabel, meta = ctx.tabel, ctx.meta
    if tabel is None or meta is None:
        return
    for kolom in meta.kolom:
        values = tabel.column(kolom.nama)
        if values is None or not _is_count(kolom) or kolom.min is not None:
            continue  # a declared `min` is checked by struktur already
        if ctx.plain_numbers(kolom) is not None:
            continue  # plain whole numbers: digits only
        negative = pc.match_substring_regex(values, r"^\s*-[0-9]*[1-9][0-9]*\s*$")
        yield from ctx.bad_cells(
            negative,
            kolom.nama,
            "nilai-negatif",
            lambda i, v=values, n=kolom.nama: {"nilai": short(v[i]), "kolom": n},
        )


def _period_column(ctx: DatasetContext) -> str:
    """The period column, for helpers of checks that have already returned without one."""
    periode = ctx.valid_meta.periode
    if periode is None:
        raise RuntimeError(f"{ctx.entry.id}: no period column")
    return periode.nama


def _dimensions(ctx: DatasetContext) -> list[str]:
    meta = ctx.valid_meta
    period = _period_column(ctx)
    keys = [n for n in meta.kunci if n != period]
    return keys or [k.nama for k in meta.kolom if k.peran is Peran.DIMENSI]


def _join_key(tabel, names: list[str], rows: int) -> pa.ChunkedArray:
    columns = [tabel.column(n) for n in names if tabel.column(n) is not None]
    if not columns:
        return pa.chunked_array([pa.array([""] * rows, pa.string())])
    return columns[0] if len(columns) == 1 else pc.binary_join_element_wise(*columns, _SEP)


@dataclass
class _Pairs:
    """Each row paired with the row(s) of the same dimension keys in the previous period
    (an inner join on key and period rank), as NumPy arrays: null numbers are NaN."""

    row: np.ndarray  # table row index of the later row
    previous: np.ndarray  # table row index of the earlier row
    rank: np.ndarray  # period rank of the later row
    now: np.ndarray  # pairs × measures: the values at `row`
    before: np.ndarray  # pairs × measures: the values at `previous`


def _consecutive(ctx: DatasetContext, measures: list[Kolom]) -> _Pairs:
    """Computed with NumPy searchsorted rather than an Arrow join: on a 500-row table the
    join's set-up cost dominates, and this runs for every dataset."""
    ranks = ctx.period_ranks
    row, previous = pair_rows(ranks, _row_keys(ctx), len(ctx.periods))
    values = np.column_stack([_measure_values(ctx, k) for k in measures])
    return _Pairs(row, previous, ranks[row], values[row], values[previous])


def _row_keys(ctx: DatasetContext) -> np.ndarray:
    """Equal integers for rows with the same dimension values."""
    dimensions = _dimensions(ctx)
    keys = ctx.scan.row_keys(dimensions) if ctx.scan is not None else None
    if keys is not None:
        return keys
    tabel = ctx.loaded
    joined = _join_key(tabel, dimensions, tabel.num_rows).combine_chunks()
    return _int_array(pc.dictionary_encode(joined).indices)


def pair_rows(ranks: np.ndarray, keys: np.ndarray, periods: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, previous): every pair of rows with the same key whose period ranks are r and r-1
    — an inner join on (key, rank - 1) — ordered by row. Negative rank or key: not joined."""
    rows = np.flatnonzero((ranks >= 0) & (keys >= 0))
    composite = keys[rows] * periods + ranks[rows]
    order = np.argsort(composite, kind="stable")
    ordered = composite[order]
    later = rows[ranks[rows] > 0]
    target = keys[later] * periods + ranks[later] - 1
    first = np.searchsorted(ordered, target, "left")
    counts = np.searchsorted(ordered, target, "right") - first
    # every match, as a join gives them when a key repeats within a period
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(later, counts), rows[order[np.repeat(first, counts) + offsets]]


def _int_array(values: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """int64 NumPy array with -1 for nulls (NumPy turns integers with nulls into floats)."""
    array = values.to_numpy(zero_copy_only=False)
    if array.dtype.kind == "f":
        array = np.nan_to_num(array, nan=-1)
    return array.astype(np.int64)


def _float_array(values: pa.ChunkedArray) -> np.ndarray:
    return np.asarray(values.to_numpy(), dtype=np.float64)  # nulls become NaN


def _measure_values(ctx: DatasetContext, kolom: Kolom) -> np.ndarray:
    plain = ctx.plain_numbers(kolom)
    return plain if plain is not None else _float_array(_numbers(ctx.loaded.column(kolom.nama)))


def _numeric_measures(ctx: DatasetContext) -> list[Kolom]:
    tabel = ctx.loaded
    return [
        k
        for k in ctx.valid_meta.ukuran_kolom
        if k.tipe in (Tipe.BILANGAN, Tipe.BILANGAN_BULAT) and tabel.column(k.nama) is not None
    ]


@dataset_check
def period_changes(ctx: DatasetContext) -> Iterator[Finding]:
    """The latest period copied from the previous one; values that jump implausibly."""
    meta, tabel = ctx.meta, ctx.tabel
    if meta is None or tabel is None or meta.periode is None or len(ctx.periods) < 2:
        return
    if tabel.column(meta.periode.nama) is None:
        return
    measures = _numeric_measures(ctx)
    if not measures:
        return
    joined = _consecutive(ctx, measures)
    yield from _copied(ctx, joined, measures)
    yield from _jumps(ctx, joined, measures)


def _identical_share(pairs: _Pairs, rank: int) -> tuple[int, int]:
    """(values equal to the previous period's, values compared) over every measure."""
    at = pairs.rank == rank
    now, before = pairs.now[at], pairs.before[at]
    compared = ~(np.isnan(now) | np.isnan(before))
    return int((compared & (now == before)).sum()), int(compared.sum())


def _copied(ctx: DatasetContext, pairs: _Pairs, measures: list[Kolom]) -> Iterator[Finding]:
    settings, last = ctx.settings, len(ctx.periods) - 1
    same, total = _identical_share(pairs, last)
    if total < settings.minimum_baris_salinan or same < settings.ambang_salinan * total:
        return
    if last >= 2:  # a series that never changes is stable by nature, not copied
        before, before_total = _identical_share(pairs, last - 1)
        if before_total and before >= settings.ambang_salinan * before_total:
            return
    yield ctx.data_finding(
        "periode-disalin",
        None,
        None,
        periode=ctx.periods[last],
        sebelumnya=ctx.periods[last - 1],
        persen=f"{same / total:.0%}",
        sama=same,
        jumlah=total,
    )


def _jumps(ctx: DatasetContext, pairs: _Pairs, measures: list[Kolom]) -> Iterator[Finding]:
    settings = ctx.settings
    every = np.concatenate(
        [
            _jump_flags(
                pairs.now[start : start + _BLOCK], pairs.before[start : start + _BLOCK], settings
            )
            for start in range(0, max(len(pairs.row), 1), _BLOCK)
        ]
    )
    if not every.any():
        return
    for measure in np.flatnonzero(every.any(axis=0)):
        kolom, flagged = measures[measure], every[:, measure]
        hits: dict[int, int] = {}
        for at in np.flatnonzero(flagged)[np.argsort(pairs.row[flagged], kind="stable")]:
            hits.setdefault(int(pairs.row[at]), at)  # one finding per row, however many pairs
        yield from ctx.cells_at(
            list(hits),
            kolom.nama,
            "lonjakan-tidak-wajar",
            lambda i, k=kolom.nama, m=measure, h=hits: _jump_params(ctx, pairs, h[i], m, k),
        )


_BLOCK = 65_536  # pairs at a time: all measures at once, without large temporaries


def _jump_flags(now: np.ndarray, before: np.ndarray, settings: Pemeriksaan) -> np.ndarray:
    """pairs × measures: True where the value jumps implausibly from the previous period."""
    now, before = np.abs(now), np.abs(before)
    with np.errstate(invalid="ignore"):  # NaN (not a number) never flags
        high, low = np.maximum(now, before), np.minimum(now, before)
        return (high >= settings.nilai_minimum_lonjakan) & (
            high / np.maximum(low, 1.0) >= settings.faktor_lonjakan
        )


def _jump_params(ctx: DatasetContext, pairs: _Pairs, at: int, measure: int, column: str) -> dict:
    before, now = float(pairs.before[at, measure]), float(pairs.now[at, measure])
    factor = max(abs(before), abs(now)) / max(min(abs(before), abs(now)), 1.0)
    tabel = ctx.loaded
    key = _join_key(tabel, _dimensions(ctx), tabel.num_rows)[int(pairs.row[at])].as_py()
    rank = int(pairs.rank[at])
    return {
        "kolom": column,
        "kunci": short(key.replace(_SEP, ", ")) or "-",
        "lama": _fmt(before),
        "baru": _fmt(now),
        "sebelumnya": ctx.periods[rank - 1],
        "periode": ctx.periods[rank],
        "faktor": f"{factor:.1f}".replace(".", ","),
    }


@text_pattern
def total_labels(values: pa.Array, batch: Sequence[DatasetContext]) -> pa.Array:
    return pc.match_substring_regex(values, _TOTAL_LABEL)


@dataset_check
def total_rows(ctx: DatasetContext) -> Iterator[Finding]:
    """Rows labelled 'Jumlah'/'Total' in a dimension must equal the sum of the other rows."""
    meta, tabel = ctx.meta, ctx.tabel
    if meta is None or tabel is None or tabel.num_rows == 0 or ctx.rules_out(total_labels):
        return
    counts = [
        k
        for k in meta.ukuran_kolom
        if k.tipe is Tipe.BILANGAN_BULAT and tabel.column(k.nama) is not None
    ]
    keys = [n for n in meta.kunci if tabel.column(n) is not None]
    # A coded column (referensi) cannot hold a 'Jumlah' label without failing referensi.
    for dim in (
        k for k in meta.kolom if k.nama in keys and k.peran is Peran.DIMENSI and k.referensi is None
    ):
        values = tabel.column(dim.nama)
        if not counts or not any(
            pc.any(pc.starts_with(values, label, ignore_case=True)).as_py()
            for label in ("jumlah", "total")
        ):
            continue  # cheap prefix test first; the regex only where a label may be
        is_total = pc.match_substring_regex(values, _TOTAL_LABEL)
        if pc.any(is_total).as_py():
            group = _join_key(tabel, [n for n in keys if n != dim.nama], tabel.num_rows)
            for kolom in counts:
                yield from _total_mismatches(ctx, dim.nama, kolom.nama, group, is_total)


def _total_mismatches(ctx, dim: str, column: str, group, is_total) -> Iterator[Finding]:
    tabel = ctx.tabel
    table = pa.table(
        {
            "i": pa.array(range(tabel.num_rows), pa.int64()),
            "g": group,
            "v": _numbers(tabel.column(column)),
            "t": is_total,
            "label": tabel.column(dim),
        }
    )
    parts = (
        table.filter(pc.invert(table["t"]))
        .group_by("g", use_threads=False)
        .aggregate([("v", "sum")])
    )
    totals = table.filter(table["t"]).join(parts, "g", use_threads=False)
    difference = pc.abs(pc.subtract(totals["v"], pc.fill_null(totals["v_sum"], 0.0)))
    wrong = totals.filter(pc.fill_null(pc.greater(difference, 0.5), False)).sort_by("i")
    rows = {r["i"]: r for r in wrong.to_pylist()}
    yield from ctx.cells_at(
        list(rows),
        column,
        "total-tidak-cocok",
        lambda i: {
            "label": short(rows[i]["label"]),
            "kolom": column,
            "total": _fmt(rows[i]["v"]),
            "jumlah": _fmt(rows[i]["v_sum"] or 0.0),
            "selisih": _fmt((rows[i]["v"] or 0) - (rows[i]["v_sum"] or 0)),
        },
    )


@dataset_check
def sum_columns(ctx: DatasetContext) -> Iterator[Finding]:
    """A column declared `jumlah_dari: [a, b]` equals a + b on every row."""
    meta, tabel = ctx.meta, ctx.tabel
    if meta is None or tabel is None or tabel.num_rows == 0:
        return
    for kolom in (k for k in meta.kolom if k.jumlah_dari):
        names = [kolom.nama, *(kolom.jumlah_dari or [])]
        columns = [c for n in names if (c := tabel.column(n)) is not None]
        if len(columns) != len(names):
            continue  # unknown names are reported by the metadata checks
        total, *parts = [_numbers(c) for c in columns]
        added = parts[0]
        for part in parts[1:]:
            added = pc.add(added, part)
        difference = pc.abs(pc.subtract(total, added))
        tolerance = pc.add(pc.multiply(pc.abs(total), 1e-9), 1e-6)
        wrong = pc.fill_null(pc.greater(difference, tolerance), False)
        yield from ctx.bad_cells(
            wrong,
            kolom.nama,
            "jumlah-kolom-tidak-cocok",
            lambda i, k=kolom, t=total, a=added: {
                "kolom": k.nama,
                "bagian": " + ".join(k.jumlah_dari),
                "total": _fmt(t[i].as_py()),
                "jumlah": _fmt(a[i].as_py()),
                "selisih": _fmt(t[i].as_py() - a[i].as_py()),
            },
        )


# --- what a wrong import leaves behind (any route: impor, hand edits, portal exports) -------
_THREE_DECIMALS = r"^-?[0-9]+\.[0-9]{3}$"
_MARKUP = (
    r"(?i)<\s*/?\s*(table|thead|tbody|tr|td|th|html|body|div|span|br|p|font|b|i|a|sup|sub)"
    r"\b[^>]*>|&(nbsp|amp|lt|gt);"
)


@dataset_check
def thousands_read_as_decimals(ctx: DatasetContext) -> Iterator[Finding]:
    """A decimal measure whose cells mostly carry exactly three decimals: 167.228 people are
    likely 167,228 whose thousands dot was read as a decimal point."""
    meta, tabel = ctx.meta, ctx.tabel
    if meta is None or tabel is None or tabel.num_rows < 3 or ctx.rules_out(three_decimals):
        return
    for kolom in meta.ukuran_kolom:
        values = tabel.column(kolom.nama)
        if values is None or kolom.tipe is not Tipe.BILANGAN:
            continue
        filled = pc.sum(pc.cast(pc.greater(pc.utf8_length(values), 0), pa.int64())).as_py() or 0
        three = pc.match_substring_regex(values, _THREE_DECIMALS)
        hits = pc.sum(pc.cast(three, pa.int64())).as_py() or 0
        if hits >= 3 and hits > filled / 2:
            first = pc.index(three, True).as_py()
            yield ctx.data_finding(
                "ribuan-terbaca-desimal",
                tabel.row_number(first),
                kolom.nama,
                kolom=kolom.nama,
                jumlah=hits,
                terisi=filled,
                nilai=short(values[first]),
            )


@decimal_pattern
def three_decimals(values: pa.Array, batch: Sequence[DatasetContext]) -> pa.Array:
    return pc.match_substring_regex(values, _THREE_DECIMALS)


@dataset_check
def markup_in_cells(ctx: DatasetContext) -> Iterator[Finding]:
    """HTML tags or entities in a cell: a web page or an HTML 'Excel' file read as text."""
    tabel = ctx.tabel
    if tabel is None or tabel.num_rows == 0 or ctx.rules_out(markup):
        return
    for position, name in enumerate(tabel.header):
        values = tabel.table.column(position)
        if not pc.any(
            pc.or_(pc.match_substring(values, "<"), pc.match_substring(values, "&"))
        ).as_py():
            continue  # cheap test first
        yield from ctx.bad_cells(
            pc.match_substring_regex(values, _MARKUP),
            name,
            "markup-dalam-sel",
            _value_of(values),
        )


@text_pattern
def markup(values: pa.Array, batch: Sequence[DatasetContext]) -> pa.Array:
    return pc.match_substring_regex(values, _MARKUP)


def _value_of(values: pa.ChunkedArray) -> Callable[[int], dict]:
    return lambda i: {"nilai": short(values[i])}


def _label_forms(name: str, judul: str | None) -> list[str]:
    forms = {name, name.replace("_", " ")}
    if judul:
        forms.add(judul)
    return sorted({f.lower() for f in forms})


@dataset_check
def header_row_in_data(ctx: DatasetContext) -> Iterator[Finding]:
    """A data row that repeats the column names: a second header row (or a header block of
    several rows) imported as data."""
    meta, tabel = ctx.meta, ctx.tabel
    if tabel is None or tabel.num_rows == 0 or len(tabel.header) < 2:
        return
    judul = {k.nama: k.judul for k in meta.kolom} if meta else {}
    if ctx.rules_out(column_labels) and not _numeric_labels(tabel.header, judul):
        return
    matches = None
    for position, name in enumerate(tabel.header):
        values = pc.utf8_lower(pc.utf8_trim_whitespace(tabel.table.column(position)))
        forms = pa.array(_label_forms(name, judul.get(name)), pa.string())
        hit = pc.cast(pc.is_in(values, value_set=forms), pa.int64())
        matches = hit if matches is None else pc.add(matches, hit)
    needed = max(2, (len(tabel.header) + 1) // 2)
    yield from ctx.bad_cells(
        pc.greater_equal(matches, needed),
        None,
        "judul-kolom-dalam-data",
        lambda i: {"baris": tabel.row_number(i)},
    )


@text_pattern
def column_labels(values: pa.Array, batch: Sequence[DatasetContext]) -> pa.Array:
    """Values that, lowered and trimmed, spell a column label of any table in the batch (the
    check then looks for the table's own labels, column by column)."""
    forms = {
        form
        for ctx in batch
        if ctx.tabel is not None
        for name in ctx.tabel.header
        for form in _label_forms(name, _title(ctx, name))
    }
    lowered = pc.utf8_lower(pc.utf8_trim_whitespace(values))
    return pc.is_in(lowered, value_set=pa.array(sorted(forms), pa.string()))


def _title(ctx: DatasetContext, name: str) -> str | None:
    kolom = ctx.meta.column(name) if ctx.meta else None
    return kolom.judul if kolom else None


def _numeric_labels(header: list[str], judul: Mapping[str, str | None]) -> bool:
    """A label that is itself a number could equal a plain number, which the scan's text
    patterns never see."""
    return any(
        _PLAIN_NUMBER.fullmatch(form)
        for name in header
        for form in _label_forms(name, judul.get(name))
    )


@dataset_check
def header_that_is_data(ctx: DatasetContext) -> Iterator[Finding]:
    """A header row made of values (years, codes, counts): the real header was lost and the
    first data row took its place."""
    tabel = ctx.tabel
    if tabel is None or len(tabel.header) < 2:
        return
    shown = [name for name in tabel.header if _VALUE_LIKE.fullmatch(name)]
    if len(shown) * 2 >= len(tabel.header):
        yield ctx.data_finding("judul-kolom-berupa-data", 1, None, contoh=", ".join(shown[:4]))


@dataset_check
def total_rows_inside_data(ctx: DatasetContext) -> Iterator[Finding]:
    """'Jumlah'/'Total' rows in a long table count every value twice in any sum a user makes."""
    meta, tabel = ctx.meta, ctx.tabel
    if meta is None or tabel is None or tabel.num_rows == 0 or ctx.rules_out(total_labels):
        return
    for kolom in meta.kolom:
        values = tabel.column(kolom.nama)
        if values is None or kolom.peran is not Peran.DIMENSI or kolom.tipe is not Tipe.TEKS:
            continue
        if kolom.nilai and any(str(v).lower().startswith(("jumlah", "total")) for v in kolom.nilai):
            continue  # a declared category, e.g. 'Jumlah' in a published BPS breakdown
        yield from ctx.bad_cells(
            pc.match_substring_regex(values, _TOTAL_LABEL),
            kolom.nama,
            "baris-total-dalam-data",
            _value_of(values),
        )


@dataset_check
def row_counter_column(ctx: DatasetContext) -> Iterator[Finding]:
    """A first column holding 1, 2, 3 … (or 0, 1, 2 …) in file order merely numbers rows."""
    tabel = ctx.tabel
    if tabel is None or tabel.num_rows < 3 or len(tabel.header) < 2:
        return
    values = tabel.table.column(0)
    first = values[0].as_py()
    if not (_ROW_NUMBER.fullmatch(first) and int(first) in (0, 1)):
        return  # told from one cell, before a call over the column
    if not pc.all(pc.match_substring_regex(values, r"^[0-9]{1,9}$")).as_py():
        return
    numbers = pc.cast(values, pa.int64())
    start = numbers[0].as_py()
    expected = pa.array(range(start, start + tabel.num_rows), pa.int64())
    if pc.all(pc.equal(numbers, expected)).as_py():
        yield ctx.data_finding(
            "kolom-nomor-urut", None, tabel.header[0], kolom=tabel.header[0], jumlah=tabel.num_rows
        )
