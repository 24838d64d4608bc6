"""The deadline forms of issue 9, each on invented sentences of its shape: dated obligations
anywhere, item-level time lines, ranges, planned times, batches, the later of two periods,
repeating days and weeks as RFC 5545 rules, times relative to an event, and the dates that
are no obligation."""

from __future__ import annotations

import pytest

from danvan_cli import parse_text
from danvan_cli.extract.deadlines import DocumentTime, extract_deadlines
from danvan_cli.extract.wrap import is_wrap
from danvan_cli.model import DEADLINE_KINDS, Deadline
from danvan_cli.text.normalize import matching_view, normalize_text


def found(text: str, **when: object) -> list[Deadline]:
    text = normalize_text(text)
    return extract_deadlines(text, matching_view(text), DocumentTime(**when), []).deadlines  # type: ignore[arg-type]


def only(text: str, **when: object) -> Deadline:
    ds = found(text, **when)
    assert len(ds) == 1, [d.to_dict() for d in ds]
    assert ds[0].kind in DEADLINE_KINDS
    return ds[0]


# --- a dated obligation is a deadline wherever it stands ------------------------------------------

NOTICE = """BỘ TƯ PHÁP
Số: 120/TB-BTP
Hà Nội, ngày 02 tháng 3 năm 2024
THÔNG BÁO
Về việc tổng kết công tác phổ biến pháp luật

Bộ Tư pháp thông báo tổng kết công tác năm 2023. Các báo cáo gửi Sở Tư pháp
trước ngày 12 tháng 3 năm 2024 để tổng hợp.
Chậm nhất ngày 20/4/2024, các Sở gửi đề xuất về Bộ Tư pháp.
Đề nghị các đơn vị khẩn trương hoàn thành việc rà soát trước ngày 15 tháng 9 năm 2024.
Nơi nhận:
- Như trên;
"""


def test_dated_obligations_in_a_notice_with_no_numbered_body() -> None:
    doc = parse_text(NOTICE)
    assert [(d.date, d.kind) for d in doc.deadlines] == [
        ("2024-03-12", "date"), ("2024-04-20", "date"), ("2024-09-15", "date"),
    ]
    assert doc.deadlines[0].action.startswith("Các báo cáo gửi Sở Tư pháp")
    assert doc.deadlines[1].action.startswith("gửi đề xuất về Bộ Tư pháp")


def test_a_hard_wrapped_line_does_not_cut_the_deadline_from_its_action() -> None:
    d = only("Các báo cáo gửi Sở Tư pháp\ntrước ngày 12 tháng 3 năm 2024.")
    assert d.action == "Các báo cáo gửi Sở Tư pháp"


@pytest.mark.parametrize(("text", "pos_word", "wrap"), [
    ("Căn cứ Luật Tổ chức chính\nquyền địa phương", "chính", True),
    ("Nghị định số\n63/2010/NĐ-CP", "số", True),
    ("Tổng hợp, báo cáo ý kiến chỉ đạo của Thủ tướng\nChính phủ", "tướng", False),
    ("1. Sở Nội vụ\nTheo dõi, hướng dẫn.", "vụ", False),
    ("các đơn vị báo cáo;\n- Sở Tài chính", ";", False),
])
def test_a_line_break_wraps_a_sentence_only_where_it_goes_on(text: str, pos_word: str, wrap: bool) -> None:
    assert is_wrap(text, text.index("\n")) is wrap


# --- item-level time lines --------------------------------------------------------------------------


def test_completion_line_under_an_item() -> None:
    d = only("- Thời gian hoàn thành: Quý III/2024")
    assert (d.date, d.granularity, d.approximate) == ("2024-09-30", "quarter", False)


def test_a_period_of_execution_is_due_at_its_end_and_keeps_its_start() -> None:
    d = only("- Thời gian thực hiện: Từ tháng 10/2023 đến quý II/2024")
    assert (d.date, d.start, d.kind) == ("2024-06-30", "2023-10", "date")
    d2 = only("Thời gian: từ ngày 01/10/2023 đến ngày 31/12/2023")
    assert (d2.date, d2.start) == ("2023-12-31", "2023-10-01")


@pytest.mark.parametrize("text", ["- Dự kiến tháng 5/2024", "Thời gian: Dự kiến tháng 5/2024", "- Thời gian dự kiến: tháng 5/2024"])
def test_a_planned_time_is_an_approximate_deadline(text: str) -> None:
    d = only(text)
    assert (d.date, d.approximate) == ("2024-05", True)


def test_a_batch_labels_its_time() -> None:
    ds = found("Đợt 1: Trong tháng 8/2024\nĐợt 2: Trong quý IV/2024")
    assert [d.date for d in ds] == ["2024-08", "2024-12-31"]


@pytest.mark.parametrize("text", ["Thời gian: Quý III/2024 và Quý IV/2024", "Thời gian: Quý IV/2024, Quý III/2024"])
def test_of_two_periods_the_later_is_the_deadline(text: str) -> None:
    assert only(text).date == "2024-12-31"


# --- ranges of days ------------------------------------------------------------------------------


def test_a_range_of_days_given_with_a_task_is_due_at_its_end() -> None:
    d = only("Các xã tổ chức niêm yết danh sách từ ngày 5 đến ngày 10 tháng 6 năm 2024.")
    assert (d.date, d.start) == ("2024-06-10", "2024-06-05")


