"""Rules of the header, signature and layout that other forms of real documents broke.

Each test is an invented text of one shape (Nghị định 30/2020/NĐ-CP, Hướng dẫn
36-HD/VPTW) in the form where the rule failed: Word's plain text, a pasted table, pandoc
pipe rows, ``pdftotext -layout``, a crawler's flattened text, a damaged copy.
"""

from __future__ import annotations

import pytest

from danvan_cli import parse_text
from danvan_cli.text.layout import build_layout, caps_type_line, closes_with_caps_name, strip_honorific
from danvan_cli.text.normalize import matching_view, normalize_text

QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
BODY = "Điều 1. Ban hành kèm theo Quyết định này danh mục thủ tục hành chính.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n"


def _decision(tail: str, head: str = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 1489/QĐ-UBND\n") -> str:
    return (head + QH + "\nBắc Ninh, ngày 18 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\nVề việc công bố danh mục thủ tục hành chính\n\n"
            + BODY + "\n" + tail)


# --- the signature block and its end ---------------------------------------------------------


def test_a_signer_in_capitals_closes_the_block_under_its_title() -> None:
    doc = parse_text(_decision("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHOÀNG NAM\n\nPHỤ LỤC\nDANH SÁCH THỦ TỤC\n1. Thủ tục một.\n"))
    assert doc.signer is not None and doc.signer.name == "Hoàng Nam"
    assert (doc.signer.authority, doc.signer.title) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


@pytest.mark.parametrize(("block", "closes"), [
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "HOÀNG NAM"], True),
    (["TL. CỤC TRƯỞNG", "TRƯỞNG BAN BAN CHÍNH SÁCH,", "THUẾ QUỐC TẾ", "NGUYỄN THỊ THANH HẰNG"], True),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "LÊ TRƯỜNG SƠN"], True),  # Trường is a name here, not a school
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THIẾU TƯỚNG LÊ VĂN BÌNH"], True),
    (["KT. TRƯỞNG BAN BAN CHÍNH SÁCH,", "THUẾ QUỐC TẾ"], False),  # a wrapped authority line
    (["TM. ỦY BAN NHÂN", "DÂN TỈNH VĨNH LONG"], False),
    (["NƠI NHẬN", "HOÀNG NAM"], False),  # no title or mark above
])
def test_which_capitals_close_a_signature_block_as_the_signers_name(block: list[str], closes: bool) -> None:
    assert closes_with_caps_name(block) is closes


def test_a_rank_in_capitals_is_no_part_of_the_name() -> None:
    assert strip_honorific("THIẾU TƯỚNG PHÙNG THỊ HỒNG HÀ") == "PHÙNG THỊ HỒNG HÀ"
    assert strip_honorific("TS. ĐÀO THU HƯƠNG") == "ĐÀO THU HƯƠNG"
    assert strip_honorific("Nguyễn Đại Tá") == "Nguyễn Đại Tá"


def test_a_seal_line_between_title_and_a_name_in_capitals_is_passed_over() -> None:
    doc = parse_text(_decision("Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nCHỦ TỊCH\n(Đã ký)\nTHIẾU TƯỚNG PHÙNG THỊ HỒNG HÀ\n"))
    assert doc.signer is not None and doc.signer.name == "Phùng Thị Hồng Hà"


def test_a_digital_stamps_value_parted_from_its_label_by_a_gap_is_never_the_name() -> None:
    tail = ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTL. CỤC TRƯỞNG\nPHÓ TRƯỞNG BAN\n[daky]\nTS. ĐÀO THU HƯƠNG\n"
            "Ký bởi:   Cục Hải Quan\nThời gian ký: 05.04.2025 07:39:28 +07:00\n")
    doc = parse_text(_decision(tail))
    assert doc.signer is not None and doc.signer.name == "Đào Thu Hương"


def test_an_attachments_heading_ends_the_signature_and_recipients_side_by_side() -> None:
    # pdftotext -layout: the recipients left, the signature right; the name beside a recipient
    row = lambda a, b: f"{a:<60}{b}"  # noqa: E731
    tail = "\n".join([
        row("Nơi nhận:", "KT. CHỦ TỊCH"), row("- Như Điều 4;", "PHÓ CHỦ TỊCH"), "- Cục KSTTHC (VP Chính phủ);", "",
        row("- Trung tâm TT, KGVX;", "Mai Sơn"), "- Lưu: VT, TTPVHCC.", "", "      PHỤ LỤC",
        "STT      Mã       Tên TTHC        Cách thức", "1        1.01     Thay đổi        Nộp trực tiếp", "",
    ])
    doc = parse_text(_decision(tail))
    assert doc.signer is not None and doc.signer.name == "Mai Sơn"
    assert doc.recipients[-1].startswith("Lưu: VT")


