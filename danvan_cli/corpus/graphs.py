"""Corpus graphs kept in the store, so a warm ``graph --root`` reads a few rows.

Why: identity resolution looks at the whole selection of documents at once (one number,
many issuers and years), so it cannot be updated row by row; it can be *kept*. A graph is
stored with the fingerprint of what it was built from — the documents selected (id, bytes,
name, in walk order), the parser and the graph code — and reused while that holds. The
last few graphs are kept (``KEEP``); the ``nodes`` and ``edges`` views show the one used
last.

A stored graph answers a root query without being loaded whole: the nodes with the
root's number, then the part of the graph reachable from the root (down and up, any
relation), which is all ``graph.query.traverse`` can walk; the walk itself is the same
code as in memory.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from ..model import Document
from .store import Store, parser_version, write_transaction

#: How many graphs (selections of documents) a store keeps.
KEEP = 6

_NODE_COLUMNS = ("number", "doc_type", "date", "year", "issuer", "level", "place", "province", "title",
                 "in_corpus", "source", "cited_by")


@cache
def _graph_code() -> str:
    root = Path(__file__).resolve().parent.parent / "graph"
    digest = hashlib.sha256()
    for name in ("identity.py", "build.py", "query.py"):  # query.py: the key nodes are looked up by
        digest.update((root / name).read_bytes())
    return digest.hexdigest()[:12]


def fingerprint(store: Store, selected: list[tuple[int, str]], hashes: dict[int, str] | None = None) -> str:
    """Of the selection: each document's id, bytes (hash) and name, in order. ``hashes``
    (what the sync just saw) saves reading them back."""
    digest = hashlib.sha256(f"{parser_version()}|{_graph_code()}".encode())
    known: dict[int, str] = dict(hashes or {})
    ids = [i for i, _s in selected if i not in known]
    for k in range(0, len(ids), 900):
        chunk = ids[k:k + 900]
        marks = ",".join("?" * len(chunk))
        known.update(store.conn.execute(f"SELECT id, hash FROM doc WHERE id IN ({marks})", chunk).fetchall())
    digest.update("".join(f"{doc_id}\t{known.get(doc_id)}\t{source}\n" for doc_id, source in selected).encode())
    return digest.hexdigest()


def heads(store: Store, selected: list[tuple[int, str]]) -> list[Document]:
    """The documents as the graph reads them (header and references), named as selected;
    decoded chunk by chunk, so the stored JSON of a whole archive is never held at once."""
    from .codec import document_from_dict

    out: list[Document] = []
    for k in range(0, len(selected), 900):
        chunk = selected[k:k + 900]
        marks = ",".join("?" * len(chunk))
        found = dict(store.conn.execute(f"SELECT doc_id, head FROM doc_data WHERE doc_id IN ({marks})",
                                        [i for i, _s in chunk]).fetchall())
        for doc_id, source in chunk:
            data = json.loads(found[doc_id])
            data["source"] = source
            out.append(document_from_dict(data))
    return out


def _jsonable(value: Any) -> Any:
    return sorted(value) if isinstance(value, set) else value


def save(store: Store, key: str, g: nx.DiGraph, documents: int) -> int:
    """Keep ``g`` under ``key``; older graphs beyond ``KEEP`` are dropped."""
    c = store.conn
    with write_transaction(c):
        old = c.execute("SELECT id FROM graph WHERE fingerprint = ?", (key,)).fetchone()
        if old is not None:  # another run stored it meanwhile
            c.execute("UPDATE graph SET used_at = ? WHERE id = ?", (time.time(), old[0]))
            return int(old[0])
        gid = c.execute(
            "INSERT INTO graph (fingerprint, built_at, documents, attrs, used_at) VALUES (?, datetime('now'), ?, ?, ?) "
            "RETURNING id",
            (key, documents, json.dumps({k: _jsonable(v) for k, v in g.graph.items()}, ensure_ascii=False),
             time.time()),
        ).fetchone()[0]
        from ..graph.query import lookup_key

        c.executemany(
            f"INSERT INTO graph_node (graph_id, node, number_key, {', '.join(_NODE_COLUMNS)}, attrs) "
            f"VALUES ({', '.join('?' * (len(_NODE_COLUMNS) + 4))})",
            (
                (gid, n, lookup_key(a["number"]) if a.get("number") else None,
                 *(a.get(col) for col in _NODE_COLUMNS),
                 json.dumps({k: _jsonable(v) for k, v in a.items()}, ensure_ascii=False, separators=(",", ":")))
                for n, a in g.nodes(data=True)
            ),
        )
        c.executemany(
            "INSERT INTO graph_edge (graph_id, source, target, relation, evidence, citing_file, cited_date, attrs) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (gid, u, v, d.get("relation"), d.get("evidence"), d.get("source"), d.get("cited_date"),
                 json.dumps(d, ensure_ascii=False, separators=(",", ":")))
                for u, v, d in g.edges(data=True)
            ),
        )
        stale = [r[0] for r in c.execute("SELECT id FROM graph ORDER BY used_at DESC LIMIT -1 OFFSET ?", (KEEP,))]
        for s in stale:
            c.execute("DELETE FROM graph_node WHERE graph_id = ?", (s,))
            c.execute("DELETE FROM graph_edge WHERE graph_id = ?", (s,))
            c.execute("DELETE FROM graph WHERE id = ?", (s,))
    return int(gid)


def find(store: Store, key: str) -> int | None:
    row = store.conn.execute("SELECT id FROM graph WHERE fingerprint = ?", (key,)).fetchone()
    if row is None:
        return None
    try:
        with write_transaction(store.conn):
            store.conn.execute("UPDATE graph SET used_at = ? WHERE id = ?", (time.time(), row[0]))
    except Exception:  # pragma: no cover - marking it used is a nicety, never a reason to fail
        pass
    return int(row[0])


@dataclass(slots=True)
class StoredGraph:
    """A graph in the store, read in the parts a query needs."""

    store: Store
    graph_id: int

    def _graph_attrs(self) -> dict[str, Any]:
        row = self.store.conn.execute("SELECT attrs FROM graph WHERE id = ?", (self.graph_id,)).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def _nodes(self, g: nx.DiGraph, rows: Iterable[tuple[str, str]]) -> None:
        for node, attrs in rows:
            g.add_node(node, **json.loads(attrs))

    def whole(self) -> nx.DiGraph:
        """The whole graph (for ``check``, which reads every node)."""
        g = nx.DiGraph()
        g.graph.update(self._graph_attrs())
        c = self.store.conn
        self._nodes(g, c.execute("SELECT node, attrs FROM graph_node WHERE graph_id = ?", (self.graph_id,)))
        g.add_edges_from((u, v, json.loads(a)) for u, v, a in
                         c.execute("SELECT source, target, attrs FROM graph_edge WHERE graph_id = ?", (self.graph_id,)))
        return g

    def numbered(self, number: str) -> nx.DiGraph:
        """The nodes whose number is ``number`` (typed as people type it), edges left out."""
        from ..graph.query import lookup_key

        g = nx.DiGraph()
        g.graph.update(self._graph_attrs())
        key = lookup_key(number)
        self._nodes(g, self.store.conn.execute(
            "SELECT node, attrs FROM graph_node WHERE graph_id = ? AND number_key = ?", (self.graph_id, key)))
        return g

    def around(self, root: str, depth: int | None = None) -> nx.DiGraph:
        """Every node reachable from ``root`` against the edges (what carries it out) and along
        them (what it rests on), ``depth`` steps at most, with the edges among them. Walked
        level by level on the edge indexes: the cost follows the answer, not the corpus."""
        c = self.store.conn
        keep = {root}
        for near, far in (("target", "source"), ("source", "target")):
            frontier, seen, level = [root], {root}, 0
            while frontier and (depth is None or level < depth):
                found: list[str] = []
                for k in range(0, len(frontier), 900):
                    chunk = frontier[k:k + 900]
                    marks = ",".join("?" * len(chunk))
                    found += [r[0] for r in c.execute(
                        f"SELECT {far} FROM graph_edge WHERE graph_id = ? AND {near} IN ({marks})",
                        (self.graph_id, *chunk))]
                frontier = [n for n in dict.fromkeys(found) if n not in seen]
                seen.update(frontier)
                level += 1
            keep |= seen
        g = nx.DiGraph()
        g.graph.update(self._graph_attrs())
        c.execute("CREATE TEMP TABLE IF NOT EXISTS graph_scope (node TEXT PRIMARY KEY)")
        c.execute("DELETE FROM graph_scope")
        c.executemany("INSERT INTO graph_scope VALUES (?)", ((n,) for n in keep))
        self._nodes(g, c.execute(
            "SELECT n.node, n.attrs FROM graph_scope s JOIN graph_node n ON n.graph_id = ? AND n.node = s.node "
            "ORDER BY n.rowid", (self.graph_id,)))
        g.add_edges_from((u, v, json.loads(a)) for u, v, a in c.execute(
            "SELECT e.source, e.target, e.attrs FROM graph_scope s JOIN graph_edge e "
            "ON e.graph_id = ? AND e.target = s.node WHERE e.source IN (SELECT node FROM graph_scope) "
            "ORDER BY e.rowid", (self.graph_id,)))
        return g


@dataclass(slots=True)
class MemoryGraph:
    """The same questions asked of a graph built in memory (``--no-store``)."""

    g: nx.DiGraph

    def whole(self) -> nx.DiGraph:
        return self.g

    def numbered(self, number: str) -> nx.DiGraph:
        return self.g

    def around(self, root: str, depth: int | None = None) -> nx.DiGraph:
        return self.g
