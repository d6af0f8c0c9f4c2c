"""`satudata schema`: write the JSON Schemas generated from the model to metadata/schema/."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import command, repo_option
from satudata.load import paths
from satudata.model.schema import rendered_schemas, stale_schemas
from satudata.util.fs import write_atomic


@command("schema")
@repo_option
@click.option(
    "--periksa",
    is_flag=True,
    help="Hanya periksa bahwa skema yang tersimpan sama dengan model; tidak menulis.",
)
def schema_command(repo_root: Path, periksa: bool) -> int:
    """Tulis JSON Schema metadata (untuk editor dan CI) ke metadata/schema/."""
    directory = repo_root / paths.SCHEMA_DIR
    stale = stale_schemas(directory)
    if periksa:
        for name in stale:
            click.echo(f"{directory / name}: tidak sama dengan model; jalankan `satudata schema`.")
        return 1 if stale else 0
    for name, content in rendered_schemas().items():
        if name in stale:
            write_atomic(directory / name, content)
            click.echo(f"ditulis: {directory / name}")
    if not stale:
        click.echo("Skema sudah mutakhir.")
    return 0
