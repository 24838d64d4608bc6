"""Every export format reads back with its own reader (or keeps Mermaid's syntax)."""

from __future__ import annotations

import io
import json

import networkx as nx
import pydot
import pytest

from danvan_cli.graph import build_graph, find_roots, traverse
from danvan_cli.graph.export import export
from danvan_cli.model import Document, Issuer, Mention, Reference


@pytest.fixture()
def sub() -> nx.DiGraph:
    r = Reference(number="33/CT-TTg", date="2021-11-26", issuer=Issuer("Thủ tướng Chính phủ", "central"),
                  relation="implements", doc_type="Chỉ thị")
    # colons, quotes and markup in the evidence: every writer must quote them
    r.mentions.append(Mention(0, 9, "33/CT-TTg", 'Thực hiện: Chỉ thị "33" <b>&</b>', "implements"))
    d = Document(source="kh.txt", number="12/KH-UBND", date="2022-02-01", doc_type="Kế hoạch",
                 issuer=Issuer("UBND tỉnh Hải Dương", "province", place="Hải Dương", province="Hải Dương"),
                 references=[r])
    g = build_graph([d])
    return traverse(g, find_roots(g, "33/CT-TTg")[0])


def test_json_is_node_link_data_with_edges_key(sub: nx.DiGraph) -> None:
    data = json.loads(export(sub, "json"))
    back = nx.node_link_graph(data, edges="edges")
    assert set(back.nodes) == set(sub.nodes) and back.number_of_edges() == 1


def test_graphml_and_gexf_read_back(sub: nx.DiGraph) -> None:
    g1 = nx.read_graphml(io.BytesIO(export(sub, "graphml").encode()))
    g2 = nx.read_gexf(io.BytesIO(export(sub, "gexf").encode()))
    for back in (g1, g2):
        assert back.number_of_nodes() == 2 and back.number_of_edges() == 1
    (u, v, rel) = next(iter(g1.edges(data="relation")))
    assert rel == "implements"


def test_dot_parses_with_pydot_and_keeps_the_evidence(sub: nx.DiGraph) -> None:
    (graph,) = pydot.graph_from_dot_data(export(sub, "dot"))
    assert len(graph.get_edges()) == 1
    assert "Thực hiện: Chỉ thị" in graph.get_edges()[0].get("evidence")


def test_mermaid_uses_safe_ids_and_escaped_labels(sub: nx.DiGraph) -> None:
    text = export(sub, "mermaid")
    assert text.startswith("flowchart BT")
    assert "n1 -->|implements| n0" in text or "n0 -->|implements| n1" in text
    assert "/" not in text.split('"')[0]


def test_html_is_self_contained(sub: nx.DiGraph) -> None:
    from importlib import resources

    page = export(sub, "html")
    # The layout library is inlined verbatim (its code names XML namespaces as http:// strings,
    # which are identifiers, not requests); outside it, nothing points off the page.
    elk = resources.files("danvan_cli.graph").joinpath("vendor/elk.bundled.js").read_text(encoding="utf-8")
    assert elk in page
    own = page.replace(elk, "")
    assert "<script src" not in own and "<link" not in own
    assert "http://" not in own.replace("http://www.w3.org/2000/svg", "") and "https://" not in own
    assert "12/KH-UBND" in page and "__DATA__" not in page and "__ELK__" not in page
