"""How citations are read on texts the parser has never seen: shared phrases, relative
issuers, relations, merging, and the warnings a careful reader would raise."""

from __future__ import annotations

from danvan_cli import parse_text


def refs(text: str) -> dict[str, object]:
    return {r.number: r for r in parse_text(text).references}


DISTRICT_PLAN = """Số: 45/KH-UBND
Chợ Mới, ngày 10 tháng 3 năm 2022

KẾ HOẠCH
Triển khai công tác dân vận năm 2022

Thực hiện Kế hoạch số 12/KH-UBND ngày 20/01/2022 của UBND tỉnh An Giang về công tác dân vận; Chỉ thị số 05-CT/HU ngày 02/02/2022 của Huyện ủy, Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:
I. NHIỆM VỤ
1. Thực hiện nghiêm Quyết định số 99/QĐ-UBND ngày 15/01/2021 của UBND huyện về quy chế làm việc.
2. Các xã tổ chức đối thoại với Nhân dân theo Quy chế số 03-QC/HU của Ban Thường vụ Huyện ủy.
"""


def test_relative_issuers_are_completed_from_the_documents_own_place() -> None:
    doc = parse_text(DISTRICT_PLAN)
    assert doc.issuer.name == "UBND huyện Chợ Mới" and doc.issuer.province == "An Giang"
    r = refs(DISTRICT_PLAN)
    assert r["12/KH-UBND"].issuer_name == "UBND tỉnh An Giang"
    assert r["05-CT/HU"].issuer_name == "Huyện ủy Chợ Mới"
    assert r["99/QĐ-UBND"].issuer_name == "UBND huyện Chợ Mới"
    assert r["03-QC/HU"].issuer_name == "Ban Thường vụ Huyện ủy Chợ Mới"


def test_opening_citations_are_implemented_body_orders_direct_yardsticks_cite() -> None:
    r = refs(DISTRICT_PLAN)
    assert r["12/KH-UBND"].relation == "implements"
    assert r["05-CT/HU"].relation == "implements"
    assert r["99/QĐ-UBND"].relation == "directs"
    assert r["03-QC/HU"].relation == "cites"


def test_one_date_and_issuer_close_a_list_of_numbers() -> None:
    text = (
        "CHỈ THỊ\nVề công tác dân vận\n\nChủ tịch UBND tỉnh yêu cầu:\n"
        "1. Tạo điều kiện để Mặt trận giám sát theo Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW "
        "ngày 12/12/2013 của Bộ Chính trị; Nghị quyết số 15-NQ/TU, Chỉ thị số 15-CT/TU của Ban Thường vụ Tỉnh ủy.\n"
    )
    r = refs(text)
    assert r["217-QĐ/TW"].date == r["218-QĐ/TW"].date == "2013-12-12"
    assert r["217-QĐ/TW"].issuer_name == r["218-QĐ/TW"].issuer_name == "Bộ Chính trị"
    assert r["15-NQ/TU"].issuer_name.startswith("Ban Thường vụ Tỉnh ủy")
    assert r["15-NQ/TU"].date is None


def test_later_short_mentions_merge_into_the_first_full_one() -> None:
    text = (
        "KẾ HOẠCH\nThực hiện công tác dân vận\n\n"
        "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tăng cường công tác dân vận, "
        "Bộ Nội vụ xây dựng Kế hoạch:\n1. Quán triệt Chỉ thị số 33/CT-TTg.\n2. Sơ kết Chỉ thị số 33/CT- TTg.\n"
    )
    (ref,) = parse_text(text).references
    assert len(ref.mentions) == 3
    assert ref.date == "2021-11-26" and ref.issuer_name == "Thủ tướng Chính phủ"
    assert ref.relation == "implements"
    assert ref.title == "Về tăng cường công tác dân vận"


def test_quoted_subject_with_nested_quotes() -> None:
    text = (
        "CHỈ THỊ\nVề công tác dân vận\n\nYêu cầu:\n1. Thực hiện Chỉ thị số 07-CT/TU ngày 08/9/2021 của Ban Thường vụ "
        "Thành ủy Hải Phòng “về xử lý “điểm nóng”, vụ việc phức tạp”; Luật Tố cáo.\n"
    )
    (ref,) = parse_text(text).references
    assert ref.title == "Về xử lý điểm nóng, vụ việc phức tạp"
    assert ref.issuer_name == "Ban Thường vụ Thành ủy Hải Phòng"