def test_a_flat_signature_with_a_title_and_no_mark_is_read() -> None:
    tail = "| Nơi nhận: - Như trên; - Lưu: VT. | THỦ TƯỚNG Phạm Minh Chính |\n|---|---|\n"
    doc = parse_text(_decision(tail))
    assert doc.signer is not None and (doc.signer.name, doc.signer.title) == ("Phạm Minh Chính", "THỦ TƯỚNG")


def test_a_block_that_reaches_no_name_gives_way_to_the_next_mark() -> None:
    # "Cục KT VB" is a body's abbreviation, not "KT." (ký thay)
    tail = ("Nơi nhận:\n- Vụ Pháp chế (Bộ GDĐT);\n- Cục\nKT VB &QLXLVPHC (Bộ TP);\n- Lưu: VT, V2.\n"
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLâm Hải Giang\n")
    doc = parse_text(_decision(tail))
    assert doc.signer is not None and doc.signer.name == "Lâm Hải Giang"
    assert doc.signer.authority == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"


def test_a_joint_documents_blocks_one_under_the_other_are_both_signers() -> None:
    tail = ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nNguyễn Văn An\n\nTM. BAN THƯỜNG TRỰC\nỦY BAN MTTQ VIỆT NAM XÃ\n"
            "CHỦ TỊCH\n(Đã ký)\nLê Thị Bình\n\nNơi nhận:\n- Các đoàn thể xã;\n- Lưu: VT.\n")
    doc = parse_text(_decision(tail))
    assert [s.name for s in doc.signers] == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert doc.signer is doc.signers[0]
    assert doc.signers[1].authority == "TM. BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ"
    assert doc.recipients == ["Các đoàn thể xã", "Lưu: VT."]


