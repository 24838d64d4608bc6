"""The issuing body's name as a reader writes it: the header's capitals turned back into a
name, the parent kept apart, and no word of another line (an appendix heading, the Số line,
the Quốc hiệu, the type line) inside it. Invented headers of the shapes real offices use."""

from __future__ import annotations

import pytest

from danvan_cli import parse_text
from danvan_cli.refdata import load_yaml
from danvan_cli.extract.issuers import PlaceContext
from danvan_cli.extract.own_issuer import compose_header_issuer


def issuer(*lines: str) -> tuple[str, str | None, str | None, str | None]:
    got = compose_header_issuer(list(lines), PlaceContext())
    assert got is not None
    return got.name, got.level, got.place, got.parent.name if got.parent else None


def test_an_ampersand_between_words_is_read_as_va() -> None:
    assert issuer("UBND HUYỆN DẦU TIẾNG", "PHÒNG VĂN HÓA & THÔNG TIN")[0] == "Phòng Văn hóa và Thông tin huyện Dầu Tiếng"


def test_an_ampersand_inside_a_code_stays_in_the_code() -> None:
    assert issuer("UBND HUYỆN DẦU TIẾNG", "PHÒNG GD&ĐT")[0] == "Phòng GD&ĐT huyện Dầu Tiếng"


def test_a_sector_union_under_the_labour_federation_takes_its_unit_and_keeps_its_parent_apart() -> None:
    assert issuer("LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN", "CÔNG ĐOÀN NGÀNH Y TẾ") == (
        "Công đoàn ngành Y tế tỉnh Nghệ An", "province", "Nghệ An", "Liên đoàn Lao động tỉnh Nghệ An")


def test_a_body_that_serves_another_takes_its_whole_name() -> None:
    assert issuer("UBND TỈNH NGHỆ AN", "VĂN PHÒNG")[0] == "Văn phòng UBND tỉnh Nghệ An"
    # negative twin: a department takes only the unit
    assert issuer("UBND TỈNH NGHỆ AN", "SỞ TƯ PHÁP")[0] == "Sở Tư pháp tỉnh Nghệ An"


