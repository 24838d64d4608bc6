"""Deadlines: by when, what, by whom — one-off dates and RFC 5545 rules.

A date in a directive is a deadline only when the text says so. Vietnamese
administrative writing marks a deadline with a cue right before the time phrase
(``trước``, ``chậm nhất``, ``hạn chót``, ``hoàn thành trong``, ...) and attaches it
to an action (``báo cáo UBND tỉnh (qua Sở Nội vụ)``). Everything else is not a
deadline, however much it looks like a date:

- the dates of cited documents (``Chỉ thị số 33/CT-TTg ngày 26/11/2021``) — no cue,
  and any date inside a reference mention's span is skipped;
- meeting and event dates (``Chiều 7/1``, ``Hội nghị ... vào ngày 15/3``) — a weak cue
  (``vào``, ``trong``) counts only with a reporting action and no event word;
- the effective date (``có hiệu lực kể từ ngày``) and campaign periods
  (``Tháng hành động từ ngày 01/6 đến ngày 30/6``) — no reporting action;
- a deadline the text recalls as already passed (``đã yêu cầu ... trước ngày ...
  nhưng đến nay``), or one dated before the document itself.

A weak cue with a period and a task verb is a deadline too (``Sở Tư pháp triển khai trong
tháng 4/2026``: done within April; ``Các xã niêm yết từ ngày 5 đến ngày 10 tháng 6``: due
on the 10th, the start kept), and a position in a period needs no cue at all (``Các đơn vị
báo cáo cuối năm 2025``). A label (``Thời gian thực hiện: Từ tháng 10/2023 đến quý
II/2024``, ``Đợt 1: Trong tháng 8/2024``), a planned time opening its line (``Dự kiến tháng
5/2024``: approximate) and the time column of a task table (``| Thời gian |``) say it
outright. Of two joined periods the later is due (``Quý III/2024 và Quý IV/2024``). A time
relative to an event (``trước ngày bầu cử 70 ngày``, ``trong vòng 05 ngày kể từ ngày nhận
được``, ``báo cáo sau khi có hướng dẫn``) is ``kind: relative`` with its event and offset,
dated only when the text states the event's date. The cue words are data
(``data/lexicon/deadlines.yaml``); sentences see through hard-wrapped lines (``wrap``).

Linear in the length of the text: the sentence boundaries and the words each test looks
for (verbs, events, recalls) are found once per body region and then looked up by
bisection; a deadline's action and assignees are read only from its own clause, between
its neighbours in the same sentence (a run-on line of a thousand deadlines does not make
each read the others).

Time phrases are read by :mod:`.timeexpr`; units by :mod:`.assignees`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

import regex

from ..i18n import N_
from ..model import Deadline, Document, Span, Task, Warning
from ..refdata import alternation, pattern, words
from . import assignees as asg
from .scan import Anchored
from .timetable import TimetableRow, timetable_rows
from .wrap import is_wrap
from .outline import TableRow, TaskFinder, body_regions, find_table_rows
from ..text.dates import date_at, find_dates
from .timeexpr import (
    MONTHLY_DAY,
    Relative,
    TimeExpr,
    bare_day_at,
    find_relative,
    find_standalone_recurrences,
    horizon_from_title,
    make_recurring,
    opens_with_hour,
    plan_year_from_title,
    read_deadline_time,
    read_time_at,
    recurrence_after,
)

_TOPIC = "deadlines"


def _alt(name: str) -> str:
    return alternation(words(_TOPIC, name))


def _build_cue() -> regex.Pattern[str]:
    """A deadline's cue: a label (``Thời gian thực hiện:``, ``Đợt 1:``), a planned time
    (``Dự kiến``), a strong cue (``trước``, ``chậm nhất``), a weak one (``vào``, ``trong``,
    ``từ``), or a position in a period that needs no cue (``cuối năm 2025``)."""
    return regex.compile(
        r"(?i)(?<!\p{L})(?P<cue>(?:"
        rf"(?P<label>(?:{_alt('label_heads')})(?:\s{{1,3}}(?:{_alt('label_kinds')})"
        # a hand-in with its object: "Thời gian gửi hồ sơ:", "Thời hạn nộp báo cáo tổng kết:"
        rf"|\s{{1,3}}(?:{_alt('report_verbs')})(?:\s{{1,3}}\p{{L}}+){{1,4}}?)?\s{{0,3}}:"
        rf"|(?:{_alt('batch_labels')})\s{{1,3}}(?:\d{{1,2}}|[IVX]{{1,4}})\s{{0,3}}:)"
        rf"|(?P<approx>{_alt('approximate_cues')})"
        rf"|(?P<strong>{_alt('strong_cues')})"
        rf"|(?P<weak>{_alt('weak_cues')}))(?!\p{{L}})"
        # a position in a period needs no cue: "báo cáo cuối năm 2025" (zero width: the phrase is read here)
        rf"|(?P<pos>(?=(?:{_alt('period_positions')})\s{{1,5}}(?:năm|quý|tháng|các|{_alt('every_words')})(?!\p{{L}}))))"
    )


CUE = _build_cue()
#: The word every cue starts with (the first word of each list the cue is built from), so
#: that the cue is tried only where one stands (``scan.Anchored``: the same matches, found
#: without trying the long alternation at every position of the text).
_CUE_LISTS = ("label_heads", "batch_labels", "approximate_cues", "strong_cues", "weak_cues", "period_positions")
CUE_SCAN = Anchored(CUE, (w.split()[0] for name in _CUE_LISTS for w in words(_TOPIC, name)))
#: Actions that make a weakly cued time (``vào``, ``trong``) a deadline: handing something in.
_REPORT_VERB = pattern(_TOPIC, "report_verbs")
#: Task verbs that make a weakly cued *period* a deadline: ``triển khai trong tháng 4/2026``.
_TASK_VERB = pattern(_TOPIC, "task_verbs")
#: Events and periods, not deadlines, when the cue is weak.
_EVENT = pattern(_TOPIC, "event_words")
#: A clause that recalls or frames a date rather than setting a deadline.
_NEGATIVE = pattern(_TOPIC, "not_an_obligation")
_PAST = regex.compile(r"(?<!\p{L})(?:đã|Đã)\s+(?!được\s+giao)")
_YEARLY_WORD = regex.compile(rf"(?i)(?<!\p{{L}})(?:{_alt('every_words')})\s+năm(?!\p{{L}})")
#: ``định kỳ``: a report date after it recurs (``báo cáo định kỳ 6 tháng (trước ngày 15/6)``).
_PERIODIC_WORD = regex.compile(r"(?i)(?<!\p{L})định\s+kỳ(?!\p{L})")
#: Every month (``hằng tháng``, ``mỗi tháng``): a bare day after it is that day of each month.
_MONTHLY_WORD = regex.compile(rf"(?i)(?<!\p{{L}})(?:{_alt('every_words')})\s+tháng(?!\p{{L}})")
#: How many times a region answers a word-class question by a direct search before it
#: scans the whole region for that class once.
_DIRECT_QUERIES = 32
#: The word classes a deadline's sentence is asked about (see ``_Scope.has``).
_WORD_CLASSES: dict[str, regex.Pattern[str]] = {
    "negative": _NEGATIVE, "past": _PAST, "verb": asg.VERB, "report": _REPORT_VERB,
    "task": _TASK_VERB, "event": _EVENT, "yearly": _YEARLY_WORD, "periodic": _PERIODIC_WORD,
    "monthly": _MONTHLY_WORD,
}
#: A time column's title (``Thời gian``, ``Thời hạn``, ``Tiến độ``): a region without one holds no timetable.
_TIME_TITLE = pattern("tables", "column_time")
#: The issuer's own activities (a contest, a meeting, an inspection) in a timetable's step.
_OWN_ACTIVITY = pattern(_TOPIC, "own_activities")
#: Units named in the plural: the recipients (``Các trường``, ``UBND các xã``).
_RECIPIENTS = pattern(_TOPIC, "plural_markers")
#: A clause opened by a body the issuer sends or sets up (``Đoàn kiểm tra của Sở``, ``Ban Tổ
#: chức``): the dates of its work are the issuer's own schedule, no deadline for the recipients.
_OWN_SUBJECT = regex.compile(rf"(?i)(?:{_alt('own_activity_subjects')})(?!\p{{L}})")
#: The issuer announcing its own act (``UBND tỉnh sẽ tổ chức kiểm tra trong tháng 5``).
_OWN_FUTURE = regex.compile(rf"(?i)(?<!\p{{L}})sẽ\s+(?:tổ\s+chức\s+)?(?:{_alt('own_activities')})(?!\p{{L}})")
#: A numbered batch opening its line (``Đợt 1:``, ``Giai đoạn 2:``).
_BATCH = regex.compile(rf"(?i)(?:{_alt('batch_labels')})\s{{1,3}}(?:\d{{1,2}}|[IVX]{{1,4}})\s{{0,3}}:")
#: How far before a batch label the words that divide the work into batches are looked for.
_BATCH_INTRO_REACH = 400
#: Sentence (or item) boundaries; a line break only where it is no wrap (``wrap.is_wrap``).
_SENTENCE_BOUNDARY = regex.compile(r"[.;!?](?=\s)|[:\n]")
_AFTER_STOP = regex.compile(
    rf"[.;:\n]|\s(?:để|và|nhằm|đồng\s+thời)\s|,\s+(?={asg.VERB.pattern})"
)
#: Where the clause of a deadline may start: after ``;``, ``và``, a comma before a verb or a
#: unit (``Thực hiện Công văn số ..., Sở Nội vụ đề nghị ...``), or a request (``đề nghị X``).
_CLAUSE_START = regex.compile(
    rf";\s*|\s+và\s+|,\s+(?={asg.VERB.pattern})|,\s+(?={asg.UNIT_START.pattern})"
    rf"|(?<!\p{{L}})(?:đề\s+nghị|yêu\s+cầu|giao)\s+(?={asg.UNIT_START.pattern})"
)
#: An outline label opening the sentence: ``1.``, ``a)``, ``3.2`` (no final dot), ``-``.
_LABEL_PREFIX = regex.compile(
    r"\s*+(?:(?:[IVX]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s?[.)]|\d{1,2}(?:\.\d{1,2}){1,3}|[-+•–])\s+"
)
_CITATION_BEFORE = regex.compile(r"\d+[/\-][\w.\-/&]*\p{L}[\w.\-/&]*\s*,?\s*(?:ngày\s*)?$")
_MAX_SENTENCE = 800
_CUE_BEFORE = regex.compile(rf"(?i)(?<!\p{{L}})(?:{_alt('strong_cues')}|vào|đúng)\s+$")
_LEADING_ADVERB = regex.compile(
    r"(?i)(?:(?:định\s+kỳ|hằng\s+năm|hàng\s+năm|đồng\s+thời|thường\s+xuyên|kịp\s+thời)(?:\s*+,\s*+|\s++))+"
)
_ADVERBIAL = regex.compile(r"(?:[^\s,]+\s+){0,3}[^\s,]+,\s+")
#: Words that join two clauses or two deadlines: never the first or last word of an action.
_CONNECTORS = ("và", "hoặc", "hay", "để")
#: A cue that is itself the action's verb: ``Sở Tài chính hoàn thành trong quý II/2025``.
_VERB_CUE = regex.compile(r"(?i)(?:hoàn\s+thành|xong)(?!\p{L})")
_MARKS = regex.compile(r"[*_]+")
_FIRST_SENTENCE = regex.compile(r"(?<=[.;:])\s|\n")


@dataclass(frozen=True, slots=True)
class DocumentTime:
    """What the deadline reader needs from the header: the year a day-month without a year
    belongs to, and the horizon recurring deadlines run to."""

    date: str | None = None
    year: int | None = None
    horizon: int | None = None
    title: str | None = None
    doc_type: str | None = None

    @classmethod
    def of(cls, doc: Document) -> DocumentTime:
        """The time frame of a document whose header has been read."""
        return cls(doc.date, document_year(doc), bound_year(doc), doc.title, doc.doc_type)


@dataclass(slots=True)
class Deadlines:
    """What the deadline stage returns."""

    deadlines: list[Deadline] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def document_year(doc: Document) -> int | None:
    """The year a day-month without year belongs to: the plan's own year, else the date's."""
    if doc.year:
        return doc.year
    if doc.date and doc.date[:4].isdigit():
        return int(doc.date[:4])
    return plan_year_from_title(doc.title)


#: Documents that are plans for a period: ``Kế hoạch ... năm 2022`` binds for that year only.
_PLAN_TYPES = ("Kế hoạch", "Chương trình")


def bound_year(doc: Document) -> int | None:
    """The last year a document's recurring deadlines run to, or ``None`` (open-ended).

    Only a stated horizon bounds them: ``đến năm 2020``, ``giai đoạn 2021-2025``, or a
    plan for one year (``Kế hoạch ... năm 2022``). A directive's own date is no horizon:
    ``báo cáo trước ngày 30/11 hàng năm`` in a Chỉ thị of March 2022 binds every year
    until it is replaced.
    """
    if doc.horizon:
        return doc.horizon
    h = horizon_from_title(doc.title)
    if h:
        return h
    if doc.doc_type in _PLAN_TYPES:
        return plan_year_from_title(doc.title)
    return None


# --- what is looked up once per text ---------------------------------------------------------


class _Hits:
    """Where a pattern matches in a region, found once: "is there a match inside [a, b)?"
    is then a bisection, not a new scan of the sentence."""

    __slots__ = ("ends", "starts")

    def __init__(self, pattern: regex.Pattern[str], view: str, lo: int, hi: int) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in pattern.finditer(view, lo, hi):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def within(self, a: int, b: int) -> bool:
        i = bisect_left(self.starts, a)
        return i < len(self.starts) and self.ends[i] <= b


class _Spans:
    """Sorted (possibly nested) spans: does one of them hold ``[a, b)``? (prefix maxima of ends)"""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []
        best = -1
        for _, e in spans:
            best = max(best, e)
            self.reach.append(best)

    def holds(self, a: int, b: int) -> bool:
        i = bisect_right(self.starts, a) - 1
        return i >= 0 and self.reach[i] >= b


@dataclass(slots=True)
class _Events:
    """What a text states anywhere of the events its deadlines count from, looked for once per
    text (not once per region: a text of many regions would be read again for each)."""

    #: the day each event (by its first words) is stated to fall on
    days: dict[str, date | None] = field(default_factory=dict)
    #: the counted steps of the text (``<date> - 95 ngày trước bầu cử``)
    steps: list[regex.Match[str]] | None = None


@dataclass(slots=True)
class _Scope:
    """One body region and what every deadline in it asks about: sentence boundaries, table
    cells, and where the words that make or unmake a deadline stand."""

    view: str
    lo: int
    hi: int
    cited: _Spans
    rows: list[TableRow]
    #: the region's sentence boundaries, found when ``sentence`` has been asked often enough
    b_starts: list[int] | None = None
    b_ends: list[int] | None = None
    sentences_asked: int = 0
    cell_starts: list[int] = field(default_factory=list)
    cell_ends: list[int] = field(default_factory=list)
    cell_kinds: list[str] = field(default_factory=list)
    hits: dict[str, _Hits] = field(default_factory=dict)
    asked: dict[str, int] = field(default_factory=dict)
    #: what the whole text states of its events, shared by the regions of one text
    events: _Events = field(default_factory=lambda: _Events())
    #: the days named right after each event's day in this region (``_event_day_near``), by
    #: the event's first words: (where the event is named, its day), found once
    near_days: dict[str, list[tuple[int, date]]] = field(default_factory=dict)
    #: the rows of timetables laid out as columns, and the spans of their time pieces
    timetable: list[TimetableRow] = field(default_factory=list)
    tt_starts: list[int] = field(default_factory=list)
    tt_ends: list[int] = field(default_factory=list)
    #: the day each timetable row is dated, by its step's words (an event's day: "Hội thi"),
    #: and the day found for each event's name (looked for once per name)
    tt_days: list[tuple[str, date]] = field(default_factory=list)
    tt_event: dict[str, date | None] = field(default_factory=dict)

    @classmethod
    def build(cls, view: str, region: tuple[int, int], cited: _Spans, rows: list[TableRow],
              events: _Events | None = None) -> _Scope:
        lo, hi = region
        sc = cls(view, lo, hi, cited, [r for r in rows if lo <= r.start < hi], events=events or _Events())
        for r in sc.rows:
            for c in r.cells:
                sc.cell_starts.append(c.start)
                sc.cell_ends.append(c.end)
                sc.cell_kinds.append(c.kind)
        if _TIME_TITLE.search(view, lo, hi) is not None:  # a timetable has a time column's title
            sc.timetable = timetable_rows(view, lo, hi)
            for tr in sc.timetable:
                for a, b in tr.times:
                    sc.tt_starts.append(a)
                    sc.tt_ends.append(b)
        return sc

    def in_timetable(self, pos: int) -> bool:
        """Whether ``pos`` stands in a timetable's time piece (read with its row)."""
        i = bisect_right(self.tt_starts, pos) - 1
        return i >= 0 and pos < self.tt_ends[i]

    def has(self, name: str, a: int, b: int) -> bool:
        """Does the word class ``name`` stand inside ``[a, b)``? The first questions search
        their own (bounded) stretch; a region asked many times is scanned once for the class
        and answered by bisection, which keeps a text of thousands of deadlines linear."""
        hits = self.hits.get(name)
        if hits is None:
            asked = self.asked.get(name, 0)
            if asked < _DIRECT_QUERIES:
                self.asked[name] = asked + 1
                return _WORD_CLASSES[name].search(self.view, a, b) is not None
            hits = self.hits[name] = _Hits(_WORD_CLASSES[name], self.view, self.lo, self.hi)
        return hits.within(a, b)

    def cell_at(self, pos: int) -> tuple[int, int, str] | None:
        i = bisect_right(self.cell_starts, pos) - 1
        if i >= 0 and pos < max(self.cell_ends[i], self.cell_starts[i] + 1):
            return self.cell_starts[i], self.cell_ends[i], self.cell_kinds[i]
        return None

    def _find_boundaries(self) -> None:
        """Every sentence boundary of the region (a region asked about many deadlines)."""
        view = self.view
        self.b_starts, self.b_ends = [], []
        for m in _SENTENCE_BOUNDARY.finditer(view, self.lo, self.hi):
            if view[m.start()] == "\n" and is_wrap(view, m.start()):
                continue
            self.b_starts.append(m.start())
            self.b_ends.append(m.end())

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence (or list item, or table cell) holding ``[start, end)``: between
        ``. ; : \\n`` boundaries, at most ``_MAX_SENTENCE`` characters on each side."""
        s = max(self.lo, start - _MAX_SENTENCE)
        e = min(self.hi, end + _MAX_SENTENCE)
        if self.b_starts is None and self.sentences_asked < _DIRECT_QUERIES:
            # the first questions read the boundaries within their own reach (the same ones
            # a scan of the whole region finds: a boundary is one character, found alone)
            self.sentences_asked += 1
            view = self.view
            before: list[int] = []
            for m in _SENTENCE_BOUNDARY.finditer(view, s, self.hi):
                if m.start() >= start:
                    break
                before.append(m.start())
            for p in reversed(before):
                if not (view[p] == "\n" and is_wrap(view, p)):
                    s = p + 1
                    break
            for m in _SENTENCE_BOUNDARY.finditer(view, end, self.hi):
                p = m.start()
                if p >= e:
                    break
                if not (view[p] == "\n" and is_wrap(view, p)):
                    e = p
                    break
        else:
            if self.b_starts is None or self.b_ends is None:
                self._find_boundaries()
            assert self.b_starts is not None and self.b_ends is not None
            i = bisect_right(self.b_ends, start) - 1
            if i >= 0:
                s = max(s, self.b_ends[i])
            j = bisect_left(self.b_starts, end)
            if j < len(self.b_starts):
                e = min(e, self.b_starts[j])
        cell = self.cell_at(start)
        if cell is not None:
            s, e = max(s, cell[0]), min(e, max(cell[1], end))
        return s, e


# --- the action and who does it ---------------------------------------------------------------


def _tidy(s: str) -> str:
    s = _MARKS.sub(" ", s)
    s = " ".join(s.split())
    s = s.replace("( ", "(").replace(" )", ")").replace("()", "")
    s = s.strip(" ,;:-–(").strip()
    while s.endswith(")") and s.count(")") > s.count("("):  # "(trước ngày 20/10)": the time took the opener
        s = s[:-1].rstrip(" ,;:-–")
    return s


def _strip_connectors(s: str) -> str:
    """``và báo cáo ...`` / ``... báo cáo và``: the joining word and the commas taken off."""
    while True:
        t = s.strip(" \t\n,")
        words = t.split(maxsplit=1)
        if words and words[0].casefold() in _CONNECTORS:
            t = words[1] if len(words) > 1 else ""
        words = t.rsplit(maxsplit=1)
        if words and words[-1].casefold() in _CONNECTORS:
            t = words[0] if len(words) > 1 else ""
        if t == s:
            return t
        s = t


#: ``báo cáo định kỳ hằng năm trước ngày 05/12``: the recurrence words belong to the time, not the action.
_RECURRENCE_TAIL = regex.compile(
    rf"(?i)(?:\s(?:định\s+kỳ|(?:định\s+kỳ\s+)?(?:{_alt('every_words')})\s+(?:năm|quý|tháng|tuần)))+\s*$"
)


def _strip_recurrence_tail(clause: str) -> str:
    tail = clause[-60:]  # bounded: the anchored pattern never scans a long clause
    m = _RECURRENCE_TAIL.search(tail)
    return clause[: len(clause) - len(tail) + m.start()] if m else clause


def _verb_clause(before: str) -> str | None:
    """The clause of ``before`` (the words up to a deadline) that opens with a verb, nearest
    first: after ``;``, ``và``, a comma, a request; a subject unit or a short adverbial
    (``Hằng năm,``) taken off. ``None`` when no clause opens with a verb."""
    starts = [0] + [m.end() for m in _CLAUSE_START.finditer(before)]
    for p in reversed(starts):
        piece = before[p:].lstrip(" ,")
        if asg.VERB.match(piece):
            return piece
        if asg.UNIT_START.match(piece):
            v = asg.VERB.search(piece)
            if v is not None:
                return piece[v.start() :]
        adv = _ADVERBIAL.match(piece)
        if adv and asg.VERB.match(piece, adv.end()):
            return piece[adv.end() :]
    return None


def _after_action(view: str, end: int, s1: int) -> str | None:
    """``..., định kỳ hằng quý báo cáo Ban Thường vụ``: the action follows the time phrase
    (after a comma, or after its subject: ``trước ngày 15/10, các đơn vị báo cáo ...``)."""
    tail = view[end:s1]
    stripped = tail.lstrip(" ,)")
    p = end + len(tail) - len(stripped)
    if asg.VERB.match(view, p, s1) is None:
        if asg.UNIT_START.match(view, p, s1) is None:
            return None
        v = asg.VERB.search(view, p, min(s1, p + 400))
        if v is None:
            return None
        p = v.start()
    m = _AFTER_STOP.search(view, p + 1, s1)
    return _tidy(view[p : m.start() if m else s1])


def action_of(view: str, sent: tuple[int, int], start: int, end: int) -> str:
    """What must be done by the deadline at ``[start, end)``: the clause around it.

    Before it, back to the nearest clause start (``;``, ``và``, ``, báo cáo``, ``, Sở X``)
    whose words open with a verb, the subject taken off; after it, up to ``.``, ``để``,
    ``và``. The outline label is never part of it; a subject alone is no action (the cue
    may be the verb: ``Sở Tài chính hoàn thành trong quý II/2025`` → ``hoàn thành``); a
    clause ending in a comma before the time phrase leaves the action to the words after it.
    """
    s0, s1 = sent
    before = view[s0:start]
    label = _LABEL_PREFIX.match(before)
    if label:
        before = before[label.end() :]
    if before.rstrip().endswith((",", "(")) or not before.strip():
        # "..., trước ngày 15/10, các đơn vị báo cáo", "Định kỳ hằng tháng (trước ngày 25) các
        # sở báo cáo": the time opens the clause or stands aside in brackets; the act follows
        after_first = _after_action(view, end, s1)
        if after_first:
            return after_first
    clause = _verb_clause(before)
    if clause is None:
        rest = before.strip(" ,")
        clause = "" if not rest or asg.is_unit_phrase(rest) else rest
    clause = _strip_connectors(clause)
    adv = _LEADING_ADVERB.match(clause)
    if adv is not None and asg.VERB.match(clause, adv.end()):
        clause = clause[adv.end() :]
    clause = _strip_connectors(_strip_recurrence_tail(clause.rstrip(" \t\n(")))
    if not clause.strip():
        cue_verb = _VERB_CUE.match(view, start, end)
        if cue_verb is not None:
            clause = view[cue_verb.start() : cue_verb.end()]
    m = _AFTER_STOP.search(view, end, s1)
    after = view[end : m.start() if m else s1]
    return _tidy(f"{clause} {after}")


def _own_units(view: str, sent: tuple[int, int], start: int, end: int | None = None) -> list[str]:
    """The units a deadline's own clause names: asked (``đề nghị X``), or its subject, before
    the time phrase (``Sở Tài chính hoàn thành trong quý II``: the subject alone) or right
    after it (``Hằng năm, trước ngày 15/10, các đơn vị gửi báo cáo``)."""
    before = view[sent[0] : start]
    label = _LABEL_PREFIX.match(before)
    if label:
        before = before[label.end() :]
    units = asg.requested_units(before) or asg.subject_units(before)
    if units:
        return units
    if asg.is_unit_phrase(before) and len(before.split()) <= 30:
        return asg.split_units(before)
    if end is not None and (before.strip(" ,").count(" ") <= 3 or before.rstrip().endswith("(")):
        # only an adverbial before it, or the time stands aside in brackets: the subject follows
        p = _skip_spaces(view, end, sent[1])
        while p < sent[1] and view[p] in ", )":
            p += 1
        return asg.units_until_verb(view[p : min(sent[1], p + 400)])
    return []


def _item_action(finder: TaskFinder, pos: int) -> str:
    """The action of a deadline that only labels a time (``- Thời gian: Tháng 4/2026``): the
    first sentence of the item it stands in, or of that item's parent when the item is the label."""
    for task in reversed(finder.chain(pos)):
        words = task.heading or task.text
        lead = CUE.match(words.lstrip(" -+*"))
        if lead is not None and lead.group("label") is not None:
            continue
        return _tidy(_FIRST_SENTENCE.split(words, maxsplit=1)[0])
    return ""


