"""Dates as Vietnamese documents write them, to ISO 8601.

Forms: ``26/11/2021``, ``30-7-2021`` (Party style), ``26.11.2021``,
``ngày 05 tháng 4 năm 2018`` (``ngày mồng 2 tháng 9 năm 2025``), and the blank-day form of unsent drafts,
``ngày   tháng 02 năm 2025`` (→ ``2025-02``). Day-month without a year
(``ngày 25/11``, ``ngày 15 tháng 10``) is found by ``find_day_months`` for the
deadline extractor, which knows which year is meant.

All patterns run on the matching view (Markdown marks blanked) and are linear:
bounded digit runs, no nested quantifiers.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import regex

# \s here may cross a line break: page breaks split dates in real texts. A day or month stamped
# at signing may stand glued to its word (``ngày11 tháng12``, ``tháng 04năm 2021``).
_SEP = r"[ \t]{0,2}[/.\-][ \t]{0,2}"
NUMERIC_DATE = regex.compile(
    rf"(?<![\d/.\-])(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>(?:19|20)\d{{2}})(?![\d/]|[.\-]\d)"
)
#: ``ngày mồng 5``, ``ngày mùng 10``: the word some texts put before a day of the month.
_MONG = r"(?:(?:mồng|mùng)\s{1,5})?"
VERBAL_DATE = regex.compile(
    rf"(?i)(?<!\p{{L}})ngày\s{{0,40}}{_MONG}(?P<d>\d{{1,2}})?\s{{0,40}}tháng\s{{0,10}}(?P<m>\d{{1,2}})\s{{0,10}}năm\s{{0,10}}(?P<y>(?:19|20)\d{{2}})(?!\d)"
)
DAY_MONTH = regex.compile(
    rf"(?i)(?<!\p{{L}})ngày\s{{1,10}}{_MONG}(?P<d>\d{{1,2}})(?:\s{{0,2}}/\s{{0,2}}(?P<m1>\d{{1,2}})(?![\d/])|\s{{1,10}}tháng\s{{1,10}}(?P<m2>\d{{1,2}})(?!\d|\s{{1,10}}năm|\s{{0,2}}/))"
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    year: int
    month: int
    day: int | None

    @property
    def iso(self) -> str:
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def valid_ymd(year: int, month: int, day: int | None) -> bool:
    """A real calendar date (``31/2/2021`` is not one)."""
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _make(m: regex.Match[str]) -> DateMatch | None:
    d = m.group("d")
    day = int(d) if d else None
    month, year = int(m.group("m")), int(m.group("y"))
    if not valid_ymd(year, month, day):
        return None
    return DateMatch(m.start(), m.end(), year, month, day)


def find_dates(view: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every full (or blank-day) date in ``view[start:end]``, in order of position."""
    end = len(view) if end is None else end
    found: list[DateMatch] = []
    for pattern in (NUMERIC_DATE, VERBAL_DATE):
        for m in pattern.finditer(view, start, end):
            dm = _make(m)
            if dm is not None:
                found.append(dm)
    found.sort(key=lambda x: x.start)
    # a verbal date contains no numeric one and vice versa, but be safe about overlaps
    out: list[DateMatch] = []
    for dm in found:
        if out and dm.start < out[-1].end:
            continue
        out.append(dm)
    return out


def date_at(view: str, pos: int, limit: int = 60) -> DateMatch | None:
    """The date starting at ``pos`` (after optional spaces and ``ngày``), or ``None``."""
    window_end = min(len(view), pos + limit)
    for pattern in (NUMERIC_DATE, VERBAL_DATE):
        m = pattern.search(view, pos, window_end)
        if m is not None and not view[pos : m.start()].strip(" \t\n,").casefold().replace("ngày", "").strip():
            dm = _make(m)
            if dm is not None:
                return dm
    return None


@dataclass(frozen=True, slots=True)
class DayMonth:
    start: int
    end: int
    month: int
    day: int


def find_day_months(view: str, start: int = 0, end: int | None = None) -> list[DayMonth]:
    """``ngày 25/11``, ``ngày 15 tháng 10``: a day and month with no year."""
    end = len(view) if end is None else end
    out = []
    for m in DAY_MONTH.finditer(view, start, end):
        month = int(m.group("m1") or m.group("m2"))
        day = int(m.group("d"))
        if valid_ymd(2000, month, day):  # 2000 is a leap year: 29/2 stays valid
            out.append(DayMonth(m.start(), m.end(), month, day))
    return out
