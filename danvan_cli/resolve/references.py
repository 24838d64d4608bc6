"""Cited documents, resolved: issuers completed from the document's own place, relations
typed, mentions merged into one reference per document, second-hand links read from
subjects. The citations themselves are found by :mod:`danvan_cli.extract.citations`.

``resolve_references`` is the stage; it runs named passes over the citations and returns
a ``References`` record (it fills no shared document):

1. ``_in_scope``: the header block and the own ``Số:`` line are not citations;
2. ``_resolve_relative_issuers``: ``UBND huyện`` in a Phú Giáo text is UBND huyện Phú Giáo;
3. ``_drop_self_mentions``: the document speaking of itself;
4. ``_share_list_parts``: a date or issuer closing a list (``X và Y ngày D của B``) is shared
   backwards, quoted subjects closing a list go to its members in order, and a document
   named in another's subject shares the enclosing issuer;
5. ``_type_relations`` (rules in :mod:`.relations`);
6. ``_merge``: one reference per document, warnings for what disagrees;
7. ``_complete``: type, issuer and date from the number where the text gives none;
8. ``_links``: second-hand edges between cited documents.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

import regex

from ..extract.citations import Citation
from ..extract.numbers import SLIPS
from ..extract.wrap import is_wrap
from ..i18n import N_
from ..model import RELATION_STRENGTH, Issuer, Link, Mention, NamedLaw, Reference, Span, Warning
from ..refdata import alternation, body_codes, load_yaml, words
from ..extract.issuers import PlaceContext, resolve_issuer
from ..text.normalize import blank_markup, fold_key
from .relations import (
    RECEIVED,
    OwnPurpose,
    Stretch,
    basis_sections,
    ceases_after,
    changed_by_between,
    classify_clause,
    classify_main,
    classify_opening,
    is_closing,
    is_empty_clause,
    is_retrospective,
    opening_stretches,
    pass_down_type,
    received_relation,
    reports_frame,
    reports_past_act,
    stretch_at,
    subject_link,
    title_follows,
)

#: How much of a sentence around a citation its relation and evidence are read from: a
#: bound that keeps a parse linear even when a whole file is one sentence.
_CONTEXT = 600


@dataclass(frozen=True, slots=True)
class Frame:
    """Where the parts of a document stand, as view offsets: what a citation's relation
    depends on. ``title`` is the type line and trích yếu; ``body`` runs from the title's
    end to ``Nơi nhận``/the signature; ``numbered`` is where the numbered body starts
    (``relations.numbered_body_start``), ``None`` when there is none."""

    title: tuple[int, int] | None
    body: tuple[int, int]
    numbered: int | None = None


@dataclass(frozen=True, slots=True)
class Own:
    """The document's own identity, as its header gives it: a citation of its own number is
    the document speaking of itself; its issuer's clause is the main clause."""

    number: str | None = None
    issuer: str | None = None
    date: str | None = None
    year: int | None = None
    level: str | None = None  # the issuer's tier, or its parent's (a letter from above is carried out)


@dataclass(slots=True)
class References:
    """What the references stage returns."""

    references: list[Reference] = field(default_factory=list)
    named_laws: list[NamedLaw] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    def warn(self, code: str, message: str, span: Span | None = None) -> None:
        self.warnings.append(Warning(code, message, span))

    def mention_spans(self) -> list[tuple[int, int]]:
        """Where other documents are cited, sorted: a date there belongs to them, not to a deadline."""
        return sorted((m.start, m.end) for r in self.references for m in r.mentions)


def resolve_references(
    text: str,
    view: str,
    citations: list[Citation],
    frame: Frame,
    ctx: PlaceContext,
    own: Own | None = None,
) -> References:
    """Resolve, type and merge ``citations`` (from ``extract.find_citations``): ``frame``
    says where the title and body stand (a citation's relation depends on it), ``ctx`` the
    document's own place (what ``UBND tỉnh`` means), ``own`` its own identity.

    >>> from danvan_cli.text import build_layout, normalize_text
    >>> from danvan_cli.extract import extract_header, find_citations
    >>> from danvan_cli.resolve import resolve_references
    >>> from danvan_cli.resolve.references import Frame
    >>> text = normalize_text("ỦY BAN NHÂN DÂN\\nTỈNH HẢI DƯƠNG\\nSố: 12/KH-UBND\\n\\nKẾ HOẠCH\\n"
    ...                       "Triển khai Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
    >>> layout = build_layout(text)
    >>> citations = find_citations(layout)
    >>> header = extract_header(layout, [c.extent for c in citations])
    >>> frame = Frame(title=header.title_span, body=(header.title_end, header.body_end), numbered=None)
    >>> refs = resolve_references(text, layout.view, citations, frame, header.context)
    >>> [(r.number, r.issuer.name, r.relation) for r in refs.references]
    [('05-CT/TW', 'Bộ Chính trị', 'implements')]
    """
    own = own or Own()
    out = References()
    body_start, body_end = frame.body
    keep = _in_scope(citations, frame)
    _resolve_relative_issuers(view, citations, keep, ctx)
    keep = _drop_self_mentions(citations, keep, own)
    if keep:
        _share_list_parts(view, citations, keep)
        blanks = _Blanked.build(view, citations, keep)
        relations = _type_relations(citations, keep, frame, blanks, _own_matcher(ctx, own.issuer), own)
        refs, ref_of, firsts, multi, dates = _merge(text, citations, keep, relations, blanks, out, frame.title)
        _complete(refs, firsts, multi, dates, out)
        out.references = refs
        out.links = _links(citations, keep, ref_of, blanks, out.references)
    out.named_laws = find_named_laws(view, text, body_start, body_end)
    return out


