"""Task tables whose cells lost every mark (a cell per line, no ``|``): read from the
column titles and the row numbers (``danvan_cli/text/loose_tables.py``)."""

from __future__ import annotations

from danvan_cli.extract.outline import iter_tasks
from danvan_cli.pipeline import parse_text
from danvan_cli.text.loose_tables import loose_tables

_HEAD = """ỦY BAN NHÂN DÂN
TỈNH PHÚ THỌ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 25/KH-UBND
Phú Thọ, ngày 10 tháng 1 năm 2021
KẾ HOẠCH
Triển khai công tác bầu cử
I. MỤC ĐÍCH
1. Tổ chức thành công cuộc bầu cử.
II. NHIỆM VỤ
Các nhiệm vụ cụ thể như sau:
"""
_TABLE = """
TT

Nội dung công việc

Đơn vị chủ trì

Đơn vị phối hợp

Thời gian hoàn thành

1

Triển khai công tác bầu cử ở tỉnh

Văn phòng UBND tỉnh

Sở Nội vụ

21/01/2021

2

Thành lập Ủy ban bầu cử các cấp

Nội dung gồm hai bước: rà soát và trình quyết định.

Sở Nội vụ

Trước ngày 07/02/2021

3

Tổng hợp kết quả bầu cử

Quý II/2021
"""
_TAIL = """III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ theo dõi, tổng hợp.
"""


def test_rows_of_a_table_without_marks_are_tasks_with_their_columns() -> None:
    doc = parse_text(_HEAD + _TABLE + _TAIL)
    rows = [t for t in iter_tasks(doc.tasks) if t.path.startswith("II.")]
    assert [t.text for t in rows] == ["Triển khai công tác bầu cử ở tỉnh",
                                      "Thành lập Ủy ban bầu cử các cấp Nội dung gồm hai bước: rà soát và trình quyết định.",
                                      "Tổng hợp kết quả bầu cử"]
    assert (rows[0].lead, rows[0].support) == (["Văn phòng UBND tỉnh"], ["Sở Nội vụ"])
    assert rows[1].lead == ["Sở Nội vụ"] and rows[2].lead == []  # a short row is read from its end
    assert [(d.date, d.assignees) for d in doc.deadlines][:3] == [
        ("2021-01-21", ["Văn phòng UBND tỉnh", "Sở Nội vụ"]), ("2021-02-07", ["Sở Nội vụ"]), ("2021-06-30", [])]
    assert not any("Nội dung công việc" in t.text for t in iter_tasks(doc.tasks))  # the titles are no item's text


def test_a_bare_number_that_does_not_follow_is_a_cell() -> None:
    text = "TT\nNội dung\nSố lượng\nThời gian\n1\nIn tài liệu\n5\nTháng 3/2025\n2\nPhát tài liệu\n7\nTháng 4/2025\n"
    (table,) = loose_tables(text)
    assert len(table.rows) == 3  # the titles and two rows: "5" and "7" are quantities
    assert [text[c.start : c.end] for c in table.rows[1].cells] == ["1", "In tài liệu", "5", "Tháng 3/2025"]


def test_prose_and_lists_without_task_columns_are_no_table() -> None:
    assert loose_tables("TT\nHọ và tên\nChức vụ\n1\nNguyễn Văn A\nGiám đốc\n2\nTrần Văn B\nPhó Giám đốc\n") == []
    assert loose_tables("Kế hoạch gồm các nội dung sau.\n1\nTuyên truyền.\n2\nKiểm tra.\n") == []
    one_row = "TT\nNội dung\nThời gian\n1\nTuyên truyền\nQuý I/2025\n"
    assert loose_tables(one_row) == []  # one row: too little to be a table
