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

Time phrases are read by :mod:`.timeexpr`; units by :mod:`.assignees`.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from ..model import Deadline, Document, Span, Task
from . import assignees as asg
from .outline import body_regions, task_at
from .timeexpr import (
    TimeExpr,
    find_standalone_recurrences,
    horizon_from_title,
    make_recurring,
    plan_year_from_title,
    read_time_at,
    recurrence_after,
)

CUE = regex.compile(
    r"(?i)(?<!\p{L})(?P<cue>(?P<strong>trước|chậm\s{1,3}nhất(?:\s{1,3}(?:là|vào))?|muộn\s{1,3}nhất(?:\s{1,3}(?:là|vào))?|"
    r"hạn\s{1,3}(?:chót|cuối)(?:\s{1,3}(?:là|vào))?|không\s{1,3}quá|hoàn\s{1,3}thành(?:\s{1,3}(?:trong|trước|vào|xong))?|"
    r"xong\s{1,3}trước|thời\s{1,3}(?:gian|hạn)(?:\s{1,3}(?:hoàn\s{1,3}thành|thực\s{1,3}hiện|nộp|gửi|báo\s{1,3}cáo))?\s{0,3}:)|(?P<weak>vào|trong|đến\s{1,3}hết|từ))(?!\p{L})"
)
#: Actions that make a weakly cued time (``vào``, ``trong``) a deadline: handing something in.
_REPORT_VERB = regex.compile(r"(?i)(?<!\p{L})(?:báo\s+cáo|gửi|nộp|trình|hoàn\s+thành|hoàn\s+tất|cập\s+nhật|tổng\s+hợp)(?!\p{L})")
#: Events and periods, not deadlines, when the cue is weak.
_EVENT = regex.compile(
    r"(?i)(?<!\p{L})(?:hội\s+nghị|lễ|diễn\s+ra|khai\s+mạc|bế\s+mạc|tháng\s+hành\s+động|chiến\s+dịch|đợt\s+cao\s+điểm|"
    r"tuần\s+lễ|ra\s+quân|phát\s+động)(?!\p{L})"
)
#: A clause that recalls or frames a date rather than setting a deadline.
_NEGATIVE = regex.compile(
    r"(?i)(?<!\p{L})(?:hiệu\s+lực|đến\s+nay|quá\s+hạn|hết\s+hạn|trễ\s+hạn|chậm\s+so\s+với|"
    r"chưa\s+(?:gửi|báo\s+cáo|nộp|hoàn\s+thành))(?!\p{L})"
)
_PAST = regex.compile(r"(?<!\p{L})(?:đã|Đã)\s+(?!được\s+giao)")
_YEARLY_WORD = regex.compile(r"(?i)(?<!\p{L})(?:hàng|hằng|mỗi)\s+năm(?!\p{L})")
_SENTENCE_BOUNDARY = regex.compile(r"[.;!?](?=\s)|[:\n]")
_AFTER_STOP = regex.compile(
    rf"[.;:\n]|\s(?:để|và|nhằm|đồng\s+thời)\s|,\s+(?={asg.VERB.pattern})"
)
_CLAUSE_START = regex.compile(rf";\s*|\s+và\s+|,\s+(?={asg.VERB.pattern})")
_LABEL_PREFIX = regex.compile(r"^\s*(?:(?:[IVX]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s?[.)]|[-+•–])\s+")
_CITATION_BEFORE = regex.compile(r"\d+[/\-][\w.\-/&]*\p{L}[\w.\-/&]*\s*,?\s*(?:ngày\s*)?$")
_MAX_SENTENCE = 800
_CUE_BEFORE = regex.compile(r"(?i)(?<!\p{L})(?:trước|vào|chậm\s+nhất(?:\s+là)?)\s+$")
_LEADING_ADVERB = regex.compile(r"(?i)(?:định\s+kỳ|hằng\s+năm|hàng\s+năm|đồng\s+thời|thường\s+xuyên|kịp\s+thời)\s*,?\s+")
_ADVERBIAL = regex.compile(r"(?:[^\s,]+\s+){0,3}[^\s,]+,\s+")
_MARKS = regex.compile(r"[*_]+")
_FIRST_SENTENCE = regex.compile(r"(?<=[.;:])\s|\n")