def test_basis_amendment_and_replacement() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG\nSố: 10/2023/QĐ-UBND\nHải Dương, ngày 05 tháng 5 năm 2023\n\nQUYẾT ĐỊNH\n"
        "Ban hành Quy chế công tác dân vận\n\n"
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế công tác dân vận.\n"
        "Điều 2. Quyết định này thay thế Quyết định số 05/2018/QĐ-UBND ngày 01/3/2018 của UBND tỉnh.\n"
        "Điều 3. Sửa đổi, bổ sung một số điều của Quyết định số 07/2019/QĐ-UBND ngày 02/4/2019 của UBND tỉnh.\n"
    )
    r = refs(text)
    assert r["30/2020/NĐ-CP"].relation == "based_on"
    assert r["05/2018/QĐ-UBND"].relation == "replaces"
    assert r["07/2019/QĐ-UBND"].relation == "amends"
    assert r["05/2018/QĐ-UBND"].issuer_name == "UBND tỉnh Hải Dương"
    assert "10/2023/QĐ-UBND" not in r  # its own number is not a citation


def test_a_document_named_inside_anothers_subject_is_cited() -> None:
    text = (
        "KẾ HOẠCH\nCông tác năm 2025\n\nThực hiện nhiệm vụ năm 2025, UBND quận xây dựng Kế hoạch:\n"
        "1. Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện "
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 về đẩy mạnh học tập.\n"
    )
    r = refs(text)
    assert r["01-KL/TW"].relation == "directs"
    assert r["05-CT/TW"].relation == "cites"
    assert r["05-CT/TW"].issuer_name == "Bộ Chính trị"


def test_type_word_as_written_wins_over_the_code() -> None:
    text = "KẾ HOẠCH\nX\n\nThực hiện:\n1. Thực hiện Quy định số 11-QĐ/TW ngày 18/02/2019 của Bộ Chính trị.\n"
    assert refs(text)["11-QĐ/TW"].doc_type == "Quy định"


def test_type_from_code_when_the_text_names_none() -> None:
    text = "KẾ HOẠCH\nX\n\nThực hiện:\n1. Thực hiện văn bản 06-TT/QU ngày 10/11/2021 của Quận ủy.\n"
    assert refs(text)["06-TT/QU"].doc_type == "Thông tri"


def test_year_contradicting_the_number_is_flagged_and_the_consistent_date_kept() -> None:
    text = (
        "KẾ HOẠCH\nX\n\nThực hiện:\n1. Thực hiện Nghị định số 04/2015/NĐ-CP ngày 09/01/2021 của Chính phủ.\n"
        "2. Theo Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ.\n"
    )
    doc = parse_text(text)
    (ref,) = doc.references
    assert ref.date == "2015-01-09"
    assert any("09/01/2021" in w.message and "2015" in w.message for w in doc.warnings_with("date-contradicts-number-year"))


def test_page_break_inside_a_sentence_does_not_cut_the_relation() -> None:
    text = (
        "KẾ HOẠCH\nX\n\nMở đầu.\nI. NỘI DUNG\n1. Các cơ quan thực hiện nghiêm\n\ntúc Quy định số 144-QĐ/TW "
        "ngày 09/5/2024 của Bộ Chính trị.\n"
    )
    assert refs(text)["144-QĐ/TW"].relation == "directs"


def test_markdown_bold_does_not_hide_a_citation() -> None:
    text = "KẾ HOẠCH\nX\n\nThực hiện **Chỉ thị số 33/CT-TTg ngày 26/11/2021** của Thủ tướng Chính phủ, xây dựng Kế hoạch.\n"
    (ref,) = parse_text(text).references
    assert (ref.number, ref.date) == ("33/CT-TTg", "2021-11-26")


def test_old_tone_placement_names_the_same_body() -> None:
    a = refs("KẾ HOẠCH\nX\n\nThực hiện:\n1. Thực hiện Nghị quyết số 04-NQ/TU ngày 31/5/2021 của Thành uỷ Hà Nội.\n")
    b = refs("KẾ HOẠCH\nX\n\nThực hiện:\n1. Thực hiện Nghị quyết số 04-NQ/TU ngày 31/5/2021 của Thành ủy Hà Nội.\n")
    assert a["04-NQ/TU"].issuer_name == b["04-NQ/TU"].issuer_name == "Thành ủy Hà Nội"


def test_named_laws_are_not_references() -> None:
    doc = parse_text("KẾ HOẠCH\nX\n\n1. Thực hiện Luật Khiếu nại, Luật Tố cáo và Luật Tiếp cận thông tin.\n")
    assert doc.references == []
    assert [n.name for n in doc.named_laws] == ["Luật Khiếu nại", "Luật Tố cáo", "Luật Tiếp cận thông tin"]


WARD_2025 = """ỦY BAN NHÂN DÂN
PHƯỜNG BA ĐÌNH
Số: 15/KH-UBND
Ba Đình, ngày 20 tháng 8 năm 2025
KẾ HOẠCH
Triển khai công tác dân vận chính quyền 6 tháng cuối năm 2025
Thực hiện Kế hoạch số 100/KH-UBND ngày 01/8/2025 của UBND Thành phố; Nghị quyết số 05-NQ/ĐU ngày 10/7/2025 của Đảng ủy phường, UBND phường xây dựng Kế hoạch như sau:
1. Các tổ dân phố thực hiện tốt Quy chế dân chủ.
"""


