"""Run a function over many items in forked worker processes.

Fork, not spawn: workers inherit the loaded repository (parsed metadata, reference tables)
instead of re-reading it, which is what makes parallelism pay off on 2 cores.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_CALL: Callable[[Any], Any] | None = None  # set by fork_map just before the workers fork


def _run_chunk(chunk: Sequence[Any]) -> list[Any]:
    call = _CALL
    if call is None:
        raise RuntimeError("_run_chunk runs only in workers forked by fork_map")
    return [call(item) for item in chunk]


def fork_map(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    minimum: int = 64,
    chunks_per_job: int = 4,
) -> list[R]:
    """`[function(item) for item in items]`, in order, over `jobs` forked processes when there
    are at least `minimum` items (below that, process start-up costs more than it saves)."""
    return list(fork_imap(function, items, jobs, minimum, chunks_per_job))


def fork_imap(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    minimum: int = 64,
    chunks_per_job: int = 4,
) -> Generator[R, None, None]:
    """`fork_map`, giving each result as soon as its chunk is done (still in order), so that
    the caller can work on the first results while the workers make the rest. Use it up or
    close it (`contextlib.closing`): the workers are shut down when the generator ends."""
    if jobs <= 1 or len(items) < minimum:
        yield from map(function, items)
        return
    global _CALL
    _CALL = function
    size = -(-len(items) // (jobs * chunks_per_job))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            for chunk in pool.map(_run_chunk, chunks):
                yield from chunk
    finally:
        _CALL = None
