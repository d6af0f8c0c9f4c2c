"""The cycle collector paused while many long-lived objects are made."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Loading 2,000 metadata files makes ~10^6 objects that all live on; each collector pass
    walks all of them again, which cost a third of the loading time. Plain reference counting
    still frees what is dropped; the collector resumes as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
