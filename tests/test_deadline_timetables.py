"""Timetables laid out as columns (``pdftotext -layout``, a Word table pasted as text): each
row's time is a deadline of that row's step and unit; a row of the issuer's own activity (its
contest day) is none, and dates what is counted from it. Invented plans of the same shape."""

from __future__ import annotations

from danvan_cli import parse_text

HEAD = ("UBND TỈNH HÀ NAM                              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO                               Độc lập - Tự do - Hạnh phúc\n"
        "Số: 120/KH-SGDĐT                                  Hà Nam, ngày 01 tháng 3 năm 2024\n\n"
        "                                     KẾ HOẠCH\n"
        "                     Tổ chức Hội thi giáo viên dạy giỏi cấp tỉnh năm 2024\n\n"
        "     I. MỤC ĐÍCH, YÊU CẦU\n     Nâng cao chất lượng đội ngũ giáo viên.\n     II. TIẾN ĐỘ THỰC HIỆN\n")
TAIL = ("     III. TỔ CHỨC THỰC HIỆN\n     Các đơn vị thực hiện nghiêm túc kế hoạch này.\n\n"
        " Nơi nhận:                                                     GIÁM ĐỐC\n"
        " - Như trên;\n - Lưu: VT.                                                     Nguyễn Văn An\n")

LAID_OUT = (
    " TT     Nội dung công việc                      Đơn vị thực hiện          Thời gian\n"
    " 1      Đăng ký danh sách giáo viên dự thi      Phòng GDĐT các huyện      Trước ngày 15/3/2024\n"
    "        gửi về Sở GDĐT\n"
    " 2      Gửi sản phẩm dự thi                     Các trường THPT           Chậm nhất ngày 05/4/2024\n"
    " 3      Tổ chức Hội thi cấp tỉnh                Sở GDĐT                   Ngày 20/4/2024\n"
    " 4      Báo cáo kết quả về Bộ GDĐT              Sở GDĐT                   Sau khi kết thúc Hội thi\n"
)


def deadlines(table: str) -> list[tuple[str, str | None, str, list[str]]]:
    d = parse_text(HEAD + table + TAIL)
    return [(x.kind, x.date, x.action, x.assignees) for x in d.deadlines]


def test_each_row_of_a_laid_out_timetable_is_a_deadline_of_its_step_and_unit() -> None:
    assert deadlines(LAID_OUT) == [
        ("date", "2024-03-15", "Đăng ký danh sách giáo viên dự thi gửi về Sở GDĐT", ["Phòng GDĐT các huyện"]),
        ("date", "2024-04-05", "Gửi sản phẩm dự thi", ["Các trường THPT"]),
        ("relative", "2024-04-20", "Báo cáo kết quả về Bộ GDĐT", ["Sở GDĐT"]),
    ]


def test_a_word_table_pasted_with_tabs_is_read_by_its_cells_order() -> None:
    pasted = ("TT\tNội dung công việc\tĐơn vị thực hiện\tThời gian\n"
              "1\tĐăng ký danh sách giáo viên dự thi\tPhòng GDĐT các huyện\tTrước ngày 15/3/2024\n"
              "2\tTổ chức Hội thi cấp tỉnh\tSở GDĐT\tNgày 20/4/2024\n"
              "3\tBáo cáo kết quả về Bộ GDĐT\tSở GDĐT\tSau khi kết thúc Hội thi\n")
    assert deadlines(pasted) == [
        ("date", "2024-03-15", "Đăng ký danh sách giáo viên dự thi", ["Phòng GDĐT các huyện"]),
        ("relative", "2024-04-20", "Báo cáo kết quả về Bộ GDĐT", ["Sở GDĐT"]),
    ]


def test_the_issuers_own_contest_day_is_no_deadline_but_the_units_own_contest_is() -> None:
    rows = (" TT     Nội dung công việc                      Đơn vị thực hiện          Thời gian\n"
            " 1      Tổ chức Hội thi cấp trường              Các trường THPT           Trước ngày 30/3/2024\n"
            " 2      Tổ chức Hội thi cấp tỉnh                Sở GDĐT                   Ngày 20/4/2024\n")
    assert deadlines(rows) == [("date", "2024-03-30", "Tổ chức Hội thi cấp trường", ["Các trường THPT"])]


def test_an_event_with_no_dated_row_stays_undated() -> None:
    rows = (" TT     Nội dung công việc                      Đơn vị thực hiện          Thời gian\n"
            " 1      Báo cáo kết quả về Bộ GDĐT              Sở GDĐT                   Sau khi kết thúc Hội thi\n")
    assert deadlines(rows) == [("relative", None, "Báo cáo kết quả về Bộ GDĐT", ["Sở GDĐT"])]


def test_the_text_after_the_table_is_no_row_of_it() -> None:
    d = parse_text(HEAD + LAID_OUT + TAIL)
    assert all("TỔ CHỨC THỰC HIỆN" not in x.action for x in d.deadlines)


def test_columns_without_a_time_title_are_no_timetable() -> None:
    rows = (" TT     Nội dung công việc                      Đơn vị thực hiện          Ghi chú\n"
            " 1      Đăng ký danh sách giáo viên dự thi      Phòng GDĐT các huyện      Ngày 15/3/2024\n")
    assert deadlines(rows) == []
