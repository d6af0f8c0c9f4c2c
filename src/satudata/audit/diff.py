"""Review summary between two revisions: rows added, removed and changed by primary key,
metadata fields changed, datasets added and deleted (`satudata diff`, reused by `riwayat`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from satudata.audit.git import GitError, changed_files, run_git
from satudata.findings import Finding
from satudata.load import paths as layout
from satudata.load.table import read_tabel
from satudata.load.yaml_file import YamlError, load_yaml
from satudata.model import Dataset, Klasifikasi

EXAMPLES = 10


DiffError = GitError  # what `satudata diff` reports for a bad revision


@dataclass
class RowChange:
    key: str
    columns: list[tuple[str, str, str]]  # (column, old, new)
    relative: float = 0.0  # the largest relative change of a number in the row


@dataclass
class DatasetDiff:
    id: str
    status: str  # baru | dihapus | diubah
    added: int = 0
    removed: int = 0
    changed: int = 0
    added_examples: list[str] = field(default_factory=list)
    removed_examples: list[str] = field(default_factory=list)
    changed_examples: list[RowChange] = field(default_factory=list)  # biggest changes first
    added_rows: list[list[tuple[str, str]]] = field(default_factory=list)  # (column, value)
    removed_rows: list[list[tuple[str, str]]] = field(default_factory=list)
    totals: list[tuple[str, str, str]] = field(default_factory=list)  # (measure, before, after)
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # column → code → name
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (path, old, new)
    problems: list[Finding] = field(default_factory=list)  # what blocks the change


@dataclass
class Diff:
    base: str
    head: str | None
    datasets: list[DatasetDiff]

    @property
    def ok(self) -> bool:
        return not any(d.problems for d in self.datasets)


def read_at(root: Path, revision: str | None, path: str) -> bytes | None:
    """A file's bytes at `revision` (None: the working tree); None when it does not exist."""
    if revision is None:
        target = root / path
        return target.read_bytes() if target.exists() else None
    try:
        return run_git(root, "show", f"{revision}:{path}", binary=True)
    except GitError:
        return None


def changed_datasets(root: Path, base: str, head: str | None) -> dict[str, dict[str, str]]:
    """Dataset id → {"data": path, "metadata": path} of the files changed between revisions."""
    names = changed_files(root, base, head)
    found: dict[str, dict[str, str]] = {}
    for name in sorted(names):
        placed = layout.dataset_of(name)
        if placed is not None:
            kind, dataset_id = placed
            found.setdefault(dataset_id, {})[kind] = name
    return found


def _meta(raw: bytes | None) -> tuple[dict, Dataset | None]:
    if raw is None:
        return {}, None
    try:
        data = load_yaml(raw.decode("utf-8-sig")).data or {}
    except (YamlError, UnicodeDecodeError):
        return {}, None
    try:
        return data, Dataset.model_validate(data)
    except Exception:
        return data if isinstance(data, dict) else {}, None


def _flatten(value, prefix: str = "") -> dict[str, str]:
    if isinstance(value, dict):
        out: dict[str, str] = {}
        for key, item in value.items():
            out.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if (
        isinstance(value, list)
        and value
        and all(isinstance(v, dict) and "nama" in v for v in value)
    ):
        out = {}
        for item in value:  # columns are compared by name, not by position
            out.update(
                _flatten(
                    {k: v for k, v in item.items() if k != "nama"}, f"{prefix}[{item['nama']}]"
                )
            )
        return out
    return {prefix: readable(value)}


