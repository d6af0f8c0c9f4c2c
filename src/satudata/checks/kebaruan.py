"""kebaruan: is the next period late against `frekuensi` and `jadwal_rilis`?"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from satudata.checks import DatasetContext, dataset_check
from satudata.findings import Finding
from satudata.rules.timeliness import SEGERA, TERLAMBAT, assess

# The finding codes this family's checks emit (besides CONTEXT_CODES, open to every check).
CODES = (
    "data-terlambat",
    "segera-jatuh-tempo",
)


@dataset_check
def timeliness(ctx: DatasetContext) -> Iterator[Finding]:
    meta = ctx.meta
    if meta is None or ctx.entry.data_path is None:
        return
    latest = ctx.periods[-1] if ctx.periods else None
    changed = ctx.last_changes.get(ctx.entry.id) if latest is None else None
    result = assess(meta, latest, ctx.today, ctx.settings.hari_peringatan_jatuh_tempo, changed)
    first = ctx.periods[0] if ctx.periods else None
    ctx.facts = replace(ctx.facts, kebaruan=result, periode_pertama=first)
    params = {
        "periode": latest or f"(diubah {changed})",
        "period": latest or f"(changed {changed})",
        "tenggat": result.tenggat.isoformat() if result.tenggat else "",
        "hari": result.hari,
    }
    if result.status == TERLAMBAT:
        yield ctx.meta_finding("data-terlambat", ("frekuensi",), "frekuensi", **params)
    elif result.status == SEGERA:
        yield ctx.meta_finding("segera-jatuh-tempo", ("frekuensi",), "frekuensi", **params)