def test_a_range_of_days_every_year_is_a_rule() -> None:
    d = only("Các đơn vị gửi báo cáo từ ngày 20 đến ngày 30 tháng 11 hằng năm.")
    assert (d.rrule, d.kind) == ("FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30", "recurring")


# --- repeating days and weeks ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "rule"), [
    ("Các sở báo cáo định kỳ hàng năm (trước ngày 20/10).", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=20"),
    ("Các xã gửi kế hoạch tháng vào ngày 20 của tháng trước đó.", "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("Các đơn vị gửi báo cáo đúng ngày mồng 5 hằng tháng.", "FREQ=MONTHLY;BYMONTHDAY=5"),
    ("Các phòng tổ chức giao ban vào tuần đầu tiên của tháng thứ 2 trong quý.", "FREQ=YEARLY;BYMONTH=2,5,8,11;BYMONTHDAY=7"),
    ("Các phòng gửi báo cáo vào tuần cuối của mỗi tháng.", "FREQ=MONTHLY;BYMONTHDAY=-1"),
])
def test_repeating_times_are_rules(text: str, rule: str) -> None:
    d = only(text)
    assert (d.rrule, d.date, d.kind) == (rule, None, "recurring")


def test_the_yearly_action_keeps_no_empty_brackets() -> None:
    assert only("Các sở báo cáo định kỳ hàng năm (trước ngày 20/10).").action == "báo cáo"


def test_a_day_of_the_following_year() -> None:
    d = only("Bộ Khoa học và Công nghệ tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 01 của năm tiếp theo.", year=2025)
    assert d.date == "2026-01-30"


# --- relative to an event -----------------------------------------------------------------------------


def test_a_time_before_an_event_is_relative_with_no_invented_date() -> None:
    d = only("UBND xã niêm yết danh sách cử tri trước ngày bầu cử 70 ngày.")
    assert (d.kind, d.date, d.event, d.offset_days) == ("relative", None, "bầu cử", -70)
    assert d.action == "niêm yết danh sách cử tri"


def test_a_relative_deadline_is_dated_when_the_text_states_the_events_date() -> None:
    d = found("UBND xã niêm yết danh sách cử tri trước ngày bầu cử 70 ngày. "
              "Ngày bầu cử là Chủ nhật, ngày 15/3/2026.")[0]
    assert (d.kind, d.date) == ("relative", "2026-01-04")


@pytest.mark.parametrize(("text", "event", "offset"), [
    ("Các xã báo cáo sau khi có hướng dẫn của tỉnh.", "có hướng dẫn của tỉnh", None),
    ("Các đơn vị gửi hồ sơ chậm nhất 10 ngày trước ngày khai mạc kỳ họp.", "khai mạc kỳ họp", -10),
    ("Sở Nội vụ trả lời trong vòng 05 ngày kể từ ngày nhận được văn bản.", "nhận được văn bản", 5),
])
def test_relative_forms(text: str, event: str, offset: int | None) -> None:
    d = only(text)
    assert (d.kind, d.event, d.offset_days, d.date) == ("relative", event, offset, None)


def test_relative_deadlines_are_in_the_json() -> None:
    doc = parse_text("KẾ HOẠCH\nBầu cử\n\n1. UBND xã niêm yết danh sách cử tri trước ngày bầu cử 70 ngày.\n")
    (d,) = doc.to_dict()["deadlines"]
    assert (d["kind"], d["event"], d["offset_days"], d["date"]) == ("relative", "bầu cử", -70, None)


# --- past dates that are no obligation -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Tháng hành động vì trẻ em diễn ra từ ngày 01/6 đến ngày 30/6/2024.",
    "Quyết định này có hiệu lực kể từ ngày 01/01/2025.",
    "Luật này được Quốc hội khóa XV thông qua ngày 27/6/2025.",
    "Luật Đất đai được Quốc hội thông qua vào ngày 18/01/2024 tại kỳ họp bất thường.",
    "UBND tỉnh đã yêu cầu các đơn vị báo cáo trước ngày 15/3/2024 nhưng đến nay nhiều đơn vị chưa gửi.",
    "Năm 2023, các đơn vị đã hoàn thành việc rà soát trước ngày 30/6/2023.",
])
def test_past_dates_that_are_no_obligation_give_nothing(text: str) -> None:
    assert found(text, date="2024-03-01") == []


def test_a_past_word_in_another_clause_does_not_unmake_a_deadline() -> None:
    d = only("Khắc phục những điểm nghẽn đã được chỉ ra, bảo đảm hoàn thành toàn bộ nhiệm vụ trong năm 2025.")
    assert d.date == "2025"


def test_deadlines_in_an_appendix_after_the_signature_are_read() -> None:
    text = (
        "THÔNG BÁO\nKết luận của Ban Chỉ đạo\n\nCác bộ thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nNguyễn Văn A\n\n"
        "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ\n"
        "1. Bộ Công an hoàn thiện cơ sở dữ liệu dân cư. Hoàn thành trước ngày 15/9/2025.\n"
    )
    doc = parse_text(text)
    assert [d.date for d in doc.deadlines] == ["2025-09-15"]
