"""Where the site's sources come from: the engine's defaults, overridden by the repository.

The engine ships every template, theme override, asset and the base MkDocs configuration in
`catalog/site/`; a data repository's own `site/` folder (and an optional `mkdocs.yml`) may
replace any of those files by name or add new ones, and holds nothing the engine needs.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from satudata.load import paths

ENGINE_SITE = Path(__file__).parent / "site"
LAYERS = ("templates", "overrides", "assets")


def template_dirs(root: Path) -> list[Path]:
    """Template folders, the repository's first so that its files win."""
    own = root / paths.SITE_DIR / "templates"
    return [own, ENGINE_SITE / "templates"] if own.is_dir() else [ENGINE_SITE / "templates"]


def merge_layer(name: str, root: Path, target: Path) -> Path:
    """Copy the engine's `name` folder, then the repository's over it, into `target`."""
    shutil.copytree(ENGINE_SITE / name, target, dirs_exist_ok=True)
    own = root / paths.SITE_DIR / name
    if own.is_dir():
        shutil.copytree(own, target, dirs_exist_ok=True)
    return target


def base_config(root: Path) -> dict[str, Any]:
    """The engine's MkDocs configuration with the repository's `mkdocs.yml` merged over it."""
    config = _read(ENGINE_SITE / "mkdocs.yml")
    own = root / "mkdocs.yml"
    return _merge(config, _read(own)) if own.is_file() else config


def watched(root: Path) -> list[Path]:
    """What live preview watches for changes."""
    return [root / d for d in (paths.DATA_DIR, paths.METADATA_DIR, paths.SITE_DIR)] + [ENGINE_SITE]


def _read(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _merge(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
