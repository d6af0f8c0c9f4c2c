"""Periods as written in data (2024, 2024-03, 2024-Q2, 2024-S1, 2024-03-31) and their ends."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path

# Each period spelling → (year, first month, last month) covered, from the pattern's groups.
_PATTERNS: list[tuple[re.Pattern[str], Callable[..., tuple[int, int, int]]]] = [
    (re.compile(r"^(\d{4})$"), lambda y: (y, 1, 12)),
    (re.compile(r"^(\d{4})-(\d{2})$"), lambda y, m: (y, m, m)),
    (re.compile(r"^(\d{4})-Q([1-4])$"), lambda y, q: (y, q * 3 - 2, q * 3)),
    (re.compile(r"^(\d{4})-S([12])$"), lambda y, s: (y, s * 6 - 5, s * 6)),
]


def _months(value: str) -> tuple[int, int, int] | None:
    """(year, first month, last month) of a year/month/quarter/semester period, else None."""
    for pattern, to_months in _PATTERNS:
        match = pattern.match(value)
        if match:
            year, first, last = to_months(*map(int, match.groups()))
            return (year, first, last) if 1 <= first <= last <= 12 else None
    return None


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)  # the same few periods recur in every dataset
def period_end(value: str) -> dt.date | None:
    """Last day covered by a period value; None when the value is not a period."""
    value = value.strip()
    if (months := _months(value)) is None:
        return None if _looks_like_month_period(value) else _day(value)
    year, _, last = months
    return dt.date(year, last, calendar.monthrange(year, last)[1])


def period_start(value: str) -> dt.date | None:
    """First day covered by a period value; None when the value is not a period."""
    value = value.strip()
    if (months := _months(value)) is None:
        return None if _looks_like_month_period(value) else _day(value)
    year, first, _ = months
    return dt.date(year, first, 1)


def _looks_like_month_period(value: str) -> bool:
    """A period spelling with an impossible month (2024-13): not a period, and not a day."""
    return any(pattern.match(value) for pattern, _ in _PATTERNS)


def latest_period(csv_path: Path, column: str) -> str | None:
    """The latest value of a period column, read with pyarrow (only that column is parsed)."""
    from pyarrow import csv as pacsv
    from pyarrow import lib

    try:
        table = pacsv.read_csv(
            csv_path,
            convert_options=pacsv.ConvertOptions(
                include_columns=[column], column_types={column: "string"}
            ),
        )
    except (lib.ArrowException, OSError):
        return None
    return latest_of(table.column(0).drop_null().unique().to_pylist())


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, kept at month end when it was a month end."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month + 1, last if at_end else min(day.day, last))


def latest_of(values: list[str]) -> str | None:
    """The period value with the latest end among `values` (non-periods ignored)."""
    ordered = ordered_periods(values)
    return ordered[-1] if ordered else None


def ordered_periods(values: list[str]) -> list[str]:
    """Distinct period values, oldest first (non-periods dropped)."""
    # Each distinct value once: a dataset repeats its few periods on every row.
    dated = {(end, v) for v in set(values) if (end := period_end(v)) is not None}
    return [v for _, v in sorted(dated)]
