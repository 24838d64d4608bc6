"""Parse each file in a worker process that contains whatever the file does to it; results
come back in the order of the input.

Why processes at all: parsing is pure Python, so threads would share one core. Why a worker
process even for ``--jobs 1``: a reader's native code (PDFium, libxml2) can abort or be made to
allocate gigabytes by one hostile file, and only a process boundary contains that. Each worker
runs under a memory cap (``RLIMIT_AS``) and each file under a time budget; a worker that dies
or runs over is killed and replaced, and its file gets one line saying so (``failed``) while
the rest of the batch goes on. A worker that dies takes no other file with it: the files it was
given but had not started go to the next worker.

Why ordered: ``--jobs 4`` must give exactly what ``--jobs 1`` gives, row ids included, so
results are yielded in input order whatever order the workers finish in; at most ``AHEAD``
files per worker are outstanding, so memory stays flat however many files there are.

Workers come from a *forkserver* that has imported the parser and built its tables once
(``corpus/warm.py``): each one starts in
milliseconds with the modules loaded, and is not a fork of a process that runs threads (the
progress bar's, a Dask client's). Workers end with this process, however it ends: Linux kills
them when their parent (the forkserver, which ends with this process) dies
(``PR_SET_PDEATHSIG``), and everywhere they leave when the pipe from this process closes.
"""

from __future__ import annotations

import contextvars
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from ..i18n import N_
from ..text.formats import limits

T = TypeVar("T")

#: Below this many files per worker another worker is not worth starting.
MIN_FILES_PER_WORKER = 8
#: Files outstanding per worker (sent, result not yet yielded).
AHEAD = 4
#: Files queued in one worker's pipe at once: one at work and one waiting, so a worker never
#: idles while this process is busy writing the store.
QUEUED = 2
#: Workers that die before they are ready, in a row, before the batch gives up.
START_FAILURES = 3
#: Seconds a new worker may take to be ready (a loaded machine takes a few).
START_SECONDS = 120.0


#: In a worker, while it reads a file: how to tell the batch of progress (``heartbeat``).
_TELL: contextvars.ContextVar[Callable[[int, int], None] | None] = contextvars.ContextVar("danvan_tell", default=None)


def heartbeat(done: int, total: int) -> None:
    """In a worker: ``done`` of ``total`` steps of the file it reads are done (OCR's pages).
    The batch's ``progress`` is told, and the file's time budget starts again: a budget is
    for a step, so a scan of many pages is not stopped for being long. Elsewhere: nothing."""
    tell = _TELL.get()
    if tell is not None:
        tell(done, total)


class WorkerError(RuntimeError):
    """Worker processes cannot be started here at all (not one file's fault)."""


def default_jobs() -> int:
    """Every core this process may use (``os.sched_getaffinity`` respects taskset and containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def workers_for(n_items: int, jobs: int | None) -> int:
    """How many workers to start for ``n_items`` (at least one, whatever the count)."""
    wanted = default_jobs() if jobs is None or jobs <= 0 else jobs
    return max(1, min(wanted, n_items // MIN_FILES_PER_WORKER))


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["danvan_cli.pipeline", "danvan_cli.corpus.rows", "danvan_cli.corpus.warm"])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


# ------------------------------------------------------------------ in the worker


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when its parent dies (any signal, kill -9 included)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the pipe watch remains
        return


def _watch(alive: Connection) -> None:
    """Leave at once when this process's end of the watch pipe closes (the parent is gone).
    Everywhere, and a second net under ``_die_with_parent`` on Linux."""
    try:
        alive.recv_bytes()
    except (EOFError, OSError):
        pass
    os._exit(0)


def _contain(memory: int) -> None:
    """Limits and signals of a worker: its address space capped, Ctrl-C left to the parent
    (which stops the workers itself), a broken pipe a quiet exit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - no rlimits (Windows)
        pass


