"""struktur: encoding, separator, header, row width, types and Table Schema constraints.

Vectorized with pyarrow.compute over all-string columns, so each bad cell keeps its row; the
frictionless engine is the reference these rules are tested against (tests/checks).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from satudata.checks import DatasetContext, dataset_check, placeholder_mask, short
from satudata.checks.scan import text_pattern
from satudata.findings import Finding
from satudata.load.table import READ_CODES, blank_rows
from satudata.model import Kolom, Tipe
from satudata.model.types import FALSE_VALUES, TRUE_VALUES, TYPES
from satudata.rules.formulas import FORMULA, may_hold_formula

# The finding codes this family's checks emit (besides CONTEXT_CODES, open to every check).
CODES = (
    "baris-kosong",
    "desimal-koma",
    "di-atas-maksimum",
    "di-bawah-minimum",
    "judul-kolom-ganda",
    "judul-kolom-kosong",
    "kolom-tidak-ada-di-data",
    "kolom-tidak-didokumentasikan",
    "kunci-utama-ganda",
    "nilai-pengganti",
    "strip-di-kolom-angka",
    "nilai-tidak-diizinkan",
    "nilai-tidak-unik",
    "pola-tidak-cocok",
    "sel-berisi-rumus",
    "sel-wajib-kosong",
    "tanpa-baris-data",
    "tipe-tidak-sesuai",
    "urutan-kolom-berbeda",
    *READ_CODES,
)


_BOOLEAN_VALUES = pa.array([*TRUE_VALUES, *FALSE_VALUES], pa.string())
_EMPTY = pa.scalar("", pa.string())
_LOCALE_NUMBER = r"^[+-]?([0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?|[0-9]+,[0-9]+)$"
_NUMERIC = {tipe for tipe, rules in TYPES.items() if rules.numeric}


@dataset_check
def read_problems(ctx: DatasetContext) -> Iterator[Finding]:
    """Encoding, separator, empty file, ragged rows: whatever reading the file found."""
    result = ctx.read()
    if result is not None:
        yield from result.findings


@dataset_check
def header(ctx: DatasetContext) -> Iterator[Finding]:
    tabel = ctx.tabel
    if tabel is None:
        return
    seen: set[str] = set()
    for position, name in enumerate(tabel.header, start=1):
        if not name.strip():
            yield ctx.data_finding("judul-kolom-kosong", 1, posisi=position)
        elif name in seen:
            yield ctx.data_finding("judul-kolom-ganda", 1, name, kolom=name)
        seen.add(name)
    if tabel.num_rows == 0:
        yield ctx.data_finding("tanpa-baris-data", 1)
    if ctx.meta is not None:
        yield from _header_against_metadata(ctx, tabel.header)


def _header_against_metadata(ctx: DatasetContext, header: list[str]) -> Iterator[Finding]:
    described = [k.nama for k in ctx.valid_meta.kolom]
    for name in header:
        if name.strip() and name not in described:
            yield ctx.data_finding("kolom-tidak-didokumentasikan", 1, name, kolom=name)
    for index, name in enumerate(described):
        if name not in header:
            yield ctx.meta_finding(
                "kolom-tidak-ada-di-data", ("kolom", index), f"kolom[{index}]", kolom=name
            )
    shared_data = [n for n in header if n in described]
    shared_meta = [n for n in described if n in header]
    if shared_data != shared_meta:
        yield ctx.data_finding(
            "urutan-kolom-berbeda", 1, data=", ".join(shared_data), metadata=", ".join(shared_meta)
        )


@dataset_check
def cells(ctx: DatasetContext) -> Iterator[Finding]:
    """Types and constraints of every described column, cell by cell.

    Written to keep the number of pyarrow calls per column small: on a repository of
    thousands of small files the per-call overhead, not the data, is what costs.
    """
    tabel, meta = ctx.tabel, ctx.meta
    if tabel is None or meta is None or tabel.num_rows == 0:
        return
    filled = None
    if _may_have_blank_rows(tabel):
        blank = blank_rows(tabel)
        yield from ctx.bad_cells(blank, None, "baris-kosong", lambda i: {})
        filled = pc.invert(blank)
    key_columns, duplicated = set(meta.kunci), _duplicated(tabel.header)
    presence: dict[str, pa.ChunkedArray] = {}
    for kolom in meta.kolom:
        values = tabel.column(kolom.nama)
        if values is None or kolom.nama in duplicated:
            continue
        numbers = ctx.plain_numbers(kolom)
        if numbers is not None:
            clean = True
        elif filled is None:
            clean, numbers = _clean_numbers(values, kolom.tipe)
        else:
            clean = False
        if clean:
            presence[kolom.nama] = None  # every cell filled
            yield from _clean_column(ctx, kolom, values, numbers)
            continue
        present, has_empty = _presence(values, filled)
        presence[kolom.nama] = present
        if (kolom.wajib or kolom.nama in key_columns) and has_empty:
            missing = pc.invert(present) if filled is None else pc.and_not(filled, present)
            yield from ctx.bad_cells(
                missing, kolom.nama, "sel-wajib-kosong", lambda i, n=kolom.nama: {"kolom": n}
            )
        yield from _column(ctx, kolom, values, present)
    yield from _primary_key(ctx, presence, filled)


def _may_have_blank_rows(tabel) -> bool:
    return not pc.all(pc.not_equal(tabel.table.column(0), _EMPTY)).as_py()


def _presence(values, filled):
    """(mask of non-empty cells in filled rows, whether any cell is empty)."""
    present = pc.not_equal(values, _EMPTY)
    has_empty = not pc.all(present).as_py()
    if filled is not None:
        present = pc.and_(present, filled)
    return present, has_empty


def _clean_numbers(values, tipe: Tipe) -> tuple[bool, np.ndarray | None]:
    """(whether every cell of a numeric column is filled and valid, float64 of them when
    already computed). The common case costs one or two calls instead of a regex and a
    dozen masks — on thousands of small files per-call overhead is what costs."""
    if tipe is Tipe.BILANGAN_BULAT:
        # Digits only (no sign, not empty) is a valid integer; anything else takes the
        # general path.
        return bool(pc.all(pc.ascii_is_decimal(values)).as_py()), None
    if tipe is Tipe.BILANGAN:
        # Arrow's cast accepts a subset of the number pattern plus nan/inf, hence finiteness.
        try:
            numbers = pc.cast(values, pa.float64()).to_numpy()
        except pa.ArrowInvalid:
            return False, None
        return bool(np.isfinite(numbers).all()), numbers
    return False, None


def _clean_column(ctx: DatasetContext, kolom: Kolom, values, numbers) -> Iterator[Finding]:
    """A numeric column without empty or mistyped cells: only its constraints can fail."""
    if kolom.pola is not None or kolom.nilai is not None or kolom.unik:
        yield from _column(ctx, kolom, values, pc.not_equal(values, _EMPTY))
        return
    low = float(kolom.min) if isinstance(kolom.min, int | float) else None
    high = float(kolom.maks) if isinstance(kolom.maks, int | float) else None
    if low is None and high is None:
        return
    if numbers is None:
        if high is None and low is not None and low <= 0:
            return  # digits only: never below zero
        numbers = pc.cast(values, pa.float64()).to_numpy()
    if not len(numbers):
        return
    if (low is not None and numbers.min() < low) or (high is not None and numbers.max() > high):
        yield from _bounds(ctx, kolom, values, pc.not_equal(values, _EMPTY))


def _duplicated(header: list[str]) -> set[str]:
    return {n for n in header if header.count(n) > 1}


def _column(
    ctx: DatasetContext, kolom: Kolom, values: pa.ChunkedArray, present: pa.ChunkedArray
) -> Iterator[Finding]:
    name = kolom.nama
    if kolom.tipe is Tipe.TEKS:
        ok = present
    else:
        valid = _literal_mask(values, kolom.tipe)
        yield from _type_findings(ctx, kolom, values, pc.and_not(present, valid))
        ok = pc.and_(present, valid)
    if kolom.pola is not None:
        yield from _pattern(ctx, kolom, values, ok)
    if kolom.nilai is not None:
        allowed = _in_value_set(values, kolom.tipe, kolom.nilai, ok)
        listed = ", ".join(str(v) for v in kolom.nilai[:10])
        yield from ctx.bad_cells(
            pc.and_not(ok, allowed),
            name,
            "nilai-tidak-diizinkan",
            lambda i: {"nilai": short(values[i]), "daftar": listed},
        )
    yield from _bounds(ctx, kolom, values, ok)
    if kolom.unik:
        for index, first in duplicate_rows(values, ok):
            yield ctx.data_finding(
                "nilai-tidak-unik",
                ctx.loaded.row_number(index),
                name,
                nilai=short(values[index]),
                kolom=name,
                pertama=ctx.loaded.row_number(first),
            )


def _literal_mask(values: pa.ChunkedArray, tipe: Tipe) -> pa.ChunkedArray:
    """True where a cell is a valid literal of `tipe` (empty cells are false)."""
    if tipe is Tipe.BOOLEAN:
        return pc.is_in(values, value_set=_BOOLEAN_VALUES)
    pattern = TYPES[tipe].pattern
    if pattern is None:  # teks: any non-empty text
        return pc.not_equal(values, _EMPTY)
    valid = pc.match_substring_regex(values, pattern)
    if tipe is Tipe.TANGGAL:
        valid = pc.and_(valid, _real_dates(values, valid))
    return valid


_DASHES = pa.array(["-", "–", "—"], pa.string())


def type_mask(values: pa.ChunkedArray, tipe: Tipe) -> pa.ChunkedArray:
    """True where a cell is empty or a valid literal of `tipe`."""
    empty = pc.equal(pc.utf8_length(values), 0)
    if tipe is Tipe.TEKS:
        return pc.or_(empty, pc.invert(empty))
    return pc.or_(empty, _literal_mask(values, tipe))


def _real_dates(values, shaped):
    """pyarrow's strptime rolls 2020-02-30 over to March; a round trip catches that. Arrow's
    cast to date32 refuses such dates outright and costs a fiftieth of the round trip's
    strftime, so when every well-formed cell casts, all of them are real dates."""
    try:
        pc.cast(pc.if_else(shaped, values, None), pa.date32())
        return shaped
    except pa.ArrowInvalid:
        pass
    parsed = pc.strptime(values, format="%Y-%m-%d", unit="s", error_is_null=True)
    same = pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), values)
    return pc.fill_null(same, False)


def _type_findings(ctx, kolom: Kolom, values, bad_type) -> Iterator[Finding]:
    name, tipe = kolom.nama, kolom.tipe
    if not pc.any(bad_type).as_py():
        return
    # A placeholder ('-', 'N/A', #DIV/0!) gets its own, more useful finding (kualitas family);
    # in a typed column it can only be among the cells that failed the type.
    placeholder = pc.and_(bad_type, placeholder_mask(values))
    if tipe in (Tipe.BILANGAN, Tipe.BILANGAN_BULAT):
        # '-' in a number column: BPS tables write it for zero; its own advice (kualitas).
        dash = pc.and_(placeholder, pc.is_in(pc.utf8_trim_whitespace(values), value_set=_DASHES))
        yield from ctx.bad_cells(
            dash, name, "strip-di-kolom-angka", lambda i: {"nilai": short(values[i]), "kolom": name}
        )
        placeholder = pc.and_not(placeholder, dash)
    yield from ctx.bad_cells(
        placeholder, name, "nilai-pengganti", lambda i: {"nilai": short(values[i])}
    )
    bad_type = pc.and_not(bad_type, placeholder)
    if tipe in (Tipe.BILANGAN, Tipe.BILANGAN_BULAT):
        locale = pc.and_(bad_type, pc.match_substring_regex(values, _LOCALE_NUMBER))
        yield from ctx.bad_cells(
            locale,
            name,
            "desimal-koma",
            lambda i: {
                "nilai": short(values[i]),
                "usulan": short(_canonical_number(values[i].as_py())),
            },
        )
        bad_type = pc.and_(bad_type, pc.invert(locale))
    saran, hint = TYPES[tipe].fix
    yield from ctx.bad_cells(
        bad_type,
        name,
        "tipe-tidak-sesuai",
        lambda i: {
            "nilai": short(values[i]),
            "tipe": tipe.value,
            "saran_tipe": saran,
            "hint_type": hint,
        },
    )


def _canonical_number(text: str) -> str:
    return text.replace(".", "").replace(",", ".")


def _pattern(ctx, kolom: Kolom, values, ok) -> Iterator[Finding]:
    pattern = kolom.pola
    if pattern is None:
        return
    try:
        matches = pc.match_substring_regex(values, f"^(?:{pattern})$")
    except pa.ArrowInvalid:
        # RE2 (pyarrow) lacks look-arounds and back-references that Python's `re` (and so
        # frictionless) supports: check each distinct value with `re` instead.
        regex = re.compile(pattern)
        distinct = pc.unique(values).to_pylist()
        good = pa.array([v for v in distinct if regex.fullmatch(v)], pa.string())
        matches = pc.is_in(values, value_set=good)
    yield from ctx.bad_cells(
        pc.and_(ok, pc.invert(matches)),
        kolom.nama,
        "pola-tidak-cocok",
        lambda i: {"nilai": short(values[i]), "pola": pattern},
    )


def _in_value_set(values, tipe: Tipe, allowed: list[str | int], ok):
    if tipe in _NUMERIC:
        numbers = [float(v) for v in allowed if _is_number(v)]
        return pc.is_in(_as_float(values, ok), value_set=pa.array(numbers, pa.float64()))
    return pc.is_in(values, value_set=pa.array([str(v) for v in allowed], pa.string()))


def _is_number(value: object) -> bool:
    if not isinstance(value, str | int | float):
        return False
    try:
        float(value)
        return True
    except (TypeError, ValueError):
        return False


def _as_float(values, ok):
    """Cast the cells that passed the type check to float64; the others become null."""
    return pc.cast(pc.if_else(ok, values, None), pa.float64())


def _bounds(ctx, kolom: Kolom, values, ok) -> Iterator[Finding]:
    if kolom.min is None and kolom.maks is None:
        return
    if kolom.min == 0 and kolom.maks is None and kolom.tipe in _NUMERIC:
        # The common `min: 0` of counts: a valid number is below zero iff it starts with '-'
        # and is not a signed zero; no cast needed.
        negative = pc.and_(ok, pc.starts_with(values, "-"))
        if not pc.any(negative).as_py():
            return
        below = pc.and_not(negative, pc.match_substring_regex(values, r"^-[0.]*([eE].*)?$"))
        yield from ctx.bad_cells(
            below, kolom.nama, "di-bawah-minimum", lambda i: {"nilai": short(values[i]), "batas": 0}
        )
        return
    typed, convert = _comparable(values, kolom, ok)
    if typed is None:
        return
    for bound, code, compare in (
        (kolom.min, "di-bawah-minimum", pc.less),
        (kolom.maks, "di-atas-maksimum", pc.greater),
    ):
        if bound is None:
            continue
        limit = convert(bound)
        if limit is None:
            continue
        outside = pc.fill_null(compare(typed, limit), False)
        yield from ctx.bad_cells(
            outside, kolom.nama, code, lambda i, b=bound: {"nilai": short(values[i]), "batas": b}
        )


def _comparable(values, kolom: Kolom, ok):
    if kolom.tipe in _NUMERIC:
        return _as_float(values, ok), lambda b: pa.scalar(float(b)) if _is_number(b) else None
    if kolom.tipe is Tipe.TANGGAL:
        typed = pc.cast(
            pc.strptime(
                pc.if_else(ok, values, None), format="%Y-%m-%d", unit="s", error_is_null=True
            ),
            pa.date32(),
        )
        return typed, lambda b: pa.scalar(b, pa.date32()) if hasattr(b, "year") else None
    return None, None


def duplicate_rows(keys: pa.ChunkedArray, considered: pa.ChunkedArray) -> list[tuple[int, int]]:
    """(row index, index of first occurrence) for every repeat of a key among considered rows."""
    keys = pc.if_else(considered, keys, None)
    non_null = pc.drop_null(keys)
    if pc.count_distinct(non_null).as_py() == len(non_null):
        return []
    table = pa.table({"k": keys, "i": pa.array(range(len(keys)), pa.int64())})
    table = table.filter(pc.is_valid(table["k"]))
    firsts = table.group_by("k", use_threads=False).aggregate([("i", "min")])
    joined = table.join(firsts, "k", use_threads=False)
    repeats = joined.filter(pc.not_equal(joined["i"], joined["i_min"])).sort_by("i")
    return list(zip(repeats["i"].to_pylist(), repeats["i_min"].to_pylist(), strict=False))


_LARGE = 50_000


def _keys_distinct(columns: list[pa.ChunkedArray], considered: pa.ChunkedArray) -> bool:
    """True when the considered rows' keys are all distinct, told from integer codes
    (dictionary encoding, then a NumPy sort): on a million-row file, joining and hashing the
    key strings costs more than every other check together. False: look closer."""
    composite = np.zeros(len(considered), dtype=np.int64)
    combinations = 1
    for column in columns:
        encoded = pc.dictionary_encode(column.combine_chunks())
        combinations *= max(len(encoded.dictionary), 1)
        if combinations >= 2**62:
            return False  # the codes would overflow; the string keys decide
        composite = composite * len(encoded.dictionary) + encoded.indices.to_numpy()
    keys = np.sort(composite[considered.to_numpy()])  # a sort beats NumPy's hashed unique
    return not (keys[1:] == keys[:-1]).any()


def _keys_distinct_by_scan(ctx: DatasetContext, names: list[str]) -> bool:
    """True when the scan's codes show that the rows whose key cells are all filled have
    distinct keys. False: look closer."""
    keys = ctx.scan.row_keys(names) if ctx.scan is not None else None
    if keys is None:
        return False
    complete = np.ones(len(keys), dtype=bool)
    for name in names:
        complete &= ctx.scan.codes[name] >= 0  # type: ignore[union-attr]
    considered = np.sort(keys[complete])
    return not (considered[1:] == considered[:-1]).any()


def _primary_key(ctx: DatasetContext, presence: dict, filled) -> Iterator[Finding]:
    meta, tabel = ctx.valid_meta, ctx.loaded
    if not meta.kunci or any(n not in presence for n in meta.kunci):
        return
    columns = [c for n in meta.kunci if (c := tabel.column(n)) is not None]
    if len(columns) != len(meta.kunci):
        return
    if _keys_distinct_by_scan(ctx, meta.kunci):
        return
    masks = [presence[n] for n in meta.kunci if presence[n] is not None]  # None: all filled
    complete = masks[0] if masks else pc.not_equal(columns[0], _EMPTY)
    for mask in masks[1:]:
        complete = pc.and_(complete, mask)
    if len(complete) >= _LARGE and _keys_distinct(columns, complete):
        return
    keys = columns[0] if len(columns) == 1 else pc.binary_join_element_wise(*columns, "\x1f")
    repeats = duplicate_rows(keys, complete)
    for shown, (index, first) in enumerate(repeats):
        if ctx.cell_limit is not None and shown >= ctx.cell_limit:
            yield ctx.data_finding(
                "sel-bermasalah-lain",
                None,
                meta.kunci[0],
                jumlah=len(repeats) - shown,
                kolom=", ".join(meta.kunci),
                kode="kunci-utama-ganda",
            )
            break
        yield ctx.data_finding(
            "kunci-utama-ganda",
            tabel.row_number(index),
            None,
            kunci=", ".join(meta.kunci),
            nilai=", ".join(short(c[index]) for c in columns),
            pertama=tabel.row_number(first),
        )


@dataset_check
def formulas(ctx: DatasetContext) -> Iterator[Finding]:
    """Text cells a spreadsheet would run as a formula (`=HYPERLINK(…)`, `=cmd|…`, `@SUM(…)`).
    Typed columns are left to the type check, which already refuses such cells."""
    tabel = ctx.tabel
    if tabel is None or tabel.num_rows == 0:
        return
    declared = {k.nama: k.tipe for k in ctx.meta.kolom} if ctx.meta else {}
    text = [
        (name, tabel.table.column(position))
        for position, name in enumerate(tabel.header)
        if declared.get(name, Tipe.TEKS) is Tipe.TEKS
    ]
    if ctx.rules_out(formula_cells) or not any(may_hold_formula(v) for _, v in text):
        return
    for name, values in text:
        yield from ctx.bad_cells(
            pc.match_substring_regex(values, FORMULA),
            name,
            "sel-berisi-rumus",
            functools.partial(_formula_params, values),
        )


@text_pattern
def formula_cells(values: pa.Array, batch: Sequence[DatasetContext]) -> pa.Array:
    return pc.match_substring_regex(values, FORMULA)


def _formula_params(values: pa.ChunkedArray, index: int) -> dict:
    return {"nilai": short(values[index]), "awal": values[index].as_py().lstrip()[:1]}