# ---------------------------------------------------------------- passes 1-4


def _in_scope(citations: list[Citation], frame: Frame) -> list[int]:
    """Indices of the citations in the title or the body (not the header block)."""
    title = frame.title
    keep = []
    for i, c in enumerate(citations):
        in_title = title is not None and title[0] <= c.start < title[1]
        if c.start >= frame.body[0] or in_title:
            keep.append(i)
    return keep


def _resolve_relative_issuers(view: str, citations: list[Citation], keep: list[int], ctx: PlaceContext) -> None:
    for i in keep:
        c = citations[i]
        if c.issuer_phrase is not None and c.issuer_match is not None and c.issuer_match.relative:
            im = resolve_issuer(view[c.issuer_phrase[0] : c.issuer_phrase[0] + 160], ctx)
            if im is not None:
                c.issuer_match = im


def _drop_self_mentions(citations: list[Citation], keep: list[int], own: Own) -> list[int]:
    """Mentions of the document's own number are the document speaking of itself
    ("Kế hoạch số 165/KH-UBND này") unless one of them names another issuer or another
    date: every UBND numbers its own plans, so a commune's 165/KH-UBND may carry out
    its district's 165/KH-UBND."""
    if own.number is None:
        return keep
    mine = [i for i in keep if citations[i].number.number == own.number]
    for i in mine:
        c = citations[i]
        same_date = bool(c.dates) and own.date is not None and c.dates[0].iso == own.date
        other_issuer = (c.issuer_match is not None and not c.issuer_match.unresolved
                        and _body_of(c.issuer_match.issuer.name) != _body_of(own.issuer))
        other_date = bool(c.dates) and own.date is not None and c.dates[0].iso != own.date
        if (other_issuer and not same_date) or other_date:
            return keep
    return [i for i in keep if i not in mine] if mine else keep


#: The office a name speaks as before its body (``Chủ tịch UBND tỉnh``): data/lexicon/relations.yaml.
_OFFICE = regex.compile(rf"(?i)^(?:{alternation(words('relations', 'offices'))})\s+")


def _body_of(name: str | None) -> str | None:
    """The body a name speaks for: the Chủ tịch UBND tỉnh signs a Quyết định of UBND tỉnh's
    header, and it is one document ("Quyết định số 2844/QĐ-UBND ... của Chủ tịch UBND tỉnh"
    in its own appendix)."""
    return fold_key(_OFFICE.sub("", name)) if name else None


def _share_list_parts(view: str, citations: list[Citation], keep: list[int]) -> None:
    """What closes a list belongs to all of it.

    A date and issuer: "X và Y ngày D của B" — only to a citation with neither of its own,
    across "," or "và" (never ";"), between numbers of the same body, and never a date its
    own number's year contradicts. Quoted subjects closing a list (“A”, “B”) go to its
    members in order. A document named in another's subject, with no issuer of its own,
    shares the enclosing issuer when both numbers carry the same body code (05-CT/TW inside
    01-KL/TW)."""
    for pos in range(len(keep) - 2, -1, -1):
        first, nxt = citations[keep[pos]], citations[keep[pos + 1]]
        if not _continues_list(view, first, nxt) or first.dates or first.issuer_match is not None:
            continue
        year = first.number.parts.year
        if nxt.dates and (year is None or nxt.dates[0].year == year):
            first.dates = [nxt.dates[0]]
        first.issuer_match = nxt.issuer_match
    for pos, i in enumerate(keep):
        c = citations[i]
        if not c.extra_titles:
            continue
        group = [c]
        p = pos
        while (p > 0 and len(group) <= len(c.extra_titles) and _continues_list(view, citations[keep[p - 1]], group[0])
               and citations[keep[p - 1]].title is None):
            group.insert(0, citations[keep[p - 1]])
            p -= 1
        titles = [c.title, *c.extra_titles]
        if len(group) == len(titles):
            for member, title in zip(group, titles, strict=True):
                member.title = title
    for i in keep:
        c = citations[i]
        if c.nested_in is not None and c.issuer_match is None:
            outer = citations[c.nested_in]
            if outer.issuer_match is not None and outer.number.parts.body == c.number.parts.body:
                c.issuer_match = outer.issuer_match


