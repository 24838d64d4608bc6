"""Shapes of a school's or small office's Word file: a trích yếu wrapped onto a line that
opens in lower case, and the place and date written at the end above the signature."""

from __future__ import annotations

from danvan_cli.pipeline import parse_text

_HEAD = "PHÒNG GD-ĐT BÌNH TÂN\nTRƯỜNG THCS TÂN THÀNH\n"


def test_a_title_wrapped_onto_a_line_opening_in_lower_case_goes_on() -> None:
    doc = parse_text(_HEAD + "Số: 17/KH-THCS\nTân Thành, ngày 08 tháng 02 năm 2021\nKẾ HOẠCH\n"
                     "Chủ động xây dựng phương án dạy học\ntrong thời gian nghỉ học phòng, chống Covid-19\n"
                     "Thực hiện Thông báo số 195/TB-SGDĐT ngày 02 tháng 02 năm 2021 của Sở;\n", "x")
    assert doc.title == "Chủ động xây dựng phương án dạy học trong thời gian nghỉ học phòng, chống Covid-19"


def test_negative_twin_a_line_opening_the_body_with_a_capital_ends_the_title() -> None:
    doc = parse_text(_HEAD + "Số: 17/KH-THCS\nTân Thành, ngày 08 tháng 02 năm 2021\nKẾ HOẠCH\n"
                     "Chủ động xây dựng phương án dạy học\nTrong thời gian nghỉ học, các tổ chuyên môn thực hiện như sau:\n", "x")
    assert doc.title == "Chủ động xây dựng phương án dạy học"


_NOTICE = (_HEAD + "THÔNG BÁO\nTrường THCS Tân Thành thông báo đến phụ huynh học sinh.\n"
           "Học sinh tạm nghỉ học đến hết ngày 15/3/2020.\nĐề nghị GVCN thông báo đến học sinh nắm để thực hiện.\n")


def test_the_place_and_date_above_the_signature_date_a_notice_whose_header_has_none() -> None:
    doc = parse_text(_NOTICE + "Tân Thành, ngày 28 tháng 02 năm 2020\nHIỆU TRƯỞNG\nĐã ký\nNguyễn Bá Luân\n", "x")
    assert (doc.place, doc.date) == ("Tân Thành", "2020-02-28")
    assert doc.signer is not None and doc.signer.name == "Nguyễn Bá Luân"
    span = doc.spans["date"]
    assert doc.text[span.start:span.end] == "Tân Thành, ngày 28 tháng 02 năm 2020"


def test_negative_twin_a_date_in_the_body_is_not_the_documents() -> None:
    doc = parse_text(_NOTICE.replace("Đề nghị", "Hà Nội, ngày 10 tháng 3 năm 2020 các lớp học lại.\nĐề nghị")
                     + "HIỆU TRƯỞNG\nĐã ký\nNguyễn Bá Luân\n", "x")
    assert doc.date is None


def test_negative_twin_the_headers_date_wins_over_one_at_the_end() -> None:
    doc = parse_text(_HEAD.replace("TÂN THÀNH\n", "TÂN THÀNH\nSố: 40/TB-THCS\nTân Thành, ngày 29 tháng 6 năm 2019\n")
                     + "THÔNG BÁO\nNội dung thông báo.\nTân Thành, ngày 30 tháng 6 năm 2019\nHIỆU TRƯỞNG\nNguyễn Bá Luân\n", "x")
    assert doc.date == "2019-06-29"
