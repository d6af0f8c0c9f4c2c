"""Attacker payloads planted in every text field of every governance and dataset file.

The fields come from the pydantic models, so a field added later is covered without touching
the tests. Validation rejects markup in short labels; to prove that the *output* is safe even
for values validation lets through (long text) or would reject (labels), the payloads are put
into the loaded models after validation (`planting`), and the build's validation is bypassed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import subprocess
import types
import typing
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, HttpUrl, TypeAdapter

from satudata.model import LABEL_PATTERN, LICENCE_ID_PATTERN

# Every trick at once: tag injection, attribute break-out, javascript: URL, closing
# style/script/comment contexts, template syntax, a Markdown link. `alert(N)` numbers say which.
# The blank line ends a raw HTML block in Markdown: what follows would be Markdown again.
PAYLOAD = (
    '<img src=x onerror=alert(1)> "><script>alert(2)</script> javascript:alert(3) '
    "'\"--></style></script><svg onload=alert(4)>\n\n{{7*7}} {% raw %} "
    "[x](javascript:alert(5)) ![y](javascript:alert(6)) & done"
)
URL_PAYLOAD = (
    'https://contoh.go.id/x"><img src=x onerror=alert(7)>'
    "?a=<script>alert(8)</script>&b='[x](javascript:alert(9))"
)
CELL_PAYLOAD = "<img src=x onerror=alert(10)>\n\n[x](javascript:alert(11)) {{7*7}}"
# git drops < and > from author names; quotes and template syntax it keeps.
GIT_NAME = 'Penulis" onmouseover="alert(12)" x=\' {{7*7}}'
GIT_MESSAGE = "<script>alert(13)</script> [x](javascript:alert(14)) {% raw %}"

# Free text = a str without a structural pattern (ids, slugs, codes are paths and keys).
_TEXT_PATTERNS = {None, LABEL_PATTERN, LICENCE_ID_PATTERN}


def _pattern(metadata: list) -> str | None:
    for item in metadata:
        pattern = getattr(item, "pattern", None)
        if pattern is not None:
            return pattern
    return None


def _kinds(annotation) -> set[str]:
    """'text', 'url', 'model' or 'list:…' kinds that a field annotation can hold."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        if base is str and _pattern(metadata) not in _TEXT_PATTERNS:
            return set()
        return _kinds(base)
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_kinds(a) for a in typing.get_args(annotation)))
    if origin is list:
        return {f"list:{k}" for k in _kinds(typing.get_args(annotation)[0])}
    if annotation is str:
        return {"text"}
    if annotation is HttpUrl:
        return {"url"}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"model"}
    return set()


# Machine constraints, not text anyone reads: `pola` is a regular expression the data must match
# and goes into the Table Schema as one (frictionless refuses it on a non-text column).
CONSTRAINTS = {"pola"}


def text_fields(model: type[BaseModel]) -> dict[str, set[str]]:
    """Field name → kinds, for the fields of `model` that can carry a payload."""
    fields = {}
    for name, info in model.model_fields.items():
        if name in CONSTRAINTS:
            continue
        if _pattern(info.metadata) not in _TEXT_PATTERNS:  # a Field(pattern=…) of its own
            continue
        kinds = _kinds(info.annotation)
        if kinds:
            fields[name] = kinds
    return fields


def plant(obj, where: str, planted: list[str]):
    """A copy of `obj` (model, list or value) with a payload in every text field; the dotted
    path of each planted field is appended to `planted`."""
    if isinstance(obj, list):
        return [plant(item, f"{where}[{i}]", planted) for i, item in enumerate(obj)]
    if not isinstance(obj, BaseModel):
        return obj
    update = {}
    for name, kinds in text_fields(type(obj)).items():
        value, path = getattr(obj, name), f"{where}.{name}"
        if "model" in kinds or "list:model" in kinds:
            update[name] = plant(value, path, planted) if value is not None else None
        elif kinds & {"text", "list:text"}:
            text = f"{name} {PAYLOAD}"
            update[name] = [text] if "list:text" in kinds and "text" not in kinds else text
            planted.append(path)
        elif "url" in kinds:
            update[name] = TypeAdapter(HttpUrl).validate_python(URL_PAYLOAD)
            planted.append(path)
    return obj.model_copy(update=update)


def plant_repository(repo, planted: list[str]) -> None:
    """Payloads in every text field of every governance and dataset model of `repo`."""
    for name in ("portal", "organisasi", "daftar_data", "referensi"):
        value = getattr(repo, name)
        if value is not None:
            setattr(repo, name, plant(value, name, planted))
    for entry in repo.datasets.values():
        if entry.meta is not None:
            entry.meta = plant(entry.meta, entry.id, planted)


@contextlib.contextmanager
def planting(planted: list[str]) -> Iterator[None]:
    """While active, `satudata build` loads repositories with payloads planted and publishes
    every dataset whatever validation says (the bypass)."""
    import pytest

    from satudata.catalog import build as build_module
    from satudata.load.repository import Repository

    original_load, original_validate = Repository.load, build_module.validate

    def load(root, jobs=1):
        repo = original_load(root, jobs)
        plant_repository(repo, planted)
        return repo

    def validate(repo, **kwargs):
        report = original_validate(repo, **kwargs)
        return dataclasses.replace(
            report, findings=[f for f in report.findings if f.severity.value != "error"]
        )

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build_module.Repository, "load", staticmethod(load))
        patch.setattr(build_module, "validate", validate)
        yield


def commit_all(root: Path, message: str = GIT_MESSAGE, name: str = GIT_NAME) -> None:
    """A git history whose author and message carry payloads."""
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", message]):
        if args[0] == "init" and (root / ".git").exists():
            continue
        subprocess.run(
            ["git", "-C", str(root), "-c", f"user.name={name}", "-c", "user.email=u@x", *args],
            check=True,
            capture_output=True,
        )
