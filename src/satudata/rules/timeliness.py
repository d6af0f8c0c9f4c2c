"""Timeliness: when a dataset's next period is due, and whether it is late (kebaruan)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from satudata.model import Dataset, Frekuensi
from satudata.rules.periods import add_months, period_end

TEPAT_WAKTU = "tepat-waktu"
SEGERA = "segera-jatuh-tempo"
TERLAMBAT = "terlambat"
TIDAK_BERJADWAL = "tidak-berjadwal"
TIDAK_DIKETAHUI = "tidak-diketahui"

LABELS = {
    TEPAT_WAKTU: "tepat waktu",
    SEGERA: "segera jatuh tempo",
    TERLAMBAT: "terlambat",
    TIDAK_BERJADWAL: "tidak berjadwal",
    TIDAK_DIKETAHUI: "tidak diketahui",
}

# Length of one period, in months (or days for the sub-monthly frequencies).
_MONTHS = {
    Frekuensi.BULANAN: 1,
    Frekuensi.TRIWULANAN: 3,
    Frekuensi.EMPAT_BULANAN: 4,
    Frekuensi.SEMESTERAN: 6,
    Frekuensi.TAHUNAN: 12,
    Frekuensi.LEBIH_DARI_DUA_TAHUNAN: 24,
}
_DAYS = {Frekuensi.HARIAN: 1, Frekuensi.MINGGUAN: 7}


@dataclass(frozen=True)
class Kebaruan:
    status: str
    periode_terakhir: str | None = None
    tenggat: dt.date | None = None
    hari: int | None = None  # days late (terlambat) or days left (otherwise)

    @property
    def label(self) -> str:
        return LABELS[self.status]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["tenggat"] = self.tenggat.isoformat() if self.tenggat else None
        data["label"] = self.label
        return data


def on_time(status: str) -> bool | None:
    """The "on time" rule: True/False for a scheduled dataset's status, None when there is
    no schedule to keep (so it counts neither for nor against an OPD's kinerja)."""
    if status in (TIDAK_BERJADWAL, TIDAK_DIKETAHUI):
        return None
    return status != TERLAMBAT


def next_due(meta: Dataset, latest_end: dt.date) -> dt.date | None:
    """Due date of the period after the one ending `latest_end`."""
    if meta.frekuensi in _DAYS:
        next_end = latest_end + dt.timedelta(days=_DAYS[meta.frekuensi])
    elif meta.frekuensi in _MONTHS:
        next_end = add_months(latest_end, _MONTHS[meta.frekuensi])
    else:
        return None
    return add_months(next_end, meta.jadwal_rilis.jeda_bulan)


def assess(
    meta: Dataset,
    latest_period: str | None,
    today: dt.date,
    warn_days: int = 30,
    last_change: dt.date | None = None,
) -> Kebaruan:
    """Status of the next period. Without a period column, the date the data last changed
    (from git) stands in for the end of the latest period."""
    if meta.dihentikan is not None or meta.frekuensi is Frekuensi.TIDAK_TETAP:
        return Kebaruan(TIDAK_BERJADWAL, latest_period)
    latest_end = period_end(latest_period) if latest_period else last_change
    if latest_end is None:
        return Kebaruan(TIDAK_DIKETAHUI, latest_period)
    due = next_due(meta, latest_end)
    if due is None:
        return Kebaruan(TIDAK_BERJADWAL, latest_period)
    left = (due - today).days
    if left < 0:
        return Kebaruan(TERLAMBAT, latest_period, due, -left)
    status = SEGERA if left <= warn_days else TEPAT_WAKTU
    return Kebaruan(status, latest_period, due, left)