def _labels_time(view: str, pos: int) -> bool:
    """Whether the deadline at ``pos`` is a labelled time line (``Thời gian: ...``)."""
    cue = CUE.match(view, pos)
    return cue is not None and cue.group("label") is not None


def _field_units(finder: TaskFinder, pos: int) -> list[str]:
    """Who does an item set out as labelled fields (``- Thời gian: ...``, ``- Thành phần:
    ...``, ``- Đơn vị chủ trì: X``, ``- Đơn vị phối hợp: Y``): the units of its lead field,
    then its support field, read from the sibling lines of the deadline's own line. Only an
    item with one lead field answers (a section listing several items' fields says nothing
    of which is whose)."""
    chain = finder.chain(pos)
    if len(chain) < 2:
        return []
    lead: list[str] = []
    support: list[str] = []
    leads = 0
    for sib in chain[-2].children:
        field = asg.labelled_field(sib.text)
        if field is None:
            continue
        role, units = field
        if role == "support":
            support.extend(units)
        else:
            leads += 1
            lead.extend(units)
    return asg.dedupe(lead + support) if leads == 1 else []


def _before_document(date: str | None, own_date: str | None) -> bool:
    """A one-off deadline earlier than the document's own date: a slip a reader should see
    (recalled deadlines are told by their words — ``đã``, ``đến nay`` — and left out)."""
    if not date or not own_date:
        return False
    n = min(len(date), len(own_date))
    return date[:n] < own_date[:n]


