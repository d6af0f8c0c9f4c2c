"""Shared base class and identifier types of the metadata model."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

# Slugs and dataset ids are path parts: the layout module owns their pattern.
from satudata.load.paths import DATASET_ID_PATTERN, SLUG_PATTERN

COLUMN_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
# A short label (name, abbreviation, title) is plain text: no HTML tag (`<` followed by a letter,
# `/`, `!` or `?`), no Markdown link (`](`), no control or bidirectional-override character.
# "Usia < 5 tahun" and "> 60 tahun" stay possible. Written with \u escapes so that pydantic
# (Rust regex), Python and JSON Schema (ECMAScript) read it alike, and without look-ahead, which
# the Rust engine lacks: each run of `<` or `]` must be followed by a harmless character (or end).
_CONTROL = r"\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069"
LABEL_PATTERN = (
    rf"^(?:[^<\]{_CONTROL}]|<+[^<\]A-Za-z/!?{_CONTROL}]|\]+[^(<\]{_CONTROL}])*(?:<+|\]+)?$"
)
# An SPDX licence identifier: letters, digits, '.', '-' and '+' (e.g. CC-BY-4.0, ODbL-1.0).
LICENCE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9.+-]*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
DatasetId = Annotated[str, StringConstraints(pattern=DATASET_ID_PATTERN)]
ColumnName = Annotated[str, StringConstraints(pattern=COLUMN_NAME_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Free text (descriptions, notes): may contain `<` as text; every output escapes it."""
Label = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, pattern=LABEL_PATTERN)
]
"""A short label: a name, an abbreviation, a title (plain text, one line)."""
LicenceId = Annotated[str, StringConstraints(pattern=LICENCE_ID_PATTERN)]


class Model(BaseModel):
    """Strict base: unknown fields are errors, so a typo never silently drops metadata."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        frozen=True,
    )
