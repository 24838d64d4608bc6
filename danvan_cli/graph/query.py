"""Find the root a user names and walk the graph from it."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import networkx as nx

from ..text.normalize import ascii_key
from .build import ALL_RELATIONS, DOWN_RELATIONS
from ..extract.numbers import normalize_number
from .identity import number_key

DIRECTIONS = ("down", "up", "both")
#: "up" follows what the root rests on: every relation but a passing mention.
UP_RELATIONS: tuple[str, ...] = tuple(r for r in ALL_RELATIONS if r != "cites")


@lru_cache(maxsize=65536)
def lookup_key(number: str) -> str:
    """The key a number is looked up by when a user types it: ``number_key`` with accents and
    the bar of ``Đ`` folded away, as search folds them, so ``23-QD/TW`` (typed on a keyboard
    without Vietnamese) finds ``23-QĐ/TW``."""
    return ascii_key(number_key(normalize_number(number) or number))


def find_roots(g: nx.DiGraph, number: str, *, year: int | None = None, issuer: str | None = None) -> list[str]:
    """Nodes the number a user typed can mean (``33/ct-ttg``, ``23-QĐ/TW``, ``23-QD/TW``, ``02 /CT-UBND``).

    ``year`` keeps documents of that year (or whose Party term covers it); ``issuer``
    keeps those whose issuer, place or province contains it, accents and case ignored
    (``--issuer "ha noi"``). In-corpus documents come first, then by date."""
    wanted = lookup_key(number)
    found = [n for n, a in g.nodes(data=True) if a.get("number") and lookup_key(a["number"]) == wanted]
    if year is not None:
        found = [n for n in found if _in_year(g.nodes[n], year)]
    if issuer:
        needle = ascii_key(issuer)
        found = [
            n
            for n in found
            if any(needle in ascii_key(str(g.nodes[n].get(k) or "")) for k in ("issuer", "place", "province"))
            or needle in ascii_key(n)
        ]
    return sorted(found, key=lambda n: (not g.nodes[n].get("in_corpus"), g.nodes[n].get("date") or "", n))


def _in_year(attrs: dict[str, Any], year: int) -> bool:
    if attrs.get("year") == year:
        return True
    period = attrs.get("period") or ""
    if "-" in period:
        start, end = (int(x) for x in period.split("-"))
        return attrs.get("year") is None and start <= year <= end
    return False


def default_relations(direction: str) -> tuple[str, ...]:
    return UP_RELATIONS if direction == "up" else DOWN_RELATIONS


def traverse(
    g: nx.DiGraph,
    root: str,
    *,
    direction: str = "down",
    depth: int | None = None,
    relations: Iterable[str] | None = None,
) -> nx.DiGraph:
    """The part of ``g`` reached from ``root``, breadth first.

    ``down`` walks to the documents that carry the root out (edges into it), ``up`` to
    what it rests on (edges out of it), ``both`` does each. Only edges whose relation is
    in ``relations`` are followed. Each node gets ``depth`` (steps from the root; negative
    going up) and the root ``root=True``. The subgraph keeps every followed edge, so a
    plan that implements two documents of the cascade shows both links."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}")
    rels = set(relations) if relations is not None else set(default_relations(direction))
    if direction == "both" and relations is None:
        rels = set(DOWN_RELATIONS) | set(UP_RELATIONS)
    out: nx.DiGraph = nx.DiGraph()
    out.graph.update(g.graph)
    out.graph["root"] = root
    out.graph["direction"] = direction
    out.add_node(root, **g.nodes[root], depth=0, root=True)
    ways = ["down", "up"] if direction == "both" else [direction]
    for way in ways:
        sign = 1 if way == "down" else -1
        seen = {root: 0}
        queue: deque[str] = deque([root])
        while queue:
            node = queue.popleft()
            d = seen[node]
            if depth is not None and d >= depth:
                continue
            # Neighbours in sorted order: the result never depends on the order edges were
            # added in (a graph built in memory and one read back from the store agree).
            if way == "down":
                steps = ((u, u, node) for u in sorted(g.predecessors(node)))
            else:
                steps = ((v, node, v) for v in sorted(g.successors(node)))
            for other, a, b in steps:
                data = g.edges[a, b]
                if data.get("relation") not in rels:
                    continue
                if other not in out:
                    out.add_node(other, **g.nodes[other], depth=sign * (d + 1))
                out.add_edge(a, b, **data)
                if other not in seen:
                    seen[other] = d + 1
                    queue.append(other)
    return out


def candidates_table(g: nx.DiGraph, nodes: list[str]) -> list[dict[str, Any]]:
    """What a user needs to choose between documents sharing a number."""
    return [
        {
            "id": n,
            "number": g.nodes[n].get("number"),
            "issuer": g.nodes[n].get("issuer"),
            "date": g.nodes[n].get("date"),
            "title": g.nodes[n].get("title"),
            "in_corpus": g.nodes[n].get("in_corpus"),
        }
        for n in nodes
    ]
