"""Where commands get their documents: the store (default) or a parse in memory.

``open_corpus(paths, options)`` walks the paths, brings the store up to date for them
(parsing only what is new or changed), and answers what the commands ask: the documents
themselves, the corpus graph, or just the documents with deadlines in a window. Asked of
the store, those questions read rows, not every document's record; asked in memory
(``--no-store``), they are answered from the parsed documents, with the same results.
"""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import networkx as nx

from ..model import Document
from .scan import Batch, report_error, walk_paths


#: Parts of a document's head that a deadline list never reads (left undecoded).
_NOT_FOR_DEADLINES = ("references", "links", "recipients", "signer")


@dataclass(slots=True)
class CorpusOptions:
    """How to get documents: ``store`` is a path (None: the default location), ``use_store``
    False parses in memory; ``jobs`` worker processes (None: every core)."""

    store: str | None = None
    use_store: bool = True
    jobs: int | None = None
    quiet: bool = False
    debug: bool = False
    #: How scans and pictures are read: ``auto`` (pages with no usable text layer), ``always``, ``never``.
    ocr: str = "auto"


class GraphSource(Protocol):
    def whole(self) -> nx.DiGraph: ...
    def numbered(self, number: str) -> nx.DiGraph: ...
    def around(self, root: str, depth: int | None = None) -> nx.DiGraph: ...


@dataclass
class Corpus(ABC):
    """The documents under some paths, and the errors met reading them: read in memory
    (``MemoryCorpus``) or from the store (``StoredCorpus``)."""

    errors: list[str] = field(default_factory=list)

    @abstractmethod
    def documents(self) -> list[Document]:
        """Every document of the corpus."""

    @abstractmethod
    def graph(self) -> GraphSource:
        """The corpus graph, asked whole or around a root."""

    def deadline_documents(self, start: date, end: date, include_expired: bool = False) -> list[Document]:
        """Documents carrying the deadlines that may fall in ``[start, end]`` (a superset:
        ``schedule.occurrences`` decides)."""
        return self.documents()

    def document(self, source: str) -> Document | None:
        """The one document read from ``source`` (a path as given), if the corpus holds it."""
        return next((d for d in self.documents() if d.source == source), None)

    def close(self) -> None:
        pass


@dataclass
class MemoryCorpus(Corpus):
    batch: Batch = field(default_factory=Batch)
    _graph: Any = None

    def documents(self) -> list[Document]:
        return self.batch.documents

    def graph(self) -> GraphSource:
        from ..graph.build import build_graph
        from .graphs import MemoryGraph

        if self._graph is None:
            self._graph = MemoryGraph(build_graph(self.batch.documents))
        return self._graph  # type: ignore[no-any-return]


