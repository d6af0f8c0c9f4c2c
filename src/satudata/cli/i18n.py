"""Click's own messages (usage errors, help boilerplate) in Bahasa Indonesia.

Click marks its texts for gettext but ships no Indonesian catalogue, and installing a global
gettext catalogue would also change every other library's messages. So the commands swap the
`_`/`ngettext` names in Click's modules for a lookup in this table; `--lang en` leaves Click as
it is.
"""

from __future__ import annotations

import importlib
from gettext import gettext as english
from gettext import ngettext as english_plural

from satudata.util.language import language

CLICK_MODULES = ("core", "exceptions", "parser", "types", "formatting", "decorators", "termui")

MESSAGES = {
    "Aborted!": "Dibatalkan.",
    "Commands": "Perintah",
    "Options": "Opsi",
    "Usage:": "Penggunaan:",
    "Missing command.": "Perintah belum disebutkan.",
    "Error: {message}": "Galat: {message}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Missing argument": "Argumen belum diberikan",
    "Missing option": "Opsi belum diberikan",
    "Missing parameter": "Parameter belum diberikan",
    "Missing parameter: {param_name}": "Parameter belum diberikan: {param_name}",
    "Missing {param_type}": "{param_type} belum diberikan",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "unknown error": "galat tak dikenal",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} menerima {nargs} nilai.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Confirm the action without prompting.": "Setujui tindakan tanpa bertanya.",
    "Do you want to continue?": "Lanjutkan?",
    "Press any key to continue...": "Tekan tombol apa saja untuk melanjutkan...",
    "Repeat for confirmation": "Ulangi untuk konfirmasi",
    "Error: The two entered values do not match.": "Galat: kedua nilai yang dimasukkan berbeda.",
    "Error: invalid input": "Galat: masukan tidak sah",
    "default: {default}": "bawaan: {default}",
    "required": "wajib",
    "env var: {var}": "variabel lingkungan: {var}",
    "deprecated": "usang",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "directory": "folder",
    "file": "berkas",
    "path": "jalur",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} bukan nilai ya/tidak yang sah. Nilai yang dikenali: {states}"
    ),
}

PLURALS = {
    "Got unexpected extra argument ({args})": "Ada argumen berlebih ({args})",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} tidak sesuai format {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} tidak sesuai format {formats}.",
}


def indonesian(message: str) -> str:
    return MESSAGES.get(message, english(message))


def indonesian_plural(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return PLURALS.get(chosen, english_plural(singular, plural, n))


def use_language(lang: str) -> None:
    """Make Click speak `lang` ("id" or "en") from now on."""
    single, plural = (english, english_plural) if lang == "en" else (indonesian, indonesian_plural)
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = single  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = plural  # type: ignore[attr-defined]


def translated(message: str) -> str:
    """One of Click's messages in the language in use (for texts the engine raises itself)."""
    return english(message) if language() == "en" else indonesian(message)


def translated_plural(singular: str, plural: str, n: int) -> str:
    if language() == "en":
        return english_plural(singular, plural, n)
    return indonesian_plural(singular, plural, n)
