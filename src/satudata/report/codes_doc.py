"""Documentation of every finding code, generated from the registry (never written by hand)."""

from __future__ import annotations

from satudata.findings import FAMILIES, REGISTRY

_SEVERITY = {"error": "galat (menghalangi penggabungan)", "warning": "peringatan", "info": "info"}


def codes_markdown() -> str:
    lines = [
        "# Arti pesan validasi",
        "",
        "Halaman ini dihasilkan dari daftar kode temuan di `src/satudata/findings/codes.py` "
        "(`satudata kode`); jangan diubah dengan tangan.",
        "",
    ]
    for family, title in FAMILIES.items():
        if not any(c.family == family for c in REGISTRY.values()):
            continue
        lines += [f"## {title}", ""]
        for code in sorted(
            (c for c in REGISTRY.values() if c.family == family), key=lambda c: c.code
        ):
            lines += [
                f"### `{code.code}`",
                "",
                f"**{code.judul}** — {_SEVERITY[code.severity.value]}.",
                "",
                f"Pesan: {_example(code.pesan)}",
                "",
                f"Cara memperbaiki: {_example(code.saran)}",
                "",
            ]
    return "\n".join(lines)


def _example(template: str) -> str:
    """Show placeholders as ‹name› so the reader sees what is filled in."""
    import re

    return re.sub(r"\{(\w+)\}", lambda m: f"‹{m.group(1)}›", template)
