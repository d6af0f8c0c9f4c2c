"""The inbox (`masukan/<opd>/`): spreadsheets an OPD uploads in the forge's web interface.

CI imports each upload into the canonical CSV/YAML on the same branch, removes the upload from
the branch (git history keeps it) and reports in the pull request. It refuses clearly, and it
never commits to the default branch.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from satudata.audit.git import GitError, run_git
from satudata.load import paths
from satudata.util.language import localized

INBOX = paths.INBOX_DIR
IGNORED = {"README.md", ".gitkeep"}
PROTECTED_BRANCHES = ("main", "master")


@dataclass
class Upload:
    path: Path  # relative to the repository root
    opd: str
    ok: bool = False
    report: str = ""
    written: tuple[Path, ...] = ()


class InboxError(Exception):
    """Why the inbox cannot be processed at all (in the language in use)."""


def uploads(root: Path) -> list[Upload]:
    folder = root / INBOX
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name in IGNORED:
            continue
        relative = path.relative_to(root)
        opd = relative.parts[1] if len(relative.parts) > 2 else ""
        found.append(Upload(relative, opd))
    return found


def process(root: Path, upload: Upload) -> Upload:
    """Import one upload; `upload.report` says what happened either way."""
    from satudata.cli import main

    source = root / upload.path
    if not upload.opd:
        example = f"`{INBOX}/dinkes/{source.name}`"
        upload.report = f"`{upload.path}`: " + localized(
            f"letakkan berkas di folder OPD, mis. {example}.",
            f"put the file in an OPD folder, e.g. {example}.",
        )
        return upload
    before = _snapshot(root)
    args = ["impor", str(source), "--repo", str(root)]
    target = _workbook_dataset(root, source)
    if target is None:
        args += ["--ke", f"{upload.opd}/{_slug(source.stem)}", "--timpa"]
    elif not target.startswith(f"{upload.opd}/"):
        owner = f"`{INBOX}/{target.split('/')[0]}/`"
        upload.report = f"`{upload.path}`: " + localized(
            f"lembar ini milik dataset `{target}`, bukan milik OPD `{upload.opd}`. "
            f"Unggah ke {owner}.",
            f"this workbook belongs to dataset `{target}`, not to OPD `{upload.opd}`. "
            f"Upload it to {owner}.",
        )
        return upload
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    upload.ok = status == 0
    upload.written = tuple(
        sorted(p for p, digest in _snapshot(root).items() if before.get(p) != digest)
    )
    text = (out.getvalue() + err.getvalue()).strip()
    upload.report = f"### `{upload.path}`\n\n{text}" if text else f"### `{upload.path}`"
    return upload


def commit(root: Path, done: list[Upload]) -> str | None:
    """Commit the imported files and the removal of their uploads on the current branch."""
    branch = run_git(root, "rev-parse", "--abbrev-ref", "HEAD").strip()
    if branch in PROTECTED_BRANCHES or branch == "HEAD":
        raise InboxError(
            localized(
                f"cabang `{branch}` tidak boleh diubah oleh impor otomatis; unggah lewat pull "
                "request dari cabang baru",
                f"branch `{branch}` may not be changed by an automatic import; upload through a "
                "pull request from a new branch",
            )
        )
    imported = [u for u in done if u.ok]
    if not imported:
        return None
    for upload in imported:
        run_git(root, "rm", "--quiet", "--", str(upload.path))
        if upload.written:
            run_git(root, "add", "--", *(str(p) for p in upload.written))
    names = ", ".join(u.path.name for u in imported)
    run_git(root, "commit", "--quiet", "-m", f"Impor {names} ke CSV/YAML baku (satudata masukan)")
    return run_git(root, "rev-parse", "HEAD").strip()


def _snapshot(root: Path) -> dict[Path, tuple[int, int, int]]:
    """Files under data/ and metadata/ with a stamp, to see what an import wrote. Imports
    write atomically (a new file renamed over the old: a new inode), so inode, time and size
    tell, without reading every file of the repository twice."""
    stamps = {}
    for top in (paths.DATA_DIR, paths.METADATA_DIR):
        for path in (root / top).rglob("*"):
            if path.is_file():
                info = path.stat()
                stamps[path.relative_to(root)] = (info.st_ino, info.st_mtime_ns, info.st_size)
    return stamps


def _workbook_dataset(root: Path, source: Path) -> str | None:
    from openpyxl import load_workbook

    from satudata.onboarding.workbook import INFO
    from satudata.onboarding.workbook_import import is_dataset_workbook

    if not is_dataset_workbook(source):
        return None
    book = load_workbook(source, read_only=True)
    try:
        for row in book[INFO].iter_rows(values_only=True):
            if row and row[0] == "dataset":
                return str(row[1])
    finally:
        book.close()
    return None


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "dataset"


def render(done: list[Upload]) -> str:
    lines = ["## " + localized("Impor berkas unggahan", "Import of uploaded files"), ""]
    if not done:
        nothing = localized(f"Tidak ada berkas di `{INBOX}/`.", f"No files in `{INBOX}/`.")
        return "\n".join([*lines, nothing, ""])
    ok = sum(u.ok for u in done)
    lines.append(
        localized(f"{ok} dari {len(done)} berkas diimpor.", f"{ok} of {len(done)} files imported.")
    )
    for upload in done:
        mark = (
            localized("diimpor", "imported")
            if upload.ok
            else "**" + localized("ditolak", "refused") + "**"
        )
        lines += ["", f"- `{upload.path}`: {mark}"]
        if upload.written:
            written = ", ".join(f"`{p}`" for p in upload.written)
            lines.append("  - " + localized("ditulis", "written") + f": {written}")
    for upload in done:
        lines += ["", upload.report]
    return "\n".join([*lines, ""])


__all__ = ["GitError", "InboxError", "Upload", "commit", "process", "render", "uploads"]