# ---------------------------------------------------------------- pass 5: relations


@dataclass(slots=True)
class _Blanked:
    """The view with citations blanked, built once, and its sentences: each citation's
    context is then a slice, so the work per citation does not grow with how many
    citations sit near it. ``ext``: every citation's whole extent (type word to subject
    end) blanked; ``core``: type word to date/issuer only (subjects kept)."""

    ext: str
    core: str
    sentences: Sentences
    view_len: int

    @classmethod
    def build(cls, view: str, citations: list[Citation], keep: list[int]) -> _Blanked:
        extents = [citations[i].extent for i in keep]
        cores = [(citations[i].start, citations[i].core_end) for i in keep]
        return cls(_blank_spans(view, 0, len(view), extents), _blank_spans(view, 0, len(view), cores),
                   Sentences(view), len(view))

    def sentence(self, pos: int) -> tuple[int, int]:
        return self.sentences.at(pos)


def _own_matcher(ctx: PlaceContext, own_issuer: str | None) -> Callable[[str], bool]:
    """Whether a unit phrase names the document's own issuer (or its head: ``Chủ tịch UBND
    tỉnh`` for UBND tỉnh). With no issuer known, any unit may be the speaker."""
    own_key = fold_key(own_issuer) if own_issuer else None

    def is_own(phrase: str) -> bool:
        if own_key is None:
            return True
        im = resolve_issuer(phrase, ctx)
        if im is None:
            return False
        key = fold_key(im.issuer.name)
        return key == own_key or own_key in key or key in own_key

    return is_own


def _type_relations(
    citations: list[Citation],
    keep: list[int],
    frame: Frame,
    blanks: _Blanked,
    is_own: Callable[[str], bool],
    own: Own,
) -> dict[int, str]:
    """The relation of each kept citation (see :mod:`.relations` for the rules)."""
    body_start, body_end = frame.body
    opening_end = frame.numbered if frame.numbered is not None else body_end
    ext, core = blanks.ext, blanks.core
    cited = sorted(citations[i].start for i in keep)
    stretches: list[Stretch] = opening_stretches(ext, body_start, opening_end, is_own, cited)
    # basis lists stand in the body and in attached texts (a procedure's "Căn cứ pháp lý:")
    for a, b in basis_sections(ext, opening_end, len(ext)):
        stretches.extend(opening_stretches(ext, a, b, is_own, cited, initial="based_on"))
    stretches.sort(key=lambda s: s.start)
    st_starts = [s.start for s in stretches]

    relations: dict[int, str] = {}
    prev_in_sentence: dict[tuple[int, int], int] = {}
    purposes: dict[tuple[int, int], OwnPurpose] = {}
    followed: list[int] = []
    kept = set(keep)
    for i in keep:
        c = citations[i]
        # named inside a cited document's subject (not inside the own number line's "subject":
        # a Công văn's V/v under its Số is its own title)
        nested = c.nested_in is not None and c.nested_in in kept
        s, e = blanks.sentence(c.start)
        ws, we = max(s, c.start - _CONTEXT), min(e, c.core_end + _CONTEXT)
        clause_from = max(ws, ext.rfind(";", ws, c.start) + 1)
        retro = is_retrospective(ext[clause_from : c.start], core[ws:we], own.year) or reports_frame(ext[ws : c.start])
        in_title = frame.title is not None and frame.title[0] <= c.start < frame.title[1]
        stretch = stretch_at(stretches, st_starts, c.start)
        if in_title:
            rel = "cites" if nested else classify_opening(ext[frame.title[0] : c.start])
            if rel == "cites" and not nested and title_follows(ext[frame.title[0] : c.start]):
                followed.append(i)
        elif nested:
            rel = "based_on" if stretch is not None and stretch.relation == "based_on" else "cites"
        elif stretch is not None and stretch.main:
            rel = classify_main(ext[stretch.start : c.start])
        elif stretch is not None and stretch.relation == RECEIVED:
            im = c.issuer_match
            rel = received_relation(im.issuer.level if im is not None and not im.unresolved else None, own.level)
        elif stretch is not None and stretch.relation is not None:
            rel = stretch.relation
        elif is_closing(core[ws:we]) or (frame.numbered is not None and body_start <= c.start < opening_end):
            # the preamble sentence, the cited documents' own subjects blanked: "Nghị định
            # X quy định chi tiết và biện pháp thi hành Pháp lệnh" is X's subject, no verb of ours
            rel = classify_opening(ext[ws:we])
        elif body_start <= c.start < opening_end:
            # a text with no numbered body (a Công văn, a Thông báo): a citation no verb
            # governs is read from its own clause, as an order in the body ("đề nghị các bộ
            # triển khai thực hiện Kết luận X" directs X), unless the sentence states the
            # document's own purpose ("Kế hoạch này nhằm triển khai X")
            own_words = ext[clause_from : c.start]
            if (s, e) not in purposes:  # each sentence read once, however many citations it holds
                purposes[(s, e)] = OwnPurpose(ext, s, e, is_own)
            if purposes[(s, e)].within(ws, we):
                rel = classify_opening(core[ws:we])
            elif is_empty_clause(own_words) and prev_in_sentence.get((s, e)) is not None:
                rel = relations[prev_in_sentence[(s, e)]]
            else:
                rel = _body_clause_relation(own_words, core[c.core_end : _clause_end(core, c.core_end, we)], c.end - c.core_end)
        else:
            own_words = ext[clause_from : c.start]
            if is_empty_clause(own_words):
                prev = prev_in_sentence.get((s, e))
                after = core[c.core_end : _clause_end(core, c.core_end, we)]
                rel = relations[prev] if prev is not None else _body_clause_relation(ext[ws : c.start], after, c.end - c.core_end)
            else:
                rel = _body_clause_relation(own_words, core[c.core_end : _clause_end(core, c.core_end, we)], c.end - c.core_end)
        if retro and rel in ("implements", "directs"):
            rel = "cites"
        relations[i] = rel
        prev_in_sentence[(s, e)] = i
    for i in followed:
        # "V/v ... theo Công văn số X": the letter is done after X when X is a letter that
        # passes work down, or when the body itself carries X out or orders it
        number = citations[i].number.number
        if pass_down_type(citations[i].doc_type) or any(
            relations[j] in ("implements", "directs") for j in keep if j != i and citations[j].number.number == number
        ):
            relations[i] = "implements"
    return relations


