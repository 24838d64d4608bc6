"""Which real document a parsed file or a citation stands for.

Numbers are not identities: every UBND writes a ``02/CT-UBND`` every year, and Party
committees restart their numbers each term. A document is therefore keyed by

    normalized number + the issuer's unit (its place and tier, nothing for central bodies)
    + the period in which its number is unique (the year for the State, the term for the Party).

Parsed files and citations are both *sightings* of a document. Sightings that know the
whole key meet in one node. A sighting that lacks part of it (a citation that names no
issuer, no date) joins the one node it can only mean; when several fit, it stays apart
and the node says so in its warnings, because a wrong join would put a plan under the
wrong directive, which is worse than a missing edge.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ..extract.numbers import NumberParts, parse_number
from ..i18n import N_
from ..model import RELATION_STRENGTH, Document, Issuer, Reference, Warning
from ..refdata import alternation, unit_spelling_alternation, words
from ..refdata import party_term as _party_term
from ..extract.issuers import tier_of
from ..text.normalize import fold_key

# --------------------------------------------------------------------------- numbers


@lru_cache(maxsize=65536)
def number_parts(raw: str | None) -> NumberParts | None:
    """``extract.numbers.parse_number``, remembered: a corpus names the same numbers over and over."""
    return parse_number(raw) if raw else None


@lru_cache(maxsize=65536)
def number_key(number: str) -> str:
    """Comparison key of a number: case ignored, leading zeros of the serial ignored
    (``02/CT-UBND`` and ``2/CT-UBND`` are one number)."""
    parts = number_parts(number)
    norm = parts.normalized if parts else number
    m = regex.match(r"0*(\d+)(.*)", norm, flags=regex.S)
    return fold_key(m.group(1) + m.group(2)) if m else fold_key(norm)


@lru_cache(maxsize=1)
def _central_codes() -> frozenset[str]:
    """Body codes whose documents need no place to be told apart (one body, one sequence)."""
    try:
        from ..refdata import body_codes

        table = body_codes()
    except Exception:  # pragma: no cover - reference data missing
        return frozenset({"TTG", "CP", "TW", "VPCP", "QH"})
    return frozenset(
        code.upper() for code, info in table.items() if str(info.get("level") or "").endswith("central")
    )


def is_central_number(number: str | None) -> bool:
    parts = number_parts(number) if number else None
    if parts is None:
        return False
    body = parts.body.upper()
    if regex.match(r"QH\d*$|UBTVQH\d*$", body):
        return True
    return body in _central_codes()


# --------------------------------------------------------------------------- places and periods

#: A place field's body and unit word before the name (``UBND tỉnh``, ``Tỉnh ủy``, ``TP.``):
#: ``data/lexicon/places.yaml`` and ``data/bodies.yaml`` ``unit_words``.
_UNIT_PREFIX = regex.compile(
    rf"(?i)^(?:{alternation(words('places', 'bodies_before_place'))})?\s*(?:{unit_spelling_alternation()})\s+"
)


@lru_cache(maxsize=65536)
def place_key(place: str | None) -> str | None:
    """``"Thành phố Hà Nội"``, ``"hà nội"`` and ``"Hà Nội (cũ)"`` are one place (cached: a
    corpus names the same places over and over)."""
    if not place:
        return None
    key = fold_key(place).replace("(cũ)", "").strip(" .,")
    key = _UNIT_PREFIX.sub("", key).strip()
    return key or None


def year_of(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def party_term(date: str | None, tier: str | None) -> str | None:
    """The committee term a Party document's number belongs to: the calendar of
    ``data/calendar.yaml`` (``refdata.party_term``)."""
    return _party_term(date, tier)


# --------------------------------------------------------------------------- sightings


@dataclass(slots=True)
class Sighting:
    """One appearance of a document: a parsed file (``ref is None``) or one citation of it.

    ``place``/``tier``/``period`` are the key parts; ``None`` means not known here."""

    doc_index: int
    ref: Reference | None
    number: str | None
    doc_type: str | None
    date: str | None
    issuer: str | None
    level: str | None
    place: str | None
    province: str | None
    title: str | None
    source: str
    central: bool
    tier: str | None
    period: str | None
    context_province: str | None = None
    #: index of the reference in its document (``None`` for the document itself)
    ref_index: int | None = None
    #: the year a parsed document is for when it has no date (``năm 2022`` in its title)
    doc_year: int | None = None

    @property
    def in_corpus(self) -> bool:
        return self.ref is None

    def key_parts(self) -> tuple[str | None, str | None, str | None]:
        """(place key, tier, period); a central body has place ``""`` and tier ``central``."""
        if self.central:
            return ("", "central", self.period)
        return (place_key(self.place), self.tier, self.period)

    @property
    def complete(self) -> bool:
        return all(p is not None for p in self.key_parts())


def _period(number: str | None, date: str | None, fallback_year: int | None, tier: str | None) -> str | None:
    parts = number_parts(number) if number else None
    if parts is not None and parts.system == "party":
        return party_term(date, tier) or (party_term(f"{fallback_year}", tier) if fallback_year else None)
    if parts is not None and parts.year:
        return str(parts.year)
    year = year_of(date) or fallback_year
    return str(year) if year else None


def _sighting(
    index: int, number: str | None, doc_type: str | None, date: str | None, issuer: Issuer | None,
    title: str | None, source: str, *, fallback_year: int | None = None, ref: Reference | None = None,
    ref_index: int | None = None, context_province: str | None = None,
) -> Sighting:
    """One constructor for both kinds of sighting: a parsed document and a citation carry
    the same ``Issuer`` record, so their key parts are derived the same way."""
    central = is_central_number(number) or bool(issuer and tier_of(issuer.level) == "central")
    tier = "central" if central else tier_of(issuer.level if issuer else None)
    place = issuer.place if issuer else None
    province = (issuer.province if issuer else None) or (place if tier == "province" else None)
    return Sighting(
        doc_index=index,
        ref=ref,
        number=number,
        doc_type=doc_type,
        date=date,
        issuer=issuer.name if issuer else None,
        level=issuer.level if issuer else None,
        place=place,
        province=province,
        title=title,
        source=source,
        central=central,
        tier=tier,
        period=_period(number, date, fallback_year, tier),
        context_province=context_province if ref is not None else province,
        ref_index=ref_index,
        doc_year=(fallback_year or year_of(date)) if ref is None else None,
    )


def document_sighting(index: int, doc: Document) -> Sighting:
    return _sighting(index, doc.number, doc.doc_type, doc.date, doc.issuer, doc.title, doc.source,
                     fallback_year=doc.year)


def reference_sighting(
    index: int, doc: Document, ref: Reference, context_province: str | None, ref_index: int = 0
) -> Sighting:
    return _sighting(index, ref.number, ref.doc_type, ref.date, ref.issuer, ref.title, doc.source,
                     ref=ref, ref_index=ref_index, context_province=context_province)


# --------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class Identity:
    """One real document: its sightings and the attributes merged from them."""

    id: str
    sightings: list[Sighting] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    @property
    def in_corpus(self) -> bool:
        return any(s.in_corpus for s in self.sightings)

    def attributes(self) -> dict[str, Any]:
        """Node attributes per the output contract: a parsed file's own header wins;
        a stub takes what most of its citations say. Disagreements become warnings."""
        own = [s for s in self.sightings if s.in_corpus]
        cites = [s for s in self.sightings if not s.in_corpus]

        def pick(attr: str) -> Any:
            for s in own:
                value = getattr(s, attr)
                if value:
                    return value
            counts = Counter(getattr(s, attr) for s in cites if getattr(s, attr))
            return counts.most_common(1)[0][0] if counts else None

        first = (own or self.sightings)[0]
        date = pick("date")
        period = next((s.period for s in self.sightings if s.period), None)
        year = year_of(date)
        if year is None and period and period[:4].isdigit() and "-" not in period:
            year = int(period)
        if year is None:
            year = next((s.doc_year for s in own if s.doc_year), None)
        sources = sorted({s.source for s in own})
        return {
            "number": first.number,
            "doc_type": pick("doc_type"),
            "date": date,
            "year": year,
            "period": period,
            "issuer": pick("issuer"),
            "level": pick("level") or ("central" if first.central else None),
            "place": pick("place"),
            "province": pick("province"),
            "title": pick("title"),
            "in_corpus": bool(own),
            "source": sources[0] if sources else None,
            "sources": sources,
            "cited_by": len({s.source for s in cites}),
            "warnings": [w.message for w in self.warnings],
            "warning_codes": [w.code for w in self.warnings],
        }


@dataclass(slots=True)
class Resolution:
    """The outcome: identities, and which identity each document and citation maps to."""

    identities: dict[str, Identity]
    document_node: list[str]
    reference_node: dict[tuple[int, int], str]
    warnings: list[Warning]


Parts = tuple[str | None, str | None, str | None]


def _fits(a: Parts, b: Parts) -> bool:
    """Two partial keys can be one document: every part known on both sides agrees."""
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


@dataclass(slots=True)
class _Group:
    """A document being assembled: its sightings and the key parts known so far."""

    items: list[Sighting]
    parts: list[str | None]
    warnings: list[Warning] = field(default_factory=list)

    @property
    def in_corpus(self) -> bool:
        return any(s.in_corpus for s in self.items)

    def add(self, s: Sighting) -> None:
        self.items.append(s)
        for i, p in enumerate(s.key_parts()):
            if self.parts[i] is None:
                self.parts[i] = p

    def key(self) -> Parts:
        return (self.parts[0], self.parts[1], self.parts[2])


def _narrow(dates: set[str], context: set[str], central: bool, candidates: list[_Group]) -> list[_Group]:
    """Among several fitting documents keep those the citation's own words single out:
    the exact date it gives, then the citing document's own province (a commune plan
    citing "Kế hoạch số 7/KH-UBND của UBND huyện" means its own district's plan)."""
    full = {d for d in dates if len(d) == 10}
    if full and len(candidates) > 1:
        exact = [g for g in candidates if any(o.date in full for o in g.items)]
        if exact:
            candidates = exact
            # Same number, same day: a parsed file carrying that date is the document; a
            # group of citations alone with that date is the same document cited under a
            # damaged or shortened issuer ("UBND tỉnh Vĩnh" for "UBND tỉnh Vĩnh Hà").
            parsed = [g for g in exact if any(o.in_corpus and o.date in full for o in g.items)]
            if len(parsed) == 1 and len(exact) > 1:
                candidates = parsed
    if len(candidates) > 1 and context and not central:
        ctx = {place_key(c) for c in context}
        local = [g for g in candidates if any(place_key(o.province) in ctx for o in g.items if o.province)]
        if local:
            candidates = local
    return candidates


