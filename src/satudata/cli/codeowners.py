"""`satudata codeowners`: write CODEOWNERS from metadata/organisasi.yaml."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import command, repo_option
from satudata.load.repository import Repository
from satudata.rules.codeowners import FILENAME, render_codeowners
from satudata.util.fs import write_atomic


@command("codeowners")
@repo_option
@click.option("--periksa", is_flag=True, help="Hanya periksa bahwa CODEOWNERS mutakhir.")
def codeowners_command(repo_root: Path, periksa: bool) -> int:
    """Tulis CODEOWNERS (peninjau per OPD + Walidata) dari metadata/organisasi.yaml."""
    repo = Repository.load(repo_root)
    content = render_codeowners(repo)
    if content is None:
        click.echo("Galat: portal.yaml atau organisasi.yaml tidak ada atau tidak sah.", err=True)
        return 1
    path = repo.root / FILENAME
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if periksa:
        if current != content:
            click.echo(f"{FILENAME} tidak mutakhir; jalankan `satudata codeowners`.")
            return 1
        click.echo(f"{FILENAME} mutakhir.")
        return 0
    if current == content:
        click.echo(f"{FILENAME} sudah mutakhir.")
    else:
        write_atomic(path, content)
        click.echo(f"ditulis: {path}")
    return 0
