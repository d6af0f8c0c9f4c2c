"""Spreadsheet formulas in text cells (CSV/formula injection, OWASP).

A CSV cell that starts with `=`, `+`, `-` or `@` is read as a formula when the file is opened in
Excel or LibreOffice: `=HYPERLINK("http://…","klik")` sends the reader elsewhere,
`=cmd|' /C calc'!A0` (DDE) runs a program. Open data holds values, never formulas.
"""

from __future__ import annotations

import pyarrow as pa

# RE2 syntax (pyarrow), so whole columns are tested at once. Only what a spreadsheet would
# run is matched, so that ordinary text and numbers pass: `- lainnya`, `-`, `-5`, `+3`,
# `@pemkomedan (Instagram)`, `- Bantuan (BLT)`.
FORMULA = (
    r"(?s)^\s*(?:"
    # `=` then a function call (spaces before the bracket allowed) or a DDE `app|`.
    r"=.*(?:[A-Za-z_][A-Za-z0-9_.]*\s*\(|[A-Za-z0-9_]\s*\|)"
    # `+`, `-`, `@`: the first word is a function called at once, e.g. `@SUM(A1)`, `-2+SUM(`.
    r"|[+\-@][^A-Za-z]*[A-Za-z_][A-Za-z0-9_.]*\("
    # … or a DDE call anywhere, e.g. `+cmd|' /C calc'!A0`.
    r"|[+\-@].*[A-Za-z0-9_]\|"
    r")"
)


def may_hold_formula(values: pa.ChunkedArray) -> bool:
    """Every formula the rule looks for has a '(' or a '|'. Looking for those bytes in the
    column's character buffer took ~2 µs a column, the regex ~130 µs: on thousands of small
    files, where formulas are rare, the regex then runs almost never."""
    for chunk in values.chunks:
        data = chunk.buffers()[2]
        if data is not None and (b"(" in (raw := data.to_pybytes()) or b"|" in raw):
            return True
    return False
