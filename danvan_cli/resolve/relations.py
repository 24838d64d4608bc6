"""How a document cites another: implements, based_on, proposal, directs, amends, replaces, cites.

The rules follow the grammar of the parts of a Vietnamese administrative text (Nghị định
30/2020/NĐ-CP Phụ lục I) and read the view with every *other* citation blanked out, so
that a subject quoted inside one citation never types the next. The words are data
(``data/lexicon/relations.yaml``).

- **Opening** (the preamble before the numbered body, and a basis list under a
  ``CĂN CỨ ...`` heading): a governing verb at the start of a clause — ``Căn cứ`` (based_on),
  ``Xét đề nghị`` / ``Theo đề nghị`` (proposal), ``Thực hiện`` / ``Để tiếp tục triển khai``
  (implements) — governs every document listed after it however the list is punctuated
  (``;``, ``,``, ``và``, line breaks), the ones named inside another's subject included
  under ``Căn cứ``, until the next governing verb, the end of the sentence, or the main
  clause whose subject is the issuer (``, UBND tỉnh ban hành ...``). In that main clause
  a citation takes the relation its own words give (``ban hành Quyết định sửa đổi ...
  Quyết định số X`` → amends). A citation no verb governs is read from its whole sentence.
- **Title** and **closing** (``Trên đây là Kế hoạch thực hiện X``): the words before the
  citation (``KẾ HOẠCH Triển khai thực hiện Quyết định số ...`` → implements).
- **Numbered body**: the clause's own words: an order (``thực hiện nghiêm X``) → directs;
  a yardstick (``giám sát theo X``) → cites; ``căn cứ``, ``sửa đổi``, ``thay thế`` as above.
- **Retrospective** sentences (``Qua 5 năm triển khai Chỉ thị X``, ``Năm 2021, thực hiện
  Kế hoạch X, ... đã đạt ...``) only cite: they report what was done.
- A citation with nothing of its own before it (``X, Y và Z``) shares the relation of the
  one before it; one named inside another's subject → cites.

Where the numbered body starts is decided once, by the layout (``text.layout.outline_start``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from ..extract.outline import flat_line_starts
from ..extract.scan import Anchored
from ..extract.wrap import is_wrap
from ..refdata import alternation, pattern, words
from ..text.labels import RANK_DASH, read_label
from ..text.layout import outline_start
from ..extract.issuers import tier_of

_TOPIC = "relations"

#: Governing verbs of the opening, by the relation they give (checked in this order where
#: two spellings overlap: ``xét đề nghị`` is a proposal, ``thực hiện`` an implementation).
#: ``sửa đổi``, ``thay thế`` open no preamble line: after a citation they are its subject
#: (``Nghị định số X sửa đổi, bổ sung ...``); in a title or a main clause they are read there.
#: ``theo`` (``follow_cue``) governs only a document named right after it or after whose
#: instruction it names (``Theo Công văn số X``, ``Theo chỉ đạo của UBND tỉnh tại Công văn
#: số X``): ``Theo quy định tại Nghị định X`` is a yardstick, not a letter carried out.
_CUE_RELATIONS = (
    ("based_on", "basis_cue"),
    ("proposal", "proposal_cue"),
    ("follows", "follow_cue"),
    ("implements", "implement_cue"),
)
#: The relation each cue group gives.
_CUE_GIVES = {"based_on": "based_on", "proposal": "proposal", "follows": "implements", "implements": "implements"}


def _p(name: str) -> regex.Pattern[str]:
    return pattern(_TOPIC, name)


@cache
def _cue_re() -> regex.Pattern[str]:
    """One alternation of every governing verb, a named group per cue list."""
    groups = "|".join(f"(?P<{group}>{alternation(words(_TOPIC, name))})" for group, name in _CUE_RELATIONS)
    return regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])(?:{groups})(?![\p{{L}}\p{{N}}])")


@cache
def _follow_gap_re() -> regex.Pattern[str]:
    """What may stand between ``theo`` and the document it governs: nothing, or whose
    instruction (``chỉ đạo của Chủ tịch UBND tỉnh tại``, ``hướng dẫn của Sở ... tại``)."""
    heads = alternation(words(_TOPIC, "follow_heads"))
    return regex.compile(rf"(?i)^[\s*_]*+(?:(?:{heads})(?!\p{{L}})[^;:.!?]{{0,160}}?(?<!\p{{L}})(?:tại|theo)[\s*_]*+)?$")


@cache
def _receipt_re() -> regex.Pattern[str]:
    """A clause telling that the issuer received a document (``Ủy ban nhân dân tỉnh nhận
    được Công văn số X``, ``Nhận được Công văn số X``): the unit before the verb, if any."""
    from ..text.units import UNIT_START

    verbs = alternation(words(_TOPIC, "receipt_verbs"))
    return regex.compile(
        rf"(?:(?P<unit>{UNIT_START.pattern}|(?i:{alternation(words(_TOPIC, 'receipt_subjects'))}))(?P<name>[^;:.!?]{{0,120}}?))?"
        rf"(?<!\p{{L}})(?i:{verbs})(?!\p{{L}})"
    )


@cache
def _prefix_re() -> regex.Pattern[str]:
    """What may stand between a clause's start and its verb: blanks, marks, ``để``, ``tiếp tục``..."""
    return regex.compile(rf"(?i)^(?:[\s*_\-–+•]++|(?:{alternation(words(_TOPIC, 'clause_prefix'))})(?!\p{{L}}))*+$")


