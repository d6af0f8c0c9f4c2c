"""`satudata schema`: write the JSON Schemas generated from the model to metadata/schema/."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import HelpText, command, option, repo_option
from satudata.load import paths
from satudata.model.schema import rendered_schemas, stale_schemas
from satudata.util.fs import write_atomic
from satudata.util.language import localized


@command(
    "schema",
    english="Write the metadata JSON Schemas (for editors and CI) to metadata/schema/.",
)
@repo_option
@option(
    "--periksa",
    is_flag=True,
    help=HelpText(
        "Hanya periksa bahwa skema yang tersimpan sama dengan model; tidak menulis.",
        "Only check that the stored schemas match the model; write nothing.",
    ),
)
def schema_command(repo_root: Path, periksa: bool) -> int:
    """Tulis JSON Schema metadata (untuk editor dan CI) ke metadata/schema/."""
    directory = repo_root / paths.SCHEMA_DIR
    stale = stale_schemas(directory)
    if periksa:
        for name in stale:
            click.echo(
                f"{directory / name}: "
                + localized(
                    "tidak sama dengan model; jalankan `satudata schema`.",
                    "differs from the model; run `satudata schema`.",
                )
            )
        return 1 if stale else 0
    for name, content in rendered_schemas().items():
        if name in stale:
            write_atomic(directory / name, content)
            click.echo(localized("ditulis", "written") + f": {directory / name}")
    if not stale:
        click.echo(localized("Skema sudah mutakhir.", "Schemas are up to date."))
    return 0