def test_a_flat_signature_with_a_seal_note_and_a_body_complete_in_itself() -> None:
    tail = ("| TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Đã ký) Nguyễn Văn An | TM. BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ CHỦ TỊCH "
            "(Đã ký) Lê Thị Bình |\n|---|---|\n")
    doc = parse_text(_decision(tail))
    assert [(s.name, s.authority, s.title) for s in doc.signers] == [
        ("Nguyễn Văn An", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ("Lê Thị Bình", "TM. BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ", "CHỦ TỊCH"),
    ]


# --- flattened texts ---------------------------------------------------------------------------


def _flat(body_and_tail: str, head: str = "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ ------- ") -> str:
    return (head + " ".join(QH.split("\n")) + " --------------- Số: 2702/QĐ-UBND Quảng Trị, ngày 18 tháng 11 năm 2025 "
            "QUYẾT ĐỊNH CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ CỦA SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH QUẢNG TRỊ "
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025; "
            "QUYẾT ĐỊNH: Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính nội bộ. Điều 2. Quyết định này "
            "có hiệu lực thi hành kể từ ngày ký./. " + body_and_tail)


def test_a_flattened_caps_title_ends_where_the_line_saying_who_decides_begins() -> None:
    doc = parse_text(_flat("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Nam"))
    assert doc.title == "Công bố thủ tục hành chính nội bộ của sở nông nghiệp và môi trường tỉnh Quảng Trị"


def test_a_flattened_signature_is_cut_after_the_name_when_an_attachment_follows() -> None:
    doc = parse_text(_flat("Nơi nhận: - Như Điều 3; - Lưu: VT, KSTH. KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thanh Bình "
                           "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI (Kèm theo Quyết định số 2702/QĐ-UBND) 1. Thủ tục một."))
    assert doc.signer is not None and doc.signer.name == "Nguyễn Thanh Bình"
    assert doc.recipients == ["Như Điều 3", "Lưu: VT, KSTH."]


def test_a_flattened_title_in_capitals_after_the_recipients_opens_the_signature() -> None:
    doc = parse_text(_flat("Nơi nhận: - Như Điều 3; - Lưu: VT. CHỦ TỊCH Phùng Thị Hồng Hà PHỤ LỤC 01 Nội dung phụ lục."))
    assert doc.signer is not None and (doc.signer.name, doc.signer.title) == ("Phùng Thị Hồng Hà", "CHỦ TỊCH")


def test_a_signer_followed_by_a_note_in_a_flattened_text() -> None:
    doc = parse_text(_flat("Nơi nhận: - Lưu: VT. TL. CỤC TRƯỞNG KT. TRƯỞNG BAN NGHIỆP VỤ THUẾ HQ PHÓ TRƯỞNG BAN Đào Thu Hương "
                           "Ghi chú: Kết quả chỉ có giá trị với tổ chức đã gửi đề nghị."))
    assert doc.signer is not None and doc.signer.name == "Đào Thu Hương"


def test_the_pieces_of_a_crawled_texts_pages_are_cut_like_its_long_lines() -> None:
    text = _flat("Nơi nhận: - Như trên; - Phó CTrg Đặng") + "\nNgọc Minh (để b/c); - Website CT; - Lưu: VT, CS. TL. CỤC TRƯỞNG KT. TRƯỞNG BAN CHÍNH SÁCH PHÓ TRƯỞNG BAN Phạm Thị Minh Hiền\n"
    doc = parse_text(text)
    assert doc.signer is not None and doc.signer.name == "Phạm Thị Minh Hiền"


def test_place_and_date_without_a_comma_in_a_flattened_header() -> None:
    text = ("CHÍNH PHỦ -------- " + " ".join(QH.split("\n")) + " --------------- Số: 388/NQ-CP Hà Nội ngày 01 tháng 12 năm 2025 "
            "NGHỊ QUYẾT VỀ VIỆC THÔNG QUA BÁO CÁO CỦA NGÂN HÀNG NHÀ NƯỚC Căn cứ Luật Tổ chức Chính phủ; " + "x " * 150)
    doc = parse_text(text)
    assert (doc.date, doc.place) == ("2025-12-01", "Hà Nội")


def test_in_a_flattened_mixed_case_title_a_lower_case_de_is_a_word_of_it() -> None:
    text = ("ỦY BAN NHÂN DÂN HUYỆN TIÊN YÊN " + " ".join(QH.split("\n")) + " Số: 12/KH-UBND Tiên Yên, ngày 2 tháng 4 năm 2024 "
            "KẾ HOẠCH Tổ chức hội nghị để triển khai công tác dân vận năm 2024 Thực hiện Chỉ thị số 05-CT/TW, " + "y " * 150)
    doc = parse_text(text)
    assert doc.title == "Tổ chức hội nghị để triển khai công tác dân vận năm 2024"


# --- header fields -------------------------------------------------------------------------------


def test_a_type_line_whose_words_are_parted_by_zero_width_and_non_breaking_spaces() -> None:
    assert caps_type_line("QUYẾT  ĐỊNH") == ("Quyết định", len("QUYẾT  ĐỊNH"))
    doc = parse_text(_decision("CHỦ TỊCH\nMai Sơn\n").replace("QUYẾT ĐỊNH\n", "QUYẾT \u200b\u00a0ĐỊNH\n", 1))
    assert doc.doc_type == "Quyết định"


def test_a_qualified_type_line_keeps_its_type_and_its_title_on_the_next_line() -> None:
    assert caps_type_line("KẾ HOẠCH LIÊN TỊCH") == ("Kế hoạch", len("KẾ HOẠCH LIÊN TỊCH"))
    assert caps_type_line("KẾ HOẠCH HÀNH ĐỘNG") is None
    assert caps_type_line("THÔNG TƯ LIÊN TỊCH") == ("Thông tư liên tịch", len("THÔNG TƯ LIÊN TỊCH"))


def test_a_cong_vans_ve_line_under_its_number_is_its_trich_yeu_in_word_text() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 5155/SGDĐT-GDTXNNĐH\n"
            "Về hướng dẫn đánh giá, xếp loại trung tâm học tập cộng đồng\n\n" + QH
            + "\nThành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n\nKính gửi: Ủy ban nhân dân các phường, xã\n\n"
              "Sở Giáo dục và Đào tạo hướng dẫn như sau.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrương Hải Thanh\n")
    doc = parse_text(text)
    assert (doc.doc_type, doc.number) == ("Công văn", "5155/SGDĐT-GDTXNNĐH")
    assert doc.title == "Về hướng dẫn đánh giá, xếp loại trung tâm học tập cộng đồng"
    assert doc.issuer is not None and doc.issuer.name.startswith("Sở Giáo dục và Đào tạo")


def test_a_vv_that_runs_into_the_right_columns_line_of_a_pasted_table() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSỞ NỘI VỤ\nSố: 1234/SNV-CCVC\nV/v hướng dẫn đánh giá,\nxếp loại công chức năm 2025"
            "   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Ninh, ngày 10 tháng 11 năm 2025\n"
            "Kính gửi: Các sở, ban, ngành.\nSở Nội vụ hướng dẫn như sau.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Thị Hoa\n")
    doc = parse_text(text)
    assert doc.title == "hướng dẫn đánh giá, xếp loại công chức năm 2025"


