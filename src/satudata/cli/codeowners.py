"""`satudata codeowners`: write CODEOWNERS from metadata/organisasi.yaml."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import HelpText, command, option, print_error, repo_option
from satudata.load.repository import Repository
from satudata.rules.codeowners import FILENAME, render_codeowners
from satudata.util.fs import write_atomic
from satudata.util.language import localized


@command(
    "codeowners",
    english="Write CODEOWNERS (reviewers per OPD + Walidata) from metadata/organisasi.yaml.",
)
@repo_option
@option(
    "--periksa",
    is_flag=True,
    help=HelpText(
        "Hanya periksa bahwa CODEOWNERS mutakhir.", "Only check that CODEOWNERS is up to date."
    ),
)
def codeowners_command(repo_root: Path, periksa: bool) -> int:
    """Tulis CODEOWNERS (peninjau per OPD + Walidata) dari metadata/organisasi.yaml."""
    repo = Repository.load(repo_root)
    content = render_codeowners(repo)
    if content is None:
        print_error(
            localized(
                "portal.yaml atau organisasi.yaml tidak ada atau tidak sah.",
                "portal.yaml or organisasi.yaml is missing or invalid.",
            )
        )
        return 1
    path = repo.root / FILENAME
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if periksa:
        if current != content:
            click.echo(
                localized(
                    f"{FILENAME} tidak mutakhir; jalankan `satudata codeowners`.",
                    f"{FILENAME} is out of date; run `satudata codeowners`.",
                )
            )
            return 1
        click.echo(localized(f"{FILENAME} mutakhir.", f"{FILENAME} is up to date."))
        return 0
    if current == content:
        click.echo(localized(f"{FILENAME} sudah mutakhir.", f"{FILENAME} is already up to date."))
    else:
        write_atomic(path, content)
        click.echo(localized("ditulis", "written") + f": {path}")
    return 0
