"""Run every registered check and return one list of findings (the Report)."""

from __future__ import annotations

import datetime as dt
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from satudata.audit.changes import last_changes
from satudata.checks import (
    DATASET_CHECKS,
    DEFAULT_CELL_LIMIT,
    REPOSITORY_CHECKS,
    DatasetContext,
    load_checks,
)
from satudata.checks.scan import scan_tables
from satudata.findings import DatasetFacts, Finding, Report
from satudata.load.repository import Repository
from satudata.util.parallel import fork_map

load_checks()

_PARALLEL_MINIMUM = 64  # datasets
_BATCH_BYTES = 64 << 20  # CSV bytes read into one batch at most (a large file: alone)
S = TypeVar("S")  # what a check looks at: the Repository or a DatasetContext


def validate(
    repo: Repository,
    only: Iterable[str] | None = None,
    jobs: int = 1,
    cell_limit: int | None = DEFAULT_CELL_LIMIT,
    progress: Callable[[int], None] | None = None,
    today: dt.date | None = None,
    repository_checks: bool = True,
) -> Report:
    """Validate `only` these datasets (default all) plus the repository-level checks.
    `today` fixes the date timeliness is judged against, for reproducible reports."""
    started = time.perf_counter()
    today = today or dt.date.today()
    selected = list(repo.datasets) if only is None else [d for d in repo.datasets if d in set(only)]
    findings = (
        _repository_findings(repo, None if only is None else set(selected))
        if repository_checks
        else []
    )
    changed = last_changes(repo)  # one git pass here, before workers fork
    facts: dict[str, DatasetFacts] = {}
    for dataset_id, dataset_findings, dataset_facts in _run_datasets(
        repo, selected, jobs, cell_limit, today, changed
    ):
        findings.extend(dataset_findings)
        facts[dataset_id] = dataset_facts
        if progress is not None:
            progress(1)
    findings.sort(key=Finding.sort_key)
    rows = sum(f.baris for f in facts.values())
    return Report(findings, selected, rows, time.perf_counter() - started, facts, today)


def _repository_findings(repo: Repository, selected: set[str] | None) -> list[Finding]:
    findings = []
    for name, check in REPOSITORY_CHECKS:
        for finding in _guarded(name, check, repo):
            if selected is None or finding.dataset is None or finding.dataset in selected:
                findings.append(finding)
    return findings


def check_dataset(
    repo: Repository,
    dataset_id: str,
    cell_limit: int | None = DEFAULT_CELL_LIMIT,
    today: dt.date | None = None,
    changed: dict[str, dt.date] | None = None,
) -> tuple[str, list[Finding], DatasetFacts]:
    """Every dataset check on one dataset; `changed` is `audit.changes.last_changes(repo)`."""
    return check_datasets(repo, [dataset_id], cell_limit, today, changed)[0]


def check_datasets(
    repo: Repository,
    dataset_ids: Sequence[str],
    cell_limit: int | None = DEFAULT_CELL_LIMIT,
    today: dt.date | None = None,
    changed: dict[str, dt.date] | None = None,
) -> list[tuple[str, list[Finding], DatasetFacts]]:
    """Every dataset check on a batch of datasets, their cells scanned together first."""
    contexts = [
        DatasetContext(
            repo,
            repo.datasets[dataset_id],
            cell_limit,
            today or dt.date.today(),
            last_changes=changed if changed is not None else {},
        )
        for dataset_id in dataset_ids
    ]
    scan_tables(contexts)
    return [_run_checks(ctx) for ctx in contexts]


def _run_checks(ctx: DatasetContext) -> tuple[str, list[Finding], DatasetFacts]:
    dataset_id = ctx.entry.id
    findings: list[Finding] = []
    for name, check in DATASET_CHECKS:
        findings.extend(_guarded(name, check, ctx, dataset_id, ctx.data_file or ctx.metadata_file))
    tabel = ctx.tabel if ctx._read is not None else None
    ctx.facts = replace(ctx.facts, baris=tabel.num_rows if tabel is not None else 0)
    return dataset_id, findings, ctx.facts


def _guarded(
    name: str,
    check: Callable[[S], Iterable[Finding]],
    subject: S,
    dataset: str | None = None,
    file: str | None = None,
) -> list[Finding]:
    """A bug in one check becomes one finding; it never stops the other checks."""
    try:
        return list(check(subject))
    except Exception as exc:
        if os.environ.get("SATUDATA_DEBUG"):
            traceback.print_exc()
        return [
            Finding(
                "kesalahan-internal",
                dataset=dataset,
                file=file,
                params={"pemeriksaan": name, "detail": f"{type(exc).__name__}: {exc}"},
            )
        ]


def _run_datasets(
    repo: Repository,
    selected: list[str],
    jobs: int,
    cell_limit: int | None,
    today: dt.date,
    changed: dict[str, dt.date],
) -> Iterator[tuple[str, list[Finding], DatasetFacts]]:
    """In batches, so that each batch's cells are scanned together (checks.scan); a batch's
    tables are held in memory at once, hence a cap on its rows as well as its datasets."""
    if len(selected) < _PARALLEL_MINIMUM:
        jobs = 1  # starting workers would cost more than they save
    batches = _batches(repo, selected, max(1, -(-len(selected) // (jobs * 4))))
    for batch in fork_map(
        lambda ids: check_datasets(repo, ids, cell_limit, today, changed),
        batches,
        jobs,
        minimum=2,
        chunks_per_job=len(batches),
    ):
        yield from batch


def _batches(repo: Repository, selected: list[str], size: int) -> list[list[str]]:
    batches: list[list[str]] = []
    current: list[str] = []
    weight = 0
    for dataset_id in selected:
        path = repo.datasets[dataset_id].data_path
        cost = _file_size(path) if path is not None else 0
        if current and (len(current) >= size or weight + cost > _BATCH_BYTES):
            batches.append(current)
            current, weight = [], 0
        current.append(dataset_id)
        weight += cost
    if current:
        batches.append(current)
    return batches


def _file_size(path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
