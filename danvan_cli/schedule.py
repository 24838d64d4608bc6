"""Deadline occurrences in a window of time, and their exports (JSON rows, CSV, iCalendar).

A one-off deadline occurs once, on its date (a partial date — ``2026-04`` or
``2025`` — falls on the last day of its month or year, the latest it can be met).
A recurring one is an RFC 5545 rule, expanded with ``dateutil`` from the later of
the window's start and the document's own start: a 2018 directive does not ask for
a 2017 report. Occurrences past the document's horizon (``Deadline.until``) are
*expired*: left out unless asked for, because a directive "đến năm 2020" no longer
binds anyone in 2025 — but an official may still want to see what it used to ask.
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from dateutil.rrule import rrulestr

from .model import Deadline, Document
from .text.normalize import ascii_key


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One due date of one deadline of one document."""

    day: date
    date: str
    deadline: Deadline
    doc: Document
    expired: bool = False
    time: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The row of ``danvan deadlines --format json`` (keys in output-contract.md)."""
        dl, doc = self.deadline, self.doc
        return {
            "date": self.date,
            "approximate": dl.approximate,
            "text": dl.text,
            "action": dl.action,
            "assignees": list(dl.assignees),
            "source": doc.source,
            "document": {
                "number": doc.number,
                "doc_type": doc.doc_type,
                "issuer": doc.issuer.name if doc.issuer else None,
                "title": doc.title,
            },
            "rrule": dl.rrule,
            "expired": self.expired,
            "time": self.time,
            "granularity": dl.granularity,
            "until": dl.until,
            "span": dl.span.to_dict(),
        }


def parse_iso(s: str | None) -> date | None:
    """``2025-11-30`` → that day; ``2026-04`` → 2026-04-30; ``2025`` → 2025-12-31 (the latest day)."""
    if not s:
        return None
    parts = s.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return date(y, 12, 31)
        m = int(parts[1])
        if len(parts) == 2:
            return date(y, m, calendar.monthrange(y, m)[1])
        return date(y, m, int(parts[2]))
    except (ValueError, IndexError):
        return None


def document_start(doc: Document) -> date | None:
    """The first day a document can ask anything for: its date, else 1 January of its year."""
    if doc.date:
        parts = doc.date.split("-")
        try:
            y = int(parts[0])
            m = int(parts[1]) if len(parts) > 1 else 1
            d = int(parts[2]) if len(parts) > 2 else 1
            return date(y, m, d)
        except ValueError:
            return None
    if doc.year:
        return date(doc.year, 1, 1)
    return None


def _time_of(rule: str) -> str | None:
    fields = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    if "BYHOUR" not in fields:
        return None
    return f"{int(fields['BYHOUR']):02d}:{int(fields.get('BYMINUTE', '0')):02d}"


@lru_cache(maxsize=4096)
def _rule_days(rule: str, begin: date, end: date) -> tuple[date, ...]:
    """The days of an RFC 5545 rule in ``[begin, end]``; the same rule over the same window is
    expanded once (a corpus repeats ``hằng năm``, ``hằng quý`` thousands of times)."""
    try:
        rr = rrulestr(rule, dtstart=datetime(begin.year, begin.month, begin.day))
        return tuple(dt.date() for dt in rr.between(datetime.combine(begin, datetime.min.time()),
                                                    datetime.combine(end, datetime.max.time()), inc=True))
    except (ValueError, TypeError):
        return ()


def expand(deadline: Deadline, doc: Document, start: date, end: date, include_expired: bool = False) -> list[Occurrence]:
    """The occurrences of one deadline in ``[start, end]`` (both days included)."""
    until = parse_iso(deadline.until)
    if deadline.rrule:
        begin = start
        dstart = document_start(doc)
        if dstart is not None and dstart > begin:
            begin = dstart
        if begin > end:
            return []
        out = []
        for day in _rule_days(deadline.rrule, begin, end):
            expired = until is not None and day > until
            if expired and not include_expired:
                continue
            out.append(Occurrence(day, day.isoformat(), deadline, doc, expired, _time_of(deadline.rrule)))
        return out
    day = parse_iso(deadline.date)
    if day is None or not start <= day <= end:
        return []
    return [Occurrence(day, deadline.date or day.isoformat(), deadline, doc)]


def matches_assignee(deadline: Deadline, needle: str | None) -> bool:
    """``--assignee "so noi vu"`` finds ``Sở Nội vụ``: accents and case ignored; the action
    is searched too, since ``báo cáo UBND tỉnh (qua Sở Nội vụ)`` concerns Sở Nội vụ."""
    if not needle:
        return True
    key = ascii_key(needle)
    return any(key in ascii_key(a) for a in deadline.assignees) or key in ascii_key(deadline.action)


def occurrences(
    docs: Iterable[Document],
    start: date,
    end: date,
    *,
    include_expired: bool = False,
    assignee: str | None = None,
) -> list[Occurrence]:
    """All occurrences of all deadlines of ``docs`` in the window, sorted by date then source."""
    out: list[Occurrence] = []
    for doc in docs:
        for dl in doc.deadlines:
            if matches_assignee(dl, assignee):
                out.extend(expand(dl, doc, start, end, include_expired))
    out.sort(key=lambda o: (o.day, o.time or "", o.doc.source, o.deadline.span.start))
    return out


# --- exports --------------------------------------------------------------------------------

CSV_COLUMNS = ["date", "time", "approximate", "expired", "text", "action", "assignees", "source",
               "number", "doc_type", "issuer", "title", "rrule"]


def to_csv(occs: list[Occurrence], statuses: list[str] | None = None) -> str:
    """One row per occurrence, assignees joined with ``; `` (their names hold commas);
    a last ``status`` column when ``statuses`` are given (``deadlines --as-of``)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS + (["status"] if statuses is not None else []))
    for i, o in enumerate(occs):
        d = o.to_dict()
        w.writerow([d["date"], d["time"] or "", str(d["approximate"]).lower(), str(d["expired"]).lower(),
                    d["text"], d["action"], "; ".join(d["assignees"]), d["source"], d["document"]["number"] or "",
                    d["document"]["doc_type"] or "", d["document"]["issuer"] or "", d["document"]["title"] or "",
                    d["rrule"] or ""] + ([statuses[i]] if statuses is not None else []))
    return buf.getvalue()


