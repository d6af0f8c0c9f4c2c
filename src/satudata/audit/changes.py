"""Which datasets a set of paths, or a git range, touches."""

from __future__ import annotations

import datetime as dt
import zlib
from pathlib import Path

from satudata.audit.git import read_git
from satudata.load import paths as layout
from satudata.load.repository import Repository
from satudata.util.language import localized


def last_changes(repo: Repository) -> dict[str, dt.date]:
    """Dataset id → date its data or metadata last changed in git (one `git log` pass, and
    only when some dataset has no period column to judge timeliness by)."""
    if not any(e.meta and e.meta.periode is None for e in repo.datasets.values()):
        return {}
    git = read_git(repo.root)
    result = {}
    for dataset_id, entry in repo.datasets.items():
        files = [repo.rel(p) for p in (entry.data_path, entry.metadata_path) if p]
        commit = git.last_change(*files)
        if commit is not None:
            result[dataset_id] = commit.date.date()
    return result


def datasets_for_paths(repo: Repository, paths: list[str]) -> set[str]:
    """Datasets whose data or metadata file is one of `paths` or lies below one of them;
    a changed reference table selects every dataset that refers to it."""
    targets = [_relative(repo, p) for p in paths]
    # One set lookup and one C-level prefix test per file, not a loop over every target:
    # a pull request's check runs this over every dataset of the repository.
    exact = set(targets)
    folders = tuple(t.rstrip("/") + "/" for t in targets)
    everything = any(t in ("", ".") for t in targets)
    selected: set[str] = set()
    for dataset_id, entry in repo.datasets.items():
        files = [repo.rel(p) for p in (entry.data_path, entry.metadata_path) if p is not None]
        files += [layout.data_file(dataset_id), layout.metadata_file(dataset_id)]
        if everything or any(f in exact or f.startswith(folders) for f in files):
            selected.add(dataset_id)
    tables = {Path(t).stem for t in targets if t.startswith(f"{layout.REFERENCE_DIR}/")}
    for dataset_id, entry in repo.datasets.items() if tables else ():
        if entry.meta and any(
            k.referensi and k.referensi.tabel in tables for k in entry.meta.kolom
        ):
            selected.add(dataset_id)
    return selected


def _relative(repo: Repository, path: str) -> str:
    """Absolute paths are made repository-relative; relative ones already are (git's)."""
    candidate = Path(path)
    if candidate.is_absolute():
        return repo.rel(candidate.resolve())
    return candidate.as_posix().strip("/")


def shard_of(dataset_ids, index: int, count: int) -> set[str]:
    """The datasets of shard `index` (1-based) of `count`: a stable hash, so a dataset stays in
    its shard when others are added or removed."""
    return {d for d in dataset_ids if zlib.crc32(d.encode()) % count == index - 1}


def parse_shard(text: str) -> tuple[int, int]:
    try:
        index, count = (int(part) for part in text.split("/"))
    except ValueError:
        raise ValueError(
            localized(
                f"'{text}' bukan bentuk i/N, mis. 1/4", f"'{text}' is not of the form i/N, e.g. 1/4"
            )
        ) from None
    if not 1 <= index <= count:
        raise ValueError(
            localized(f"'{text}': i harus antara 1 dan N", f"'{text}': i must be between 1 and N")
        )
    return index, count
