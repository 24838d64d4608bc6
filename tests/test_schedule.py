"""Occurrences in a window, horizons, and the exports (the ICS is read back by icalendar)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from icalendar import Calendar

from danvan_cli.model import Deadline, Document, Issuer, Span
from danvan_cli.schedule import (
    expand,
    matches_assignee,
    occurrences,
    parse_iso,
    to_csv,
    to_ics,
)


def doc_with(*deadlines: Deadline, **meta: object) -> Document:
    d = Document(source="x.txt", doc_type="Kế hoạch", number="12/KH-UBND", issuer=Issuer("UBND tỉnh X"),
                 title="Kế hoạch thử", **meta)  # type: ignore[arg-type]
    d.deadlines = list(deadlines)
    return d


def dl(**kw: object) -> Deadline:
    base: dict = {"text": "trước ngày 30/11 hàng năm", "span": Span(10, 30), "action": "báo cáo UBND tỉnh",
                  "assignees": ["Sở Nội vụ"]}
    base.update(kw)
    return Deadline(**base)


Y2025 = (date(2025, 1, 1), date(2025, 12, 31))


def test_parse_iso_partial_dates_fall_on_the_last_day() -> None:
    assert parse_iso("2025-11-30") == date(2025, 11, 30)
    assert parse_iso("2026-04") == date(2026, 4, 30)
    assert parse_iso("2024-02") == date(2024, 2, 29)
    assert parse_iso("2025") == date(2025, 12, 31)
    assert parse_iso(None) is None and parse_iso("junk") is None


def test_one_off_inside_and_outside_the_window() -> None:
    d = doc_with(dl(date="2025-11-25", text="trước ngày 25/11"))
    assert [o.date for o in expand(d.deadlines[0], d, *Y2025)] == ["2025-11-25"]
    assert expand(d.deadlines[0], d, date(2026, 1, 1), date(2026, 12, 31)) == []


def test_month_deadline_keeps_its_partial_date() -> None:
    d = doc_with(dl(date="2026-04", granularity="month"))
    occ = expand(d.deadlines[0], d, date(2026, 4, 1), date(2026, 4, 30))
    assert [(o.date, o.day) for o in occ] == [("2026-04", date(2026, 4, 30))]


def test_yearly_rule() -> None:
    d = doc_with(dl(rrule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30"))
    assert [o.date for o in expand(d.deadlines[0], d, *Y2025)] == ["2025-11-30"]


def test_quarterly_mid_month_rule() -> None:
    d = doc_with(dl(rrule="FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", approximate=True, until="2025-12-31"),
                 year=2025)
    assert [o.date for o in expand(d.deadlines[0], d, *Y2025)] == ["2025-03-15", "2025-06-15", "2025-09-15", "2025-12-15"]


def test_end_of_month_and_weekly_rules() -> None:
    d = doc_with(dl(rrule="FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"))
    assert [o.date for o in expand(d.deadlines[0], d, *Y2025)] == ["2025-06-30", "2025-12-31"]
    w = doc_with(dl(rrule="FREQ=WEEKLY;BYDAY=FR;BYHOUR=15;BYMINUTE=0"))
    occ = expand(w.deadlines[0], w, date(2025, 3, 1), date(2025, 3, 31))
    assert [o.date for o in occ] == ["2025-03-07", "2025-03-14", "2025-03-21", "2025-03-28"]
    assert occ[0].time == "15:00"


def test_horizon_expires_occurrences() -> None:
    d = doc_with(dl(rrule="FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=15", until="2020-12-31"), date="2018-04-05", horizon=2020)
    assert expand(d.deadlines[0], d, *Y2025) == []
    occ = expand(d.deadlines[0], d, *Y2025, include_expired=True)
    assert [(o.date, o.expired) for o in occ] == [("2025-10-15", True)]
    in_force = expand(d.deadlines[0], d, date(2019, 1, 1), date(2019, 12, 31))
    assert [(o.date, o.expired) for o in in_force] == [("2019-10-15", False)]


def test_no_occurrence_before_the_document() -> None:
    d = doc_with(dl(rrule="FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1"), date="2025-04-01")
    assert expand(d.deadlines[0], d, *Y2025) == []


def test_assignee_filter_ignores_accents_and_reads_the_action() -> None:
    x = dl(assignees=["Sở Nội vụ"], action="báo cáo UBND tỉnh (qua Văn phòng)")
    assert matches_assignee(x, "so noi vu") and matches_assignee(x, "NỘI VỤ")
    assert matches_assignee(x, "van phong")
    assert not matches_assignee(x, "Sở Tài chính")
    assert matches_assignee(x, None)


def test_occurrences_sorted_over_documents() -> None:
    a = doc_with(dl(date="2025-11-25"))
    b = doc_with(dl(rrule="FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", approximate=True))
    assert [o.date for o in occurrences([a, b], *Y2025)] == ["2025-03-15", "2025-06-15", "2025-09-15", "2025-11-25", "2025-12-15"]


def test_csv_round_trip() -> None:
    d = doc_with(dl(date="2025-11-25", assignees=["Các sở, ban, ngành", "UBND các huyện"]))
    rows = list(csv.DictReader(io.StringIO(to_csv(occurrences([d], *Y2025)))))
    assert rows[0]["date"] == "2025-11-25"
    assert rows[0]["assignees"] == "Các sở, ban, ngành; UBND các huyện"
    assert rows[0]["number"] == "12/KH-UBND"


def test_ics_is_read_back_by_icalendar() -> None:
    one_off = dl(date="2025-11-25", text="trước ngày 25/11", span=Span(1, 5))
    yearly = dl(rrule="FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", approximate=True, until="2025-12-31", span=Span(6, 9))
    weekly = dl(rrule="FREQ=WEEKLY;BYDAY=FR;BYHOUR=15;BYMINUTE=0", span=Span(10, 12))
    d = doc_with(one_off, yearly, weekly, year=2025)
    data = to_ics(occurrences([d], *Y2025), end=Y2025[1])
    cal = Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 3  # one per one-off occurrence, one per rule
    by_rule = {bool(e.get("RRULE")): e for e in events if not e.get("RRULE") or "BYHOUR" not in e.get("RRULE")}
    single = by_rule[False]
    assert single.decoded("DTSTART") == date(2025, 11, 25)
    assert "báo cáo UBND tỉnh" in str(single.get("SUMMARY"))
    rec = by_rule[True]
    assert rec.decoded("DTSTART") == date(2025, 3, 15)
    rule = rec.get("RRULE")
    assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [3, 6, 9, 12] and rule["BYMONTHDAY"] == [15]
    assert rule["UNTIL"][0] == date(2025, 12, 31)
    wk = next(e for e in events if e.get("RRULE") and "BYHOUR" in e.get("RRULE"))
    assert wk.decoded("DTSTART").hour == 15
    assert len({str(e.get("UID")) for e in events}) == 3


def test_ics_past_the_horizon_when_expired_are_asked_for_still_ends_with_the_window() -> None:
    d = doc_with(dl(rrule="FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=15", until="2020-12-31"), date="2018-04-05")
    cal = Calendar.from_ical(to_ics(occurrences([d], *Y2025, include_expired=True), include_expired=True, end=Y2025[1]))
    (ev,) = list(cal.walk("VEVENT"))
    assert ev.get("RRULE")["UNTIL"][0] == Y2025[1]


@pytest.mark.parametrize("rule, end, until", [
    ("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=15", None, date(2025, 10, 15)),  # no horizon: the last occurrence asked for
    ("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=15", date(2025, 12, 31), date(2025, 12, 31)),
    ("FREQ=MONTHLY;BYMONTHDAY=20;COUNT=100", date(2025, 12, 31), date(2025, 12, 31)),  # COUNT gives way to UNTIL
])
def test_a_rule_with_no_horizon_does_not_repeat_past_the_window_asked_for(rule: str, end: date | None,
                                                                           until: date) -> None:
    d = doc_with(dl(rrule=rule), date="2018-04-05")
    (ev,) = list(Calendar.from_ical(to_ics(occurrences([d], *Y2025), end=end)).walk("VEVENT"))
    assert ev.get("RRULE")["UNTIL"][0] == until and "COUNT" not in ev.get("RRULE")
