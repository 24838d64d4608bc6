"""The status of each deadline occurrence ``danvan deadlines --as-of`` lists.

Why: a list of due dates is half the answer; an official also asks which are already
answered. An occurrence of a document's deadline is ``met`` when every unit it is
addressed to has, in the corpus, an answer dated on or before it (a report citing the
document for a reporting deadline, a document carrying it out for any other), ``late``
when every unit answered but some after the date, else ``overdue``, ``due`` or
``upcoming`` by the as-of day. The addressees are read as ``danvan track`` reads them
(collectives expanded on the document's date inside its issuer's territory); when they
name no countable unit ("các đơn vị"), any answer from another body than the issuer
stands for them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from ..graph.build import DOWN_RELATIONS
from ..model import Deadline, Document
from ..schedule import Occurrence
from .cascade import Action, day_of, is_report
from .collectives import Territory, is_self, read_phrase, territory_of
from .due import Due, overall, time_status, unit_dues
from .units import GROUP, Target, issuer_keys, member_of


@dataclass(slots=True)
class OccurrenceStatus:
    """The status of one listed occurrence and the answers found for it."""

    status: str
    answers: list[Action] = field(default_factory=list)
    units: int = 0
    answered: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "answered_by": [{"number": a.attrs.get("number"), "doc_type": a.attrs.get("doc_type"),
                             "date": a.attrs.get("date"), "issuer": a.attrs.get("issuer"),
                             "source": a.attrs.get("source")} for a in self.answers],
            "units": self.units,
            "units_answered": self.answered,
        }


def _territory(doc: Document) -> Territory:
    iss = doc.issuer
    day, _ = day_of(doc.date)
    if day is None and doc.year:
        day = date(doc.year, 1, 1)
    return territory_of(iss.level if iss else None, iss.place if iss else None, iss.province if iss else None, day)


def _targets(deadline: Deadline, doc: Document, territory: Territory) -> list[Target]:
    iss = doc.issuer
    out: dict[tuple[str, ...], Target] = {}
    for phrase in deadline.assignees:
        for t in read_phrase(phrase, territory).targets:
            if not is_self(t, iss.name if iss else None, iss.level if iss else None, iss.place if iss else None):
                out.setdefault(t.key, t)
    return list(out.values())


def _answers_of(g: nx.DiGraph, node: str) -> list[Action]:
    """Documents of the corpus citing ``node``: reports in any way, others carrying it out."""
    out = []
    for src in g.predecessors(node):
        attrs = g.nodes[src]
        if not attrs.get("in_corpus"):
            continue
        report = is_report(attrs)
        if not report and g.edges[src, node].get("relation") not in DOWN_RELATIONS:
            continue
        out.append(Action(src, dict(attrs), 1, report=report))
    return out


def _from(target: Target, act: Action) -> bool:
    a = act.attrs
    if target.system == GROUP:
        return member_of(a, target)
    return target.key in issuer_keys(a.get("issuer"), a.get("level"), a.get("place"))


def deadline_statuses(occs: Sequence[Occurrence], documents: Sequence[Document], as_of: date,
                      graph: nx.DiGraph | None = None) -> list[OccurrenceStatus]:
    """One status per occurrence of ``occs`` (documents of ``documents``) as of ``as_of``.

    ``graph`` is the corpus graph when the caller has one (built here otherwise)."""
    if graph is None:
        from ..graph.build import build_graph

        graph = build_graph(documents)
    by_source = {src: n for n, a in graph.nodes(data=True) for src in a.get("sources") or ()}
    node_of = {id(d): by_source.get(d.source) for d in documents}
    memo: dict[tuple[int, int], dict[date, OccurrenceStatus]] = {}
    out: list[OccurrenceStatus] = []
    for o in occs:
        key = (id(o.doc), o.deadline.span.start)
        table = memo.get(key)
        if table is None:
            table = memo[key] = _statuses(o.deadline, o.doc, graph, node_of.get(id(o.doc)), as_of)
        out.append(table.get(o.day) or OccurrenceStatus(time_status(o.day, as_of)))
    return out


def _statuses(deadline: Deadline, doc: Document, g: nx.DiGraph, node: str | None, as_of: date) -> dict[date, OccurrenceStatus]:
    answers = _answers_of(g, node) if node is not None and node in g else []
    targets = _targets(deadline, doc, _territory(doc))
    iss = doc.issuer
    if targets:
        per_unit = [unit_dues(deadline, doc, [a for a in answers if _from(t, a)], as_of) for t in targets]
    else:
        own = issuer_keys(iss.name if iss else None, iss.level if iss else None, iss.place if iss else None)
        others = [a for a in answers
                  if not set(issuer_keys(a.attrs.get("issuer"), a.attrs.get("level"), a.attrs.get("place"))) & set(own)]
        per_unit = [unit_dues(deadline, doc, others, as_of)]
    table: dict[date, OccurrenceStatus] = {}
    for k in range(len(per_unit[0]) if per_unit else 0):
        dues: list[Due] = [u[k] for u in per_unit]
        status = overall([d.status for d in dues]) or time_status(dues[0].day, as_of)
        found = [d.answer for d in dues if d.answer is not None]
        table[dues[0].day] = OccurrenceStatus(status, found, len(targets) or 1, len(found))
    return table
