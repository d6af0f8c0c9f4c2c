"""Read metadata YAML fast, keeping the line of every key so errors can point at file:line.

Reading uses PyYAML's libyaml C parser rather than ruamel.yaml: ruamel's pure-Python round-trip
loader costs several milliseconds per file, which is seconds on a 2,000-dataset repository,
while the C composer gives node marks (line numbers) for free. ruamel.yaml is used where
comments must survive a write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C loader ships with PyYAML wheels; fall back to pure Python if absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

MAX_YAML_BYTES = 1_000_000
MAX_DEPTH = 50

Path_ = tuple[str | int, ...]


class YamlError(Exception):
    """A YAML file that cannot be read; `line` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None, kind: str = "sintaks"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.kind = kind


class _StrictLoader(_Loader):
    """Safe loader that refuses a key written twice (PyYAML would keep the last silently)."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            keys: set = set()
            for key_node, _ in node.value:
                key = getattr(key_node, "value", None)
                if isinstance(key, str) and key in keys:
                    raise YamlError(
                        f"kunci '{key}' ditulis dua kali",
                        key_node.start_mark.line + 1,
                        "kunci-ganda",
                    )
                keys.add(key)
        return super().construct_mapping(node, deep=deep)


@dataclass
class LoadedYaml:
    data: Any
    text: str = field(default="", repr=False)
    _lines: dict[Path_, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Path_, int]:
        """Line of every key and list item, computed on first use: most files never need it."""
        if self._lines is None:
            self._lines = {}
            loader = _Loader(self.text)
            try:
                node = loader.get_single_node()
                if node is not None:
                    _index(node, (), self._lines, set(), 0)
            except (yaml.YAMLError, YamlError):
                pass
            finally:
                loader.dispose()
        return self._lines

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest known prefix of `path` (a missing field points at its parent)."""
        lines = self.lines
        for end in range(len(path), -1, -1):
            line = lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def load_yaml(text: str) -> LoadedYaml:
    if len(text) > MAX_YAML_BYTES:
        raise YamlError(
            f"berkas YAML terlalu besar ({len(text):,} karakter, batas {MAX_YAML_BYTES:,})",
            None,
            "ukuran",
        )
    if "&" in text or "*" in text:
        # Only a text containing '&' and '*' can hold anchors and aliases (a 'billion laughs'
        # bomb expands through them): walk its nodes first, which refuses any alias.
        _refuse_aliases(text)
    loader = _StrictLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlError(_describe(exc), line) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0] if str(exc) else "YAML tidak sah") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # libyaml constructs e.g. dates eagerly; an impossible date lands here.
        raise YamlError(f"nilai tidak dapat dibaca: {exc}") from None
    finally:
        loader.dispose()
    return LoadedYaml(data, text)


def _refuse_aliases(text: str) -> None:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _index(node, (), {}, set(), 0)
    except yaml.YAMLError:
        return  # the real load reports the syntax error with its line
    finally:
        loader.dispose()


def _describe(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "; ".join(parts) or "YAML tidak sah"


def _index(node: yaml.Node, path: Path_, lines: dict, seen: set[int], depth: int) -> None:
    """Record the line of each key, refusing aliases and excessive depth."""
    if id(node) in seen:
        raise YamlError(
            "anchor/alias YAML (&, *) tidak diizinkan dalam metadata",
            node.start_mark.line + 1,
            "alias",
        )
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise YamlError("struktur YAML terlalu dalam", node.start_mark.line + 1, "ukuran")
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(id(key_node))
            lines.setdefault((*path, key), key_node.start_mark.line + 1)
            _index(value_node, (*path, key), lines, seen, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*path, i), lines, seen, depth + 1)
