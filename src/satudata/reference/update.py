"""Keep a repository's `metadata/referensi/wilayah.csv` in step with the national table.

A Kemendagri update becomes one reviewed pull request: new, renamed and removed codes are
listed, and so are the datasets that still use a removed code.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from satudata.load import paths
from satudata.load.repository import Repository
from satudata.reference import COLUMNS, Region, region_tree

WILAYAH = "wilayah"


@dataclass
class RegionChanges:
    added: list[Region] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # kode, old, new name
    removed: list[tuple[str, str]] = field(default_factory=list)  # kode, name
    users: dict[str, list[str]] = field(default_factory=dict)  # dataset id → removed codes used

    @property
    def any(self) -> bool:
        return bool(self.added or self.renamed or self.removed)


def wilayah_path(root: Path) -> Path:
    return root / paths.reference_file(WILAYAH)


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or COLUMNS), list(reader)


def compare(repo: Repository, kode_wilayah: str) -> tuple[RegionChanges, str]:
    """What changes, and the new file's exact text (the repository's extra columns, such as
    coordinates, are kept for the codes that stay)."""
    header, rows = read_rows(wilayah_path(repo.root))
    current = {r["kode"]: r for r in rows}
    national = region_tree(kode_wilayah)
    changes = RegionChanges()
    for region in national:
        old = current.get(region.kode)
        if old is None:
            changes.added.append(region)
        elif old.get("nama") != region.nama:
            changes.renamed.append((region.kode, old.get("nama", ""), region.nama))
    wanted = {r.kode for r in national}
    changes.removed = [(k, r.get("nama", "")) for k, r in current.items() if k not in wanted]
    changes.users = _datasets_using(repo, {k for k, _ in changes.removed})
    return changes, _render(header, national, current)


def _render(header: list[str], national: list[Region], current: dict[str, dict]) -> str:
    extra = [c for c in header if c not in COLUMNS]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*COLUMNS, *extra])
    for region in national:
        kept = current.get(region.kode, {})
        writer.writerow([*region.row(), *(kept.get(c, "") for c in extra)])
    return buffer.getvalue()


def _datasets_using(repo: Repository, removed: set[str]) -> dict[str, list[str]]:
    if not removed:
        return {}
    users: dict[str, list[str]] = {}
    for entry in repo.datasets.values():
        if entry.meta is None or entry.data_path is None:
            continue
        columns = [k.nama for k in entry.meta.kolom if k.referensi and k.referensi.tabel == WILAYAH]
        if not columns:
            continue
        with entry.data_path.open(encoding="utf-8", newline="") as handle:
            used = {row.get(c, "") for row in csv.DictReader(handle) for c in columns}
        if used & removed:
            users[entry.id] = sorted(used & removed)
    return users
