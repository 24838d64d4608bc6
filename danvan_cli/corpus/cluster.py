"""Parsing over a Dask cluster (``danvan index --engine dask --scheduler ADDRESS``).

Why Dask: a national archive outgrows one machine, and ``dask.distributed`` is what data
teams already run (a scheduler and workers on their machines, or on Kubernetes, YARN, a
batch system). Each task parses a chunk of files on a worker and returns their rows; this
process writes them into the store, or with ``--to DIR`` straight into Parquet tables.

The files are read *here* and their bytes sent to the workers, so workers need danvan
installed (``pip install 'danvan[dask]'``) but no view of this machine's folders. Only
``CHUNK × WINDOW`` files are in flight at once, so memory stays flat on any corpus size.
Results come back in the order of the files, as with ``--jobs``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..i18n import N_
from .scan import Walk
from .store import FileState, Indexed, index_file

#: Files per task, and tasks in flight per worker.
CHUNK = 32
WINDOW_PER_WORKER = 3
#: How long to wait for a scheduler to answer.
CONNECT_TIMEOUT = "20s"


class ClusterError(Exception):
    """One line for the user: the extra is missing, or the scheduler cannot be reached."""


def _client(scheduler: str | None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError("the Dask engine needs dask.distributed: pip install 'danvan[dask]'") from exc
    try:
        if scheduler:
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None
        from .parallel import default_jobs

        cluster = LocalCluster(n_workers=default_jobs(), threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        return Client(cluster), cluster
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc


def index_chunk(items: list[tuple[str, str, FileState, bytes | None, str | None, bool]]) -> list[Indexed]:
    """On a worker: parse each (path, source, state, bytes, hash, debug) sent to it. ``bytes`` is
    None for a file whose bytes are those already stored (only its stat is refreshed)."""
    out = []
    with tempfile.TemporaryDirectory(prefix="danvan-") as tmp:
        for path, source, state, data, digest, debug in items:
            if data is None:
                out.append(Indexed(path=path, source=source, state=state, hash=digest, unchanged=True))
                continue
            local = os.path.join(tmp, "doc" + Path(path).suffix)
            with open(local, "wb") as fh:
                fh.write(data)
            res = index_file(local, source, state, None, debug)
            res.path = path
            out.append(res)
    return out


def _payload(args: Sequence[tuple[str, str, FileState, str | None, bool]]) -> list[tuple[Any, ...]]:
    """Read each file here; a file that cannot be read becomes its error on the spot."""
    items = []
    for path, source, state, old_hash, debug in args:
        try:
            data: bytes | None = Path(path).read_bytes()
        except OSError as exc:
            items.append((path, source, state, N_("{name}: cannot be read ({reason})").format(name=source, reason=exc.strerror or exc)))
            continue
        digest = hashlib.sha256(data).hexdigest()
        items.append((path, source, state, None if digest == old_hash else data, digest, debug))
    return items


def dask_mapper(scheduler: str | None) -> Callable[[Sequence[tuple[Any, ...]]], Iterator[Indexed]]:
    """A ``parse`` for ``Store.sync``: ``index_file`` over the cluster, results in order."""

    def parse(args: Sequence[tuple[Any, ...]]) -> Iterator[Indexed]:
        client, cluster = _client(scheduler)
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            chunks = iter([args[i:i + CHUNK] for i in range(0, len(args), CHUNK)])
            window: deque[tuple[Any, list[Indexed]]] = deque()

            def submit(chunk: Sequence[tuple[Any, ...]]) -> None:
                items, failed = [], []
                for item in _payload(chunk):
                    if len(item) == 4:  # could not be read here
                        failed.append(Indexed(path=item[0], source=item[1], state=item[2], error=item[3]))
                        items.append(None)
                    else:
                        items.append(item)
                future = client.submit(index_chunk, [i for i in items if i is not None], pure=False)
                window.append((future, _placed(items, failed)))

            for chunk in chunks:
                submit(chunk)
                if len(window) >= workers * WINDOW_PER_WORKER:
                    break
            while window:
                future, merge = window.popleft()
                done = future.result()
                nxt = next(chunks, None)
                if nxt is not None:
                    submit(nxt)
                yield from merge(done)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return parse


def _placed(items: list[Any], failed: list[Indexed]) -> Callable[[list[Indexed]], list[Indexed]]:
    """Put the files that failed here back among the worker's results, in input order."""

    def merge(done: list[Indexed]) -> list[Indexed]:
        got, bad = iter(done), iter(failed)
        return [next(got) if item is not None else next(bad) for item in items]

    return merge


def index_to_parquet(walk: Walk, folder: str, *, scheduler: str | None, debug: bool,
                     on_error: Callable[[str], None]) -> tuple[dict[str, int], list[str]]:
    """Parse ``walk``'s files on the cluster and write the tables of ``corpus/export.py``
    into ``folder`` as Parquet, graph included; no store is read or written."""
    from ..graph.build import build_graph
    from .codec import document_from_dict
    from .export import TableWriter, graph_rows
    from .rows import COLUMNS

    writer = TableWriter(folder, "parquet")
    args = []
    errors: list[str] = []
    for source in walk.files:
        path = os.path.abspath(source)
        try:
            st = os.stat(path)
        except OSError:
            errors.append(N_("{name}: no such file").format(name=source))
            on_error(errors[-1])
            continue
        args.append((path, source, FileState(st.st_size, st.st_mtime_ns, st.st_ino), None, debug))
    heads = []
    for res in dask_mapper(scheduler)(args):
        if res.error is not None:
            errors.append(res.error)
            on_error(res.error)
            continue
        writer.add("documents", [(res.source, res.hash, res.state.size, *res.document)])
        for table in COLUMNS:
            writer.add(table, [(res.source, *row) for row in res.tables.get(table, [])])
        data = json.loads(res.head or "{}")
        data["source"] = res.source
        heads.append(document_from_dict(data))
    nodes, edges = graph_rows(build_graph(heads))
    writer.add("nodes", nodes)
    writer.add("edges", edges)
    return writer.close(), errors