def document_year(doc: Document) -> int | None:
    """The year a day-month without year belongs to: the plan's own year, else the date's."""
    if doc.year:
        return doc.year
    if doc.date and doc.date[:4].isdigit():
        return int(doc.date[:4])
    return plan_year_from_title(doc.title)


def bound_year(doc: Document) -> int | None:
    """The last year a document's recurring deadlines run to: its horizon, else its own year."""
    return doc.horizon or horizon_from_title(doc.title) or doc.year or plan_year_from_title(doc.title)


def cited_spans(doc: Document) -> list[tuple[int, int]]:
    """Where other documents are cited: a date there belongs to them."""
    return sorted((m.start, m.end) for r in doc.references for m in r.mentions)


def _in_spans(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def sentence_bounds(view: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """The sentence (or list item) holding ``[start, end)``: between ``. ; : \\n`` boundaries."""
    hi = len(view) if hi is None else hi
    s = max(lo, start - _MAX_SENTENCE)
    for m in _SENTENCE_BOUNDARY.finditer(view, s, start):
        s = m.end()
    m = _SENTENCE_BOUNDARY.search(view, end, min(hi, end + _MAX_SENTENCE))
    e = m.start() if m else min(hi, end + _MAX_SENTENCE)
    return s, e


def _tidy(s: str) -> str:
    s = _MARKS.sub(" ", s)
    s = " ".join(s.split())
    s = s.replace("( ", "(").replace(" )", ")")
    return s.strip(" ,;:-–")


def action_of(view: str, sent: tuple[int, int], start: int, end: int) -> str:
    """What must be done by the deadline at ``[start, end)``: the clause around it.

    Before it, back to the nearest clause start (``;``, ``và``, ``, báo cáo``) whose
    words open with a verb, the subject taken off; after it, up to ``.``, ``để``, ``và``.
    """
    s0, s1 = sent
    before = view[s0:start]
    label = _LABEL_PREFIX.match(before)
    base = label.end() if label else 0
    starts = [base] + [m.end() for m in _CLAUSE_START.finditer(before, base)]
    clause = ""
    for p in reversed(starts):
        piece_clean = before[p:].lstrip(" ,")
        if asg.VERB.match(piece_clean):
            clause = piece_clean
            break
        if asg.UNIT_START.match(piece_clean):
            v = asg.VERB.search(piece_clean)
            if v is not None:
                clause = piece_clean[v.start() :]
                break
        adv = _ADVERBIAL.match(piece_clean)
        if adv and asg.VERB.match(piece_clean, adv.end()):
            clause = piece_clean[adv.end() :]
            break
    if not clause:
        clause = before[base:]
    adv = _LEADING_ADVERB.match(clause.lstrip())
    if adv is not None and asg.VERB.match(clause.lstrip(), adv.end()):
        clause = clause.lstrip()[adv.end() :]
    m = _AFTER_STOP.search(view, end, s1)
    after = view[end : m.start() if m else s1]
    return _tidy(f"{clause} {after}")


def assignees_of(view: str, sent: tuple[int, int], start: int, tasks: list[Task]) -> list[str]:
    """Who: the units the sentence asks (``yêu cầu X``), else its subject, else its item's."""
    s0, _ = sent
    before = view[s0:start]
    label = _LABEL_PREFIX.match(before)
    if label:
        before = before[label.end() :]
    units = asg.requested_units(before) or asg.subject_units(before)
    if units:
        return units
    task = task_at(tasks, start)
    return list(task.assignees) if task is not None else []


def _before_document(date: str | None, doc: Document) -> bool:
    """A one-off deadline earlier than the document's own date: a slip a reader should see
    (recalled deadlines are told by their words — ``đã``, ``đến nay`` — and left out)."""
    if not date or not doc.date:
        return False
    n = min(len(date), len(doc.date))
    return date[:n] < doc.date[:n]


def _weak_ok(view: str, sent: tuple[int, int], start: int, end: int) -> bool:
    s0, s1 = sent
    clause = view[s0:s1]
    return _REPORT_VERB.search(clause) is not None and _EVENT.search(clause) is None


def _make_recurring_if_stated(view: str, expr: TimeExpr, sent: tuple[int, int]) -> TimeExpr:
    """``ngày 30/11 hàng năm`` → yearly; ``Hằng năm, ... trước ngày 15 tháng 10`` → yearly."""
    rec = recurrence_after(view, expr.end)
    if rec is not None:
        made = make_recurring(expr, rec[0], rec[1])
        if made is not None:
            return made
    if expr.month_day is not None and _YEARLY_WORD.search(view, sent[0], expr.start):
        made = make_recurring(expr, "năm", expr.end)
        if made is not None:
            return made
    return expr


def extract_deadlines(text: str, view: str, doc: Document, tasks: list[Task]) -> list[Deadline]:
    """Every deadline of ``doc`` in order of position (see module doc for what is left out)."""
    year = document_year(doc)
    bound = bound_year(doc)
    cited = cited_spans(doc)
    found: list[tuple[int, int, TimeExpr, tuple[int, int]]] = []
    for region in body_regions(view):
        found.extend(_find_in(view, doc, cited, year, region))

    found.sort(key=lambda x: x[0])
    out: list[Deadline] = []
    last_end = -1
    for start, end, expr, (lo, stop) in found:
        if start < last_end:
            continue
        last_end = end
        sent = sentence_bounds(view, start, end, lo, stop)
        action = action_of(view, sent, start, end)
        if len(action) < 3:  # "Thời gian hoàn thành: Tháng 4/2026" under an item: the item is the action
            task = task_at(tasks, start)
            action = _tidy(_FIRST_SENTENCE.split(task.heading or task.text, maxsplit=1)[0]) if task else ""
        if expr.rrule is None and _before_document(expr.date, doc):
            doc.warnings.append(f"deadline {expr.date} ({_tidy(view[start:end])}) is before the document's own date {doc.date}")
        out.append(
            Deadline(
                text=_tidy(view[start:end]),
                span=Span(start, end),
                date=None if expr.rrule else expr.date,
                rrule=expr.rrule,
                approximate=expr.approximate,
                action=action,
                assignees=assignees_of(view, sent, start, tasks),
                granularity=expr.granularity,
                until=f"{bound:04d}-12-31" if expr.rrule and bound else None,
            )
        )
    return out


def _find_in(view: str, doc: Document, cited: list[tuple[int, int]], year: int | None,
             region: tuple[int, int]) -> list[tuple[int, int, TimeExpr, tuple[int, int]]]:
    """The deadlines' time phrases of one body region, in text order."""
    lo, stop = region
    found: list[tuple[int, int, TimeExpr, tuple[int, int]]] = []

    for cue in CUE.finditer(view, lo, stop):
        weak = cue.group("weak") is not None
        at = cue.start() if cue.group("cue").casefold() == "từ" else cue.end()
        expr = read_time_at(view, at, year)
        if expr is None:
            continue
        sent = sentence_bounds(view, cue.start(), expr.end, lo, stop)
        expr = _make_recurring_if_stated(view, expr, sent)
        if not _keep(view, doc, cited, sent, cue.start(), expr, weak):
            continue
        found.append((cue.start(), expr.end, expr, region))

    cue_starts = [f[0] for f in found]  # in text order: CUE.finditer goes left to right
    for st in find_standalone_recurrences(view, lo, stop):
        i = bisect_right(cue_starts, st.end) - 1
        if i >= 0 and found[i][1] > st.start:  # overlaps the last cued phrase starting before its end
            continue
        sent = sentence_bounds(view, st.start, st.end, lo, stop)
        expr = TimeExpr(st.start, st.end, rrule=st.rrule, approximate=st.approximate)
        if not _keep(view, doc, cited, sent, st.start, expr, True):
            continue
        start = st.start
        cue = _CUE_BEFORE.search(view[max(0, start - 20) : start])
        if cue is not None:
            start = max(0, start - 20) + cue.start()
        found.append((start, st.end, expr, region))

    return found


def _keep(view: str, doc: Document, cited: list[tuple[int, int]], sent: tuple[int, int],
          start: int, expr: TimeExpr, weak: bool) -> bool:
    """Whether a time phrase at ``start`` is a deadline (see module doc)."""
    if _in_spans(cited, expr.start, expr.end) or _CITATION_BEFORE.search(view[max(0, start - 60) : start]):
        return False
    s0, s1 = sent
    if _NEGATIVE.search(view, s0, s1) or _PAST.search(view, s0, start):
        return False
    if weak and not _weak_ok(view, sent, start, expr.end):
        return False
    if expr.range_start is not None and not _REPORT_VERB.search(view, s0, s1):
        return False
    return asg.VERB.search(view, s0, s1) is not None or _REPORT_VERB.search(view, s0, s1) is not None
