"""The publishing rule, in one place: only valid, open (`terbuka`) datasets are published.

The site build asks this module, never re-implements it.
"""

from __future__ import annotations

from collections.abc import Iterable

from satudata.findings import Finding, Severity
from satudata.model import Dataset, Klasifikasi


def publication_blockers(meta: Dataset | None, findings: Iterable[Finding]) -> list[str]:
    """Why a dataset may not be published (Bahasa Indonesia); empty when it may."""
    if meta is None:
        return ["metadata tidak sah"]
    blockers = []
    if meta.klasifikasi is not Klasifikasi.TERBUKA:
        blockers.append(f"klasifikasi {meta.klasifikasi.value}")
    errors = sum(1 for f in findings if f.dataset == meta.id and f.severity is Severity.ERROR)
    if errors:
        blockers.append(f"masih ada {errors} galat validasi")
    return blockers
