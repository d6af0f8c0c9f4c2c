"""What the site publishes: only valid, open datasets (the rule: `satudata.rules.publishing`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from satudata.audit.git import Commit, GitInfo
from satudata.audit.history import versions
from satudata.findings import DatasetFacts, Report
from satudata.load.repository import DatasetFiles, Repository
from satudata.model import Dataset, Opd, Portal
from satudata.rules.publishing import publication_blockers


@dataclass
class Download:
    """One downloadable file of a published dataset."""

    jenis: str  # csv | xlsx | json | datapackage | csv-nama | lembar | riwayat
    path: str  # relative to the site root, e.g. unduh/dinkes/puskesmas/puskesmas.csv
    sha256: str
    bytes: int
    mediatype: str


@dataclass
class PublishedDataset:
    """A published dataset with everything its page, downloads and feeds need."""

    entry: DatasetFiles
    meta: Dataset
    opd: Opd | None
    facts: DatasetFacts
    diubah: Commit | None
    berkas: dict[str, Download] = field(default_factory=dict)
    # Files outside the feeds: "csv-nama" (the CSV with names) for readers, "lembar" (the
    # workbook `satudata lembar` writes) for the OPD team.
    tambahan: dict[str, Download] = field(default_factory=dict)
    versi: list = field(default_factory=list)  # riwayat.Version, newest first
    berkas_versi: dict[str, Download] = field(default_factory=dict)  # commit sha → past CSV
    baris_versi: dict[str, tuple[int, int]] = field(default_factory=dict)  # sha → (+rows, -rows)
    versi_ditarik: dict = field(default_factory=dict)  # sha → past_versions.Withdrawn

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def data_path(self) -> Path:
        """The data file (a dataset without one is withheld, never published)."""
        path = self.entry.data_path
        if path is None:
            raise ValueError(f"{self.id}: published without a data file")
        return path

    @property
    def page(self) -> str:
        """Markdown source path of the dataset page (URL: dataset/<opd>/<slug>/)."""
        return f"dataset/{self.meta.id}.md"

    @property
    def url_path(self) -> str:
        return f"dataset/{self.meta.id}/"

    @property
    def tanggal_diubah(self) -> dt.date | None:
        return self.diubah.date.date() if self.diubah else None

    @property
    def periode_terakhir(self) -> str | None:
        return self.facts.periode_terakhir


@dataclass
class WithheldDataset:
    """A dataset that is listed (metadata only) but not published, and why."""

    meta: Dataset
    opd: Opd | None
    alasan: list[str]  # the messages of rules.publishing's findings, in Bahasa Indonesia


@dataclass
class Site:
    repo: Repository
    portal: Portal
    report: Report
    git: GitInfo
    terbitan: list[PublishedDataset]
    tertahan: list[WithheldDataset]
    tanggal: dt.date  # the date the site speaks for: the HEAD commit's date

    @property
    def base_url(self) -> str:
        return str(self.portal.url_situs).rstrip("/") + "/"

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")


def build_model(repo: Repository, report: Report, git: GitInfo, tanggal: dt.date) -> Site:
    portal = repo.portal
    if portal is None:  # the build reports a missing portal.yaml before it gets here
        raise ValueError("build_model needs metadata/portal.yaml")
    opds = repo.organisasi.by_slug() if repo.organisasi else {}
    published, withheld = [], []
    for entry in repo.datasets.values():
        meta = entry.meta
        if meta is None:
            continue
        blockers = publication_blockers(meta, report.findings, entry.data_path is not None)
        if blockers:
            reasons = [b.message() for b in blockers]
            withheld.append(WithheldDataset(meta, opds.get(entry.opd), reasons))
            continue
        changed = git.last_change(
            *(repo.rel(p) for p in (entry.data_path, entry.metadata_path) if p)
        )
        history = [] if git.shallow else versions(git, entry.id)
        published.append(
            PublishedDataset(
                entry,
                meta,
                opds.get(entry.opd),
                report.facts.get(entry.id, DatasetFacts()),
                changed,
                versi=history,
            )
        )
    return Site(repo, portal, report, git, published, withheld, tanggal)
