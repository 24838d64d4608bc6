"""Cited documents: tokenize (numbers) → extract (citations around them) → resolve
(issuers from context, relations) → merge (one reference per document).

A citation in a Vietnamese text reads ``<Type> số <number> ngày <date> của <issuer>
“<subject>”`` with every part but the number optional and the date and issuer in
either order. Later mentions repeat only ``<Type> số <number>`` and are merged into
the first. One date or issuer can close a list (``Quyết định số 217-QĐ/TW và Quyết
định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị``): it is shared backwards.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache

import regex

from ..extract.dates import DateMatch, date_at
from ..extract.numbers import NumberMatch, find_numbers
from ..model import RELATION_STRENGTH, Document, Mention, NamedLaw, Reference, Span
from ..refdata import body_codes, load_yaml, type_words
from ..text.normalize import fold_key
from .issuers import IssuerMatch, PlaceContext, resolve_issuer
from .relations import classify_clause, classify_opening, is_closing, is_empty_clause


@cache
def _type_before_re() -> regex.Pattern[str]:
    words = sorted({w for w in type_words()}, key=len, reverse=True)
    alt = "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in words)
    return regex.compile(rf"(?i)(?<!\p{{L}})(?P<type>{alt})\s{{1,4}}(?:số\s{{0,3}}:?\s{{0,3}})?$")


#: How far a subject may run after its number, and how much of a sentence around a
#: citation its relation is read from: bounds that keep a parse linear in the text's
#: length even when a whole file is one sentence.
_SUBJECT_REACH = 1200
_CONTEXT = 600

_COMMA = regex.compile(r"(?:,|\s++và)\s+")  # possessive: no re-splitting a run of blanks
_SO_BEFORE = regex.compile(r"(?i)(?<!\p{L})số\s{0,3}:?\s{0,3}$")
_CUA = regex.compile(r"(?i)\s{0,3},?\s{0,3}của\s{1,3}")
_NGAY = regex.compile(r"(?i)\s{0,3},?\s{0,3}")
_PAREN = regex.compile(r"\s{0,3}\([^()\n]{0,60}\)")
_OPEN_QUOTE = regex.compile(r"\s{0,3}[“\"]")
_NEXT_QUOTE = regex.compile(r"(?:\s{0,3},|\s{1,3}và)\s{0,3}[“\"]")
_SUBJECT = regex.compile(r"(?i)\s{0,3}(?P<kw>về\s+việc|về|v/v|ban\s+hành|quy\s+định|hướng\s+dẫn)(?!\p{L})\s{0,3}")


@cache
def _title_stop() -> regex.Pattern[str]:
    """Where an unquoted subject ends: the clause's end, or a list going on to the next
    citation (", Quyết định số ...", " và Kế hoạch số ...")."""
    words = sorted(type_words(), key=len, reverse=True)
    alt = "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in words)
    return regex.compile(
        r"[;\n]|\.(?:\s|$)|(?i:\s+(?:và\s+các\s+văn\s+bản|nhằm|để)\s)|,\s+(?=(?i:gắn\s+với))"
        rf"|(?:,|\s+và)\s+(?=(?i:{alt})\s+số)"
    )


@dataclass(slots=True)
class RawMention:
    """A citation as found, before any context is applied."""

    number: NumberMatch
    start: int  # type word (or "số", or the number) start
    core_end: int  # end of number/date/issuer
    end: int  # end of the subject, if any
    doc_type: str | None
    dates: list[DateMatch] = field(default_factory=list)
    issuer_phrase: tuple[int, int] | None = None
    issuer_match: IssuerMatch | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    nested_in: int | None = None  # index of the citation whose subject holds this one
    extra_titles: list[str] = field(default_factory=list)  # “A”, “B” closing a list: one each

    @property
    def extent(self) -> tuple[int, int]:
        return (self.start, self.end)


def _read_quote(view: str, pos: int, limit: int = 600) -> int | None:
    """End of a quotation opening at ``pos`` (curly quotes nest: “a “b” c”)."""
    depth = 0
    end = min(len(view), pos + limit)
    i = pos
    while i < end:
        c = view[i]
        if c == "“":
            depth += 1
        elif c == "”":
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == '"':
            if depth == 0:
                depth = 1
            else:
                return i + 1
        elif c == "\n" and view.startswith("\n", i + 1):
            return None
        i += 1
    return None


def _scan_one(view: str, nm: NumberMatch, prev_end: int) -> RawMention:
    s = nm.start
    window_start = max(prev_end, s - 80)
    before = view[window_start:s]
    tm = _type_before_re().search(before)
    doc_type = None
    start = s
    if tm is not None:
        doc_type = type_words().get(" ".join(tm.group("type").split()).casefold())
        start = window_start + tm.start()
    else:
        sm = _SO_BEFORE.search(before)
        if sm is not None:
            start = window_start + sm.start()
    raw = RawMention(number=nm, start=start, core_end=nm.end, end=nm.end, doc_type=doc_type)

    pos = nm.end
    for _ in range(6):
        progressed = False
        pm = _PAREN.match(view, pos)
        if pm is not None and not _OPEN_QUOTE.match(view, pos):
            pos = pm.end()
            raw.core_end = pos
            progressed = True
        lead = _NGAY.match(view, pos)
        dpos = lead.end() if lead else pos
        dm = date_at(view, dpos)
        if dm is not None and dpos - pos <= 4:
            raw.dates.append(dm)
            pos = raw.core_end = dm.end
            progressed = True
            continue
        cm = _CUA.match(view, pos)
        if cm is not None and raw.issuer_phrase is None:
            im = resolve_issuer(view[cm.end() : cm.end() + 160])
            if im is not None:
                raw.issuer_phrase = (cm.end(), cm.end() + im.length)
                raw.issuer_match = im
                pos = raw.core_end = cm.end() + im.length
                progressed = True
                continue
        if not progressed:
            break
    raw.end = raw.core_end

    # The subject: a quotation, or "về ..." up to the end of the clause.
    sub = _SUBJECT.match(view, pos)
    qpos = pos
    if sub is not None:
        qpos = sub.end()
    qm = _OPEN_QUOTE.match(view, qpos)
    if qm is not None:
        qstart = qm.end() - 1
        qend = _read_quote(view, qstart)
        if qend is not None:
            raw.title = _clean_title(view[qstart + 1 : qend - 1])
            raw.title_span = (qstart, qend)
            raw.end = qend
            # "... ban hành “Quy chế A”, “Quy định B”": one subject per document of the list
            while (more := _NEXT_QUOTE.match(view, raw.end)) is not None:
                q2 = more.end() - 1
                q2end = _read_quote(view, q2)
                if q2end is None:
                    break
                extra = _clean_title(view[q2 + 1 : q2end - 1])
                if extra:
                    raw.extra_titles.append(extra)
                raw.end = q2end
                raw.title_span = (qstart, q2end)
            return raw
    if sub is not None:
        stop = _title_stop().search(view, sub.end(), min(len(view), sub.end() + 400))
        tend = stop.start() if stop else min(len(view), sub.end() + 400)
        # "... về Y, UBND tỉnh xây dựng Kế hoạch": a body named after a comma starts a new clause.
        for cm in _COMMA.finditer(view, sub.end(), tend):
            if view[cm.end() : cm.end() + 1].isupper() and resolve_issuer(view[cm.end() : cm.end() + 80]) is not None:
                tend = cm.start()
                break
        kw = " ".join(sub.group("kw").split())
        body = view[sub.end() : tend]
        if body.strip():
            raw.title = _clean_title(f"{kw} {body}")
            raw.title_span = (sub.start() + (len(sub.group(0)) - len(sub.group(0).lstrip())), tend)
            raw.end = tend
    return raw


def _clean_title(s: str) -> str | None:
    s = " ".join(s.replace("“", "").replace("”", "").replace('"', "").split()).strip(" ,;:.")
    if not s:
        return None
    return s[:1].upper() + s[1:]


def scan_mentions(view: str, start: int = 0, end: int | None = None) -> list[RawMention]:
    """Every citation in ``view[start:end]``, with what follows its number."""
    numbers = find_numbers(view, start, end)
    out: list[RawMention] = []
    prev_end = start
    for nm in numbers:
        raw = _scan_one(view, nm, max(prev_end, start))
        out.append(raw)
        prev_end = raw.core_end
    # A citation that starts inside an earlier one's subject is named in that subject.
    # Only citations with a subject can hold one: look back over those alone (a dense run
    # of bare numbers would otherwise be walked ~_SUBJECT_REACH/len(number) times each).
    titled: list[int] = []
    for i, raw in enumerate(out):
        for j in reversed(titled):
            other = out[j]
            if other.start < raw.start - _SUBJECT_REACH:
                break  # subjects are bounded: nothing further back can hold this one
            if other.title_span[0] <= raw.start < other.title_span[1]:
                raw.nested_in = j
                break
        if raw.title_span:
            titled.append(i)
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


def sentence_bounds(view: str, start: int, end: int) -> list[int]:
    """Sorted sentence starts in ``view[start:end]``. A line break before a lower-case
    word continues the sentence (a page break split it: "nghiêm\\n\\ntúc")."""
    starts = [start]
    for m in _SENT_BREAK.finditer(view, start, end):
        starts.append(m.end())
    return starts


def _sentence_at(starts: list[int], pos: int, view: str) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    s = starts[max(i, 0)]
    e = starts[i + 1] if i + 1 < len(starts) else len(view)
    return s, e


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


# ---------------------------------------------------------------- build


def _default_issuer(raw: RawMention) -> str | None:
    """The issuer a number's body code names by itself (``TTg``, ``CP``, ``BNV``)."""
    code = raw.number.parts.body
    entry = body_codes().get(code.upper())
    if entry is None:
        for prefix in ("QH", "UBTVQH"):
            if code.upper().startswith(prefix) and code[len(prefix) :].isdigit():
                return body_codes()[prefix]["name"]
        return None
    return entry.get("name")


