from __future__ import annotations

import datetime as dt
import json
import math
import pickle
from pathlib import Path

import pytest
import yaml

from conftest import REPO_ROOT
from satudata.load import yaml_file
from satudata.load.yaml_file import YamlError, load_yaml


def test_lines_are_kept_for_keys_and_list_items():
    loaded = load_yaml("a: 1\nb:\n  - x: 2\n    y: 3\n")
    assert loaded.data == {"a": 1, "b": [{"x": 2, "y": 3}]}
    assert loaded.line_of(("b", 0, "y")) == 4
    assert loaded.line_of(("b", 0, "missing")) == 3  # a missing field points at its parent


@pytest.mark.parametrize(
    "text,kind",
    [
        ("a: &x [1, 2]\nb: *x\n", "alias"),
        ("a: 1\na: 2\n", "kunci-ganda"),
        ("a: [1\n", "sintaks"),
    ],
)
def test_bad_yaml_raises_a_located_error(text, kind):
    with pytest.raises(YamlError) as info:
        load_yaml(text)
    assert info.value.kind == kind and info.value.line is not None


def test_billion_laughs_is_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    with pytest.raises(YamlError, match="alias"):
        load_yaml(bomb)


def test_oversized_yaml_is_refused():
    with pytest.raises(YamlError) as info:
        load_yaml("a: " + "x" * 1_000_001)
    assert info.value.kind == "ukuran"


def test_empty_document_is_none():
    assert load_yaml("# nothing\n").data is None


# --- the fast reader against PyYAML -------------------------------------------------------
# `load_yaml` makes the data of the composed nodes itself (PyYAML's generic constructor was
# the larger part of loading a big repository). It must give exactly what PyYAML gives:
# the same values of the same types, in the same key order.


def _spellings(text: str) -> list[str]:
    return text.split()


SCALARS = [
    # booleans, every YAML 1.1 spelling PyYAML knows, and look-alikes that stay text
    *_spellings("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF"),
    *_spellings("y Y n N yEs tRUE oN"),
    # nulls and look-alikes
    *_spellings("~ null Null NULL nUll none None"),
    "",
    # ints: signs, octal, hex, binary, underscores, sexagesimal, and some that stay text
    *_spellings("0 -0 +0 7 -12 +12 012 0o17 09 0x1F -0x1f 0b101 1_000 0_ 190:20:30 -1:30"),
    "123456789012345678901234567890",
    "0x" + "f" * 40,
    # floats: exponents, .inf and .nan in their spellings, sexagesimal, text look-alikes
    *_spellings("1.5 -1.5 +1.5 1. .5 -.5 1e3 1.0e+3 1.0e3 6.8523015e+5 685.230_15e+03 1_000.5"),
    *_spellings("190:20:30.15 .inf -.Inf +.INF .nan .NaN .NAN inf nan 0.1e-5 -0.0"),
    # dates and timestamps
    *_spellings("2001-12-14 2002-1-2 2001-12-14t21:59:43.10-05:00 2001-12-15T02:59:43.1Z"),
    "2001-12-14 21:59:43.10 -5",
    "2001-12-14 21:59:43.1234567",
    "2001-12-14 21:59:43 +05:30",
    "2001-12-14T21:59:43",
    # quoted and plain text, unicode
    '"yes"',
    "'123'",
    '"2024-01-31"',
    '"~"',
    "'it''s'",
    '"tab\\there \\u00e9 \\U0001F389"',
    "Jalan Ê, 日本語, 🎉",
    "a: b",
    "'a: b'",
    "x # not a comment?",
    "- dash inside",
    "<<",
    "'<<'",
    "=",
    # explicit tags on scalars
    "!!str 123",
    "!!str yes",
    '!!int "12"',
    "!!float 1",
    "!!bool yes",
    '!!null ""',
    "! 123",
    "!!timestamp 2024-01-31",
    "!!binary aGVsbG8=",
]

# Deeper than the fast path goes: PyYAML's constructor (which does not recurse) makes them.
DEEPER = (
    "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x\n",
    "[" * 300 + "]" * 300 + "\n",
)