@cache
def _formal_rules() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return (("cites", _p("reported_act")), ("based_on", _p("basis_cue")), ("proposal", _proposal_re()),
            ("replaces", _p("replace_cue")), ("amends", _p("amend_cue")))


@cache
def _proposal_re() -> regex.Pattern[str]:
    """Proposal words outside a clause start: the multi-word ones only (``xét`` alone is too common)."""
    multi = [w for w in words(_TOPIC, "proposal_cue") if " " in w]
    return regex.compile(rf"(?i)(?<![\p{{L}}\p{{N}}])(?:{alternation(multi)})(?![\p{{L}}\p{{N}}])")


@cache
def _opening_rules() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return _formal_rules() + (("implements", _p("implement_cue")),)


@cache
def _body_rules() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return _formal_rules() + (("cites", _p("yardstick")), ("cites", _p("effective_clause")),
                              ("directs", _p("body_order")))


#: After a past act's verb, the citation a few words on as where it was done ("đã giao tại X").
_SHORT_RELATIVE = regex.compile(rf"(?i)^\s*+(?:\p{{L}}+\s+){{1,3}}(?:{alternation(words(_TOPIC, 'done_at'))})\s*+$")
_PASSIVE = regex.compile(r"(?i)^\s*+(?:được|bị)(?!\p{L})")


def reports_past_act(own_words: str) -> bool:
    """Whether a body clause, up to a citation, reports what a body did (``Bộ đã báo cáo
    Ban chỉ đạo về ... tại Công văn số X``): such a clause only cites X. Not a passive
    (``các nhiệm vụ đã được giao tại X``) nor a short relative (``nhiệm vụ đã giao tại X``)."""
    last = None
    for last in _p("past_act").finditer(own_words):
        pass
    if last is None:
        return False
    rest = own_words[last.end() :]
    return not (_PASSIVE.match(rest) or _SHORT_RELATIVE.match(rest))


def ceases_after(words_after: str, subject_len: int = 0) -> bool:
    """``<citation> ... hết hiệu lực kể từ ngày`` in its own clause (not ``đã hết hiệu
    lực``). ``words_after`` starts at the citation's number, date and issuer's end; its first
    ``subject_len`` characters are the citation's own subject, where only the operative
    ``hết hiệu lực kể từ`` counts (a subject "về việc công bố thủ tục ... bị bãi bỏ" is the
    cited document's own content)."""
    for m in _p("ceases_after").finditer(words_after):
        if words_after[max(0, m.start() - 4) : m.start()].rstrip().endswith("đã"):
            continue
        if m.start() < subject_len and "hiệu lực" not in m.group(0).casefold():
            continue
        return True
    return False