@pytest.mark.parametrize(
    "lines, name, level, place, parent",
    [
        (("UBND TỈNH NGHỆ AN", "HỘI ĐỒNG XÉT TUYỂN VIÊN CHỨC"), "Hội đồng Xét tuyển viên chức tỉnh Nghệ An", "province",
         "Nghệ An", "UBND tỉnh Nghệ An"),
        (("UBND HUYỆN DẦU TIẾNG", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19"),
         "Ban Chỉ đạo Phòng, chống dịch COVID-19 huyện Dầu Tiếng", "district", "Dầu Tiếng", "UBND huyện Dầu Tiếng"),
        (("UBND HUYỆN DẦU TIẾNG", "TỔ GIÚP VIỆC"), "Tổ Giúp việc huyện Dầu Tiếng", "district", "Dầu Tiếng",
         "UBND huyện Dầu Tiếng"),
        (("ỦY BAN MTTQ VIỆT NAM", "HUYỆN DẦU TIẾNG", "BAN THƯỜNG TRỰC"),
         "Ban Thường trực Ủy ban MTTQ Việt Nam huyện Dầu Tiếng", "district", "Dầu Tiếng",
         "Ủy ban MTTQ Việt Nam huyện Dầu Tiếng"),
        (("UBMTTQ VIỆT NAM TỈNH NGHỆ AN", "BAN THƯỜNG TRỰC"), "Ban Thường trực UBMTTQ Việt Nam tỉnh Nghệ An", "province",
         "Nghệ An", "UBMTTQ Việt Nam tỉnh Nghệ An"),
        (("HỘI NÔNG DÂN", "HUYỆN DẦU TIẾNG"), "Hội Nông dân huyện Dầu Tiếng", "district", "Dầu Tiếng", None),
        (("TỈNH ĐOÀN NGHỆ AN",), "Tỉnh đoàn Nghệ An", "province", "Nghệ An", None),
    ],
)
def test_ad_hoc_and_mass_bodies_are_issuers_with_parent_and_place(
    lines: tuple[str, ...], name: str, level: str, place: str, parent: str | None
) -> None:
    assert issuer(*lines) == (name, level, place, parent)


def test_a_youth_union_committee_is_no_party_committee_and_no_place_called_doan() -> None:
    got = compose_header_issuer(["HUYỆN ĐOÀN DẦU TIẾNG"], PlaceContext())
    assert (got.name, got.level, got.place) == ("Huyện đoàn Dầu Tiếng", "district", "Dầu Tiếng")
    # negative twin: a Party committee keeps the Party's tier
    assert compose_header_issuer(["HUYỆN ỦY DẦU TIẾNG"], PlaceContext()).level == "party-district"


def test_a_bloc_committee_names_no_place() -> None:
    got = compose_header_issuer(["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH"], PlaceContext())
    assert (got.name, got.place) == ("Đảng ủy Khối doanh nghiệp tỉnh", None)


SCHOOLS = [(h, n) for e in load_yaml("bodies.yaml")["school_levels"] for h, n in e["examples"].items()]


@pytest.mark.parametrize(("header", "name"), SCHOOLS)
def test_a_school_is_named_by_its_level_as_readers_write_it_then_its_own_name(header: str, name: str) -> None:
    assert compose_header_issuer([header], PlaceContext()).name == name


def test_a_school_under_a_district_takes_the_districts_unit() -> None:
    assert issuer("UBND HUYỆN DẦU TIẾNG", "TRƯỜNG TRUNG HỌC CƠ SỞ", "MINH HÒA")[:3] == (
        "Trường THCS Minh Hòa huyện Dầu Tiếng", "district", "Dầu Tiếng")


def test_a_place_written_after_a_code_is_the_bodys_place() -> None:
    got = compose_header_issuer(["PHÒNG GDĐT DẦU TIẾNG", "TRƯỜNG THCS MINH HÒA"], PlaceContext())
    assert (got.name, got.place, got.parent.name, got.parent.level) == (
        "Trường THCS Minh Hòa huyện Dầu Tiếng", "Dầu Tiếng", "Phòng GDĐT huyện Dầu Tiếng", "district")
    # a place several districts bear (a quận of Hồ Chí Minh, a huyện of Vĩnh Long) keeps no unit word
    assert compose_header_issuer(["PHÒNG GD-ĐT BÌNH TÂN"], PlaceContext()).name == "Phòng GD-ĐT Bình Tân"
    # negative twin: words after a code that name no place stay the body's words
    assert compose_header_issuer(["PHÒNG GDĐT TRUNG TÂM"], PlaceContext()).place is None


def header_issuer(header: str) -> str:
    text = header + "\nKẾ HOẠCH\nTổ chức hội thi giáo viên dạy giỏi\n\nI. MỤC ĐÍCH\n1. Các trường thực hiện.\n"
    return parse_text(text).issuer.name


def test_an_appendix_heading_among_the_left_lines_is_no_part_of_the_name() -> None:
    assert header_issuer("UBND TỈNH NGHỆ AN\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nPHỤ LỤC II\nSố: 12/KH-SGDĐT\n"
                         "Nghệ An, ngày 12 tháng 5 năm 2020") == "Sở Giáo dục và Đào tạo tỉnh Nghệ An"
    # negative twin: a body whose own name holds such a word in running text keeps it
    assert header_issuer("UBND TỈNH NGHỆ AN\nTRUNG TÂM DANH MỤC THUỐC\nSố: 12/KH-TT\n"
                         "Nghệ An, ngày 12 tháng 5 năm 2020").startswith("Trung tâm Danh mục thuốc")


def test_a_blank_number_with_its_year_is_the_number_line_not_the_name() -> None:
    doc = parse_text("ỦY BAN NHÂN DÂN\nHUYỆN DẦU TIẾNG\nSỐ: /2020/QĐ-UBND\nDầu Tiếng, ngày    tháng 5 năm 2020\n"
                     "QUYẾT ĐỊNH\nVề việc ban hành Quy chế\n\nĐiều 1. Ban hành Quy chế.\n")
    assert (doc.issuer.name, doc.number, doc.number_raw) == ("UBND huyện Dầu Tiếng", None, "/2020/QĐ-UBND")


def test_a_blank_party_number_is_the_number_line_not_the_name() -> None:
    doc = parse_text("THÀNH ỦY HÀ NỘI\nBAN TUYÊN GIÁO\n*\nSố  - HD/BTGTU\nHà Nội, ngày  tháng 11 năm 2025\n"
                     "HƯỚNG DẪN\nCông tác tuyên truyền\n\n1. Các đảng bộ thực hiện.\n")
    assert (doc.issuer.name, doc.number) == ("Ban Tuyên giáo Thành ủy Hà Nội", None)


def test_a_quoc_hieu_glued_to_the_name_is_cut_off() -> None:
    assert header_issuer("ỦY BAN NHÂN DÂN HUYỆN DẦU TIẾNGCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                         "Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND Dầu Tiếng, ngày 12 tháng 5 năm 2020") \
        == "UBND huyện Dầu Tiếng"


def test_the_central_committees_header_over_an_organs_signature_names_the_organ() -> None:
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 09-HD/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 10 tháng 6 năm 2025\n"
            "HƯỚNG DẪN\nCông tác kiểm tra\n\n1. Các cấp ủy thực hiện.\n\nNơi nhận:\n- Các tỉnh ủy,\n- Lưu VPTW.\n\n"
            "T/M {organ}\nNguyễn Văn An\n")
    doc = parse_text(text.format(organ="BỘ CHÍNH TRỊ"))
    assert (doc.issuer.name, doc.issuer.parent.name) == ("Bộ Chính trị", "Ban Chấp hành Trung ương Đảng")
    # negative twin: the committee signing for itself stays the issuer
    doc = parse_text(text.format(organ="BAN CHẤP HÀNH TRUNG ƯƠNG"))
    assert (doc.issuer.name, doc.issuer.parent) == ("Ban Chấp hành Trung ương Đảng", None)


def test_a_cited_department_written_with_its_place_and_no_unit_word_is_that_units() -> None:
    from danvan_cli.extract.issuers import resolve_department

    got = resolve_department("Sở Tài Chính Nghệ An về việc hướng dẫn")
    assert (got.issuer.name, got.issuer.place, got.issuer.province) == ("Sở Tài chính tỉnh Nghệ An", "Nghệ An", "Nghệ An")
    # a name several districts bear keeps its words, with no province guessed
    got = resolve_department("Phòng Giáo dục và Đào tạo Bình Tân về")
    assert (got.issuer.name, got.issuer.place, got.issuer.province) == ("Phòng Giáo dục và Đào tạo Bình Tân", "Bình Tân", None)
    # negative twin: a field word in capitals is no place
    assert resolve_department("Sở Nội Vụ về việc").issuer.place is None


def test_a_place_name_holding_a_heads_syllable_is_one_place_not_a_body_under_it() -> None:
    assert issuer("UBND HUYỆN DẦU TIẾNG", "UBND XÃ THUẬN HỘI THƯỢNG")[:3] == (
        "UBND xã Thuận Hội Thượng", "commune", "Thuận Hội Thượng")
    # negative twin: a body under a unit names its field after its head
    assert issuer("UBND TỈNH NGHỆ AN SỞ NỘI VỤ")[0] == "Sở Nội vụ tỉnh Nghệ An"


def test_a_blank_number_written_on_the_bodys_line_is_no_part_of_its_name() -> None:
    doc = parse_text("THÀNH ỦY HÀ NỘI ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TỔ CHỨC Số - HD/BTCTU\n*\n"
                     "Hà Nội, ngày tháng 11 năm 2025\n\nHƯỚNG DẪN\nNghiệp vụ công tác tổ chức đảng\n\n1. Các đảng bộ thực hiện.\n")
    assert (doc.issuer.name, doc.number) == ("Ban Tổ chức Thành ủy Hà Nội", None)
    # negative twin: a filled number on that line is read as the number
    doc = parse_text("THÀNH ỦY HÀ NỘI ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TỔ CHỨC Số 2-HD/BTCTU\n*\n"
                     "Hà Nội, ngày 21 tháng 11 năm 2025\n\nHƯỚNG DẪN\nNghiệp vụ công tác tổ chức đảng\n\n1. Các đảng bộ thực hiện.\n")
    assert (doc.issuer.name, doc.number) == ("Ban Tổ chức Thành ủy Hà Nội", "2-HD/BTCTU")


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("UBND tỉnh Vĩnh Hà Hạ về việc", "UBND tỉnh Vĩnh Hà Hạ"),  # "Vĩnh" is no "Vinh"
        ("UBND xã Thuận Hội Thượng về việc", "UBND xã Thuận Hội Thượng"),  # a known xã Thuận opens it
        ("UBND huyện Long Hội Nam về việc", "UBND huyện Long Hội Nam"),
        ("UBND tỉnh Quảng Ninh về việc", "UBND tỉnh Quảng Ninh"),
        # negative twins: a body's field after a known or written place is no part of it
        ("UBND tỉnh Quảng Ninh Hội Nông dân tỉnh", "UBND tỉnh Quảng Ninh"),
        ("UBND huyện Long Minh Sở Nội vụ", "UBND huyện Long Minh"),
    ],
)
def test_a_cited_place_the_data_does_not_know_is_kept_whole_to_its_boundary(phrase: str, name: str) -> None:
    from danvan_cli.extract.issuers import resolve_issuer

    assert resolve_issuer(phrase).issuer.name == name


