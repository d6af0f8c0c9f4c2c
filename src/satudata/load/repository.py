"""Discover and load a Satu Data repository: metadata eagerly, data lazily, never crashing.

A broken file becomes a finding in `Repository.problems`, never an exception.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import pyarrow as pa
from pydantic import BaseModel, ValidationError

from satudata.findings import Finding
from satudata.load.yaml_file import LoadedYaml, YamlError, load_yaml
from satudata.model import DaftarData, Dataset, Organisasi, Portal, Referensi, TemaDcat
from satudata.model.base import SLUG_PATTERN
from satudata.model.errors import validation_findings
from satudata.util.parallel import fork_map

_SLUG = re.compile(SLUG_PATTERN)
M = TypeVar("M", bound=BaseModel)

GOVERNANCE_FILES = ("portal.yaml", "organisasi.yaml", "daftar-data.yaml", "tema-dcat.yaml")
RESERVED_METADATA_DIRS = ("schema", "referensi")


@dataclass
class DatasetFiles:
    """One dataset as found on disk: its id comes from the path, its metadata from YAML."""

    id: str
    metadata_path: Path | None = None
    data_path: Path | None = None
    meta: Dataset | None = None
    source: LoadedYaml | None = None

    @property
    def opd(self) -> str:
        return self.id.split("/", 1)[0]


@dataclass
class ReferenceTable:
    name: str
    columns: list[str]
    rows: list[dict[str, str]]
    _arrays: dict = field(default_factory=dict, repr=False)

    @cached_property
    def by_column(self) -> dict[str, dict[str, dict[str, str]]]:
        return {c: {row[c]: row for row in self.rows} for c in self.columns}

    def codes(
        self, column: str, level_column: str | None = None, level: str | None = None
    ) -> pa.Array:
        """Codes of `column` (optionally only rows at `level`), as a cached Arrow array."""
        key = (column, level_column, level)
        if key not in self._arrays:
            rows = self.by_column[column]
            self._arrays[key] = pa.array(
                [
                    code
                    for code, row in rows.items()
                    if level_column is None or row.get(level_column) == level
                ],
                pa.string(),
            )
        return self._arrays[key]


@dataclass
class Repository:
    root: Path
    portal: Portal | None = None
    organisasi: Organisasi | None = None
    daftar_data: DaftarData | None = None
    referensi: Referensi | None = None
    tema_dcat: TemaDcat | None = None
    """Optional: the feeds fall back to the mapping shipped with satudata."""
    datasets: dict[str, DatasetFiles] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)
    sources: dict[str, LoadedYaml] = field(default_factory=dict)
    stray_files: list[tuple[str, str]] = field(default_factory=list)
    _references: dict[str, ReferenceTable | None] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path | str, jobs: int = 1) -> Repository:
        repo = cls(Path(root).resolve())
        repo._load_governance()
        repo._discover()
        entries = [e for e in repo.datasets.values() if e.metadata_path is not None]
        for entry, (meta, source, problems) in zip(
            entries, fork_map(repo.load_dataset_metadata, entries, jobs, minimum=200), strict=False
        ):
            entry.meta, entry.source = meta, source
            repo.problems.extend(problems)
            if source is not None:
                repo.sources[repo.rel(entry.metadata_path)] = source
        return repo

    def load_dataset_metadata(self, entry: DatasetFiles):
        """(model or None, source, problems) of one dataset YAML; touches no shared state,
        so it can run in a worker process."""
        meta, source, problems = _read_model(
            entry.metadata_path, self.rel(entry.metadata_path), Dataset, entry.id
        )
        if source is not None:
            source.data = None  # the model holds the content; the text is kept for lines
        return meta, source, problems

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    # --- governance -----------------------------------------------------------------------
    def _load_governance(self) -> None:
        meta = self.root / "metadata"
        self.portal, _ = self._load_required(meta / "portal.yaml", Portal)
        self.organisasi, _ = self._load_required(meta / "organisasi.yaml", Organisasi)
        self.daftar_data, _ = self._load_required(meta / "daftar-data.yaml", DaftarData)
        ref_index = meta / "referensi" / "referensi.yaml"
        if ref_index.exists():
            self.referensi, _ = self._load_model(ref_index, Referensi)
        if (meta / "tema-dcat.yaml").exists():
            self.tema_dcat, _ = self._load_model(meta / "tema-dcat.yaml", TemaDcat)

    def _load_required(self, path: Path, model: type[M]) -> tuple[M | None, LoadedYaml | None]:
        if not path.exists():
            self.problems.append(
                Finding(
                    "berkas-tata-kelola-hilang",
                    file=self.rel(path),
                    params={"berkas": self.rel(path)},
                )
            )
            return None, None
        return self._load_model(path, model)

    def _load_model(self, path: Path, model: type[M]) -> tuple[M | None, LoadedYaml | None]:
        result, source, problems = _read_model(path, self.rel(path), model)
        self.problems.extend(problems)
        if source is not None:
            self.sources[self.rel(path)] = source
        return result, source

    # --- discovery ------------------------------------------------------------------------
    def _discover(self) -> None:
        found: dict[str, DatasetFiles] = {}
        for path in self._files("metadata"):
            dataset_id = self._dataset_id(path, "metadata", (".yaml", ".yml"))
            if dataset_id is None:
                continue
            entry = found.setdefault(dataset_id, DatasetFiles(dataset_id))
            if entry.metadata_path is not None:
                self.stray_files.append(
                    (
                        self.rel(path),
                        f"metadata {dataset_id} sudah ada di {self.rel(entry.metadata_path)}",
                    )
                )
                continue
            entry.metadata_path = path
        for path in self._files("data"):
            dataset_id = self._dataset_id(path, "data", (".csv",))
            if dataset_id is not None:
                found.setdefault(dataset_id, DatasetFiles(dataset_id)).data_path = path
        self.datasets = dict(sorted(found.items()))

    def _files(self, top: str) -> list[Path]:
        base = self.root / top
        if not base.is_dir():
            return []
        return sorted(p for p in base.rglob("*") if p.is_file() and not p.name.startswith("."))

    def _dataset_id(self, path: Path, top: str, suffixes: tuple[str, ...]) -> str | None:
        parts = path.relative_to(self.root / top).parts
        if top == "metadata" and (
            (len(parts) == 1 and parts[0] in GOVERNANCE_FILES) or parts[0] in RESERVED_METADATA_DIRS
        ):
            return None
        reason = _layout_problem(parts, path.suffix.lower(), suffixes)
        if reason:
            self.stray_files.append((self.rel(path), reason))
            return None
        return f"{parts[0]}/{path.stem}"

    # --- reference tables -----------------------------------------------------------------
    def reference_table(self, name: str) -> ReferenceTable | None:
        if name not in self._references:
            self._references[name] = _read_reference(
                self.root / "metadata" / "referensi" / f"{name}.csv"
            )
        return self._references[name]

    def fulfilment(self) -> dict[str, list[str]]:
        """Daftar Data code → ids of the datasets that declare they fulfil it."""
        result: dict[str, list[str]] = {}
        for entry in self.datasets.values():
            if entry.meta is not None and entry.meta.daftar_data:
                result.setdefault(entry.meta.daftar_data, []).append(entry.id)
        return result

    @cached_property
    def last_changes(self) -> dict[str, dt.date]:
        """Dataset id → date its data or metadata last changed in git (one `git log` pass,
        only when some dataset has no period column to judge timeliness by)."""
        if not any(e.meta and e.meta.periode is None for e in self.datasets.values()):
            return {}
        from satudata.audit.git import read_git

        git = read_git(self.root)
        result = {}
        for dataset_id, entry in self.datasets.items():
            paths = [self.rel(p) for p in (entry.data_path, entry.metadata_path) if p]
            commit = git.last_change(*paths)
            if commit is not None:
                result[dataset_id] = commit.date.date()
        return result

    @cached_property
    def daftar_index(self) -> dict:
        return {e.kode: e for e in self.daftar_data.entri} if self.daftar_data else {}

    @cached_property
    def reference_names(self) -> list[str]:
        base = self.root / "metadata" / "referensi"
        return sorted(p.stem for p in base.glob("*.csv")) if base.is_dir() else []


def _read_model(path: Path, rel: str, model: type[M], dataset: str | None = None):
    """Parse and validate one YAML file: (model or None, source or None, findings)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
        source = load_yaml(text)
    except (UnicodeDecodeError, YamlError, OSError) as exc:
        detail = getattr(exc, "message", None) or (
            "berkas bukan teks UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc)
        )
        return (
            None,
            None,
            [
                Finding(
                    "yaml-tidak-valid",
                    dataset=dataset,
                    file=rel,
                    line=getattr(exc, "line", None),
                    params={"detail": detail},
                )
            ],
        )
    try:
        return model.model_validate(source.data if source.data is not None else {}), source, []
    except ValidationError as exc:
        return None, source, validation_findings(exc, model, source, rel, dataset)


def _layout_problem(parts: tuple[str, ...], suffix: str, suffixes: tuple[str, ...]) -> str:
    if len(parts) != 2:
        return "harus tepat satu folder OPD di bawah folder utama"
    if suffix not in suffixes:
        return f"ekstensi '{suffix or '(tanpa ekstensi)'}' tidak diterima, gunakan {suffixes[0]}"
    opd, stem = parts[0], parts[1].rsplit(".", 1)[0]
    if not _SLUG.match(opd) or not _SLUG.match(stem):
        return "nama folder dan berkas harus huruf kecil, angka, dan tanda hubung"
    return ""


def _read_reference(path: Path) -> ReferenceTable | None:
    if not path.exists():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    reader = csv.DictReader(io.StringIO(text))
    rows = [{k: (v or "") for k, v in row.items() if k is not None} for row in reader]
    return ReferenceTable(path.stem, list(reader.fieldnames or []), rows)
