"""Deadline statuses: upcoming / due / overdue / met / late, one answer per occurrence,
and ``danvan deadlines --as-of``."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner
from support.track_corpus import generate_track_corpus

from danvan_cli.cli import main
from danvan_cli.model import Deadline, Document, Issuer, Span
from danvan_cli.track.cascade import Action
from danvan_cli.track.due import DUE_WITHIN, asks_report, match_answers, occurrence_days, time_status, unit_dues

YEARLY = "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30"


def doc(day: str = "2021-03-01") -> Document:
    return Document(source="root.txt", date=day, issuer=Issuer("Thủ tướng Chính phủ", "central"))


def deadline(*, rrule: str | None = None, on: str | None = None, action: str = "báo cáo kết quả thực hiện") -> Deadline:
    return Deadline(text="trước ngày 30/11 hằng năm" if rrule else f"trước ngày {on}", span=Span(0, 1), date=on,
                    rrule=rrule, action=action, assignees=["UBND các tỉnh"])


def answer(day: str, *, report: bool = True, node: str | None = None) -> Action:
    return Action(node or f"doc {day}", {"date": day, "doc_type": "Báo cáo" if report else "Kế hoạch",
                                         "in_corpus": True}, 1, report=report)


def test_time_status_splits_open_occurrences_by_the_as_of_day() -> None:
    today = date(2024, 5, 10)
    assert time_status(date(2024, 5, 9), today) == "overdue"
    assert time_status(today, today) == "due"
    assert time_status(date(2024, 5, 10 + DUE_WITHIN), today) == "due"
    assert time_status(date(2024, 5, 11 + DUE_WITHIN), today) == "upcoming"


def test_yearly_occurrences_run_from_the_document_to_the_next_after_as_of() -> None:
    days = occurrence_days(deadline(rrule=YEARLY), doc(), date(2023, 6, 1))
    assert days == [date(2021, 11, 30), date(2022, 11, 30), date(2023, 11, 30)]


def test_a_yearly_date_days_after_the_directive_is_next_years() -> None:
    days = occurrence_days(deadline(rrule=YEARLY), doc("2021-11-26"), date(2023, 1, 1))
    assert days[0] == date(2022, 11, 30)


def test_a_report_before_the_date_meets_it_after_it_is_late_and_none_is_overdue() -> None:
    dl, d = deadline(rrule=YEARLY), doc()
    dues = unit_dues(dl, d, [answer("2021-11-20"), answer("2022-12-12")], date(2023, 6, 1))
    assert [(x.day.year, x.status) for x in dues] == [(2021, "met"), (2022, "late"), (2023, "upcoming")]
    assert dues[1].days_late == 12
    assert unit_dues(dl, d, [], date(2023, 6, 1))[0].status == "overdue"


def test_a_report_long_after_a_missed_date_answers_the_next_one() -> None:
    days = [date(2021, 11, 30), date(2022, 11, 30)]
    taken = match_answers(days, [answer("2022-10-01")], date(2023, 1, 1))
    assert taken == {1: (taken[1][0], True)}  # on time for 2022, not late for 2021


def test_one_answer_serves_one_occurrence() -> None:
    days = [date(2022, 11, 30), date(2023, 11, 30)]
    taken = match_answers(days, [answer("2022-11-01")], date(2024, 1, 1))
    assert list(taken) == [0]


def test_documents_after_the_as_of_day_or_before_the_directive_answer_nothing() -> None:
    dl, d = deadline(on="2021-06-30", action="xây dựng kế hoạch thực hiện"), doc()
    assert unit_dues(dl, d, [answer("2021-07-05", report=False)], date(2021, 7, 1))[0].status == "overdue"
    assert unit_dues(dl, d, [answer("2020-12-01", report=False)], date(2021, 7, 1))[0].status == "overdue"


def test_a_reporting_deadline_wants_a_report_a_plan_deadline_a_plan() -> None:
    report_dl, plan_dl = deadline(on="2021-06-30"), deadline(on="2021-06-30", action="xây dựng kế hoạch thực hiện")
    assert asks_report(report_dl) and not asks_report(plan_dl)
    plan = answer("2021-05-01", report=False)
    assert unit_dues(report_dl, doc(), [plan], date(2021, 8, 1))[0].status == "overdue"
    assert unit_dues(plan_dl, doc(), [plan], date(2021, 8, 1))[0].status == "met"


def test_deadlines_as_of_adds_a_status_with_units_answered(tmp_path) -> None:
    truth = generate_track_corpus()
    folder = truth.write(tmp_path / "c")
    res = CliRunner().invoke(main, ["deadlines", str(folder), "--year", "2022", "--as-of", "2023-01-15",
                                    "--format", "json"], catch_exceptions=False)
    assert res.exit_code == 0
    rows = {r["date"]: r for r in json.loads(res.stdout) if r["source"].endswith("0000_chi-thi-45-CT-TTg.txt")}
    plan, report = rows["2022-04-30"], rows["2022-11-30"]
    assert plan["status"] == report["status"] == "overdue"  # most provinces have nothing
    assert plan["units"] == 63 and plan["units_answered"] == len(truth.acting)
    assert report["units_answered"] == sum(1 for u in truth.acting if u.report)
    assert all(a["doc_type"] == "Báo cáo" for a in report["answered_by"])


def test_deadlines_without_as_of_is_unchanged(samples_dir) -> None:
    res = CliRunner().invoke(main, ["deadlines", str(samples_dir), "--year", "2025", "--format", "csv"])
    assert res.exit_code == 0 and "status" not in res.stdout.splitlines()[0]
    with_status = CliRunner().invoke(main, ["deadlines", str(samples_dir), "--year", "2025", "--format", "csv",
                                            "--as-of", "2025-06-30"])
    lines = with_status.stdout.splitlines()
    assert lines[0].endswith(",status") and lines[1].endswith(",overdue") and lines[-1].endswith(",upcoming")