def _body_clause_relation(own_words: str, words_after: str, subject_len: int = 0) -> str:
    """A body clause's relation to the citation it holds: its own words before it, then
    what it says of it after (``Quyết định X hết hiệu lực kể từ ngày`` → replaces; a part
    of it, ``các thủ tục đã công bố tại Quyết định X hết hiệu lực`` → amends), and a
    reported past act (``Bộ đã báo cáo ... tại Công văn số X``) orders nothing → cites."""
    rel = classify_clause(own_words) or "cites"
    if rel in ("directs", "cites") and ceases_after(words_after, subject_len):
        # the whole document ceases ("Nghị quyết số X ... hết hiệu lực kể từ ngày"): replaced;
        # a part of it ("các thủ tục đã công bố tại Quyết định X", "Phụ lục kèm theo X"): amended
        return "amends" if _PART_OF.search(own_words) else "replaces"
    if rel == "directs" and reports_past_act(own_words):
        return "cites"
    return rel


#: A clause naming a part of the cited document before it ("... tại", "... kèm theo").
_PART_OF = regex.compile(
    rf"(?i)(?<!\p{{L}})(?:{alternation(words('relations', 'part_of_cited'))})\s*+$"
    rf"|(?<!\p{{L}})(?:{alternation(words('relations', 'document_parts'))})(?!\p{{L}})"
)
_CLAUSE_END = regex.compile(r"[;.!?](?=\s|$)|,\s")


def _clause_end(ext: str, pos: int, limit: int) -> int:
    """Where the clause going on at ``pos`` ends (a comma, ``;``, a sentence end), before ``limit``."""
    m = _CLAUSE_END.search(ext, pos, limit)
    return m.start() if m else limit


# ---------------------------------------------------------------- passes 6-7: merge, complete