def _long_before_document(date: str | None, own_date: str | None) -> bool:
    """A one-off date a year or more before the document's own date: a past event or a
    condition (``Đảng viên được kết nạp trước ngày 30/4/1975``), never a deadline for the
    recipients. A slip of the pen misses by days, a month or the year's turn, and is kept
    with a warning (``_before_document``)."""
    if not date or not own_date or not own_date[:4].isdigit():
        return False
    year_back = f"{int(own_date[:4]) - 1:04d}{own_date[4:]}"
    n = min(len(date), len(year_back))
    return date[:n] < year_back[:n]


# --- finding the time phrases ------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    """A time phrase taken for a deadline, before its action and assignees are read."""

    start: int
    end: int
    expr: TimeExpr
    sent: tuple[int, int]
    action: str | None = None
    assignees: list[str] | None = None
    relative: Relative | None = None
    planned: str | None = None


def _make_recurring_if_stated(view: str, expr: TimeExpr, sent: tuple[int, int], scope: _Scope) -> TimeExpr:
    """``ngày 30/11 hàng năm`` → yearly; ``Hằng năm, ... trước ngày 15 tháng 10`` → yearly."""
    rec = recurrence_after(view, expr.end)
    if rec is not None:
        made = make_recurring(expr, rec[0], rec[1])
        if made is not None:
            return made
    if expr.month_day is not None and (scope.has("yearly", sent[0], expr.start) or scope.has("periodic", sent[0], expr.start)):
        made = make_recurring(expr, "năm", expr.end)
        if made is not None:
            return made
    return expr


