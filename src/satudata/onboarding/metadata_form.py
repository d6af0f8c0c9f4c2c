"""Dataset metadata as a form a spreadsheet person can fill in, and back.

The form is derived from the model (field order, explanations, vocabularies), and it is
compared with the YAML as written (not as the model normalises it), so that a field the team
did not touch is never rewritten.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel

from satudata.model import Dataset, Kolom
from satudata.util.language import localized

LIST_SEPARATOR = "; "
YES, NO = "ya", "tidak"


@dataclass(frozen=True)
class FormField:
    """One row of the form: a dotted path into the YAML, its type and its explanation."""

    path: tuple[str, ...]
    annotation: Any
    description: str

    @property
    def name(self) -> str:
        return ".".join(self.path)

    @property
    def choices(self) -> list[str]:
        enum = _enum_of(self.annotation)
        if enum is not None:
            return [str(member.value) for member in enum]
        return [YES, NO] if _base(self.annotation) is bool else []

    @property
    def is_list(self) -> bool:
        return typing.get_origin(_base(self.annotation)) is list


def form_fields(model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[FormField]:
    """Every leaf field of `model` in declaration order; nested models are flattened."""
    fields: list[FormField] = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        inner = _base(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            for sub in form_fields(inner):
                fields.append(FormField((name, *sub.path), sub.annotation, sub.description))
        else:
            fields.append(FormField((name,), info.annotation, info.description or ""))
    return fields


@functools.cache
def dataset_fields() -> list[FormField]:
    return form_fields(Dataset, skip=("kolom",))


@functools.cache
def kolom_fields() -> list[FormField]:
    return form_fields(Kolom)


def get_path(raw: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(raw, dict) or key not in raw:
            return None
        raw = raw[key]
    return raw


def to_cell(value: Any) -> str:
    """The YAML value as the text a person reads and edits in a cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, list):
        return LIST_SEPARATOR.join(to_cell(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def from_cell(text: Any, field: FormField) -> Any:
    """The cell as a YAML value of the field's type; raises ValueError with a
    explanation when it cannot be one."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if isinstance(text, dt.datetime):
        text = text.date()
    if isinstance(text, dt.date):
        return text
    if field.is_list:
        items = [part.strip() for part in str(text).split(";") if part.strip()]
        return [_scalar(item, _list_item(field.annotation)) for item in items]
    return _scalar(text, _base(field.annotation))


def same(cell_value: Any, yaml_value: Any) -> bool:
    """Whether the form says what the YAML already says."""
    if cell_value is None or yaml_value is None:
        return _empty(cell_value) and _empty(yaml_value)
    if isinstance(yaml_value, list) and isinstance(cell_value, list):
        return len(cell_value) == len(yaml_value) and all(
            same(c, y) for c, y in zip(cell_value, yaml_value, strict=True)
        )
    if isinstance(yaml_value, bool) or isinstance(cell_value, bool):
        return cell_value is yaml_value
    if isinstance(yaml_value, int | float) and isinstance(cell_value, int | float):
        return float(cell_value) == float(yaml_value)
    if isinstance(yaml_value, dt.date) or isinstance(cell_value, dt.date):
        return str(cell_value) == str(yaml_value)
    return str(cell_value).strip() == str(yaml_value).strip()


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _scalar(text: Any, kind: Any) -> Any:
    if kind is bool:
        word = str(text).strip().lower()
        if word in (YES, "true", "y", "1"):
            return True
        if word in (NO, "false", "n", "0"):
            return False
        raise ValueError(
            localized(
                f"isi dengan '{YES}' atau '{NO}', bukan '{text}'",
                f"fill in '{YES}' (yes) or '{NO}' (no), not '{text}'",
            )
        )
    if kind is int and not isinstance(text, bool):
        number = float(text) if isinstance(text, float) else float(str(text).strip())
        if not number.is_integer():
            raise ValueError(
                localized(
                    f"isi dengan bilangan bulat, bukan '{text}'",
                    f"fill in a whole number, not '{text}'",
                )
            )
        return int(number)
    if kind is dt.date:
        return dt.date.fromisoformat(str(text).strip())
    if isinstance(text, float) and text.is_integer():
        return int(text)  # Excel stores every number as a float
    if isinstance(text, int | float):
        return text
    if _admits_numbers(kind):  # a bound such as `min`: a number or a date
        return _number_or_date(str(text).strip())
    return str(text).strip()


def _admits_numbers(kind: Any) -> bool:
    """A union of numbers (and dates) without text, such as the bounds `min` and `maks`."""
    if typing.get_origin(kind) not in (typing.Union, types.UnionType):
        return False
    args = typing.get_args(kind)
    return str not in args and (int in args or float in args)


def _number_or_date(text: str) -> Any:
    for parse in (int, float, dt.date.fromisoformat):
        try:
            return parse(text)
        except ValueError:
            continue
    raise ValueError(
        localized(
            f"isi dengan angka atau tanggal TTTT-BB-HH, bukan '{text}'",
            f"fill in a number or a YYYY-MM-DD date, not '{text}'",
        )
    )


def _base(annotation: Any) -> Any:
    """`X | None` → X; Annotated[X, ...] → X."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _base(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _base(args[0]) if len(args) == 1 else annotation
    return annotation


def _list_item(annotation: Any) -> Any:
    args = typing.get_args(_base(annotation))
    return _base(args[0]) if args else str


def _enum_of(annotation: Any) -> type[Enum] | None:
    inner = _base(annotation)
    if typing.get_origin(inner) is list:
        inner = _list_item(inner)
    return inner if isinstance(inner, type) and issubclass(inner, Enum) else None
