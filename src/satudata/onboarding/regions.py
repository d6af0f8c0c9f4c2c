"""Region columns recognised by their values, whatever their header, against the national
Kemendagri table shipped in the package (`satudata/reference/wilayah-indonesia.csv`).

Codes are accepted in every common form (`32.04.05`, `32. 04. 05`, `320405`, `32.0`); names in
upper or title case, with or without `KAB.`/`KECAMATAN` prefixes. A region outside the
repository's `kode_wilayah` stops the import, naming the region found."""

from __future__ import annotations

import contextlib
import difflib
import functools
import marshal
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from satudata.reference import NATIONAL_TABLE
from satudata.util.fs import write_atomic

LEVELS = ("provinsi", "kabupaten_kota", "kecamatan", "kelurahan_desa")
_DEPTH = {level: i for i, level in enumerate(LEVELS)}
_DOTTED = re.compile(r"^\d{2}(\.\d{2}){0,2}(\.\d{4})?$")
_COMPACT_LENGTHS = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}
_HINT = re.compile(r"(?i)(kode|kd|wil|prov|kab|kota|kec|kel|desa|daerah|region|kemendagri)")
_BPS = re.compile(r"(?i)\bbps\b|^bps_|_bps_")
_KAB_PREFIX = re.compile(r"^(kabupaten|kab)\s*")
_CITY_PREFIX = re.compile(r"^(kota administrasi|kota adm|kota)\s*")
_PREFIX = re.compile(r"^(provinsi|prov|kecamatan|kec|kelurahan|kel|desa|ds)\s+")


@dataclass(frozen=True)
class Region:
    kode: str
    nama: str
    tingkat: str


@dataclass
class Table:
    names: dict[str, str]  # kode → nama
    levels: dict[str, str]  # kode → tingkat
    by_name: dict[str, list[str]]  # "tingkat|key" → codes (flat keys: cached as they are)

    def named(self, level: str, key: str) -> list[str]:
        return self.by_name.get(f"{level}|{key}", [])

    def region(self, code: str) -> Region | None:
        name = self.names.get(code)
        return Region(code, name, self.levels[code]) if name is not None else None


@functools.cache
def national() -> Table:
    """The national table, read once per process: from the user's cache when it is there
    (marshal, no code runs on load), else built from the CSV and cached."""
    source = NATIONAL_TABLE
    cache = _cache_path(source)
    if cache is not None and cache.exists():
        try:
            names, levels, by_name = marshal.loads(cache.read_bytes())
            return Table(names, levels, by_name)
        except (OSError, ValueError, EOFError, TypeError):
            pass  # a damaged cache is rebuilt
    table = _build(source)
    if cache is not None:
        with contextlib.suppress(OSError):
            write_atomic(cache, marshal.dumps((table.names, table.levels, table.by_name)))
    return table


def _cache_path(source: Path) -> Path | None:
    """A file named after the table's size and the Python version (marshal's format)."""
    try:
        size = source.stat().st_size
    except OSError:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "satudata"
    return base / f"wilayah-{size}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _build(source: Path) -> Table:
    """pyarrow reads and normalises the 91,599 names in vectorised passes (a csv.DictReader
    loop with name_key per row took seconds)."""
    import pyarrow.compute as pc
    from pyarrow import csv as pa_csv

    with source.open("rb") as handle:
        table = pa_csv.read_csv(
            handle, convert_options=pa_csv.ConvertOptions(column_types={"kode": "string"})
        )
    # name_key, vectorised: the table spells names without prefix words, except the
    # "Kabupaten"/"Kota" that name_key keeps for kabupaten/kota.
    lower = pc.utf8_lower(pc.utf8_normalize(table["nama"], form="NFKD"))
    keys = pc.replace_substring_regex(lower, r"[^a-z0-9]", "")
    # 'Desa Baru' is also found as 'Baru' (name_key drops prefix words)
    bare = pc.replace_substring_regex(
        pc.replace_substring_regex(
            lower, r"^(desa|kelurahan|kecamatan)\s+|(?:^(kota|kabupaten))\s+administrasi", r"\2"
        ),
        r"[^a-z0-9]",
        "",
    )
    codes, levels = table["kode"].to_pylist(), table["tingkat"].to_pylist()
    by_name: dict[str, list[str]] = defaultdict(list)
    for code, level, key, short in zip(
        codes, levels, keys.to_pylist(), bare.to_pylist(), strict=True
    ):
        by_name[f"{level}|{key}"].append(code)
        if short != key:
            by_name[f"{level}|{short}"].append(code)
    names = dict(zip(codes, table["nama"].to_pylist(), strict=True))
    return Table(names, dict(zip(codes, levels, strict=True)), dict(by_name))