def test_a_ward_after_the_2025_reorganization_is_placed_in_its_new_province() -> None:
    doc = parse_text(WARD_2025)
    assert doc.issuer.name == "UBND phường Ba Đình" and doc.issuer.province == "Hà Nội"
    r = refs(WARD_2025)
    assert r["100/KH-UBND"].issuer_name == "UBND thành phố Hà Nội"
    assert r["05-NQ/ĐU"].issuer_name == "Đảng ủy phường Ba Đình"


DEPARTMENT = """SỞ NỘI VỤ TỈNH NGHỆ AN
Số: 1234/QĐ-SNV
Nghệ An, ngày 3 tháng 6 năm 2024
QUYẾT ĐỊNH
Về việc ban hành Quy chế làm việc
GIÁM ĐỐC SỞ NỘI VỤ
Căn cứ Quyết định số 12/2022/QĐ-UBND ngày 01/3/2022 của UBND tỉnh quy định chức năng của Sở Nội vụ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.
Điều 2. Quyết định này thay thế Quyết định số 55/QĐ-SNV ngày 01/02/2019 của Giám đốc Sở Nội vụ.
"""


def test_department_issuers_are_completed_by_their_province() -> None:
    doc = parse_text(DEPARTMENT)
    assert doc.issuer.name == "Sở Nội vụ tỉnh Nghệ An" and doc.issuer.level == "province"
    assert doc.title == "Về việc ban hành Quy chế làm việc"
    r = refs(DEPARTMENT)
    assert (r["12/2022/QĐ-UBND"].issuer_name, r["12/2022/QĐ-UBND"].relation) == ("UBND tỉnh Nghệ An", "based_on")
    assert (r["55/QĐ-SNV"].issuer_name, r["55/QĐ-SNV"].relation) == ("Giám đốc Sở Nội vụ tỉnh Nghệ An", "replaces")


def body(s: str) -> dict[str, object]:
    return refs("KẾ HOẠCH\nX\n\n1. " + s)


def test_a_date_is_not_shared_across_a_semicolon_or_to_a_citation_with_its_own_issuer() -> None:
    a = body("Nghị định số 04/2015/NĐ-CP của Chính phủ, Chỉ thị số 33/CT-TTg ngày 26/11/2021 về x.")
    assert a["04/2015/NĐ-CP"].date is None
    b = body("Nghị định số 04/2015/NĐ-CP; Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.")
    assert b["04/2015/NĐ-CP"].date is None and b["04/2015/NĐ-CP"].issuer_name == "Chính phủ"
    c = body("Chỉ thị số 05-CT/TW của Bộ Chính trị và Kết luận số 01-KL/TW ngày 18/5/2021.")
    assert c["05-CT/TW"].date is None


def test_a_shared_date_never_contradicts_the_numbers_own_year() -> None:
    r = body("Nghị định số 04/2015/NĐ-CP và Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ.")
    assert r["04/2015/NĐ-CP"].date is None and r["04/2015/NĐ-CP"].issuer_name == "Chính phủ"


def test_quoted_subjects_closing_a_list_go_to_each_member_in_order() -> None:
    r = body(
        "Tham gia giám sát theo Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị "
        "ban hành “Quy chế giám sát và phản biện xã hội”, “Quy định về góp ý xây dựng Đảng”."
    )
    assert r["217-QĐ/TW"].title == "Quy chế giám sát và phản biện xã hội"
    assert r["218-QĐ/TW"].title == "Quy định về góp ý xây dựng Đảng"


def test_one_number_of_two_issuers_gives_two_references_and_a_warning() -> None:
    doc = parse_text(
        "KẾ HOẠCH\nX\n\n1. Thực hiện Chỉ thị số 02/CT-UBND ngày 18/01/2022 của UBND thành phố Hà Nội và "
        "Chỉ thị số 02/CT-UBND ngày 05/4/2018 của UBND huyện Phú Giáo.\n"
    )
    assert [(r.number, r.issuer_name, r.date) for r in doc.references] == [
        ("02/CT-UBND", "UBND thành phố Hà Nội", "2022-01-18"),
        ("02/CT-UBND", "UBND huyện Phú Giáo", "2018-04-05"),
    ]
    assert any("2 different documents" in w.message for w in doc.warnings_with("one-number-several-documents"))


def test_word_dashes_inside_numbers() -> None:
    r = body("Thực hiện Chỉ thị số 33/CT\u2013TTg ngày 26/11/2021 và Quyết định số 23\u2011QĐ/TW ngày 30/7/2021.")
    assert set(r) == {"33/CT-TTg", "23-QĐ/TW"}
    assert r["33/CT-TTg"].date == "2021-11-26"