def test_a_known_place_typed_without_accents_still_matches() -> None:
    from danvan_cli.extract.issuers import resolve_issuer

    got = resolve_issuer("UBND tỉnh Quang Ninh về việc")
    assert got.issuer.place == "Quảng Ninh"


def test_a_department_named_with_its_province_and_no_unit_word_has_that_place() -> None:
    assert issuer("SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN", "HỘI ĐỒNG XÉT TẶNG DANH HIỆU") == (
        "Hội đồng Xét tặng danh hiệu Sở Giáo dục và Đào tạo tỉnh Nghệ An", "province", "Nghệ An",
        "Sở Giáo dục và Đào tạo tỉnh Nghệ An")
    assert issuer("CÔNG ĐOÀN GIÁO DỤC VIỆT NAM", "CÔNG ĐOÀN NGÀNH GIÁO DỤC NGHỆ AN")[:3] == (
        "Công đoàn ngành Giáo dục tỉnh Nghệ An", "province", "Nghệ An")
    # negative twin: a field whose last words name no province keeps no place
    assert compose_header_issuer(["SỞ GIÁO DỤC VÀ ĐÀO TẠO"], PlaceContext()).place is None


def test_the_standing_committee_of_a_council_takes_the_councils_whole_name() -> None:
    assert issuer("HĐND HUYỆN DẦU TIẾNG", "THƯỜNG TRỰC")[:2] == ("Thường trực HĐND huyện Dầu Tiếng", "district")
    # negative twin: a steering committee written as its code is a body under the UBND, taking its unit
    assert issuer("UBND HUYỆN DẦU TIẾNG", "BCĐ PHÒNG CHỐNG DỊCH")[0] == "Ban Chỉ đạo Phòng chống dịch huyện Dầu Tiếng"


