"""The graph around a root as a rich tree: how a directive goes down the levels.

A tree, not a graph: each document is shown under the first document it was reached
from; where it is reached again (a plan implementing two documents of the cascade) it
is shown once more as a one-line back reference, so nothing is hidden and nothing loops.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from rich.text import Text
from rich.tree import Tree

from ..i18n import _
from ..words import relation as relation_word
from ..words import unnumbered
from .labels import shorten
from ..filenames import shown as shown_path

RELATION_STYLE = {
    "implements": "bold red",
    "directs": "blue",
    "based_on": "green",
    "amends": "magenta",
    "replaces": "yellow",
    "cites": "dim",
}


def node_text(attrs: dict[str, Any], node_id: str, relation: str | None = None) -> Text:
    """``[implements] Kế hoạch 12/KH-UBND 2022-03-05 UBND tỉnh Hải Dương — title ◌``;
    ``◌ not in corpus`` marks a document only known from citations."""
    t = Text(overflow="fold")
    if relation:
        t.append(f"[{relation_word(relation)}] ", style=RELATION_STYLE.get(relation, ""))
    head = " ".join(x for x in (attrs.get("doc_type"), attrs.get("number")) if x)
    if not attrs.get("number"):
        head = unnumbered(attrs.get("doc_type"))
    t.append(head, style="bold")
    if not attrs.get("in_corpus"):
        t.append("  ◌ " + _("not in the corpus"), style="dim")
    if attrs.get("date"):
        t.append(f"  {attrs['date']}", style="cyan")
    elif attrs.get("year"):
        t.append(f"  {attrs['year']}", style="cyan")
    if attrs.get("issuer"):
        t.append(f"  {attrs['issuer']}")
    if attrs.get("warnings"):
        t.append(f"  ⚠ {len(attrs['warnings'])}", style="yellow")
    if attrs.get("in_corpus") and attrs.get("source"):
        t.append(f"  [{shown_path(attrs['source'])}]", style="dim")
    if attrs.get("title"):
        t.append(f" — {shorten(attrs['title'], 70)}", style="italic")
    return t


def render_tree(sub: nx.DiGraph, root: str) -> Tree:
    """``sub`` is a ``traverse`` result; children are ordered by level, date, then id."""
    direction = sub.graph.get("direction", "down")
    tree = Tree(node_text(sub.nodes[root], root))

    def children(node: str, way: str) -> list[tuple[str, str]]:
        if way == "down":
            pairs = [(u, sub.edges[u, node]["relation"]) for u in sub.predecessors(node)]
        else:
            pairs = [(v, sub.edges[node, v]["relation"]) for v in sub.successors(node)]
        return sorted(pairs, key=lambda p: (sub.nodes[p[0]].get("date") or "", p[0]))

    ways = ["down", "up"] if direction == "both" else [direction]
    for way in ways:
        top = tree if len(ways) == 1 else tree.add(Text(_("↓ carry this document out") if way == "down" else _("↑ this document rests on"),
                                                          style="bold"))
        shown: set[str] = {root}
        stack: list[tuple[str, Tree]] = [(root, top)]
        # breadth-first so a document sits under its nearest parent
        while stack:
            next_stack: list[tuple[str, Tree]] = []
            for node, branch in stack:
                for child, rel in children(node, way):
                    if child in shown:
                        branch.add(Text(f"[{relation_word(rel)}] ↺ {shown_path(child)}", style="dim"))
                        continue
                    shown.add(child)
                    next_stack.append((child, branch.add(node_text(sub.nodes[child], child, rel))))
            stack = next_stack
    return tree
