"""The task outline: labels of Vietnamese administrative writing, ranks, broken numbering,
operative sections, and the seeds-gold outline of the samples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from danvan_cli.extract.outline import (
    build_outline,
    extract_outline,
    extract_tasks,
    iter_tasks,
    read_label,
    task_at,
)
from danvan_cli.model import Document, Task
from danvan_cli.text.normalize import matching_view, normalize_text
from support.growth import LINEAR, cpu_growth

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD = yaml.safe_load((Path(__file__).resolve().parent / "fixtures" / "seeds-gold.yaml").read_text(encoding="utf-8"))


def tasks_of(text: str, **meta: object) -> list[Task]:
    text = normalize_text(text)
    return extract_tasks(text, matching_view(text))


def outline_of(text: str) -> list[Task]:
    text = normalize_text(text)
    return extract_outline(text, matching_view(text))


def label(line: str) -> tuple[int, str] | None:
    lab = read_label(line, 0, len(line))
    return None if lab is None else (lab.rank, lab.id)


# --- labels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, ident",
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", "I"), ("IV. KINH PHÍ", "IV"), ("XII. Khác", "XII"),
        ("Điều 3. Trách nhiệm thi hành", "3"), ("1. Sở Nội vụ", "1"), ("12) Nội dung", "12"),
        ("1.1. Tuyên truyền", "1.1"), ("1.1.1 Tổ chức", "1.1.1"), ("3.2 Công tác khác", "3.2"),
        ("a) Xác định", "a"), ("đ) Tiếp tục", "đ"), ("g) Chủ động", "g"), ("y) Cuối", "y"),
        ("- Triển khai", "-"), ("+ Tổ chức", "+"),
    ],
)
def test_labels(line: str, ident: str) -> None:
    got = label(line)
    assert got is not None and got[1] == ident


@pytest.mark.parametrize(
    "line",
    [
        "f) no f in the Vietnamese alphabet", "j) nor j", "w) nor w", "z) nor z",
        "2025 là năm", "1.000 người tham gia", "2.5 triệu đồng", "26/11/2021 ký", "Số: 02 /CT-UBND",
        "Trên đây là Kế hoạch", "Ive. not roman",
    ],
)
def test_not_labels(line: str) -> None:
    assert label(line) is None


def test_ranks_follow_the_rules() -> None:
    ranks = [label(x)[0] for x in ("I. A", "Điều 1. A", "1. A", "1.1. A", "1.1.1. A", "a) A", "- A", "+ A")]  # type: ignore[index]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


# --- the tree -----------------------------------------------------------------------------------

PLAN = """KẾ HOẠCH
Triển khai công tác năm 2025

Thực hiện Chỉ thị số 33/CT-TTg, UBND tỉnh ban hành Kế hoạch như sau:

**I. MỤC ĐÍCH, YÊU CẦU**
- Nâng cao nhận thức.
- Bảo đảm thiết thực.

**II. NHIỆM VỤ**
**1. Công tác tuyên truyền**
1.1. Tuyên truyền trên báo chí
a) Báo in.
b) Báo điện tử.
1.2 Tuyên truyền tại cơ sở
- Hội nghị.
+ Cấp huyện.
+ Cấp xã.
2. Công tác kiểm tra
3. Công tác khác
3.1. Một
3.2. Hai
3.2. Hai lặp lại
3.4. Bốn
5. Bỏ qua số 4
6. Sau chỗ hỏng

III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
Là cơ quan đầu mối theo dõi.
2. Giao Sở Văn hóa chủ trì, phối hợp với Sở Tài chính, Công an tỉnh tổ chức thực hiện.
3. Đề nghị Ủy ban MTTQ tỉnh
Phối hợp tuyên truyền.

