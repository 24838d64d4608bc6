"""What is due from whom, and whether the corpus shows it done.

Why: a directive's deadlines ("báo cáo kết quả ... trước ngày 30/11 hằng năm", "xây dựng
kế hoạch ... trước ngày 31/01/2022") bind each unit it addresses. An official asks, on a
given day, which are still ahead (``upcoming``), fall now (``due``: within
:data:`DUE_WITHIN` days), have passed with nothing in the corpus (``overdue``), or are
answered: by a report from that unit for a reporting deadline, by a document of the unit
carrying the directive out for any other — on time (``met``) or after the date (``late``).

A recurring deadline is one occurrence per period. Answers are matched to occurrences
one to one: an answer dated shortly after an unanswered occurrence (within half the period
to the next one) is that occurrence's late answer; otherwise it answers the first open
occurrence on or after its date. Documents dated after the as-of day are not yet known.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..model import Deadline, Document
from ..refdata import pattern
from ..schedule import document_start, expand
from .cascade import Action
from .units import TOPIC

UPCOMING, DUE, OVERDUE, MET, LATE = "upcoming", "due", "overdue", "met", "late"
STATUSES: tuple[str, ...] = (UPCOMING, DUE, OVERDUE, MET, LATE)
#: An open occurrence this many days ahead or fewer is ``due`` rather than ``upcoming``.
DUE_WITHIN = 7
#: How far past the as-of day occurrences are looked for (the next one of a yearly rule).
LOOKAHEAD = timedelta(days=370)


def asks_report(deadline: Deadline) -> bool:
    """Whether the deadline asks for a report (then only a report answers it)."""
    return pattern(TOPIC, "report_actions").search(deadline.action or deadline.text) is not None


@dataclass(frozen=True, slots=True)
class Due:
    """One occurrence of one deadline for one unit, and what the corpus shows for it."""

    deadline: Deadline
    day: date
    status: str
    answer: Action | None = None
    days_late: int | None = None

    def to_dict(self) -> dict[str, Any]:
        a = self.answer
        return {
            "date": self.day.isoformat(),
            "text": self.deadline.text,
            "action": self.deadline.action,
            "rrule": self.deadline.rrule,
            "approximate": self.deadline.approximate,
            "status": self.status,
            "answered_by": None if a is None else {
                "number": a.attrs.get("number"), "doc_type": a.attrs.get("doc_type"), "date": a.attrs.get("date"),
                "title": a.attrs.get("title"), "source": a.attrs.get("source"), "node": a.node},
            "days_late": self.days_late,
        }


def occurrence_days(deadline: Deadline, doc: Document, as_of: date) -> list[date]:
    """The occurrences from the document's start through ``as_of`` and the first after it.

    A recurring deadline's first occurrence is skipped when it falls too soon after the
    document to be meant by it (within a quarter of the period, at most 30 days): a
    directive of 26 November asking for a report "trước ngày 30/11 hằng năm" asks for the
    next year's, not for one four days later."""
    start = document_start(doc) or date(1900, 1, 1)
    days = [o.day for o in expand(deadline, doc, start, as_of + LOOKAHEAD)]
    if deadline.rrule and days:
        period = (days[1] - days[0]).days if len(days) > 1 else 365
        if (days[0] - start).days < min(30, period / 4):
            days = days[1:]
    past = [d for d in days if d <= as_of]
    future = [d for d in days if d > as_of]
    return past + future[:1]


def time_status(day: date, as_of: date) -> str:
    """``overdue``, ``due`` or ``upcoming`` for an occurrence nobody has answered."""
    if day < as_of:
        return OVERDUE
    return DUE if (day - as_of).days <= DUE_WITHIN else UPCOMING


def match_answers(days: Sequence[date], candidates: Sequence[Action], as_of: date,
                  not_before: date | None = None) -> dict[int, tuple[Action, bool]]:
    """Occurrence index → (answer, on time), one answer per occurrence (see module doc)."""
    known = sorted((a for a in candidates if a.day is not None and a.day <= as_of
                    and (not_before is None or a.day >= not_before)), key=lambda a: (a.day, a.node))
    taken: dict[int, tuple[Action, bool]] = {}
    for a in known:
        d = a.day
        assert d is not None
        before = [k for k, o in enumerate(days) if o < d and k not in taken]
        if before:
            k = before[-1]
            gap = (days[k + 1] - days[k]).days if k + 1 < len(days) else None
            if gap is None or (d - days[k]).days * 2 <= gap:
                taken[k] = (a, False)
                continue
        after = [k for k, o in enumerate(days) if o >= d and k not in taken]
        if after:
            taken[after[0]] = (a, True)
    return taken


def unit_dues(deadline: Deadline, doc: Document, candidates: Sequence[Action], as_of: date) -> list[Due]:
    """The occurrences of ``deadline`` (of ``doc``) for one unit whose documents are ``candidates``."""
    days = occurrence_days(deadline, doc, as_of)
    pool = [a for a in candidates if a.report] if asks_report(deadline) else [a for a in candidates if not a.report]
    taken = match_answers(days, pool, as_of, document_start(doc))
    out = []
    for k, day in enumerate(days):
        hit = taken.get(k)
        if hit is None:
            out.append(Due(deadline, day, time_status(day, as_of)))
        else:
            answer, on_time = hit
            late = None if on_time or answer.day is None else (answer.day - day).days
            out.append(Due(deadline, day, MET if on_time else LATE, answer, late))
    return out


def overall(statuses: Sequence[str]) -> str | None:
    """One status for an occurrence owed by several units: ``met`` when all met it, ``late``
    when all answered, else the time status (the worst open one)."""
    if not statuses:
        return None
    if all(s == MET for s in statuses):
        return MET
    if all(s in (MET, LATE) for s in statuses):
        return LATE
    for s in (OVERDUE, DUE, UPCOMING):
        if s in statuses:
            return s
    return statuses[0]
