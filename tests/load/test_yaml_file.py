from __future__ import annotations

import pytest

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
