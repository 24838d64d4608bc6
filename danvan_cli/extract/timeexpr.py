"""Time expressions of Vietnamese directives: what a deadline can be written as.

This module only *reads* a time phrase at a given place (after a cue such as
``trước`` or ``chậm nhất``) or finds the self-standing recurring forms
(``ngày 15 hằng tháng``, ``15:00 ngày thứ Sáu hàng tuần``, ``định kỳ 6 tháng``).
Whether a phrase is a deadline at all (a cue, an action, not a cited document's
date) is decided by :mod:`danvan_cli.extract.deadlines`, which knows the context.

Forms read here, on the matching view (Markdown marks blanked):

- a full date (``10/12/2022``, ``ngày 03 tháng 02 năm 2026``) via :mod:`.dates`;
- a day and month (``ngày 25/11``, ``ngày 15 tháng 10``), year from the document;
- a quarter (``quý II/2020``, ``quý IV năm 2025``, ``quý 3``): its last day;
- a month (``tháng 4/2026``, ``tháng 4 năm 2026``): ``2026-04``;
- a year (``năm 2025``): ``2025``;
- a position in a period (``giữa tháng 4/2026``, ``cuối quý II``, ``cuối năm 2025``): approximate;
- recurring positions (``giữa các tháng cuối của mỗi quý``, ``cuối mỗi tháng``), a day of
  every month (``ngày mồng 5 hằng tháng``, ``ngày 20 của tháng trước đó``), a week of a
  month or of a quarter's month (``tuần đầu tiên của tháng thứ 2 trong quý``);
- ranges (``từ ngày 10 đến ngày 15 tháng 12``, ``từ tháng 10/2023 đến quý II/2024``): the
  deadline is the range's end, its start kept; of two joined times the later;
- a day of the following year (``ngày 30 tháng 01 của năm tiếp theo``);
- times relative to an event (``trước ngày bầu cử 70 ngày``, ``sau khi có hướng dẫn``).

Every pattern is linear: bounded repetitions, no nested quantifiers, and every
search is bounded to a small window after the position it starts from.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from functools import cache

import regex

from ..refdata import alternation, words
from ..text.dates import DAY_MONTH, date_at, valid_ymd
from .scan import Anchored, held_word, may_hold

#: How far after a cue a time phrase may start (spaces left by blanked Markdown).
_LOOKAHEAD = 80

_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}

#: The parts of a day, the weekdays' numerals, the periods that repeat (``data/lexicon/time.yaml``).
_DAY_PARTS = alternation(words("time", "day_parts"))
_WEEKDAYS = alternation(words("time", "weekday_numerals"))
_PERIODS = alternation(words("time", "periods"))
#: A clock time before a day (``13 giờ 00, ngày 23/02/2021``, ``17h00 ngày 15/3``, ``8 giờ 30
#: phút sáng thứ Hai, ngày 5/2``): read through to the day.
_CLOCK = regex.compile(
    r"(?i)(?:lúc[ \t]{1,3})?\d{1,2}[ \t]{0,2}(?:giờ|h|g|:)[ \t]{0,2}(?:\d{2}(?!\d)[ \t]{0,2}(?:phút)?)?"
    rf"(?:[ \t]{{0,3}}(?:{_DAY_PARTS}))?[ \t]{{0,3}}[,\-–]?[ \t]{{0,3}}"
    rf"(?:(?:thứ[ \t]{{1,3}}(?:{_WEEKDAYS}|[2-7])|chủ[ \t]{{1,3}}nhật)[ \t]{{0,3}},?[ \t]{{0,3}})?(?=ngày|\d)"
)
#: The words of a repeating period and of a position in a period (``data/lexicon/deadlines.yaml``).
_EVERY = alternation(words("deadlines", "every_words"))
_POS = alternation(words("deadlines", "period_positions"))

QUARTER = regex.compile(
    r"(?i)quý\s{1,5}(?P<q>IV|III|II|I|[1-4])(?![\p{L}\d])(?:\s{0,3}[/\-]\s{0,3}" + _YEAR
    + r"|\s{1,5}năm\s{1,5}" + _YEAR.replace("P<y>", "P<y2>") + r")?"
)
MONTH_YEAR = regex.compile(
    r"(?i)tháng\s{1,5}(?P<m>\d{1,2})(?!\d)(?:\s{0,3}[/\-]\s{0,3}" + _YEAR
    + r"|\s{1,5}năm\s{1,5}" + _YEAR.replace("P<y>", "P<y2>") + r")"
)
#: ``năm 2025``; a span of years (``Năm 2025-2030``, ``năm 2025 đến 2030``, ``giai đoạn
#: 2026 - 2030``) is due at its end, the first year kept as the start.
YEAR = regex.compile(
    r"(?i)(?:năm|(?P<span>giai\s{1,5}đoạn)(?:\s{1,5}năm)?)\s{1,5}" + _YEAR
    + r"(?:(?:\s{0,3}[-–]\s{0,3}|\s{1,5}(?:đến|tới)\s{1,5}(?:năm\s{1,5})?)(?P<y_end>(?:19|20)\d{2})(?!\d))?"
)
RANGE = regex.compile(
    r"(?i)từ\s{1,40}ngày\s{1,40}(?P<d1>\d{1,2})(?:\s{0,2}/\s{0,2}(?P<m1>\d{1,2}))?(?![\d/])"
    r"\s{1,40}(?:đến|tới|-|–)\s{1,40}(?:hết\s{1,5})?ngày\s{1,40}(?P<d2>\d{1,2})"
    r"(?:\s{0,2}/\s{0,2}(?P<m2>\d{1,2})(?:\s{0,2}/\s{0,2}(?P<y>(?:19|20)\d{2}))?"
    r"|\s{1,40}tháng\s{1,10}(?P<m3>\d{1,2})(?:\s{1,10}năm\s{1,10}(?P<y3>(?:19|20)\d{2}))?)?(?![\d/])"
)
POSITION = regex.compile(rf"(?i)(?P<pos>{_POS})\s{{1,5}}")
#: ``giữa các tháng cuối của mỗi quý``, ``cuối mỗi quý``, ``đầu hằng tháng``, ``cuối các tháng``
RECURRING_POSITION = regex.compile(
    rf"(?i)(?P<pos>{_POS})\s{{1,5}}(?:(?:các|những)\s{{1,5}})?"
    r"(?:(?P<sub>tháng)\s{1,5}(?P<which>đầu|cuối)\s{1,5}(?:(?:của|trong)\s{1,5})?)?"
    rf"(?P<every>{_EVERY}|các|từng)\s{{1,5}}(?P<period>{_PERIODS})(?!\p{{L}})"
)
RECURRENCE_WORD = regex.compile(rf"(?i)\s{{0,40}}[,(]?\s{{0,3}}(?P<every>{_EVERY})\s{{1,5}}(?P<period>{_PERIODS})(?!\p{{L}})")
#: ``ngày 15 hằng tháng``, ``đúng ngày mồng 5 hằng tháng``, ``vào ngày 20 của tháng trước đó``
#: (the 20th of the month before the one reported on: every month).
MONTHLY_DAY = regex.compile(
    r"(?i)(?<!\p{L})ngày\s{1,40}(?:(?:mồng|mùng)\s{1,5})?(?P<d>\d{1,2})(?![\d/])\s{1,10}"
    rf"(?:(?:{_EVERY}|của\s{{1,5}}(?:{_EVERY}))\s{{1,5}}tháng"
    r"|của\s{1,5}tháng\s{1,5}(?:trước(?:\s{1,5}đó)?|liền\s{1,5}trước|liền\s{1,5}kề\s{1,5}trước))(?!\p{L})"
)
#: ``tuần đầu tiên của tháng thứ 2 trong quý``, ``tuần cuối của mỗi tháng``: due by the end of
#: that week (approximate).
WEEK_OF_PERIOD = regex.compile(
    r"(?i)(?<!\p{L})tuần\s{1,5}(?P<w>đầu\s{1,5}tiên|đầu|thứ\s{1,5}(?:nhất|hai|ba|tư|[1-4])|cuối(?:\s{1,5}cùng)?)"
    rf"\s{{1,5}}(?:của|trong)\s{{1,5}}(?:(?:{_EVERY}|các)\s{{1,5}}tháng"
    r"|tháng\s{1,5}(?P<mq>thứ\s{1,5}(?:nhất|hai|ba|[1-3])|đầu|giữa|cuối)\s{1,5}(?:của|trong)\s{1,5}"
    rf"(?:(?:{_EVERY}|các|từng)\s{{1,5}})?quý)(?!\p{{L}})"
)
_WEEK_DAY = {"đầu tiên": 7, "đầu": 7, "thứ nhất": 7, "thứ 1": 7, "thứ hai": 14, "thứ 2": 14, "thứ ba": 21,
             "thứ 3": 21, "thứ tư": 28, "thứ 4": 28, "cuối": -1, "cuối cùng": -1}
_MONTH_OF_QUARTER = {"thứ nhất": 1, "thứ 1": 1, "đầu": 1, "thứ hai": 2, "thứ 2": 2, "giữa": 2, "thứ ba": 3,
                     "thứ 3": 3, "cuối": 3}
#: ``ngày 30 tháng 01 của năm tiếp theo``: the day-month falls in the year after.
_NEXT_YEAR = regex.compile(rf"(?i)\s{{1,5}}(?:của\s{{1,5}})?năm\s{{1,5}}(?:{alternation(words('time', 'next'))})(?!\p{{L}})")
#: Between the two ends of a range of periods: ``từ tháng 10/2023 đến quý II/2024``.
_RANGE_TO = regex.compile(r"(?i)\s{0,5}(?:đến|tới|-|–)\s{1,5}(?:hết\s{1,5})?")
#: A range from a day the text names by its event, not by a date (``từ ngày ra thông báo đến
#: hết``, ``từ khi nhận được văn bản đến``): what follows is the range's end.
_SINCE_EVENT = regex.compile(
    r"(?i)từ[ \t]{1,5}(?:ngày|khi)[ \t]{1,5}\p{L}[\p{L} \t]{0,60}?[ \t](?:đến|tới)[ \t]{1,5}(?:hết[ \t]{1,5})?(?=ngày|\d)"
)
#: Two times joined (``Quý III/2024 và Quý IV/2024``): the later one is the deadline.
_JOINED = regex.compile(r"(?i)[ \t]{0,3}(?:,|và|hoặc|-|–)[ \t]{0,3}")
WEEKLY = regex.compile(
    r"(?i)(?:(?P<h>\d{1,2})\s{0,2}(?::|h|giờ)\s{0,2}(?P<mi>\d{2})?\s{0,3}(?:,\s{0,3})?)?"
    rf"(?:(?:vào|các)\s{{1,5}})?(?:(?:{alternation(words('time', 'day_parts'))})\s{{1,5}})?(?:ngày\s{{1,5}})?(?P<wd>thứ\s{{1,5}}(?:{_WEEKDAYS}|[2-7])|chủ\s{{1,5}}nhật)"
    rf"\s{{1,5}}(?:{_EVERY}|các)\s{{1,5}}tuần(?!\p{{L}})"
)
EVERY_N_MONTHS = regex.compile(
    r"(?i)(?<!\p{L})(?:định\s{1,5}kỳ\s{1,5}(?P<n>\d{1,2}|sáu|ba)\s{1,5}tháng|(?:định\s{1,5}kỳ\s{1,5})?(?P<every>" + _EVERY + r")\s{1,5}(?P<period>quý|tháng))(?!\p{L})"
)
#: Tried only where ``định`` or an every-word stands (``scan.Anchored``: the same matches).
_EVERY_N_MONTHS_SCAN = Anchored(EVERY_N_MONTHS, ["định", *(w.split()[0] for w in words("deadlines", "every_words"))])
#: ``Báo cáo định kỳ hằng năm.`` with no day: due by the end of each year, approximately. Only
#: after ``định kỳ`` or a report (``báo cáo hằng năm``): elsewhere ``hằng năm`` qualifies a noun
#: (``chương trình công tác hằng năm``) or opens a sentence whose own date it makes yearly.
YEARLY_WORDS = regex.compile(
    r"(?i)(?:(?<!\p{L})định\s{1,5}kỳ\s{1,5}|(?<=(?<!\p{L})(?:báo\s{1,3}cáo|tổng\s{1,3}kết|sơ\s{1,3}kết)\s{1,5}))"
    rf"(?:{_EVERY})\s{{1,5}}năm(?!\p{{L}})"
)
#: Tried only where ``định`` or an every-word stands: a match starts there (the report words
#: before an every-word are a lookbehind).
_YEARLY_WORDS_SCAN = Anchored(YEARLY_WORDS, ["định", *(w.split()[0] for w in words("deadlines", "every_words"))])
YEARLY_APPROX = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"
#: ``báo cáo (sơ kết) 6 tháng đầu năm`` with no day: a report on each half year, due by the end
#: of June (December for ``6 tháng cuối năm``), approximately. Only after a report's words:
#: elsewhere the words name a period (``trong 6 tháng đầu năm, tỉnh đã ...``).
HALF_YEAR = regex.compile(
    r"(?i)(?<=(?<!\p{L})(?:báo\s{1,3}cáo|sơ\s{1,3}kết|tổng\s{1,3}kết)"
    r"(?:\s{1,3}(?:kết\s{1,3}quả|tình\s{1,3}hình|công\s{1,3}tác|định\s{1,3}kỳ))?\s{1,5})"
    r"(?:6|sáu)\s{1,5}tháng\s{1,5}(?P<half>đầu|cuối)\s{1,5}năm(?!\p{L})"
)
_HALF_YEAR_SCAN = Anchored(HALF_YEAR, ["6", "sáu"])
#: The word every weekly form (``WEEKLY``, ``WEEK_OF_PERIOD``) holds.
_WEEK = held_word("tuần")

_WEEKDAYS = {"hai": "MO", "2": "MO", "ba": "TU", "3": "TU", "tư": "WE", "4": "WE", "năm": "TH", "5": "TH",
             "sáu": "FR", "6": "FR", "bảy": "SA", "7": "SA"}
_POS_DAY = {"đầu": 1, "giữa": 15, "cuối": -1}


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time phrase read at a place: ``[start, end)`` in the view.

    ``date`` is ISO, partial for a month (``2026-04``) or a year (``2025``);
    ``rrule`` is set instead for a repeating one. ``month_day`` keeps a day-month
    whose year is not written, so the caller can make it yearly or date it.
    """

    start: int
    end: int
    date: str | None = None
    rrule: str | None = None
    approximate: bool = False
    granularity: str = "day"
    month_day: tuple[int, int] | None = None
    range_start: str | None = None


