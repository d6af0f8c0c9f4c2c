"""The result of one validation run: its findings and what the checks learned on the way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from satudata.findings.finding import Finding, count, has_errors


@dataclass
class Report:
    findings: list[Finding]
    datasets: list[str]
    rows: int = 0
    seconds: float = 0.0
    facts: dict[str, dict] = field(default_factory=dict)  # dataset id → what checks learned
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
