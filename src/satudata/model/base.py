"""Shared base class and identifier types of the metadata model."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

# Slugs and dataset ids are path parts: the layout module owns their pattern.
from satudata.load.paths import DATASET_ID_PATTERN, SLUG_PATTERN

COLUMN_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
DatasetId = Annotated[str, StringConstraints(pattern=DATASET_ID_PATTERN)]
ColumnName = Annotated[str, StringConstraints(pattern=COLUMN_NAME_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Model(BaseModel):
    """Strict base: unknown fields are errors, so a typo never silently drops metadata."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
        frozen=True,
    )