def last_day(year: int, month: int) -> int:
    """The last day of a month (28-31)."""
    return calendar.monthrange(year, month)[1]


def quarter_end(year: int, quarter: int) -> str:
    """``quý II/2020`` is due by 2020-06-30."""
    month = 3 * quarter
    return f"{year:04d}-{month:02d}-{last_day(year, month):02d}"


def _skip_spaces(view: str, pos: int) -> int:
    end = min(len(view), pos + _LOOKAHEAD)
    while pos < end and view[pos] in " \t\n":
        pos += 1
    return pos


def _yearly(month: int | str, day: int) -> str:
    return f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"


def read_time_at(view: str, pos: int, default_year: int | None) -> TimeExpr | None:
    """The time phrase starting at ``pos`` (spaces skipped), or ``None``.

    ``default_year`` dates a phrase that leaves the year out (a plan for 2025
    saying ``trước ngày 25/11``); without it such a phrase keeps ``date=None``
    and its ``month_day``.
    """
    pos = _skip_spaces(view, pos)
    window_end = min(len(view), pos + _LOOKAHEAD)
    if pos >= window_end:
        return None
    head = view[pos : pos + 6].casefold()

    clock = _CLOCK.match(view, pos, window_end)
    if clock is not None:  # "trước 13 giờ 00, ngày 23/02/2021": the day is due (the hour is finer than a deadline's day)
        dated = read_time_at(view, clock.end(), default_year)
        if dated is None or dated.rrule is not None:
            return None
        return replace(dated, start=pos)

    if head.startswith("từ"):
        return _read_range(view, pos, window_end, default_year)

    # a full date first: "ngày 10/12/2022" must not be read as the day-month "ngày 10/12"
    full = date_at(view, pos)
    if full is not None:
        gran = "day" if full.day is not None else "month"
        return TimeExpr(full.start if view[pos:full.start].strip() == "" else pos, full.end, full.iso,
                        granularity=gran)

    m = DAY_MONTH.match(view, pos, window_end)
    if m is not None:
        month, day = int(m.group("m1") or m.group("m2")), int(m.group("d"))
        if not valid_ymd(2000, month, day):
            return None
        end = m.end()
        year = default_year
        nxt = _NEXT_YEAR.match(view, end, min(len(view), end + 40))
        if nxt is not None:  # "trước ngày 30 tháng 01 của năm tiếp theo"
            end = nxt.end()
            year = default_year + 1 if default_year is not None else None
        date = None
        if year is not None and valid_ymd(year, month, day):
            date = f"{year:04d}-{month:02d}-{day:02d}"
        return TimeExpr(pos, end, date, month_day=(month, day))

    rp = RECURRING_POSITION.match(view, pos, window_end)
    if rp is not None:
        return _recurring_position(rp)

    approx = False
    day_pos: int | None = None
    p = POSITION.match(view, pos, window_end)
    inner = pos
    if p is not None:
        approx, day_pos, inner = True, _POS_DAY[p.group("pos").casefold()], p.end()

    q = QUARTER.match(view, inner, window_end)
    if q is not None:
        quarter = _ROMAN_Q[q.group("q").upper()]
        year_s = q.group("y") or q.group("y2")
        year = int(year_s) if year_s else default_year
        # a quarter with no year written ends on a day-month a "hằng năm" after it makes yearly
        # ("xong trong Quý I hằng năm" → every 31 March)
        ends = None if year_s or day_pos not in (None, -1) else (3 * quarter, last_day(2001, 3 * quarter))
        if year is None:
            return TimeExpr(pos, q.end(), None, approximate=approx, granularity="quarter", month_day=ends)
        if day_pos is None or day_pos == -1:
            return TimeExpr(pos, q.end(), quarter_end(year, quarter), approximate=approx, granularity="quarter",
                            month_day=ends)
        month = 3 * quarter - 2 if day_pos == 1 else 3 * quarter - 1
        return TimeExpr(pos, q.end(), f"{year:04d}-{month:02d}-{15 if day_pos == 15 else 1:02d}",
                        approximate=True, granularity="quarter")

    mm = MONTH_YEAR.match(view, inner, window_end)
    if mm is not None:
        month, year = int(mm.group("m")), int(mm.group("y") or mm.group("y2"))
        if not valid_ymd(year, month, None):
            return None
        if day_pos is None:
            return TimeExpr(pos, mm.end(), f"{year:04d}-{month:02d}", granularity="month")
        day = last_day(year, month) if day_pos == -1 else day_pos
        return TimeExpr(pos, mm.end(), f"{year:04d}-{month:02d}-{day:02d}", approximate=True)

    yy = YEAR.match(view, inner, window_end)
    if yy is not None and yy.group("y_end") and int(yy.group("y_end")) > int(yy.group("y")):
        end_year = int(yy.group("y_end"))  # "Năm 2025-2030": done when the span ends
        if day_pos is None:
            return TimeExpr(pos, yy.end(), f"{end_year:04d}", granularity="year", range_start=yy.group("y"))
        return TimeExpr(pos, yy.end(), f"{end_year:04d}-12-31", approximate=True)
    if yy is not None and (yy.group("span") is None or yy.group("y_end")):
        yy = YEAR.match(view, inner, yy.start("y") + 4)  # "năm 2025" alone (a reversed span: its first year)
    else:
        yy = None
    if yy is not None:
        year = int(yy.group("y"))
        if day_pos is None:
            return TimeExpr(pos, yy.end(), f"{year:04d}", granularity="year")
        month, day = {1: (1, 31), 15: (6, 30), -1: (12, 31)}[day_pos]
        return TimeExpr(pos, yy.end(), f"{year:04d}-{month:02d}-{day:02d}", approximate=True)
    return None