# Possessive runs: the backtracking form took quadratic time on a long run of spaces followed
# by a word (the gap between two citations can be anything); same strings match.
_CONNECTIVE = regex.compile(rf"(?i)^[\s,;:.\-–&/]*+(?:{alternation(words(_TOPIC, 'list_connectives'))})?[\s,;:.\-–]*+$")


def is_empty_clause(context: str) -> bool:
    """Nothing but connectives (``, ``, ``và``): the citation continues a list."""
    return bool(_CONNECTIVE.match(context))


def _first_rule(rules: tuple[tuple[str, regex.Pattern[str]], ...], text: str) -> str | None:
    for relation, pat in rules:
        if pat.search(text):
            return relation
    return None


def classify_opening(words_before: str) -> str:
    """Relation of a citation in the title, preamble or closing, from the words that govern it."""
    return _first_rule(_opening_rules(), words_before) or "cites"


def classify_main(words_before: str) -> str:
    """Relation of a citation in the issuer's main clause: what the issuer does with it
    (``ban hành Kế hoạch thực hiện X`` → implements), or, after a request (``yêu cầu các
    sở thực hiện theo X``), what it orders others to do with it, read like a body clause."""
    request = None
    for request in _p("request_verbs").finditer(words_before):
        pass
    if request is not None:
        return classify_clause(words_before[request.end() :]) or "cites"
    return classify_opening(words_before)


#: In a numbered item ``căn cứ`` makes a basis only when the citation stands in its own
#: phrase (``Căn cứ Quyết định số X, ...``, ``Căn cứ quy định tại X, hướng dẫn của Bộ Tài
#: chính tại Y, ...``), not when a new subject opens the clause the citation is in (``Căn cứ
#: nhiệm vụ được giao, các sở khẩn trương rà soát ... theo Nghị quyết X``).
_BASIS_REACH_WORDS = 25


@cache
def _new_subject_re() -> regex.Pattern[str]:
    from ..text.units import UNIT_START

    return regex.compile(rf",\s+(?:{UNIT_START.pattern})")


def classify_clause(clause: str) -> str | None:
    """Relation from a body clause's own words; ``None`` when it has none to say."""
    rel = _first_rule(_body_rules(), clause)
    if rel == "based_on":
        last = None
        for last in _p("basis_cue").finditer(clause):
            pass
        reach = clause[last.end() :] if last is not None else ""
        if _new_subject_re().search(reach) or len(reach.split()) > _BASIS_REACH_WORDS:
            return _first_rule(_body_rules()[2:], clause)  # the reported-act rule did not match
    return rel


