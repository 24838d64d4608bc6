"""Deadlines: every expression form of issue 3, the dates that must give nothing, and the
seeds-gold deadlines of the five samples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from danvan_cli.extract.deadlines import DocumentTime, extract_deadlines
from danvan_cli.extract.outline import extract_tasks
from danvan_cli.extract.timeexpr import (
    horizon_from_title,
    plan_year_from_title,
    quarter_end,
)
from danvan_cli.model import Deadline, Document
from danvan_cli.text.normalize import matching_view, normalize_text
from support.growth import LINEAR, cpu_growth

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD_PATH = Path(__file__).resolve().parent / "fixtures" / "seeds-gold.yaml"


def deadlines(text: str, **meta: object) -> list[Deadline]:
    text = normalize_text(text)
    view = matching_view(text)
    doc = Document(source="t", text=text, **meta)  # type: ignore[arg-type]
    return extract_deadlines(text, view, DocumentTime.of(doc), extract_tasks(text, view)).deadlines


def one(text: str, **meta: object) -> Deadline:
    found = deadlines(text, **meta)
    assert len(found) == 1, [d.to_dict() for d in found]
    return found[0]


# --- one-off forms -------------------------------------------------------------------------


def test_truoc_ngay_full_date() -> None:
    d = one("Các sở, ngành báo cáo UBND tỉnh (qua Sở Nội vụ) trước ngày 10/12/2022.")
    assert (d.text, d.date, d.rrule, d.approximate) == ("trước ngày 10/12/2022", "2022-12-10", None, False)
    assert d.action == "báo cáo UBND tỉnh (qua Sở Nội vụ)"
    assert d.assignees == ["Các sở, ngành"]


def test_cham_nhat_ngay() -> None:
    d = one("Sở Tài chính gửi dự toán về Sở Kế hoạch chậm nhất ngày 03/02/2026.")
    assert d.date == "2026-02-03"
    assert d.text.startswith("chậm nhất ngày 03/02/2026")
    assert d.assignees == ["Sở Tài chính"]
    assert d.action.startswith("gửi dự toán về Sở Kế hoạch")


def test_verbal_full_date() -> None:
    d = one("Các đơn vị hoàn thành việc rà soát trước ngày 15 tháng 3 năm 2026.")
    assert d.date == "2026-03-15"


def test_quarter_is_its_last_day() -> None:
    d = one("Sở Xây dựng hoàn thành trong quý II/2020 việc rà soát quy hoạch.")
    assert (d.date, d.granularity, d.approximate) == ("2020-06-30", "quarter", False)
    assert quarter_end(2025, 4) == "2025-12-31"


def test_quarter_written_with_nam() -> None:
    assert one("Báo cáo UBND tỉnh trước quý IV năm 2025.").date == "2025-12-31"


def test_month_of_year() -> None:
    d = one("1. Xây dựng kế hoạch tuyên truyền\nThời gian hoàn thành: Tháng 4/2026.")
    assert (d.date, d.granularity) == ("2026-04", "month")
    assert d.action.startswith("Xây dựng kế hoạch tuyên truyền")


def test_trong_nam() -> None:
    d = one("Các huyện hoàn thành việc sắp xếp trong năm 2025.")
    assert (d.date, d.granularity) == ("2025", "year")


def test_end_of_year_is_approximate() -> None:
    d = one("Các đơn vị gửi báo cáo tổng kết chậm nhất cuối năm 2025.")
    assert (d.date, d.approximate) == ("2025-12-31", True)


def test_day_month_takes_the_plan_year() -> None:
    d = one("Các đơn vị gửi báo cáo năm trước ngày 25/11 về UBND quận (qua Phòng Nội vụ).", year=2025)
    assert d.date == "2025-11-25"
    assert d.action == "gửi báo cáo năm về UBND quận (qua Phòng Nội vụ)"


def test_day_month_takes_the_document_date_year() -> None:
    assert one("Các đơn vị báo cáo trước ngày 25/11.", date="2024-03-02").date == "2024-11-25"


def test_day_month_without_any_year_has_no_date() -> None:
    d = one("Các đơn vị báo cáo trước ngày 25/11.")
    assert d.date is None and d.rrule is None


# --- recurring forms --------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["hàng năm", "hằng năm"])
def test_yearly(word: str) -> None:
    d = one(f"Các sở báo cáo UBND tỉnh trước ngày 30/11 {word} để tổng hợp.")
    assert d.rrule == "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30"
    assert d.date is None
    assert d.text == f"trước ngày 30/11 {word}"
    assert d.action == "báo cáo UBND tỉnh"


def test_yearly_when_the_sentence_opens_with_hang_nam() -> None:
    d = one("3. Hằng năm, các đơn vị, địa phương tổ chức đánh giá và báo cáo gửi Phòng Nội vụ trước ngày 15 tháng 10.")
    assert d.rrule == "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=15"
    assert d.assignees == ["các đơn vị, địa phương"]
    assert d.action == "báo cáo gửi Phòng Nội vụ"


def test_every_six_months() -> None:
    d = one("Các sở, ngành báo cáo định kỳ 6 tháng về Sở Nội vụ.")
    assert d.rrule == "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"
    assert d.approximate


def test_every_quarter() -> None:
    d = one("Các phòng gửi báo cáo hàng quý về UBND huyện.")
    assert d.rrule == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
    assert d.approximate


def test_mid_last_month_of_each_quarter() -> None:
    d = one("Các đơn vị gửi báo cáo tình hình vào giữa các tháng cuối của mỗi quý.")
    assert d.rrule == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15"
    assert d.approximate
    assert d.text == "vào giữa các tháng cuối của mỗi quý"


def test_day_of_every_month() -> None:
    d = one("Các xã gửi báo cáo về Phòng Nội vụ vào ngày 15 hằng tháng.")
    assert d.rrule == "FREQ=MONTHLY;BYMONTHDAY=15"
    assert not d.approximate


def test_weekly_with_time() -> None:
    d = one("Các đơn vị báo cáo tình hình về Văn phòng trước 15:00 ngày thứ Sáu hàng tuần.")
    assert d.rrule == "FREQ=WEEKLY;BYDAY=FR;BYHOUR=15;BYMINUTE=0"
    assert d.text.startswith("trước 15:00")


def test_range_of_days_is_due_at_its_end() -> None:
    d = one("Các đơn vị gửi báo cáo từ ngày 10 đến ngày 15 tháng 12 hằng năm.")
    assert d.rrule == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"


def test_range_one_off() -> None:
    d = one("Các đơn vị nộp hồ sơ từ ngày 10 đến ngày 15 tháng 12.", year=2025)
    assert d.date == "2025-12-15"


def test_horizon_bounds_recurrences() -> None:
    d = one("Hằng năm, các đơn vị báo cáo trước ngày 15 tháng 10.", date="2018-04-05", horizon=2020)
    assert d.until == "2020-12-31"
    plan = {"doc_type": "Kế hoạch", "title": "Triển khai công tác dân vận năm 2025"}
    assert one("Các đơn vị báo cáo trước ngày 15/10 hàng năm.", year=2025, **plan).until == "2025-12-31"
    assert one("Các đơn vị báo cáo trước ngày 15/10 hàng năm.").until is None


@pytest.mark.parametrize("meta", [
    {"doc_type": "Chỉ thị", "date": "2022-03-10", "year": 2022},  # a dated directive: its year is no horizon
    {"doc_type": "Kế hoạch", "date": "2023-03-03", "year": 2023,
     "title": "Thực hiện Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ"},
    {"year": 2025},
])
def test_recurrences_without_a_stated_horizon_are_open_ended(meta: dict) -> None:
    d = one("Các sở, ngành báo cáo UBND tỉnh trước ngày 30/11 hằng năm.", **meta)
    assert d.rrule == "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30"
    assert d.until is None


# --- assignees of a deadline ---------------------------------------------------------------------


def test_requested_units_are_the_assignees() -> None:
    d = one("Chủ tịch UBND thành phố yêu cầu Giám đốc các Sở, ngành thành phố, Chủ tịch UBND quận, huyện "
            "triển khai thực hiện nghiêm túc và báo cáo UBND thành phố trước ngày 30/11 hàng năm.")
    assert d.assignees == ["Giám đốc các Sở, ngành thành phố", "Chủ tịch UBND quận, huyện"]


def test_item_heading_gives_the_assignee() -> None:
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\nTheo dõi, hướng dẫn.\n2. Các sở, ban, ngành\n"
            "Căn cứ chức năng nhiệm vụ, chủ động triển khai và tổng hợp báo cáo UBND tỉnh trước ngày 10/12/2022.\n")
    d = one(text)
    assert d.assignees == ["Các sở, ban, ngành"]
    assert d.action == "tổng hợp báo cáo UBND tỉnh"


# --- dates that are not deadlines --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the dates of cited documents
        "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch.",
        "Căn cứ Quyết định số 12/2024/QĐ-UBND ngày 10/12/2024 của UBND tỉnh;",
        # meeting and event dates
        "Chiều 7/1, UBND thành phố tổ chức Hội nghị tổng kết.",
        "Hội nghị tổng kết được tổ chức vào ngày 15/12/2025 tại Hội trường UBND tỉnh và báo cáo viên là Giám đốc Sở.",
        "Tổ chức Lễ phát động vào ngày 19/5/2025.",
        # the effective date
        "Quyết định này có hiệu lực kể từ ngày 01/01/2025.",
        "Chỉ thị này có hiệu lực thi hành kể từ ngày ký đến hết ngày 31/12/2025.",
        # a campaign period
        "Tổ chức Tháng hành động vì môi trường từ ngày 01/6 đến ngày 30/6/2025 trên toàn tỉnh.",
        # a deadline already missed that the text recalls
        "UBND tỉnh đã yêu cầu các sở báo cáo trước ngày 10/12/2022, nhưng đến nay vẫn còn 5 đơn vị chưa gửi.",
        # the document's horizon and periods
        "Về việc tiếp tục thực hiện công tác dân vận trên địa bàn huyện, đến năm 2020",
        "Kế hoạch cải cách hành chính giai đoạn 2021-2025 của tỉnh.",
        # a yearly habit with no day is no deadline
        "Hàng năm tham mưu xây dựng kế hoạch triển khai thực hiện.",
        "Phòng Nội vụ phối hợp hoàn thành các báo cáo quý và năm.",
        # the header date line
        "Phú Giáo, ngày 05 tháng 4 năm 2018",
    ],
)
def test_not_a_deadline(text: str) -> None:
    assert deadlines(text, date="2025-02-01") == []


def test_date_before_the_document_is_kept_with_a_warning() -> None:
    text = normalize_text("Các đơn vị báo cáo trước ngày 10/12/2022.")
    doc = Document(source="t", text=text, date="2023-01-05")
    found = extract_deadlines(text, matching_view(text), DocumentTime.of(doc), [])
    assert [d.date for d in found.deadlines] == ["2022-12-10"]
    assert any("2022-12-10" in w.message and "2023-01-05" in w.message
               for w in found.warnings if w.code == "deadline-before-document")


def test_leading_adverb_is_not_the_action() -> None:
    d = one("2. Định kỳ báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Nội vụ) trước ngày 05/12/2022.")
    assert d.action == "báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Nội vụ)"


def test_date_inside_a_reference_mention_is_not_a_deadline() -> None:
    text = ("Thực hiện Công văn số 12/UBND-VX ngày 02/01/2025 về việc báo cáo trước ngày 15/01/2025, "
            "các đơn vị gửi báo cáo trước ngày 20/01/2025.")
    start = text.index("Công văn")
    end = text.index("15/01/2025") + len("15/01/2025")
    norm = normalize_text(text)
    view = matching_view(norm)
    found = extract_deadlines(norm, view, DocumentTime(), [], cited=[(start, end)])
    assert [d.date for d in found.deadlines] == ["2025-01-20"]


def test_cited_date_next_to_a_deadline() -> None:
    d = one("Các sở báo cáo kết quả thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 trước ngày 10/12/2022.")
    assert d.date == "2022-12-10"


# --- forms and actions of the review of issue 3 -----------------------------------------------------


@pytest.mark.parametrize(
    "text, action",
    [
        ("1. Xây dựng kế hoạch tuyên truyền\n- Thời gian: Tháng 4/2026.", "Xây dựng kế hoạch tuyên truyền"),
        ("1. Xây dựng kế hoạch tuyên truyền\n- Thời gian thực hiện: trong tháng 4/2026.", "Xây dựng kế hoạch tuyên truyền"),
        ("Sở Tư pháp triển khai trong tháng 4/2026.", "triển khai"),
        ("3. Sở Tư pháp tổ chức tập huấn trong Tháng 4/2026.", "tổ chức tập huấn"),
        ("a) Tổ chức quán triệt trong tháng 4/2026;", "Tổ chức quán triệt"),
    ],
)
def test_month_after_any_lead_words(text: str, action: str) -> None:
    d = one(text, date="2025-01-10")
    assert (d.date, d.granularity, d.approximate) == ("2026-04", "month", False)
    assert d.action == action


@pytest.mark.parametrize(
    "text",
    [
        "Trong quý I/2025 có 15 vụ việc được giải quyết.",  # a statement, not a task
        "Hội nghị sơ kết được tổ chức trong tháng 6/2025.",  # an event
        "Đến cuối năm 2025, 100% xã đạt chuẩn nông thôn mới.",  # a target
        "Các đơn vị đưa nội dung vào chương trình công tác hằng năm và báo cáo kết quả.",  # "hằng năm" qualifies a noun
    ],
)
def test_periods_that_are_not_deadlines(text: str) -> None:
    assert deadlines(text, date="2025-01-10") == []


def test_end_of_year_without_vao() -> None:
    d = one("16. Các đơn vị báo cáo cuối năm 2025.")
    assert (d.text, d.date, d.approximate) == ("cuối năm 2025", "2025-12-31", True)
    assert d.action == "báo cáo" and d.assignees == ["Các đơn vị"]


def test_yearly_report_without_a_day_is_due_at_the_end_of_each_year() -> None:
    d = one("2. Các quận, huyện:\nb) Báo cáo định kỳ hằng năm.")
    assert (d.rrule, d.date, d.approximate) == ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1", None, True)
    assert d.action == "Báo cáo" and d.assignees == ["Các quận, huyện"]


def test_yearly_words_with_a_day_give_one_yearly_deadline() -> None:
    d = one("18. Các huyện báo cáo định kỳ hằng năm trước ngày 05/12.")
    assert d.rrule == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=5"
    assert d.action == "báo cáo"  # the recurrence words belong to the time


def test_action_is_never_the_bare_subject() -> None:
    d = one("2. Sở Tài chính hoàn thành trong quý II/2025.")
    assert d.action == "hoàn thành" and d.assignees == ["Sở Tài chính"]
    d = one("Sở Xây dựng hoàn thành trong quý II/2020 việc rà soát quy hoạch.")
    assert d.action == "hoàn thành việc rà soát quy hoạch" and d.assignees == ["Sở Xây dựng"]


@pytest.mark.parametrize("label", ["3.2 ", "3.2. ", "b) ", "- ", "+ "])
def test_action_never_carries_the_outline_label(label: str) -> None:
    d = one(f"3. Các sở, ngành\n{label}Hoàn thành việc rà soát trong quý III/2023.")
    assert d.action == "Hoàn thành việc rà soát"
    assert d.assignees == ["Các sở, ngành"]


def test_action_is_the_clause_not_the_preamble() -> None:
    d = one("Thực hiện Công văn số 9086/BNV-CTTN&BĐG ngày 30/12/2023 của Bộ Nội vụ và Công văn số 11554/VPCP-V.I "
            "ngày 05/12/2023 của Văn phòng Chính phủ, Sở Nội vụ đề nghị các cơ quan, đơn vị báo cáo kết quả "
            "trước ngày 15/7/2024 (qua Phòng CCHC).", date="2024-06-21")
    assert d.action == "báo cáo kết quả (qua Phòng CCHC)"
    assert d.assignees == ["các cơ quan, đơn vị"]
    d = one("Thực hiện Công văn số 12/UBND-VX của UBND tỉnh, đề nghị các đơn vị gửi báo cáo trước ngày 15/7/2024.")
    assert d.action == "gửi báo cáo" and d.assignees == ["các đơn vị"]


def test_joined_pair_of_deadlines_share_their_action() -> None:
    a, b = deadlines("Các sở báo cáo UBND tỉnh trước ngày 15/6/2025 và trước ngày 15/12/2025.")
    assert (a.date, b.date) == ("2025-06-15", "2025-12-15")
    assert a.action == b.action == "báo cáo UBND tỉnh"
    assert a.assignees == b.assignees == ["Các sở"]
    a, b = deadlines("Các sở báo cáo sơ kết trước ngày 15/6/2025 và báo cáo tổng kết trước ngày 15/12/2025.")
    assert (a.action, b.action) == ("báo cáo sơ kết", "báo cáo tổng kết")


def test_action_after_the_time_phrase() -> None:
    d = one("4. Ban Dân vận Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, "
            "định kỳ hằng quý báo cáo Ban Thường vụ Huyện ủy.")
    assert d.rrule == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
    assert d.action == "báo cáo Ban Thường vụ Huyện ủy" and d.assignees == ["Ban Dân vận Huyện ủy"]
    d = one("Hằng năm, trước ngày 15/10, các đơn vị gửi báo cáo về Phòng Nội vụ.")
    assert d.rrule == "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=15"
    assert d.action == "gửi báo cáo về Phòng Nội vụ" and d.assignees == ["các đơn vị"]


def test_table_time_column_gives_deadlines() -> None:
    text = ("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch:\n\n"
            "| STT | Nội dung | Đơn vị chủ trì | Thời gian |\n|---|---|---|---|\n"
            "| 1 | Tuyên truyền Chỉ thị | Sở Thông tin và Truyền thông | Tháng 4/2022 |\n"
            "| 2 | Tổng kết | Sở Nội vụ | trước ngày 15/12/2022 |\n"
            "| 3 | Báo cáo tình hình | Các sở, ngành | Hằng quý |\n"
            "| 4 | Kiểm tra | Sở Nội vụ | Thường xuyên |\n")
    found = deadlines(text, date="2022-03-10")
    assert [(d.text, d.date, d.rrule) for d in found] == [
        ("Tháng 4/2022", "2022-04", None), ("trước ngày 15/12/2022", "2022-12-15", None),
        ("Hằng quý", None, "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1")]
    assert [(d.action, d.assignees) for d in found] == [
        ("Tuyên truyền Chỉ thị", ["Sở Thông tin và Truyền thông"]), ("Tổng kết", ["Sở Nội vụ"]),
        ("Báo cáo tình hình", ["Các sở, ngành"])]


def test_run_on_line_of_deadlines_is_linear_and_actions_stay_short() -> None:
    unit = "trước ngày 30/11 hàng năm, "
    assert cpu_growth(lambda n: unit * n, deadlines, 5_000) < LINEAR
    found = deadlines(unit * 40_000)  # ~1 MB on one line
    assert len(found) == 40_000
    assert max(len(d.action) for d in found) < 100  # each reads its own clause, not its neighbours'


# --- document time frame helpers ------------------------------------------------------------------


def test_horizon_and_plan_year_from_title() -> None:
    assert horizon_from_title("Về việc ... trên địa bàn huyện Phú Giáo, đến năm 2020") == 2020
    assert horizon_from_title("Kế hoạch cải cách hành chính giai đoạn 2021-2025") == 2025
    assert horizon_from_title("Triển khai công tác dân vận năm 2025") is None
    assert plan_year_from_title("Triển khai công tác dân vận năm 2022 trên địa bàn tỉnh") == 2022
    assert plan_year_from_title("đến năm 2020") is None
    assert plan_year_from_title(None) is None


# --- linear time on junk ----------------------------------------------------------------------------


def test_megabyte_of_junk_is_fast() -> None:
    junk = ("trước ngày 1 " * 3 + "vào giữa các tháng cuối của " + "1. a) - + " * 5 + "ngày 15 hằng "
            + "từ ngày 10 đến ngày " * 4 + "quý II/ tháng 4/ năm " + "Sở Nội vụ yêu cầu các đơn vị, " * 3 + "\n") * 3300
    assert len(junk) > 1_000_000
    assert cpu_growth(lambda n: junk[: n * len(junk) // 3300], lambda t: deadlines(t, year=2025), 400) < LINEAR


# --- the samples (seeds-gold) ------------------------------------------------------------------------


def _gold() -> dict:
    return yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_seeds_gold_deadlines(name: str) -> None:
    from danvan_cli.pipeline import parse_file

    gold = _gold()[name].get("deadlines", [])
    doc = parse_file(SAMPLES / name)
    got = doc.deadlines
    assert len(got) == len(gold), [d.to_dict() for d in got]
    for g, d in zip(gold, got):
        assert d.text == g["text"]
        assert d.date == (str(g["date"]) if g.get("date") else None)
        assert d.rrule == g.get("rrule")
        assert d.approximate == g.get("approximate", False)
        assert d.action == g["action"]
        # the gold lists are flow YAML: a unit name with commas may be split there; compare the words
        assert ", ".join(d.assignees) == ", ".join(g["assignees"])
        assert doc.text[d.span.start : d.span.end].replace("*", "").split() == d.text.split()


def test_sample_002_yearly_deadline_stops_at_its_horizon() -> None:
    from danvan_cli.pipeline import parse_file

    doc = parse_file(SAMPLES / "002_9ac44cf077a342da.txt")
    assert doc.deadlines[0].until == "2020-12-31"