def extract_deadlines(
    text: str,
    view: str,
    when: DocumentTime,
    tasks: list[Task],
    cited: list[tuple[int, int]] | None = None,
    regions: list[tuple[int, int]] | None = None,
) -> Deadlines:
    """Every deadline of a text in order of position (see module doc for what is left out).

    ``when`` is the document's time frame (``DocumentTime.of(doc)``), ``tasks`` its task
    tree (who does what), ``cited`` the sorted spans of its citations (dates there are the
    cited documents'), ``regions`` the body regions (default: ``outline.body_regions``).

    >>> from danvan_cli.text import matching_view, normalize_text
    >>> from danvan_cli.extract import extract_deadlines, extract_tasks
    >>> from danvan_cli.extract.deadlines import DocumentTime
    >>> text = normalize_text("KẾ HOẠCH\\nCông tác năm 2024\\n\\nI. NHIỆM VỤ\\n"
    ...                       "1. Sở Nội vụ tổng hợp, báo cáo trước ngày 30/11/2024.")
    >>> view = matching_view(text)
    >>> found = extract_deadlines(text, view, DocumentTime(date="2024-03-05"), extract_tasks(text, view))
    >>> [(d.date, d.action, d.assignees) for d in found.deadlines]
    [('2024-11-30', 'báo cáo', ['Sở Nội vụ'])]
    """
    year = when.year
    bound = when.horizon
    result = Deadlines()
    spans = _Spans(sorted(cited or []))
    rows = find_table_rows(text, view)
    found: list[_Found] = []
    events = _Events()
    for region in (regions if regions is not None else body_regions(view)):
        found.extend(_find_in(view, _Scope.build(view, region, spans, rows, events), year))

    found.sort(key=lambda f: f.start)
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)

    finder = TaskFinder(tasks)
    out: list[Deadline] = []
    kept = [f for f in kept if f.expr.rrule is not None or not _long_before_document(f.expr.date, when.date)]
    for i, f in enumerate(kept):
        s0, s1 = f.sent
        prev = out[-1] if out and kept[i - 1].end > s0 else None  # the previous deadline is in this sentence
        nxt = kept[i + 1].start if i + 1 < len(kept) and kept[i + 1].start < s1 else s1
        piece = (max(s0, kept[i - 1].end) if prev is not None else s0, max(f.end, nxt))
        action, assignees = f.action, f.assignees
        if action is None:
            action = action_of(view, piece, f.start, f.end)
            if prev is not None and not (action and asg.VERB.search(action)):
                # "báo cáo trước ngày 15/6 và trước ngày 15/12", "báo cáo 6 tháng (trước ngày
                # 15/6) và năm (trước ngày 15/12)": one action, no verb of its own
                action = prev.action
            if len(action) < 3:  # "Thời gian hoàn thành: Tháng 4/2026" under an item: the item is the action
                action = _item_action(finder, f.start)
        if assignees is None:
            assignees = _own_units(view, piece, f.start, f.end)
            if not assignees and prev is not None:
                assignees = list(prev.assignees)
            if not assignees and _labels_time(view, f.start):  # "- Thời gian: ..." beside "- Đơn vị chủ trì: X"
                assignees = _field_units(finder, f.start)
            if not assignees:
                task = finder.at(f.start)
                assignees = list(task.assignees) if task is not None else []
        expr = f.expr
        if expr.rrule is None and _before_document(expr.date, when.date):
            result.warnings.append(Warning(
                "deadline-before-document",
                N_("deadline {date} ({text}) is before the document's own date {own}").format(
                    date=expr.date, text=_tidy(view[f.start:f.end]), own=when.date),
                Span(f.start, f.end),
            ))
        out.append(
            Deadline(
                text=_tidy(view[f.start : f.end]),
                span=Span(f.start, f.end),
                date=None if expr.rrule else expr.date,
                rrule=expr.rrule,
                approximate=expr.approximate,
                action=action,
                assignees=assignees,
                granularity=expr.granularity,
                until=f"{bound:04d}-12-31" if expr.rrule and bound else None,
                kind="relative" if f.relative else "recurring" if expr.rrule else "date",
                start=expr.range_start,
                event=f.relative.event if f.relative else None,
                offset_days=f.relative.offset_days if f.relative else None,
                planned=f.planned,
            )
        )
    result.deadlines = out
    return result