DOCUMENTS = [
    "",
    "# only a comment\n",
    "---\n",
    "--- \n...\n",
    "null\n",
    "--- plain text root\n",
    "- a\n- 1\n- [b, {c: d}]\n",
    "{}\n",
    "[]\n",
    "a: {}\nb: []\nc:\nd: ~\n",
    "a:\n  b:\n    c:\n      - d\n      - e: [1, 2, {f: g}]\n",
    "literal: |\n  line one\n  line two\n\nfolded: >\n  one\n  two\n\n  three\n",
    "strip: |-\n  text\n\nkeep: >+\n  text\n\n\nindent: |2\n    indented\n",
    "flow: {a: 1, b: [x, y], 'c d': \"e\"}\n",
    "1: one\n2.5: two\nfalse: three\n~: four\n2024-01-31: five\n",
    "null: a\nNo: b\n0x10: c\n",
    "nested:\n  - - - deep\n  - - - 1\n",
    "multi: word values\nwith: 'quotes'\nand: \"more\"\n",
    "list of maps:\n  - nama: a\n    tipe: teks\n  - nama: b\n    tipe: bilangan\n",
    # merge keys, with a map and with a list of maps (no aliases: those are refused)
    "base: 1\nitem:\n  <<: {x: 1, y: 2}\n  y: 3\n",
    "item:\n  <<: [{a: 1}, {a: 2, b: 2}]\n  c: 3\n",
    # two spellings of one key: PyYAML keeps the last value under the first key
    "yes: 1\ntrue: 2\n",
    "1: a\n1.0: b\n",
    "1: a\ntrue: b\n",
    # collections PyYAML's safe loader knows by tag
    "s: !!set {a, b}\n",
    "o: !!omap [a: 1, b: 2]\n",
    "p: !!pairs [a: 1, a: 2]\n",
    "m: !!map {a: 1}\n",
    "q: !!seq [a]\n",
    "? !!str 1\n: a\n",
    *DEEPER,
]


def _documents() -> list[str]:
    texts = list(DOCUMENTS)
    for scalar in SCALARS:
        texts += [f"v: {scalar}\n", f"- {scalar}\n"]
        if scalar and not scalar.startswith(("!", "- ", "<<", "=")) and ": " not in scalar:
            texts += [f"{scalar}: key\n", f"[{scalar}]\n"] if "#" not in scalar else []
    return texts


