from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from satudata.model import Tipe
from satudata.model.types import FALSE_VALUES, TRUE_VALUES, TYPES, parse


def test_every_tipe_has_rules_and_its_own_table_schema_type():
    assert set(TYPES) == set(Tipe)
    assert sorted(r.table_schema for r in TYPES.values()) == sorted(
        ["string", "integer", "number", "boolean", "date", "datetime", "year", "yearmonth"]
    )


@pytest.mark.parametrize("tipe", [t for t in Tipe if t is not Tipe.TEKS])
def test_patterns_agree_in_python_and_pyarrow_and_fix_texts_exist(tipe):
    rules = TYPES[tipe]
    assert rules.pattern is not None and all(rules.fix)
    samples = ["2024", "2024-03", "2024-03-31", "2024-03-31T08:00:00", "1.5", "-3", "true", "x"]
    python = [bool(re.search(rules.pattern, s)) for s in samples]
    arrow = pc.match_substring_regex(pa.array(samples), rules.pattern).to_pylist()
    assert python == arrow and any(python)


@pytest.mark.parametrize(
    "tipe,literal,value",
    [
        (Tipe.BILANGAN_BULAT, "12", 12),
        (Tipe.TAHUN, "2024", 2024),
        (Tipe.BILANGAN, "1.5", 1.5),
        (Tipe.BOOLEAN, "TRUE", True),
        (Tipe.BOOLEAN, "0", False),
        (Tipe.TANGGAL, "2024-03-31", "2024-03-31"),
        (Tipe.TEKS, "Medan", "Medan"),
        (Tipe.BILANGAN_BULAT, "", None),
        (Tipe.BILANGAN_BULAT, "1e3", "1e3"),  # not a valid literal: kept as text
    ],
)
def test_parse(tipe, literal, value):
    assert parse(tipe, literal) == value
    assert type(parse(tipe, literal)) is type(value)


def test_boolean_spellings_are_exactly_the_pattern():
    pattern = TYPES[Tipe.BOOLEAN].pattern or ""
    for spelling in TRUE_VALUES + FALSE_VALUES:
        assert re.fullmatch(pattern, spelling)
    assert not re.fullmatch(pattern, "ya")