Trên đây là Kế hoạch triển khai công tác năm 2025 của UBND tỉnh.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_plan_sections_and_paths() -> None:
    tasks = tasks_of(PLAN)
    assert [t.path for t in tasks] == ["II", "III"]  # MỤC ĐÍCH, YÊU CẦU is outline, not tasks
    ii = tasks[0]
    assert ii.heading == "NHIỆM VỤ"
    assert [c.id for c in ii.children] == ["1", "2", "3", "5", "6"]
    one = ii.children[0]
    assert one.heading == "Công tác tuyên truyền"
    assert [c.path for c in one.children] == ["II.1.1", "II.1.2"]
    assert [c.id for c in one.children] == ["1.1", "1.2"]
    assert [c.path for c in one.children[0].children] == ["II.1.1.a", "II.1.1.b"]
    dash = one.children[1].children[0]
    assert dash.id == "-1" and dash.text == "Hội nghị."
    assert [c.id for c in dash.children] == ["+1", "+2"]


def test_broken_numbering_does_not_derail_the_rest() -> None:
    ii = tasks_of(PLAN)[0]
    assert [c.text for c in ii.children[-2:]] == ["Bỏ qua số 4", "Sau chỗ hỏng"]
    three = ii.children[2]
    assert [c.id for c in three.children] == ["3.1", "3.2", "3.2", "3.4"]
    assert [c.path for c in three.children] == ["II.3.1", "II.3.2", "II.3.2#2", "II.3.4"]  # paths stay unique
    assert not ii.children[3].children and not ii.children[4].children


def test_outline_keeps_the_purpose_section() -> None:
    outline = outline_of(PLAN)
    assert [t.path for t in outline] == ["I", "II", "III"]
    assert [c.id for c in outline[0].children] == ["-1", "-2"]


def test_recipients_and_closing_are_not_items() -> None:
    iii = tasks_of(PLAN)[1]
    assert [c.id for c in iii.children] == ["1", "2", "3"]
    assert "Trên đây" not in iii.children[-1].text
    assert all("Lưu" not in t.text for t in iter_tasks(tasks_of(PLAN)))


def test_assignees_in_to_chuc_thuc_hien() -> None:
    iii = tasks_of(PLAN)[1]
    assert iii.children[0].assignees == ["Sở Nội vụ"]
    assert iii.children[0].lead == ["Sở Nội vụ"]
    two = iii.children[1]
    assert two.lead == ["Sở Văn hóa"] and two.support == ["Sở Tài chính", "Công an tỉnh"]
    assert two.assignees == ["Sở Văn hóa", "Sở Tài chính", "Công an tỉnh"]
    assert iii.children[2].assignees == ["Ủy ban MTTQ tỉnh"]


def test_spans_cover_the_item_and_task_at_finds_the_deepest() -> None:
    text = normalize_text(PLAN)
    tasks = extract_tasks(text, matching_view(text))
    pos = text.index("Báo điện tử")
    t = task_at(tasks, pos)
    assert t is not None and t.path == "II.1.1.b"
    one = tasks[0].children[0]
    assert one.span is not None and text[one.span.start :].startswith("1. Công tác")
    assert one.span.end >= text.index("Cấp xã.") + len("Cấp xã.")


DIRECTIVE = """CHỈ THỊ
Về việc tăng cường công tác dân vận

Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, ngành, Chủ tịch UBND các huyện nghiêm túc thực hiện các nội dung sau:
1. Tuyên truyền sâu rộng.
2. Phòng Nội vụ thường xuyên đôn đốc, kiểm tra.
3. Các đơn vị thực hiện:
a) Nội dung a.
b) Nội dung b.
c) Nội dung c.
d) Nội dung d.
đ) Nội dung đ.
e) Nội dung e.
g) Nội dung g.
Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các cơ quan nghiêm túc thực hiện Chỉ thị này./.
"""


def test_directive_numbered_body_and_preamble_addressees() -> None:
    tasks = tasks_of(DIRECTIVE)
    assert [t.id for t in tasks] == ["1", "2", "3"]
    assert tasks[0].assignees == ["Giám đốc các sở, ngành", "Chủ tịch UBND các huyện"]
    assert tasks[1].assignees == ["Phòng Nội vụ"]
    assert [c.id for c in tasks[2].children] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert tasks[2].children[0].assignees == ["Các đơn vị"]  # inherited from the item
    assert "Chỉ thị này" not in tasks[2].children[-1].text