_PLANNED = regex.compile(r"(?i)dự\s+kiến")
#: What may stand before a planned time that opens its line: blanks, a bullet, a label.
_LEAD_IN = regex.compile(r"[\s\-+•*_|:]+|(?i:thời\s+gian|thời\s+hạn)|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)")


def _event_date(view: str, scope: _Scope, rel: Relative) -> str | None:
    """The date of a relative deadline when the text states its event's date anywhere (the
    preamble, a heading, another item): ``Ngày bầu cử: Chủ nhật, 15/3/2026``, ``ngày bầu cử
    đại biểu ... là ngày 15 tháng 3 năm 2026``, ``Cuộc bầu cử được tiến hành vào Chủ nhật,
    ngày 15/3/2026``; else a dated step counted from it (``Chậm nhất ngày 10/12/2025 - 95
    ngày trước bầu cử``: 95 days later); else the first full date in the clause after a
    mention of the event. Never a cited document's date; ``None`` when none is stated."""
    day_of_row = _timetable_event_day(scope, rel)
    if day_of_row is not None:
        return (day_of_row + timedelta(days=rel.offset_days or 0)).isoformat()
    words2 = " ".join(rel.event.split()[:2]).casefold()
    days = scope.events.days
    if words2 not in days:  # an event's stated day is looked for once per text
        key = _event_key(words2)
        day = _stated_event_day(view, scope, key)
        days[words2] = day if day is not None else _event_day_from_step(view, scope, key)
    day = days[words2]
    if day is None:
        day = _event_day_near(view, scope, rel)
    if day is None:
        return None
    return (day + timedelta(days=rel.offset_days or 0)).isoformat()


def _timetable_event_day(scope: _Scope, rel: Relative) -> date | None:
    """The day a timetable gives the event (``Sau khi kết thúc Hội thi``: the row ``Tổ chức
    Hội thi cấp tỉnh | Ngày 20/4/2024``): the event's name, its opener taken off, in a row's step."""
    if not scope.tt_days:
        return None
    name = _EVENT_OPENER.sub("", " ".join(rel.event.casefold().split()), count=1)
    key = " ".join(name.split()[:2])
    if not key:
        return None
    if key not in scope.tt_event:  # once per event name: the rows are not read again per deadline
        named = regex.compile(rf"(?<!\p{{L}}){regex.escape(key)}(?!\p{{L}})")
        scope.tt_event[key] = next((day for step, day in scope.tt_days if named.search(step)), None)
    return scope.tt_event[key]


@cache
def _event_key(event_words: str) -> regex.Pattern[str]:
    return regex.compile(r"(?i)(?<!\p{L})" + r"\s+".join(regex.escape(w) for w in event_words.split()) + r"(?!\p{L})")


#: After an event's name, up to the words that state its date: the rest of its noun phrase.
_EVENT_NAME_REACH = 220
_EVENT_SENTENCE_STOP = regex.compile(r"[.;!?](?=\s)|\n")
_EVENT_LINK = regex.compile(rf"(?i)[ \t]*+(?P<mark>[:(])[ \t]*+|[ \t]++(?:{_alt('event_date_links')})[ \t]++")
_WEEKDAY = regex.compile(r"(?i)(?:chủ\s+nhật|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7]))(?!\p{L})[ \t]*+,?[ \t]*+")
_IS_DAY_OF = regex.compile(r"(?i)(?<!\p{L})là[ \t]++(?:ngày[ \t]++)$")
_DAY_OF = regex.compile(r"(?i)(?<!\p{L})ngày[ \t]++$")


def _full_day(view: str, scope: _Scope, pos: int) -> date | None:
    """The full date standing at ``pos`` (after ``ngày``), not a cited document's."""
    dm = date_at(view, pos)
    if dm is None or dm.day is None or dm.start - pos > 8 or scope.cited.holds(dm.start, dm.end):
        return None
    try:
        return date(dm.year, dm.month, dm.day)
    except ValueError:
        return None


