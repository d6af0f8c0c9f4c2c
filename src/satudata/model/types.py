"""What the engine knows about each column type (`Tipe`), one entry per type.

Like frictionless' `fields/`: the literal a cell must match, its Table Schema type, how a
contributor writes a valid value, and how a valid literal becomes a value. The structure
check, the Table Schema export, the downloads and the scaffold all read it from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from satudata.model.vocab import Tipe

# Boolean spellings accepted in data (and declared as Table Schema trueValues/falseValues).
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")


@dataclass(frozen=True)
class TypeRules:
    table_schema: str  # the Frictionless Table Schema type
    pattern: str | None  # a valid literal, for RE2 (pyarrow) and Python's re alike; None: any
    fix: tuple[str, str]  # how to write a valid value: (Bahasa Indonesia, English)
    parse: Callable[[str], object]  # a valid, non-empty literal → its value in downloads
    numeric: bool = False  # compared with min/maks and listed values as numbers


def _text(literal: str) -> str:
    return literal


def _boolean(literal: str) -> bool:
    return literal in TRUE_VALUES


TYPES: dict[Tipe, TypeRules] = {
    Tipe.TEKS: TypeRules("string", None, ("", ""), _text),
    Tipe.BILANGAN_BULAT: TypeRules(
        "integer",
        r"^[+-]?[0-9]+$",
        (
            "Tulis bilangan bulat tanpa pemisah ribuan, mis. 1250; biarkan sel "
            "kosong bila data tidak ada.",
            "Write a whole number without separators, e.g. 1250; leave the cell "
            "empty when there is no data.",
        ),
        int,
        numeric=True,
    ),
    # Frictionless also accepts NaN/Infinity; a published statistic never should, so we don't.
    Tipe.BILANGAN: TypeRules(
        "number",
        r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$",
        (
            "Tulis angka dengan titik desimal, mis. 12.5; biarkan sel kosong bila data tidak ada.",
            "Write a number with a decimal point, e.g. 12.5.",
        ),
        float,
        numeric=True,
    ),
    Tipe.BOOLEAN: TypeRules(
        "boolean",
        "^(" + "|".join(TRUE_VALUES + FALSE_VALUES) + ")$",
        ("Tulis true atau false.", "Write true or false."),
        _boolean,
    ),
    Tipe.TANGGAL: TypeRules(
        "date",
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",  # plus a real calendar day (struktur checks that)
        (
            "Tulis tanggal sebagai TTTT-BB-HH, mis. 2024-03-31 (bukan 31/03/2024).",
            "Write dates as YYYY-MM-DD, e.g. 2024-03-31.",
        ),
        _text,
    ),
    Tipe.TANGGAL_WAKTU: TypeRules(
        "datetime",
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
        r"(Z|[+-][0-9]{2}:?[0-9]{2})?$",
        (
            "Tulis waktu sebagai TTTT-BB-HHTjj:mm:dd, mis. 2024-03-31T08:00:00.",
            "Write datetimes as YYYY-MM-DDThh:mm:ss.",
        ),
        _text,
    ),
    Tipe.TAHUN: TypeRules(
        "year",
        r"^[0-9]{4}$",
        ("Tulis tahun dengan empat angka, mis. 2024.", "Write a four-digit year."),
        int,
        numeric=True,
    ),
    Tipe.TAHUN_BULAN: TypeRules(
        "yearmonth",
        r"^[0-9]{4}-(0[1-9]|1[0-2])$",
        (
            "Tulis tahun-bulan sebagai TTTT-BB, mis. 2024-03.",
            "Write year-month as YYYY-MM, e.g. 2024-03.",
        ),
        _text,
    ),
}


def parse(tipe: Tipe, literal: str) -> object:
    """The value of a cell in downloads: None when empty; the text itself when it is not a
    valid literal (published data are valid, so this only guards against surprises)."""
    if literal == "":
        return None
    try:
        return TYPES[tipe].parse(literal)
    except ValueError:
        return literal
