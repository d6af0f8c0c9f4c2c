"""The language of user-facing text: Bahasa Indonesia, unless English is asked for.

Every text a person reads exists in both languages side by side where it is written
(`localized("Skema sudah mutakhir.", "Schemas are up to date.")`); the language in use picks
one. `satudata --lang en` (or SATUDATA_LANG=en) chooses English for the whole run.
"""

from __future__ import annotations

import os


def language(explicit: str | None = None) -> str:
    """`id` unless English is asked for (`--lang en` or SATUDATA_LANG=en). The system locale
    is not consulted: OPD staff often run an English Windows but read Indonesian."""
    chosen = explicit or os.environ.get("SATUDATA_LANG", "")
    return "en" if chosen.lower().startswith("en") else "id"


def localized(indonesian: str, english: str) -> str:
    """The text in the language in use."""
    return english if language() == "en" else indonesian