def _readable_id(number: str, parts: Parts, year: int | None) -> str:
    place, tier, period = parts
    bits = [number]
    if tier != "central":
        bits.append(place if place else "?")
    if year is not None:
        bits.append(str(year))
    else:
        bits.append(period if period else "?")
    return " · ".join(bits)


class _Index:
    """The groups of one number, found by their key parts without a scan of every group.

    For each part (place, tier, period) the groups holding each value and the groups that do
    not know it yet; a query intersects, for each part it knows, the groups with that value
    and those without one (``_fits``). A group learns parts as sightings join it, so it moves
    between the sets then. A number shared by thousands of documents (every commune writes a
    ``12/KH-UBND``) must not cost a scan of all of them per citation: that was quadratic."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.by_value: list[dict[str, set[int]]] = [{}, {}, {}]
        self.unknown: list[set[int]] = [set(), set(), set()]
        self.by_key: dict[Parts, list[int]] = {}
        self.version = 0

    def append(self, g: _Group) -> None:
        gid = len(self.groups)
        self.groups.append(g)
        for i, p in enumerate(g.parts):
            (self.unknown[i] if p is None else self.by_value[i].setdefault(p, set())).add(gid)
        self.by_key.setdefault(g.key(), []).append(gid)
        self.version += 1

    def add(self, gid: int, s: Sighting) -> None:
        g = self.groups[gid]
        before = g.key()
        g.add(s)
        after = g.key()
        if after != before:
            for i, (x, y) in enumerate(zip(before, after, strict=True)):
                if x is None and y is not None:
                    self.unknown[i].discard(gid)
                    self.by_value[i].setdefault(y, set()).add(gid)
            self.by_key[before].remove(gid)
            self.by_key.setdefault(after, []).append(gid)
        self.version += 1

    def exact(self, key: Parts) -> list[int]:
        return list(self.by_key.get(key, ()))

    def fitting(self, parts: Parts) -> list[int]:
        """The groups whose known parts agree with the known ``parts``, in creation order."""
        found: set[int] | None = None
        for i, p in enumerate(parts):
            if p is None:
                continue
            cand = self.by_value[i].get(p, set()) | self.unknown[i]
            found = cand if found is None else found & cand
            if not found:
                return []
        return sorted(found) if found is not None else list(range(len(self.groups)))


#: How many candidate documents an ambiguous-citation warning names (the rest are counted).
_NAMED_CANDIDATES = 5


def _resolve_number(items: list[Sighting]) -> list[_Group]:
    """The documents one number stands for, in three passes:

    1. each parsed file is a document (two files with one complete key are one document
       parsed twice);
    2. citations that know the whole key meet by key, and join a parsed file whose header
       lacked part of it when exactly one fits (the date decides between several);
    3. citations that lack part of the key join the one document they can only mean;
       the others stay apart, with a warning when several documents fit."""
    ix = _Index()
    for s in items:
        if not s.in_corpus:
            continue
        if s.complete:
            # one document parsed from two files has one date; two dates are two documents
            same = [
                gid for gid in ix.exact(s.key_parts())
                if ix.groups[gid].in_corpus and not (s.date and _dates_clash(ix.groups[gid], {s.date}))
            ]
            if same:
                ix.add(same[0], s)
                continue
        ix.append(_Group([s], list(s.key_parts())))

    complete: dict[Parts, list[Sighting]] = {}
    partial: list[Sighting] = []
    for s in items:
        if s.in_corpus:
            continue
        (complete.setdefault(s.key_parts(), []) if s.complete else partial).append(s)  # type: ignore[union-attr]

    for key, cites in complete.items():
        dates = {c.date for c in cites if c.date}
        exact = [ix.groups[gid] for gid in ix.exact(key)]
        fits = exact or [ix.groups[gid] for gid in ix.fitting(key) if ix.groups[gid].in_corpus]
        if not fits:
            fits = _shortened(ix, key, dates)
        if len(fits) > 1:
            fits = _narrow(dates, set(), True, fits)
        if len(fits) == 1 and (exact or not _dates_clash(fits[0], dates)):
            gid = _gid(ix, fits[0])
            for c in cites:
                ix.add(gid, c)
        else:
            ix.append(_Group(list(cites), list(key)))

    leftovers: dict[Parts, _Group] = {}
    warned: dict[Parts, set[str]] = {}
    # Citations asking the same question of unchanged groups get the same answer.
    answers: dict[tuple[Parts, str | None, str | None, bool], tuple[int, list[_Group]]] = {}
    for s in partial:
        parts = s.key_parts()
        q = (parts, s.date, s.context_province, s.central)
        hit = answers.get(q)
        if hit is not None and hit[0] == ix.version:
            fits = hit[1]
        else:
            fits = [ix.groups[gid] for gid in ix.fitting(parts)]
            if len(fits) > 1:
                fits = _narrow({s.date} if s.date else set(), {s.context_province} if s.context_province else set(),
                               s.central, fits)
            answers[q] = (ix.version, fits)
        if len(fits) == 1:
            ix.add(_gid(ix, fits[0]), s)
            continue
        bucket = leftovers.get(parts)
        if bucket is None:
            bucket = leftovers[parts] = _Group([], list(parts))
        bucket.items.append(s)
        if len(fits) > 1:
            ids = sorted(_readable_id(s.number or "", g.key(), None) for g in fits[: _NAMED_CANDIDATES * 20])
            names = ", ".join(ids[:_NAMED_CANDIDATES])
            if len(fits) > _NAMED_CANDIDATES:
                names = N_("{names} and {n} more").format(names=names, n=len(fits) - _NAMED_CANDIDATES)
            msg = N_("{number} cited in {source} without enough to tell which document it is: could be {names}").format(
                number=s.number, source=s.source, names=names)
            seen = warned.setdefault(parts, set())
            if msg not in seen:
                seen.add(msg)
                bucket.warnings.append(Warning("ambiguous-citation", msg))
    return ix.groups + list(leftovers.values())


def _shortened(ix: _Index, key: Parts, dates: set[str]) -> list[_Group]:
    """The one parsed document a citation means whose issuer's place it names cut short or
    run on by whole words (``UBND tỉnh Vĩnh`` for the ``Vĩnh Hà Hạ`` plan of that number, that
    day): same number, period and full date; nothing when several or none fit.

    Why: a place the admin-unit data does not know is read from the citation's words alone,
    and where those words run into the next ones, or stop at a shorter known name, the key's
    place differs from the header's by whole words, while the number and the day agree."""
    place, tier, period = key
    full = {d for d in dates if len(d) == 10}
    if not place or not full or tier == "central":
        return []
    found = []
    # The tier is not asked: a name cut short at a known unit takes that unit's tier
    # (``UBND thành phố Lạc Sơn Thượng`` read as the district ``Lạc Sơn``).
    for gid in ix.fitting((None, None, period)):
        g = ix.groups[gid]
        other = g.parts[0]
        if not other or other == place or g.parts[1] == "central" \
                or not any(s.in_corpus and s.date in full for s in g.items):
            continue
        short, long_ = sorted((place, other), key=len)
        if long_.startswith(short + " "):
            found.append(g)
    return found if len(found) == 1 else []