@dataclass(frozen=True, slots=True)
class BareDay:
    """``ngày 25`` with no month: ``[start, end)`` and the day."""

    start: int
    end: int
    day: int


_BARE_DAY = regex.compile(r"(?i)ngày[ \t]{1,5}(?:(?:mồng|mùng)[ \t]{1,5})?(?P<d>\d{1,2})(?!\d|[ \t]*+(?:tháng|[/\-]|\.\d))")


def bare_day_at(view: str, pos: int) -> BareDay | None:
    """The day alone at ``pos`` (``ngày 25``, not ``ngày 25/3`` nor ``ngày 25 tháng 3``)."""
    pos = _skip_spaces(view, pos)
    m = _BARE_DAY.match(view, pos, min(len(view), pos + 30))
    if m is None or not 1 <= int(m.group("d")) <= 31:
        return None
    return BareDay(m.start(), m.end(), int(m.group("d")))


def opens_with_hour(view: str, pos: int) -> bool:
    """Whether a clock hour before a day opens the text at ``pos`` (``13 giờ 30, ngày
    16/4/2020``, ``Lúc 8h00 thứ Hai, ngày ...``): the hour something starts at."""
    return _CLOCK.match(view, pos, min(len(view), pos + _LOOKAHEAD)) is not None


def read_deadline_time(view: str, pos: int, default_year: int | None) -> TimeExpr | None:
    """``read_time_at``, and of two times joined (``Quý III/2024 và Quý IV/2024``) the later:
    a task due in two periods is done when the later one ends."""
    expr = read_time_at(view, pos, default_year)
    if expr is None or expr.rrule is not None or expr.date is None:
        return expr
    j = _JOINED.match(view, expr.end, min(len(view), expr.end + 12))
    if j is None or view[expr.end : j.end()].strip() == "":
        return expr
    other = read_time_at(view, j.end(), default_year)
    if other is None or other.rrule is not None or other.date is None or other.range_start is not None:
        return expr
    if _latest_day(other.date) > _latest_day(expr.date):
        return replace(other, start=expr.start)
    return replace(expr, end=other.end)


