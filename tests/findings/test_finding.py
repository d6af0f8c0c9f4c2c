from __future__ import annotations

import pytest

from satudata.findings import FAMILIES, REGISTRY, Code, Finding, Severity, register


def _code(**changes) -> Code:
    fields = {
        "code": "uji-kode",
        "family": "struktur",
        "severity": Severity.ERROR,
        "judul": "Uji",
        "title": "Test",
        "pesan": "Nilai {nilai} di kolom {kolom}.",
        "message": "Value {nilai} in column {kolom}.",
        "saran": "Perbaiki.",
        "hint": "Fix it.",
        "params": ("nilai", "kolom"),
    }
    return Code(**{**fields, **changes})


def test_a_template_may_use_only_declared_params():
    with pytest.raises(ValueError, match="undeclared params"):
        _code(params=("nilai",))
    with pytest.raises(ValueError, match="undeclared params"):
        _code(hint="Write {value}.")


def test_every_registered_code_declares_exactly_what_its_templates_use():
    for code in REGISTRY.values():
        used = code.placeholders("id") | code.placeholders("en")
        assert set(code.params) == used, code.code
        assert code.family in FAMILIES, code.code


def test_missing_params_are_named_instead_of_printing_question_marks():
    code = _code()
    assert code.missing({"nilai": 1}) == {"kolom"}
    assert code.text("en", {"nilai": 1, "kolom": "x"})[0] == "Value 1 in column x."


def test_register_refuses_unknown_families_and_duplicates():
    with pytest.raises(ValueError, match="unknown family"):
        register(_code(family="lain-lain"))
    with pytest.raises(ValueError, match="duplicate"):
        register(_code(code="csv-rusak"))
    with pytest.raises(KeyError):
        Finding("tidak-terdaftar")