def _gid(ix: _Index, g: _Group) -> int:
    """The index of group ``g`` (groups are few per key: look among those of its key)."""
    for gid in ix.by_key.get(g.key(), ()):
        if ix.groups[gid] is g:
            return gid
    return next(i for i, x in enumerate(ix.groups) if x is g)


def _dates_clash(g: _Group, dates: set[str]) -> bool:
    """A parsed file and citations with a different full date are two documents, unless the key says otherwise."""
    own = {s.date for s in g.items if s.in_corpus and s.date and len(s.date) == 10}
    full = {d for d in dates if len(d) == 10}
    return bool(own and full and not (own & full))


def resolve(documents: Sequence[Document]) -> Resolution:
    """Map every parsed document and every citation in ``documents`` to one identity."""
    sightings: list[Sighting] = []
    doc_sightings: list[Sighting] = []
    for i, doc in enumerate(documents):
        own = document_sighting(i, doc)
        doc_sightings.append(own)
        sightings.append(own)
        ctx = own.context_province or own.province
        for j, ref in enumerate(doc.references):
            if ref.number:
                sightings.append(reference_sighting(i, doc, ref, ctx, j))

    by_number: dict[str, list[Sighting]] = {}
    unnumbered: list[Sighting] = []
    for s in sightings:
        if s.number:
            by_number.setdefault(number_key(s.number), []).append(s)
        else:
            unnumbered.append(s)

    identities: dict[str, Identity] = {}
    sighting_node: dict[int, str] = {}
    all_warnings: list[Warning] = []
    for items in by_number.values():
        for grp in _resolve_number(items):
            ident = Identity(id="", sightings=grp.items, warnings=list(grp.warnings))
            ident.warnings.extend(_conflicts(grp.items))
            first = next((x for x in grp.items if x.in_corpus), grp.items[0])
            parts = grp.key()
            shown = next((x.place for x in sorted(grp.items, key=lambda x: not x.in_corpus) if x.place), parts[0])
            base = _readable_id(first.number or "", (shown, parts[1], parts[2]), _group_year(grp.items))
            if parts[0] is None and parts[1] != "central" and first.in_corpus:
                base += f" · {Path(first.source).name}"  # a parsed file whose issuer is not known
            ident.id = _unique(base, identities, parts[1])
            identities[ident.id] = ident
            for x in grp.items:
                sighting_node[id(x)] = ident.id
            all_warnings.extend(grp.warnings)
    for s in unnumbered:
        name = s.issuer or "?"
        year = s.date[:4] if s.date else (str(s.doc_year) if s.doc_year else "?")
        base = " · ".join([s.doc_type or "Văn bản", name, year, Path(s.source).name])
        ident = Identity(id=_unique(base, identities, None), sightings=[s])
        identities[ident.id] = ident
        sighting_node[id(s)] = ident.id

    reference_node = {
        (s.doc_index, s.ref_index): sighting_node[id(s)]
        for s in sightings
        if s.ref is not None and s.ref_index is not None
    }
    document_node = [sighting_node[id(s)] for s in doc_sightings]
    return Resolution(identities, document_node, reference_node, all_warnings)


