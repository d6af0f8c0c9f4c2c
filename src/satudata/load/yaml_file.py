"""Read metadata YAML fast, keeping the line of every key so errors can point at file:line.

Reading uses PyYAML's libyaml C parser rather than ruamel.yaml: ruamel's pure-Python round-trip
loader costs several milliseconds per file, which is seconds on a 2,000-dataset repository,
while the C composer gives node marks (line numbers) for free. ruamel.yaml is used where
comments must survive a write.
"""

from __future__ import annotations

import json
import math
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


class _ComposingLoader(_Loader):
    """The loader `load_yaml` composes nodes with; `_build` makes the data of them.

    The C composer calls back into Python for every node to resolve its tag. PyYAML's
    resolver builds a new list of candidate patterns on each call and walks path resolvers
    that safe loaders never have; this one looks the candidates up in a table made once
    (same patterns, same order, so the same tag)."""

    if not _Loader.yaml_path_resolvers:  # PyYAML's safe loaders have none

        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode:
                if implicit[0]:
                    for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                        if regexp.match(value):
                            return tag
                return _STR
            return _SEQ if kind is yaml.SequenceNode else _MAP

        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_WILDCARD = tuple(_Loader.yaml_implicit_resolvers.get(None, []))
_IMPLICIT = {
    first: tuple(resolvers) + _WILDCARD
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    if first is not None
}
# The scalar tags `_build` makes itself, each with PyYAML's own function (so `yes`, `0o17`,
# `1:30`, `.inf`, `2024-01-31` and the like mean exactly what they mean to PyYAML).
_SCALARS = {
    f"tag:yaml.org,2002:{name}": _StrictLoader.yaml_constructors[f"tag:yaml.org,2002:{name}"]
    for name in ("null", "bool", "int", "float", "timestamp")
}
_FAST_DEPTH = 100  # deeper nesting is left to PyYAML, whose constructor does not recurse
_JSON_INT = 2**63  # larger ints go through the cache's own JSON round trip


class _Fallback(Exception):
    """Something `_build` leaves to PyYAML (a rarer tag, a merge key, a repeated key, ...)."""


@dataclass
class LoadedYaml:
    data: Any
    text: str = field(default="", repr=False)
    _lines: dict[Path_, int] | None = field(default=None, repr=False)
    json_safe: bool = field(default=False, repr=False)
    """True when `data` is known to come back unchanged (types too) from a JSON round trip:
    only str keys, only str, int, bool, None, finite float, list and dict values. False
    means not known (the cache then checks for itself)."""
    json_text: str | None = field(default=None, repr=False)
    """`data` as JSON text, when it came from a worker that way (see `__reduce__`)."""

    def __reduce__(self):
        """How a worker sends a parsed file back: JSON-safe data as JSON text, which pickles
        and unpickles several times faster than its dicts and lists (memoised one by one)
        and which the cache file then stores as it is."""
        if self.json_safe:
            json_text = json.dumps(self.data, ensure_ascii=False)
            return _from_json, (json_text, self.text, self._lines)
        return LoadedYaml, (self.data, self.text, self._lines)

    @property
    def lines(self) -> dict[Path_, int]:
        """Line of every key and list item, computed on first use: most files never need it."""
        if self._lines is None:
            self._lines = {}
            loader = _ComposingLoader(self.text)
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


def _from_json(json_text: str, text: str, lines: dict[Path_, int] | None) -> LoadedYaml:
    return LoadedYaml(json.loads(json_text), text, lines, json_safe=True, json_text=json_text)


