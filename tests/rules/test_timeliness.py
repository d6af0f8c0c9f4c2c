from __future__ import annotations

import datetime as dt

import pytest
import yaml

from conftest import DATASET
from satudata.model import Dataset
from satudata.rules.timeliness import (
    SEGERA,
    TEPAT_WAKTU,
    TERLAMBAT,
    TIDAK_BERJADWAL,
    TIDAK_DIKETAHUI,
    assess,
    on_time,
)

META = Dataset.model_validate(yaml.safe_load(DATASET))
TODAY = dt.date(2026, 11, 23)


def _meta(**changes):
    return META.model_copy(update=changes)


def test_annual_dataset_statuses():
    assert assess(META, "2025", TODAY).status == TEPAT_WAKTU  # 2026 due 2027-03-31
    late = assess(META, "2023", TODAY)
    assert (late.status, late.tenggat, late.hari) == (TERLAMBAT, dt.date(2025, 3, 31), 602)
    soon = assess(META, "2025", dt.date(2027, 3, 10))
    assert (soon.status, soon.hari) == (SEGERA, 21)


def test_monthly_with_one_month_delay():
    from satudata.model import Frekuensi, JadwalRilis

    meta = _meta(frekuensi=Frekuensi.BULANAN, jadwal_rilis=JadwalRilis(jeda_bulan=1))
    result = assess(meta, "2026-09", TODAY)
    assert (result.status, result.tenggat) == (SEGERA, dt.date(2026, 11, 30))


def test_irregular_and_discontinued_datasets_have_no_schedule():
    from satudata.model import Frekuensi

    assert assess(_meta(frekuensi=Frekuensi.TIDAK_TETAP), "2020", TODAY).status == TIDAK_BERJADWAL
    assert assess(_meta(dihentikan=dt.date(2024, 1, 1)), "2020", TODAY).status == TIDAK_BERJADWAL


def test_without_a_period_column_the_last_change_date_is_used():
    result = assess(META, None, TODAY, last_change=dt.date(2024, 6, 1))
    assert (result.status, result.tenggat) == (TERLAMBAT, dt.date(2025, 9, 1))
    assert assess(META, None, TODAY).status == "tidak-diketahui"


@pytest.mark.parametrize(
    "status,kept",
    [
        (TEPAT_WAKTU, True),
        (SEGERA, True),
        (TERLAMBAT, False),
        (TIDAK_BERJADWAL, None),
        (TIDAK_DIKETAHUI, None),
    ],
)
def test_on_time_counts_only_scheduled_datasets(status, kept):
    assert on_time(status) is kept
