"""Headers as Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW lay them out, on unseen texts."""

from __future__ import annotations

from danvan_cli import parse_text

STATE_HEADER = """ỦY BAN NHÂN DÂN
TỈNH BÌNH DƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 165/KH-UBND
Thủ Dầu Một, ngày 12 tháng 9 năm 2022

KẾ HOẠCH
Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ
về tiếp tục tăng cường và đổi mới công tác dân vận

Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt đầy đủ nội dung Chỉ thị.
Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Nguyễn Văn Lộc
"""

TWO_COLUMN = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN PHÚ GIÁO\tĐộc lập - Tự do - Hạnh phúc
Số: 012/CT-UBND\tPhú Giáo, ngày 3 tháng 3 năm 2021

CHỈ THỊ
Về tăng cường công tác dân vận

Chủ tịch UBND huyện yêu cầu:
1. Các xã thực hiện tốt.
"""

PARTY = """ĐẢNG BỘ TỈNH HẢI DƯƠNG
TỈNH ỦY
*
Số 21-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hải Dương, ngày 30 tháng 7 năm 2021

KẾ HOẠCH
thực hiện Quyết định số 23-QĐ/TW ngày 30-7-2021 của Bộ Chính trị

Thực hiện Quyết định số 23-QĐ/TW ngày 30-7-2021 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:
1. Quán triệt.
T/M BAN THƯỜNG VỤ
"""

CONG_VAN = """BỘ NỘI VỤ
Số: 9086/BNV-CTTN&BĐG
V/v hướng dẫn đánh giá công tác dân vận năm 2024
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 20 tháng 11 năm 2024
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.

Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, Bộ Nội vụ đề nghị các địa phương báo cáo.
"""


def test_state_header_block_gives_issuer_number_place_date() -> None:
    doc = parse_text(STATE_HEADER)
    assert doc.doc_type == "Kế hoạch"
    assert doc.number == "165/KH-UBND"
    assert doc.place == "Thủ Dầu Một"
    assert doc.date == "2022-09-12"
    assert doc.issuer is not None and doc.issuer.name == "UBND tỉnh Bình Dương"
    assert doc.issuer.level == "province" and doc.issuer.inferred is False


def test_wrapped_title_lines_are_joined() -> None:
    doc = parse_text(STATE_HEADER)
    assert doc.title == (
        "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ "
        "về tiếp tục tăng cường và đổi mới công tác dân vận"
    )


def test_citation_in_the_title_of_a_plan_is_implemented() -> None:
    doc = parse_text(STATE_HEADER)
    (ref,) = doc.references
    assert ref.number == "33/CT-TTg" and ref.relation == "implements"
    assert len(ref.mentions) == 2


def test_signature_block_with_collective_and_deputy_authority() -> None:
    doc = parse_text(STATE_HEADER)
    assert doc.signer is not None
    assert doc.signer.to_dict() == {
        "name": "Nguyễn Văn Lộc",
        "authority": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH",
        "title": "PHÓ CHỦ TỊCH",
    }
    assert doc.recipients == ["Bộ Nội vụ", "Lưu: VT."]


def test_two_columns_flattened_with_tabs() -> None:
    doc = parse_text(TWO_COLUMN)
    assert doc.number == "012/CT-UBND"
    assert doc.place == "Phú Giáo" and doc.date == "2021-03-03"
    assert doc.issuer.name == "UBND huyện Phú Giáo"
    assert doc.issuer.level == "district" and doc.issuer.province == "Bình Dương"


def test_party_header_committee_with_parent_above() -> None:
    doc = parse_text(PARTY)
    assert doc.number == "21-KH/TU"
    assert doc.issuer.name == "Tỉnh ủy Hải Dương"
    assert doc.issuer.level == "party-province"
    assert doc.date == "2021-07-30"
    (ref,) = doc.references
    assert (ref.number, ref.date, ref.issuer_name, ref.relation) == ("23-QĐ/TW", "2021-07-30", "Bộ Chính trị", "implements")


def test_cong_van_is_recognized_by_its_vv_line() -> None:
    doc = parse_text(CONG_VAN)
    assert doc.doc_type == "Công văn"
    assert doc.number == "9086/BNV-CTTN&BĐG"
    assert doc.title == "hướng dẫn đánh giá công tác dân vận năm 2024"
    assert doc.date == "2024-11-20" and doc.place == "Hà Nội"
    assert doc.issuer.name == "Bộ Nội vụ" and doc.issuer.level == "central"


def test_blank_day_gives_a_partial_date_and_blank_number_a_warning() -> None:
    text = "Số:      /KH-MTTQ-BTT\nBa Đình, ngày    tháng 02 năm 2025\n\nKẾ HOẠCH\nPhối hợp năm 2025\n\nNội dung.\n"
    doc = parse_text(text)
    assert doc.number is None and doc.number_raw == "/KH-MTTQ-BTT"
    assert doc.date == "2025-02"
    assert any("blank" in w.message for w in doc.warnings_with("blank-own-number"))


def test_all_caps_title_in_sentence_case_keeps_place_names() -> None:
    text = "CHỈ THỊ\nVỀ TĂNG CƯỜNG CÔNG TÁC DÂN VẬN TRÊN ĐỊA BÀN TỈNH HẢI DƯƠNG\nNội dung chỉ thị.\n"
    assert parse_text(text).title == "Về tăng cường công tác dân vận trên địa bàn tỉnh Hải Dương"


def test_text_without_a_type_line_is_not_given_a_header() -> None:
    doc = parse_text("Sáng nay, UBND tỉnh tổ chức hội nghị.\nNhiều đại biểu tham dự.\n")
    assert doc.doc_type is None and doc.issuer is None and doc.number is None


def test_empty_text_gives_nulls_and_a_warning() -> None:
    doc = parse_text("   \n\n")
    assert doc.doc_type is None and doc.references == [] and doc.warnings


MARKDOWN_TABLE = """| **ỦY BAN NHÂN DÂN** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
|---|---|
| **THÀNH PHỐ HÀ NỘI** | **Độc lập - Tự do - Hạnh phúc** |
| Số: 02/CT-UBND | *Hà Nội, ngày 18 tháng 01 năm 2022* |