def test_a_party_number_without_colon_and_the_parent_committee_on_one_line() -> None:
    text = ("ĐẢNG BỘ TỈNH QUẢNG NINH HUYỆN ỦY TIÊN YÊN * Số 15-KH/HU ĐẢNG CỘNG SẢN VIỆT NAM Tiên Yên, ngày 9 tháng 6 năm 2024 "
            "KẾ HOẠCH thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị Thực hiện Kế hoạch số 30-KH/TU, " + "z " * 150
            + " T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Hoàng Văn Nam")
    doc = parse_text(text)
    assert doc.number == "15-KH/HU"
    assert doc.issuer is not None and doc.issuer.name == "Huyện ủy Tiên Yên"
    assert doc.issuer.parent is not None and doc.issuer.parent.name == "Đảng bộ tỉnh Quảng Ninh"


def test_the_site_caption_of_a_cong_van_ends_the_document() -> None:
    text = _decision("CHỦ TỊCH\nMai Sơn\n") + (
        "Công văn 1489/QĐ-UBND năm 2025 về công bố thủ tục do tỉnh Bắc Ninh ban hành\nVăn bản này chưa cập nhật nội dung Tiếng Anh\n")
    t = normalize_text(text)
    lay = build_layout(t, matching_view(t))
    assert t[lay.end:].startswith("Công văn 1489/QĐ-UBND năm 2025")


# --- damage over other forms ----------------------------------------------------------------------


def test_a_flattened_signature_in_capitals_with_its_seal_note_stamp_and_annex() -> None:
    doc = parse_text(_flat("Nơi nhận: - Như Điều 4; - Lưu: VT, TTPVHCC. KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký và đóng dấu) "
                           "PGS.TS. MAI SƠN Ký bởi: Tỉnh Bắc Ninh Email: vanthu@example.gov.vn Thời gian ký: 15.09.2025 "
                           "14:28:32 +07:00 PHỤ LỤC DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI 1. Thủ tục một."))
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.authority, doc.signer.title) == ("Mai Sơn", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_a_blank_day_with_no_comma_in_a_flattened_header() -> None:
    doc = parse_text(_flat("CHỦ TỊCH Hoàng Nam").replace("Quảng Trị, ngày 18 tháng", "Quảng Trị ngày      tháng"))
    assert (doc.date, doc.place) == ("2025-11", "Quảng Trị")


def test_a_pipe_rows_signature_cell_with_br_and_no_recipients_beside_it() -> None:
    tail = ("|  | **KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br>*(Đã ký)*<br>**TS. HOÀNG NAM**<br>Ký bởi: Tỉnh Quảng Trị<br>"
            "Thời gian ký: 26.10.2025 08:31:48 +07:00 |\n|---|---|\n")
    doc = parse_text(_decision(tail))
    assert doc.signer is not None and (doc.signer.name, doc.signer.title) == ("Hoàng Nam", "PHÓ CHỦ TỊCH")


def test_a_name_in_capitals_wider_than_the_title_above_it_in_side_by_side_columns() -> None:
    row = lambda a, b: f"{a:<52}{b}"  # noqa: E731
    tail = "\n".join([
        row("Nơi nhận:", "        TL. CỤC TRƯỞNG"), row("- Như trên;", " KT. TRƯỞNG BAN BAN CHÍNH SÁCH,"),
        row("- Website (CT);", "          PHÓ TRƯỞNG BAN"), row("- Lưu: VT, CS.", "             [daky]"), "", "",
        " " * 52 + "THIẾU TƯỚNG MẠNH THỊ TUYẾT MAI", " " * 60 + "Ký bởi: Cục Thuế", "",
    ])
    doc = parse_text(_decision(tail))
    assert doc.signer is not None and doc.signer.name == "Mạnh Thị Tuyết Mai"
    assert doc.recipients == ["Như trên", "Website (CT)", "Lưu: VT, CS."]


def test_a_signatures_first_line_joined_to_the_last_recipient_by_one_blank() -> None:
    # a Word table pasted as text with a blank between cells: "- Lưu: VT. THỦ TƯỚNG"
    tail = "Nơi nhận:\n- Như trên;\n- Lưu: VT, CN (2b). THỦ TƯỚNG\nPhạm Minh Chính\n"
    doc = parse_text(_decision(tail))
    assert doc.signer is not None and (doc.signer.name, doc.signer.title) == ("Phạm Minh Chính", "THỦ TƯỚNG")
    assert doc.recipients == ["Như trên", "Lưu: VT, CN (2b)."]
    # a mark's own dot opens no cut: "KT. GIÁM ĐỐC" stays one line
    doc = parse_text(_decision("Nơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Thị Hoa\n"))
    assert doc.signer is not None and doc.signer.authority == "KT. GIÁM ĐỐC"
