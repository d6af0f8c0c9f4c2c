"""Help in the language in use: every command and option has its English, read when help is
shown (`--lang en` anywhere, or SATUDATA_LANG=en), and the Indonesian help has no English left."""

from __future__ import annotations

import re

import click
import pytest

from satudata.cli import COMMANDS, cli, main
from satudata.cli.base import HelpText, LocalizedOption

# Words of the Indonesian help that have no place in the English one.
INDONESIAN = [
    " dan ",
    " yang ",
    " untuk ",
    " atau ",
    " dengan ",
    " tidak ",
    " bila ",
    " mis. ",
    "berkas",
    "tampilkan",
    "bawaan",
    "folder repositori",
    "periksa",
    "penggunaan",
    "opsi",
    "perintah",
    "argumen",
    "teks",
    "bilangan",
    "jalur",
    "tttt",
]
# Click's English boilerplate, which the Indonesian help translates.
ENGLISH = [
    "Usage:",
    "Options:",
    "Commands:",
    "[OPTIONS]",
    "COMMAND",
    "Show this message",
    "Show the version",
    "[default:",
    "[required]",
    " TEXT",
    " INTEGER",
    " PATH",
    " FILE",
    " DIRECTORY",
    "YYYY",
]
# Metavars that read the same in both languages.
NEUTRAL_METAVARS = {
    "FOLDER",
    "[FOLDER]",
    "REF",
    "N",
    "i/N",
    "URL",
    "HOST:PORT",
    "OPD/DATASET",
    "DATASET",
    "BASE",
    "[HEAD]",
}


def _commands() -> dict[str, click.Command]:
    """Every command and subcommand of `satudata`, by its path (`referensi perbarui`)."""
    found = {}
    context = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert command is not None, name
        found[name] = command
        if isinstance(command, click.Group):
            for sub in command.list_commands(context):
                found[f"{name} {sub}"] = command.commands[sub]
    return found


COMMAND_PATHS = list(_commands())


def _indonesian_in(help_text: str) -> list[str]:
    """The Indonesian words of a help text, leaving out option names (`--periksa`) and
    choices (`[nol|kosong]`), which are the same in both languages."""
    prose = re.sub(r"--[\w-]+|\[[^\]]*\|[^\]]*\]", "", help_text).lower()
    return [word for word in INDONESIAN if word in prose]


def _in(lang: str, monkeypatch, read):
    monkeypatch.setenv("SATUDATA_LANG", lang)
    return read()


@pytest.mark.parametrize("path", COMMAND_PATHS)
def test_english_help_has_no_indonesian_left(path, capsys):
    assert main(["--lang", "en", *path.split(), "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Usage: satudata")
    assert _indonesian_in(out) == [], out


@pytest.mark.parametrize("path", COMMAND_PATHS)
def test_indonesian_help_has_no_english_left(path, capsys):
    assert main([*path.split(), "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Penggunaan: satudata")
    assert [w for w in ENGLISH if w in out] == [], out


@pytest.mark.parametrize("path", COMMAND_PATHS)
def test_every_command_and_option_has_its_english(path, monkeypatch):
    """Fails for a command or option added with Indonesian help only (a plain str)."""
    command = _commands()[path]
    context = click.Context(command, info_name=path)

    def texts():
        helps = {p.name: p.help for p in command.params if isinstance(p, click.Option)}
        metavars = {
            p.name: p.make_metavar(context)
            for p in command.params
            if not getattr(p, "is_flag", False)
        }
        return command.help, helps, metavars

    (id_help, id_options, id_metavars), (en_help, en_options, en_metavars) = (
        _in("id", monkeypatch, texts),
        _in("en", monkeypatch, texts),
    )
    assert id_help and en_help and id_help != en_help, path
    for name, help in id_options.items():
        assert help is None or help != en_options[name], f"{path} --{name}: no English help"
    for name, metavar in id_metavars.items():
        neutral = metavar in NEUTRAL_METAVARS or "|" in metavar
        assert neutral or metavar != en_metavars[name], f"{path} {name}: metavar {metavar!r}"


def test_the_group_itself_speaks_both_languages(capsys):
    assert main(["--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Usage: satudata [OPTIONS] COMMAND [ARGS]..." in out and "Commands:" in out
    assert _indonesian_in(out) == [], out
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Penggunaan: satudata [OPSI] PERINTAH [ARGUMEN]..." in out
    assert [w for w in ENGLISH if w in out] == [], out


def test_help_follows_the_language_of_each_run(capsys):
    """One command object serves both languages: help is worded when shown, not at import."""
    assert main(["build", "--help"]) == 0
    assert "Folder repositori Satu Data." in capsys.readouterr().out
    assert main(["--lang", "en", "build", "--help"]) == 0
    assert "Folder of the Satu Data repository." in capsys.readouterr().out
    assert main(["build", "--help"]) == 0
    assert "Folder repositori Satu Data." in capsys.readouterr().out


def test_satudata_lang_environment_gives_english_help(monkeypatch, capsys):
    monkeypatch.setenv("SATUDATA_LANG", "en")
    assert main(["build", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Validate, then build the public data catalog site" in out and "[default: .]" in out


def test_a_run_leaves_the_language_as_it_found_it(monkeypatch, capsys):
    monkeypatch.setenv("SATUDATA_LANG", "id")
    main(["--lang", "en", "kode", "--help"])
    capsys.readouterr()
    assert main(["impor"]) == 2
    assert "Argumen belum diberikan 'BERKAS'" in capsys.readouterr().err


def test_usage_errors_name_arguments_in_the_language_in_use(capsys):
    assert main(["--lang", "en", "impor"]) == 2
    assert "Missing argument 'FILE'" in capsys.readouterr().err


def test_option_metavar_from_its_type_in_both_languages(monkeypatch):
    option = LocalizedOption(["--judul"], help=HelpText("Judul.", "Title."))
    context = click.Context(click.Command("x"))
    assert _in("id", monkeypatch, lambda: option.make_metavar(context)) == "TEKS"
    assert _in("en", monkeypatch, lambda: option.make_metavar(context)) == "TEXT"
    assert _in("en", monkeypatch, lambda: option.get_help_record(context)) == (
        "--judul TEXT",
        "Title.",
    )
