"""Wide → long with pandas.melt: years (or months) as columns become a period column, and a
second header level (e.g. jenjang over tahun) becomes a second dimension column."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from satudata.onboarding.layout import slug
from satudata.onboarding.refusal import Refusal
from satudata.util.language import localized

_YEAR = re.compile(r"^(19|20)\d{2}$")
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
_PERIOD_WORDS = {"tahun", "bulan", "periode", "year"}


@dataclass
class OutCell:
    text: str
    source: tuple[int, int] | None = None  # sheet (row, column) the value came from
    conversion: str = ""


@dataclass
class Wide:
    """Which value columns carry a period (and category) in their header labels."""

    value_columns: list[int]  # positions among the table's columns
    period_name: str  # tahun | bulan
    labels: dict[int, dict[str, str]]  # position → {dimension: label}
    value_name: str


def _period(label: str, year: int | None) -> str | None:
    if _YEAR.match(label):
        return label
    word = label.lower().strip(" .")
    if word in _MONTHS:
        if year is None:
            raise Refusal(
                localized(
                    f"kolom bulan '{label}' tanpa tahun; sebutkan tahunnya dengan --tahun TTTT",
                    f"month column '{label}' without a year; give the year with --tahun YYYY",
                )
            )
        return f"{year}-{_MONTHS[word]:02d}"
    return None


def find_wide(
    parts: list[tuple[str, ...]],
    numeric: set[int],
    year: int | None,
    value_name: str | None,
    dimension_name: str,
) -> Wide | None:
    found: dict[int, tuple[str, tuple[str, ...]]] = {}
    for i, column_labels in enumerate(parts):
        if i not in numeric:
            continue
        for j, label in enumerate(column_labels):
            period = _period(label, year)
            if period is not None:
                found[i] = (period, column_labels[:j] + column_labels[j + 1 :])
                break
    if len(found) < 2:
        return None
    period_name = "tahun" if all(_YEAR.match(p) for p, _ in found.values()) else "bulan"
    rest = [others for _, others in found.values()]
    depth = max(len(o) for o in rest)
    levels: list[int] = []  # header levels besides the period that vary: each becomes a dimension
    constant: list[int] = []
    for level in range(depth):
        values = {o[level] if level < len(o) else "" for o in rest}
        (levels if len(values) > 1 else constant).append(level)
    band = next(
        (
            rest[0][lv]
            for lv in constant
            if lv < len(rest[0]) and rest[0][lv].lower() not in _PERIOD_WORDS
        ),
        None,
    )
    name = value_name or (slug(band) if band else "jumlah")
    labels: dict[int, dict[str, str]] = {}
    for i, (period, others) in found.items():
        entry = {period_name: period}
        for n, level in enumerate(levels):
            dim = dimension_name if n == 0 else f"{dimension_name}_{n + 1}"
            entry[dim] = others[level] if level < len(others) else ""
        labels[i] = entry
    return Wide(sorted(found), period_name, labels, name)


def melt(
    names: list[str], rows: list[list[OutCell]], wide: Wide, header_cells: dict
) -> tuple[list[str], list[list[OutCell]]]:
    """Long table: the id columns, one column per header dimension, and the value column.
    `header_cells[(position, label)]` is the OutCell a header label became (for the ledger)."""
    value_names = [names[i] for i in wide.value_columns]
    id_names = [n for i, n in enumerate(names) if i not in wide.value_columns]
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    long = frame.melt(
        id_vars=id_names, value_vars=value_names, var_name="__kolom", value_name="__nilai"
    )
    long = long[long["__nilai"].map(lambda cell: cell.text != "")]
    dims = list(next(iter(wide.labels.values())))
    by_name = {names[i]: i for i in wide.value_columns}
    for dim in dims:
        long[dim] = long["__kolom"].map(
            lambda n, d=dim: header_cells[(by_name[n], wide.labels[by_name[n]][d])]
        )
    if wide.value_name in id_names or any(d in id_names for d in dims):
        clash = (
            wide.value_name
            if wide.value_name in id_names
            else next(d for d in dims if d in id_names)
        )
        raise Refusal(
            localized(
                f"kolom hasil format panjang '{clash}' sudah ada di tabel; beri nama lain dengan "
                "--nama-nilai atau --nama-dimensi",
                f"the long-format column '{clash}' already exists in the table; give another "
                "name with --nama-nilai or --nama-dimensi",
            )
        )
    long = long.rename(columns={"__nilai": wide.value_name})
    header = [*dims, *id_names, wide.value_name]
    return header, [list(r) for r in long[header].itertuples(index=False, name=None)]