def _uid(o: Occurrence, per_rule: bool) -> str:
    key = f"{o.doc.source}|{o.deadline.span.start}|{o.deadline.rrule if per_rule else o.date}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@danvan"


def _summary(o: Occurrence) -> str:
    what = o.deadline.action or o.deadline.text
    return ("~ " if o.deadline.approximate else "") + what


def _description(o: Occurrence) -> str:
    from .i18n import _

    dl, doc = o.deadline, o.doc
    lines = [_("Deadline: {text}").format(text=dl.text)]
    if dl.assignees:
        lines.append(_("Who: {units}").format(units="; ".join(dl.assignees)))
    ident = " ".join(x for x in (doc.doc_type, doc.number) if x)
    if ident or doc.title:
        lines.append(_("Document: {document}").format(document=" - ".join(x for x in (ident, doc.title) if x)))
    lines.append(_("Source: {source}").format(source=doc.source))
    if dl.approximate:
        lines.append(_("Approximate day (the document names no exact day)."))
    return "\n".join(lines)


def to_ics(occs: list[Occurrence], *, include_expired: bool = False, end: date | None = None) -> bytes:
    """An iCalendar file: one event per one-off deadline, one recurring event per rule.

    A rule's event starts at its first occurrence in the window and carries the RRULE,
    bounded (``UNTIL``) by the end of the window asked for (``end``; by default the rule's
    last occurrence in ``occs``) and, unless expired ones were asked for, by the
    document's horizon: a yearly deadline never repeats past the year asked for.
    """
    from icalendar import Calendar, Event, vRecur

    from .i18n import _

    cal = Calendar()
    cal.add("prodid", "-//danvan//deadlines//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("danvan: deadlines of documents"))
    stamp = datetime.now(UTC).replace(microsecond=0)
    last: dict[tuple[str, int], date] = {}
    for o in occs:
        if o.deadline.rrule:
            key = (o.doc.source, o.deadline.span.start)
            last[key] = max(last.get(key, o.day), o.day)
    seen_rules: set[tuple[str, int]] = set()
    for o in occs:
        dl = o.deadline
        ev = Event()
        if dl.rrule:
            key = (o.doc.source, dl.span.start)
            if key in seen_rules:
                continue
            seen_rules.add(key)
            ev.add("uid", _uid(o, True))
            recur = vRecur.from_ical(dl.rrule)
            recur.pop("COUNT", None)  # UNTIL bounds it (RFC 5545: never both)
            until = end or last[key]
            horizon = parse_iso(dl.until)
            if horizon is not None and not include_expired:
                until = min(until, horizon)
            recur["UNTIL"] = [until if o.time is None else datetime.combine(until, datetime.max.time().replace(microsecond=0))]
            if o.time is not None:
                h, m = (int(x) for x in o.time.split(":"))
                ev.add("dtstart", datetime.combine(o.day, datetime.min.time()).replace(hour=h, minute=m))
            else:
                ev.add("dtstart", o.day)
            ev.add("rrule", recur)
        else:
            ev.add("uid", _uid(o, False))
            ev.add("dtstart", o.day)
            ev.add("dtend", o.day + timedelta(days=1))
        ev.add("dtstamp", stamp)
        ev.add("summary", _summary(o))
        ev.add("description", _description(o))
        ev.add("categories", ["danvan"])
        cal.add_component(ev)
    return cal.to_ical()