def _merge(
    text: str,
    citations: list[Citation],
    keep: list[int],
    relations: dict[int, str],
    blanks: _Blanked,
    out: References,
    title: tuple[int, int] | None = None,
) -> tuple[list[Reference], dict[int, int], list[Citation], set[int], dict[int, list[str]]]:
    """One reference per document, in order of first mention. One number names one document
    unless mentions give it different issuers (every UBND writes a 02/CT-UBND). Returns the
    references, which reference each citation became, each reference's first citation, and
    the references one of whose mentions carries two dates, and every date each is cited with."""
    refs: list[Reference] = []
    multi: set[int] = set()
    dates: dict[int, list[str]] = {}
    firsts: list[Citation] = []
    ref_of: dict[int, int] = {}
    by_number: dict[str, list[int]] = {}
    for i in keep:
        c = citations[i]
        number = c.number.number
        s, e = blanks.sentence(c.start)
        if title is not None and title[0] <= c.start < title[1]:
            s = max(s, title[0])  # a title's evidence starts with the title, not in the header above it
        mention = Mention(
            start=c.start,
            end=c.core_end,
            text=" ".join(text[c.start : c.core_end].split()),
            sentence=_evidence(text, s, e, c.start, c.core_end),
            relation=relations[i],
            date=c.dates[0].iso if c.dates else None,
        )
        candidates = by_number.setdefault(number, [])
        k = _reference_for([refs[j] for j in candidates], c)
        if k is None:
            refs.append(Reference(number=number, number_raw=c.number.raw))
            firsts.append(c)
            if c.number.parts.slip is not None:
                out.warn("cited-number-slip",
                         N_("{number} looks mistyped ({slip}): kept as written").format(
                             number=c.number.raw, slip=SLIPS[c.number.parts.slip]),
                         Span(c.start, c.core_end))
            candidates.append(len(refs) - 1)
            idx = len(refs) - 1
        else:
            idx = candidates[k]
        ref = refs[idx]
        ref_of[i] = idx
        ref.mentions.append(mention)
        if ref.doc_type is None and c.doc_type:
            ref.doc_type = c.doc_type
        elif c.doc_type and ref.doc_type != c.doc_type:
            out.warn("conflicting-types", N_("{number} is called {doc_type} and {other_type} in this text").format(
                number=number, doc_type=ref.doc_type, other_type=c.doc_type),
                     Span(c.start, c.core_end))
        im = c.issuer_match
        if im is not None and (ref.issuer is None or not im.unresolved and ref.issuer_place is None and im.issuer.place):
            ref.issuer = replace(im.issuer)
        if ref.title is None and c.title:
            ref.title = c.title
        if RELATION_STRENGTH[mention.relation] > RELATION_STRENGTH[ref.relation]:
            ref.relation = mention.relation
        dates.setdefault(idx, []).extend(d.iso for d in c.dates)
        if len({d.iso for d in c.dates}) > 1:
            multi.add(idx)
            out.warn(
                "two-dates-in-mention",
                N_("{number} carries two dates in one mention ({dates})").format(
                    number=number, dates=', '.join(_vn_date(d.iso) for d in c.dates)),
                Span(c.start, c.core_end),
            )
    for number, group in by_number.items():
        if len(group) > 1:
            out.warn(
                "one-number-several-documents",
                N_("{number} names {n} different documents here ({issuers})").format(
                    number=number, n=len(group),
                    issuers="; ".join(refs[j].issuer_name or N_("issuer unknown") for j in group)),
            )
    return refs, ref_of, firsts, multi, dates


def _complete(refs: list[Reference], firsts: list[Citation], multi: set[int], dates: dict[int, list[str]], out: References) -> None:
    """Type, issuer and date where the mentions give none, from the number itself."""
    for k, (ref, c) in enumerate(zip(refs, firsts, strict=True)):
        if ref.doc_type is None:
            ref.doc_type = c.number.parts.type_name
        if ref.issuer is None:
            ref.issuer = _default_issuer(c)
        ref.date = _choose_date(ref.number, dates.get(k, []), c.number.parts.year, k in multi, out)


def _default_issuer(c: Citation) -> Issuer | None:
    """The issuer a number's body code names by itself (``TTg``, ``CP``, ``BNV``)."""
    code = c.number.parts.body.upper()
    entry = body_codes().get(code)
    if entry is None:
        for prefix in ("QH", "UBTVQH"):
            if code.startswith(prefix) and code[len(prefix) :].isdigit():
                e = body_codes()[prefix]
                return Issuer(e["name"], e.get("level"))
        return None
    name = entry.get("name")
    return Issuer(name, entry.get("level")) if name else None


# ---------------------------------------------------------------- pass 8: links


#: Documents that propose or report rather than act: "Tờ trình số X về việc sửa đổi Quyết định
#: Y" asks for an amendment, it amends nothing.
_NOT_ACTING = frozenset({"Tờ trình", "Báo cáo", "Biên bản", "Phiếu gửi", "Phiếu chuyển", "Giấy mời"})


def _acts(c: Citation) -> bool:
    kind = c.doc_type or c.number.parts.type_name
    return kind not in _NOT_ACTING


