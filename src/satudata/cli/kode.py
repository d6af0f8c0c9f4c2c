"""`satudata kode`: every finding code with its meaning and fix, from the registry."""

from __future__ import annotations

import json

import click

from satudata.cli.base import command, format_option
from satudata.findings import REGISTRY
from satudata.report.codes_doc import codes_markdown
from satudata.util.language import language


@command("kode", english="Every validation finding code, with its meaning and how to fix it.")
@format_option("markdown", "json")
def kode_command(fmt: str) -> int:
    """Daftar semua kode temuan validasi beserta arti dan cara memperbaikinya."""

    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "code": c.code,
                        "family": c.family,
                        "severity": c.severity.value,
                        "judul": c.judul,
                        "title": c.title,
                        "pesan": c.pesan,
                        "saran": c.saran,
                        "params": list(c.params),
                    }
                    for c in REGISTRY.values()
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        click.echo(codes_markdown(language()), nl=False)
    return 0