def _stated_event_day(view: str, scope: _Scope, key: regex.Pattern[str]) -> date | None:
    """``ngày <event> ...: / là / vào [thứ ...,] <date>`` anywhere in the text, or the date
    first (``Chủ nhật, 15/3/2026 là ngày bầu cử``). A colon or a bracket states it only after
    ``ngày <event>`` (the event's day), a verb after any mention."""
    for m in key.finditer(view):
        before = _IS_DAY_OF.search(view, max(0, m.start() - 16), m.start())
        if before is not None:  # "Chủ nhật, 15/3/2026 là ngày bầu cử ...": the date stands first
            dates = [dm for dm in find_dates(view, max(0, before.start() - 30), before.start()) if dm.day is not None]
            if dates and not view[dates[-1].end : before.start()].strip(" \t,") and not scope.cited.holds(dates[-1].start, dates[-1].end):
                try:
                    return date(dates[-1].year, dates[-1].month, dates[-1].day)
                except ValueError:
                    pass
        hi = min(len(view), m.end() + _EVENT_NAME_REACH)
        cut = _EVENT_SENTENCE_STOP.search(view, m.end(), hi)
        hi = cut.start() if cut else hi
        day_of = _DAY_OF.search(view, max(0, m.start() - 8), m.start()) is not None
        for link in _EVENT_LINK.finditer(view, m.end(), hi):
            if link.group("mark") and not day_of:
                continue
            p = link.end()
            wd = _WEEKDAY.match(view, p, hi)
            day = _full_day(view, scope, wd.end() if wd else p)
            if day is not None:
                return day
    return None


#: ``<date> - 95 ngày trước bầu cử``: the count and the event after a dated step.
_STEP = regex.compile(r"(?i)(?P<n>\d{1,3})[ \t]++ngày[ \t]++trước[ \t]++(?:ngày[ \t]++)?")
_STEP_GAP = regex.compile(r"[ \t]*+[\-–(,][ \t]*+$")


def _event_day_from_step(view: str, scope: _Scope, key: regex.Pattern[str]) -> date | None:
    """``<date> - 95 ngày trước bầu cử``: a step dated and counted from the event (the
    count is found first; the date must end right before it)."""
    if scope.events.steps is None:  # the counted steps of the text, found once
        scope.events.steps = list(_STEP.finditer(view))
    for st in scope.events.steps:
        if key.match(view, st.end()) is None:
            continue
        lo = max(0, st.start() - 40)
        dates = [dm for dm in find_dates(view, lo, st.start()) if dm.day is not None]
        if not dates or not _STEP_GAP.match(view[dates[-1].end : st.start()]) or scope.cited.holds(dates[-1].start, dates[-1].end):
            continue
        dm = dates[-1]
        try:
            return date(dm.year, dm.month, dm.day) + timedelta(days=int(st.group("n")))
        except ValueError:
            continue
    return None


def _event_day_near(view: str, scope: _Scope, rel: Relative) -> date | None:
    """The first full date within a clause after the event's day is named (``ngày`` and the
    event's first words: ``ngày bầu cử (15/3/2026)``); a date after the event's name alone
    (``Ủy ban bầu cử xã (thành lập ngày ...)``) is not its day."""
    words3 = " ".join(rel.event.split()[:3])
    if words3 not in scope.near_days:  # the region is read once per event, not once per deadline
        scope.near_days[words3] = _days_after_event_day(view, scope, _event_key(words3))
    return next((day for at, day in scope.near_days[words3] if not rel.start <= at < rel.end), None)


def _days_after_event_day(view: str, scope: _Scope, key: regex.Pattern[str]) -> list[tuple[int, date]]:
    """Each mention of the event's day in the region (``ngày`` and its words) with the first
    full date in the clause after it, in text order."""
    out = []
    for m in key.finditer(view, scope.lo, scope.hi):
        if _DAY_OF.search(view, max(0, m.start() - 8), m.start()) is None:
            continue
        stop = m.end() + 80
        cut = _CLAUSE_STOP.search(view, m.end(), stop)
        for dm in find_dates(view, m.end(), cut.start() if cut else min(stop, len(view))):
            if dm.day is None or scope.cited.holds(dm.start, dm.end):
                continue
            out.append((m.start(), date(dm.year, dm.month, dm.day)))
            break
    return out


_CLAUSE_STOP = regex.compile(r"[.;]\s|\n\s*\n")
#: What opens an event's name after ``sau khi`` (``kết thúc``, ``có``): not the event itself.
_EVENT_OPENER = regex.compile(rf"^(?:đã\s+)?(?:{_alt('event_openers')})\s+")


def _skip_spaces(view: str, pos: int, end: int) -> int:
    while pos < end and view[pos] in " \t\n":
        pos += 1
    return pos


#: Between a time and the other time of its pair: blanks, an opening bracket, a dash, a comma.
_PAIR_GAP = regex.compile(r"[ \t]*+[(\[,;\-–][ \t]*+|[ \t]++")
_LATEST = regex.compile(rf"(?i)(?:{_alt('latest_cues')})(?!\p{{L}})")
_PLANNED_CUE = regex.compile(rf"(?i)(?:{_alt('approximate_cues')})(?!\p{{L}})")


def _paired_time(view: str, expr: TimeExpr, stop: int, year: int | None, planned_first: bool) -> tuple[TimeExpr, str | None] | None:
    """A planned time and its firm limit given together, in either order: ``Dự kiến ngày
    05/12/2025 (Chậm nhất ngày 10/12/2025)`` or ``Chậm nhất ngày 10/12/2025 (dự kiến ngày
    05/12/2025)``. A "chậm nhất" date is the deadline (Nghị định 30/2020: the time limit an
    order sets); the "dự kiến" one is a plan and is kept beside it. Returns the firm time
    (its span ending where the pair ends) and the planned date; ``None`` when the time
    stands alone."""
    gap = _PAIR_GAP.match(view, expr.end, min(stop, expr.end + 6))
    if gap is None:
        return None
    cue = (_LATEST if planned_first else _PLANNED_CUE).match(view, gap.end(), stop)
    if cue is None:
        return None
    other = read_deadline_time(view, _skip_spaces(view, cue.end(), stop), year)
    if other is None or other.rrule or other.date is None or expr.rrule or expr.date is None:
        return None
    end = other.end
    if "(" in gap.group(0):  # the bracket closes the pair: "(Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử)"
        close = regex.compile(r"[^()\n]{0,60}?\)").match(view, end, stop)
        end = close.end() if close is not None else end
    if planned_first:
        return replace(other, approximate=False, start=expr.start, end=end), expr.date
    return replace(expr, end=end), other.date