def _links(
    citations: list[Citation],
    keep: list[int],
    ref_of: dict[int, int],
    blanks: _Blanked,
    refs: list[Reference],
) -> list[Link]:
    """Edges between two cited documents that the text reports: a subject that carries
    another document out (``Kế hoạch số 57-KH/TU ... về thực hiện Chỉ thị số 05-CT/TW`` →
    57-KH/TU implements 05-CT/TW), changes it (``... sửa đổi, bổ sung Quyết định số X``), or
    is changed by it (``Luật số 77/2015/QH13 được sửa đổi, bổ sung bởi Luật số 47/2019/QH14``
    → 47/2019/QH14 amends 77/2015/QH13)."""
    out: list[Link] = []
    seen: set[tuple[int, str, int]] = set()
    prev: int | None = None
    for i in keep:
        c = citations[i]
        found: tuple[int, str, int] | None = None
        outer = citations[c.nested_in] if c.nested_in is not None and c.nested_in in ref_of else None
        if outer is not None and outer.title_span is not None and _acts(outer):
            said = subject_link(blanks.core[outer.title_span[0] : c.start])
            if said is not None:
                rel, reverse = said
                a, b = ref_of[c.nested_in], ref_of[i]  # type: ignore[index]
                found = (b, rel, a) if reverse else (a, rel, b)
        elif prev is not None and 0 <= c.start - citations[prev].core_end < 400:
            rel = changed_by_between(blanks.core[citations[prev].core_end : c.start])
            if rel is not None:
                found = (ref_of[i], rel, ref_of[prev])
        if found is not None and found[0] != found[2] and found not in seen:
            seen.add(found)
            evidence = next((m.sentence for m in refs[ref_of[i]].mentions if m.start == c.start), "")
            out.append(Link(found[0], found[1], found[2], evidence, Span(c.start, c.core_end)))
        prev = i
    return out


# ---------------------------------------------------------------- sentences

# After a line break, the blank run is taken whole and, if what follows does not start a
# sentence, (*SKIP) resumes the scan after the run: a break inside the same run would end
# at the same place and fail the same way. Without it a long run of blank lines before a
# lower-case word was rescanned from each of its line breaks (quadratic: 10 000 blank
# lines took 8 s). Same matches as the plain form.
_SENT_BREAK = regex.compile(
    r"[.!?](?:/\.)?[\s*_]+(?=[\p{Lu}\d“\"(])|:\s*\n|\n[\s*_]*+(*SKIP)(?=[\p{Lu}\d\-+•“\"]|[a-zđ]\)|$)"
)


#: A character no sentence break can consume (see ``_SENT_BREAK``): it is in no break, so a scan started right after it finds the breaks a scan of the whole
#: text finds there, and a scan stopped (``endpos``) a few characters after one finds the
#: breaks before it as the whole scan does (``Sentences``).
_NON_BREAK = regex.compile(r"[^.!?/:*_\s]")
_NON_BREAK_BEFORE = regex.compile(r"(?r)[^.!?/:*_\s]")
#: How many sentences are read from their own surroundings before all of them are listed,
#: and how far such a reading may look.
_DIRECT_SENTENCES, _DIRECT_REACH = 64, 4000
#: What a break's lookahead reads past its end (``[a-zđ]\)``: two characters).
_LOOK = 2


class _TooFar(Exception):
    """A reading from the surroundings would have to look further than ``_DIRECT_REACH``."""


