"""Citations: every place a text cites another document by number, with what follows the
number — its date(s), its issuer, its subject — as written, before any context is applied.

A citation in a Vietnamese text reads ``<Type> số <number> ngày <date> của <issuer>
“<subject>”`` with every part but the number optional and the date and issuer in
either order. A citation that starts inside an earlier one's subject (``Kế hoạch số
57-KH/TU ... về thực hiện Chỉ thị số 05-CT/TW``) is marked ``nested_in`` it: that is
how a document's own subject tells what it carries out (``resolve.references`` turns it
into a second-hand link).

This is the *extract* half of references: it runs before the header (the header must not
take its identity from inside a citation) and knows nothing of the document's own place;
``resolve/references.py`` resolves, types and merges what it finds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

import regex

from ..refdata import alternation, type_words, words
from .issuers import IssuerMatch, resolve_issuer
from ..text.dates import DateMatch, date_at
from .numbers import NumberMatch, find_numbers

if TYPE_CHECKING:  # pragma: no cover
    from ..text.layout import Layout


@cache
def _type_before_re() -> regex.Pattern[str]:
    alt = alternation(type_words())
    return regex.compile(rf"(?i)(?<!\p{{L}})(?P<type>{alt})\s{{1,4}}(?:số\s{{0,3}}:?\s{{0,3}})?$")


@cache
def _form_before_re() -> regex.Pattern[str]:
    """A form's words right before the number they name (``Mẫu số``, ``theo mẫu``, ``Mẫu số 01
    và``): ``data/lexicon/numbers.yaml``."""
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{alternation(words('numbers', 'form_words'))})[\s*_]{{1,4}}(?:số[\s*_]{{0,3}}:?[\s*_]{{0,3}})?(?:\d{{1,3}}[\s,]{{0,3}}(?:và\s{{1,3}}|,\s{{0,3}}))*+$")


#: How far before a number a form's words may stand ("Mẫu số 01 và 02/HNMT").
_FORM_REACH = 40


#: How far back a subject may hold a later citation: a bound that keeps the scan linear in
#: the text's length even when a whole file is one sentence.
_SUBJECT_REACH = 1200

#: The last character a type word or ``số`` before a number can leave (see ``_type_before_re``).
_BEFORE_NUMBER_TAIL = regex.compile(r"(?i)[\s:ố]")
_COMMA = regex.compile(r"(?:,|\s++và)\s+")  # possessive: no re-splitting a run of blanks
_SO_BEFORE = regex.compile(r"(?i)(?<!\p{L})số\s{0,3}:?\s{0,3}$")
_CUA = regex.compile(r"(?i)\s{0,3},?\s{0,3}của\s{1,3}")
_NGAY = regex.compile(r"(?i)\s{0,3},?\s{0,3}")
_PAREN = regex.compile(r"\s{0,3}\([^()\n]{0,60}\)")
_OPEN_QUOTE = regex.compile(r"\s{0,3}[“\"]")
_NEXT_QUOTE = regex.compile(r"(?:\s{0,3},|\s{1,3}và)\s{0,3}[“\"]")
#: What opens a cited document's subject (its trích yếu, Nghị định 30/2020 Phụ lục I): ``về
#: việc``, or the act it performs (``quy định``, ``hướng dẫn``, ``sửa đổi, bổ sung``, ``phê duyệt``).
_SUBJECT = regex.compile(
    rf"(?i)\s{{0,3}}(?P<kw>{alternation(words('citations', 'subject_openers'))})(?!\p{{L}})\s{{0,3}}"
)


@cache
def _title_stop() -> regex.Pattern[str]:
    """Where an unquoted subject ends: the clause's end, or a list going on to the next
    citation (", Quyết định số ...", " và Kế hoạch số ...", the opening's verb said again:
    " và thực hiện Công điện số ...")."""
    alt = alternation(type_words())
    again = alternation(words("relations", "implement_cue"))
    # A line break ends it unless the line was only wrapped: after a lower-case word or a
    # comma, before anything but a bullet, a label or the next cited document.
    return regex.compile(
        rf";|\.(?:\s|$)|(?i:\s+(?:{alternation(words('citations', 'purpose_links'))})\s)|,\s+(?=(?i:gắn\s+với))"
        rf"|(?:,|\s+và)\s+(?=(?i:{alt})\s+số)|\s+và\s+(?=(?i:(?:{again})\s+(?:{alt}))\s+số)"
        r"|(?<![\p{Ll},][ \t*_]{0,6})\n|\n[ \t*_]*+(?:\n|(?=[\-+•]|\d{1,2}[.)]\s|$))"
        rf"|\n[ \t*_]*+(?=(?i:{alt}|{alternation(words('citations', 'clause_openers'))})\s)"
    )


#: "của <Name>" up to the subject when the name is no body we know: capitalised, one clause.
_UNKNOWN_ISSUER = regex.compile(
    r"\p{Lu}(?:[^;:.!?\n“\"]|\n(?![ \t*_]*\n)){0,100}?"
    rf"(?=\s+(?i:{alternation(words('citations', 'name_enders'))})(?!\p{{L}}))"
)


@dataclass(slots=True)
class Citation:
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


def _scan_one(view: str, nm: NumberMatch, prev_end: int) -> Citation:
    s = nm.start
    window_start = max(prev_end, s - 80)
    before = view[window_start:s]
    # the type word (or "số") must end right before the number, after a blank, ":" or "số":
    # when the last character is none of these, neither pattern can match (and the long
    # alternation of type words is not tried at every position of the window)
    tail_ok = _BEFORE_NUMBER_TAIL.match(before, len(before) - 1) is not None if before else False
    tm = _type_before_re().search(before) if tail_ok else None
    doc_type = None
    start = s
    if tm is not None:
        doc_type = type_words().get(" ".join(tm.group("type").split()).casefold())
        start = window_start + tm.start()
    else:
        sm = _SO_BEFORE.search(before) if tail_ok else None
        if sm is not None:
            start = window_start + sm.start()
    raw = Citation(number=nm, start=start, core_end=nm.end, end=nm.end, doc_type=doc_type)

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
            named = _UNKNOWN_ISSUER.match(view, cm.end(), min(len(view), cm.end() + 120))
            if named is not None:  # "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn ...": a body we do not know
                raw.issuer_phrase = (cm.end(), named.end())
                pos = raw.core_end = named.end()
                break
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


def citations_within(citations: list[Citation], lo: int, hi: int) -> list[Citation]:
    """The citations starting inside ``[lo, hi)`` (the document's own text, a site's chrome
    left out), each ``nested_in`` pointed at the same outer citation in the list returned
    (``None`` when the outer one is left out): the index is into the list the stages get."""
    kept = [i for i, c in enumerate(citations) if lo <= c.start < hi]
    new_index = {old: new for new, old in enumerate(kept)}
    out = []
    for i in kept:
        c = citations[i]
        if c.nested_in is not None and new_index.get(c.nested_in) != c.nested_in:
            c = replace(c, nested_in=new_index.get(c.nested_in))
        out.append(c)
    return out


def find_citations(layout: Layout) -> list[Citation]:
    """Every citation of another document in the document the layout found (a site's chrome
    around it left out), with the dates, issuer and subject written after its number.

    >>> from danvan_cli.text import build_layout, normalize_text
    >>> from danvan_cli.extract import find_citations
    >>> text = normalize_text("KẾ HOẠCH\\nTriển khai Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
    >>> [(c.number.raw, c.dates[0].iso) for c in find_citations(build_layout(text))]
    [('05-CT/TW', '2016-05-15')]
    """
    return citations_within(scan_citations(layout.view), layout.start, layout.end)


def scan_citations(view: str, start: int = 0, end: int | None = None) -> list[Citation]:
    """Every citation in ``view[start:end]``, with what follows its number."""
    numbers = find_numbers(view, start, end)
    out: list[Citation] = []
    prev_end = start
    form = _form_before_re()
    for nm in numbers:
        before = view[max(start, nm.start - _FORM_REACH) : nm.start]
        if "ẫu" in before.lower() and form.search(before):  # the letters of "mẫu" first: cheap
            continue  # "Mẫu số 02/HNCT": a template's code, not a document
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
