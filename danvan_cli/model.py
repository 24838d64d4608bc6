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
RELATION_STRENGTH: dict[str, int] = {
    "cites": 0,
    "directs": 1,
    "based_on": 2,
    "amends": 3,
    "replaces": 4,
    "implements": 5,
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
    """A cited document, all of its mentions in one document merged."""

    number: str
    doc_type: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    relation: str = "cites"
    mentions: list[Mention] = field(default_factory=list)
    issuer_level: str | None = None
    issuer_place: str | None = None
    issuer_province: str | None = None
    number_raw: str | None = None

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
            "issuer": self.issuer,
            "issuer_level": self.issuer_level,
            "issuer_place": self.issuer_place,
            "issuer_province": self.issuer_province,
            "title": self.title,
            "relation": self.relation,
            "evidence": self.evidence,
            "mentions": [m.to_dict() for m in self.mentions],
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


@dataclass(slots=True)
class Deadline:
    text: str
    span: Span
    date: str | None = None
    rrule: str | None = None
    approximate: bool = False
    action: str = ""
    assignees: list[str] = field(default_factory=list)
    granularity: str = "day"
    until: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "date": self.date,
            "rrule": self.rrule,
            "approximate": self.approximate,
            "granularity": self.granularity,
            "until": self.until,
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
    recipients: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    named_laws: list[NamedLaw] = field(default_factory=list)
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
            "recipients": list(self.recipients),
            "references": [r.to_dict() for r in self.references],
            "named_laws": [n.to_dict() for n in self.named_laws],
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