def build_references(
    text: str,
    view: str,
    doc: Document,
    raws: list[RawMention],
    ctx: PlaceContext,
    body_start: int,
    body_end: int,
    outline_start: int | None,
    title_span: tuple[int, int] | None,
) -> None:
    """Resolve, type and merge the scanned citations into ``doc.references``."""
    keep: list[int] = []
    for i, raw in enumerate(raws):
        in_title = title_span is not None and title_span[0] <= raw.start < title_span[1]
        if raw.start < body_start and not in_title:
            continue  # the document's own "Số:" line and the header block
        keep.append(i)
    if not keep:
        doc.named_laws = find_named_laws(view, text, body_start, body_end)
        return

    # Resolve issuers against the document's own place.
    for i in keep:
        raw = raws[i]
        if raw.issuer_phrase is not None and raw.issuer_match is not None and raw.issuer_match.relative:
            a, _b = raw.issuer_phrase
            im = resolve_issuer(view[a : a + 160], ctx)
            if im is not None:
                raw.issuer_match = im

    keep = _drop_self_mentions(view, doc, raws, keep)
    if not keep:
        doc.named_laws = find_named_laws(view, text, body_start, body_end)
        return

    # Share a list's closing date and issuer backwards: "X và Y ngày D của B". Only to a
    # citation with neither of its own, across "," or "và" (never ";"), between numbers of
    # the same body, and never a date its own number's year contradicts.
    for pos in range(len(keep) - 2, -1, -1):
        first, nxt = raws[keep[pos]], raws[keep[pos + 1]]
        if not _continues_list(view, first, nxt):
            continue
        if first.dates or first.issuer_match is not None:
            continue
        year = first.number.parts.year
        if nxt.dates and (year is None or nxt.dates[0].year == year):
            first.dates = [nxt.dates[0]]
        first.issuer_match = nxt.issuer_match
    # Quoted subjects closing a list go to its members in order.
    for pos, i in enumerate(keep):
        raw = raws[i]
        if not raw.extra_titles:
            continue
        group = [raw]
        p = pos
        while p > 0 and len(group) <= len(raw.extra_titles) and _continues_list(view, raws[keep[p - 1]], group[0]) \
                and raws[keep[p - 1]].title is None:
            group.insert(0, raws[keep[p - 1]])
            p -= 1
        titles = [raw.title, *raw.extra_titles]
        if len(group) == len(titles):
            for member, title in zip(group, titles):
                member.title = title
    # A document named in another's subject, with no issuer of its own, shares the
    # enclosing issuer when both numbers carry the same body code (05-CT/TW inside 01-KL/TW).
    for i in keep:
        raw = raws[i]
        if raw.nested_in is not None and raw.issuer_match is None:
            outer = raws[raw.nested_in]
            if outer.issuer_match is not None and outer.number.parts.body == raw.number.parts.body:
                raw.issuer_match = outer.issuer_match

    extents = [raws[i].extent for i in keep]
    cores = [(raws[k].start, raws[k].core_end) for k in keep]
    # The whole view with every citation blanked (extents: type word to subject end; cores:
    # type word to date/issuer), built once: each citation's context is then a slice, so
    # the work per citation does not grow with how many citations sit near it.
    ext_blank = _blank_spans(view, 0, len(view), extents)
    core_blank = _blank_spans(view, 0, len(view), cores)
    starts = sentence_bounds(view, 0, len(view))
    opening_end = outline_start if outline_start is not None else body_end
    relations: dict[int, str] = {}
    prev_in_sentence: dict[tuple[int, int], int] = {}

    for i in keep:
        raw = raws[i]
        s, e = _sentence_at(starts, raw.start, view)
        sent_key = (s, e)
        ws, we = max(s, raw.start - _CONTEXT), min(e, raw.core_end + _CONTEXT)
        in_title = title_span is not None and title_span[0] <= raw.start < title_span[1]
        sentence_text = core_blank[ws:we]
        # The clause: since the last ";" outside every citation (a ";" inside another
        # citation's subject does not end it). The citation's own extent starts at
        # raw.start, so before it only the others are blanked.
        clause_from = max(ws, ext_blank.rfind(";", ws, raw.start) + 1)
        own = ext_blank[clause_from : raw.start]
        if raw.nested_in is not None:
            rel = "cites"
        elif in_title or (body_start <= raw.start < opening_end) or is_closing(sentence_text):
            rel = classify_opening(sentence_text)
        elif is_empty_clause(own):
            prev = prev_in_sentence.get(sent_key)
            if prev is not None:
                rel = relations[prev]
            else:
                lead = ext_blank[ws : raw.start]
                rel = classify_clause(lead) or "cites"
        else:
            rel = classify_clause(own) or "cites"
        relations[i] = rel
        prev_in_sentence[sent_key] = i

    # Merge mentions per document, in order of first mention. One number names one document
    # unless mentions give it different issuers (every UBND writes a 02/CT-UBND).
    refs: list[Reference] = []
    by_number: dict[str, list[Reference]] = {}
    dates_seen: dict[int, list[str]] = {}
    first: dict[int, RawMention] = {}
    multi_date_mention: set[int] = set()
    for i in keep:
        raw = raws[i]
        number = raw.number.number
        s, e = _sentence_at(starts, raw.start, view)
        mention = Mention(
            start=raw.start,
            end=raw.core_end,
            text=" ".join(text[raw.start : raw.core_end].split()),
            sentence=_evidence(text, s, e, raw.start, raw.core_end),
            relation=relations[i],
            date=raw.dates[0].iso if raw.dates else None,
        )
        ref = _reference_for(by_number.setdefault(number, []), raw)
        if ref is None:
            ref = Reference(number=number, number_raw=raw.number.raw)
            by_number[number].append(ref)
            refs.append(ref)
            first[id(ref)] = raw
        ref.mentions.append(mention)
        if ref.doc_type is None and raw.doc_type:
            ref.doc_type = raw.doc_type
        elif raw.doc_type and ref.doc_type != raw.doc_type:
            doc.warn("conflicting-types", f"{number} is called {ref.doc_type} and {raw.doc_type} in this text", Span(raw.start, raw.core_end))
        im = raw.issuer_match
        if im is not None and not im.unresolved and (ref.issuer is None or ref.issuer_place is None and im.issuer.place):
            _set_issuer(ref, im)
        elif im is not None and ref.issuer is None:
            _set_issuer(ref, im)
        if ref.title is None and raw.title:
            ref.title = raw.title
        if RELATION_STRENGTH[mention.relation] > RELATION_STRENGTH[ref.relation]:
            ref.relation = mention.relation
        dates_seen.setdefault(id(ref), []).extend(dm.iso for dm in raw.dates)
        if len({d.iso for d in raw.dates}) > 1:
            multi_date_mention.add(id(ref))
            doc.warn(
                "two-dates-in-mention",
                f"{number} carries two dates in one mention ({', '.join(_vn_date(d.iso) for d in raw.dates)})"
            )
    for number, group in by_number.items():
        if len(group) > 1:
            doc.warn(
                "one-number-several-documents",
                f"{number} names {len(group)} different documents here ("
                + "; ".join(r.issuer or "issuer unknown" for r in group) + ")"
            )

    for ref in refs:
        raw = first[id(ref)]
        if ref.doc_type is None:
            ref.doc_type = raw.number.parts.type_name
        if ref.issuer is None:
            ref.issuer = _default_issuer(raw)
            if ref.issuer is not None:
                entry = body_codes().get(raw.number.parts.body.upper())
                ref.issuer_level = entry.get("level") if entry else None
        ref.date = _choose_date(ref.number, dates_seen.get(id(ref), []), raw.number.parts.year,
                                id(ref) in multi_date_mention, doc)

    doc.references = refs
    doc.named_laws = find_named_laws(view, text, body_start, body_end)


