"""Deadlines in letters and guides a reader would list, and no others (issue 20), on invented
sentences of the shapes real office files carry, each with a negative twin: a range that opens
on the text's own day is due at its end; a hand-in label with its object; an invitation's hour
is no deadline; a quarter every year; a report every one month; a date long before the
document is a past event or a condition."""

from __future__ import annotations

import pytest

from danvan_cli import parse_text

LETTER = ("UBND HUYỆN BÌNH TÂN\nPHÒNG NỘI VỤ\nSố: 32/PNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nBình Tân, ngày 10 tháng 9 năm 2021\nV/v rà soát hồ sơ\n\n"
          "Kính gửi: Các cơ quan, ban, ngành huyện\n\n")
TAIL = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTRƯỞNG PHÒNG\nNguyễn Văn An\n"


def deadlines_of(body: str) -> list[dict]:
    return parse_text(LETTER + body + TAIL).to_dict()["deadlines"]


def dates_of(body: str) -> list[tuple[str, str | None, str | None]]:
    return [(d["kind"], d["date"], d["rrule"]) for d in deadlines_of(body)]


# --- a range from the text's own day -----------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "+ Giai đoạn 1: Từ ngày thông báo đến ngày 30/9/2021.",
    "- Đợt 1: từ ngày ra văn bản này đến hết ngày 30/9/2021.",
])
def test_a_batch_from_the_texts_own_day_is_due_at_its_end(line: str) -> None:
    body = "Các trường tổ chức đăng ký tuyển sinh như sau:\n" + line + "\n"
    assert dates_of(body) == [("date", "2021-09-30", None)]


def test_a_measure_in_force_from_the_texts_own_day_is_no_deadline() -> None:
    body = "Tạm dừng hoạt động các cơ sở karaoke từ ngày ký đến hết ngày 30/9/2021.\n"
    assert dates_of(body) == []


# --- a hand-in label with its object -------------------------------------------------------------


def test_a_hand_in_label_with_its_object_labels_the_deadline() -> None:
    body = ("Các đơn vị rà soát, tổng hợp hồ sơ gửi về Phòng Nội vụ.\n"
            "1. Thời gian gửi hồ sơ: từ ngày phát hành văn bản đến hết ngày 10/10/2021.\n"
            "2. Hồ sơ gồm có: đơn đề nghị.\n")
    assert dates_of(body) == [("date", "2021-10-10", None)]


def test_a_label_of_an_event_with_its_name_is_no_deadline() -> None:
    body = "Phòng Nội vụ tổ chức hội nghị tập huấn.\nThời gian tổ chức hội nghị: ngày 15/10/2021.\n"
    assert dates_of(body) == []


# --- an invitation's hour ----------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "2. Thời gian: Lúc 13 giờ 30 phút, thứ Năm, ngày 16/9/2021 (một buổi).",
    "2. Thời gian: 07 giờ 30, ngày 16/9/2021.",
    "2. Thời gian thực hiện: bắt đầu từ ngày 16/9/2021.",
])
def test_the_hour_a_meeting_or_a_period_starts_is_no_deadline(line: str) -> None:
    body = "Trân trọng kính mời đại diện các đơn vị đến dự hội nghị.\n" + line + "\n3. Địa điểm: Hội trường.\n"
    assert dates_of(body) == []


@pytest.mark.parametrize("line", [
    "2. Thời gian: trước 17 giờ 00, ngày 16/9/2021.",
    "2. Thời gian nộp báo cáo: 17 giờ 00, ngày 16/9/2021.",
])
def test_an_hour_with_a_cue_or_a_hand_in_stays_a_deadline(line: str) -> None:
    body = "Các đơn vị gửi báo cáo về Phòng Nội vụ.\n" + line + "\n"
    assert dates_of(body) == [("date", "2021-09-16", None)]


# --- recurring without a day -------------------------------------------------------------------------


def test_a_quarter_every_year_is_due_at_that_quarters_end_each_year() -> None:
    body = "- Các chi bộ lập danh sách theo các mẫu quy định, xong trong Quý I hằng năm.\n"
    assert dates_of(body) == [("recurring", None, "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31")]


def test_a_quarter_of_a_year_written_is_due_once() -> None:
    body = "- Các chi bộ lập danh sách theo các mẫu quy định, xong trong Quý I năm 2022.\n"
    assert dates_of(body) == [("date", "2022-03-31", None)]


def test_every_one_month_is_monthly() -> None:
    body = "- Các đơn vị định kỳ 01 tháng báo cáo Phòng Nội vụ kết quả thực hiện.\n"
    assert dates_of(body) == [("recurring", None, "FREQ=MONTHLY;BYMONTHDAY=-1")]


def test_every_three_months_stays_quarterly() -> None:
    body = "- Các đơn vị định kỳ 03 tháng báo cáo Phòng Nội vụ kết quả thực hiện.\n"
    assert dates_of(body) == [("recurring", None, "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1")]


# --- dates of the past -------------------------------------------------------------------------------


def test_a_date_years_before_the_document_is_a_condition_not_a_deadline() -> None:
    body = ("Các chi bộ rà soát hồ sơ: đảng viên được kết nạp trước ngày 30/4/1975 mà lúc kết nạp chưa đủ "
            "18 tuổi thì ngày vào Đảng được giữ nguyên, báo cáo kết quả.\n")
    assert dates_of(body) == []


def test_a_date_days_before_the_document_is_kept_as_a_slip_with_a_warning() -> None:
    doc = parse_text(LETTER + "Các đơn vị gửi báo cáo về Phòng Nội vụ trước ngày 30/8/2021.\n" + TAIL)
    assert [d.date for d in doc.deadlines] == ["2021-08-30"]
    assert "deadline-before-document" in [w.code for w in doc.warnings]


def test_a_weekday_with_its_part_of_the_day_every_week_is_weekly() -> None:
    body = "- Các đơn vị thực hiện đồng bộ dữ liệu với phần mềm của Sở định kỳ vào sáng thứ 6 hàng tuần.\n"
    assert dates_of(body) == [("recurring", None, "FREQ=WEEKLY;BYDAY=FR")]
