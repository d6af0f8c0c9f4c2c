from __future__ import annotations

import datetime as dt

import pytest

from satudata.rules.periods import (
    add_months,
    latest_of,
    latest_period,
    ordered_periods,
    period_end,
    period_start,
)


@pytest.mark.parametrize(
    "value,start,end",
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2024-Q3", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
        ("2024-S2", dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
        (" 2024-S1 ", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
        ("2024-05-17", dt.date(2024, 5, 17), dt.date(2024, 5, 17)),
        ("bukan", None, None),
        ("2024-13", None, None),
        ("2024-00", None, None),
    ],
)
def test_period_start_and_end(value, start, end):
    assert period_start(value) == start
    assert period_end(value) == end


def test_add_months_keeps_month_ends():
    assert add_months(dt.date(2024, 2, 29), 1) == dt.date(2024, 3, 31)
    assert add_months(dt.date(2024, 12, 31), 3) == dt.date(2025, 3, 31)
    assert add_months(dt.date(2024, 1, 15), -2) == dt.date(2023, 11, 15)


def test_ordered_periods_sorts_by_end_and_drops_non_periods():
    values = ["2024-Q1", "2023", "total", "2024-Q1", "2023-12"]
    assert ordered_periods(values) == ["2023", "2023-12", "2024-Q1"]
    assert latest_of(values) == "2024-Q1"
    assert latest_of(["total"]) is None


def test_latest_period_reads_only_the_period_column(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("tahun,jumlah\n2023,1\n2025,2\n2024,x\n", encoding="utf-8")
    assert latest_period(path, "tahun") == "2025"
    assert latest_period(path, "tidak-ada") is None
    assert latest_period(tmp_path / "hilang.csv", "tahun") is None
