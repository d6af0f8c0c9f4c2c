"""`satudata masukan`: import the spreadsheets uploaded to masukan/<opd>/ (run by CI)."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import command, repo_option
from satudata.onboarding.inbox import GitError, InboxError, commit, process, render, uploads
from satudata.util.fs import write_atomic


@command("masukan")
@repo_option
@click.option(
    "--laporan", type=click.Path(dir_okay=False, path_type=Path), help="Tulis laporan Markdown."
)
@click.option(
    "--commit",
    "make_commit",
    is_flag=True,
    help="Commit hasil impor dan hapus berkas unggahan dari cabang ini (bukan main).",
)
def masukan_command(repo_root: Path, laporan: Path | None, make_commit: bool) -> int:
    """Impor berkas Excel/CSV yang diunggah OPD ke masukan/<opd>/ menjadi CSV dan YAML baku."""
    done = [process(repo_root, upload) for upload in uploads(repo_root)]
    text = render(done)
    if make_commit:
        try:
            sha = commit(repo_root, done)
        except (InboxError, GitError) as exc:
            text += f"\nGalat: {exc}\n"
            _finish(text, laporan)
            return 1
        if sha:
            text += f"\nHasil impor di-commit ke cabang ini ({sha[:10]}).\n"
    _finish(text, laporan)
    return 0 if all(u.ok for u in done) else 1


def _finish(text: str, laporan: Path | None) -> None:
    click.echo(text, nl=False)
    if laporan is not None:
        write_atomic(laporan, text)
