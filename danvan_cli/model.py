"""The records danvan extracts, as plain dataclasses.

Every record knows how to turn itself into the JSON shape promised in
``output-contract.md`` (``to_dict``). Keys listed there are stable; extra keys
may be added, never renamed. Missing knowledge is ``None`` or ``[]``, never ``""``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "danvan.document/1"

#: Relations from weakest to strongest; a reference keeps the strongest of its mentions.
#: ``proposal`` ("Xét đề nghị của Sở Nội vụ tại Tờ trình số ...") names the proposing body's
#: document: more than a passing citation, less than an order or a legal basis.
RELATION_STRENGTH: dict[str, int] = {
    "cites": 0,
    "proposal": 1,
    "directs": 2,
    "based_on": 3,
    "amends": 4,
    "replaces": 5,
    "implements": 6,
}


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into the normalized text."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Warning:  # noqa: A001 - the record the issue names; import it as ``model.Warning``
    """What a careful reader would flag. ``code`` is stable (``data/warnings.yaml`` lists
    every code with what it means): programs such as ``danvan check`` select by it, never
    by the wording of ``message``, which is for people and may change."""

    code: str
    message: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "span": self.span.to_dict() if self.span else None}


@dataclass(slots=True)
class Issuer:
    """An issuing body. ``place`` is the administrative unit it belongs to (``Hải Phòng``),
    ``None`` for central bodies; it is what lets two ``02/CT-UBND`` be told apart."""

    name: str
    level: str | None = None
    inferred: bool = False
    place: str | None = None
    province: str | None = None
    #: the body it belongs to, named above it in the header (Bộ Tài chính over Cục Thuế)
    parent: Issuer | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "level": self.level,
            "inferred": self.inferred,
            "place": self.place,
            "province": self.province,
        }
        if self.parent is not None:
            d["parent"] = self.parent.to_dict()
        return d


@dataclass(slots=True)
class Signer:
    """Who signed: the person's name alone, the authority lines (``TM. ỦY BAN NHÂN DÂN /
    KT. CHỦ TỊCH``) joined in order, the title above the name."""

    name: str | None
    authority: str | None = None
    title: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "authority": self.authority, "title": self.title}


@dataclass(slots=True)
class Mention:
    """One place where a document is cited. ``text`` is the citation as written
    (``text[start:end]`` of the normalized text); ``sentence`` is the evidence around it."""

    start: int
    end: int
    text: str
    sentence: str
    relation: str = "cites"
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "relation": self.relation,
        }


@dataclass(slots=True)
class Reference:
    """A cited document, all of its mentions in one document merged.

    ``issuer`` is the same record a document's own issuer is (name, level, place,
    province), so one constructor in ``graph/identity.py`` serves both; the JSON keeps the
    contract's flat keys (``issuer`` a string, ``issuer_level``/``_place``/``_province``)."""

    number: str
    doc_type: str | None = None
    date: str | None = None
    issuer: Issuer | None = None
    title: str | None = None
    relation: str = "cites"
    mentions: list[Mention] = field(default_factory=list)
    number_raw: str | None = None

    @property
    def issuer_name(self) -> str | None:
        return self.issuer.name if self.issuer else None

    @property
    def issuer_level(self) -> str | None:
        return self.issuer.level if self.issuer else None

    @property
    def issuer_place(self) -> str | None:
        return self.issuer.place if self.issuer else None

    @property
    def issuer_province(self) -> str | None:
        return self.issuer.province if self.issuer else None

    @property
    def evidence(self) -> str | None:
        """The sentence of the first mention that carries the reference's relation."""
        for m in self.mentions:
            if m.relation == self.relation:
                return m.sentence
        return self.mentions[0].sentence if self.mentions else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "number_raw": self.number_raw,
            "doc_type": self.doc_type,
            "date": self.date,
            "issuer": self.issuer_name,
            "issuer_level": self.issuer_level,
            "issuer_place": self.issuer_place,
            "issuer_province": self.issuer_province,
            "title": self.title,
            "relation": self.relation,
            "evidence": self.evidence,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Link:
    """An edge between two *cited* documents, read second-hand from a citation's subject:
    "Kế hoạch số 57-KH/TU ... về thực hiện Chỉ thị số 05-CT/TW" says 57-KH/TU implements
    05-CT/TW, even when 57-KH/TU's own text is not at hand. ``source``/``target`` index
    the document's ``references``; the JSON names them by number and says ``via`` which
    document reported it."""

    source: int
    relation: str
    target: int
    evidence: str
    span: Span

    def to_dict(self, references: list[Reference], via: str) -> dict[str, Any]:
        return {
            "source": references[self.source].number,
            "relation": self.relation,
            "target": references[self.target].number,
            "source_index": self.source,
            "target_index": self.target,
            "evidence": self.evidence,
            "via": via,
            "span": self.span.to_dict(),
        }


