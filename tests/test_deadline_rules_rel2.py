"""Deadline rules from the grammar of plans (Nghị định 30/2020/NĐ-CP; election plans of the
Mặt trận and the communes), on invented sentences of each shape: a planned time beside its
firm limit, an item's lead field, an event's date stated anywhere, a range of years."""

from __future__ import annotations

import pytest

from danvan_cli import parse_text
from danvan_cli.extract.deadlines import DocumentTime, extract_deadlines
from danvan_cli.model import Deadline
from danvan_cli.text.normalize import matching_view, normalize_text

HEAD = ("ỦY BAN NHÂN DÂN\nXÃ HÒA AN\nSố: 30/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHòa An, ngày 02 tháng 11 năm 2025\nKẾ HOẠCH\n"
        "Tổ chức bầu cử đại biểu Hội đồng nhân dân xã\n")
TAIL = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nTrần Văn Bình\n"


def found(text: str, **when: object) -> list[Deadline]:
    text = normalize_text(text)
    return extract_deadlines(text, matching_view(text), DocumentTime(**when), []).deadlines  # type: ignore[arg-type]


def deadlines_of(body: str) -> list[dict]:
    return parse_text(HEAD + body + TAIL).to_dict()["deadlines"]


# --- a planned time beside its firm limit ------------------------------------------------------


@pytest.mark.parametrize("line", [
    "- Thời gian: Dự kiến ngày 04/12/2025 (Chậm nhất ngày 11/12/2025 - 94 ngày trước bầu cử).",
    "- Thời gian: Dự kiến ngày 04/12/2025, chậm nhất ngày 11/12/2025.",
    "- Thời gian: Chậm nhất ngày 11/12/2025 (dự kiến ngày 04/12/2025).",
    "- Thời gian dự kiến: ngày 04/12/2025 (muộn nhất là ngày 11/12/2025).",
])
def test_the_firm_limit_is_the_deadline_and_the_planned_date_is_kept(line: str) -> None:
    body = f"II. NỘI DUNG\n1. Hội nghị hiệp thương lần thứ nhất\n{line}\n- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ xã.\n"
    (d,) = deadlines_of(body)
    assert (d["date"], d["approximate"], d["planned"]) == ("2025-12-11", False, "2025-12-04")


def test_a_planned_time_alone_stays_an_approximate_deadline() -> None:
    (d,) = deadlines_of("II. NỘI DUNG\n1. Hội nghị hiệp thương lần thứ hai\n- Thời gian: Dự kiến ngày 29/01/2026.\n")
    assert (d["date"], d["approximate"], d["planned"]) == ("2026-01-29", True, None)


def test_a_firm_limit_alone_has_no_planned_date() -> None:
    (d,) = deadlines_of("II. NỘI DUNG\n1. Các thôn gửi biên bản về Ủy ban MTTQ xã chậm nhất ngày 02/02/2026.\n")
    assert (d["date"], d["approximate"], d["planned"]) == ("2026-02-02", False, None)


# --- the lead field of an item set out as labelled lines ----------------------------------------


def test_the_assignees_of_a_time_line_are_its_items_lead_field() -> None:
    body = ("II. NỘI DUNG\n1. Hội nghị hiệp thương lần thứ nhất\n"
            "- Thời gian: Dự kiến ngày 04/12/2025 (Chậm nhất ngày 11/12/2025).\n"
            "- Thành phần: Thường trực HĐND, UBND xã và cử tri các thôn.\n"
            "- Đơn vị chủ trì: Ban Công tác Mặt trận thôn.\n"
            "- Đơn vị phối hợp: Chi hội Nông dân thôn.\n"
            "2. Hội nghị hiệp thương lần thứ hai\n"
            "- Thời gian: Chậm nhất ngày 02/02/2026.\n"
            "- Cơ quan chủ trì: Ủy ban MTTQ xã.\n")
    first, second = deadlines_of(body)
    assert first["assignees"] == ["Ban Công tác Mặt trận thôn", "Chi hội Nông dân thôn"]
    assert second["assignees"] == ["Ủy ban MTTQ xã"]


