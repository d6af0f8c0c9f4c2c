"""Command-line interface `satudata`: thin commands over the library, one module per command."""

from __future__ import annotations

import difflib
import importlib
import os
import sys

import click

from satudata.cli.base import IndonesianGroup
from satudata.cli.i18n import use_language
from satudata.findings import language

# Command name → "module:function" in satudata.cli. One line registers a command; its module,
# and what that pulls in (pandas, openpyxl, MkDocs, frictionless …), is imported only when the
# command runs, so that `satudata validate` in a pre-commit hook starts fast.
COMMANDS = {
    "validate": "validate:validate_command",
    "diff": "diff:diff_command",
    "build": "build:build_command",
    "serve": "build:serve_command",
    "list": "list:list_command",
    "kinerja": "kinerja:kinerja_command",
    "schema": "schema:schema_command",
    "kode": "kode:kode_command",
    "codeowners": "codeowners:codeowners_command",
    "pengingat": "pengingat:pengingat_command",
    "riwayat": "riwayat:riwayat_command",
    "verifikasi": "verifikasi:verifikasi_command",
    "baru": "baru:baru_command",
    "impor": "impor:impor_command",
    "init": "init:init_command",
    "referensi": "referensi:referensi_command",
    "lembar": "lembar:lembar_command",
    "masukan": "masukan:masukan_command",
}


class LazyGroup(IndonesianGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(f"satudata.cli.{module}"), attribute)
        assert isinstance(command, click.Command)
        return command

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            # Click suggests from the commands it holds; these are registered by name only.
            close = difflib.get_close_matches(name, list(COMMANDS), n=1)
            ask = "Maksud Anda" if language() == "id" else "Did you mean"
            hint = f" {ask} '{close[0]}'?" if close else ""
            ctx.fail(
                (
                    f"Tidak ada perintah '{name}'."
                    if language() == "id"
                    else f"No such command '{name}'."
                )
                + hint
            )
        return super().resolve_command(ctx, args)


@click.group(
    cls=LazyGroup,
    context_settings={"max_content_width": 100},
    options_metavar="[OPSI]",
    subcommand_metavar="PERINTAH [ARGUMEN]...",
)
@click.version_option(
    package_name="satudata", message="%(prog)s %(version)s", help="Tampilkan versi lalu keluar."
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, param, value: _set_language(value),
    help="Bahasa pesan: id (bawaan) atau en.",
)
def cli() -> None:
    """Satu Data sebagai kode: validasi data dan metadata OPD, susun katalog data publik,
    dan pantau kinerja data setiap perangkat daerah."""


def _set_language(value: str | None) -> None:
    if value:
        os.environ["SATUDATA_LANG"] = value
        use_language(language(value))


def _language_in(args: list[str]) -> str | None:
    """`--lang` as given anywhere on the command line, before Click parses (and so before it
    can print a usage error in the wrong language)."""
    for i, arg in enumerate(args):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
    return None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    use_language(language(_language_in(args)))
    try:
        result = cli.main(args=args, prog_name="satudata", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Dibatalkan.", err=True)
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2
    except KeyboardInterrupt:
        click.echo("Dibatalkan.", err=True)
        return 2
    except Exception as exc:  # never a traceback for a user; exit 2 is 'internal failure'
        click.echo(f"Galat internal: {type(exc).__name__}: {exc}", err=True)
        click.echo("Ini kesalahan program; laporkan ke tim Walidata.", err=True)
        return 2
    return result if isinstance(result, int) else 0


def entry_point() -> None:
    sys.exit(main())