class Sentences:
    """The sentence holding a position of a view, as ``sentence_bounds`` cuts them.

    Why: listing every sentence of a long decision (a regex pass and a wrap test on every
    line break) cost more than reading the few sentences its citations stand in. The first
    questions are answered from the surroundings of the position, with the same breaks a
    scan of the whole text finds (see ``_NON_BREAK``); a text asked about many positions,
    or whose sentences run longer than ``_DIRECT_REACH``, is listed whole once."""

    __slots__ = ("_answers", "_starts", "view")

    def __init__(self, view: str) -> None:
        self.view = view
        self._starts: list[int] | None = None
        self._answers: dict[int, tuple[int, int]] = {}

    def at(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence holding ``pos``: ``start`` the last sentence start
        at or before ``pos`` (0 at least), ``end`` the next one after it (or the text's end)."""
        hit = self._answers.get(pos)
        if hit is not None:
            return hit
        got = None
        if self._starts is None and len(self._answers) < _DIRECT_SENTENCES and 0 <= pos < len(self.view):
            try:
                got = self._near(pos)
            except _TooFar:
                got = None
        if got is None:
            if self._starts is None:
                self._starts = sentence_bounds(self.view, 0, len(self.view))
            starts = self._starts
            i = bisect.bisect_right(starts, pos) - 1
            s = starts[max(i, 0)]
            e = starts[i + 1] if i + 1 < len(starts) else len(self.view)
            got = (s, e)
        self._answers[pos] = got
        return got

    def _sync(self, p: int) -> int:
        """The nearest position at or before ``p`` that follows a character no break holds
        (or 0)."""
        c = _NON_BREAK_BEFORE.search(self.view, max(0, p - _DIRECT_REACH), p)
        if c is not None:
            return c.end()
        if p > _DIRECT_REACH:
            raise _TooFar
        return 0

    def _real_breaks(self, a: int, until: int) -> Iterator[int]:
        """The ends of the real breaks (no wraps) that start in ``[a, until)``, in order, as the
        whole scan finds them (``a`` a sync point). The scan stops ``_LOOK`` characters past
        the first character at or after ``until`` that no break holds: no break starting
        before ``until`` reaches it, so none reads past where the scan stops."""
        view = self.view
        n = len(view)
        if until >= n:
            stop = n
        else:
            q = _NON_BREAK.search(view, until, min(n, until + _DIRECT_REACH))
            if q is None:
                if until + _DIRECT_REACH < n:
                    raise _TooFar
                stop = n
            else:
                stop = min(n, q.start() + _LOOK + 1)
        for m in _SENT_BREAK.finditer(view, a, stop):
            if m.start() >= until:
                return
            if view[m.start()] == "\n" and is_wrap(view, m.start()):
                continue
            yield m.end()

    def _near(self, pos: int) -> tuple[int, int]:
        # back: the last break ending at or before pos (breaks starting after pos end after it)
        lo, hi = self._sync(max(0, pos - 200)), pos + 1
        start = None
        while start is None:
            ends = [e for e in self._real_breaks(lo, hi) if e <= pos]
            if ends:
                start = ends[-1]
            elif lo == 0:
                start = 0
            elif pos - lo > _DIRECT_REACH:
                raise _TooFar
            else:  # the breaks starting before lo end before it (lo follows a char none holds)
                lo, hi = self._sync(max(0, lo - 4 * (pos - lo + 1))), lo
        # forward: the first break ending after pos
        end = len(self.view)
        for e in self._real_breaks(self._sync(pos), pos + _DIRECT_REACH):
            if e > pos:
                end = e
                break
        else:
            if pos + _DIRECT_REACH < len(self.view):
                raise _TooFar
        return start, end


def sentence_bounds(view: str, start: int, end: int) -> list[int]:
    """Sorted sentence starts in ``view[start:end]``. A line break before a lower-case
    word continues the sentence (a page break split it: "nghiêm\\n\\ntúc"), and so does a
    hard wrap ("Nghị định số\\n63/2010/NĐ-CP": ``extract.wrap.is_wrap``)."""
    starts = [start]
    for m in _SENT_BREAK.finditer(view, start, end):
        if view[m.start()] == "\n" and is_wrap(view, m.start()):
            continue
        starts.append(m.end())
    return starts


def _blank_spans(view: str, s: int, e: int, spans: list[tuple[int, int]]) -> str:
    """``view[s:e]`` with the given spans replaced by spaces (same length)."""
    pieces: list[str] = []
    pos = s
    for a, b in sorted(spans):
        a, b = max(a, pos), min(b, e)
        if a >= b:
            continue
        pieces.append(view[pos:a])
        pieces.append(" " * (b - a))
        pos = b
    pieces.append(view[pos:e])
    return "".join(pieces)


# ---------------------------------------------------------------- named laws


@cache
def _known_laws() -> list[tuple[str, regex.Pattern[str]]]:
    out = []
    for e in load_yaml("laws.yaml")["laws"]:
        name = e["name"]
        pat = r"\s+".join(regex.escape(w) for w in name.split())
        out.append((name, regex.compile(rf"(?i){pat}(?!\p{{L}})")))
    out.sort(key=lambda p: -len(p[0]))
    return out


@cache
def _known_law_re() -> regex.Pattern[str]:
    """All known law names in one alternation, longest first: the first alternative that
    matches is the one the loop over ``_known_laws()`` would stop at, in one call per
    ``Luật`` instead of one per known law."""
    alts = [f"(?:{pat.pattern[4:]})" for _name, pat in _known_laws()]  # each pattern is "(?i)" + name
    return regex.compile("(?i)(?:" + "|".join(alts) + ")" if alts else "(?!)")


_LAW = regex.compile(r"(?<!\p{L})Luật(?=\s+\p{L})")
_LAW_WORD = regex.compile(r"\s+(?P<w>[\p{L}\p{M}\-]+)")
_LAW_STOP = {"và", "theo", "nhằm", "để", "của", "các", "trong", "đã", "được", "số", "quy", "hướng", "thì", "với", "về", "này", "ngày", "sửa", "có"}
# " năm 2015" after a law's name, read in two steps: the blanks, then "năm ...". As one
# pattern, "\s+năm" made the regex module look ahead for "năm" through the rest of the
# text on every call (quadratic on a text of many "Luật" and no "năm"); same matches.
_BLANKS = regex.compile(r"\s+")
_LAW_YEAR = regex.compile(r"năm\s+(?:19|20)\d{2}(?!\d)")


def find_named_laws(view: str, text: str, start: int, end: int) -> list[NamedLaw]:
    """``Luật Khiếu nại``, ``Luật Tổ chức chính quyền địa phương năm 2015``: laws cited by name."""
    out: list[NamedLaw] = []
    seen: set[str] = set()
    for m in _LAW.finditer(view, start, end):
        pos = m.end()
        name_end = None
        km = _known_law_re().match(view, m.start())
        if km is not None:
            name_end = km.end()
        if name_end is None:
            words = 0
            p = pos
            while words < 12:
                wm = _LAW_WORD.match(view, p, end)
                if wm is None or wm.group("w").casefold() in _LAW_STOP or (words == 0 and wm.group("w").casefold() == "số"):
                    break
                p = wm.end()
                words += 1
            if words == 0:
                continue
            name_end = p
        bl = _BLANKS.match(view, name_end)
        ym = _LAW_YEAR.match(view, bl.end()) if bl is not None else None
        if ym is not None:
            name_end = ym.end()
        name = " ".join(text[m.start() : name_end].split())
        key = fold_key(name)
        if key in seen:
            continue
        seen.add(key)
        out.append(NamedLaw(name, m.start(), name_end))
    return out


# ---------------------------------------------------------------- helpers


def _reference_for(candidates: list[Reference], c: Citation) -> int | None:
    """Which already-seen document of this number a mention speaks of (its index among
    ``candidates``): the one with its issuer, or one whose issuer is still unknown; ``None``
    when it names another issuer."""
    if not candidates:
        return None
    im = c.issuer_match
    if im is None or im.unresolved:
        if c.dates:
            for k, ref in enumerate(candidates):
                if any(m.date == c.dates[0].iso for m in ref.mentions):
                    return k
        return 0
    for k, ref in enumerate(candidates):
        if ref.issuer_name == im.issuer.name:
            return k
    for k, ref in enumerate(candidates):
        if ref.issuer is None or ref.issuer_place is None and ref.issuer_level not in ("central", "party-central"):
            return k
    return None


def _continues_list(view: str, first: Citation, nxt: Citation) -> bool:
    """``X và Y``, ``X, Y``: two citations of one list (same body code, nothing between them
    but a connective, no ";" or line break)."""
    gap = view[first.end : nxt.start]
    return (
        ";" not in gap
        and "\n" not in gap
        and is_empty_clause(gap)
        and first.number.parts.body.upper() == nxt.number.parts.body.upper()
    )


def _evidence(text: str, s: int, e: int, start: int, end: int) -> str:
    """The sentence around a citation, cut to a window around it when the "sentence"
    is a whole run-on file."""
    if e - s > 4 * _CONTEXT:
        s, e = max(s, start - _CONTEXT), min(e, end + _CONTEXT)
    return " ".join(blank_markup(text[s:e]).split())


def _vn_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2]):02d}/{int(parts[1]):02d}/{parts[0]}"
    return iso


def _choose_date(number: str, dates: list[str], year: int | None, in_one_mention: bool, out: References) -> str | None:
    """The date of issue: the one consistent with the number's own year when mentions
    disagree; every disagreement is a warning."""
    if not dates:
        return None
    distinct = list(dict.fromkeys(dates))
    chosen = distinct[0]
    if year is not None:
        consistent = [d for d in distinct if d.startswith(str(year))]
        if consistent:
            chosen = consistent[0]
        for d in distinct:
            if not d.startswith(str(year)):
                out.warn(
                    "date-contradicts-number-year",
                    N_("{number} is dated {date} but its number says {year}: a slip in the text").format(
                        number=number, date=_vn_date(d), year=year),
                )
    if len(distinct) > 1 and not (in_one_mention and len(distinct) == 2):
        out.warn(
            "conflicting-dates",
            N_("{number} is cited with {n} dates ({dates}); kept {chosen}").format(
                number=number, n=len(distinct), dates=', '.join(_vn_date(d) for d in distinct), chosen=_vn_date(chosen))
        )
    return chosen
