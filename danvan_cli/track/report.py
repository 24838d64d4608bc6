"""The track report: for one directive, each unit told to act, what it has issued, how
late, and what it still owes.

Why this shape: an official checking a directive reads one row per unit it told to act
(``units``), the units with nothing in the corpus (never "did not act": the corpus may
simply not hold their document), the documents from units nobody told (``unasked``), and
the whole cascade by level. When the directive's own text is not in the corpus, who was
told cannot be read; the report says so and still lists who acted, by level.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from ..graph.build import DOWN_RELATIONS
from ..graph.identity import place_key, tier_of
from ..model import Document
from ..extract import admin_units as au
from ..i18n import N_
from .cascade import Action, answers, carried_out, day_of
from .collectives import LEVEL_RANK, Territory, territory_of
from .due import OVERDUE, Due, unit_dues
from .expected import Expectation, ExpectedUnit, Origin, expected_units
from .units import GROUP, Target, issuer_keys, member_of, same_province, system_of

Note = tuple[str, dict[str, str]]
NO_ROOT_TEXT = N_("the root's own text is not in this corpus: the units it told to act cannot be read; "
                  "documents carrying it out are listed by level")
UNIT_NOT_IN_DATA = N_("the issuer's unit ({unit}) is not in the administrative data of its period: "
                      "collective addressees are not listed")
NO_UNITS = N_("the root's text names no unit danvan can count")

SCHEMA = "danvan.track/1"
HAS, CITED, NONE = "has_document", "cited_only", "no_document"


@dataclass(slots=True)
class UnitRow:
    """One expected unit: its own documents, the documents below it, what it owes."""

    unit: ExpectedUnit
    documents: list[Action] = field(default_factory=list)
    cited: list[Action] = field(default_factory=list)
    below: list[Action] = field(default_factory=list)
    dues: list[Due] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.documents:
            return HAS
        return CITED if self.cited else NONE

    @property
    def primary(self) -> Action | None:
        """The unit's first document carrying the root out (a plan before a report)."""
        docs = sorted(self.documents or self.cited, key=lambda a: (a.report, a.day or date.max, a.node))
        return docs[0] if docs else None

    @property
    def has_plan(self) -> bool:
        return any(not a.report for a in self.documents)

    def next_due(self, as_of: date) -> Due | None:
        """The next open occurrence on or after ``as_of``, else the oldest overdue one."""
        open_ = [d for d in self.dues if d.status not in ("met", "late")]
        ahead = sorted((d for d in open_ if d.day >= as_of), key=lambda d: d.day)
        if ahead:
            return ahead[0]
        overdue = sorted((d for d in open_ if d.status == OVERDUE), key=lambda d: d.day)
        return overdue[0] if overdue else None

    def to_dict(self, as_of: date) -> dict[str, Any]:
        t = self.unit.target
        p = self.primary
        nxt = self.next_due(as_of)
        return {
            "unit": t.name,
            **{k: v for k, v in t.to_dict().items() if k != "name"},
            "status": self.status,
            "told_by": [o.to_dict() for o in self.unit.origins],
            "document": p.to_dict() if p else None,
            "lag_days": p.lag_days if p else None,
            "documents": [a.to_dict() for a in self.documents],
            "cited_only": [a.to_dict() for a in self.cited],
            "below": [a.to_dict() for a in self.below],
            "deadlines": [d.to_dict() for d in self.dues],
            "next_deadline": nxt.to_dict() if nxt else None,
            "overdue": sum(1 for d in self.dues if d.status == OVERDUE),
        }