def _serve(conn: Connection, alive: Connection, fn: Callable[..., Any], memory: int, parent: int) -> None:
    """A worker's life: ``(i, args)`` in, ``(i, packed result)`` or ``(i, None, reason)`` out,
    until ``None`` or the pipe closes. ``parent`` is the process that started the batch."""
    _die_with_parent()
    try:
        os.kill(parent, 0)  # the batch's process died before this one could watch for it
    except OSError:
        os._exit(0)
    threading.Thread(target=_watch, args=(alive,), daemon=True).start()
    _contain(memory)
    try:
        conn.send(("ready", os.getpid()))
        while True:
            msg = conn.recv()
            if msg is None:
                return
            i, args = msg
            token = _TELL.set(lambda done, total, i=i: conn.send(("progress", i, done, total)))
            try:
                out: tuple[Any, ...] = (i, zlib.compress(pickle.dumps(fn(*args), protocol=pickle.HIGHEST_PROTOCOL), 1))
            except MemoryError:
                out = (i, None, limits.out_of_memory())
            except Exception as exc:  # fn is meant never to raise: say what it raised
                out = (i, None, f"internal error ({type(exc).__name__}: {exc}); rerun with --debug")
            finally:
                _TELL.reset(token)
            del args
            conn.send(out)
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the parent is gone or stopping us: nothing to say to anyone


# ------------------------------------------------------------------ in this process


@dataclass(eq=False)
class _Worker:
    proc: Any
    conn: Connection
    alive: Connection  # this process's end of the watch pipe: closing it ends the worker
    tasks: deque[int] = field(default_factory=deque)  # sent, no answer yet, in the order sent
    ready: bool = False
    started: float = field(default_factory=time.monotonic)  # when tasks[0] began, or the worker if not ready