def readable(value) -> str:
    """A YAML value as a reviewer reads it: `ya`/`tidak`, lists joined, never a Python repr."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, list):
        return ", ".join(readable(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {readable(v)}" for k, v in value.items())
    return str(value)


def _field_changes(old: dict, new: dict) -> list[tuple[str, str, str]]:
    before, after = _flatten(old), _flatten(new)
    return [
        (key, before.get(key, "∅"), after.get(key, "∅"))
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    ]


def _rows(raw: bytes | None, key_columns: list[str]) -> tuple[list[str], dict[str, tuple]]:
    if not raw:
        return [], {}
    tabel = read_tabel(raw, dataset=None, file="").tabel
    if tabel is None:
        return [], {}
    header = tabel.header
    columns = [c.to_pylist() for c in tabel.table.columns]
    positions = [header.index(k) for k in key_columns if k in header] or list(range(len(header)))
    rows: dict[str, tuple] = {}
    for row in zip(*columns, strict=False):
        rows[", ".join(row[i] for i in positions)] = row
    return header, rows


def _row_diff(
    diff: DatasetDiff, old: bytes | None, new: bytes | None, keys: list[str], measures: list[str]
) -> None:
    old_header, before = _rows(old, keys)
    new_header, after = _rows(new, keys)
    added = [k for k in after if k not in before]
    removed = [k for k in before if k not in after]
    diff.added, diff.removed = len(added), len(removed)
    diff.added_examples, diff.removed_examples = added[:EXAMPLES], removed[:EXAMPLES]
    diff.added_rows = [list(zip(new_header, after[k], strict=False)) for k in added[:EXAMPLES]]
    diff.removed_rows = [list(zip(old_header, before[k], strict=False)) for k in removed[:EXAMPLES]]
    changes = []
    for key in (k for k in after if k in before and after[k] != before[k]):
        old_row = dict(zip(old_header, before[key], strict=False))
        columns = [
            (c, old_row.get(c, "∅"), v)
            for c, v in zip(new_header, after[key], strict=False)
            if old_row.get(c, "∅") != v
        ]
        changes.append(RowChange(key, columns, max(_relative(o, n) for _, o, n in columns)))
    diff.changed = len(changes)
    diff.changed_examples = sorted(changes, key=lambda c: -c.relative)[:EXAMPLES]
    diff.totals = [
        (m, _total(old_header, before, m), _total(new_header, after, m))
        for m in measures
        if m in old_header or m in new_header
    ]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _relative(old: str, new: str) -> float:
    a, b = _number(old), _number(new)
    if a is None or b is None:
        return 0.0
    return abs(b - a) / abs(a) if a else (float("inf") if b else 0.0)


def _total(header: list[str], rows: dict[str, tuple], column: str) -> str:
    if column not in header:
        return "∅"
    index = header.index(column)
    values = [_number(row[index]) for row in rows.values()]
    total = sum(v for v in values if v is not None)
    from satudata.util.numbers import number

    return number(total)


def diff_revisions(root: Path, base: str, head: str | None = None) -> Diff:
    root = root.resolve()
    return Diff(
        base,
        head,
        [
            diff_dataset(root, base, head, dataset_id, paths)
            for dataset_id, paths in changed_datasets(root, base, head).items()
        ],
    )


def diff_dataset(
    root: Path,
    base: str | None,
    head: str | None,
    dataset_id: str,
    paths: dict[str, str] | None = None,
) -> DatasetDiff:
    """One dataset between two revisions (`base` None: the dataset did not exist before)."""
    data_path = layout.data_file(dataset_id)
    meta_path = (paths or {}).get("metadata", layout.metadata_file(dataset_id))
    old_raw = read_at(root, base, meta_path) if base else None
    new_raw = read_at(root, head, meta_path)
    (old_dict, old_meta), (new_dict, new_meta) = _meta(old_raw), _meta(new_raw)
    old_data = read_at(root, base, data_path) if base else None
    new_data = read_at(root, head, data_path)
    existed = old_raw is not None or old_data is not None
    exists = new_raw is not None or new_data is not None
    status = "baru" if not existed else ("dihapus" if not exists else "diubah")
    diff = DatasetDiff(dataset_id, status, fields=_field_changes(old_dict, new_dict))
    meta = new_meta or old_meta
    measures = [k.nama for k in meta.ukuran_kolom] if meta else []
    _row_diff(diff, old_data, new_data, meta.kunci if meta else [], measures)
    diff.names = _names(root, meta)
    if status == "dihapus" or (new_data is None and old_data is not None):
        diff.problems += _deletion_problems(old_meta)
    return diff


def _deletion_problems(old: Dataset | None) -> list[Finding]:
    """Published data may be retired (metadata `dihentikan` first), never silently lost."""
    if old is None or old.klasifikasi is not Klasifikasi.TERBUKA or old.dihentikan is not None:
        return []
    return [Finding("dataset-terbit-dihapus", dataset=old.id)]


def _names(root: Path, meta: Dataset | None) -> dict[str, dict[str, str]]:
    """Code → name for each referenced column, from the reference tables as they are now."""
    if meta is None:
        return {}
    import csv
    import io

    names: dict[str, dict[str, str]] = {}
    for kolom in meta.kolom:
        ref = kolom.referensi
        path = root / "metadata" / "referensi" / f"{ref.tabel}.csv" if ref else None
        if ref is None or path is None or not path.is_file():
            continue
        rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
        names[kolom.nama] = {r.get(ref.kolom, ""): r.get("nama", "") for r in rows if r.get("nama")}
    return names
