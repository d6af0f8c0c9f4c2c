"""The result of one validation run: its findings and what the checks learned on the way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from satudata.findings.finding import Finding, count, has_errors
from satudata.rules.timeliness import Kebaruan


@dataclass(frozen=True)
class DatasetFacts:
    """What the checks learned about one dataset on the way, for kinerja, reminders and the site."""

    baris: int = 0  # data rows read
    kebaruan: Kebaruan | None = None  # timeliness (None: no metadata or no data file)
    periode_pertama: str | None = None  # the oldest period in the data, when it has a period

    @property
    def periode_terakhir(self) -> str | None:
        return self.kebaruan.periode_terakhir if self.kebaruan else None


@dataclass
class Report:
    findings: list[Finding]
    datasets: list[str]
    rows: int = 0
    seconds: float = 0.0
    facts: dict[str, DatasetFacts] = field(default_factory=dict)  # dataset id → facts
    today: dt.date | None = None

    @property
    def totals(self) -> dict[str, int]:
        return count(self.findings)

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)

    def by_dataset(self) -> dict[str, list[Finding]]:
        groups: dict[str, list[Finding]] = {}
        for finding in self.findings:
            groups.setdefault(finding.dataset or "", []).append(finding)
        return groups
