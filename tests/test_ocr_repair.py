"""OCR's slips on the words a header is found by are mended; what is no such word is left."""

from __future__ import annotations

import pytest

from danvan_cli.refdata import load_yaml
from danvan_cli.text.formats.ocr_repair import digits, repair_line, skeleton


def test_skeleton_keeps_one_character_for_each() -> None:
    for s in ("Quyêt định số 12", "ĐẾN Số: 640", "$ố:223", "Độc lập – Tự do"):
        assert len(skeleton(s)) == len(s)
    assert skeleton("KÉ HOẠCH") == skeleton("KẾ HOẠCH") == "ke hoach"


@pytest.mark.parametrize("case", load_yaml("ocr_digits.yaml")["examples"], ids=lambda c: c["ocr"])
def test_letters_read_for_digits_are_digits_again_only_in_a_token_of_digits(case: dict) -> None:
    assert digits(case["ocr"]) == case["digits"]


@pytest.mark.parametrize(("ocr", "read"), [
    ("Sô 453-CV/TU", "Số 453-CV/TU"),
    ("$ố:223 /SGDĐT-CNTTTBTV", "Số:223 /SGDĐT-CNTTTBTV"),
    ("Sỏ: 1O5/UBND-VP", "Số: 105/UBND-VP"),
    ("Só: /KH-SGDĐT", "Số: /KH-SGDĐT"),
])
def test_the_number_anchor_and_its_serial_are_mended(ocr: str, read: str) -> None:
    assert repair_line(ocr) == read


@pytest.mark.parametrize("line", ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số lượng 12 người tham dự", "Sổ tay đảng viên",
                                  "Sổ tay - 2020 / 3", "Số: 12a/QĐ-UBND", "Số 453 - CV/TU"])
def test_a_line_opening_with_a_word_like_so_is_no_number_line(line: str) -> None:
    assert repair_line(line) == line


@pytest.mark.parametrize(("ocr", "read"), [
    ("An Giang, ngay 17 thong 3 ndm 2020", "An Giang, ngày 17 tháng 3 năm 2020"),
    ("Bình Tân, ngày 3l tháng 8 năm 2021", "Bình Tân, ngày 31 tháng 8 năm 2021"),
    ("Đồng Tháp, ngàu 2 tháng O2 năm 2021", "Đồng Tháp, ngày 2 tháng 02 năm 2021"),
])
def test_a_date_is_mended_word_by_word_and_digit_by_digit(ocr: str, read: str) -> None:
    assert repair_line(ocr) == read


@pytest.mark.parametrize(("ocr", "read"), [
    ("Vĩnh Long, ngày — tháng 02 năm 2020", "Vĩnh Long, ngày tháng 02 năm 2020"),
    ("Vĩnh Long, ngày “tháng 7 năm 2019", "Vĩnh Long, ngày tháng 7 năm 2019"),
    ("Gia Lai, ngày }5 tháng 10 năm 2021", "Gia Lai, ngày tháng 10 năm 2021"),
])
def test_a_day_that_is_no_number_is_left_blank_never_guessed(ocr: str, read: str) -> None:
    assert repair_line(ocr) == read


def test_words_like_the_date_words_outside_a_date_are_left() -> None:
    line = "Thang điểm năm học mới, ngay sau khi nhận"
    assert repair_line(line) == line


@pytest.mark.parametrize(("ocr", "read"), [
    ("KÉ HOẠCH", "KẾ HOẠCH"), ("GIÁY MỜI", "GIẤY MỜI"), ("HƯỚNG ĐÀN", "HƯỚNG DẪN"), ("KET LUẬN", "KẾT LUẬN"),
    ("QUYÊT ĐỊNH", "QUYẾT ĐỊNH"),
])
def test_a_type_line_is_spelled_as_its_type(ocr: str, read: str) -> None:
    assert repair_line(ocr) == read


