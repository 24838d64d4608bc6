"""A parsed document as table rows: the one definition of the corpus tables' columns.

The SQLite store inserts these rows (prefixed with the document's id), ``danvan export``
writes the same columns to Parquet, CSV or JSON lines (prefixed with the path), and the
Dask engine computes them on the workers. Keeping the columns here, once, is what makes
an export from the store and an export straight from a cluster the same tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..model import Document, Reference, Task
from .codec import dataclass_codec, document_to_dict

#: Columns of each child table, in order (the key column, ``doc_id`` or ``path``, comes first and is not listed).
COLUMNS: dict[str, tuple[str, ...]] = {
    "references": ("idx", "number", "number_key", "number_raw", "doc_type", "date", "issuer", "issuer_level",
                   "issuer_place", "issuer_province", "title", "relation", "evidence", "n_mentions"),
    "mentions": ("ref_idx", "idx", "start", "end", "text", "sentence", "relation", "date"),
    "links": ("idx", "source_number", "relation", "target_number", "source_index", "target_index", "evidence",
              "start", "end", "data"),
    "tasks": ("idx", "parent_idx", "depth", "label", "outline_path", "heading", "text", "assignees", "lead", "support",
              "start", "end"),
    "deadlines": ("idx", "text", "date", "rrule", "approximate", "granularity", "until", "action", "assignees",
                  "start", "end", "record"),
    "warnings": ("idx", "code", "message", "start", "end"),
}

#: Columns of the documents table that come from the document itself.
DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_type", "number", "number_key", "number_raw", "date", "year", "horizon", "place", "title",
    "issuer", "issuer_level", "issuer_place", "issuer_province", "issuer_inferred",
    "signer", "signer_authority", "signer_title", "recipients", "encoding",
    "n_references", "n_tasks", "n_deadlines", "n_warnings",
)

#: Fields left out of a document's *head*: the part graph and deadline queries decode.
_HEAVY = ("text", "tasks", "outline", "deadlines", "named_laws", "warnings")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _number_key(number: str | None) -> str | None:
    if not number:
        return None
    from ..graph.identity import number_key

    return number_key(number)


def reference_issuer(ref: Reference) -> tuple[Any, Any, Any, Any]:
    """(name, level, place, province) of a reference's issuer, whether the model keeps it
    as four strings or as one ``Issuer`` record."""
    issuer = ref.issuer
    if issuer is not None and not isinstance(issuer, str):
        return (getattr(issuer, "name", None), getattr(issuer, "level", None),
                getattr(issuer, "place", None), getattr(issuer, "province", None))
    return (issuer, getattr(ref, "issuer_level", None), getattr(ref, "issuer_place", None),
            getattr(ref, "issuer_province", None))


def _walk_tasks(tasks: list[Task], parent: int | None, depth: int, out: list[tuple[int | None, int, Task]]) -> None:
    for t in tasks:
        out.append((parent, depth, t))
        _walk_tasks(t.children, len(out) - 1, depth + 1, out)


def head(doc: Document, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """What graph and deadline queries need of a document, as codec data: everything but the
    text, tasks, outline, deadlines, laws and warnings; each reference keeps only the mention
    that gives its evidence (so ``Reference.evidence`` reads the same). ``data``: the
    document's ``document_to_dict`` when the caller has it (it is cut down in place)."""
    if data is None:
        data = document_to_dict(doc)
    for key in _HEAVY:
        data.pop(key, None)
    refs = data.get("references")
    if refs:
        for ref_data, ref in zip(refs, doc.references, strict=True):
            keep = next((m for m in ref.mentions if m.relation == ref.relation), ref.mentions[0] if ref.mentions else None)
            if keep is None:
                ref_data.pop("mentions", None)
            else:
                ref_data["mentions"] = [dataclass_codec(type(keep))[0](keep)]
    return data


@dataclass(slots=True)
class DocumentRows:
    """One document as rows: ``document`` for the documents table, ``tables`` for the others."""

    document: tuple[Any, ...]
    tables: dict[str, list[tuple[Any, ...]]]


def document_rows(doc: Document) -> DocumentRows:
    issuer, signer = doc.issuer, doc.signer
    flat: list[tuple[int | None, int, Task]] = []
    _walk_tasks(doc.tasks, None, 0, flat)
    document = (
        doc.doc_type, doc.number, _number_key(doc.number), doc.number_raw, doc.date,
        doc.year or (int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None), doc.horizon, doc.place,
        doc.title,
        issuer.name if issuer else None, issuer.level if issuer else None, issuer.place if issuer else None,
        issuer.province if issuer else None, (1 if issuer.inferred else 0) if issuer else None,
        signer.name if signer else None, signer.authority if signer else None, signer.title if signer else None,
        _json(list(doc.recipients)), doc.encoding,
        len(doc.references), len(flat), len(doc.deadlines), len(doc.warnings),
    )
    tables: dict[str, list[tuple[Any, ...]]] = {name: [] for name in COLUMNS}
    for i, ref in enumerate(doc.references):
        name, level, place, province = reference_issuer(ref)
        tables["references"].append((
            i, ref.number, _number_key(ref.number), ref.number_raw, ref.doc_type, ref.date, name, level, place,
            province, ref.title, ref.relation, ref.evidence, len(ref.mentions),
        ))
        for j, m in enumerate(ref.mentions):
            tables["mentions"].append((i, j, m.start, m.end, m.text, m.sentence, m.relation, m.date))
    for i, link in enumerate(getattr(doc, "links", None) or []):
        enc = dataclass_codec(type(link))[0]
        src, dst = _ref_number(doc, getattr(link, "source", None)), _ref_number(doc, getattr(link, "target", None))
        span = getattr(link, "span", None)
        tables["links"].append((
            i, src[0], getattr(link, "relation", None), dst[0], src[1], dst[1], getattr(link, "evidence", None),
            span.start if span else None, span.end if span else None, _json(enc(link)),
        ))
    for i, (parent, depth, t) in enumerate(flat):
        tables["tasks"].append((
            i, parent, depth, t.id, t.path, t.heading, t.text, _json(t.assignees), _json(t.lead), _json(t.support),
            t.span.start if t.span else None, t.span.end if t.span else None,
        ))
    for i, dl in enumerate(doc.deadlines):
        enc = dataclass_codec(type(dl))[0]
        tables["deadlines"].append((
            i, dl.text, dl.date, dl.rrule, 1 if dl.approximate else 0, dl.granularity, dl.until, dl.action,
            _json(dl.assignees), dl.span.start, dl.span.end, _json(enc(dl)),
        ))
    for i, w in enumerate(doc.warnings):
        tables["warnings"].append((i, w.code, w.message, w.span.start if w.span else None, w.span.end if w.span else None))
    return DocumentRows(document, tables)


def _ref_number(doc: Document, end: Any) -> tuple[str | None, int | None]:
    """(number, index) of one end of a link: an index into the document's references, or a number."""
    if isinstance(end, int) and 0 <= end < len(doc.references):
        return doc.references[end].number, end
    return (str(end) if end is not None else None), None
