"""What git knows about the repository, read in one pass over `git log`.

Dates on the site come from here, never from the clock, so two builds of one commit are
identical.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_SEP = "\x1f"
_RECORD = "\x1e"


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.datetime
    author: str
    email: str
    subject: str
    body: str = ""


@dataclass
class GitInfo:
    head: Commit | None = None
    shallow: bool = False
    commits: dict[str, Commit] = field(default_factory=dict)
    history: dict[str, list[str]] = field(default_factory=dict)  # path → shas, newest first

    @property
    def available(self) -> bool:
        return self.head is not None

    def last_change(self, *paths: str) -> Commit | None:
        """Newest commit that touched any of `paths`."""
        newest = None
        for path in paths:
            shas = self.history.get(path)
            if shas:
                commit = self.commits[shas[0]]
                if newest is None or commit.date > newest.date:
                    newest = commit
        return newest


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                                check=False)
    except FileNotFoundError:
        return None
    return result.stdout if result.returncode == 0 else None


def read_git(root: Path) -> GitInfo:
    """Every commit with the files it touched, from a single `git log`; empty outside git."""
    log = _git(root, "log", "--no-renames", "--name-only",
               f"--format={_RECORD}%H{_SEP}%aI{_SEP}%an{_SEP}%ae{_SEP}%s{_SEP}%b{_SEP}")
    if log is None:
        return GitInfo()
    info = GitInfo(shallow=(_git(root, "rev-parse", "--is-shallow-repository") or "").strip()
                   == "true")
    prefix = (_git(root, "rev-parse", "--show-prefix") or "").strip()
    for record in log.split(_RECORD)[1:]:
        sha, date, author, email, subject, body, files = record.split(_SEP, 6)
        commit = Commit(sha, dt.datetime.fromisoformat(date), author, email, subject,
                        body.strip())
        info.commits[sha] = commit
        info.head = info.head or commit
        for path in files.split("\n"):
            path = path.strip()
            if path:
                relative = path[len(prefix):] if prefix and path.startswith(prefix) else path
                info.history.setdefault(relative, []).append(sha)
    return info