def load_yaml(text: str) -> LoadedYaml:
    if len(text) > MAX_YAML_BYTES:
        raise YamlError(
            f"berkas YAML terlalu besar ({len(text):,} karakter, batas {MAX_YAML_BYTES:,})",
            None,
            "ukuran",
        )
    # The C composer makes the nodes and `_build` the data of them. Whatever goes wrong or is
    # unusual on that path (a syntax error, an impossible date, a repeated key, a merge key, a
    # rarer tag) is handed to `_load_with_pyyaml`, PyYAML's own constructor, which then gives
    # the data or the error with its message, line and kind exactly as before.
    try:
        loader = _ComposingLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except Exception:
        return _load_with_pyyaml(text)
    if node is None:
        return LoadedYaml(None, text, json_safe=True)
    if "&" in text or "*" in text:
        # Only a text containing '&' and '*' can hold anchors and aliases (a 'billion laughs'
        # bomb expands through them): walk its nodes first, which refuses any alias.
        _index(node, (), {}, set(), 0)
    try:
        data, json_safe = _build(node, loader)
    except Exception:
        return _load_with_pyyaml(text)
    return LoadedYaml(data, text, json_safe=json_safe)


def _build(root: yaml.Node, loader: _ComposingLoader) -> tuple[Any, bool]:
    """(data, json_safe) of a composed document, as PyYAML's SafeConstructor would make it.

    Hand-written because PyYAML's generic constructor is slow: a generator and several method
    calls for every node and a second pass for nested collections made it ~40 % of reading a
    metadata file (0.56 of 1.45 s CPU for 2,000 files; this takes ~0.09 s). Plain str
    scalars, str-keyed maps and sequences are made here, the other scalar tags by PyYAML's own
    functions; anything else raises (`_Fallback` or the function's own error) and `load_yaml`
    hands the whole file to PyYAML."""
    json_safe = True
    scalar_node, mapping_node, sequence_node = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

    def value(node: Any, depth: int) -> Any:
        nonlocal json_safe
        kind, tag = type(node), node.tag
        if kind is scalar_node:
            if tag == _STR:
                return node.value
            construct = _SCALARS.get(tag)
            if construct is None:
                raise _Fallback(tag)
            data = construct(loader, node)
            if json_safe and not _json_scalar(data):
                json_safe = False
            return data
        if depth >= _FAST_DEPTH:
            raise _Fallback("depth")
        if kind is mapping_node and tag == _MAP:
            return mapping(node, depth + 1)
        if kind is sequence_node and tag == _SEQ:
            return [
                item.value
                if item.tag == _STR and type(item) is scalar_node
                else value(item, depth + 1)
                for item in node.value
            ]
        raise _Fallback(tag)

    def mapping(node: Any, depth: int) -> dict:
        nonlocal json_safe
        data: dict = {}
        str_keys = True
        for key_node, value_node in node.value:
            if key_node.tag == _STR and type(key_node) is scalar_node:
                key = key_node.value
            else:
                str_keys = False
                key = value(key_node, depth)
            if value_node.tag == _STR and type(value_node) is scalar_node:
                data[key] = value_node.value
            else:
                data[key] = value(value_node, depth)
        # A key written twice (refused, with its line) or two spellings of one key (`yes`
        # and `true`: PyYAML keeps the last) are PyYAML's to handle.
        if len(data) != len(node.value) or (not str_keys and _repeats_a_key(node)):
            raise _Fallback("key")
        if not str_keys:
            json_safe = False
        return data

    return value(root, 0), json_safe


def _repeats_a_key(node: yaml.MappingNode) -> bool:
    """The test of `_StrictLoader.construct_mapping`: a scalar key's text written twice."""
    keys = [key_node.value for key_node, _ in node.value if isinstance(key_node.value, str)]
    return len(set(keys)) != len(keys)


def _json_scalar(data: Any) -> bool:
    kind = type(data)
    if kind is float:
        return math.isfinite(data)
    if kind is int:
        return -_JSON_INT < data < _JSON_INT
    return kind is bool or data is None


def _load_with_pyyaml(text: str) -> LoadedYaml:
    """PyYAML's own constructor, with the checks and the error messages `load_yaml` gives."""
    if "&" in text or "*" in text:
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
    except (KeyError, AttributeError):
        # PyYAML's own error for an explicit tag its value does not fit (`!!bool foo`,
        # `!!timestamp x`): a traceback before.
        raise YamlError(
            "nilai bertag YAML (mis. `!!bool`, `!!timestamp`) tidak dapat dibaca; hapus "
            "tag `!!…` itu dan tulis nilainya biasa"
        ) from None
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