def _drop_self_mentions(view: str, doc: Document, raws: list[RawMention], keep: list[int]) -> list[int]:
    """Mentions of the document's own number are the document speaking of itself
    ("Kế hoạch số 165/KH-UBND này") unless one of them names another issuer or another
    date: every UBND numbers its own plans, so a commune's 165/KH-UBND may carry out
    its district's 165/KH-UBND."""
    if doc.number is None:
        return keep
    own = [i for i in keep if raws[i].number.number == doc.number]
    if not own:
        return keep
    own_issuer = doc.issuer.name if doc.issuer else None
    for i in own:
        raw = raws[i]
        other_issuer = raw.issuer_match is not None and not raw.issuer_match.unresolved and raw.issuer_match.issuer.name != own_issuer
        other_date = bool(raw.dates) and doc.date is not None and raw.dates[0].iso != doc.date
        if other_issuer or other_date:
            return keep
    return [i for i in keep if i not in own]


def _set_issuer(ref: Reference, im: IssuerMatch) -> None:
    ref.issuer = im.issuer.name
    ref.issuer_level = im.issuer.level
    ref.issuer_place = im.issuer.place
    ref.issuer_province = im.issuer.province


def _reference_for(candidates: list[Reference], raw: RawMention) -> Reference | None:
    """Which already-seen document of this number a mention speaks of: the one with its
    issuer, or one whose issuer is still unknown; ``None`` when it names another issuer."""
    if not candidates:
        return None
    im = raw.issuer_match
    if im is None or im.unresolved:
        if raw.dates:
            for ref in candidates:
                if any(m.date == raw.dates[0].iso for m in ref.mentions):
                    return ref
        return candidates[0]
    for ref in candidates:
        if ref.issuer == im.issuer.name:
            return ref
    for ref in candidates:
        if ref.issuer is None or ref.issuer_place is None and ref.issuer_level not in ("central", "party-central"):
            return ref
    return None


def _continues_list(view: str, first: RawMention, nxt: RawMention) -> bool:
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
    return " ".join(text[s:e].split())


def _vn_date(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2]):02d}/{int(parts[1]):02d}/{parts[0]}"
    return iso


def _choose_date(number: str, dates: list[str], year: int | None, in_one_mention: bool, doc: Document) -> str | None:
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
                doc.warn(
                    "date-contradicts-number-year",
                    f"{number} is dated {_vn_date(d)} but its number says {year}: a slip in the text",
                )
    if len(distinct) > 1 and not (in_one_mention and len(distinct) == 2):
        doc.warn(
            "conflicting-dates",
            f"{number} is cited with {len(distinct)} dates ({', '.join(_vn_date(d) for d in distinct)}); kept {_vn_date(chosen)}"
        )
    return chosen
