"""One administrative document in every text form real documents come in, read the same.

The document is built here from its parts (Nghị định 30/2020/NĐ-CP's header, body and
signature), then written the way each form writes it: clean lines, a portal page exported
to Markdown (cells between lines holding only ``|``, bold marks broken across lines and
inside words, the date split over two lines), Markdown pipe rows, two columns flattened
side by side (``pdftotext -layout``), the whole header flattened onto one line by a
crawler, and a portal page with its chrome (metadata panel, related documents, a dated
letter of the site). Every form must give the same header, signer and recipients, and the
chrome none of its own dates, numbers or deadlines.
"""

from __future__ import annotations

import pytest

from danvan_cli import parse_text

PARENT, BODY = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "SỞ NỘI VỤ"
NUMBER = "1234/QĐ-SNV"
PLACE_DATE = "Quảng Ninh, ngày 14 tháng 3 năm 2025"
TITLE = "Về việc ban hành Kế hoạch cải cách hành chính năm 2025"
PREAMBLE = [
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND tỉnh Quảng Ninh về cải cách hành chính;",
]
BODY_LINES = [
    "QUYẾT ĐỊNH:",
    "Điều 1. Ban hành Kế hoạch cải cách hành chính năm 2025 của Sở Nội vụ.",
    "Điều 2. Các phòng thuộc Sở báo cáo kết quả thực hiện trước ngày 15/12/2025.",
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
]
RECIPIENTS = ["Như Điều 3;", "UBND tỉnh (b/c);", "Lưu: VT, VP."]
SIGNATURE = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Minh Hạnh"]


def clean_lines() -> str:
    return "\n".join([
        "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH", BODY, "-------", f"Số: {NUMBER}",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------", PLACE_DATE,
        "", "QUYẾT ĐỊNH", TITLE, "GIÁM ĐỐC SỞ NỘI VỤ TỈNH QUẢNG NINH", *PREAMBLE, *BODY_LINES, "",
        "Nơi nhận:", *[f"- {r}" for r in RECIPIENTS], "", *SIGNATURE, "",
    ])


def portal_markdown() -> str:
    """A web-text extractor's Markdown of the page: every cell on its own lines between
    lines holding only ``|``, marks broken across lines and inside words."""
    return "\n".join([
        "**ỦY BAN NHÂN", "DÂN** TỈNH QUẢNG NINH", "**S****Ở NỘI VỤ**", "-------", "|",
        "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "---------------", "|", "|",
        "Số:", NUMBER, "|", "*Quảng Ninh, ngày 1**4**", "tháng 3 năm 2025*", "|",
        "**QUYẾT ĐỊNH**", TITLE, "**GIÁM ĐỐC SỞ NỘI VỤ TỈNH QUẢNG NINH**", *[f"*{p}*" for p in PREAMBLE],
        *BODY_LINES, "|", "*Nơi nhận:*", "-", RECIPIENTS[0], *[f"- {r}" for r in RECIPIENTS[1:]], "|",
        f"**{SIGNATURE[0]}**", SIGNATURE[1], f"**{SIGNATURE[2]}**", "|",
    ])


def pipe_rows() -> str:
    return "\n".join([
        f"| ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH<br>{BODY} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |",
        "|---|---|",
        f"| Số: {NUMBER} | {PLACE_DATE} |",
        "", "# QUYẾT ĐỊNH", TITLE, "**GIÁM ĐỐC SỞ NỘI VỤ TỈNH QUẢNG NINH**", *PREAMBLE, *BODY_LINES, "",
        f"| Nơi nhận:<br>- {RECIPIENTS[0]}<br>- {RECIPIENTS[1]}<br>- {RECIPIENTS[2]} | {SIGNATURE[0]}<br>{SIGNATURE[1]}<br>{SIGNATURE[2]} |",
    ])  # a cell's lines kept as <br> by the exporter