@dataclass(slots=True)
class TrackReport:
    root: str
    root_attrs: dict[str, Any]
    as_of: date
    territory: Territory | None
    rows: list[UnitRow]
    unasked: list[Action]
    cascade: list[Action]
    expectation: Expectation | None
    #: what the reader must know, as (message, its values): the JSON gives it in English,
    #: a view in the interface's language
    notes: list[Note] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        """Whether the units told to act could be read (the root's own text is in the corpus)."""
        return self.expectation is not None

    @property
    def missing(self) -> list[UnitRow]:
        return [r for r in self.rows if r.status != HAS]

    def lagged(self) -> list[Action]:
        """The documents whose lag after the root is counted: each unit's own (or, with no
        readable root, each document of the cascade in the corpus)."""
        if not self.readable:
            return [a for a in self.cascade if a.lag_days is not None and a.attrs.get("in_corpus")]
        return [r.primary for r in self.rows if r.status == HAS and r.primary and r.primary.lag_days is not None]

    def summary(self) -> dict[str, Any]:
        """Counts for the report's last line. The median lag is of exact lags only: a lag from
        a partial date (``2025-02``) is a lower bound, counted apart (``lag_lower_bounds``)."""
        acted = self.lagged()
        lags = [a.lag_days for a in acted if not a.lag_approximate]
        bounds = sorted(a.lag_days for a in acted if a.lag_approximate)
        dues = [d for r in self.rows for d in r.dues]
        return {
            "units": len(self.rows),
            "with_document": sum(1 for r in self.rows if r.status == HAS),
            "with_plan": sum(1 for r in self.rows if r.has_plan),
            "cited_only": sum(1 for r in self.rows if r.status == CITED),
            "no_document": sum(1 for r in self.rows if r.status == NONE),
            "median_lag_days": statistics.median(lags) if lags else None,
            "exact_lags": len(lags),
            "lag_lower_bounds": bounds,
            "overdue": sum(1 for d in dues if d.status == OVERDUE),
            "due": sum(1 for d in dues if d.status == "due"),
            "met": sum(1 for d in dues if d.status == "met"),
            "late": sum(1 for d in dues if d.status == "late"),
            "unasked": len(self.unasked),
            "documents": sum(1 for a in self.cascade if a.attrs.get("in_corpus")),
        }

    def to_dict(self) -> dict[str, Any]:
        a = self.root_attrs
        exp = self.expectation
        return {
            "schema": SCHEMA,
            "root": {"id": self.root, "number": a.get("number"), "doc_type": a.get("doc_type"), "date": a.get("date"),
                     "issuer": a.get("issuer"), "title": a.get("title"), "in_corpus": bool(a.get("in_corpus")),
                     "source": a.get("source")},
            "as_of": self.as_of.isoformat(),
            "expected_readable": self.readable,
            "territory": self.territory.display if self.territory else None,
            "notes": [message.format(**values) for message, values in self.notes],
            "summary": self.summary(),
            "units": [r.to_dict(self.as_of) for r in self.rows],
            "unasked": [x.to_dict() for x in self.unasked],
            "untracked": [o.to_dict() for o in exp.untracked] if exp else [],
            "cascade": [x.to_dict() for x in self.cascade],
        }


# --------------------------------------------------------------------------- attribution


def _index(exp: Expectation) -> dict[tuple[str, ...], list[ExpectedUnit]]:
    idx: dict[tuple[str, ...], list[ExpectedUnit]] = {}
    for u in exp.units.values():
        idx.setdefault(u.key, []).append(u)
    return idx


def _own_unit(act: Action, idx: dict[tuple[str, ...], list[ExpectedUnit]]) -> ExpectedUnit | None:
    a = act.attrs
    for key in issuer_keys(a.get("issuer"), a.get("level"), a.get("place")):
        for u in idx.get(key, []):
            if same_province(u.target.province, a.get("province")) or u.target.level == "province":
                return u
    return None


def _family(system: str, level: str | None) -> str:
    return "party" if system == "party" or (level or "").startswith("party") else "state"


def _inside(a: dict[str, Any], t: Target) -> bool:
    """Whether a document's issuer lies inside a unit's place, lower down or as its agency."""
    tier = tier_of(a.get("level"))
    if t.place is None or tier is None:
        return False
    if _family(system_of(a.get("issuer") or "", a.get("level")), a.get("level")) != ("party" if t.party else "state"):
        return False
    deeper = LEVEL_RANK.get(tier, 0) > LEVEL_RANK.get(t.level or "", 0)
    agency = tier == t.level and system_of(a.get("issuer") or "", a.get("level")) == "named"
    if not (deeper or agency):
        return False
    if t.level == "province":
        return place_key(a.get("province")) == place_key(t.place) or (agency and place_key(a.get("place")) == place_key(t.place))
    if t.level == "district":
        if place_key(a.get("place")) == place_key(t.place) and agency:
            return True
        if tier == "commune" and a.get("place"):
            for c in au.commune(a["place"], a.get("province")):
                d = au.parent_district(c)
                if d is not None and place_key(d.name) == place_key(t.place):
                    return True
    return False


