"""`satudata build` and `satudata serve`: the public catalog site."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.catalog.build import BuildError, build
from satudata.checks.runner import default_jobs
from satudata.cli.base import command, repo_option
from satudata.report.text import summary_line
from satudata.util.numbers import number


@command("build")
@repo_option
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder hasil (bawaan: public/ di repositori).",
)
@click.option(
    "--timpa", is_flag=True, help="Boleh menimpa folder hasil yang bukan hasil `satudata build`."
)
def build_command(repo_root: Path, output: Path | None, timpa: bool) -> int:
    """Validasi lalu bangun situs katalog data publik (MkDocs Material)."""
    output = output or repo_root / "public"
    try:
        result = build(repo_root, output, timpa=timpa, jobs=default_jobs())
    except BuildError as exc:
        if exc.report is not None:
            from satudata.report import render_text

            click.echo(render_text(exc.report), nl=False)
        click.echo(f"Galat: {exc}", err=True)
        return 1
    site = result.situs
    click.echo(f"Validasi — {summary_line(site.report)}")
    totals = site.report.totals
    if totals["warning"] or totals["info"]:
        click.echo("Lihat peringatan dan info dengan `satudata validate`.")
    click.echo(
        f"Katalog dibangun di {result.output}: {number(len(site.terbitan))} dataset terbit, "
        f"{number(len(site.tertahan))} hanya metadata, {number(result.pages)} halaman."
    )
    for t in site.terbitan:
        for v in t.versi:
            withdrawn = t.versi_ditarik.get(v.commit.sha)
            if withdrawn is not None:
                click.echo(
                    f"Versi lama tidak diterbitkan: {t.id} {v.commit.sha[:10]} "
                    f"({v.commit.date:%Y-%m-%d}) — {withdrawn.teks}"
                )
    return 0


@command("serve")
@repo_option
@click.option(
    "--alamat", default="127.0.0.1:8000", show_default=True, help="Alamat dan port pratinjau."
)
def serve_command(repo_root: Path, alamat: str) -> int:
    """Pratinjau katalog secara langsung; halaman diperbarui saat data atau metadata diubah."""
    from satudata.catalog.preview import PreviewError, serve

    try:
        serve(repo_root, alamat)
    except PreviewError as exc:
        click.echo(f"Galat: {exc}", err=True)
        return 2
    except BuildError as exc:
        click.echo(f"Galat: {exc}", err=True)
        return 1
    return 0