def test_rooms_and_truncated_numbers_are_not_citations() -> None:
    assert body("Họp tại Phòng 204/B-UB, Tầng 3/TTHC-UB; xem văn bản số 15/KH- ngày nào đó.") == {}


def test_a_replacement_reported_in_the_passive_is_only_cited() -> None:
    r = body("Kế hoạch số 05/KH-UBND ngày 02/3/2020 của UBND tỉnh đã được thay thế bởi Kế hoạch số 07/KH-UBND ngày 09/9/2021 của UBND tỉnh.")
    assert r["07/KH-UBND"].relation == "cites"


def test_a_wards_text_knows_its_own_district_and_city() -> None:
    text = (
        "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHƯỜNG TRÚC BẠCH                         Độc lập - Tự do - Hạnh phúc\n"
        "Số: 15/KH-UBND                      Trúc Bạch, ngày 05 tháng 3 năm 2023\n\nKẾ HOẠCH\nCông tác năm 2023\n\n"
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/1/2023 của UBND quận và Kế hoạch số 88-KH/QU của Quận ủy, "
        "UBND phường xây dựng Kế hoạch như sau:\n1. Quán triệt.\n"
    )
    r = refs(text)
    assert r["12/KH-UBND"].issuer_name == "UBND quận Ba Đình"
    assert r["88-KH/QU"].issuer_name == "Quận ủy Ba Đình"


def test_cong_van_title_wraps_and_stops_at_the_other_column() -> None:
    text = (
        "UBND TỈNH LÂM ĐỒNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ NỘI VỤ                                Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1532/SNV-CCHC\n"
        "V/v triển khai thực hiện công tác     Lâm Đồng, ngày 21 tháng 6 năm 2024\n"
        "dân vận chính quyền năm 2024\n\nKính gửi: UBND các huyện, thành phố.\n\n"
        "Thực hiện Công văn số 9086/BNV-CTTN&BĐG ngày 30/12/2023 của Bộ Nội vụ, Sở Nội vụ đề nghị các đơn vị báo cáo.\n"
    )
    doc = parse_text(text)
    assert doc.doc_type == "Công văn" and doc.title == "triển khai thực hiện công tác dân vận chính quyền năm 2024"
    assert doc.issuer.name == "Sở Nội vụ tỉnh Lâm Đồng" and doc.date == "2024-06-21"
    assert doc.references[0].issuer_name == "Bộ Nội vụ"


def test_a_text_without_header_still_has_its_citations() -> None:
    doc = parse_text("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, UBND huyện xây dựng kế hoạch.\n")
    assert doc.doc_type is None and doc.title is None
    assert [(r.number, r.relation) for r in doc.references] == [("33/CT-TTg", "implements")]


COMMUNE_PLAN_UNKNOWN_DISTRICT = """ỦY BAN NHÂN DÂN
XÃ AN BÌNH
Số: 12/KH-UBND
An Bình, ngày 05 tháng 9 năm 2023
KẾ HOẠCH
Thực hiện công tác dân vận năm 2023

Thực hiện Kế hoạch số 01/KH-UBND ngày 07/8/2023 của UBND huyện Đông Lạc Thành về công tác dân vận; Chỉ thị số 04-CT/HU ngày 02/02/2023 của Huyện ủy Đông Lạc Thành, UBND xã xây dựng Kế hoạch như sau:
I. NHIỆM VỤ
1. Các thôn thực hiện.
"""


def test_a_cited_issuer_keeps_the_place_the_text_names_even_where_the_data_has_none() -> None:
    # a unit the administrative data does not know (created since, renamed, a typo) is still
    # the one the text names: "UBND huyện Đông Lạc Thành", never "UBND huyện"
    r = refs(COMMUNE_PLAN_UNKNOWN_DISTRICT)
    issuer = r["01/KH-UBND"].issuer
    assert (issuer.name, issuer.level, issuer.place) == ("UBND huyện Đông Lạc Thành", "district", "Đông Lạc Thành")
    assert r["04-CT/HU"].issuer_name == "Huyện ủy Đông Lạc Thành"


def test_a_capitalized_word_that_opens_something_else_is_no_place_name() -> None:
    # negative twin: after the unit word stands the trích yếu, a type word or the next line
    from danvan_cli.extract.issuers import resolve_issuer

    for phrase in ("UBND huyện Về việc triển khai", "UBND huyện Kế hoạch số 3", "UBND huyện\nThực hiện",
                   "UBND huyện SỐ 3", "Chủ tịch UBND huyện Nguyễn Văn Tám"):
        m = resolve_issuer(phrase)
        assert m is not None and m.unresolved and m.issuer.place is None, phrase
