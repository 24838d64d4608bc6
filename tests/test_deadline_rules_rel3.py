"""Deadlines a reader would list, and no others (issue 20), on invented sentences of each
shape, each with a negative twin: an event a deadline counts from versus a step of the work
itself after ``sau khi``; a clock time before the day; periodic reports dated by the day the
text gives, approximate by the period otherwise."""

from __future__ import annotations

import pytest

from danvan_cli import parse_text

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 30/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nam, ngày 02 tháng 3 năm 2024\nKẾ HOẠCH\n"
        "Công tác cải cách hành chính năm 2024\nII. NHIỆM VỤ\n")
TAIL = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nTrần Văn Bình\n"


def deadlines_of(item: str) -> list[dict]:
    return parse_text(HEAD + item + "\n" + TAIL).to_dict()["deadlines"]


def when(d: dict) -> tuple[str, str | None, str | None, bool]:
    return d["kind"], d["date"], d["rrule"], d["approximate"]


# --- "sau khi": an event, or a step of the work itself -------------------------------------------


@pytest.mark.parametrize("item", [
    "1. Các trường báo cáo kết quả về Sở sau khi có kết quả kỳ thi.",
    "1. Các trường gửi báo cáo ngay sau khi kết thúc Hội thi.",
    "1. Các xã báo cáo sau khi đã được phê duyệt phương án.",
])
def test_sau_khi_an_event_the_text_names_is_a_relative_deadline(item: str) -> None:
    (d,) = deadlines_of(item)
    assert d["kind"] == "relative"


@pytest.mark.parametrize("item", [
    "1. Các sở tiếp tục nghiên cứu, báo cáo UBND tỉnh sau khi nghiên cứu.",
    "1. Sở Tư pháp kiểm tra, báo cáo sau khi xem xét hồ sơ.",
    "1. Các đơn vị báo cáo Sở Nội vụ sau khi báo cáo UBND huyện.",
    "1. Các đơn vị ban hành quyết định sau khi hoàn thiện hồ sơ.",
])
def test_sau_khi_a_step_of_the_work_itself_is_no_deadline(item: str) -> None:
    assert deadlines_of(item) == []


# --- a clock time before the day ---------------------------------------------------------------------


@pytest.mark.parametrize("item", [
    "1. Các trường thực hiện báo cáo trước 13 giờ 00, ngày 23/3/2024 và tiếp tục cập nhật.",
    "1. Các trường gửi báo cáo về Sở trước 17h00 ngày 23/3/2024.",
    "1. Các trường gửi báo cáo về Sở chậm nhất là 17 giờ 00 ngày 23/3/2024.",
])
def test_a_clock_time_before_the_day_is_due_that_day(item: str) -> None:
    (d,) = deadlines_of(item)
    assert when(d) == ("date", "2024-03-23", None, False)


def test_a_meeting_at_a_clock_time_is_still_no_deadline() -> None:
    assert deadlines_of("1. Sở Nội vụ tổ chức hội nghị sơ kết vào lúc 8 giờ 30 ngày 15/6/2024.") == []


# --- periodic reports: the day the text gives, else the period ----------------------------------------


@pytest.mark.parametrize("item", [
    "1. Các sở báo cáo hằng tháng về Sở Nội vụ trước ngày 25.",
    "1. Định kỳ hằng tháng (trước ngày 25) các sở báo cáo tiến độ về Sở Nội vụ.",
])
def test_a_monthly_report_with_a_day_is_that_day_of_each_month(item: str) -> None:
    (d,) = deadlines_of(item)
    assert when(d) == ("recurring", None, "FREQ=MONTHLY;BYMONTHDAY=25", False)
    assert d["assignees"] and d["assignees"][0].casefold() == "các sở"


def test_a_bare_day_without_a_monthly_word_is_no_deadline() -> None:
    assert deadlines_of("1. Các sở báo cáo về Sở Nội vụ trước ngày 25.") == []


def test_a_monthly_report_without_a_day_stays_approximate_by_the_period() -> None:
    (d,) = deadlines_of("1. Hằng tháng, các sở báo cáo tiến độ về Sở Nội vụ.")
    assert when(d) == ("recurring", None, "FREQ=MONTHLY;BYMONTHDAY=-1", True)


def test_a_six_monthly_report_with_report_days_recurs_on_those_days() -> None:
    ds = deadlines_of("1. Các sở báo cáo định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Sở Nội vụ.")
    assert [when(d) for d in ds] == [("recurring", None, "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15", False),
                                     ("recurring", None, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", False)]
    assert ds[1]["action"] == ds[0]["action"]


def test_a_six_monthly_report_without_a_day_stays_approximate() -> None:
    (d,) = deadlines_of("1. Định kỳ sáu tháng, các sở báo cáo kết quả về Sở Nội vụ.")
    assert when(d) == ("recurring", None, "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", True)


def test_a_report_on_the_first_half_year_recurs_by_the_end_of_june() -> None:
    (d,) = deadlines_of("1. Các sở báo cáo kết quả 6 tháng đầu năm về Sở Nội vụ.")
    assert when(d) == ("recurring", None, "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1", True)


def test_a_half_year_named_as_a_period_is_no_deadline() -> None:
    assert deadlines_of("1. Trong 6 tháng đầu năm, các sở đã hoàn thành nhiều nhiệm vụ.") == []


def test_a_report_on_the_half_year_with_its_report_date_is_dated() -> None:
    (d,) = deadlines_of("1. Các sở báo cáo kết quả 6 tháng đầu năm về Sở Nội vụ trước ngày 15/6/2024.")
    assert when(d) == ("date", "2024-06-15", None, False)


def test_a_first_report_date_and_each_month_after_are_both_kept() -> None:
    ds = deadlines_of("1. Các sở báo cáo UBND tỉnh trước ngày 20 tháng 4 năm 2024 và hằng tháng.")
    assert [when(d) for d in ds] == [("date", "2024-04-20", None, False),
                                     ("recurring", None, "FREQ=MONTHLY;BYMONTHDAY=-1", True)]


# --- the issuer's own activity -----------------------------------------------------------------------


@pytest.mark.parametrize("item", [
    "1. Đoàn kiểm tra của Sở kiểm tra tại các đơn vị từ ngày 10/5/2024 đến ngày 20/5/2024.",
    "1. UBND tỉnh sẽ tổ chức kiểm tra tại các huyện trong tháng 5/2024.",
    "Hoạt động kiểm tra, giám sát được chia thành 02 đợt:\n1. Đợt 1: Từ ngày 05/4/2024 đến ngày 20/4/2024:\n"
    "a) Nội dung kiểm tra việc tuyên truyền.",
])
def test_the_issuers_own_inspection_period_is_no_deadline_for_the_recipients(item: str) -> None:
    assert deadlines_of(item) == []


@pytest.mark.parametrize("item", [
    "1. Các đơn vị sẽ tổ chức tự kiểm tra trong tháng 5/2024.",
    "1. Các đơn vị tự kiểm tra và báo cáo kết quả trước ngày 30/5/2024.",
    "Các đơn vị tự kiểm tra theo 02 đợt:\n1. Đợt 1: Trong tháng 4/2024.\n2. Đợt 2: Trong tháng 9/2024.",
])
def test_the_recipients_own_inspection_keeps_its_deadline(item: str) -> None:
    assert deadlines_of(item)
