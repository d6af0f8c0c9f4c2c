"""Click classes whose help reads in the language in use, and helpers shared by the commands.

Every help text is written in both languages where the command declares it (`option(...,
help=HelpText("Bentuk keluaran.", "Output format."))`, and a command's English beside its
Indonesian docstring: `@command("kode", english="…")`). Click reads the text when it shows help,
after `--lang` is known, so one command object serves both languages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import click

from satudata.cli.i18n import translated
from satudata.util.language import language, localized


@dataclass(frozen=True)
class HelpText:
    """A help text or metavar in Bahasa Indonesia and English; `str()` gives the one in use."""

    indonesian: str
    english: str

    def __str__(self) -> str:
        return localized(self.indonesian, self.english)


OPTIONS_METAVAR = HelpText("[OPSI]", "[OPTIONS]")
HELP_OPTION = HelpText("Tampilkan bantuan ini lalu keluar.", "Show this message and exit.")
USAGE = HelpText("Penggunaan: ", "Usage: ")
OPTIONS_SECTION = HelpText("Opsi", "Options")
COMMANDS_SECTION = HelpText("Perintah", "Commands")
# The metavar of an option that names none, by its value type (Click's would be English).
TYPE_METAVARS = {
    click.STRING: HelpText("TEKS", "TEXT"),
    click.INT: HelpText("BILANGAN", "INTEGER"),
}
FILE_METAVAR = HelpText("BERKAS", "FILE")
PATH_METAVAR = HelpText("JALUR", "PATH")


class _InLanguageInUse:
    """A Click attribute (help, metavar) that may hold a `HelpText`: read, it is the text in
    the language in use."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}_in_both_languages"

    @overload
    def __get__(self, instance: None, owner: type) -> _InLanguageInUse: ...

    @overload
    def __get__(self, instance: object, owner: type) -> str | None: ...

    def __get__(self, instance: object | None, owner: type) -> _InLanguageInUse | str | None:
        if instance is None:
            return self
        value = instance.__dict__.get(self.slot)
        return None if value is None else str(value)

    def __set__(self, instance: object, value: HelpText | str | None) -> None:
        instance.__dict__[self.slot] = value


class _Localized:
    """Help, usage and sections in the language in use; the help, options metavar and
    subcommand metavar may be `HelpText`s."""

    help = _InLanguageInUse()

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = str(HELP_OPTION)
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The options and subcommand metavars may be `HelpText`s.
        pieces = map(str, self.collect_usage_pieces(ctx))  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), str(USAGE))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            r
            for p in self.get_params(ctx)  # type: ignore[attr-defined]
            if (r := p.get_help_record(ctx)) is not None
        ]
        if rows:
            with formatter.section(str(OPTIONS_SECTION)):
                formatter.write_dl(rows)


class LocalizedCommand(_Localized, click.Command):
    pass


class LocalizedGroup(_Localized, click.Group):
    command_class = LocalizedCommand

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=70)))
        if rows:
            with formatter.section(str(COMMANDS_SECTION)):
                formatter.write_dl(rows)


class LocalizedOption(click.Option):
    """An option whose help (and metavar) is a `HelpText`."""

    help = _InLanguageInUse()
    metavar = _InLanguageInUse()

    def __init__(self, *decls: Any, help: HelpText | None = None, **attrs: Any) -> None:
        super().__init__(*decls, **attrs)  # Click cleans up a str help; a HelpText is none
        self.help = help
        if self.metavar is None and not self.is_flag:
            self.metavar = _type_metavar(self.type)


class LocalizedArgument(click.Argument):
    """An argument whose metavar may be a `HelpText` (it also names it in usage errors)."""

    metavar = _InLanguageInUse()


def _type_metavar(value_type: click.ParamType) -> HelpText | str | None:
    if isinstance(value_type, click.Path):
        if not value_type.dir_okay:
            return FILE_METAVAR
        return "FOLDER" if not value_type.file_okay else PATH_METAVAR
    return TYPE_METAVARS.get(value_type)


def command(name: str, english: str):
    """`click.command` whose help is the function's (Indonesian) docstring, or `english`."""

    def decorate(function) -> LocalizedCommand:
        return click.command(
            name,
            cls=LocalizedCommand,
            help=HelpText(function.__doc__ or "", english),
            options_metavar=OPTIONS_METAVAR,
        )(function)

    return decorate


def group(name: str | None, english: str, cls: type[LocalizedGroup] = LocalizedGroup, **attrs: Any):
    """`click.group` whose help is the function's (Indonesian) docstring, or `english`."""

    def decorate(function) -> LocalizedGroup:
        return click.group(
            name,
            cls=cls,
            help=HelpText(function.__doc__ or "", english),
            options_metavar=OPTIONS_METAVAR,
            subcommand_metavar=HelpText("PERINTAH [ARGUMEN]...", "COMMAND [ARGS]..."),
            **attrs,
        )(function)

    return decorate


def option(*decls: str, help: HelpText | None = None, **attrs: Any):
    """`click.option` with help in both languages."""
    return click.option(*decls, cls=LocalizedOption, help=help, **attrs)


def argument(*decls: str, **attrs: Any):
    """`click.argument` whose metavar may be a `HelpText`."""
    return click.argument(*decls, cls=LocalizedArgument, **attrs)


def repo_option(function):
    return option(
        "--repo",
        "repo_root",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        metavar="FOLDER",
        default=".",
        show_default=True,
        help=HelpText("Folder repositori Satu Data.", "Folder of the Satu Data repository."),
    )(function)


def format_option(*choices: str):
    """`--format` with `choices`, the first one the default."""
    return option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=HelpText("Bentuk keluaran.", "Output format."),
    )


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(
            localized(f"'{value}' bukan tanggal TTTT-BB-HH", f"'{value}' is not a YYYY-MM-DD date")
        ) from exc


def hari_ini_option(function):
    return option(
        "--hari-ini",
        "hari_ini",
        metavar=HelpText("TTTT-BB-HH", "YYYY-MM-DD"),
        callback=_parse_date,
        help=HelpText(
            "Tanggal acuan ketepatan waktu (bawaan: hari ini), agar hasil dapat diulang.",
            "Reference date for timeliness (default: today), so that results can be repeated.",
        ),
    )(function)


def dataset_id_advice() -> str:
    """How to write a dataset id, for a `BadParameter` about a malformed one."""
    return localized("tulis sebagai opd/nama-dataset", "write it as opd/dataset-name")


def print_error(message: object) -> None:
    """`Galat: …` (`Error: …`) on standard error, the way Click prints its own errors."""
    click.echo(translated("Error: {message}").format(message=message), err=True)


def print_next_steps(repo_root: Path, dataset: str, when_clean: str) -> None:
    """Validate one dataset just written and tell the user what to do next."""
    from satudata.checks.runner import validate
    from satudata.load.repository import Repository

    report = validate(Repository.load(repo_root), only=[dataset])
    todo = [f for f in report.findings if f.dataset == dataset]
    if not todo:
        click.echo(when_clean)
        return
    lang = language()
    click.echo(localized("Langkah berikutnya:", "Next steps:"))
    for finding in todo:
        click.echo(f"  - {finding.location}: {finding.message(lang)} → {finding.saran(lang)}")
