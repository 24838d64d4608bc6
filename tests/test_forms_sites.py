"""Header rules for the shapes other legal sites give a document (invented texts).

Pages saved from hethongphapluat / dulieuphapluat keep the header as pipe rows and lose
lines on the way: the type line, the issuing body's second line (``TỈNH X`` under ``ỦY BAN
NHÂN DÂN``). What is left still names the document: the number's type code (Nghị định
30/2020/NĐ-CP Phụ lục III: ``KH`` Kế hoạch, ``NQ`` Nghị quyết, ``QĐ`` Quyết định) and the
authority line under the title or the text's own voice for the unit.
"""

from __future__ import annotations

from danvan_cli import parse_text

_PIPE_HEAD = (
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
    "Số: {number} | Lạng Giang Thượng, ngày 03 tháng 4 năm 2023 |\n"
)


def test_pipe_header_without_type_line_takes_type_from_number_code() -> None:
    text = _PIPE_HEAD.format(number="45/KH-UBND") + (
        "Thực hiện Quyết định số 12/QĐ-TTg ngày 02/01/2023 của Thủ tướng Chính phủ, UBND tỉnh Lạng Giang Thượng "
        "ban hành Kế hoạch thực hiện như sau:\n1. Mục đích\nNâng cao hiệu quả công tác dân vận.\n"
    )
    d = parse_text(text).to_dict()
    assert d["doc_type"] == "Kế hoạch"
    assert d["number"] == "45/KH-UBND"
    assert d["date"] == "2023-04-03"


def test_resolution_code_names_nghi_quyet_and_authority_line_gives_the_council_unit() -> None:
    text = (
        "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 21/NQ-HĐND | Hòa Bình Tây, ngày 10 tháng 7 năm 2024 |\n"
        "VỀ VIỆC THÔNG QUA KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2025\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH TÂY\nKHÓA XVIII, KỲ HỌP THỨ 17\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT NGHỊ:\n"
        "Điều 1. Thông qua Kế hoạch đầu tư công năm 2025.\n"
    )
    d = parse_text(text).to_dict()
    assert d["doc_type"] == "Nghị quyết"
    assert d["issuer"]["name"] == "HĐND tỉnh Hòa Bình Tây"


def test_bare_ubnd_cell_takes_its_unit_from_the_authority_line_under_the_title() -> None:
    text = _PIPE_HEAD.format(number="88/2014/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nVỀ VIỆC THU PHÍ THAM QUAN DI TÍCH\n"
        "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG GIANG THƯỢNG\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Quy định mức thu phí.\n"
    )
    d = parse_text(text).to_dict()
    assert d["issuer"]["name"] == "UBND thành phố Lạng Giang Thượng"


def test_chairman_authority_line_gives_the_unit_not_the_title() -> None:
    text = _PIPE_HEAD.format(number="232/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG GIANG THƯỢNG\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Công bố Danh mục thủ tục hành chính.\n"
    )
    d = parse_text(text).to_dict()
    assert d["issuer"]["name"] == "UBND tỉnh Lạng Giang Thượng"


def test_cut_head_then_the_same_body_in_full_is_one_body() -> None:
    text = _PIPE_HEAD.format(number="4168/QĐ-UBND") + (
        "ỦY BAN NHÂN DÂN TỈNH LẠNG GIANG THƯỢNG\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý.\n"
    )
    d = parse_text(text).to_dict()
    assert d["doc_type"] == "Quyết định"
    assert d["issuer"]["name"] == "UBND tỉnh Lạng Giang Thượng"
    assert d["issuer"].get("parent") is None


def test_bare_ubnd_with_a_different_body_under_the_title_stays_bare() -> None:
    """The authority line is taken only when it names the same kind of body."""
    text = _PIPE_HEAD.format(number="15/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC\n"
        "BAN CHỈ ĐẠO TỈNH LẠNG GIANG THƯỢNG\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Thành lập Tổ công tác.\n"
    )
    d = parse_text(text).to_dict()
    assert not (d["issuer"] or {}).get("name", "").startswith("Ban Chỉ đạo")


def test_news_text_without_number_gets_no_type_from_code() -> None:
    text = (
        "Ngày 12/9/2018, Ban Dân vận Tỉnh ủy đã ban hành Kế hoạch số 62-KH/BDVTU về tổ chức hoạt động "
        "Tháng Dân vận năm 2018.\nĐề nghị các phòng, đơn vị quán triệt nội dung Kế hoạch.\n"
    )
    d = parse_text(text).to_dict()
    assert d["doc_type"] is None
    assert d["number"] is None


def test_type_name_before_so_reads_the_own_number() -> None:
    """``Nghị quyết số: 653/2019/UBTVQH14``: the type written before ``số:``."""
    text = (
        "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n\n"
        "Nghị quyết số: 71/2023/UBTVQH15\n\nHà Nội, ngày 12 tháng 3 năm 2023\n\n"
        "NGHỊ QUYẾT\n\nVỀ VIỆC THÀNH LẬP XÃ ĐÔNG LÃM\n\n"
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\nQUYẾT NGHỊ:\n\nĐiều 1. Thành lập xã.\n"
    )
    d = parse_text(text).to_dict()
    assert d["number"] == "71/2023/UBTVQH15"
    assert d["doc_type"] == "Nghị quyết"


def test_signature_flattened_under_the_recipients_list_reaches_its_name() -> None:
    """A portal's two-cell table flattened cell after cell: the list, then the block, the
    name after lines holding only blanks."""
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH HÒA BÌNH TÂY Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 454/UBND-NCTH Vị Thanh Tây, ngày 6 tháng 4 năm 2021\n\n"
        "V/v tiếp tục phối hợp tuyên truyền\n\nKính gửi:\n\n- Giám đốc Sở Văn hóa, Thể thao và Du lịch;\n\n"
        "Chủ tịch UBND tỉnh có ý kiến như sau: giao Sở Văn hóa, Thể thao và Du lịch tuyên truyền./.\n\n"
        "Nơi nhận:\n\n- Như trên;\n\n- Lưu: VT, NCTH.\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\n" + " \n\n" * 5 +
        "Lê Văn Bình\n\n;\n"
    )
    d = parse_text(text).to_dict()
    assert d["signer"]["name"] == "Lê Văn Bình"
    assert d["signer"]["authority"] == "KT. CHỦ TỊCH"
    assert d["doc_type"] == "Công văn"