class OwnPurpose:
    """Where a sentence says the document itself carries something out: ``Kế hoạch này nhằm
    triển khai ...``, or the issuer's own clause with an implement cue (``..., và Ủy ban
    nhân dân huyện đã xây dựng Kế hoạch triển khai``). Another body's clause (``Thủ tướng
    Chính phủ đã ban hành Chỉ thị ...``) or an order to others (``đề nghị các sở triển khai
    thực hiện X``) is no purpose of the document.

    The sentence ``text[start:end]`` is read once; each citation then asks about the window
    of it around itself (``within``), by bisection. Why: read again for every citation, a
    sentence of 10,000 citations was read 10,000 times."""

    def __init__(self, text: str, start: int, end: int, is_own: Callable[[str], bool]) -> None:
        cue = _p("implement_cue")
        cues = [(m.start(), m.end()) for m in cue.finditer(text, start, end)]
        self._cue_starts = [a for a, _ in cues]
        self._cue_ends = [b for _, b in cues]
        purposes = [(m.start(), m.end()) for m in _p("own_purpose").finditer(text, start, end)]
        self._purpose_starts = [a for a, _ in purposes]
        self._purpose_ends = [b for _, b in purposes]
        # the issuer's own main clauses, each with where its implement cue ends (if one
        # follows within reach): a window holds the purpose when it holds both
        mains: list[tuple[int, int]] = []
        for mm in _main_re().finditer(text, start, end):
            if mm.group("verb").casefold() in _REQUESTS or not is_own(text[mm.start() : mm.start("verb")]):
                continue
            k = bisect_left(self._cue_starts, mm.end())
            if k < len(cues) and cues[k][1] <= mm.end() + _PURPOSE_REACH:
                mains.append((mm.start(), cues[k][1]))
        self._main_starts = [a for a, _ in mains]
        # the nearest end of a firing clause from each one on (a suffix minimum)
        self._reach = [b for _, b in mains]
        for k in range(len(mains) - 2, -1, -1):
            self._reach[k] = min(self._reach[k], self._reach[k + 1])

    def within(self, ws: int, we: int) -> bool:
        """Whether ``[ws, we)`` states the document's own purpose."""
        k = bisect_left(self._purpose_starts, ws)
        if k < len(self._purpose_starts) and self._purpose_ends[k] <= we:
            c = bisect_left(self._cue_starts, self._purpose_starts[k])
            if c < len(self._cue_starts) and self._cue_ends[c] <= we:
                return True
        m = bisect_left(self._main_starts, ws)
        return m < len(self._main_starts) and self._reach[m] <= we


#: How far after the issuer's verb its purpose is read ("xây dựng Kế hoạch triển khai").
_PURPOSE_REACH = 60
#: Main verbs that order others: what follows is their task, not the document's purpose.
_REQUESTS = frozenset(("yêu cầu", "đề nghị", "giao", "chỉ đạo"))


def is_closing(sentence: str) -> bool:
    return _p("closing").search(sentence) is not None


# --- retrospective sentences ------------------------------------------------------------------

@cache
def _elapsed_re() -> regex.Pattern[str]:
    alt = alternation(words(_TOPIC, "elapsed_frames"))
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{alt})\s+\d{{1,3}}\s+(?:năm|tháng)(?!\p{{L}})")


_YEAR_FRAME = regex.compile(r"(?i)^[\s*_\-–+•]*(?:trong\s+)?năm\s+(?P<y>(?:19|20)\d{2})\s*,")
_DONE = regex.compile(r"(?<!\p{L})(?:đã|Đã)(?!\p{L})")


def is_retrospective(before: str, sentence: str, own_year: int | None) -> bool:
    """Whether a sentence looks back on what was done (``Qua 5 năm triển khai Chỉ thị X``,
    ``Thời gian qua, thực hiện ...``, ``Năm 2021, thực hiện Kế hoạch X, ... đã đạt ...``):
    ``before`` is the sentence up to the citation."""
    if _p("past_frames").search(before) or _elapsed_re().search(before):
        return True
    y = _YEAR_FRAME.match(before)
    if y is not None and _DONE.search(sentence):
        return own_year is None or int(y.group("y")) <= own_year
    return False


@cache
def _heard_re() -> regex.Pattern[str]:
    """``nghe`` and, a few words on in its clause, what was heard (``Sau khi nghe Sở Nội vụ
    báo cáo``, ``họp nghe báo cáo``); ``lắng nghe`` (to listen to the people) is no hearing."""
    reports = alternation(words(_TOPIC, "heard_reports"))
    return regex.compile(rf"(?i)(?<!\p{{L}})(?<!lắng\s)nghe(?!\p{{L}})[^;:.!?]{{0,150}}?(?<!\p{{L}})(?:{reports})(?!\p{{L}})")


def reports_frame(before: str) -> bool:
    """Whether the words before a citation, in its sentence, only report it: what a meeting
    heard (``Sau khi nghe Sở Nội vụ báo cáo tình hình thực hiện Kế hoạch X``) or a recital of
    what a year or a sector faces (``Năm 2024 là năm tăng tốc thực hiện Nghị quyết X``).
    The frame holds until a unit speaks (``..., Chủ tịch UBND tỉnh kết luận``, ``UBND tỉnh
    yêu cầu``) or a colon opens what is said: what follows takes its own relation."""
    last = None
    for m in _heard_re().finditer(before):
        last = m
    for m in _p("recital_frames").finditer(before):
        if last is None or m.end() > last.end():
            last = m
    if last is None:
        return False
    rest = before[last.end() :]
    return ":" not in rest and _main_re().search(rest) is None