def side_by_side() -> str:
    """What ``pdftotext -layout`` (or a copy from Word) gives: the two header columns on
    the same lines, separated by runs of spaces; the same for Nơi nhận and the signature."""
    def row(left: str, right: str) -> str:
        return f"{left:<40}{right}"
    return "\n".join([
        row("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        row("TỈNH QUẢNG NINH", "Độc lập - Tự do - Hạnh phúc"),
        row(BODY, "---------------"),
        row(f"Số: {NUMBER}", PLACE_DATE),
        "", "                    QUYẾT ĐỊNH", TITLE, "GIÁM ĐỐC SỞ NỘI VỤ TỈNH QUẢNG NINH", *PREAMBLE, *BODY_LINES, "",
        row("Nơi nhận:", SIGNATURE[0]),
        row(f"- {RECIPIENTS[0]}", SIGNATURE[1]),
        row(f"- {RECIPIENTS[1]}", ""),
        row(f"- {RECIPIENTS[2]}", SIGNATURE[2]),
    ])


def one_line() -> str:
    """A crawler's text: the header flattened onto one line, the body on a few."""
    head = f"ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH {BODY} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: {NUMBER} {PLACE_DATE} QUYẾT ĐỊNH {TITLE} GIÁM ĐỐC SỞ NỘI VỤ TỈNH QUẢNG NINH"
    return "\n".join([head, " ".join(PREAMBLE), "\n".join(BODY_LINES),
                      "Nơi nhận: " + " ".join(f"- {r}" for r in RECIPIENTS), "\n".join(SIGNATURE)])


def with_chrome() -> str:
    """The portal page saved whole: a metadata panel above, the site's lists and its own
    dated letter (with a decree number and a date of its own) below."""
    panel = ["|", "|", "Đang tải văn bản...", "**Số hiệu:**", "|", "9999/QĐ-XYZ", "|", "**Loại văn bản:**", "|",
             "Quyết định", "|", "**Người ký:**", "|", "Trần Văn Khác", "|", "**Ngày ban hành:**", "|", "01/01/2020", "|", "|"]
    footer = ["Quyết định 1234/QĐ-SNV năm 2025 về cải cách hành chính do Sở Nội vụ ban hành",
              "Văn bản này chưa cập nhật nội dung Tiếng Anh", "## Văn bản liên quan",
              "TP. HCM, ngày 31/05/2021", "Thưa Quý khách,",
              "Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân yêu cầu xác nhận trước ngày 30/6/2021.",
              "Cảm ơn đã dùng ThuVienPhapLuat.vn"]
    return "\n".join(panel) + "\n" + portal_markdown() + "\n" + "\n".join(footer) + "\n"


FORMS = {
    "clean lines": clean_lines,
    "portal markdown": portal_markdown,
    "pipe rows": pipe_rows,
    "side by side": side_by_side,
    "one line": one_line,
    "page with chrome": with_chrome,
}


@pytest.mark.parametrize("form", list(FORMS))
def test_every_form_gives_the_same_header(form: str) -> None:
    doc = parse_text(FORMS[form]())
    assert doc.doc_type == "Quyết định"
    assert doc.number == NUMBER
    assert doc.date == "2025-03-14" and doc.place == "Quảng Ninh"
    assert doc.title == TITLE
    assert doc.issuer is not None
    assert doc.issuer.name == "Sở Nội vụ tỉnh Quảng Ninh"
    assert doc.issuer.province == "Quảng Ninh"
    assert doc.issuer.parent is not None and doc.issuer.parent.name == "UBND tỉnh Quảng Ninh"


@pytest.mark.parametrize("form", list(FORMS))
def test_every_form_gives_the_same_signer_and_recipients(form: str) -> None:
    doc = parse_text(FORMS[form]())
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.authority, doc.signer.title) == ("Nguyễn Thị Minh Hạnh", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    assert [r.rstrip(";.") for r in doc.recipients] == [r.rstrip(";.") for r in RECIPIENTS]


@pytest.mark.parametrize("form", list(FORMS))
def test_every_form_gives_the_same_citations_and_deadline(form: str) -> None:
    doc = parse_text(FORMS[form]())
    assert [r.number for r in doc.references] == ["30/2020/NĐ-CP", "45/KH-UBND"]
    assert [d.date for d in doc.deadlines] == ["2025-12-15"]


def test_chrome_gives_no_field_citation_or_deadline() -> None:
    doc = parse_text(with_chrome())
    numbers = {r.number for r in doc.references}
    assert "13/2023/NĐ-CP" not in numbers and "9999/QĐ-XYZ" not in numbers
    assert doc.signer is not None and doc.signer.name != "Trần Văn Khác"
    assert all(d.date != "2021-06-30" for d in doc.deadlines)


def test_quoc_hieu_words_never_enter_the_issuer() -> None:
    # The Quốc hiệu broken over lines and written before the issuing body.
    text = "CỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nỦY BAN NHÂN DÂN\nHUYỆN TIÊN YÊN\nSố: 12/KH-UBND\nTiên Yên, ngày 2 tháng 4 năm 2024\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2024\nNội dung.\n"
    doc = parse_text(text)
    assert doc.issuer is not None and doc.issuer.name == "UBND huyện Tiên Yên"
    assert not any(w in doc.issuer.name.casefold() for w in ("cộng hòa", "chủ nghĩa", "việt nam"))


@pytest.mark.parametrize(
    ("lines", "name", "parent"),
    [
        (["BỘ TÀI CHÍNH", "CỤC THUẾ"], "Cục Thuế", "Bộ Tài chính"),
        (["BỘ", "TÀI CHÍNH", "**CỤC HẢI QUAN**"], "Cục Hải quan", "Bộ Tài chính"),
        (["UBND TỈNH QUẢNG NINH", "SỞ NỘI VỤ"], "Sở Nội vụ tỉnh Quảng Ninh", "UBND tỉnh Quảng Ninh"),
        (["TỈNH ỦY QUẢNG NINH", "BAN DÂN VẬN"], "Ban Dân vận Tỉnh ủy Quảng Ninh", "Tỉnh ủy Quảng Ninh"),
        (["VĂN PHÒNG", "CHÍNH PHỦ"], "Văn phòng Chính phủ", None),
        (["ỦY BAN NHÂN", "DÂN", "THÀNH PHỐ HÀ NỘI"], "UBND thành phố Hà Nội", None),
        (["ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC"], "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh", "Ủy ban MTTQ Việt Nam xã Lương Minh"),
    ],
)
def test_issuing_body_is_the_line_nearest_so_and_its_parent_the_one_above(lines: list[str], name: str, parent: str | None) -> None:
    head = "\n".join(lines) + "\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\n|\nSố: 7/TB-XX\n|\nHà Nội, ngày 3 tháng 5 năm 2025\n|\n"
    doc = parse_text(head + "THÔNG BÁO\nVề việc tổ chức hội nghị\nNội dung thông báo.\n")
    assert doc.issuer is not None and doc.issuer.name == name
    assert (doc.issuer.parent.name if doc.issuer.parent else None) == parent


def test_a_name_written_in_full_keeps_its_words_where_the_data_has_no_such_place() -> None:
    text = "ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG LỘC\nSố: 5/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTân Hưng Lộc, ngày 1 tháng 8 năm 2025\nKẾ HOẠCH\nTổ chức hội nghị\nNội dung.\n"
    doc = parse_text(text)
    assert doc.issuer is not None and doc.issuer.name == "UBND xã Tân Hưng Lộc"
    assert doc.issuer.level == "commune" and doc.issuer.place == "Tân Hưng Lộc"


def test_party_header_with_parent_committee() -> None:
    text = ("ĐẢNG BỘ TỈNH QUẢNG NINH\nHUYỆN ỦY TIÊN YÊN\n*\nSố 15-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Tiên Yên, ngày 9 tháng 6 năm 2024\nKẾ HOẠCH\nThực hiện Chỉ thị số 05-CT/TW\nNội dung.\n"
            "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nHoàng Văn Nam\n")
    doc = parse_text(text)
    assert doc.number == "15-KH/HU"
    assert doc.issuer is not None and doc.issuer.name == "Huyện ủy Tiên Yên"
    assert doc.issuer.level == "party-district"
    assert doc.signer is not None and doc.signer.authority == "T/M BAN THƯỜNG VỤ" and doc.signer.name == "Hoàng Văn Nam"


def test_signer_name_is_the_person_alone_and_wrapped_authority_lines_are_joined() -> None:
    text = ("BỘ QUỐC PHÒNG\nSố: 88/QĐ-BQP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 2 tháng 1 năm 2025\n"
            "QUYẾT ĐỊNH\nVề việc giao nhiệm vụ\nĐiều 1. Giao nhiệm vụ.\n"
            "|\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n|\nTL. BỘ TRƯỞNG\nKT. CHÁNH VĂN PHÒNG BỘ,\nTỔNG THAM MƯU\nPHÓ CHÁNH VĂN PHÒNG\n(Đã ký)\nThiếu tướng Lê Văn\nBình\n|\n")
    doc = parse_text(text)
    assert doc.signer is not None
    assert doc.signer.name == "Lê Văn Bình"
    assert doc.signer.authority == "TL. BỘ TRƯỞNG / KT. CHÁNH VĂN PHÒNG BỘ, TỔNG THAM MƯU"
    assert doc.signer.title == "PHÓ CHÁNH VĂN PHÒNG"


TASK_TABLE_BAR = "\n".join([
    "|", "**TT**", "|", "**Nội dung nhiệm vụ**", "|", "**Cơ quan chủ trì**", "|", "**Cơ quan phối hợp**", "|",
    "**Thời gian hoàn thành**", "|", "|",
    "**I**", "|", "**Công tác tuyên truyền**", "|", "|",
    "1", "|", "Tổ chức hội nghị quán triệt", "|", "Phòng Nội vụ", "|", "Các xã, thị trấn", "|", "Trước ngày 15/10/2024", "|", "|",
    "2", "|", "Tuyên truyền trên", "cổng thông tin điện tử", "|", "Phòng Văn hóa", "|", "", "|", "Quý III/2024", "|", "|",
    "3", "|", "Kiểm tra, đôn đốc", "|", "Văn phòng UBND huyện", "|", "Các phòng", "|", "Thường xuyên", "|",
])
TASK_TABLE_PIPE = "\n".join([
    "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
    "|---|---|---|---|---|",
    "| **I** | **Công tác tuyên truyền** | | | |",
    "| 1 | Tổ chức hội nghị quán triệt | Phòng Nội vụ | Các xã, thị trấn | Trước ngày 15/10/2024 |",
    "| 2 | Tuyên truyền trên cổng thông tin điện tử | Phòng Văn hóa | | Quý III/2024 |",
    "| 3 | Kiểm tra, đôn đốc | Văn phòng UBND huyện | Các phòng | Thường xuyên |",
])


@pytest.mark.parametrize("table", [TASK_TABLE_BAR, TASK_TABLE_PIPE], ids=["bar form", "pipe form"])
def test_a_task_table_gives_one_task_per_row_with_lead_support_and_deadline(table: str) -> None:
    text = ("UBND HUYỆN TIÊN YÊN\nSố: 3/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTiên Yên, ngày 1 tháng 9 năm 2024\n"
            "KẾ HOẠCH\nTuyên truyền năm 2024\nI. MỤC ĐÍCH\nNâng cao nhận thức.\nII. NHIỆM VỤ\n" + table + "\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nPhạm Văn Tâm\n")
    doc = parse_text(text)
    rows = [t for t in _walk(doc.tasks) if t.lead or t.text.startswith(("Tổ chức", "Tuyên", "Kiểm"))]
    assert [t.text for t in rows] == ["Tổ chức hội nghị quán triệt", "Tuyên truyền trên cổng thông tin điện tử", "Kiểm tra, đôn đốc"]
    assert rows[0].lead == ["Phòng Nội vụ"] and rows[0].support == ["Các xã, thị trấn"]
    group = next(t for t in _walk(doc.tasks) if t.text.startswith("Công tác tuyên truyền") or (t.heading or "").startswith("Công tác"))
    assert {c.text for c in group.children} >= {"Tổ chức hội nghị quán triệt"}
    dates = sorted(d.date for d in doc.deadlines if d.date)
    assert dates == ["2024-09-30", "2024-10-15"] or dates == ["2024-09", "2024-10-15"] or dates[:1] == ["2024-09-30"]
    assert not any("Thường xuyên" in d.text for d in doc.deadlines)


def _walk(tasks):  # type: ignore[no-untyped-def]
    for t in tasks:
        yield t
        yield from _walk(t.children)