def test_a_caps_line_that_is_not_a_type_name_alone_is_left() -> None:
    for line in ("KẾ HOẠCH NĂM 2024", "KE TOAN", "BAN CHẤP HÀNH"):
        assert repair_line(line) == line


def test_a_type_named_before_its_number_is_spelled_right() -> None:
    assert repair_line("Thực hiện Quyêt định số 12/QĐ-UBND") == "Thực hiện Quyết định số 12/QĐ-UBND"
    assert repair_line("theo ke hoach 35/KH-UBND") == "theo kế hoạch 35/KH-UBND"
    assert repair_line("kế hoạch công tác") == "kế hoạch công tác"


@pytest.mark.parametrize(("ocr", "read"), [
    ("V⁄ triển khai cài đặt", "V/v triển khai cài đặt"), ("VIv tạm thời cho học sinh", "V/v tạm thời cho học sinh"),
])
def test_the_vv_of_a_cong_van_is_mended(ocr: str, read: str) -> None:
    assert repair_line(ocr) == read


def test_vv_like_words_inside_a_line_are_left() -> None:
    assert repair_line("Trường Viv có 12 lớp") == "Trường Viv có 12 lớp"


@pytest.mark.parametrize(("ocr", "read"), [
    ("CỌNG HỎA XÃ HỘI CHỦ NGHĨA VIỆT N4", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Độc lập - Tự đo - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
    ("Kính eửi: Hiệu trưởng các trường", "Kính gửi: Hiệu trưởng các trường"),
    ("Noi nhận:", "Nơi nhận:"),
])
def test_the_header_phrases_are_found_again_by_their_skeleton(ocr: str, read: str) -> None:
    assert repair_line(ocr) == read


def test_a_line_only_a_little_like_a_phrase_is_left() -> None:
    for line in ("CỘNG HÒA PHÁP", "Kinh tế xã hội phát triển", "Nơi ở hiện nay"):
        assert repair_line(line) == line


@pytest.mark.parametrize(("ocr", "read"), [
    ("Số: .:- /SGDĐT-CTTT", "Số: /SGDĐT-CTTT"),
    ("Số: “ /HD-PGDĐT", "Số: /HD-PGDĐT"),
    ("Số: I0† /TL-BTC", "Số: /TL-BTC"),
    ("Vĩnh Long, ngày _. -. tháng 02 năm 2020", "Vĩnh Long, ngày tháng 02 năm 2020"),
    ("Gia Lai, ngày 2 Ö tháng 10 năm 2021", "Gia Lai, ngày tháng 10 năm 2021"),
])
def test_specks_ocr_made_of_ink_leave_the_number_or_day_blank(ocr: str, read: str) -> None:
    assert repair_line(ocr) == read


def test_a_word_where_a_day_or_month_would_stand_is_no_date() -> None:
    line = "họp vào ngày 1 tháng sau năm 2020"
    assert repair_line(line) == line


@pytest.mark.parametrize("line", ["ĐẾN Số: 640", "CV ĐẾN Số: 16323", "Ngày: 19/3/2020", "Số: 640", "Lưu hồ sơ số: ....."])
def test_a_received_stamps_lines_are_left_out(line: str) -> None:
    assert repair_line(line) == ""


@pytest.mark.parametrize("line", ["Đến nay các đơn vị đã hoàn thành", "Số: 640/UBND-VP", "Ngày 19/3/2020, Ủy ban đã họp",
                                  "Số: /KH-UBND"])
def test_lines_like_a_stamps_that_are_the_documents_stay(line: str) -> None:
    assert repair_line(line) == line


def test_a_date_line_that_lost_its_ngay_with_the_day_gets_it_back_with_no_day() -> None:
    assert repair_line("Vĩnh Long, tháng 3 năm 2020") == "Vĩnh Long, ngày tháng 3 năm 2020"
    assert repair_line("Bình Tán, ngày 9 tháng Š năm 2021") == "Bình Tán, ngày 9 tháng 8 năm 2021"


@pytest.mark.parametrize("line", ["Trong năm, tháng 3 năm 2020 các đơn vị", "đã họp, tháng 3 năm 2020",
                                  "Báo cáo tháng 3 năm 2020"])
def test_a_month_and_year_in_a_sentence_get_no_ngay(line: str) -> None:
    assert repair_line(line) == line


def test_a_speck_before_the_trich_yeu_is_dropped() -> None:
    assert repair_line("- Về việc vận động, đăng nộp Quỹ") == "Về việc vận động, đăng nộp Quỹ"
    assert repair_line("'V⁄ triển khai") == "V/v triển khai"
    assert repair_line("- Các Sở, ban, ngành") == "- Các Sở, ban, ngành"


@pytest.mark.parametrize(("ocr", "read"), [
    ("KT. GIÁM ĐỎC", "KT. GIÁM ĐỐC"),
    ("-PHO GIÁM ĐỎC", "PHÓ GIÁM ĐỐC"),
    (". BÍTHƯ", "BÍ THƯ"),
    ("PHÔ, GIÁM ĐÓC", "PHÓ GIÁM ĐỐC"),
    ("PHO TU G HONG", "PHÓ TRƯỞNG PHÒNG"),
])
def test_a_signers_title_read_amiss_is_spelled_as_the_title(ocr: str, read: str) -> None:
    assert repair_line(ocr) == read


@pytest.mark.parametrize("line", ["T/M BAN THƯỜNG VỤ", "PHAN TRUNG PHONG", "TRẦN VĂN BÌNH", "GIÁM ĐỐC SỞ VĂN HÓA",
                                  "Giám đốc Sở quyết định"])
def test_a_name_a_body_or_a_sentence_is_no_title_to_mend(line: str) -> None:
    assert repair_line(line) == line


@pytest.mark.parametrize(("ocr", "read"), [
    ("| Huỳnh Thanh Hùng", "Huỳnh Thanh Hùng"),
    ("___... TRƯỞNG PHÒNG", "TRƯỞNG PHÒNG"),
    (": CỦA BAN BÍ THƯ", "CỦA BAN BÍ THƯ"),
    ("`", ""),
    ("l Ta", ""),
    ("» 1", ""),
    ("Vfầ", ""),
    ("QGUÁN | U", ""),
])
def test_specks_and_scraps_of_ink_are_no_text(ocr: str, read: str) -> None:
    assert repair_line(ocr) == read


@pytest.mark.parametrize("line", ["- Như trên;", "-", "- Như ", "3", "12", "II.", "a)", "V/v", "Như", "PHÒNC GIÁO DỤC",
                                  "SỞ Y TẾ", "NGUYỄN VĂN A", "Ô MÔN"])
def test_short_lines_that_are_text_stay(line: str) -> None:
    assert repair_line(line) == line


def test_a_speck_glued_to_ngay_where_the_day_was_written_leaves_the_day_blank() -> None:
    assert repair_line("Vĩnh Long, ngàyo. tháng 3 năm 2020") == "Vĩnh Long, ngày tháng 3 năm 2020"
    assert repair_line("Vĩnh Long, ngày 17 tháng 3 năm 2020") == "Vĩnh Long, ngày 17 tháng 3 năm 2020"


def test_a_line_cut_in_runs_at_a_gap_is_mended_whole() -> None:
    from danvan_cli.text.formats.common import Para, Run
    from danvan_cli.text.formats.ocr_repair import repair

    para = Para([Run("PHO TU "), Run("G HONG")])
    repair([para])
    assert "".join(r.text for r in para.runs) == "PHÓ TRƯỞNG PHÒNG"


def test_runs_of_other_formatting_stay_apart() -> None:
    from danvan_cli.text.formats.common import Para, Run
    from danvan_cli.text.formats.ocr_repair import repair

    para = Para([Run("Số: 12/UBND ", bold=True), Run("V/v họp")])
    repair([para])
    assert [r.text for r in para.runs] == ["Số: 12/UBND ", "V/v họp"]
