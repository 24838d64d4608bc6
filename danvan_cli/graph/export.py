"""Write a graph in the formats people open it with.

JSON is networkx node-link data (the output contract); GraphML and GEXF (Gephi) are
networkx's own writers; DOT goes through networkx's pydot bridge so quoting is pydot's
job, not ours; Mermaid has no Python library, so it is written here with its escaping
rules; HTML is a self-contained page (``html.py``).
"""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx

FORMATS = ("tree", "json", "dot", "graphml", "gexf", "mermaid", "html")


def node_label(attrs: dict[str, Any], node_id: str = "") -> str:
    """``Kế hoạch 12/KH-UBND (2022-03-05) — UBND tỉnh Hải Dương``; a parsed file without a number
    is named by its type and issuer."""
    head = " ".join(x for x in (attrs.get("doc_type"), attrs.get("number")) if x) or node_id
    if not attrs.get("number") and attrs.get("doc_type"):
        head = f"{attrs['doc_type']} (không số)"
    date = f" ({attrs['date']})" if attrs.get("date") else ""
    issuer = f" — {attrs['issuer']}" if attrs.get("issuer") else ""
    return f"{head}{date}{issuer}"


def to_json_data(g: nx.DiGraph) -> dict[str, Any]:
    """Node-link data per the output contract (edges under ``"edges"``)."""
    data = nx.node_link_data(g, edges="edges")
    data["schema"] = "danvan.graph/1"
    return data


def to_json(g: nx.DiGraph) -> str:
    """Node-link JSON with one node and one edge per line. Why not ``indent=2``: Python's
    fast (C) encoder runs only without indentation, and a cascade of 90,000 documents took
    seconds to indent; a line per node is as readable and greps well."""
    data = to_json_data(g)
    enc = json.JSONEncoder(ensure_ascii=False).encode
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            body = ",\n    ".join(enc(v) for v in value)
            lines.append(f"  {enc(key)}: [\n    {body}\n  ]")
        else:
            lines.append(f"  {enc(key)}: {enc(value)}")
    return "{\n" + ",\n".join(lines) + "\n}"


def _scalar(value: Any) -> str | int | float | bool | None:
    """GraphML and GEXF take scalars only: lists become ``; ``-joined text, ``None`` is left out."""
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value) if value else None
    return str(value)


def _flat_copy(g: nx.DiGraph) -> nx.DiGraph:
    flat: nx.DiGraph = nx.DiGraph()
    for n, attrs in g.nodes(data=True):
        clean = {k: v for k, v in ((k, _scalar(v)) for k, v in attrs.items()) if v is not None}
        clean.setdefault("label", node_label(attrs, n))
        flat.add_node(n, **clean)
    for u, v, attrs in g.edges(data=True):
        clean = {k: val for k, val in ((k, _scalar(x)) for k, x in attrs.items()) if val is not None}
        flat.add_edge(u, v, **clean)
    return flat


def _flat_graph_attrs(g: nx.DiGraph) -> dict[str, Any]:
    return {k: v for k, v in ((k, _scalar(v)) for k, v in g.graph.items()) if v is not None}


def to_graphml(g: nx.DiGraph) -> str:
    flat = _flat_copy(g)
    flat.graph.update(_flat_graph_attrs(g))
    buf = io.BytesIO()
    nx.write_graphml(flat, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def to_gexf(g: nx.DiGraph) -> str:
    flat = _flat_copy(g)
    buf = io.BytesIO()
    nx.write_gexf(flat, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def _dot_quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(g: nx.DiGraph) -> str:
    """DOT via ``networkx.nx_pydot``. Values are quoted up front: networkx refuses
    unquoted strings with ``:`` (port syntax), and evidence sentences have colons."""
    out: nx.DiGraph = nx.DiGraph()
    out.graph["graph"] = {"rankdir": "BT"}
    out.graph["node"] = {"shape": "box"}
    for n, attrs in g.nodes(data=True):
        keep = {
            k: _dot_quote(str(v))
            for k, v in ((k, _scalar(v)) for k, v in attrs.items())
            if v is not None and k not in ("name",)
        }
        keep["label"] = _dot_quote(node_label(attrs, n))
        if not attrs.get("in_corpus"):
            keep["style"] = _dot_quote("dashed")
        out.add_node(_dot_quote(n), **keep)
    for u, v, attrs in g.edges(data=True):
        keep = {k: _dot_quote(str(x)) for k, x in ((k, _scalar(x)) for k, x in attrs.items()) if x is not None}
        keep["label"] = _dot_quote(str(attrs.get("relation", "")))
        out.add_edge(_dot_quote(u), _dot_quote(v), **keep)
    return nx.nx_pydot.to_pydot(out).to_string()


def _mermaid_text(s: str) -> str:
    """Mermaid labels: quotes and markup characters as entity codes."""
    return (
        s.replace("&", "#amp;")
        .replace('"', "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;")
        .replace("\n", " ")
    )


def to_mermaid(g: nx.DiGraph) -> str:
    """A Mermaid flowchart, bottom to top so the directive sits above the plans that carry it out.
    Node ids are ``n0, n1, ...`` (Mermaid ids cannot hold ``/`` or spaces); the label says which."""
    ids = {n: f"n{i}" for i, n in enumerate(g.nodes)}
    lines = ["flowchart BT"]
    for n, attrs in g.nodes(data=True):
        label = _mermaid_text(node_label(attrs, n))
        shape = f'["{label}"]' if attrs.get("in_corpus") else f'(["{label}"])'
        lines.append(f"    {ids[n]}{shape}")
    for u, v, attrs in g.edges(data=True):
        rel = _mermaid_text(str(attrs.get("relation", "")))
        lines.append(f"    {ids[u]} -->|{rel}| {ids[v]}")
    stubs = [ids[n] for n, a in g.nodes(data=True) if not a.get("in_corpus")]
    if stubs:
        lines.append("    classDef stub stroke-dasharray: 4 3")
        lines.append(f"    class {','.join(stubs)} stub")
    roots = [ids[n] for n, a in g.nodes(data=True) if a.get("root")]
    if roots:
        lines.append("    classDef root stroke-width:3px")
        lines.append(f"    class {','.join(roots)} root")
    return "\n".join(lines) + "\n"


def export(g: nx.DiGraph, fmt: str) -> str:
    """The graph as text in ``fmt`` (every format but ``tree``, which is rendered with rich)."""
    if fmt == "json":
        return to_json(g) + "\n"
    if fmt == "dot":
        return to_dot(g)
    if fmt == "graphml":
        return to_graphml(g)
    if fmt == "gexf":
        return to_gexf(g)
    if fmt == "mermaid":
        return to_mermaid(g)
    if fmt == "html":
        from .html import to_html

        return to_html(to_json_data(g), g.graph.get("root"))
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