def _group_year(items: list[Sighting]) -> int | None:
    for s in items:
        if s.in_corpus and year_of(s.date):
            return year_of(s.date)
    for s in items:
        parts = number_parts(s.number) if s.number else None
        if parts is not None and parts.year:
            return parts.year
    years = Counter(year_of(s.date) for s in items if year_of(s.date))
    if years:
        return years.most_common(1)[0][0]
    return next((s.doc_year for s in items if s.in_corpus and s.doc_year), None)


def _unique(base: str, taken: dict[str, Identity], tier: str | None) -> str:
    if base not in taken:
        return base
    if tier and f"{base} ({tier})" not in taken:
        return f"{base} ({tier})"
    n = 2
    while f"{base} #{n}" in taken:
        n += 1
    return f"{base} #{n}"


def _conflicts(items: list[Sighting]) -> list[Warning]:
    """What a careful reader would flag about one document seen in several places."""
    out: list[Warning] = []
    dates = Counter(s.date for s in items if s.date)
    if len(dates) > 1:
        detail = "; ".join(
            f"{d} ({', '.join(sorted({Path(s.source).name for s in items if s.date == d}))})" for d in sorted(dates)
        )
        out.append(Warning("dated-differently", N_("dated differently: {detail}").format(detail=detail)))
    types = Counter(s.doc_type for s in items if s.doc_type)
    if len(types) > 1:
        detail = "; ".join(
            f"{t} ({', '.join(sorted({Path(s.source).name for s in items if s.doc_type == t}))})" for t in sorted(types)
        )
        out.append(Warning("named-as-different-types", N_("named as different types: {detail}").format(detail=detail)))
    own = [s for s in items if s.in_corpus]
    if len({s.source for s in own}) > 1:
        out.append(Warning("parsed-from-several-files",
                           N_("parsed from several files: {files}").format(files=', '.join(sorted({s.source for s in own})))))
    return out


def strongest(relations: Sequence[str]) -> str:
    """The strongest relation of several (a plan that both cites and implements X implements it)."""
    return max(relations, key=lambda r: RELATION_STRENGTH.get(r, -1))