def test_decision_articles_and_repealed_documents() -> None:
    text = """QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.
Điều 2. Bãi bỏ các văn bản sau:
1. Quyết định số 12/2019/QĐ-UBND ngày 01/02/2019.
2. Quyết định số 15/2020/QĐ-UBND ngày 03/04/2020.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.
"""
    tasks = tasks_of(text)
    assert [t.id for t in tasks] == ["1", "2", "3"]
    assert tasks[1].children == []  # a list of repealed decisions is not a task list
    assert [c.id for c in outline_of(text)[1].children] == ["1", "2"]


def test_slogan_list_is_not_tasks() -> None:
    text = "II. NHIỆM VỤ\n1. Thực hiện phương châm:\n- “Dân biết, dân bàn”\n- “Dân làm, dân kiểm tra”\n2. Kiểm tra.\n"
    tasks = tasks_of(text)
    assert tasks[0].children[0].children == []


def test_bold_marks_or_not() -> None:
    a = tasks_of("II. NHIỆM VỤ\n1. Sở Nội vụ\nTheo dõi.\n")
    b = tasks_of("**II. NHIỆM VỤ**\n**1. Sở Nội vụ**\nTheo dõi.\n")
    assert next(t.to_dict() for t in a)["children"][0]["heading"] == b[0].children[0].heading == "Sở Nội vụ"


def test_no_outline_in_a_news_report() -> None:
    assert tasks_of("Chiều 7/1, UBND thành phố tổ chức Hội nghị.\nĐồng chí Chủ tịch phát biểu.") == []


def test_megabyte_of_labels_is_fast() -> None:
    unit = "1. a) - + 1.1 I. Điều 2. " * 3 + "\n" + "3.2 Một\n- x\nI. Y\n"

    def read(text: str) -> None:
        build_outline(matching_view(text))
        tasks_of(text)

    assert cpu_growth(lambda n: unit * n, read, 1500) < LINEAR  # up to half a megabyte


# --- the samples (seeds-gold) ---------------------------------------------------------------------


def _parse(name: str) -> Document:
    from danvan_cli.pipeline import parse_file

    return parse_file(SAMPLES / name)


@pytest.mark.parametrize("name", ["000_79d65725ce4f5874.txt", "002_9ac44cf077a342da.txt"])
def test_seeds_top_level_tasks_of_directives(name: str) -> None:
    assert len(_parse(name).tasks) == GOLD[name]["top_level_tasks"]


def test_seeds_001_sections_tasks_and_units() -> None:
    name = "001_31b30f9d11ead8da.txt"
    doc = _parse(name)
    assert [t.path for t in doc.tasks] == ["II", "III"]
    outline = extract_outline(doc.text, matching_view(doc.text))
    assert [f"{t.id}. {t.heading}" for t in outline] == GOLD[name]["sections"]
    assert len(doc.tasks[0].children) == GOLD[name]["top_level_tasks"]
    units = [u for c in doc.tasks[1].children for u in c.lead]
    assert ", ".join(units) == ", ".join(GOLD[name]["assigned_units"])
    assert units == ["Sở Nội vụ", "Các sở, ban, ngành", "UBND các huyện, thành phố, thị xã", "Ban Dân vận Tỉnh ủy"]


def test_seeds_002_points_skip_f() -> None:
    name = "002_9ac44cf077a342da.txt"
    doc = _parse(name)
    assert [c.id for c in doc.tasks[0].children] == GOLD[name]["subtasks_of_1"]
    assert doc.tasks[0].children[0].path == "1.a"
    assert doc.tasks[1].assignees == ["Phòng Văn hóa - Thông tin", "Đài Truyền thanh huyện"]


def test_seeds_000_addressees_for_numbered_tasks() -> None:
    doc = _parse("000_79d65725ce4f5874.txt")
    assert doc.tasks[0].assignees == ["Giám đốc sở, ngành thành phố", "Thủ trưởng đơn vị", "Chủ tịch Ủy ban nhân dân quận, huyện"]


