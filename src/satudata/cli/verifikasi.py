"""`satudata verifikasi DIR`: check a built site against the repository."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.catalog.verify import verify
from satudata.cli.base import command, repo_option


@command("verifikasi")
@click.argument("situs", type=click.Path(exists=True, file_okay=False, path_type=Path))
@repo_option
def verifikasi_command(situs: Path, repo_root: Path) -> int:
    """Periksa bahwa berkas situs hasil bangun sama dengan repositori pada commit yang dicatat."""
    commit, problems = verify(repo_root.resolve(), situs.resolve())
    for problem in problems:
        click.echo(f"TIDAK COCOK: {problem}")
    if problems:
        click.echo(f"Verifikasi gagal: {len(problems)} masalah.")
        return 1
    click.echo(f"Terverifikasi: berkas data situs sama dengan repositori pada commit {commit}.")
    return 0
