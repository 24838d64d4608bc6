"""Build the corpus graph: one node per real document, one edge per citation.

An edge runs from the citing (implementing) document to the cited one, as in the
output contract, so "what carries X out" is X's predecessors and "what X rests on"
its successors.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ..model import RELATION_STRENGTH, Document
from .identity import resolve

#: Relations followed by default when walking down from a directive.
DOWN_RELATIONS: tuple[str, ...] = ("implements", "directs", "based_on")
ALL_RELATIONS: tuple[str, ...] = tuple(sorted(RELATION_STRENGTH, key=RELATION_STRENGTH.__getitem__, reverse=True))


def build_graph(documents: Iterable[Document]) -> nx.DiGraph:
    """A ``DiGraph`` of the documents and everything they cite.

    Node attributes: ``number, doc_type, date, year, issuer, level, place, province,
    title, in_corpus, source, sources, cited_by, warnings`` (messages, for people) and
    ``warning_codes`` (the same warnings' stable codes, for programs). Edge attributes:
    ``relation`` (the strongest among the citing document's references to the node),
    ``evidence`` (the sentence), ``source`` (the citing file), ``cited_date``; an edge read
    second-hand from a citation's subject (``Document.links``) has ``via``, the node of the
    document that reported it, instead of ``cited_date``.
    Graph attributes ``warnings``/``warning_codes``: citations that could not be tied to one document."""
    docs = list(documents)
    res = resolve(docs)
    g: nx.DiGraph = nx.DiGraph()
    g.graph["warnings"] = [w.message for w in res.warnings]
    g.graph["warning_codes"] = [w.code for w in res.warnings]
    for node_id, ident in res.identities.items():
        g.add_node(node_id, **ident.attributes())
    for (i, j), target in res.reference_node.items():
        source_node = res.document_node[i]
        if source_node == target:
            continue  # a document naming its own number (in its Nơi nhận or a footer)
        ref = docs[i].references[j]
        relation = ref.relation or "cites"
        attrs = {
            "relation": relation,
            "evidence": ref.evidence,
            "source": docs[i].source,
            "cited_date": ref.date,
        }
        if g.has_edge(source_node, target):
            old = g.edges[source_node, target]
            if RELATION_STRENGTH.get(relation, -1) <= RELATION_STRENGTH.get(old["relation"], -1):
                continue
        g.add_edge(source_node, target, **attrs)
    # Second-hand edges, read from a citation's subject ("Kế hoạch số 57-KH/TU ... về thực hiện
    # Chỉ thị số 05-CT/TW"): they hang a plan under a directive through a document whose own
    # text is not in the corpus. ``via`` is the document that reported them; a first-hand edge
    # between the same two documents wins.
    for i, doc in enumerate(docs):
        for link in doc.links:
            a, b = res.reference_node.get((i, link.source)), res.reference_node.get((i, link.target))
            if a is None or b is None or a == b or g.has_edge(a, b):
                continue
            g.add_edge(a, b, relation=link.relation, evidence=link.evidence, source=doc.source,
                       via=res.document_node[i])
    return g
