"""The corpus report of ``danvan check``: what in a corpus needs a person's eye.

Everything is read off the corpus graph, so the report and ``danvan graph`` can never
disagree about which documents are one and which are two. Warnings are chosen by their
stable *code* (``data/warnings.yaml``), never by their wording.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import networkx as nx

#: Node warnings that make a document a conflict to look at.
CONFLICT_CODES = frozenset({"dated-differently", "named-as-different-types"})
#: Graph warnings about citations that could not be tied to one document.
UNRESOLVED_CODES = frozenset({"ambiguous-citation"})


def _iso(d: str | None) -> date | None:
    if not d or len(d) != 10:
        return None
    try:
        return date.fromisoformat(d)
    except ValueError:
        return None


def _coded(attrs: dict[str, Any], codes: frozenset[str]) -> list[str]:
    """The messages of the warnings in ``attrs`` whose code is one of ``codes``."""
    messages = list(attrs.get("warnings") or [])
    return [m for m, c in zip(messages, attrs.get("warning_codes") or [], strict=False) if c in codes]


def build_report(g: nx.DiGraph) -> dict[str, Any]:
    """The lists of the report, plain data (``--format json`` prints it as is).

    - ``conflicts``: documents cited with different dates or types (node warnings);
    - ``missing``: cited documents not in the corpus, most cited first;
    - ``ambiguous_numbers``: numbers that stand for several documents, and
      ``unresolved_citations``: citations that could not be tied to one of them;
    - ``orphan_plans``: plans whose implemented directive is not in the corpus;
    - ``lead_times``: days from a directive to each plan that implements it."""
    conflicts = []
    for n, a in g.nodes(data=True):
        if _coded(a, CONFLICT_CODES):
            conflicts.append({"id": n, "number": a.get("number"), "issuer": a.get("issuer"),
                              "warnings": list(a.get("warnings") or []),
                              "warning_codes": list(a.get("warning_codes") or [])})
    missing = []
    for n, a in g.nodes(data=True):
        if a.get("in_corpus"):
            continue
        citing = sorted({d.get("source") for _u, _v, d in g.in_edges(n, data=True) if d.get("source")})
        missing.append({"id": n, "number": a.get("number"), "doc_type": a.get("doc_type"), "date": a.get("date"),
                        "issuer": a.get("issuer"), "cited_by": len(citing), "cited_in": citing})
    missing.sort(key=lambda r: (-r["cited_by"], r["id"]))

    by_number: dict[str, list[str]] = defaultdict(list)
    for n, a in g.nodes(data=True):
        if a.get("number"):
            by_number[a["number"]].append(n)
    ambiguous = [{"number": num, "documents": sorted(ids)} for num, ids in sorted(by_number.items()) if len(ids) > 1]
    unresolved = _coded(g.graph, UNRESOLVED_CODES)

    orphans = []
    lead_times = []
    for u, v, d in g.edges(data=True):
        if d.get("relation") != "implements":
            continue
        plan, target = g.nodes[u], g.nodes[v]
        if not target.get("in_corpus"):
            orphans.append({"plan": u, "source": plan.get("source"), "implements": v, "number": target.get("number")})
        start, end = _iso(target.get("date")), _iso(plan.get("date"))
        lead_times.append({"directive": v, "plan": u, "directive_date": target.get("date"),
                           "plan_date": plan.get("date"), "days": (end - start).days if start and end else None})
    orphans.sort(key=lambda r: (r["implements"], r["plan"]))
    lead_times.sort(key=lambda r: (r["directive"], r["days"] if r["days"] is not None else 10**9, r["plan"]))
    return {
        "schema": "danvan.check/1",
        "documents": g.number_of_nodes(),
        "in_corpus": sum(1 for _n, a in g.nodes(data=True) if a.get("in_corpus")),
        "conflicts": conflicts,
        "missing": missing,
        "ambiguous_numbers": ambiguous,
        "unresolved_citations": unresolved,
        "orphan_plans": orphans,
        "lead_times": lead_times,
    }