def attribute(actions: list[Action], exp: Expectation) -> tuple[dict[tuple[str, ...], UnitRow], list[Action]]:
    """Each document to the unit that issued it, to the unit it lies below (through its
    chain, or inside its territory), or to nobody: ``unasked``."""
    idx = _index(exp)
    rows = {key: UnitRow(u) for key, u in exp.units.items()}
    groups = [u for u in exp.units.values() if u.target.system == GROUP]
    owner: dict[str, tuple[str, ...]] = {}
    unasked: list[Action] = []
    for act in actions:  # breadth first: a document's chain is attributed before it
        in_corpus = bool(act.attrs.get("in_corpus"))
        unit = _own_unit(act, idx) or next((g for g in groups if member_of(act.attrs, g.target)), None)
        if unit is not None:
            owner[act.node] = unit.key
            (rows[unit.key].documents if in_corpus else rows[unit.key].cited).append(act)
            continue
        up = next((owner[link.target] for link in act.chain if link.target in owner), None)
        if up is None:
            up = next((k for k, u in exp.units.items() if u.target.system != GROUP and _inside(act.attrs, u.target)), None)
        if up is not None:
            owner[act.node] = up
            if in_corpus:
                rows[up].below.append(act)
        elif in_corpus:
            unasked.append(act)
    return rows, unasked


# --------------------------------------------------------------------------- the report


def track(
    g: nx.DiGraph,
    root: str,
    root_doc: Document | None,
    *,
    as_of: date,
    relations: Iterable[str] = DOWN_RELATIONS,
) -> TrackReport:
    """The report for ``root`` (a node of ``g``) whose parsed text is ``root_doc`` (``None``
    when the root is only known from citations)."""
    attrs = dict(g.nodes[root])
    acts = carried_out(g, root, relations)
    acts += answers(g, root, {a.node for a in acts})
    acts.sort(key=lambda a: (a.depth, a.day or date.max, a.node))
    cascade = acts
    notes: list[Note] = []
    if root_doc is None:
        notes.append((NO_ROOT_TEXT, {}))
        return TrackReport(root, attrs, as_of, None, [], [], cascade, None, notes)
    issuer = root_doc.issuer
    day, _ = day_of(root_doc.date or attrs.get("date"))
    if day is None and (root_doc.year or attrs.get("year")):
        day = date(int(root_doc.year or attrs["year"]), 1, 1)
    territory = territory_of(issuer.level if issuer else None, issuer.place if issuer else None,
                             issuer.province if issuer else None, day)
    if issuer is not None and territory.level != "central" and territory.unit is None:
        notes.append((UNIT_NOT_IN_DATA, {"unit": issuer.name}))
    exp = expected_units(root_doc, territory)
    if not exp.units:
        notes.append((NO_UNITS, {}))
    by_key, unasked = attribute(acts, exp)
    for dl, keys in exp.deadlines:
        for key in keys:
            row = by_key[key]
            row.dues.extend(unit_dues(dl, root_doc, row.documents, as_of))
    rows = list(by_key.values())
    return TrackReport(root, attrs, as_of, territory, rows, unasked, cascade, exp, notes)


def root_document(g: nx.DiGraph, root: str, documents: Iterable[Document]) -> Document | None:
    """The parsed document of a root node (its first source), if the corpus holds it."""
    source = g.nodes[root].get("source")
    if not source:
        return None
    return next((d for d in documents if d.source == source), None)


__all__ = ["track", "root_document", "TrackReport", "UnitRow", "Origin", "SCHEMA", "HAS", "CITED", "NONE"]
