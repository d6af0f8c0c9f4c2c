"""JSON Schemas generated from the model, for editors (yaml-language-server) and CI."""

from __future__ import annotations

import json
from pathlib import Path

from satudata.model import SCHEMAS

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(name: str) -> dict:
    schema = SCHEMAS[name].model_json_schema()
    return {"$schema": DRAFT, "$id": f"{name}.json", **schema}


def rendered_schemas() -> dict[str, str]:
    """File name → exact file content, deterministic so a committed copy can be compared."""
    return {
        f"{name}.json": json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"
        for name in sorted(SCHEMAS)
    }


def stale_schemas(directory: Path) -> list[str]:
    """Schema files that are missing or differ from what the model generates."""
    stale = []
    for filename, content in rendered_schemas().items():
        path = directory / filename
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            stale.append(filename)
    return stale


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema file into `directory` (used when creating a repository)."""
    from satudata.util.fs import write_atomic

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, content in rendered_schemas().items():
        write_atomic(directory / filename, content)
        written.append(directory / filename)
    return written
