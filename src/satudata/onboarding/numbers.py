"""Numbers as written in Indonesian government files, read with the locale decided per column
from evidence — never per cell, never by guessing.

`1.474` is 1474 in Indonesian writing and 1.474 in English; `12,5` is only Indonesian;
`1.13` is only English (or a portal that stored 1.130 as a number and dropped the zero). A column
is decided by the cells that only one locale can read, by thousands groups of exactly three
digits among integer counts, and by its total row; when the evidence disagrees or is missing
the import stops and asks (`--angka id|en`). Hand-written: no library decides this."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from satudata.onboarding.layout import text_of
from satudata.util.language import localized

ID, EN = "id", "en"

_PLAIN = re.compile(r"^\d+$")
_DOT_ZERO = re.compile(r"^\d+\.(0{1,2}|0{4,})$")  # 2019.0, 32.0: a float written out
_DOT_GROUPS = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")  # 1.474 · 1.170.759
_ID_DECIMAL = re.compile(r"^(\d{1,3}(\.\d{3})*|\d+),\d+$")  # 12,5 · 1.250,75
_COMMA_GROUPS = re.compile(r"^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$")  # 1,474 · 1,250.75
_EN_DECIMAL = re.compile(r"^(\d+)?\.\d+$")  # 1.13 · 50.36 · .5
_SHORT_GROUP = re.compile(r"^[1-9]\d{0,2}\.\d{1,2}$")  # 1.13 read as 1.130 with the zero lost
_SPACES = re.compile(r"(?<=\d)[\s\u00a0](?=\d{3}\b)")


@dataclass(frozen=True)
class Reading:
    """One cell under one locale: the canonical text and what was done to get it."""

    text: str
    conversion: str  # "" when the output equals the source


def _canonical(number: Decimal) -> str:
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _split_sign(text: str) -> tuple[str, str]:
    text = _SPACES.sub("", text.strip())
    if text[:1] in "+-" and len(text) > 1:
        return ("-" if text[0] == "-" else ""), text[1:]
    return "", text


def shape(value: object) -> str:
    """plain | both | id | en | bad: which locales can read this cell, and whether they agree."""
    if isinstance(value, bool):
        return "bad"
    if isinstance(value, int):
        return "plain"
    return _shape(value)


@functools.lru_cache(maxsize=1 << 16)
def _shape(value: object) -> str:
    _, body = _split_sign(text_of(value))
    if _PLAIN.match(body) or _DOT_ZERO.match(body):
        return "plain"
    if _DOT_GROUPS.match(body):
        return "both" if body.count(".") == 1 else ID
    if _COMMA_GROUPS.match(body) and "." not in body:
        return "both" if body.count(",") == 1 else EN
    if _ID_DECIMAL.match(body):
        return ID
    if _COMMA_GROUPS.match(body) or _EN_DECIMAL.match(body):
        return EN
    return "bad"


def read(value: object, locale: str | None) -> Reading | None:
    """The cell read under `locale` (None: a plain integer needs none); None if it cannot be."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Reading(str(value), "")
    source = text_of(value)
    sign, body = _split_sign(source)
    from_excel = isinstance(value, float)
    if _PLAIN.match(body) or _DOT_ZERO.match(body):
        out = sign + str(int(body.split(".")[0]))
        if out == source:
            return Reading(out, "")
        spaced = _SPACES.search(source.strip()) is not None
        return Reading(out, "spasi ribuan dihapus" if spaced else "pecahan .0 dihapus")
    if locale == ID:
        if _DOT_GROUPS.match(body):
            label = "angka Excel berisi titik ribuan" if from_excel else "titik ribuan dihapus"
            return Reading(sign + body.replace(".", ""), label)
        if _ID_DECIMAL.match(body):
            number = Decimal(body.replace(".", "").replace(",", "."))
            return Reading(sign + _canonical(number), "koma desimal menjadi titik")
        if _SHORT_GROUP.match(body):
            whole, part = body.split(".")
            return Reading(
                sign + str(int(whole + part.ljust(3, "0"))), "titik ribuan, nol akhir hilang"
            )
        return None
    if locale == EN:
        if _COMMA_GROUPS.match(body):
            return Reading(sign + _canonical(Decimal(body.replace(",", ""))), "koma ribuan dihapus")
        if _EN_DECIMAL.match(body) or (_DOT_GROUPS.match(body) and body.count(".") == 1):
            out = sign + _canonical(Decimal(body))
            return Reading(out, "" if out == source else "angka dibakukan")
    return None


@dataclass
class Evidence:
    shapes: Counter
    examples: dict[str, str]


def evidence(values: list[object]) -> Evidence:
    shapes: Counter = Counter()
    examples: dict[str, str] = {}
    for value in values:
        kind = shape(value)
        shapes[kind] += 1
        examples.setdefault(kind, text_of(value))
    return Evidence(shapes, examples)


def total_locale(values: list[object], totals: list[object]) -> str | None:
    """The one locale under which the rows add up to their total row, if exactly one does."""
    matching = []
    for locale in (ID, EN):
        parts = [read(v, locale) for v in values]
        sums = [read(t, locale) for t in totals]
        if any(p is None for p in parts) or any(s is None for s in sums) or not sums:
            continue
        added = sum(Decimal(p.text) for p in parts if p is not None)
        if all(Decimal(s.text) == added for s in sums if s is not None):
            matching.append(locale)
    return matching[0] if len(matching) == 1 else None


def decide(found: Evidence, totals_say: str | None) -> str | None:
    """The column's locale, or None when nothing in it needs one. Raises AmbiguousColumn."""
    s = found.shapes
    if not (s[ID] or s[EN] or s["both"]):
        return None
    if totals_say is not None:
        return totals_say
    if s[ID] and s[EN]:
        raise AmbiguousColumn(found)
    if s[ID]:
        return ID
    if s[EN] and s["both"]:
        raise AmbiguousColumn(found)  # 1.474 beside 1.13: thousands, or decimals?
    if s[EN]:
        return EN
    if s["plain"]:
        return ID  # 1.474 beside 686: exactly-three-digit groups among integer counts
    raise AmbiguousColumn(found)


class AmbiguousColumn(Exception):
    def __init__(self, found: Evidence):
        super().__init__("ambiguous")
        self.found = found


def question(column: str, found: Evidence) -> str:
    e = found.examples
    seen = ", ".join(f"'{e[k]}'" for k in ("both", "plain", EN, ID) if k in e)
    return localized(
        f"angka di kolom '{column}' tidak dapat dibaca dengan pasti (mis. {seen}): titik bisa "
        "pemisah ribuan (1.474 = seribu empat ratus tujuh puluh empat) atau desimal (1.474 = satu "
        "koma empat tujuh empat). Periksa sumbernya, lalu jawab dengan --angka id (titik = ribuan, "
        "koma = desimal) atau --angka en (titik = desimal)",
        f"the numbers in column '{column}' cannot be read with certainty (e.g. {seen}): a dot "
        "may separate thousands (1.474 = one thousand four hundred seventy-four) or decimals "
        "(1.474 = one point four seven four). Check the source, then answer with --angka id "
        "(dot = thousands, comma = decimals) or --angka en (dot = decimals)",
    )
