"""Documentation of every finding code, generated from the registry (never written by hand)."""

from __future__ import annotations

from satudata.findings import FAMILIES, FAMILY_TITLES_IN_ENGLISH, REGISTRY, Code

_SEVERITY = {
    "id": {"error": "galat (menghalangi penggabungan)", "warning": "peringatan", "info": "info"},
    "en": {"error": "error (blocks merging)", "warning": "warning", "info": "info"},
}
_HEAD = {
    "id": [
        "# Arti pesan validasi",
        "",
        "Halaman ini dihasilkan dari daftar kode temuan di `src/satudata/findings/codes.py` "
        "(`satudata kode`); jangan diubah dengan tangan.",
        "",
    ],
    "en": [
        "# What the validation messages mean",
        "",
        "This page is generated from the finding codes in `src/satudata/findings/codes.py` "
        "(`satudata --lang en kode`); do not edit it by hand.",
        "",
    ],
}
_MESSAGE = {"id": ("Pesan", "Cara memperbaiki"), "en": ("Message", "How to fix")}


def codes_markdown(lang: str = "id") -> str:
    lines = list(_HEAD[lang])
    for family, title in FAMILIES.items():
        if not any(c.family == family for c in REGISTRY.values()):
            continue
        shown = FAMILY_TITLES_IN_ENGLISH[family] if lang == "en" else title
        lines += [f"## {shown}", ""]
        for code in sorted(
            (c for c in REGISTRY.values() if c.family == family), key=lambda c: c.code
        ):
            lines += _entry(code, lang)
    return "\n".join(lines)


def _entry(code: Code, lang: str) -> list[str]:
    message, fix = code.templates(lang)
    message_label, fix_label = _MESSAGE[lang]
    title = code.title if lang == "en" else code.judul
    return [
        f"### `{code.code}`",
        "",
        f"**{title}** — {_SEVERITY[lang][code.severity.value]}.",
        "",
        f"{message_label}: {_example(message)}",
        "",
        f"{fix_label}: {_example(fix)}",
        "",
    ]


def _example(template: str) -> str:
    """Show placeholders as ‹name› so the reader sees what is filled in."""
    import re

    return re.sub(r"\{(\w+)\}", lambda m: f"‹{m.group(1)}›", template)