def _death(exitcode: int | None) -> str:
    """Why a worker ended, for the file it was reading."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if name == "SIGKILL":
            return N_("its reader was killed (SIGKILL: out of memory?); the file is damaged or too large to read")
        return N_("its reader crashed ({signal}); the file is damaged or built to break a reader").format(signal=name)
    return N_("its reader ended unexpectedly (exit {code}); the file is damaged or built to break a reader").format(
        code=exitcode)


class _Pool:
    """Workers, each fed up to ``QUEUED`` tasks, replaced when they die or run over time."""

    def __init__(self, fn: Callable[..., Any], n: int, memory: int) -> None:
        self.fn, self.n, self.memory = fn, n, memory
        self.ctx = _context()
        self.workers: list[_Worker] = []
        self.start_failures = 0
        for _ in range(n):
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        mine, theirs = self.ctx.Pipe(duplex=True)
        watch_r, watch_w = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=_serve, args=(theirs, watch_r, self.fn, self.memory, os.getpid()),
                                daemon=True, name="danvan-worker")
        proc.start()
        theirs.close()
        watch_r.close()
        return _Worker(proc, mine, watch_w)

    def stop(self, w: _Worker, *, kill: bool) -> None:
        if kill and w.proc.is_alive():
            w.proc.kill()
        w.conn.close()
        w.alive.close()
        w.proc.join(timeout=None if kill else 5)
        if w.proc.is_alive():  # pragma: no cover - a worker that ignores its closed pipe
            w.proc.kill()
            w.proc.join()
        w.proc.close()

    def replace(self, w: _Worker) -> _Worker:
        self.stop(w, kill=True)
        self.workers.remove(w)
        if not w.ready:
            self.start_failures += 1
            if self.start_failures >= START_FAILURES:
                raise WorkerError("worker processes cannot start here (they die before they are ready)")
        new = self._start()
        self.workers.append(new)
        return new

    def close(self, *, kill: bool) -> None:
        for w in self.workers:
            if not kill:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        for w in self.workers:
            self.stop(w, kill=kill)
        self.workers = []


def map_ordered(
    fn: Callable[..., T],
    args: Sequence[tuple[Any, ...]],
    *,
    jobs: int | None = None,
    failed: Callable[[tuple[Any, ...], str], T],
    sizes: Sequence[int] | None = None,
    progress: Callable[[int, int], Any] | None = None,
) -> Iterator[T]:
    """``fn(*a)`` for each ``a`` of ``args``, in order, each in a worker process.

    ``fn`` must be importable by name (a module's function) and should not raise. When its
    worker dies, runs over ``limits.seconds_for`` the task's size (``sizes``, bytes of input),
    or ``fn`` raises, the task's result is ``failed(a, reason)`` (``reason``: a phrase such as
    ``its reader crashed (SIGABRT); ...``) and the batch goes on. ``progress(done, total)``
    is told what a worker says of the file it reads (``heartbeat``), and the file's budget
    starts again then."""
    total = len(args)
    if not total:
        return
    pool = _Pool(fn, workers_for(total, jobs), limits.WORKER_MEMORY_BYTES)
    results: dict[int, T] = {}
    retry: deque[int] = deque()  # tasks a dead worker had not begun, first in line
    fresh = 0  # next task never sent
    done = 0  # next task to yield
    window = pool.n * AHEAD
    clean = False

    def budget(i: int) -> float:
        return limits.seconds_for(sizes[i] if sizes is not None else 0)

    def lose(w: _Worker, reason: str) -> None:
        """``w`` died or was stopped: its current task failed, the rest go to the next worker."""
        if w.tasks:
            i = w.tasks.popleft()
            if w.ready:
                results[i] = failed(args[i], reason)
            else:
                retry.appendleft(i)
            retry.extendleft(reversed(w.tasks))
            w.tasks.clear()
        pool.replace(w)

    def receive(w: _Worker) -> bool:
        """Take every answer waiting on ``w``'s pipe; False when the worker is gone."""
        try:
            while w.conn.poll():
                msg = w.conn.recv()
                if msg[0] == "ready":
                    w.ready, w.started = True, time.monotonic()
                    pool.start_failures = 0
                    continue
                if msg[0] == "progress":  # a step of the file at work done: its budget starts again
                    w.started = time.monotonic()
                    if progress is not None:
                        progress(msg[2], msg[3])
                    continue
                i = w.tasks.popleft()
                assert i == msg[0], "a worker answers its tasks in the order they were sent"
                results[i] = pickle.loads(zlib.decompress(msg[1])) if msg[1] is not None else failed(args[i], msg[2])
                w.started = time.monotonic()
        except (EOFError, OSError):
            return False
        return True

    try:
        while done < total:
            while done in results:
                yield results.pop(done)
                done += 1
            if done >= total:
                break
            for w in pool.workers:
                while len(w.tasks) < QUEUED and (retry or fresh < min(total, done + window)):
                    i = retry.popleft() if retry else fresh
                    if i == fresh:
                        fresh += 1
                    if not w.tasks and w.ready:
                        w.started = time.monotonic()
                    w.tasks.append(i)
                    try:
                        w.conn.send((i, args[i]))
                    except OSError:
                        break  # dead: seen by its sentinel below
            now = time.monotonic()
            busy = [w for w in pool.workers if w.tasks]
            deadlines = [w.started + (budget(w.tasks[0]) if w.ready else START_SECONDS) for w in busy]
            timeout = max(0.0, min(deadlines) - now) if deadlines else None
            ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout))
            now = time.monotonic()
            for w in busy:
                if (w.conn in ready or w.proc.sentinel in ready) and not receive(w):
                    w.proc.join()
                    lose(w, _death(w.proc.exitcode))
                elif w.tasks and not w.ready and now - w.started > START_SECONDS:
                    lose(w, "")  # never ready: its tasks go to the next worker, nobody is blamed
                elif w.ready and w.tasks and now - w.started > budget(w.tasks[0]):
                    seconds = budget(w.tasks[0])
                    lose(w, N_("not read within {seconds} s (the time limit for a file of its size): stopped").format(
                        seconds=f"{seconds:.0f}"))
        clean = True
    finally:
        pool.close(kill=not clean)