def test_a_schools_union_names_the_school_as_a_school_is_named() -> None:
    assert issuer("PHÒNG GD&ĐT DẦU TIẾNG", "CÔNG ĐOÀN TRƯỜNG THCS MINH HÒA")[0] == "Công đoàn Trường THCS Minh Hòa huyện Dầu Tiếng"
    # negative twin: "trường" that opens no school level stays a word of the field
    assert compose_header_issuer(["HỘI ĐỒNG TRƯỜNG"], PlaceContext()).name == "Hội đồng Trường"


@pytest.mark.parametrize(
    "phrase, name, place",
    [
        ("Ban Tổ chức Thành ủy Hà Nội về việc", "Ban Tổ chức Thành ủy Hà Nội", "Hà Nội"),
        ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Nghệ An về", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Nghệ An", "Nghệ An"),
        ("Công đoàn ngành Giáo dục tỉnh Nghệ An về", "Công đoàn ngành Giáo dục tỉnh Nghệ An", "Nghệ An"),
        ("Hội đồng Thi đua - Khen thưởng huyện Long Minh về", "Hội đồng Thi đua - Khen thưởng huyện Long Minh", "Long Minh"),
        ("Ban Tuyên giáo - Tỉnh ủy Gia Lai về", "Ban Tuyên giáo Tỉnh ủy Gia Lai", "Gia Lai"),  # the dash between them dropped
    ],
)
def test_a_cited_board_keeps_its_words_and_takes_the_body_or_unit_above_it(phrase: str, name: str, place: str) -> None:
    from danvan_cli.extract.issuers import resolve_issuer

    got = resolve_issuer(phrase)
    assert (got.issuer.name, got.issuer.place) == (name, place)


