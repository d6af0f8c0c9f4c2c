"""`satudata verifikasi DIR`: prove a built site is what its recorded commit builds."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.catalog.verify import verify
from satudata.checks.runner import default_jobs
from satudata.cli.base import command, repo_option


@command("verifikasi")
@click.argument("situs", type=click.Path(exists=True, file_okay=False, path_type=Path))
@repo_option
def verifikasi_command(situs: Path, repo_root: Path) -> int:
    """Bangun ulang commit yang dicatat situs lalu bandingkan setiap berkasnya."""
    result = verify(repo_root.resolve(), situs.resolve(), jobs=default_jobs())
    for note in result.notes:
        click.echo(f"Catatan: {note}")
    for problem in result.problems:
        click.echo(f"TIDAK COCOK: {problem}")
    if not result.ok:
        click.echo(f"Verifikasi gagal: {len(result.problems)} masalah.")
        return 1
    click.echo(
        f"Terverifikasi: {result.files} berkas situs sama persis dengan hasil bangun ulang "
        f"commit {result.commit}."
    )
    return 0