def title_follows(words_before: str) -> bool:
    """A title whose last words before a citation are ``theo`` (``V/v triển khai Ngày Pháp
    luật theo Công văn số X``) or ``theo chỉ đạo của ... tại``: the letter is done after X."""
    last = None
    for last in _p("follow_cue").finditer(words_before):
        pass
    return last is not None and _follow_gap_re().match(words_before[last.end() :]) is not None


def pass_down_type(doc_type: str | None) -> bool:
    """A type of document that passes work down (a Công văn, a Kế hoạch, a Chỉ thị...), not
    a norm one measures against (a Luật, a Nghị định, a Thông tư)."""
    return doc_type is not None and _p("pass_down_types").fullmatch(doc_type) is not None


# --- where the numbered body starts ------------------------------------------------------------

_LINE_START = regex.compile(r"(?m)^[ \t*_]*+(?=\S)")


def numbered_body_start(view: str, start: int, end: int) -> int | None:
    """Where the numbered body begins: the layout's one rule (``text.layout.outline_start``),
    on the lines the layout cut a flattened text into when it did."""
    return outline_start(view, start, end, flat_line_starts(view))


_LINE_END_COLON = regex.compile(r":[ \t*_]*$", regex.M)
#: A line that opens with "căn cứ", after a label or not: where a basis list can start.
_BASIS_LINE = regex.compile(r"(?im)^[ \t*_#]*+(?:[IVX\d][\dIVX.]{0,6}[.)][ \t*_]*+)?căn\s+cứ(?!\p{L})")
#: Tried only at the start of a line holding ``căn`` (a ``(?m)^`` pattern is otherwise tried
#: at every position: 20 ms per MB); the same matches (``scan.Anchored``).
_BASIS_LINE_SCAN = Anchored(_BASIS_LINE, ["căn"], line=True)


_HEADING_WORDS = 10


def _is_heading(line: str) -> bool:
    """``CĂN CỨ XÂY DỰNG KẾ HOẠCH``, ``Căn cứ pháp lý:``: a short line, no clause inside
    (``1. Căn cứ nhiệm vụ được giao, các sở rà soát ...`` is an item, not a heading)."""
    words = line.split()
    return len(words) <= _HEADING_WORDS and "," not in line and ";" not in line


