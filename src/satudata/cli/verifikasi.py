"""`satudata verifikasi DIR`: prove a built site is what its recorded commit builds."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.catalog.verify import verify
from satudata.checks.runner import default_jobs
from satudata.cli.base import HelpText, argument, command, repo_option
from satudata.util.language import localized


@command(
    "verifikasi",
    english="Rebuild the commit the site records, then compare every one of its files.",
)
@argument(
    "situs",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar=HelpText("SITUS", "SITE"),
)
@repo_option
def verifikasi_command(situs: Path, repo_root: Path) -> int:
    """Bangun ulang commit yang dicatat situs lalu bandingkan setiap berkasnya."""
    result = verify(repo_root.resolve(), situs.resolve(), jobs=default_jobs())
    for note in result.notes:
        click.echo(localized("Catatan", "Note") + f": {note}")
    for problem in result.problems:
        click.echo(localized("TIDAK COCOK", "MISMATCH") + f": {problem}")
    if not result.ok:
        problems = len(result.problems)
        click.echo(
            localized(
                f"Verifikasi gagal: {problems} masalah.",
                f"Verification failed: {problems} problems.",
            )
        )
        return 1
    click.echo(
        localized(
            f"Terverifikasi: {result.files} berkas situs sama persis dengan hasil bangun ulang "
            f"commit {result.commit}.",
            f"Verified: {result.files} site files are identical to a rebuild of "
            f"commit {result.commit}.",
        )
    )
    return 0
