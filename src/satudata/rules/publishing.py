"""The publishing rule, in one place: only valid, open (`terbuka`) datasets are published.

The site build asks this module, never re-implements it.
"""

from __future__ import annotations

from collections.abc import Iterable

from satudata.findings import Finding, Severity
from satudata.model import Dataset, Klasifikasi

# The finding codes that say why a dataset is not published (family `penerbitan`).
CODES = (
    "terbitan-metadata-tidak-sah",
    "terbitan-tidak-terbuka",
    "terbitan-masih-bergalat",
    "terbitan-tanpa-data",
)


def publication_blockers(
    meta: Dataset | None, findings: Iterable[Finding], has_data: bool = True
) -> list[Finding]:
    """Why a dataset may not be published, as findings; empty when it may."""
    if meta is None:
        return [Finding("terbitan-metadata-tidak-sah")]
    blockers = []
    if meta.klasifikasi is not Klasifikasi.TERBUKA:
        blockers.append(
            Finding(
                "terbitan-tidak-terbuka",
                dataset=meta.id,
                params={"klasifikasi": meta.klasifikasi.value},
            )
        )
    errors = sum(1 for f in findings if f.dataset == meta.id and f.severity is Severity.ERROR)
    if errors:
        blockers.append(
            Finding("terbitan-masih-bergalat", dataset=meta.id, params={"jumlah": errors})
        )
    if not has_data:
        blockers.append(Finding("terbitan-tanpa-data", dataset=meta.id))
    return blockers