@dataclass(slots=True)
class NamedLaw:
    """A law cited by name only (``Luật Khiếu nại``): no number to link by."""

    name: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Task:
    """One item of the numbered outline. ``id`` is its own label, ``path`` joins labels from the top."""

    id: str
    path: str
    heading: str | None
    text: str
    assignees: list[str] = field(default_factory=list)
    children: list[Task] = field(default_factory=list)
    span: Span | None = None
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "heading": self.heading,
            "text": self.text,
            "assignees": list(self.assignees),
            "lead": list(self.lead),
            "support": list(self.support),
            "span": self.span.to_dict() if self.span else None,
            "children": [c.to_dict() for c in self.children],
        }


#: What a deadline is: a date (one-off), an RFC 5545 rule, or a time relative to an event
#: the text names (``trước ngày bầu cử 70 ngày``) whose date may not be known.
DEADLINE_KINDS = ("date", "recurring", "relative")


@dataclass(slots=True)
class Deadline:
    """By when something must be done. ``date`` is ISO (partial for a month, quarter or year);
    ``rrule`` replaces it for a repeating one; a ``relative`` one keeps its ``event`` and
    ``offset_days`` and has a date only when the text states the event's date. ``start``
    is when the work begins where the text gives a period (``Từ tháng 10/2023 đến quý II/2024``);
    ``planned`` the planned date where the text also gives a firm limit (``Dự kiến ngày 05/12/2025
    (Chậm nhất ngày 10/12/2025)``: the limit is ``date``, the plan is ``planned``)."""

    text: str
    span: Span
    date: str | None = None
    rrule: str | None = None
    approximate: bool = False
    action: str = ""
    assignees: list[str] = field(default_factory=list)
    granularity: str = "day"
    until: str | None = None
    kind: str = "date"
    start: str | None = None
    event: str | None = None
    offset_days: int | None = None
    planned: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "date": self.date,
            "rrule": self.rrule,
            "approximate": self.approximate,
            "granularity": self.granularity,
            "until": self.until,
            "kind": self.kind,
            "start": self.start,
            "event": self.event,
            "offset_days": self.offset_days,
            "planned": self.planned,
            "action": self.action,
            "assignees": list(self.assignees),
            "span": self.span.to_dict(),
        }


@dataclass(slots=True)
class Document:
    """Everything danvan read from one text."""

    source: str
    text: str = ""
    doc_type: str | None = None
    number: str | None = None
    number_raw: str | None = None
    date: str | None = None
    place: str | None = None
    title: str | None = None
    issuer: Issuer | None = None
    signer: Signer | None = None
    #: Every signer in reading order (a joint document signs in two blocks); ``signer`` is the first.
    signers: list[Signer] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    #: The units under ``Kính gửi:`` (a letter's addressees), one per unit a list names.
    addressees: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    named_laws: list[NamedLaw] = field(default_factory=list)
    #: Second-hand edges between cited documents (see ``Link``).
    links: list[Link] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    encoding: str | None = None
    #: Year the document is for (``năm 2022`` in its title) when it carries no date.
    year: int | None = None
    #: Last year the document's programme runs to (``đến năm 2020``, ``giai đoạn 2021-2025``).
    horizon: int | None = None
    #: The whole numbered outline (MỤC ĐÍCH, YÊU CẦU and enumerations included); ``tasks`` is its operative part.
    outline: list[Task] = field(default_factory=list)
    #: Where each header field was read (``number``, ``date``, ``title``...), for a person to check.
    spans: dict[str, Span] = field(default_factory=dict)

    def _spans(self) -> dict[str, dict[str, int]]:
        out = {k: v.to_dict() for k, v in self.spans.items()}
        if self.issuer is not None and self.issuer.span is not None:
            out["issuer"] = self.issuer.span.to_dict()
        if self.signer is not None and self.signer.span is not None:
            out["signer"] = self.signer.span.to_dict()
        return out

    def warn(self, code: str, message: str, span: Span | None = None) -> None:
        """Add a warning (codes: ``data/warnings.yaml``)."""
        self.warnings.append(Warning(code, message, span))

    def warnings_with(self, code: str) -> list[Warning]:
        return [w for w in self.warnings if w.code == code]

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "source": self.source,
            "doc_type": self.doc_type,
            "number": self.number,
            "number_raw": self.number_raw,
            "date": self.date,
            "place": self.place,
            "title": self.title,
            "issuer": self.issuer.to_dict() if self.issuer else None,
            "signer": self.signer.to_dict() if self.signer else None,
            "signers": [s.to_dict() for s in self.signers],
            "recipients": list(self.recipients),
            "addressees": list(self.addressees),
            "references": [r.to_dict() for r in self.references],
            "named_laws": [n.to_dict() for n in self.named_laws],
            "links": [lk.to_dict(self.references, self.source) for lk in self.links],
            "tasks": [t.to_dict() for t in self.tasks],
            "outline": [t.to_dict() for t in self.outline],
            "deadlines": [dl.to_dict() for dl in self.deadlines],
            "warnings": [w.message for w in self.warnings],
            "warning_records": [w.to_dict() for w in self.warnings],
            "year": self.year,
            "horizon": self.horizon,
            "encoding": self.encoding,
            "spans": self._spans(),
        }
        if include_text:
            d["text"] = self.text
        return d