def test_seeds_004_sections_and_units() -> None:
    name = "004_7bfcb32814c81f86.txt"
    doc = _parse(name)
    outline = extract_outline(doc.text, matching_view(doc.text))
    assert ", ".join(f"{t.id}. {t.heading}" for t in outline) == ", ".join(GOLD[name]["sections"])
    assert [t.path for t in doc.tasks] == ["II", "III"]
    units = [c.lead[0] for c in doc.tasks[1].children]
    assert units == GOLD[name]["assigned_units"]


def test_seeds_003_news_has_no_tasks() -> None:
    assert _parse("003_c4ff23b0dfae42e9.txt").tasks == []


def test_plan_attached_to_a_decision_is_read() -> None:
    text = """QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện công tác dân vận năm 2025
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác dân vận năm 2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn A

KẾ HOẠCH
Thực hiện công tác dân vận năm 2025
(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 10/01/2025 của UBND tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao hiệu quả.
II. NHIỆM VỤ
1. Sở Nội vụ
Tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2025.
"""
    tasks = tasks_of(text)
    assert [t.path for t in tasks] == ["II"]
    assert tasks[0].children[0].assignees == ["Sở Nội vụ"]
    from danvan_cli.extract.deadlines import DocumentTime, extract_deadlines

    norm = normalize_text(text)
    doc = Document(source="t", text=norm, date="2025-01-10")
    found = extract_deadlines(norm, matching_view(norm), DocumentTime.of(doc),
                              extract_tasks(norm, matching_view(norm))).deadlines
    assert [(d.date, d.assignees) for d in found] == [("2025-12-15", ["Sở Nội vụ"])]


# --- items of TỔ CHỨC THỰC HIỆN, closings, enumerations, tables (review of issue 3) ---------------

UNIT_COLON = """III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ: chủ trì tổng hợp.
2. Sở Tài chính: bố trí kinh phí.
3. Công an tỉnh: bảo đảm an ninh.
"""


def test_unit_colon_task_items_are_led_by_their_unit() -> None:
    iii = tasks_of(UNIT_COLON)[0]
    assert [c.lead for c in iii.children] == [["Sở Nội vụ"], ["Sở Tài chính"], ["Công an tỉnh"]]
    assert iii.children[1].assignees == ["Sở Tài chính"]


PARTY_DIRECTIVE = """CHỈ THỊ
của Ban Thường vụ Huyện ủy về tăng cường công tác dân vận

Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nội dung sau:

1. Quán triệt sâu sắc Nghị quyết số 25-NQ/TW ngày 03-6-2013 của Ban Chấp hành Trung ương Đảng (khóa XI).
2. Chỉ thị này thay thế Chỉ thị số 08-CT/HU ngày 10-10-2016 của Ban Thường vụ Huyện ủy.
3. Ban Dân vận Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, định kỳ hằng quý báo cáo Ban Thường vụ Huyện ủy.
{closing}
Nơi nhận:
- Các chi, đảng bộ trực thuộc,
- Lưu Văn phòng Huyện ủy.
"""


@pytest.mark.parametrize("closing", [
    "\nChỉ thị này được phổ biến đến chi bộ.\n",
    "\nNhận được Chỉ thị này, các cấp ủy nghiêm túc thực hiện.\n",
    "\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n",
])
def test_closing_paragraph_after_the_last_item_is_not_its_text(closing: str) -> None:
    plain = tasks_of(PARTY_DIRECTIVE.format(closing=""))
    closed = tasks_of(PARTY_DIRECTIVE.format(closing=closing))
    assert [t.to_dict() | {"span": None} for t in closed] == [t.to_dict() | {"span": None} for t in plain]
    last = closed[-1]
    assert last.heading is None and last.text.startswith("Ban Dân vận Huyện ủy chủ trì")
    assert last.lead == ["Ban Dân vận Huyện ủy"] and last.support == ["Văn phòng Huyện ủy"]
    assert closed[0].assignees == ["các cấp ủy, tổ chức đảng"]  # "tổ chức đảng" is a noun, not a verb


