"""The language in use: Indonesian unless English is asked for."""

from __future__ import annotations

from satudata.util.language import language, localized


def test_indonesian_unless_english_is_asked_for(monkeypatch):
    monkeypatch.delenv("SATUDATA_LANG", raising=False)
    assert language() == "id" and localized("Galat", "Error") == "Galat"
    monkeypatch.setenv("SATUDATA_LANG", "en_US")
    assert language() == "en" and localized("Galat", "Error") == "Error"
    assert language("id") == "id"  # an explicit choice wins
    monkeypatch.setenv("SATUDATA_LANG", "fr")
    assert language() == "id"
