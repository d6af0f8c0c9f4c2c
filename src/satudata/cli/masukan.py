"""`satudata masukan`: import the spreadsheets uploaded to masukan/<opd>/ (run by CI)."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import HelpText, command, option, repo_option
from satudata.cli.i18n import translated
from satudata.onboarding.inbox import GitError, InboxError, commit, process, render, uploads
from satudata.util.fs import write_atomic
from satudata.util.language import localized


@command(
    "masukan",
    english="Import the Excel/CSV files OPDs uploaded to masukan/<opd>/ into canonical CSV "
    "and YAML.",
)
@repo_option
@option(
    "--laporan",
    type=click.Path(dir_okay=False, path_type=Path),
    help=HelpText("Tulis laporan Markdown.", "Write the Markdown report."),
)
@option(
    "--commit",
    "make_commit",
    is_flag=True,
    help=HelpText(
        "Commit hasil impor dan hapus berkas unggahan dari cabang ini (bukan main).",
        "Commit the import results and remove the uploaded files from this branch (not main).",
    ),
)
def masukan_command(repo_root: Path, laporan: Path | None, make_commit: bool) -> int:
    """Impor berkas Excel/CSV yang diunggah OPD ke masukan/<opd>/ menjadi CSV dan YAML baku."""
    done = [process(repo_root, upload) for upload in uploads(repo_root)]
    text = render(done)
    if make_commit:
        try:
            sha = commit(repo_root, done)
        except (InboxError, GitError) as exc:
            text += "\n" + translated("Error: {message}").format(message=exc) + "\n"
            _finish(text, laporan)
            return 1
        if sha:
            text += "\n" + localized(
                f"Hasil impor di-commit ke cabang ini ({sha[:10]}).",
                f"Import results committed to this branch ({sha[:10]}).",
            )
            text += "\n"
    _finish(text, laporan)
    return 0 if all(u.ok for u in done) else 1


def _finish(text: str, laporan: Path | None) -> None:
    click.echo(text, nl=False)
    if laporan is not None:
        write_atomic(laporan, text)
