"""Parse in worker processes, results in the order of the input.

Why processes: parsing is pure Python, so threads would share one core. Why ordered:
``--jobs 4`` must give exactly what ``--jobs 1`` gives, row ids included, so results are
consumed in input order (``imap``), whatever order the workers finish in.

Workers come from a *forkserver* that has imported the parser once: each worker starts in
milliseconds with the regex tables compiled, and is not a fork of a process that runs
threads (the progress bar's, a Dask client's). A few files are parsed in this process:
starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")

#: Below this many files per worker the pool is not worth starting.
MIN_FILES_PER_WORKER = 8
#: Chunks in flight per worker.
AHEAD = 4


def default_jobs() -> int:
    """Every core this process may use (``os.sched_getaffinity`` respects taskset and containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _run_chunk(fn: Callable[..., Any], chunk: list[tuple[Any, ...]]) -> bytes:
    """Run a chunk of calls in a worker; the results go back pickled and compressed. Why:
    results (rows, texts) are tens of kilobytes each, and a pipe that fills up stalls the
    worker until the main process, busy writing the store, reads it."""
    return zlib.compress(pickle.dumps([fn(*a) for a in chunk], protocol=pickle.HIGHEST_PROTOCOL), 1)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["danvan_cli.pipeline", "danvan_cli.corpus.rows"])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


def workers_for(n_items: int, jobs: int | None) -> int:
    """How many workers to start for ``n_items`` (1 means: in this process)."""
    wanted = default_jobs() if jobs is None or jobs <= 0 else jobs
    return max(1, min(wanted, n_items // MIN_FILES_PER_WORKER))


def map_ordered(
    fn: Callable[..., T], args: Sequence[tuple[Any, ...]], *, jobs: int | None = None, chunksize: int = 4
) -> Iterator[T]:
    """``fn(*a)`` for each ``a`` of ``args``, in order; in worker processes when it pays.

    At most ``AHEAD`` chunks per worker are in flight: results are consumed as they come,
    so memory stays flat however many files there are, even when the consumer (writing
    the store) is slower than the workers."""
    n = workers_for(len(args), jobs)
    if n <= 1:
        for a in args:
            yield fn(*a)
        return
    pool = _context().Pool(n)
    try:
        chunks = (list(args[i:i + chunksize]) for i in range(0, len(args), chunksize))
        window: deque[Any] = deque()
        for chunk in islice(chunks, n * AHEAD):
            window.append(pool.apply_async(_run_chunk, (fn, chunk)))
        while window:
            blob = window.popleft().get()
            nxt = next(chunks, None)
            if nxt is not None:
                window.append(pool.apply_async(_run_chunk, (fn, nxt)))
            yield from pickle.loads(zlib.decompress(blob))
        pool.close()
    finally:
        pool.terminate()
        pool.join()
