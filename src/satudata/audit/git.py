"""What git knows about the repository, read in one pass over `git log` (plus one small pass
for the authors of merged branches), never one git process per dataset.

A *version* is a commit on the main line (first parents): a squash or merge commit is one
approved change. Dates on the site come from here, never from the clock.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from satudata.util.language import localized

_SEP = "\x1f"
_RECORD = "\x1e"
APPROVAL_TRAILER = "Disetujui-oleh"
_PR_PATTERNS = (
    re.compile(r"Merge pull request #(\d+)"),
    re.compile(r"\(#(\d+)\)\s*$"),
    re.compile(r"See merge request [^\s!]*!(\d+)"),
)


@dataclass(frozen=True)
class FileChange:
    path: str
    status: str  # A, M, D, R (renamed from `old_path`)
    blob: str | None  # content after the commit (None when deleted)
    old_path: str | None = None
    added: int | None = None  # rows added/removed, filled from the blobs by whoever needs them
    removed: int | None = None


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.datetime
    author: str
    email: str
    subject: str
    body: str = ""
    parents: tuple[str, ...] = ()
    approvers: tuple[str, ...] = ()
    pr: int | None = None
    authors: tuple[str, ...] = ()  # for a merge: the authors of the merged branch


@dataclass
class GitInfo:
    head: Commit | None = None
    shallow: bool = False
    commits: dict[str, Commit] = field(default_factory=dict)
    history: dict[str, list[tuple[str, FileChange]]] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.head is not None

    def changes(self, path: str) -> list[tuple[Commit, FileChange]]:
        """Versions that touched `path` (following renames), newest first."""
        return [(self.commits[sha], change) for sha, change in self.history.get(path, [])]

    def last_change(self, *paths: str) -> Commit | None:
        """Newest commit that touched any of `paths`."""
        dated = [self.changes(p)[0][0] for p in paths if self.history.get(p)]
        return max(dated, key=lambda c: c.date) if dated else None


class GitError(Exception):
    """A git command failed; the message is git's own last line."""


def run_git(root: Path, *args: str, binary: bool = False, stdin: bytes | None = None):
    """stdout of `git -C root args…` (bytes when `binary`); raises GitError on failure."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError as exc:
        raise GitError(localized("git tidak terpasang", "git is not installed")) from exc
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        failed = localized(f"git {' '.join(args)} gagal", f"git {' '.join(args)} failed")
        raise GitError(message[-1] if message else failed)
    return result.stdout if binary else result.stdout.decode()


def changed_files(root: Path, base: str, head: str | None = None) -> list[str]:
    """Files that differ between `base` and `head` (None: the working tree, including
    untracked files)."""
    names = set(
        run_git(
            root, "diff", "--name-only", "--no-renames", base, *([head] if head else []), "--"
        ).splitlines()
    )
    if head is None:
        names |= set(run_git(root, "ls-files", "--others", "--exclude-standard").splitlines())
    return sorted(names)


def _git(root: Path, *args: str) -> str | None:
    """Like run_git, but None outside a repository (history is optional for a build)."""
    try:
        return run_git(root, *args)
    except GitError:
        return None


def pr_number(subject: str, body: str) -> int | None:
    for pattern in _PR_PATTERNS:
        match = pattern.search(subject) or pattern.search(body)
        if match:
            return int(match.group(1))
    return None


def read_git(root: Path) -> GitInfo:
    """Main-line history with the files each version changed; empty outside git."""
    fmt = (
        f"{_RECORD}%H{_SEP}%P{_SEP}%aI{_SEP}%an{_SEP}%ae{_SEP}%s{_SEP}%b{_SEP}"
        f"%(trailers:key={APPROVAL_TRAILER},valueonly,separator=%x1d){_SEP}"
    )
    # --raw gives blob ids straight from the trees; --numstat would make git diff every file's
    # lines (seconds on large histories), so row counts are taken from the blobs when needed.
    log = _git(
        root,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "-M",
        "--raw",
        "--no-abbrev",
        f"--format={fmt}",
        "--",
        ".",
    )
    if log is None:
        return GitInfo()
    info = GitInfo(
        shallow=(_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    )
    prefix = (_git(root, "rev-parse", "--show-prefix") or "").strip()
    branch_authors = _branch_authors(root)
    renamed: dict[str, str] = {}  # older path → current path, learnt newest-first
    for record in log.split(_RECORD)[1:]:
        sha, parents, date, author, email, subject, body, trailers, files = record.split(_SEP, 8)
        commit = Commit(
            sha,
            dt.datetime.fromisoformat(date),
            author,
            email,
            subject,
            body.strip(),
            tuple(parents.split()),
            tuple(t.strip() for t in trailers.split("\x1d") if t.strip()),
            pr_number(subject, body),
            branch_authors.get(sha, (author,)),
        )
        info.commits[sha] = commit
        info.head = info.head or commit
        for change in _parse_files(files, prefix):
            current = renamed.get(change.path, change.path)
            if change.status == "R" and change.old_path:
                renamed[change.old_path] = current
            info.history.setdefault(current, []).append((sha, change))
    if info.head is None:  # `-- .` hides commits that changed nothing here; keep HEAD anyway
        return info
    return info


def _parse_files(block: str, prefix: str) -> list[FileChange]:
    changes = []
    for line in block.splitlines():
        if not line.startswith(":"):
            continue
        meta, *paths = line.split("\t")
        parts = meta.split()
        status, new_blob = parts[4][0], parts[3]
        path = _strip(paths[-1], prefix)
        old = _strip(paths[0], prefix) if status == "R" else None
        changes.append(FileChange(path, status, None if status == "D" else new_blob, old))
    return changes


def _strip(path: str, prefix: str) -> str:
    return path[len(prefix) :] if prefix and path.startswith(prefix) else path


def _branch_authors(root: Path) -> dict[str, tuple[str, ...]]:
    """For each merge commit, the authors of the commits it merged (its second parent's line
    down to the main line): who actually changed the data, not who pressed 'merge'."""
    log = _git(root, "log", f"--format=%H{_SEP}%P{_SEP}%an")
    if not log:
        return {}
    parents: dict[str, list[str]] = {}
    authors: dict[str, str] = {}
    for line in log.splitlines():
        sha, parent_list, author = line.split(_SEP, 2)
        parents[sha], authors[sha] = parent_list.split(), author
    main_line: set[str] = set()
    cursor: str | None = next(iter(parents), None)
    while cursor:
        main_line.add(cursor)
        cursor = _first_parent(parents, cursor)
    result = {}
    for sha in main_line:
        if len(parents.get(sha, [])) > 1:
            names: list[str] = []
            cursor = parents[sha][1]
            while cursor and cursor not in main_line and len(names) < 500:
                name = authors.get(cursor)
                if name and name not in names:
                    names.append(name)
                cursor = _first_parent(parents, cursor)
            result[sha] = tuple(names)
    return result


def _first_parent(parents: dict[str, list[str]], sha: str) -> str | None:
    return next(iter(parents.get(sha) or []), None)


def read_blobs(root: Path, blobs: list[str]) -> dict[str, bytes]:
    """Contents of many blobs through one `git cat-file --batch` process."""
    if not blobs:
        return {}
    unique = list(dict.fromkeys(blobs))
    try:
        out = run_git(
            root, "cat-file", "--batch", binary=True, stdin="\n".join(unique).encode() + b"\n"
        )
    except GitError:
        return {}
    result, position = {}, 0
    for blob in unique:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        result[blob] = out[position : position + size]
        position += size + 1
    return result
