"""Who has carried a directive out: the documents of the corpus under it in the graph.

Why: "has UBND tỉnh X acted on Chỉ thị 33/CT-TTg" is answered by a document X issued that
carries the directive out — directly ("Thực hiện Chỉ thị số 33/CT-TTg ..."), through an
intermediate plan (a district's plan carrying out the province's plan), or through a link
read second-hand from a cited subject ("Kế hoạch số 57-KH/TU ... về thực hiện Chỉ thị số
05-CT/TW", an edge with ``via`` naming the document it was read in). The graph already
holds these edges; this module walks them down from the root, keeps for each document its
shortest chain back to the root, and measures the lag from the root's date.

Only the part of the graph under the root is visited, so the cost follows the size of the
cascade, not of the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from ..graph.build import DOWN_RELATIONS
from ..refdata import pattern
from ..text.normalize import normalize_text
from .units import TOPIC


def day_of(iso: str | None) -> tuple[date | None, bool]:
    """The first day a (possibly partial) ISO date can mean, and whether it was partial:
    ``2025-02`` → (2025-02-01, True). Lags from partial dates are lower bounds."""
    if not iso:
        return None, False
    parts = iso.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d), len(parts) < 3
    except ValueError:
        return None, False


def is_report(attrs: dict[str, Any]) -> bool:
    """A report (``Báo cáo``, by its type or the first words of its title)."""
    if (attrs.get("doc_type") or "") == "Báo cáo":
        return True
    title = normalize_text(attrs.get("title") or "")
    m = pattern(TOPIC, "reports").match(title.lstrip())
    return m is not None


@dataclass(frozen=True, slots=True)
class Link:
    """One step of a chain: ``source`` carries ``target`` out with ``relation``; ``via``
    names the document a second-hand link was read in."""

    source: str
    target: str
    relation: str
    via: str | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target, "relation": self.relation, "via": self.via,
                "evidence": self.evidence}


@dataclass(slots=True)
class Action:
    """A document of the corpus that carries the root out."""

    node: str
    attrs: dict[str, Any]
    depth: int
    chain: list[Link] = field(default_factory=list)
    lag_days: int | None = None
    lag_approximate: bool = False
    report: bool = False

    @property
    def day(self) -> date | None:
        return day_of(self.attrs.get("date"))[0] or (date(self.attrs["year"], 1, 1) if self.attrs.get("year") else None)

    @property
    def relation(self) -> str:
        return self.chain[0].relation if self.chain else ""

    @property
    def second_hand(self) -> bool:
        return any(link.via for link in self.chain)

    @property
    def how(self) -> str:
        """``directly``, ``through an intermediate document`` or ``second-hand``."""
        if self.second_hand:
            return "second-hand"
        return "directly" if self.depth == 1 else "through an intermediate document"

    def label(self) -> str:
        a = self.attrs
        kind = a.get("doc_type") or "Văn bản"
        return f"{kind} {a.get('number') or '(không số)'}"

    def to_dict(self) -> dict[str, Any]:
        a = self.attrs
        return {
            "node": self.node,
            "number": a.get("number"),
            "doc_type": a.get("doc_type"),
            "date": a.get("date"),
            "year": a.get("year"),
            "issuer": a.get("issuer"),
            "level": a.get("level"),
            "place": a.get("place"),
            "province": a.get("province"),
            "title": a.get("title"),
            "source": a.get("source"),
            "relation": self.relation,
            "how": self.how,
            "depth": self.depth,
            "report": self.report,
            "lag_days": self.lag_days,
            "lag_approximate": self.lag_approximate,
            "chain": [link.to_dict() for link in self.chain],
        }


def carried_out(g: nx.DiGraph, root: str, relations: Iterable[str] = DOWN_RELATIONS) -> list[Action]:
    """Every document under ``root`` (edges into it of ``relations``, followed down), with
    its shortest chain to the root, in breadth-first order. Documents known only from
    citations are kept too (``attrs["in_corpus"]`` false): a district's plan citing its
    province's plan shows the province acted even when that plan's text is absent."""
    rels = set(relations)
    root_day, root_partial = day_of(g.nodes[root].get("date"))
    parent: dict[str, tuple[str, dict[str, Any]]] = {}
    depth = {root: 0}
    queue: deque[str] = deque([root])
    order: list[str] = []
    while queue:
        node = queue.popleft()
        for src in g.predecessors(node):
            data = g.edges[src, node]
            if data.get("relation") not in rels or src in depth:
                continue
            depth[src] = depth[node] + 1
            parent[src] = (node, data)
            order.append(src)
            queue.append(src)
    out: list[Action] = []
    for node in order:
        attrs = g.nodes[node]
        chain: list[Link] = []
        cur = node
        while cur != root:
            up, data = parent[cur]
            chain.append(Link(cur, up, data.get("relation") or "cites", data.get("via"), data.get("evidence")))
            cur = up
        act = Action(node, dict(attrs), depth[node], chain, report=is_report(attrs))
        day = act.day
        if day is not None and root_day is not None:
            act.lag_days = (day - root_day).days
            act.lag_approximate = root_partial or day_of(attrs.get("date"))[1] or not attrs.get("date")
        out.append(act)
    return out


def answers(g: nx.DiGraph, root: str, known: set[str]) -> list[Action]:
    """Reports in the corpus citing the root in any way ("Báo cáo kết quả thực hiện Chỉ thị
    số 33/CT-TTg ..." usually only cites it) that the walk down did not already reach."""
    root_day, _ = day_of(g.nodes[root].get("date"))
    out = []
    for src in g.predecessors(root):
        attrs = g.nodes[src]
        if src in known or not attrs.get("in_corpus") or not is_report(attrs):
            continue
        data = g.edges[src, root]
        act = Action(src, dict(attrs), 1, [Link(src, root, data.get("relation") or "cites", data.get("via"),
                                               data.get("evidence"))], report=True)
        if act.day is not None and root_day is not None:
            act.lag_days = (act.day - root_day).days
        out.append(act)
    return out