DECISION = """QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác dân vận.
Điều 2. Chánh Văn phòng UBND thành phố, Giám đốc Sở Nội vụ, Chủ tịch UBND các quận, huyện chịu trách nhiệm thi hành Quyết định này.
1. Sở Nội vụ báo cáo kết quả trước ngày 31/12/2021.
2. Các quận, huyện:
a) Tổ chức quán triệt trong tháng 8/2021;
b) Báo cáo định kỳ hằng năm.
"""


def test_heading_unit_passes_down_and_a_report_is_no_assignee() -> None:
    dieu2 = tasks_of(DECISION)[1]
    assert dieu2.lead == ["Chánh Văn phòng UBND thành phố", "Giám đốc Sở Nội vụ", "Chủ tịch UBND các quận, huyện"]
    two = dieu2.children[1]
    assert two.heading == "Các quận, huyện" and two.lead == ["Các quận, huyện"]
    report = two.children[1]
    assert report.text == "Báo cáo định kỳ hằng năm."
    assert report.lead == [] and report.assignees == ["Các quận, huyện"]  # "Báo cáo" is no unit (no "Báo Nhân Dân")
    assert two.children[0].assignees == ["Các quận, huyện"]


SLOGANS = """KẾ HOẠCH
Công tác dân vận năm 2022

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức.
II. NHIỆM VỤ, GIẢI PHÁP
1. Công tác tuyên truyền
1.1. Tuyên truyền trên báo chí.
1.2. Tuyên truyền trên mạng xã hội.
- Xây dựng chuyên mục;
+ Chuyên mục trên Cổng thông tin;
+ Chuyên mục trên Zalo;
- Tổ chức tọa đàm.
2. Công tác đối thoại
2.1. Đối thoại định kỳ.
2.1. Đối thoại đột xuất.
2.2. Tiếp công dân.
4. Công tác kiểm tra
a) Kiểm tra định kỳ;
b) Kiểm tra đột xuất;
5. Khẩu hiệu tuyên truyền:
1. Dân vận khéo thì việc gì cũng thành công!
2. Trọng dân, gần dân, hiểu dân!
6. Công tác khác
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ: chủ trì tổng hợp.
2. Sở Tài chính: bố trí kinh phí.
"""


def test_a_list_restarting_under_an_item_ending_with_a_colon_is_that_items_own() -> None:
    ii = outline_of(SLOGANS)[1]
    assert [c.id for c in ii.children] == ["1", "2", "4", "5", "6"]  # "6." after the slogans is the next item
    five = ii.children[3]
    assert five.heading == "Khẩu hiệu tuyên truyền"
    assert [c.path for c in five.children] == ["II.5.1", "II.5.2"]


def test_slogan_list_is_outline_not_tasks() -> None:
    ii = tasks_of(SLOGANS)[0]
    assert ii.children[3].children == []
    assert [t.path for t in tasks_of(SLOGANS)] == ["II", "III"]


def _all_paths(tasks: list[Task]) -> list[str]:
    return [t.path for t in iter_tasks(tasks)]


def test_repeated_labels_get_unique_paths() -> None:
    two = tasks_of(SLOGANS)[0].children[1]
    assert [c.id for c in two.children] == ["2.1", "2.1", "2.2"]  # the label as written
    assert [c.path for c in two.children] == ["II.2.1", "II.2.1#2", "II.2.2"]


TABLE_PLAN = """**KẾ HOẠCH**
**Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ**

Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:

| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Tuyên truyền Chỉ thị | Sở Thông tin và Truyền thông | Báo Hải Dương, Đài Phát thanh tỉnh | Tháng 4/2022 |
| 2 | Tổng kết | Sở Nội vụ | Các sở, ngành | trước ngày 15/12/2022 |
"""


def test_markdown_table_rows_are_items_with_their_units() -> None:
    tasks = tasks_of(TABLE_PLAN)
    assert [(t.id, t.text) for t in tasks] == [("1", "Tuyên truyền Chỉ thị"), ("2", "Tổng kết")]
    assert tasks[0].lead == ["Sở Thông tin và Truyền thông"]
    assert tasks[0].support == ["Báo Hải Dương", "Đài Phát thanh tỉnh"]
    assert tasks[1].assignees == ["Sở Nội vụ", "Các sở, ngành"]
    assert all("---" not in t.text and "STT" not in t.text for t in iter_tasks(tasks))  # header and separator rows


