"""Shared base class and identifier types of the metadata model."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATASET_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"
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