def _latest_day(iso: str) -> str:
    """The last day a partial ISO date can mean, for comparing: ``2024-09`` → ``2024-09-31``."""
    parts = iso.split("-")
    return "-".join(parts + ["99"] * (3 - len(parts)))


def _read_range(view: str, pos: int, window_end: int, default_year: int | None) -> TimeExpr | None:
    """``từ ngày 10 đến ngày 15 tháng 12``, ``từ tháng 10/2023 đến quý II/2024``: due by the
    end of the range; its start is kept."""
    m = RANGE.match(view, pos, min(len(view), pos + 2 * _LOOKAHEAD))
    if m is None:
        return _read_period_range(view, pos, default_year)
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    m2s = m.group("m2") or m.group("m3")
    m1s = m.group("m1") or m2s
    year_s = m.group("y") or m.group("y3")
    if m2s is None:  # "từ ngày 10 đến ngày 15 hằng tháng"
        rec = RECURRENCE_WORD.match(view, m.end(), min(len(view), m.end() + 60))
        if rec is not None and rec.group("period").casefold() == "tháng" and 1 <= d2 <= 31:
            return TimeExpr(pos, rec.end(), rrule=f"FREQ=MONTHLY;BYMONTHDAY={d2}")
        return None
    month2, month1 = int(m2s), int(m1s)
    if not (valid_ymd(2000, month2, d2) and valid_ymd(2000, month1, d1)):
        return None
    year = int(year_s) if year_s else default_year
    if year is None:
        return TimeExpr(pos, m.end(), None, month_day=(month2, d2))
    return TimeExpr(pos, m.end(), f"{year:04d}-{month2:02d}-{d2:02d}", month_day=(month2, d2),
                    range_start=f"{year:04d}-{month1:02d}-{d1:02d}")