def test_table_under_a_section_and_the_implementing_column() -> None:
    text = ("II. NHIỆM VỤ\n| TT | Nhiệm vụ | Đơn vị thực hiện | Thời hạn |\n| :-- | :-- | :-: | --: |\n"
            "| 1 | Rà soát văn bản | Sở Tư pháp | Quý II/2025 |\n| 2 | Tập huấn | Sở Nội vụ | Tháng 6/2025 |\n"
            "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\nTheo dõi.\n")
    ii, iii = tasks_of(text)
    assert [(c.path, c.text, c.lead) for c in ii.children] == [
        ("II.1", "Rà soát văn bản", ["Sở Tư pháp"]), ("II.2", "Tập huấn", ["Sở Nội vụ"])]
    assert [c.path for c in iii.children] == ["III.1"]


def test_a_header_laid_out_as_a_table_is_no_task_table() -> None:
    text = ("| ỦY BAN NHÂN DÂN XÃ TÂN HIỆP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| --- | --- |\n"
            "| Số: 05/KH-UBND | Tân Hiệp, ngày 05 tháng 8 năm 2025 |\n\nKẾ HOẠCH\nTriển khai công tác dân vận\n\n"
            "1. Tuyên truyền.\n")
    assert [t.text for t in tasks_of(text)] == ["Tuyên truyền."]


def _probe_texts() -> list[str]:
    return [PLAN, DIRECTIVE, UNIT_COLON, PARTY_DIRECTIVE.format(closing=""), DECISION, SLOGANS, TABLE_PLAN]


def test_task_paths_are_unique_over_samples_and_probes() -> None:
    texts = [normalize_text(p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))] + _probe_texts()
    for text in texts:
        for tree in (tasks_of(text), outline_of(text)):
            paths = _all_paths(tree)
            assert len(paths) == len(set(paths)), [p for p in paths if paths.count(p) > 1]