def name_key(text: str, level: str | None = None) -> str:
    """Spelling-insensitive key: ASCII, lower case, no prefix words, no spaces or punctuation
    ('KAB. BANDUNG' → 'kabupatenbandung', 'KECAMATAN CICALENGKA' → 'cicalengka')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text).strip()
    if level in (None, "kabupaten_kota"):
        if _KAB_PREFIX.match(words) and not words.startswith("kabupaten "):
            words = _KAB_PREFIX.sub("kabupaten ", words, count=1)
        if _CITY_PREFIX.match(words):
            words = _CITY_PREFIX.sub("kota ", words, count=1)
    if level != "kabupaten_kota":
        words = _PREFIX.sub("", words, count=1)
    return words.replace(" ", "")


def code_of(value: object) -> str | None:
    """The Kemendagri code written in `value`, in dotted form, if it exists in the table."""
    text = str(value).strip().replace(" ", "")
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]  # a code stored as a float
    if text.isdigit() and len(text) in _COMPACT_LENGTHS:
        pieces, start = [], 0
        for width in _COMPACT_LENGTHS[len(text)]:
            pieces.append(text[start : start + width])
            start += width
        text = ".".join(pieces)
    if not _DOTTED.match(text):
        return None
    return text if text in national().names else None


def level_of(code: str) -> str:
    return national().levels[code]


def describe(code: str) -> str:
    region = national().region(code)
    return f"{region.nama} ({code})" if region else code


def within(code: str, scope: str) -> bool:
    """In the repository's region, or one of its parents (a province column in a city's data)."""
    return code == scope or code.startswith(scope + ".") or scope.startswith(code + ".")


@dataclass
class RegionColumn:
    index: int  # position in the table's columns
    level: str
    kind: str  # kode | nama
    codes: list[str | None] = field(default_factory=list)  # per data row


def code_column_level(header: str, values: Sequence[object]) -> str | None:
    """The level of a column of Kemendagri codes, judged by its values; BPS columns are not."""
    if _BPS.search(header):
        return None
    texts = {str(v).strip() for v in values if v is not None}
    if not texts:
        return None
    digits_only = all(t.replace(".0", "").isdigit() for t in texts)
    if digits_only and not _HINT.search(header):
        return None  # plain numbers (counts) could look like codes by accident
    codes = [code_of(t) for t in texts]
    if sum(c is not None for c in codes) < 0.9 * len(texts):
        return None
    levels = Counter(level_of(c) for c in codes if c)
    level, count = levels.most_common(1)[0]
    return level if count == sum(levels.values()) else None


def name_column_level(header: str, values: Sequence[object]) -> str | None:
    """The level whose names make up (nearly) all distinct values of a text column."""
    texts = {str(v).strip() for v in values if isinstance(v, str)}
    if not texts or any(t.replace(".", "").isdigit() for t in texts):
        return None
    table = national().by_name
    best: tuple[float, int, str] | None = None
    for level in LEVELS:
        found = sum(f"{level}|{name_key(t, level)}" in table for t in texts)
        share = found / len(texts)
        # A region name column (2 distinct values or more) must read as one level; single
        # values only for provinces and kabupaten/kota, whose names cannot be categories.
        if share >= 0.8 and (len(texts) >= 3 or _HINT.search(header) or _DEPTH[level] <= 1):
            hinted = _header_level(header) == level
            candidate = (share, int(hinted), level)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return best[2] if best else header_names_level(header)


_LEVEL_HEADER = re.compile(
    r"^((kemendagri|bps)_)?(nama_?)?(?P<w>kecamatan|kec|kelurahan|kel|desa|kelurahan_desa|"
    r"desa_kelurahan|kabupaten|kab|kota|kabupaten_kota|kab_kota|kota_kab|provinsi|prov)$"
)


def header_names_level(header: str) -> str | None:
    """The level a header names outright ('Kecamatan', 'nama_desa', 'namakec'): such a column
    is a region column even when its spellings do not match, so they get listed."""
    match = _LEVEL_HEADER.match(header)
    return _header_level(match["w"]) if match else None


def _header_level(header: str) -> str | None:
    h = header.lower()
    for words, level in (
        (("desa", "kel", "kd"), "kelurahan_desa"),
        (("kec",), "kecamatan"),
        (("kab", "kota"), "kabupaten_kota"),
        (("prov",), "provinsi"),
    ):
        if any(w in h for w in words):
            return level
    return None


def resolve_name(name: str, level: str, parent: str | None) -> list[str]:
    """Codes at `level` spelled `name`, inside `parent` when known."""
    codes = national().named(level, name_key(name, level))
    if level == "kabupaten_kota" and not codes:
        key = name_key(name, level)
        codes = [
            *national().named(level, "kabupaten" + key),
            *national().named(level, "kota" + key),
        ]
    if parent:
        codes = [c for c in codes if c.startswith(parent + ".")]
    return codes


def same_place(name: str, code: str) -> bool:
    """A name agrees with a code when their keys are equal or nearly so (sources spell
    'Bojongsoang' and 'Bojong Soang'); a different place fails."""
    region = national().region(code)
    if region is None:
        return False
    written, official = name_key(name, region.tingkat), name_key(region.nama, region.tingkat)
    shorter = min(len(written), len(official))
    if shorter >= 5 and (written.startswith(official) or official.startswith(written)):
        return True  # 'Cipayung Datar' renamed 'Cipayung'; never 'L' for 'Lengkong'
    return written == official or difflib.SequenceMatcher(None, written, official).ratio() >= 0.8
