"""Periods as written in data (2024, 2024-03, 2024-Q2, 2024-S1, 2024-03-31) and their ends."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

_PATTERNS = [
    (re.compile(r"^(\d{4})$"), lambda y: (int(y), 12)),
    (re.compile(r"^(\d{4})-(\d{2})$"), lambda y, m: (int(y), int(m))),
    (re.compile(r"^(\d{4})-Q([1-4])$"), lambda y, q: (int(y), int(q) * 3)),
    (re.compile(r"^(\d{4})-S([12])$"), lambda y, s: (int(y), int(s) * 6)),
]


def period_end(value: str) -> dt.date | None:
    """Last day covered by a period value; None when the value is not a period."""
    value = value.strip()
    for pattern, to_year_month in _PATTERNS:
        match = pattern.match(value)
        if match:
            year, month = to_year_month(*match.groups())
            if not 1 <= month <= 12:
                return None
            return dt.date(year, month, calendar.monthrange(year, month)[1])
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


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
    values = [v for v in table.column(0).drop_null().unique().to_pylist() if period_end(v)]
    return max(values, key=lambda v: period_end(v)) if values else None


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, kept at month end when it was a month end."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month + 1, last if at_end else min(day.day, last))


def latest_of(values: list[str]) -> str | None:
    """The period value with the latest end among `values` (non-periods ignored)."""
    dated = [(period_end(v), v) for v in values]
    dated = [(end, v) for end, v in dated if end is not None]
    return max(dated)[1] if dated else None


def ordered_periods(values: list[str]) -> list[str]:
    """Distinct period values, oldest first (non-periods dropped)."""
    dated = {(period_end(v), v) for v in values}
    return [v for end, v in sorted(d for d in dated if d[0] is not None)]