def _read_period_range(view: str, pos: int, default_year: int | None) -> TimeExpr | None:
    """``Từ tháng 10/2023 đến quý II/2024``, ``từ ngày 01/10/2023 đến ngày 31/12/2023``: two
    times of any kind; the end is the deadline and the start is kept. A range that opens on
    the text's own day (``từ ngày phát hành văn bản đến hết ngày 10/10/2021``, ``Từ ngày thông
    báo đến ngày 30/6/2021``) is due at its end too, with no start to keep."""
    first = read_time_at(view, pos + 2, default_year)
    if first is None:
        since = _SINCE_EVENT.match(view, pos, min(len(view), pos + 2 * _LOOKAHEAD))
        if since is None:
            return None
        second = read_time_at(view, since.end(), default_year)
        if second is None or second.rrule is not None or second.date is None:
            return None
        return replace(second, start=pos, range_start=None)
    if first.rrule is not None:
        return None
    to = _RANGE_TO.match(view, first.end, min(len(view), first.end + 20))
    if to is None:
        return None
    second = read_time_at(view, to.end(), default_year)
    if second is None or second.rrule is not None or second.date is None:
        return None
    return replace(second, start=pos, range_start=first.date)


def _recurring_position(m: regex.Match[str]) -> TimeExpr:
    """``giữa các tháng cuối của mỗi quý`` → the 15th of March, June, September, December."""
    day = _POS_DAY[m.group("pos").casefold()]
    period = m.group("period").casefold()
    which = (m.group("which") or "").casefold()
    if period == "quý":
        months = "1,4,7,10" if (which == "đầu" or (not which and day == 1)) else "3,6,9,12"
        if not which and day == 15:
            months = "2,5,8,11"  # "giữa quý": the middle month
        rule = f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={day}"
    elif period == "tháng":
        rule = f"FREQ=MONTHLY;BYMONTHDAY={day}"
    elif period == "năm":
        month, mday = {1: (1, 1), 15: (6, 15), -1: (12, -1)}[day]
        rule = _yearly(month, mday)
    else:  # tuần
        wd = {1: "MO", 15: "WE", -1: "FR"}[day]
        rule = f"FREQ=WEEKLY;BYDAY={wd}"
    return TimeExpr(m.start(), m.end(), rrule=rule, approximate=True)