def test_a_head_word_that_names_no_body_above_it_is_no_cited_issuer() -> None:
    from danvan_cli.extract.issuers import resolve_issuer

    assert resolve_issuer("Ban hành Kế hoạch của tỉnh") is None
    assert resolve_issuer("Hội nghị triển khai nhiệm vụ năm 2024") is None
    # the relative unit is completed from the document's own place
    ctx = PlaceContext()
    from danvan_cli.extract.issuers import make_unit

    ctx.province = make_unit("tỉnh", "Nghệ An")
    assert resolve_issuer("Ban Chỉ đạo phòng chống dịch tỉnh về", ctx).issuer.name == "Ban Chỉ đạo phòng chống dịch tỉnh Nghệ An"


def test_a_one_word_head_before_a_lower_case_word_is_no_cited_board() -> None:
    from danvan_cli.extract.issuers import resolve_issuer

    assert resolve_issuer("Hội diễn văn nghệ quần chúng tỉnh Nghệ An") is None
    # negative twin: its field in capitals makes it a body
    assert resolve_issuer("Hội Nông dân tỉnh Nghệ An về").issuer.name == "Hội Nông dân tỉnh Nghệ An"


def test_a_unit_word_in_capitals_inside_a_boards_field_is_a_word_of_the_field() -> None:
    from danvan_cli.extract.issuers import resolve_issuer

    assert resolve_issuer("Ban Văn hóa - Xã hội về việc") is None
    # negative twin: the unit word in running text's case is the board's unit
    assert resolve_issuer("Ban Văn hóa - Xã hội xã Lương Minh về").issuer.name == "Ban Văn hóa - Xã hội xã Lương Minh"


HEAD_ABBREVIATIONS = [(h, n) for e in load_yaml("bodies.yaml")["head_abbreviations"] for h, n in e["examples"].items()]


@pytest.mark.parametrize(("header", "name"), HEAD_ABBREVIATIONS)
def test_a_head_written_as_its_initials_is_named_as_a_reader_writes_it(header: str, name: str) -> None:
    assert compose_header_issuer([header], PlaceContext()).name == name


def test_a_standing_board_takes_the_whole_name_of_the_board_above_it_even_with_no_place() -> None:
    assert issuer("BCĐ PHÒNG, CHỐNG DỊCH COVID-19", "BAN THƯỜNG TRỰC")[0] == (
        "Ban Thường trực Ban Chỉ đạo Phòng, chống dịch COVID-19")
    # negative twin: a body that takes only a unit stays as it is under a parent with no place
    assert issuer("CÔNG ĐOÀN GIÁO DỤC VIỆT NAM", "CÔNG ĐOÀN TRƯỜNG THCS MINH HÒA")[0] == "Công đoàn Trường THCS Minh Hòa"


def test_a_provinces_school_is_named_alone_and_a_districts_with_its_district() -> None:
    assert issuer("SỞ GDĐT AN GIANG", "TRƯỜNG THPT NGUYỄN BỈNH KHIÊM")[:3] == (
        "Trường THPT Nguyễn Bỉnh Khiêm", "province", "An Giang")
    # negative twin: under a district's office the district is written
    assert issuer("PHÒNG GDĐT LAI VUNG", "TRƯỜNG THCS TÂN THÀNH")[0] == "Trường THCS Tân Thành huyện Lai Vung"


def test_a_board_named_without_its_unit_sits_at_the_unit_its_place_line_names() -> None:
    text = ("{left}\nSố: 506/CV-BCĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Gia Lai, ngày 12 tháng 10 năm 2021\nV/v cập nhật danh sách\n\nKính gửi: Các Sở, ban ngành của tỉnh.\n\n"
            "Đề nghị các đơn vị triển khai.\n")
    doc = parse_text(text.format(left="BCĐ PHÒNG, CHỐNG DỊCH COVID-19\nBAN THƯỜNG TRỰC"))
    assert (doc.issuer.name, doc.issuer.level, doc.issuer.parent.name) == (
        "Ban Thường trực Ban Chỉ đạo Phòng, chống dịch COVID-19 tỉnh Gia Lai", "province",
        "Ban Chỉ đạo Phòng, chống dịch COVID-19 tỉnh Gia Lai")
    # negative twin: a body that is no board keeps its name whatever the place line says
    doc = parse_text(text.format(left="CÔNG TY TNHH AN PHÁT"))
    assert (doc.issuer.name.startswith("Công ty TNHH"), doc.issuer.name.endswith("Gia Lai"), doc.issuer.place) == (True, False, None)
