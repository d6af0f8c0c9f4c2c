"""Command-line interface `satudata`: thin commands over the library, one module per command."""

from __future__ import annotations

import os
import sys

import click

from satudata.cli.baru import baru_command
from satudata.cli.base import IndonesianGroup
from satudata.cli.build import build_command, serve_command
from satudata.cli.codeowners import codeowners_command
from satudata.cli.diff import diff_command
from satudata.cli.i18n import use_language
from satudata.cli.impor import impor_command
from satudata.cli.init import init_command
from satudata.cli.kinerja import kinerja_command
from satudata.cli.kode import kode_command
from satudata.cli.lembar import lembar_command
from satudata.cli.list import list_command
from satudata.cli.masukan import masukan_command
from satudata.cli.pengingat import pengingat_command
from satudata.cli.referensi import referensi_command
from satudata.cli.riwayat import riwayat_command
from satudata.cli.schema import schema_command
from satudata.cli.validate import validate_command
from satudata.cli.verifikasi import verifikasi_command
from satudata.findings import language

# Command modules register themselves here; the work lives elsewhere in the package.
COMMANDS = [
    validate_command,
    diff_command,
    build_command,
    serve_command,
    list_command,
    kinerja_command,
    schema_command,
    kode_command,
    codeowners_command,
    pengingat_command,
    riwayat_command,
    verifikasi_command,
    baru_command,
    impor_command,
    init_command,
    referensi_command,
    lembar_command,
    masukan_command,
]


@click.group(
    cls=IndonesianGroup,
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


for _command in COMMANDS:
    cli.add_command(_command)


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
