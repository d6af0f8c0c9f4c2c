"""Parsed metadata YAML kept between runs, keyed by the file's exact bytes.

Constructing Python objects from YAML is most of what loading 2,000 metadata files costs, and
it is repeated on every run although few files change. The cache maps a hash of a file's bytes
(and of the YAML reader's own code, so a change to the reader empties it) to the plain data the
reader made of them; the pydantic model is still validated on every run, so a change to the
model is never hidden. A file is cached only when it parsed without error and its data
survives a JSON round trip unchanged (dates, for one, do not: such a file is simply parsed
again every time). JSON, not pickle, so that a planted cache file cannot run code.

The cache lives in the user's cache folder (`$XDG_CACHE_HOME/satudata`, else
`~/.cache/satudata`), never inside the repository: a cache file committed in a pull request
could otherwise claim clean data for a broken file. `SATUDATA_CACHE_DIR` moves it;
`SATUDATA_CACHE=0` turns it off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml

from satudata.util.fs import write_atomic

_FORMAT = 1


def enabled() -> bool:
    return os.environ.get("SATUDATA_CACHE", "1") not in ("0", "false", "tidak")


def cache_dir() -> Path:
    explicit = os.environ.get("SATUDATA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "satudata"


@functools.cache
def _reader_fingerprint() -> bytes:
    """Changes whenever the code that turns YAML bytes into data changes."""
    from satudata.load import yaml_file

    digest = hashlib.blake2b(digest_size=16)
    digest.update(Path(yaml_file.__file__).read_bytes())
    digest.update(f"{yaml.__version__} {yaml.__with_libyaml__} {_FORMAT}".encode())
    return digest.digest()


def content_key(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20, key=_reader_fingerprint()).hexdigest()


class YamlCache:
    """Content hash → parsed data for the metadata files of one repository."""

    def __init__(self, root: Path):
        name = hashlib.blake2b(str(root).encode(), digest_size=10).hexdigest()
        self.path = cache_dir() / f"metadata-{name}.json"
        self.entries: dict[str, Any] = {}
        self.encoded: dict[str, str] = {}  # entries whose JSON text is at hand
        self.used: set[str] = set()
        self.added = 0
        if enabled():
            self._read()

    def _read(self) -> None:
        try:
            document = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return  # missing or damaged: start empty, it is only a cache
        if isinstance(document, dict) and document.get("format") == _FORMAT:
            entries = document.get("entries")
            self.entries = entries if isinstance(entries, dict) else {}

    def get(self, key: str) -> tuple[bool, Any]:
        """(found, data)."""
        if key in self.entries:
            self.used.add(key)
            return True, self.entries[key]
        return False, None

    def put(
        self, key: str, data: Any, json_safe: bool = False, json_text: str | None = None
    ) -> None:
        """Remember `data` if JSON gives back exactly the same (else leave it uncached).

        `json_safe` is the reader's word (`LoadedYaml.json_safe`, worked out while it made the
        data, often in a worker) that it does: the round trip is then skipped. `json_text` is
        `data` as JSON when a worker sent it so; the cache file is written from it."""
        if json_text is not None:
            self.encoded[key] = json_text
        elif not json_safe:
            try:
                encoded = json.dumps(data, ensure_ascii=False)
            except (TypeError, ValueError):
                return
            back = json.loads(encoded)
            if back != data or not _same_types(back, data):
                return
        self.entries[key] = data
        self.used.add(key)
        self.added += 1

    def save(self) -> None:
        """Write back only the entries this run used, when something new was added."""
        if not enabled() or (not self.added and len(self.used) == len(self.entries)):
            return
        # The document `json.dumps` would write, put together from each entry's JSON text
        # (most are at hand, from the workers that parsed them).
        entries = ", ".join(f"{json.dumps(key)}: {self._json_text(key)}" for key in self.used)
        document = f'{{"format": {_FORMAT}, "entries": {{{entries}}}}}'
        with contextlib.suppress(OSError):  # a read-only home folder only costs speed
            write_atomic(self.path, document.encode("utf-8"))

    def _json_text(self, key: str) -> str:
        text = self.encoded.get(key)
        return json.dumps(self.entries[key], ensure_ascii=False) if text is None else text


def _same_types(left: Any, right: Any) -> bool:
    """`==` equates 1, 1.0 and True; a cached value must keep the type YAML gave it."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return all(_same_types(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return all(_same_types(a, b) for a, b in zip(left, right, strict=True))
    return True
