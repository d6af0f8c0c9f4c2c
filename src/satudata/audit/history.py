"""Audit trail: every version of a dataset — when, by whom, in which pull request, approved by
whom — from the one-pass git history (`satudata.audit.git`)."""

from __future__ import annotations

from dataclasses import dataclass

from satudata.audit.git import Commit, FileChange, GitInfo
from satudata.load import paths
from satudata.util.language import localized


class ShallowClone(Exception):
    """History needs a full clone; a shallow one would show a wrong, one-commit history."""

    @staticmethod
    def message() -> str:
        return localized(
            "Repositori ini clone dangkal (shallow): riwayat tidak lengkap. Ambil riwayat "
            "penuh dengan `git fetch --unshallow` (di CI: actions/checkout dengan "
            "fetch-depth: 0, GitLab: GIT_DEPTH: 0).",
            "This repository is a shallow clone: the history is incomplete. Fetch the full "
            "history with `git fetch --unshallow` (in CI: actions/checkout with "
            "fetch-depth: 0, GitLab: GIT_DEPTH: 0).",
        )


@dataclass(frozen=True)
class Version:
    commit: Commit
    data: FileChange | None
    metadata: FileChange | None

    @property
    def penulis(self) -> tuple[str, ...]:
        return self.commit.authors or (self.commit.author,)

    @property
    def jenis(self) -> str:
        changes = [c for c in (self.data, self.metadata) if c is not None]
        if any(c.status == "D" for c in changes) and not any(c.status != "D" for c in changes):
            return "dihapus"
        if any(c.status == "R" for c in changes):
            return "dipindah"
        if any(c.status == "A" for c in changes):
            return "ditambah"
        return "diubah"

    def to_dict(self) -> dict:
        commit = self.commit
        return {
            "commit": commit.sha,
            "tanggal": commit.date.isoformat(),
            "penulis": list(self.penulis),
            "email": commit.email,
            "pesan": commit.subject,
            "pull_request": commit.pr,
            "disetujui_oleh": list(commit.approvers),
            "jenis": self.jenis,
            "data": _change_dict(self.data),
            "metadata": _change_dict(self.metadata),
        }


def _change_dict(change: FileChange | None) -> dict | None:
    if change is None:
        return None
    return {
        "berkas": change.path,
        "status": change.status,
        "blob": change.blob,
        "dari": change.old_path,
    }


def versions(git: GitInfo, dataset_id: str) -> list[Version]:
    """Versions of a dataset, newest first; raises ShallowClone rather than a wrong answer."""
    if git.shallow:
        raise ShallowClone(ShallowClone.message())
    data = dict((c.sha, ch) for c, ch in git.changes(paths.data_file(dataset_id)))
    meta: dict[str, FileChange] = {}
    for path in paths.metadata_files(dataset_id):
        meta.update((c.sha, ch) for c, ch in git.changes(path))
    order = {sha: index for index, sha in enumerate(git.commits)}  # git log order, newest first
    shas = sorted(set(data) | set(meta), key=order.__getitem__)
    return [Version(git.commits[sha], data.get(sha), meta.get(sha)) for sha in shas]


def versions_matching(found: list[Version], prefix: str) -> list[Version]:
    """The versions among `found` whose commit sha starts with `prefix` (how people write
    commits: the first 7 to 10 characters)."""
    return [v for v in found if v.commit.sha.startswith(prefix.lower())]