def recurrence_after(view: str, pos: int) -> tuple[str, int] | None:
    """``hàng năm`` / ``hằng tháng`` right after a phrase: (period, end) or ``None``."""
    m = RECURRENCE_WORD.match(view, pos, min(len(view), pos + 60))
    if m is None:
        return None
    return m.group("period").casefold(), m.end()


def make_recurring(expr: TimeExpr, period: str, end: int) -> TimeExpr | None:
    """Turn ``ngày 30/11`` + ``hàng năm`` into a yearly rule (or a monthly one)."""
    if expr.month_day is not None and period == "năm":
        month, day = expr.month_day
        return replace(expr, end=end, date=None, rrule=_yearly(month, day), range_start=None)
    if expr.month_day is not None and period == "tháng" and expr.granularity == "day":
        return replace(expr, end=end, date=None, rrule=f"FREQ=MONTHLY;BYMONTHDAY={expr.month_day[1]}")
    return None


@dataclass(frozen=True, slots=True)
class Standalone:
    """A recurring phrase that needs no cue word (``ngày 15 hằng tháng``)."""

    start: int
    end: int
    rrule: str
    approximate: bool


def find_standalone_recurrences(view: str, start: int = 0, end: int | None = None) -> list[Standalone]:
    """Monthly days, weekly days (with a time), ``định kỳ 6 tháng``, ``hàng quý``, ``hằng năm``,
    a week of a month (``tuần đầu tiên của tháng thứ 2 trong quý``)."""
    end = len(view) if end is None else end
    out: list[Standalone] = []
    for m in MONTHLY_DAY.finditer(view, start, end):
        day = int(m.group("d"))
        if 1 <= day <= 31:
            out.append(Standalone(m.start(), m.end(), f"FREQ=MONTHLY;BYMONTHDAY={day}", False))
    # every weekly form holds "tuần": a stretch without it is not scanned for them
    weeks = may_hold(view, _WEEK, start, end)
    for m in (WEEKLY.finditer(view, start, end) if weeks else ()):
        wd_words = m.group("wd").casefold().split()
        code = "SU" if wd_words[0] == "chủ" else _WEEKDAYS.get(wd_words[-1])
        if code is None:
            continue
        rule = f"FREQ=WEEKLY;BYDAY={code}"
        h = m.group("h")
        if h is not None and int(h) < 24:
            rule += f";BYHOUR={int(h)};BYMINUTE={int(m.group('mi') or 0)}"
        s = m.start() if h is not None else m.start("wd")
        if h is None and view[m.start() : m.start("wd")].strip():
            s = m.start()
        out.append(Standalone(s, m.end(), rule, False))
    for m in _EVERY_N_MONTHS_SCAN.finditer(view, start, end):
        n = m.group("n")
        if n is not None:
            months = {"sáu": 6, "ba": 3}.get(n.casefold()) or int(n)
            if months == 1:  # "định kỳ 01 tháng": every month
                rule = "FREQ=MONTHLY;BYMONTHDAY=-1"
            elif months == 6:
                rule = "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"
            elif months == 3:
                rule = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
            elif months == 12:
                rule = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1"
            elif 1 <= months <= 12 and 12 % months == 0:
                bymonth = ",".join(str(k) for k in range(months, 13, months))
                rule = f"FREQ=YEARLY;BYMONTH={bymonth};BYMONTHDAY=-1"
            else:
                continue
        elif m.group("period").casefold() == "quý":
            rule = "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
        else:
            rule = "FREQ=MONTHLY;BYMONTHDAY=-1"
        out.append(Standalone(m.start(), m.end(), rule, True))
    for m in _YEARLY_WORDS_SCAN.finditer(view, start, end):
        out.append(Standalone(m.start(), m.end(), YEARLY_APPROX, True))
    for m in _HALF_YEAR_SCAN.finditer(view, start, end):
        month = 6 if m.group("half").casefold() == "đầu" else 12
        out.append(Standalone(m.start(), m.end(), f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY=-1", True))
    for m in (WEEK_OF_PERIOD.finditer(view, start, end) if weeks else ()):
        day = _WEEK_DAY[" ".join(m.group("w").casefold().split())]
        mq = m.group("mq")
        if mq is None:
            rule = f"FREQ=MONTHLY;BYMONTHDAY={day}"
        else:
            first = _MONTH_OF_QUARTER[" ".join(mq.casefold().split())]
            rule = f"FREQ=YEARLY;BYMONTH={','.join(str(first + 3 * k) for k in range(4))};BYMONTHDAY={day}"
        out.append(Standalone(m.start(), m.end(), rule, True))
    out.sort(key=lambda s: (s.start, -s.end))
    kept: list[Standalone] = []
    for s in out:  # "ngày 15 hằng tháng" holds "hằng tháng": keep the longer, earlier one
        if kept and s.start < kept[-1].end:
            continue
        kept.append(s)
    return kept


# --- the document's own time frame -------------------------------------------------

_HORIZON = regex.compile(
    r"(?i)(?:đến|tới)\s{1,5}năm\s{1,5}(?P<a>(?:19|20)\d{2})(?!\d)"
    r"|giai\s{1,5}đoạn\s{1,5}(?:(?:19|20)\d{2})\s{0,3}[-–]\s{0,3}(?P<b>(?:19|20)\d{2})(?!\d)"
    r"|(?:19|20)\d{2}\s{0,3}[-–]\s{0,3}(?P<c>(?:19|20)\d{2})(?!\d)"
)
_PLAN_YEAR = regex.compile(
    r"(?i)(?<!(?:đến|tới|định\s{1,3}hướng|tháng\s{1,5}\d{1,2})\s{1,5})năm\s{1,5}(?P<y>(?:19|20)\d{2})(?!\d|\s{0,3}[-–])"
)


def horizon_from_title(title: str | None) -> int | None:
    """The last year a programme runs to: ``đến năm 2020`` → 2020, ``giai đoạn 2021-2025`` → 2025.

    Where a title names both (``đến năm 2025, định hướng đến năm 2030``) the
    first is the programme's own horizon; the ``định hướng`` one is a vision.
    """
    if not title:
        return None
    m = _HORIZON.search(title[:2000])
    if m is None:
        return None
    return int(m.group("a") or m.group("b") or m.group("c"))


def plan_year_from_title(title: str | None) -> int | None:
    """The year a plan is for: ``... năm 2022 trên địa bàn tỉnh`` → 2022 (not ``đến năm 2020``)."""
    if not title:
        return None
    m = _PLAN_YEAR.search(title[:2000])
    return int(m.group("y")) if m else None


# --- times relative to an event ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Relative:
    """A time counted from an event the text names: ``trước ngày bầu cử 70 ngày`` (event
    ``bầu cử``, ``offset_days`` -70), ``sau khi có hướng dẫn`` (offset unknown: ``None``)."""

    start: int
    end: int
    event: str
    offset_days: int | None


#: An event: letters and blanks only (no date, no number), up to the clause's end.
_EVENT = r"(?P<event>\p{L}[\p{L} \t]{1,60}?)"
#: What ends it: a mark, or a word that opens the next clause (``data/lexicon/time.yaml``).
_EVENT_END = rf"(?=[ \t]*+(?:[,.;:\n()]|$)|[ \t]+(?:{alternation(words('time', 'event_enders'))})(?!\p{{L}}))"


@cache
def _relative_patterns() -> tuple[regex.Pattern[str], ...]:
    from ..refdata import alternation, words

    before = alternation(words("deadlines", "relative_before"))
    after = alternation(words("deadlines", "relative_after"))
    openers = alternation(words("deadlines", "event_openers"))
    return (
        # "trước ngày bầu cử 70 ngày"
        regex.compile(rf"(?i)(?<!\p{{L}})(?:{before})\s{{1,5}}ngày\s{{1,5}}(?!\d){_EVENT}\s{{1,5}}(?P<n>\d{{1,3}})\s{{1,5}}ngày(?!\p{{L}})"),
        # "chậm nhất 10 ngày trước ngày khai mạc", "10 ngày làm việc trước ngày họp"
        regex.compile(
            rf"(?i)(?<!\p{{L}})(?:(?:{before}|ít\s{{1,3}}nhất)\s{{1,5}})?(?P<n>\d{{1,3}})\s{{1,5}}ngày\s{{1,5}}"
            rf"(?:làm\s{{1,3}}việc\s{{1,5}})?trước\s{{1,5}}ngày\s{{1,5}}(?!\d){_EVENT}{_EVENT_END}"
        ),
        # "trong vòng 05 ngày kể từ ngày nhận được", "chậm nhất 15 ngày sau khi kết thúc"
        regex.compile(
            rf"(?i)(?<!\p{{L}})(?:trong(?:\s{{1,3}}(?:{alternation(words('time', 'within'))}))?|chậm\s{{1,3}}nhất|không\s{{1,3}}quá)"
            rf"\s{{1,5}}(?P<after>\d{{1,3}})\s{{1,5}}ngày\s{{1,5}}(?:làm\s{{1,3}}việc\s{{1,5}})?(?:{after}|sau|từ)\s{{1,5}}(?:(?:ngày|khi)\s{{1,5}})?(?!\d){_EVENT}{_EVENT_END}"
        ),
        # "sau khi có hướng dẫn của tỉnh", "ngay sau khi kết thúc hội nghị": an event the text
        # names (``event_openers``), not a step of the work itself ("sau khi nghiên cứu")
        regex.compile(rf"(?i)(?<!\p{{L}})(?:ngay\s{{1,3}})?sau\s{{1,3}}khi\s{{1,5}}(?:đã\s{{1,3}})?"
                      rf"(?=(?:{openers})(?!\p{{L}})){_EVENT}{_EVENT_END}"),
    )


#: What every relative form holds — a count of days (``70 ngày``, ``05 ngày kể từ``) or
#: ``sau khi`` — found first (a cheap, case-sensitive scan), so that the full forms are tried
#: only in a window around it.
_RELATIVE_HINT = regex.compile(r"\d{1,3}[ \t\n]+(?:[Nn]gày|NGÀY)(?![ \t]*\d)|(?:[Ss]au|SAU)[ \t\n]+(?:khi|KHI)(?!\p{L})")


#: How far before and after a hint a relative form may start and end.
_HINT_BEFORE, _HINT_AFTER = 60, 140


def find_relative(view: str, start: int = 0, end: int | None = None) -> list[Relative]:
    """Times relative to an event in ``view[start:end]``, in order, not overlapping."""
    end = len(view) if end is None else end
    windows: list[tuple[int, int]] = []
    for h in _RELATIVE_HINT.finditer(view, start, end):
        a, b = max(start, h.start() - _HINT_BEFORE), min(end, h.end() + _HINT_AFTER)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    out: list[Relative] = []
    for pat in _relative_patterns() if windows else ():
        for m in (m for a, b in windows for m in pat.finditer(view, a, b)):
            event = " ".join(m.group("event").split())
            if len(event.split()) < 2 or event.casefold().startswith(("tháng ", "năm ", "quý ")):
                continue  # "sau khi thi", "sau khi có": no event named
            n = m.groupdict().get("n")
            after = m.groupdict().get("after")
            offset = -int(n) if n else (int(after) if after else None)
            out.append(Relative(m.start(), m.end(), event, offset))
    out.sort(key=lambda r: (r.start, -r.end))
    kept: list[Relative] = []
    for r in out:
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return kept