def basis_sections(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Basis lists inside the body: a section headed ``I. CĂN CỨ XÂY DỰNG KẾ HOẠCH`` / ``1.
    Căn cứ pháp lý`` (the heading may stand on the line after a bare label, ``# 11.``), or
    an unlabelled line ``Căn cứ pháp lý của thủ tục hành chính:`` over its points. A labelled
    section runs to the next label of the same or a higher rank, an unlabelled one to the
    next numbered label. Only lines that open with "căn cứ" are looked at (most texts have
    none), then the lines after each up to its section's end."""
    out: list[tuple[int, int]] = []
    pos = start
    while True:
        cand = _BASIS_LINE_SCAN.search(view, pos, end)
        if cand is None:
            return out
        line_start = cand.start()
        line_end = view.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        pos = line_end + 1
        lead = _LINE_START.match(view, line_start, end)
        at = lead.end() if lead else line_start
        label = read_label(view, at, min(end, at + 40))
        rank: float | None = None
        if label is not None and label.rank < RANK_DASH:
            if _is_heading(view[label.content : line_end]):
                rank = label.rank
        elif label is None:
            prev = _bare_label_before(view, start, line_start)
            if prev is not None:
                rank, line_start = prev
            elif _LINE_END_COLON.search(view, line_start, line_end + 1):
                rank = RANK_DASH - 1
        if rank is None:
            continue
        stop = end
        for m in _LINE_START.finditer(view, line_end, end):
            nxt = read_label(view, m.end(), min(end, m.end() + 40))
            if nxt is not None and nxt.rank < RANK_DASH and nxt.rank <= rank:
                stop = m.start()
                break
        out.append((line_start, stop))
        pos = max(pos, stop)
        if pos >= end:
            return out


def _bare_label_before(view: str, lo: int, line_start: int) -> tuple[float, int] | None:
    """The rank and start of a label alone on the line right before ``line_start`` (``# 11.``)."""
    if line_start <= lo:
        return None
    prev_start = view.rfind("\n", lo, line_start - 1) + 1
    lead = _LINE_START.match(view, prev_start, line_start)
    if lead is None:
        return None
    label = read_label(view, lead.end(), min(line_start, lead.end() + 40))
    if label is None or label.rank >= RANK_DASH or view[label.content : line_start].strip(" \t\n*_#"):
        return None
    return label.rank, prev_start


#: A basis line's first clause names its document within this many words ("Căn cứ Luật Tổ
#: chức chính quyền địa phương số 77/2015/QH13"); longer, with none, it is an adverbial.
_ADVERBIAL_WORDS = 5


@dataclass(frozen=True, slots=True)
class Stretch:
    """A part of the opening governed by one verb (``relation``), or the main clause
    (``main``: each citation in it takes the relation of its own words)."""

    start: int
    end: int
    relation: str | None
    main: bool = False


#: A clause ends here; the verb after it governs what follows. A line break ends a clause
#: only where it is no hard wrap (``extract.wrap.is_wrap``: "Luật Tổ chức chính\\nquyền" is
#: one clause), or before a capitalised governing verb (``...Bộ Công Thương\\nXét đề nghị``).
@cache
def _boundary_re() -> regex.Pattern[str]:
    caps = [w[:1].upper() + w[1:] for _group, name in _CUE_RELATIONS for w in words(_TOPIC, name)]
    return regex.compile(rf"[;:,.!?]|\n(?P<cue>(?=[ \t*_]*+(?:{alternation(caps)})(?!\p{{L}})))?")


def _clause_starts(blank: str, lo: int, hi: int) -> list[int]:
    out = [lo]
    for m in _boundary_re().finditer(blank, lo, hi):
        if blank[m.start()] == "\n" and m.group("cue") is None and is_wrap(blank, m.start()):
            continue
        out.append(m.end())
    return out


#: A sentence ends the stretch it is in; so does the colon that opens the body or a list
#: of points (``... có ý kiến như sau:``, a colon at a line's end before ``1.``, ``-``, ``a)``).
_SENTENCE_END = regex.compile(
    rf"[.!?](?=[\s*_]|$)|(?i:(?<=(?:{alternation(words(_TOPIC, 'list_announcers'))})[ \t*_]{{0,3}}):)"
    r"|:(?=[ \t*_]*\n[ \t*_]*(?:[\-+•]|\d{1,2}[.)]|[IVX]{1,5}\.|[a-zđ]\)|Điều\s))"
)


@cache
def _main_re() -> regex.Pattern[str]:
    """A unit followed by a main verb within a few words: ``UBND tỉnh Hải Dương xây dựng``."""
    from ..text.units import UNIT_START

    verbs = alternation(words(_TOPIC, "main_verbs"))
    return regex.compile(
        rf"(?P<unit>{UNIT_START.pattern}|(?i:{alternation(words(_TOPIC, 'main_subjects'))}))"
        rf"(?P<name>[^;:.!?]{{0,120}}?)(?<!\p{{L}})(?P<verb>{verbs})(?!\p{{L}})"
    )


def opening_stretches(
    blank: str,
    lo: int,
    hi: int,
    is_own: Callable[[str], bool],
    cited: list[int],
    initial: str | None = None,
) -> list[Stretch]:
    """The stretches of ``blank[lo:hi]`` (the view with citations blanked), in order.

    ``is_own(phrase)`` says whether a unit phrase names the document's own issuer: only
    its clause is the main clause (``Thủ tướng Chính phủ đã ban hành Chỉ thị ...`` in a
    district's text is background, not the main clause). ``cited`` are the sorted starts
    of the citations: a verb after a citation in its clause (``Nghị định số X của Chính
    phủ sửa đổi, bổ sung ...``) is that citation's subject, not a governing verb.
    ``initial`` governs the part before any verb (a basis list under its heading)."""

    def opens(cs: int, at: int) -> bool:
        k = bisect_right(cited, cs - 1)
        return not (k < len(cited) and cited[k] < at)

    from ..extract.assignees import VERB as verb_re

    cue_re = _cue_re()
    prefix = _prefix_re()
    main_re = _main_re()
    receipt_re = _receipt_re()
    out: list[Stretch] = []
    cur_start, cur_rel, cur_main = lo, initial, False

    def close(at: int) -> None:
        if at > cur_start and (cur_rel is not None or cur_main):
            out.append(Stretch(cur_start, at, cur_rel, cur_main))

    clause_starts = _clause_starts(blank, lo, hi)
    sentence_ends = [m.start() for m in _SENTENCE_END.finditer(blank, lo, hi)]
    se = 0
    for i, cs in enumerate(clause_starts):
        ce = clause_starts[i + 1] if i + 1 < len(clause_starts) else hi
        # a sentence end just before this clause closes what was open
        # the sentence ends before this clause close what was open (each one once)
        while se < len(sentence_ends) and sentence_ends[se] < cs:
            end_at = sentence_ends[se]
            se += 1
            if end_at < cur_start or not (cur_rel is not None or cur_main):
                continue
            # "Căn cứ pháp lý:\n- A;\n- B": the verb's own clause opens the list it governs
            if blank[end_at] == ":" and not cur_main and i >= 1 and clause_starts[i - 1] <= cur_start + 1:
                continue
            close(end_at)
            cur_start, cur_rel, cur_main = end_at, None, False
        if cur_rel == "based_on" and not cur_main and blank[cs - 1 : cs] in (",", ";") and opens(cur_start, cs) \
                and len(blank[cur_start:cs].split()) > _ADVERBIAL_WORDS and ":" not in blank[cur_start:cs] \
                and verb_re.search(blank, cur_start + 6, cs):
            # "Căn cứ nhiệm vụ được giao khẩn trương rà soát, ...": no document in its first
            # clause, the words go on to their own verb: an adverbial, not a basis line
            close(cs)
            cur_start, cur_rel = cs, None
        cue = cue_re.search(blank, cs, ce)
        if cue is not None and prefix.match(blank[cs : cue.start()]) and opens(cs, cue.start()) \
                and (cue.lastgroup != "follows" or _follows_document(blank, cue.end(), ce, cited)):
            close(cs)
            cur_start, cur_rel, cur_main = cs, _CUE_GIVES[cue.lastgroup or ""], False
            continue
        lead = cs
        while lead < ce and blank[lead] in " \t\n*_":
            lead += 1
        rm = receipt_re.match(blank, lead, min(ce, lead + 200))
        if rm is not None and opens(cs, lead) and (rm.group("unit") is None or is_own(blank[rm.start() : rm.end()])):
            # "Ủy ban nhân dân tỉnh nhận được Công văn số X ...; Chủ tịch UBND tỉnh có ý kiến
            # như sau": the letter received is what this one carries out (if its sender is
            # not below the issuer: ``RECEIVED``, settled where the sender is known)
            close(cs)
            cur_start, cur_rel, cur_main = cs, RECEIVED, False
            continue
        mm = main_re.match(blank, lead, min(ce, lead + 200))
        if mm is not None and opens(cs, lead) and is_own(blank[mm.start() : mm.start("verb")]):
            close(cs)
            cur_start, cur_rel, cur_main = cs, None, True
    close(hi)
    return out


def _follows_document(blank: str, at: int, clause_end: int, cited: list[int]) -> bool:
    """Whether the ``theo`` ending at ``at`` governs the next cited document of its clause."""
    k = bisect_right(cited, at - 1)
    return k < len(cited) and cited[k] < clause_end and _follow_gap_re().match(blank[at : cited[k]]) is not None


#: A stretch governed by a receipt (``UBND tỉnh nhận được Công văn số X``): implements where
#: the sender is not below the issuer (``received_relation``).
RECEIVED = "received"

_TIERS = ("commune", "district", "province", "central")


def received_relation(sender_level: str | None, own_level: str | None) -> str:
    """A document the issuer says it received is carried out when its sender stands at the
    issuer's tier or above (Bộ Tư pháp to UBND tỉnh, UBND tỉnh to its Sở); a letter from
    below or from outside the administration (a Thuế tỉnh's question to the Cục Thuế, a
    company's request: no tier known) is answered, not carried out: cited. ``own_level`` is
    the issuer's tier, or its parent's (a Cục under its Bộ)."""
    sender, own = tier_of(sender_level), tier_of(own_level)
    if sender is None:
        return "cites"
    if own is None:  # a school, a unit with no tier of its own: a body with a tier is above it
        return "implements"
    return "implements" if _TIERS.index(sender) >= _TIERS.index(own) else "cites"


def stretch_at(stretches: list[Stretch], starts: list[int], pos: int) -> Stretch | None:
    """The stretch holding ``pos`` (``starts`` are the stretches' starts)."""
    i = bisect_right(starts, pos) - 1
    if i >= 0 and stretches[i].start <= pos < stretches[i].end:
        return stretches[i]
    return None


# --- second-hand links ----------------------------------------------------------------------------

def subject_link(words_before: str) -> tuple[str, bool] | None:
    """What a citation's subject says of a document named in it: ``về thực hiện Chỉ thị
    X`` → (implements, False); ``sửa đổi, bổ sung Quyết định X`` → (amends, False);
    ``được sửa đổi, bổ sung bởi Luật X`` → (amends, True): reversed, X amends the outer
    one. ``None`` when the subject only names it."""
    changed = _p("changed_by").search(words_before)
    if changed is not None and not words_before[changed.end() :].strip(" ,\n\t*_"):
        rel = "replaces" if "thay" in changed.group(0).casefold() else "amends"
        return rel, True
    # the verb nearest the named document governs it: "sửa đổi, bổ sung Chương trình hành
    # động của Chính phủ thực hiện Nghị quyết số X" carries X out; it amends the programme
    best: tuple[int, int, str] | None = None
    for rel, name in (("replaces", "replace_cue"), ("amends", "amend_cue"), ("implements", "implement_cue")):
        last = None
        for last in _p(name).finditer(words_before):
            pass
        if last is not None and (best is None or last.end() > best[0]):
            best = (last.end(), last.start(), rel)
    if best is not None and best[2] == "implements" and _reports_on(words_before[: best[1]]):
        return None  # "điều tra ... kết quả sau 01 năm thực hiện Nghị định X": a report on X
    return (best[2], False) if best is not None else None


#: How far before "thực hiện" a report's topic may stand ("kết quả sau 01 năm thực hiện").
_REPORT_REACH = 40


def _reports_on(words_before_verb: str) -> bool:
    """Whether the words right before an implement verb make it the topic of a report
    (``tình hình, kết quả thực hiện X``, ``sau 01 năm thực hiện X``), not an act."""
    near = words_before_verb[-_REPORT_REACH:]
    return _p("report_topics").search(near) is not None or _elapsed_re().search(near) is not None


def changed_by_between(gap: str) -> str | None:
    """``A được sửa đổi, bổ sung bởi B`` with ``gap`` the words between A and B: B's relation
    to A (amends / replaces), or ``None``."""
    m = _p("changed_by").search(gap)
    if m is None or gap[m.end() :].strip(" ,\n\t*_") or ";" in gap[: m.start()]:
        return None
    return "replaces" if "thay" in m.group(0).casefold() else "amends"
