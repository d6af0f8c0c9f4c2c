"""Command-line interface `satudata`: thin commands over the library, one module per command."""

from __future__ import annotations

import contextlib
import difflib
import gc
import importlib
import os
import sys

import click

from satudata.cli.base import HelpText, LocalizedGroup, LocalizedOption, group, option
from satudata.cli.i18n import translated, translated_plural, use_language
from satudata.util.language import language, localized

# Command name → (module under satudata.cli, function). A command module is imported only
# when its command runs (or help lists it): `satudata validate` on a pull request then does
# not pay for importing the site builder, the spreadsheet importer and the rest.
COMMANDS = {
    "validate": ("validate", "validate_command"),
    "diff": ("diff", "diff_command"),
    "build": ("build", "build_command"),
    "serve": ("build", "serve_command"),
    "list": ("list", "list_command"),
    "kinerja": ("kinerja", "kinerja_command"),
    "schema": ("schema", "schema_command"),
    "kode": ("kode", "kode_command"),
    "codeowners": ("codeowners", "codeowners_command"),
    "pengingat": ("pengingat", "pengingat_command"),
    "riwayat": ("riwayat", "riwayat_command"),
    "verifikasi": ("verifikasi", "verifikasi_command"),
    "baru": ("baru", "baru_command"),
    "impor": ("impor", "impor_command"),
    "init": ("init", "init_command"),
    "referensi": ("referensi", "referensi_command"),
    "lembar": ("lembar", "lembar_command"),
    "masukan": ("masukan", "masukan_command"),
}


class _LazyGroup(LocalizedGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, function = COMMANDS[name]
        return getattr(importlib.import_module(f"satudata.cli.{module}"), function)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            # Click suggests only from commands it holds, and these are registered by name.
            message = translated("No such command {name!r}.").format(name=name)
            close = difflib.get_close_matches(name, COMMANDS, n=1)
            if close:
                hint = translated_plural(
                    "Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1
                )
                message += " " + hint.format(possibility=repr(close[0]))
            ctx.fail(message)
        return super().resolve_command(ctx, args)


@group(
    None,
    english="Satu Data as code: validate the data and metadata of regional agencies (OPD), "
    "build the public data catalog, and follow each agency's data performance.",
    cls=_LazyGroup,
    context_settings={"max_content_width": 100},
)
@click.version_option(
    package_name="satudata",
    message="%(prog)s %(version)s",
    cls=LocalizedOption,
    help=HelpText("Tampilkan versi lalu keluar.", "Show the version and exit."),
)
@option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, param, value: _set_language(value),
    help=HelpText(
        "Bahasa bantuan dan pesan: id (bawaan) atau en.",
        "Language of help and messages: id (default) or en.",
    ),
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


@contextlib.contextmanager
def _speaking(chosen: str | None):
    """The run in `chosen` language (or SATUDATA_LANG's), the previous one restored after."""
    before = os.environ.get("SATUDATA_LANG")
    if chosen:
        os.environ["SATUDATA_LANG"] = language(chosen)
    use_language(language())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SATUDATA_LANG", None)
        else:
            os.environ["SATUDATA_LANG"] = before
        use_language(language())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    with _speaking(_language_in(args)):
        return _run(args)


def _run(args: list[str]) -> int:
    cancelled = localized("Dibatalkan.", "Cancelled.")
    try:
        result = cli.main(args=args, prog_name="satudata", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(cancelled, err=True)
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2
    except KeyboardInterrupt:
        click.echo(cancelled, err=True)
        return 2
    except Exception as exc:  # never a traceback for a user; exit 2 is 'internal failure'
        click.echo(
            localized("Galat internal", "Internal error") + f": {type(exc).__name__}: {exc}",
            err=True,
        )
        click.echo(
            localized(
                "Ini kesalahan program; laporkan ke tim Walidata.",
                "This is a program error; please report it to the Walidata team.",
            ),
            err=True,
        )
        return 2
    return result if isinstance(result, int) else 0


def entry_point() -> None:
    if next((a for a in sys.argv[1:] if a in COMMANDS), None) == "validate":
        _without_pandas()
        # A validation run is short and makes few reference cycles, but thousands of models
        # and tables: the cycle collector's passes over them cost a tenth of its CPU time,
        # and turning it off did not raise the memory peak (2,000 datasets; 1,000,000 rows).
        gc.disable()
    code = main()
    # Python's exit collects every object once more, even with the collector off: ~80 ms of
    # a one-dataset `--changed-since` and ~0.19 s of a build at 2,000 datasets (measured).
    # Frozen, they are left to the operating system. Exit handlers still run and the output
    # is flushed as before; every file was written (atomically) before this point.
    gc.freeze()
    sys.exit(code)


def _without_pandas() -> None:
    """pyarrow imports pandas the first time it converts Python values, only to ask whether
    they are pandas objects — a third of a one-dataset check's start-up. Validation never
    uses pandas, so its command-line run tells pyarrow there is none. (Not for `build`: a
    MkDocs plugin a city adds may want pandas.)"""
    if "pandas" not in sys.modules:
        sys.meta_path.insert(0, _NoPandas())


class _NoPandas:
    """Import finder under which `import pandas` fails as if it were not installed."""

    def find_spec(self, name: str, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