def _same(left, right) -> bool:
    """Equal, of the same types all the way down, dict keys in the same order; NaN equals
    NaN, 0.0 differs from -0.0, and timestamps keep their time zone."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return len(left) == len(right) and all(
            _same(a, b) and _same(left[a], right[b]) for a, b in zip(left, right, strict=True)
        )
    if isinstance(left, list | tuple):
        return len(left) == len(right) and all(map(_same, left, right))
    if isinstance(left, float):
        both_nan = math.isnan(left) and math.isnan(right)
        return (left == right or both_nan) and math.copysign(1, left) == math.copysign(1, right)
    if isinstance(left, dt.date):
        return repr(left) == repr(right)
    return left == right


def _pyyaml(text: str):
    try:
        return "data", yaml.load(text, Loader=yaml.CSafeLoader)
    except Exception as exc:  # any failure is compared below
        return "error", type(exc)


def _ours(text: str):
    try:
        return "data", load_yaml(text).data
    except YamlError as exc:
        return "error", (exc.message, exc.line, exc.kind)


@pytest.mark.parametrize("text", _documents())
def test_same_data_as_pyyaml(text):
    expected, ours = _pyyaml(text), _ours(text)
    assert expected[0] == ours[0], (expected, ours)
    if ours[0] == "data":
        assert _same(ours[1], expected[1]), (ours, expected)
    else:  # a failure keeps the message, line and kind of PyYAML's own constructor
        with pytest.raises(YamlError) as info:
            yaml_file._load_with_pyyaml(text)
        assert ours[1] == (info.value.message, info.value.line, info.value.kind)


def test_plain_metadata_does_not_need_pyyaml_constructor(monkeypatch):
    """The common spellings are made by the fast path, so the comparison above compares it."""

    def refuse(text):
        raise AssertionError(f"handed to PyYAML: {text[:200]!r}")

    monkeypatch.setattr(yaml_file, "_load_with_pyyaml", refuse)
    rare = ("!!binary", "!!set", "!!omap", "!!pairs", "<<", "=", "yes: 1", "1: a")
    for text in _documents():
        if _pyyaml(text)[0] == "data" and not any(r in text for r in rare) and text not in DEEPER:
            load_yaml(text)


def _metadata_files() -> list[Path]:
    files = sorted((REPO_ROOT / "metadata").rglob("*.yaml"))
    files += sorted((REPO_ROOT / "src").rglob("*.yaml")) + sorted(
        (REPO_ROOT / "tests").rglob("*.yaml")
    )
    return files


def test_every_yaml_file_of_the_project_reads_as_pyyaml_reads_it():
    files = _metadata_files()
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        assert _same(load_yaml(text).data, yaml.load(text, Loader=yaml.CSafeLoader)), path


@pytest.mark.parametrize("text", _documents() + [p.read_text("utf-8") for p in _metadata_files()])
def test_json_safe_data_survives_a_json_round_trip(text):
    try:
        loaded = load_yaml(text)
    except YamlError:
        return
    if loaded.json_safe:
        assert _same(json.loads(json.dumps(loaded.data, ensure_ascii=False)), loaded.data)


def test_json_safe_is_only_claimed_for_plain_data():
    assert load_yaml("a: [1, 1.5, true, null, x]\n").json_safe
    for text in ("a: 2024-01-31\n", "1: a\n", "a: .inf\n", "a: .nan\n", f"a: {2**70}\n"):
        assert not load_yaml(text).json_safe, text


# Each message, line and kind as the reader gave them before it had a fast path.
ERRORS = [
    ("a: 1\nb:\n  c: 2\n  c: 3\n", ("kunci 'c' ditulis dua kali", 4, "kunci-ganda")),
    # the text of a key is compared, as before: `1` and "1" are one key written twice
    ('1: a\n"1": b\n', ("kunci '1' ditulis dua kali", 2, "kunci-ganda")),
    ("a: &x 1\nb: *x\n", ("anchor/alias YAML (&, *) tidak diizinkan dalam metadata", 1, "alias")),
    (
        "# & *\n" + "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "x\n",
        ("struktur YAML terlalu dalam", 53, "ukuran"),
    ),
    (
        "a: 2024-02-30\n",
        ("nilai tidak dapat dibaca: day is out of range for month", None, "sintaks"),
    ),
    ("a: [1\n", ("while parsing a flow sequence; did not find expected ',' or ']'", 2, "sintaks")),
    (
        "a: 1\n--- \nb: 2\n",
        ("expected a single document in the stream; but found another document", 2, "sintaks"),
    ),
    (
        "a: !!int x\n",
        ("nilai tidak dapat dibaca: invalid literal for int() with base 10: 'x'", None, "sintaks"),
    ),
    ("a: !ganjil x\n", ("could not determine a constructor for the tag '!ganjil'", 1, "sintaks")),
    (
        "a: =\n",
        ("could not determine a constructor for the tag 'tag:yaml.org,2002:value'", 1, "sintaks"),
    ),
    ("? {a: 1}\n: b\n", ("nilai tidak dapat dibaca: unhashable type: 'list'", None, "sintaks")),
    # with two problems, the one PyYAML's constructor meets first: a nested map is made after
    # the values of its parent
    (
        "b: 1\na: {b: 1, b: 2}\nc: 2024-02-30\n",
        ("nilai tidak dapat dibaca: day is out of range for month", None, "sintaks"),
    ),
    (
        "x:\n  y:\n    z: 2024-02-31\nw: {q: 1, q: 2}\n",
        ("kunci 'q' ditulis dua kali", 4, "kunci-ganda"),
    ),
]


@pytest.mark.parametrize("text,expected", ERRORS)
def test_errors_keep_their_message_line_and_kind(text, expected):
    with pytest.raises(YamlError) as info:
        load_yaml(text)
    assert (info.value.message, info.value.line, info.value.kind) == expected


@pytest.mark.parametrize(
    "text", ["a: [1, 1.5, true, null, x]\nb: {c: ''}\n", "a: 2024-01-31\n", ""]
)
def test_a_worker_sends_the_same_data_back(text):
    """Pickled (as a worker's result is), JSON-safe data travels as JSON text; it unpickles to
    the same data, types included, and keeps that text for the cache file."""
    loaded = load_yaml(text)
    back = pickle.loads(pickle.dumps(loaded))
    assert _same(back.data, loaded.data) and back.text == loaded.text
    assert back.json_safe == loaded.json_safe
    if loaded.json_safe:
        assert back.json_text is not None and _same(json.loads(back.json_text), loaded.data)
    else:
        assert back.json_text is None


@pytest.mark.parametrize("text", ["a: !!bool foo\n", "a: !!timestamp x\n"])
def test_a_tag_its_value_does_not_fit_is_a_yaml_error_not_a_traceback(text):
    with pytest.raises(YamlError, match="nilai bertag YAML"):
        load_yaml(text)
