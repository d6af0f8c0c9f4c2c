"""`satudata verifikasi`: a built site is exactly what its recorded commit builds.

The build is byte-reproducible (dates from git, sorted output, fixed archive metadata), so the
whole site is proved by rebuilding the recorded commit in a temporary clone and comparing every
file: a changed number in an XLSX, an edited page, a JSON feed, a file added or removed. A
checksum list shipped with the site would prove nothing, since whoever edits a file can edit
the list too.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from satudata.audit.git import GitError, run_git
from satudata.catalog.build import MARKER, BuildError, build, tool_versions
from satudata.util.language import localized


@dataclass
class Verification:
    commit: str | None
    problems: list[str] = field(default_factory=list)  # one line per differing file
    notes: list[str] = field(default_factory=list)  # context that is not itself a difference
    files: int = 0  # files compared

    @property
    def ok(self) -> bool:
        return self.commit is not None and not self.problems


def verify(root: Path, site: Path, *, jobs: int = 1) -> Verification:
    marker_path = site / MARKER
    if not marker_path.is_file():
        return Verification(
            None,
            [
                localized(
                    f"{MARKER} tidak ada: {site} bukan hasil `satudata build`",
                    f"{MARKER} is missing: {site} was not written by `satudata build`",
                )
            ],
        )
    try:
        marker = json.loads(marker_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Verification(
            None, [localized(f"{MARKER} rusak: {exc}", f"{MARKER} is damaged: {exc}")]
        )
    commit = marker.get("commit") if isinstance(marker, dict) else None
    if not commit:
        return Verification(
            None,
            [
                localized(
                    "hasil bangun tidak mencatat commit (dibangun di luar git)",
                    "the build records no commit (built outside git)",
                )
            ],
        )
    result = Verification(commit, notes=_tool_notes(marker))
    with tempfile.TemporaryDirectory(prefix="satudata-verifikasi-") as temporary:
        work = Path(temporary)
        try:
            checkout = _checkout(root, commit, work / "repo")
            build(checkout, work / "situs", jobs=jobs)
        except GitError as exc:
            result.problems.append(
                localized(
                    f"commit {commit} tidak dapat diambil dari repositori: {exc}",
                    f"commit {commit} cannot be fetched from the repository: {exc}",
                )
            )
            return result
        except BuildError as exc:
            result.problems.append(
                localized(
                    f"commit {commit} tidak dapat dibangun ulang: {exc}",
                    f"commit {commit} cannot be rebuilt: {exc}",
                )
            )
            return result
        result.problems, result.files = compare_trees(site, work / "situs", commit)
    return result


def _checkout(root: Path, commit: str, target: Path) -> Path:
    """The repository as of `commit`, with its history, in `target`; the source repository is
    only read (`--shared` borrows its objects instead of copying them)."""
    top = Path(run_git(root, "rev-parse", "--show-toplevel").strip())
    prefix = run_git(root, "rev-parse", "--show-prefix").strip()
    run_git(root, "cat-file", "-e", f"{commit}^{{commit}}")
    run_git(top, "clone", "--quiet", "--shared", "--no-checkout", str(top), str(target))
    run_git(target, "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", commit)
    return target / prefix


def compare_trees(site: Path, rebuilt: Path, commit: str) -> tuple[list[str], int]:
    """(one line per differing, missing or extra file, number of files compared)."""
    published, expected = _files(site), _files(rebuilt)
    short = commit[:10]
    problems = []
    for relative in sorted(published.keys() | expected.keys()):
        if relative not in published:
            problems.append(
                f"{relative}: "
                + localized(
                    f"hilang dari situs (dihasilkan oleh commit {short})",
                    f"missing from the site (commit {short} writes it)",
                )
            )
        elif relative not in expected:
            problems.append(
                f"{relative}: "
                + localized(
                    f"berkas tambahan, tidak dihasilkan oleh commit {short}",
                    f"extra file, not written by commit {short}",
                )
            )
        elif published[relative].is_symlink() or (
            published[relative].read_bytes() != expected[relative].read_bytes()
        ):
            problems.append(
                f"{relative}: "
                + localized(
                    f"isi berbeda dari hasil bangun ulang commit {short}",
                    f"content differs from the rebuild of commit {short}",
                )
            )
    return problems, len(published.keys() | expected.keys())


def _files(folder: Path) -> dict[str, Path]:
    """Every file, and every symbolic link (a build never writes one), by relative path."""
    return {
        p.relative_to(folder).as_posix(): p
        for p in folder.rglob("*")
        if p.is_symlink() or not p.is_dir()
    }


def _tool_notes(marker: dict) -> list[str]:
    """A site built by other tool versions may differ for that reason alone: say so."""
    recorded = marker.get("perangkat") or {
        "satudata": str(marker.get("generator", "?")).removeprefix("satudata ")
    }
    current = tool_versions()
    return [
        _tool_note(name, built_with, current.get(name, "?"))
        for name, built_with in sorted(recorded.items())
        if built_with != current.get(name)
    ]


def _tool_note(name: str, built_with: str, now: str) -> str:
    return localized(
        f"situs dibangun dengan {name} {built_with}, verifikasi memakai {now}; "
        "perbedaan bisa berasal dari versi perangkat",
        f"the site was built with {name} {built_with}, verification uses {now}; "
        "differences may come from the tool versions",
    )