**CHỈ THỊ**

**Về việc tiếp tục tăng cường công tác dân vận**

Chủ tịch UBND Thành phố yêu cầu:
1. Các sở thực hiện nghiêm Chỉ thị số 07-CT/TU ngày 01/10/2021 của Ban Thường vụ Thành ủy.
"""


def test_header_exported_as_a_markdown_table() -> None:
    doc = parse_text(MARKDOWN_TABLE)
    assert (doc.doc_type, doc.number, doc.date, doc.place) == ("Chỉ thị", "02/CT-UBND", "2022-01-18", "Hà Nội")
    assert doc.issuer.name == "UBND thành phố Hà Nội" and doc.issuer.level == "province"
    assert doc.title == "Về việc tiếp tục tăng cường công tác dân vận"
    assert doc.references[0].issuer_name == "Ban Thường vụ Thành ủy Hà Nội"


def test_place_names_with_abbreviations_and_numbers() -> None:
    assert parse_text("Số: 1/KH-UBND\nTP. Hồ Chí Minh, ngày 2 tháng 3 năm 2020\nKẾ HOẠCH\nX\n").place == "TP. Hồ Chí Minh"
    assert parse_text("Số: 1/KH-UBND\nQuận 3, ngày 2 tháng 3 năm 2020\nKẾ HOẠCH\nX\n").place == "Quận 3"


def test_party_signature_uses_slash_authorities() -> None:
    text = PARTY + "\nNơi nhận:\n- Ban Dân vận Trung ương;\n- Lưu Văn phòng Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\nNguyễn Thị Hà\n"
    text = text.replace("T/M BAN THƯỜNG VỤ\n\nNơi", "Nơi", 1)
    doc = parse_text(text)
    assert doc.signer is not None
    assert doc.signer.to_dict() == {
        "name": "Nguyễn Thị Hà",
        "authority": "T/M BAN THƯỜNG VỤ / K/T BÍ THƯ",
        "title": "PHÓ BÍ THƯ THƯỜNG TRỰC",
    }


_PARTY_LETTER = ("TỈNH ỦY VĨNH LONG\tĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 453-CV/TU\tVĩnh Long, ngày 14 tháng 7 năm 2021\n"
                 "{under}\n\nKính gửi: - Các huyện ủy, thị ủy,\n- Ủy ban nhân dân tỉnh Vĩnh Long,\n"
                 "Thời gian qua, các cấp ủy đảng, chính quyền đã tập trung quyết liệt.\n")


def test_a_party_letters_trich_yeu_without_vv_is_the_sentence_under_its_number() -> None:
    doc = parse_text(_PARTY_LETTER.format(under="Tập trung, quyết liệt trong lãnh đạo, chỉ đạo\nphòng, chống dịch Covid-19"))
    assert (doc.doc_type, doc.number) == ("Công văn", "453-CV/TU")
    assert doc.title == "Tập trung, quyết liệt trong lãnh đạo, chỉ đạo phòng, chống dịch Covid-19"


def test_negative_twin_capitals_or_a_date_under_the_number_are_no_trich_yeu() -> None:
    for under in ("VĂN PHÒNG TỈNH ỦY", "Vĩnh Long, ngày 14 tháng 7 năm 2021"):
        doc = parse_text(_PARTY_LETTER.format(under=under))
        assert doc.title is None or not doc.title.startswith(under[:8]), under


_PARTY_CONCLUSION = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 51-KL/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 30 tháng 5 năm 2019\n\n"
                     "KẾT LUẬN\n{organ}\n{title}\nVừa qua, sau khi nghe Ban Tuyên giáo Trung ương báo cáo, Ban Bí thư kết luận:\n"
                     "1. Sau 5 năm thực hiện.\n")


def test_the_line_naming_a_party_texts_body_is_no_part_of_its_trich_yeu() -> None:
    doc = parse_text(_PARTY_CONCLUSION.format(organ="CỦA BAN BÍ THƯ", title="về tiếp tục thực hiện Nghị quyết Trung ương 8"))
    assert doc.title == "về tiếp tục thực hiện Nghị quyết Trung ương 8"


def test_negative_twin_a_title_in_capitals_going_on_with_cua_is_the_title() -> None:
    doc = parse_text(_PARTY_CONCLUSION.format(organ="VỀ VIỆC THỰC HIỆN NGHỊ QUYẾT", title="CỦA BAN CHẤP HÀNH TRUNG ƯƠNG"))
    assert doc.title is not None and doc.title.lower().startswith("về việc thực hiện nghị quyết của ban chấp hành")