def _find_in(view: str, scope: _Scope, year: int | None) -> list[_Found]:
    """The deadlines' time phrases of one body region, in text order."""
    lo, stop = scope.lo, scope.hi
    found: list[_Found] = []

    tt_found = _timetable_deadlines(view, scope, year)
    for cue in CUE_SCAN.finditer(view, lo, stop):
        cell = scope.cell_at(cue.start())
        if cell is not None and cell[2] == "time" or scope.in_timetable(cue.start()):
            continue  # read with its row below
        label = cue.group("label") is not None
        if label and _starts_something(view, cue, stop):
            continue  # "Thời gian: Lúc 13 giờ 30 phút, ngày 16/4/2020": an invitation's hour
        approx = cue.group("approx") is not None
        weak = cue.group("weak") is not None or cue.group("pos") is not None
        at = cue.start() if cue.group("cue").casefold() == "từ" else cue.end()
        expr = read_deadline_time(view, at, year)
        if expr is None and (label or approx):  # "Thời gian: trong tháng 4/2026", "Dự kiến vào quý III"
            inner = CUE.match(view, _skip_spaces(view, at, min(stop, at + 20)), stop)
            if inner is not None and inner.group("label") is None:
                approx = approx or inner.group("approx") is not None
                expr = read_deadline_time(view, inner.start() if inner.group("cue").casefold() == "từ" else inner.end(), year)
        if expr is None:
            expr = _monthly_day(view, scope, at)
        if expr is None:
            continue
        sent = scope.sentence(cue.start(), expr.end)
        if label and _PLANNED.search(cue.group("label")):
            approx = True  # "Thời gian dự kiến: tháng 5/2024"
        if approx:  # "Dự kiến tháng 5/2024": planned, not fixed; said outright when it opens its line
            expr = replace(expr, approximate=True)
            label = label or not _LEAD_IN.sub("", view[sent[0] : cue.start()])
            weak = not label
        planned = None
        pair = _paired_time(view, expr, stop, year, planned_first=approx)
        if pair is not None:  # "Dự kiến ngày 05/12 (Chậm nhất ngày 10/12)": the limit is due
            expr, planned = pair
            sent = scope.sentence(cue.start(), expr.end)
        expr = _make_recurring_if_stated(view, expr, sent, scope)
        if not _keep(view, scope, sent, cue.start(), expr, weak, label):
            continue
        found.append(_Found(cue.start(), max(expr.end, pair[0].end) if pair else expr.end, expr, sent, planned=planned))

    cue_starts = [f.start for f in found]  # in text order: CUE.finditer goes left to right
    for st in find_standalone_recurrences(view, lo, stop):
        cell = scope.cell_at(st.start)
        if cell is not None and cell[2] == "time" or scope.in_timetable(st.start):
            continue
        i = bisect_right(cue_starts, st.end) - 1
        if i >= 0 and found[i].end > st.start:  # overlaps the last cued phrase starting before its end
            continue
        sent = scope.sentence(st.start, st.end)
        if st.approximate and _recurring_taken(found, cue_starts, sent, st.rrule.startswith("FREQ=YEARLY")):
            # "định kỳ hằng năm trước ngày 05/12", "định kỳ 6 tháng (trước ngày 15/6)", "hằng
            # tháng (trước ngày 25)": the report days stated made those deadlines recurring
            continue
        expr = TimeExpr(st.start, st.end, rrule=st.rrule, approximate=st.approximate)
        if not _keep(view, scope, sent, st.start, expr, True, False):
            continue
        start = st.start
        cue = _CUE_BEFORE.search(view[max(0, start - 20) : start])
        if cue is not None:
            start = max(0, start - 20) + cue.start()
        found.append(_Found(start, st.end, expr, sent))

    taken = sorted((f.start, f.end) for f in found)
    taken_starts = [a for a, _ in taken]
    for rel in find_relative(view, lo, stop):
        if scope.in_timetable(rel.start):
            continue
        i = bisect_right(taken_starts, rel.end) - 1
        if i >= 0 and taken[i][1] > rel.start:
            continue  # inside a phrase already read ("trước ngày 15/3/2026, sau khi ...")
        sent = scope.sentence(rel.start, rel.end)
        if rel.offset_days is None:
            # "Các xã báo cáo sau khi có hướng dẫn": the act stands in the clause before it;
            # a clause opening "Sau khi nghe ..." frames what follows, it sets no deadline
            clause0 = max(sent[0], view.rfind(",", sent[0], rel.start) + 1, view.rfind(";", sent[0], rel.start) + 1)
            if not (scope.has("report", clause0, rel.start) or scope.has("task", clause0, rel.start)):
                continue
        expr = TimeExpr(rel.start, rel.end, date=_event_date(view, scope, rel))
        if not _keep(view, scope, sent, rel.start, expr, False, False):
            continue
        found.append(_Found(rel.start, rel.end, expr, sent, relative=rel))

    for row in scope.rows:
        f = _row_deadline(view, scope, row, year)
        if f is not None:
            found.append(f)
    return found + tt_found


_START_OPENER = regex.compile(rf"(?i)(?:{_alt('start_openers')})(?!\p{{L}})")
_HAND_IN = regex.compile(rf"(?i)(?<!\p{{L}})(?:{_alt('report_verbs')})(?!\p{{L}})")


def _starts_something(view: str, cue: regex.Match[str], stop: int) -> bool:
    """A ``Thời gian:`` label whose value tells when something starts (an hour, ``bắt đầu``):
    an invitation's meeting or the start of a period, no deadline. A hand-in named in the
    label (``Thời gian nộp hồ sơ:``) keeps it one."""
    if _HAND_IN.search(cue.group("label")):
        return False
    at = _skip_spaces(view, cue.end(), min(stop, cue.end() + 20))
    return _START_OPENER.match(view, at, stop) is not None or opens_with_hour(view, at)


def _timetable_deadlines(view: str, scope: _Scope, year: int | None) -> list[_Found]:
    """The deadlines of a timetable laid out as columns: each row's time, with the row's step
    and units. A row of the issuer's own activity (``Tổ chức Hội thi cấp tỉnh | Sở GDĐT |
    Ngày 20/4/2024``: an activity word, no unit of the recipients) sets no deadline; its day
    dates the events counted from it (``Sau khi kết thúc Hội thi``)."""
    found: list[_Found] = []
    relatives: list[tuple[TimetableRow, Relative]] = []
    for tr in scope.timetable:
        units = asg.dedupe([u for cell in tr.units for u in asg.split_units(cell)])
        for a, b in tr.times:
            rel = next(iter(find_relative(view, a, b)), None)
            if rel is not None:
                relatives.append((tr, rel))
                break
            expr = _timetable_time(view, a, b, year)
            if expr is None:
                continue
            if expr.date is not None and len(expr.date) == 10:
                scope.tt_days.append((" ".join(tr.step.casefold().split()), date.fromisoformat(expr.date)))
            if not _own_activity(tr.step, tr.units):
                found.append(_Found(a, expr.end, expr, (a, b), action=_tidy(tr.step), assignees=units))
            break
    for tr, rel in relatives:  # after every row's day is known
        units = asg.dedupe([u for cell in tr.units for u in asg.split_units(cell)])
        expr = TimeExpr(rel.start, rel.end, date=_event_date(view, scope, rel))
        found.append(_Found(rel.start, rel.end, expr, (rel.start, rel.end), action=_tidy(tr.step),
                            assignees=units, relative=rel))
    return found


def _timetable_time(view: str, a: int, b: int, year: int | None) -> TimeExpr | None:
    """The time in one piece of a time column: as it starts (``Ngày 20/4/2024``, ``Tháng
    4/2024``) or after its cue (``Trước ngày 15/3/2024``), within the piece."""
    expr = read_deadline_time(view, a, year)
    if expr is None or expr.end > b:
        cue = CUE_SCAN.search(view, a, b)
        if cue is None:
            return None
        expr = read_deadline_time(view, cue.start() if cue.group("cue").casefold() == "từ" else cue.end(), year)
    if expr is None or expr.end > b:
        return None
    return expr


def _own_activity(step: str, units: tuple[str, ...]) -> bool:
    """A timetable row of the issuer's own activity: its step is an event the issuer holds (a
    contest, a meeting, an inspection, marking) and no unit of the recipients does it (a unit
    named in the plural: ``Các trường``, ``Phòng GDĐT các huyện``)."""
    if _OWN_ACTIVITY.search(step) is None:
        return False
    return not any(_RECIPIENTS.search(u) for u in units)

