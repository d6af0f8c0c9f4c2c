"""Click classes whose help reads in Bahasa Indonesia, and helpers shared by the commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from satudata.findings import language

HELP_TEXT = {"id": "Tampilkan bantuan ini lalu keluar.", "en": "Show this message and exit."}
USAGE = {"id": "Penggunaan: ", "en": "Usage: "}
SECTIONS = {"id": ("Opsi", "Perintah"), "en": ("Options", "Commands")}


class _Indonesian:
    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT[language()]
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), USAGE[language()])

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            r
            for p in self.get_params(ctx)  # type: ignore[attr-defined]
            if (r := p.get_help_record(ctx)) is not None
        ]
        if rows:
            with formatter.section(SECTIONS[language()][0]):
                formatter.write_dl(rows)


class IndonesianCommand(_Indonesian, click.Command):
    pass


class IndonesianGroup(_Indonesian, click.Group):
    command_class = IndonesianCommand

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=70)))
        if rows:
            with formatter.section(SECTIONS[language()][1]):
                formatter.write_dl(rows)


def repo_option(function):
    return click.option(
        "--repo",
        "repo_root",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        metavar="FOLDER",
        default=".",
        show_default=True,
        help="Folder repositori Satu Data.",
    )(function)


def format_option(*choices: str):
    """`--format` with `choices`, the first one the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Bentuk keluaran.",
    )


def command(name: str):
    """`click.command` with Indonesian help and usage."""
    return click.command(name, cls=IndonesianCommand, options_metavar="[OPSI]")


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"'{value}' bukan tanggal TTTT-BB-HH") from exc


def hari_ini_option(function):
    return click.option(
        "--hari-ini",
        "hari_ini",
        metavar="TTTT-BB-HH",
        callback=_parse_date,
        help="Tanggal acuan ketepatan waktu (bawaan: hari ini), agar hasil dapat diulang.",
    )(function)


def print_next_steps(repo_root: Path, dataset: str, when_clean: str) -> None:
    """Validate one dataset just written and tell the user what to do next."""
    from satudata.checks.runner import validate
    from satudata.load.repository import Repository

    report = validate(Repository.load(repo_root), only=[dataset])
    todo = [f for f in report.findings if f.dataset == dataset]
    if not todo:
        click.echo(when_clean)
        return
    click.echo("Langkah berikutnya:")
    for finding in todo:
        click.echo(f"  - {finding.location}: {finding.message()} → {finding.saran()}")
