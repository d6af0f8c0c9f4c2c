"""`satudata build` and `satudata serve`: the public catalog site."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.catalog.build import BuildError, build
from satudata.checks.runner import default_jobs
from satudata.cli.base import HelpText, command, option, print_error, repo_option
from satudata.report.text import summary_line
from satudata.util.language import language, localized
from satudata.util.numbers import number


@command("build", english="Validate, then build the public data catalog site (MkDocs Material).")
@repo_option
@option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=HelpText(
        "Folder hasil (bawaan: public/ di repositori).",
        "Output folder (default: public/ in the repository).",
    ),
)
@option(
    "--timpa",
    is_flag=True,
    help=HelpText(
        "Boleh menimpa folder hasil yang bukan hasil `satudata build`.",
        "May overwrite an output folder that `satudata build` did not write.",
    ),
)
def build_command(repo_root: Path, output: Path | None, timpa: bool) -> int:
    """Validasi lalu bangun situs katalog data publik (MkDocs Material)."""
    output = output or repo_root / "public"
    lang = language()
    try:
        result = build(repo_root, output, timpa=timpa, jobs=default_jobs())
    except BuildError as exc:
        if exc.report is not None:
            from satudata.report import render_text

            click.echo(render_text(exc.report, lang), nl=False)
        print_error(exc)
        return 1
    site = result.situs
    click.echo(localized("Validasi", "Validation") + f" — {summary_line(site.report, lang)}")
    totals = site.report.totals
    if totals["warning"] or totals["info"]:
        click.echo(
            localized(
                "Lihat peringatan dan info dengan `satudata validate`.",
                "See the warnings and info with `satudata validate`.",
            )
        )
    published, withheld = number(len(site.terbitan), lang), number(len(site.tertahan), lang)
    pages = number(result.pages, lang)
    click.echo(
        localized(
            f"Katalog dibangun di {result.output}: {published} dataset terbit, "
            f"{withheld} hanya metadata, {pages} halaman.",
            f"Catalog built in {result.output}: {published} datasets published, "
            f"{withheld} metadata only, {pages} pages.",
        )
    )
    for t in site.terbitan:
        for v in t.versi:
            withdrawn = t.versi_ditarik.get(v.commit.sha)
            if withdrawn is not None:
                click.echo(
                    localized("Versi lama tidak diterbitkan", "Old version not published")
                    + f": {t.id} {v.commit.sha[:10]} ({v.commit.date:%Y-%m-%d}) — {withdrawn.teks}"
                )
    return 0


@command(
    "serve",
    english="Live preview of the catalog; pages are regenerated when data or metadata change.",
)
@repo_option
@option(
    "--alamat",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="HOST:PORT",
    help=HelpText("Alamat dan port pratinjau.", "Address and port of the preview."),
)
def serve_command(repo_root: Path, alamat: str) -> int:
    """Pratinjau katalog secara langsung; halaman diperbarui saat data atau metadata diubah."""
    from satudata.catalog.preview import PreviewError, serve

    try:
        serve(repo_root, alamat)
    except PreviewError as exc:
        print_error(exc)
        return 2
    except BuildError as exc:
        print_error(exc)
        return 1
    return 0