def _monthly_day(view: str, scope: _Scope, at: int) -> TimeExpr | None:
    """``báo cáo hằng tháng về Sở trước ngày 25``: a day with no month after a cue, in a
    sentence that says every month, is that day of each month."""
    day = bare_day_at(view, at)
    if day is None or MONTHLY_DAY.match(view, day.start) is not None:
        return None  # "ngày 20 hàng tháng" is read whole as a monthly day
    sent = scope.sentence(day.start, day.end)
    if not scope.has("monthly", sent[0], sent[1]):
        return None
    return TimeExpr(day.start, day.end, rrule=f"FREQ=MONTHLY;BYMONTHDAY={day.day}")


def _assigns(view: str, sent: tuple[int, int], start: int, end: int) -> bool:
    """Whether the clause of a time phrase assigns a task: it opens with a unit or a task verb
    (``Sở Tư pháp triển khai trong tháng 4/2026``, ``Tổ chức quán triệt trong tháng 8/2021``),
    or the time phrase opens it and a unit or task verb follows (``Trong tháng 4, các sở ...``).
    A statement (``Trong quý I/2025 có 15 vụ việc được giải quyết``) does not."""
    s0, s1 = sent
    p = _skip_spaces(view, s0, start)
    label = _LABEL_PREFIX.match(view, p, start)
    if label is not None:
        p = _skip_spaces(view, label.end(), start)
    if p >= start:
        p = _skip_spaces(view, end, s1)
        while p < s1 and view[p] in ", ":
            p += 1
    return asg.UNIT_START.match(view, p, s1) is not None or _TASK_VERB.match(view, p, s1) is not None


def _recurring_taken(found: list[_Found], cue_starts: list[int], sent: tuple[int, int], dated: bool) -> bool:
    """Whether a cued time of this sentence states the report's day (made a recurring day,
    or, for a yearly or half-yearly report, ``dated``, a date: ``báo cáo 6 tháng đầu năm
    trước ngày 15/6/2024``): the period's approximate rule gives way to it. A monthly one
    stays beside a date (``trước ngày 20/11/2025 và hằng tháng``: the first report, then each month)."""
    i = bisect_left(cue_starts, sent[0])
    while i < len(found) and found[i].start < sent[1]:
        e = found[i].expr
        if not e.approximate and (e.rrule is not None or dated and e.date is not None and e.granularity == "day"):
            return True
        i += 1
    return False


def _row_deadline(view: str, scope: _Scope, row: TableRow, year: int | None) -> _Found | None:
    """The deadline in the time column of a table row: ``| Tháng 4/2022 |``, ``| trước ngày
    15/12/2022 |``, ``| Hằng quý |``. What and who come from the row's other columns."""
    tc = row.cell("time")
    if tc is None or tc.end <= tc.start:
        return None
    a, b = tc.start, tc.end
    start = a
    expr = read_time_at(view, a, year)
    if expr is None or expr.end > b:
        expr = None
        cue = CUE_SCAN.search(view, a, b)
        if cue is not None:
            at = cue.start() if cue.group("cue").casefold() == "từ" else cue.end()
            expr = read_time_at(view, at, year)
            start = cue.start()
        if expr is not None and expr.end > b:
            expr = None
    if expr is not None:
        expr = _make_recurring_if_stated(view, expr, (a, b), scope)
    else:
        st = next(iter(find_standalone_recurrences(view, a, b)), None)
        if st is None:
            return None
        start, expr = st.start, TimeExpr(st.start, st.end, rrule=st.rrule, approximate=st.approximate)
    if scope.cited.holds(expr.start, expr.end):
        return None
    content = row.cell("content")
    action = _tidy(view[content.start : content.end]) if content is not None else ""
    lead = row.cell("lead")
    support = row.cell("support")
    units = asg.split_units(view[lead.start : lead.end]) if lead is not None else []
    units += asg.split_units(view[support.start : support.end]) if support is not None else []
    return _Found(start, min(b, max(expr.end, start)), expr, (a, b), action=action, assignees=asg.dedupe(units))


def _own_schedule(view: str, clause0: int, start: int) -> bool:
    """A time in a clause about the issuer's own work: opened by a body it sends (``Đoàn kiểm
    tra của Sở kiểm tra tại các đơn vị từ ngày 10/5 đến ngày 20/5``) or announcing its own act
    (``UBND tỉnh sẽ tổ chức kiểm tra trong tháng 5/2024``; not ``Các đơn vị sẽ ...``)."""
    p = _skip_spaces(view, clause0, start)
    label = _LABEL_PREFIX.match(view, p, start)
    if label is not None:
        p = _skip_spaces(view, label.end(), start)
    if _OWN_SUBJECT.match(view, p, start) is not None:
        return True
    future = _OWN_FUTURE.search(view, p, start)
    return future is not None and _RECIPIENTS.search(view, p, future.start()) is None


def _batches_of_own_activity(view: str, scope: _Scope, start: int) -> bool:
    """Whether the batches a label numbers (``1. Đợt 1: Từ ngày 05/12 đến ngày 20/02:``) are
    of the issuer's own inspection, contest or campaign, as the sentence that divides the work
    into them says (``Hoạt động kiểm tra, giám sát được chia thành 03 đợt``), with no unit of
    the recipients as its subject: an inspection period is no deadline for the inspected."""
    line0 = view.rfind("\n", 0, start) + 1
    lo = max(scope.lo, line0 - _BATCH_INTRO_REACH)
    intro = None
    for m in _BATCH_WORD.finditer(view, lo, line0):
        intro = m
    if intro is None:
        return False
    s0 = max(lo, view.rfind("\n", lo, intro.start()) + 1)
    return _OWN_ACTIVITY.search(view, s0, intro.start()) is not None and _RECIPIENTS.search(view, s0, intro.start()) is None


_BATCH_WORD = regex.compile(rf"(?i)(?<!\p{{L}})(?:{_alt('batch_labels')})(?!\p{{L}})")


def _keep(view: str, scope: _Scope, sent: tuple[int, int], start: int, expr: TimeExpr, weak: bool, label: bool) -> bool:
    """Whether a time phrase at ``start`` is a deadline (see module doc)."""
    if scope.cited.holds(expr.start, expr.end) or _CITATION_BEFORE.search(view[max(0, start - 60) : start]):
        return False
    s0, s1 = sent
    # "đã" recalls only in the deadline's own clause ("khắc phục điểm nghẽn đã được chỉ ra,
    # hoàn thành ... trong năm 2025" still sets one)
    clause0 = max(s0, view.rfind(",", s0, start) + 1, view.rfind(";", s0, start) + 1)
    if scope.has("negative", s0, s1) or scope.has("past", clause0, start):
        return False
    if _own_schedule(view, clause0, start):
        return False
    if label:  # "Thời gian: Tháng 4/2026": the text says it is the deadline
        return not (_BATCH.match(view, start) and _batches_of_own_activity(view, scope, start))
    if expr.range_start is not None and not scope.has("report", s0, s1) and not (
        scope.has("task", s0, s1) and not scope.has("event", s0, s1) and _assigns(view, sent, start, expr.end)
    ):
        return False  # a period of days is a deadline for a task someone is given, not a campaign
    if weak:
        if scope.has("event", s0, s1):
            return False
        if not scope.has("report", s0, s1):
            # a period (a month, a quarter, a range of days, a repeating time) given to someone
            # with a task: "Sở Tư pháp triển khai trong tháng 4/2026", "tổ chức giao ban vào tuần đầu"
            period = expr.rrule is not None or expr.date is not None and (
                expr.granularity in ("month", "quarter") or expr.approximate or expr.range_start is not None)
            if not (period and scope.has("task", s0, s1) and _assigns(view, sent, start, expr.end)):
                return False
    return scope.has("verb", s0, s1) or scope.has("report", s0, s1) or scope.has("task", s0, s1)