def test_outline_is_in_parse_json() -> None:
    import json

    from click.testing import CliRunner

    from danvan_cli.cli import main

    result = CliRunner().invoke(main, ["parse", str(SAMPLES / "004_7bfcb32814c81f86.txt"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    d = json.loads(result.stdout)
    assert [t["path"] for t in d["outline"]] == ["I", "II", "III"]  # MỤC ĐÍCH, YÊU CẦU kept as outline
    assert [t["path"] for t in d["tasks"]] == ["II", "III"]
    assert set(d["outline"][0]) == set(d["tasks"][0])  # same node shape


#: A text hard-wrapped as a web page's text export gives it: breaks inside sentences.
_WRAPPED_BODY = """NHIỆM VỤ
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định mức chi cho công tác dân vận trên địa bàn tỉnh, áp dụng
cho các cơ quan, đơn vị của tỉnh từ năm 2026 và thay thế các quy định trước
đây về mức chi.
Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện đầy đủ, kịp thời và có hiệu quả
Nghị quyết này.
2. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ và các sở, ngành liên quan
hướng dẫn, kiểm tra việc thực hiện mức chi; tổng hợp, báo cáo kết quả thực
hiện trước ngày 15 tháng 12 hằng năm.
3. Đài Phát thanh và Truyền hình tỉnh chủ trì, phối hợp với các đơn vị có
liên quan tuyên truyền Nghị quyết này.
4. Ban Dân vận Tỉnh ủy chủ trì, phối hợp
Ủy ban MTTQ tỉnh, các đoàn thể tỉnh xây dựng chuyên mục tuyên truyền về
công tác dân vận trên Báo và Đài của tỉnh.
"""


def test_a_first_line_that_wraps_its_sentence_is_no_heading() -> None:
    tasks = list(iter_tasks(tasks_of(_WRAPPED_BODY)))
    giao = next(t for t in tasks if t.text.startswith("Giao Ủy ban"))
    so = next(t for t in tasks if t.text.startswith("Sở Tài chính"))
    assert so.heading is None and so.lead == ["Sở Tài chính"] and so.support == ["Sở Nội vụ", "các sở, ngành liên quan"]
    assert giao.heading is None and giao.text.endswith("Nghị quyết này.")
    assert giao.lead == ["Ủy ban nhân dân tỉnh"]
    k = next(t for t in tasks if "Ban Dân vận Tỉnh ủy" in f"{t.heading} {t.text}")
    assert k.lead == ["Ban Dân vận Tỉnh ủy"]  # a short line: read as a heading, its partners open the text
    assert k.support == ["Ủy ban MTTQ tỉnh", "các đoàn thể tỉnh"]


def test_an_article_title_stays_a_heading_in_a_hard_wrapped_text() -> None:
    first = outline_of(_WRAPPED_BODY)
    art = next(t for t in iter_tasks(first) if t.id == "1" and t.heading)
    assert art.heading == "Phạm vi điều chỉnh" and art.text.startswith("Nghị quyết này quy định")


_PROCEDURES_DECISION = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 100/QĐ-UBND
An Giang, ngày 3 tháng 11 năm 2025
QUYẾT ĐỊNH
Về việc công bố danh mục thủ tục hành chính
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này danh mục 02 thủ tục hành chính.
Điều 2. Giao Sở Tư pháp chủ trì, phối hợp với Văn phòng UBND tỉnh cập nhật quy trình.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
PHỤ LỤC
{table}
"""
_PIPE = """| STT | Mã TTHC | Tên thủ tục hành chính | Thời hạn giải quyết | Cơ quan thực hiện |
|---|---|---|---|---|
| 1 | 1.001234 | Cấp bản sao từ sổ gốc | 05 ngày làm việc | Sở Tư pháp |
| 2 | 1.001235 | Chứng thực chữ ký | Trong ngày | UBND cấp xã |"""
_BARS = "\n|\n".join(["**STT**", "**Mã TTHC**", "**Tên thủ tục hành chính**", "**Cơ quan thực hiện**", "",
                      "1", "1.001234", "Cấp bản sao từ sổ gốc", "Sở Tư pháp", "",
                      "2", "1.001235", "Chứng thực chữ ký", "UBND cấp xã"]) + "\n|"


@pytest.mark.parametrize("table", [_PIPE, _BARS], ids=["pipe", "bars"])
def test_a_table_of_procedures_is_no_task_table(table: str) -> None:
    from danvan_cli.pipeline import parse_text

    doc = parse_text(_PROCEDURES_DECISION.format(table=table))
    tasks = list(iter_tasks(doc.tasks))
    assert [t.id for t in doc.tasks] == ["1", "2", "3"]  # the articles, not the procedures' rows
    assert not any("bản sao" in t.text for t in tasks)
    assert doc.tasks[1].lead == ["Sở Tư pháp"] and doc.tasks[1].support == ["Văn phòng UBND tỉnh"]
    assert not any(d.text.startswith("05 ngày") for d in doc.deadlines)  # a time limit to handle a file, no deadline


def test_an_article_that_opens_with_a_unit_has_no_title_in_a_hard_wrapped_text() -> None:
    text = _WRAPPED_BODY.split("Điều 2.")[0] + (
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân\n"
        "tỉnh, Giám đốc Sở Tư pháp, Giám đốc Sở Nội vụ và các tổ chức, cá nhân có liên\n"
        "quan chịu trách nhiệm thi hành Nghị quyết này./.\n")
    art = next(t for t in iter_tasks(outline_of(text)) if t.id == "3")
    assert art.heading is None and art.text.startswith("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc")
    assert next(t for t in iter_tasks(outline_of(text)) if t.id == "1").heading == "Phạm vi điều chỉnh"
    task = next(t for t in iter_tasks(tasks_of(text)) if t.id == "3")
    assert task.lead[:3] == ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Tư pháp", "Giám đốc Sở Nội vụ"]
