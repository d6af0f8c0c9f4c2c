"""Numbers as a reader expects them: Indonesian `8.784` and `12,5`, English `8,784` and `12.5`."""

from __future__ import annotations


def number(value: float, lang: str = "id", decimals: int = 2) -> str:
    """An integer-valued number without decimals, any other with `decimals` places."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.translate(str.maketrans(",.", ".,"))