@dataclass
class StoredCorpus(Corpus):
    store: Any = None
    selected: list[tuple[int, str]] = field(default_factory=list)
    report: Any = None

    def documents(self) -> list[Document]:
        from .codec import document_from_dict, unpack_text

        names = dict(self.selected)
        out = []
        for doc_id, record, text in self.store.documents([i for i, _s in self.selected]):
            record["source"] = names[doc_id]
            doc = document_from_dict(record)
            doc.text = unpack_text(text)
            out.append(doc)
        return out

    def document(self, source: str) -> Document | None:
        """One document decoded from its row (not the whole corpus: ``track`` asks for its root)."""
        from .codec import document_from_dict, unpack_text

        ids = [i for i, s in self.selected if s == source]
        for doc_id, record, text in self.store.documents(ids[:1]):
            record["source"] = source
            doc = document_from_dict(record)
            doc.text = unpack_text(text)
            return doc
        return None

    def graph(self) -> GraphSource:
        from ..graph.build import build_graph
        from . import graphs

        key = graphs.fingerprint(self.store, self.selected, self.report.hashes if self.report is not None else None)
        gid = graphs.find(self.store, key)
        if gid is None:
            g = build_graph(graphs.heads(self.store, self.selected))
            graphs.save(self.store, key, g, len(self.selected))
            return graphs.MemoryGraph(g)
        return graphs.StoredGraph(self.store, gid)

    def deadline_documents(self, start: date, end: date, include_expired: bool = False) -> list[Document]:
        """Read from the deadline rows: one-off deadlines of the window's years, recurring ones
        not ended before it; each document with only those deadlines."""
        import json

        from .codec import dataclass_codec, document_from_dict
        from ..model import Deadline

        c = self.store.conn
        c.execute("CREATE TEMP TABLE IF NOT EXISTS deadline_scope (id INTEGER PRIMARY KEY, pos INTEGER, source TEXT)")
        c.execute("DELETE FROM deadline_scope")
        c.executemany("INSERT OR IGNORE INTO deadline_scope VALUES (?, ?, ?)",
                      [(i, pos, s) for pos, (i, s) in enumerate(self.selected)])
        rows = c.execute(
            "SELECT s.pos, s.source, d.head, x.record FROM doc_deadline x JOIN deadline_scope s ON s.id = x.doc_id "
            "JOIN doc_data d ON d.doc_id = x.doc_id "
            "WHERE (x.rrule IS NULL AND substr(x.date, 1, 4) BETWEEN ? AND ?) "
            "   OR (x.rrule IS NOT NULL AND (? OR x.until IS NULL OR substr(x.until, 1, 4) >= ?)) "
            "ORDER BY s.pos, x.idx",
            (f"{start.year:04d}", f"{end.year:04d}", 1 if include_expired else 0, f"{start.year:04d}"),
        )
        decode = dataclass_codec(Deadline)[1]
        docs: dict[int, Document] = {}
        for pos, source, head, record in rows:
            doc = docs.get(pos)
            if doc is None:
                data = json.loads(head)
                for unused in _NOT_FOR_DEADLINES:
                    data.pop(unused, None)
                data["source"] = source
                doc = docs[pos] = document_from_dict(data)
            doc.deadlines.append(decode(json.loads(record)))
        return [docs[p] for p in sorted(docs)]

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def open_store(path: str | None) -> Any:
    """The store at ``path`` (or the default place); ``StoreError`` says why not."""
    from .store import Store, default_store_path

    return Store(Path(path).expanduser() if path else default_store_path())


def open_corpus(paths: tuple[str, ...] | list[str], options: CorpusOptions) -> Corpus:
    """Walk ``paths`` and get their documents as ``options`` say. Bad files are reported on
    standard error as they are met (one line each) and listed in ``errors``; files that are
    not documents are counted in one line at the end of the walk."""
    from .progress import Progress, wanted

    from .ocr_cache import OcrPlan

    walk = walk_paths(list(paths))
    corpus: Corpus
    if not options.use_store or "-" in walk.files:
        from .scan import parse_paths

        with Progress(wanted(options.quiet)) as bar:
            batch = parse_paths(walk.files, debug=options.debug, jobs=options.jobs, ocr=OcrPlan(options.ocr),
                                pages=bar.pages)
        corpus = MemoryCorpus(errors=list(batch.errors), batch=batch)
    else:
        store = open_store(options.store)
        with Progress(wanted(options.quiet)) as bar:
            report = store.sync(walk, jobs=options.jobs, debug=options.debug, on_error=report_error,
                                progress=bar.advance, start_progress=bar.start,
                                ocr=OcrPlan(options.ocr, store=str(store.path)), pages=bar.pages)
        corpus = StoredCorpus(errors=list(report.errors), store=store, selected=report.selected, report=report)
    line = walk.skipped_line()
    if line and not options.quiet:
        print(f"danvan: {line}", file=sys.stderr)
    return corpus


def open_whole_store(options: CorpusOptions) -> tuple[StoredCorpus, int]:
    """Everything the store holds, for a command given no path: the documents that were read
    and whose file is still there (a deleted or moved folder does not answer), and how many
    indexed files are gone (``danvan store prune`` forgets them)."""
    from .inventory import entries, holdings

    store = open_store(options.store)
    held = holdings(e for e in entries(store.conn) if not e.failed)
    selected = [(e.id, e.source) for e in held.present]
    return StoredCorpus(store=store, selected=selected), len(held.gone)