def test_a_section_of_several_items_gives_no_field_to_a_time_line_outside_them() -> None:
    body = ("II. NỘI DUNG\n- Thời gian: Chậm nhất ngày 02/02/2026.\n"
            "1. Hội nghị thứ nhất\n- Đơn vị chủ trì: Ban Công tác Mặt trận thôn.\n"
            "2. Hội nghị thứ hai\n- Đơn vị chủ trì: Ủy ban MTTQ xã.\n")
    ds = deadlines_of(body)
    assert ds and "Ủy ban MTTQ xã" not in ds[0]["assignees"]


# --- an event's date stated anywhere in the text -----------------------------------------------

RULE = "1. Ủy ban nhân dân xã niêm yết danh sách cử tri trước ngày bầu cử 40 ngày.\n"


@pytest.mark.parametrize("statement", [
    "Ngày bầu cử: Chủ nhật, 15/3/2026.",
    "Ngày bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031 là ngày 15 tháng 3 năm 2026.",
    "Cuộc bầu cử được tiến hành vào Chủ nhật, ngày 15/3/2026.",
    "Chủ nhật, ngày 15/3/2026 là ngày bầu cử đại biểu Hội đồng nhân dân các cấp.",
    "Dự kiến bầu cử đại biểu Hội đồng nhân dân xã vào Chủ nhật, ngày 15/3/2026.",
])
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_relative_deadline_takes_the_events_date_stated_anywhere(statement: str, where: str) -> None:
    body = f"I. MỤC ĐÍCH\n{statement}\nII. NHIỆM VỤ\n{RULE}" if where == "before" else f"II. NHIỆM VỤ\n{RULE}2. {statement}\n"
    d = next(d for d in deadlines_of(body) if d["kind"] == "relative")
    assert (d["date"], d["event"], d["offset_days"]) == ("2026-02-03", "bầu cử", -40)


def test_an_events_date_is_read_from_a_step_counted_from_it() -> None:
    body = ("II. NHIỆM VỤ\n1. Hội nghị hiệp thương\n- Thời gian: Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử.\n"
            "2. Ủy ban nhân dân xã niêm yết danh sách cử tri trước ngày bầu cử 40 ngày.\n")
    d = next(d for d in deadlines_of(body) if d["kind"] == "relative")
    assert d["date"] == "2026-02-03"


def test_a_date_near_the_events_name_that_states_nothing_of_it_is_not_its_date() -> None:
    body = ("I. MỤC ĐÍCH\nỦy ban bầu cử xã (thành lập ngày 20/12/2025) chỉ đạo chung.\n"
            f"II. NHIỆM VỤ\n{RULE}")
    d = next(d for d in deadlines_of(body) if d["kind"] == "relative")
    assert d["date"] is None


# --- a span of years is due at its end ---------------------------------------------------------


@pytest.mark.parametrize(("phrase", "due", "start"), [
    ("Năm 2025-2030", "2030", "2025"),
    ("năm 2026 - 2027", "2027", "2026"),
    ("năm 2025 đến năm 2028", "2028", "2025"),
    ("giai đoạn 2026-2030", "2030", "2026"),
])
def test_a_span_of_years_is_due_when_it_ends(phrase: str, due: str, start: str) -> None:
    d = found(f"Các sở, ngành hoàn thành việc số hóa hồ sơ trong {phrase}.", year=2025)[0]
    assert (d.date, d.granularity, d.start) == (due, "year", start)


def test_a_span_of_years_in_a_task_tables_time_column_is_due_at_its_end() -> None:
    body = ("II. NHIỆM VỤ\n| TT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành |\n| --- | --- | --- | --- |\n"
            "| 1 | Xây dựng cơ sở dữ liệu dân cư | Công an xã | Năm 2026-2030 |\n"
            "| 2 | Rà soát hồ sơ | Văn phòng UBND xã | Năm 2026 |\n")
    dates = [d["date"] for d in deadlines_of(body)]
    assert dates == ["2030", "2026"]


def test_a_single_year_and_a_reversed_pair_stay_the_year_written_first() -> None:
    assert found("Các sở hoàn thành trong năm 2026.", year=2025)[0].date == "2026"
    assert found("Các sở hoàn thành trong năm 2027-2026.", year=2025)[0].date == "2027"
