"""PDF closing blocks and columns as offices print them: rules of the PDF reader.

A decision's annexes (or a plan's tables) follow its signature, so the closing block is
not at the document's end; the signer's name stands under three to five blank lines left
for the signature and the seal, with nothing beside it when the recipients list is
short; a long recipient runs close to a long authority line, and a long number close
to the date. Each PDF here is written with fpdf2 at the positions a Word page gives
(A4, 30 mm left margin, header and closing in two columns), then read back.
"""

from __future__ import annotations

import pytest

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test extra) writes the PDFs")

from danvan_cli.pipeline import parse_text  # noqa: E402
from danvan_cli.text.blocks import Table  # noqa: E402
from danvan_cli.text.read import decode_file  # noqa: E402
from tests.support.formats_doc import a4  # noqa: E402

LEFT, RIGHT = 30.0, 195.0
LEFT_COL, RIGHT_COL = (30.0, 95.0), (95.0, 195.0)
#: Word's cell padding (0.19 cm each side): the least room between two cells' text.
PAD = 1.9


def _pdf() -> "fpdf.FPDF":
    return a4(LEFT, RIGHT)


def _column(pdf: "fpdf.FPDF", col: tuple[float, float], y: float, lines: list[str], *, center: bool = True,
            step: float = 5.5, align: str | None = None) -> float:
    """Lines of one cell, inside its padding (a line wider than the cell is a test's error)."""
    inner = (col[0] + PAD, col[1] - PAD)
    for t in lines:
        if t:
            pdf.set_font("V", "B" if t.isupper() else "", 10.5)
            assert pdf.get_string_width(t) <= inner[1] - inner[0], t
            pdf.set_xy(inner[0], y)
            pdf.cell(inner[1] - inner[0], step, t, align=align or ("C" if center else "L"))
        y += step
    return y


def _header_and_body(pdf: "fpdf.FPDF", number: str = "Số: 1520/QĐ-UBND") -> float:
    pdf.add_page()
    _column(pdf, LEFT_COL, 20, ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "", number])
    _column(pdf, RIGHT_COL, 20, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                                 "Bắc Ninh, ngày 22 tháng 11 năm 2025"])
    pdf.set_font("V", "B", 13)
    pdf.set_xy(LEFT, 50)
    pdf.cell(RIGHT - LEFT, 7, "QUYẾT ĐỊNH", align="C")
    pdf.set_xy(LEFT, 57)
    pdf.cell(RIGHT - LEFT, 7, "Về việc công bố danh mục thủ tục hành chính", align="C")
    pdf.set_font("V", "", 12)
    y = 70.0
    for t in ("Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính của tỉnh.",
              "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."):
        pdf.set_xy(LEFT, y)
        pdf.cell(RIGHT - LEFT, 6, t)
        y += 7
    return y + 4


def _annex(pdf: "fpdf.FPDF") -> None:
    pdf.add_page()
    pdf.set_font("V", "B", 13)
    pdf.set_xy(LEFT, 20)
    pdf.cell(RIGHT - LEFT, 7, "PHỤ LỤC", align="C")
    pdf.set_xy(LEFT, 27)
    pdf.cell(RIGHT - LEFT, 7, "DANH MỤC THỦ TỤC HÀNH CHÍNH", align="C")
    pdf.set_font("V", "", 12)
    pdf.set_xy(LEFT, 40)
    pdf.cell(RIGHT - LEFT, 6, "1. Thủ tục cấp giấy phép hoạt động tại Trung tâm Phục vụ hành chính công.")


def _closing_table(d) -> list[list[str]]:  # type: ignore[no-untyped-def]
    tables = [b for b in d.blocks.items if isinstance(b, Table)]
    closing = [t for t in tables if any("Nơi nhận" in d.text[c.start:c.end] for r in t.rows for c in r.cells)]
    assert closing, "no closing table"
    return [[d.text[c.start:c.end] for c in r.cells] for r in closing[0].rows]


def test_a_closing_block_followed_by_an_annex_is_read_as_two_columns() -> None:
    pdf = _pdf()
    y = _header_and_body(pdf)
    _column(pdf, LEFT_COL, y, ["Nơi nhận:", "- Như Điều 2;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT."],
            center=False)
    _column(pdf, RIGHT_COL, y, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Mai Sơn"])
    _annex(pdf)
    d = decode_file(bytes(pdf.output()), "qd.pdf")
    (left, right), = _closing_table(d)
    assert left.splitlines()[0] == "Nơi nhận:" and "- Lưu: VT." in left
    assert right.splitlines() == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Sơn"]
    doc = parse_text(d.text, blocks=d.blocks, normalized=True)
    assert doc.signer is not None and doc.signer.name == "Mai Sơn"
    assert "PHỤ LỤC" not in right


def test_the_name_under_the_signature_room_stays_in_the_block_when_nothing_stands_beside_it() -> None:
    pdf = _pdf()
    y = _header_and_body(pdf)
    _column(pdf, LEFT_COL, y, ["Nơi nhận:", "- Như trên;", "- Lưu: VT."], center=False)
    # five blank lines of room: the name far below the title, the recipients long ended
    _column(pdf, RIGHT_COL, y, ["TL. CỤC TRƯỞNG", "KT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ", "PHÓ TRƯỞNG BAN",
                                "", "", "", "", "", "Nguyễn Bắc Hải"])
    d = decode_file(bytes(pdf.output()), "cv.pdf")
    (_left, right), = _closing_table(d)
    assert right.splitlines()[-1] == "Nguyễn Bắc Hải"


def test_two_columns_run_close_together_are_parted_at_the_gap_between_them() -> None:
    pdf = _pdf()
    y = _header_and_body(pdf)
    # a recipient reaching its cell's right edge beside an authority line starting at its cell's left edge
    _column(pdf, LEFT_COL, y, ["Nơi nhận:", "- Công ty TNHH Suhil Vina (đ/c:", "xưởng 56, đường 1-7, KCN Long",
                               "Thành, tỉnh Đồng Nai);", "- Lưu: VT."], center=False)
    # (the authority line fills its cell, centred as Word centres a signature block)
    _column(pdf, RIGHT_COL, y, ["TL. CỤC TRƯỞNG", "", "KT. TRƯỞNG BAN NGHIỆP VỤ THUẾ HẢI QUAN", "PHÓ TRƯỞNG BAN",
                                "", "", "Đào Thu Hương"])
    _annex(pdf)
    d = decode_file(bytes(pdf.output()), "tb.pdf")
    (left, right), = _closing_table(d)
    assert "KT. TRƯỞNG BAN NGHIỆP VỤ THUẾ HẢI QUAN" in right.splitlines()
    assert not any("TRƯỞNG BAN" in ln for ln in left.splitlines())
    doc = parse_text(d.text, blocks=d.blocks, normalized=True)
    assert doc.signer is not None and doc.signer.name == "Đào Thu Hương"


def test_a_long_number_close_to_the_date_keeps_both_header_columns() -> None:
    pdf = _pdf()
    pdf.add_page()
    # the number fills its cell; the date opens at its cell's left edge
    _column(pdf, LEFT_COL, 20, ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "",
                                "Số: 15155/SGDĐT-GDTXNNĐHKT", "V/v hướng dẫn đánh giá"])
    _column(pdf, RIGHT_COL, 20, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    _column(pdf, RIGHT_COL, 42, ["TP. Hồ Chí Minh, ngày 28 tháng 11 năm 2025"], align="L")
    pdf.set_font("V", "", 12)
    pdf.set_xy(LEFT, 60)
    pdf.cell(RIGHT - LEFT, 6, "Kính gửi: Ủy ban nhân dân các phường, xã và đặc khu.", align="C")
    pdf.set_xy(LEFT, 70)
    pdf.cell(RIGHT - LEFT, 6, "Sở Giáo dục và Đào tạo hướng dẫn việc đánh giá trung tâm học tập cộng đồng.")
    d = decode_file(bytes(pdf.output()), "cv.pdf")
    header = next(b for b in d.blocks.items if isinstance(b, Table))
    (left, right), = [[d.text[c.start:c.end] for c in r.cells] for r in header.rows]
    assert left.splitlines()[-2:] == ["Số: 15155/SGDĐT-GDTXNNĐHKT", "V/v hướng dẫn đánh giá"]
    assert right.splitlines()[-1] == "TP. Hồ Chí Minh, ngày 28 tháng 11 năm 2025"
    doc = parse_text(d.text, blocks=d.blocks, normalized=True)
    assert doc.number == "15155/SGDĐT-GDTXNNĐHKT" and doc.date == "2025-11-28"
    assert doc.issuer is not None and doc.issuer.name.startswith("Sở Giáo dục và Đào tạo")


def test_lone_letters_at_a_page_edge_are_no_text() -> None:
    pdf = _pdf()
    y = _header_and_body(pdf)
    _column(pdf, LEFT_COL, y, ["Nơi nhận:", "- Lưu: VT."], center=False)
    _column(pdf, RIGHT_COL, y, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Hồ Văn Mười"])
    pdf.set_font("V", "B", 13)
    for x, ch in ((104.0, "Ề"), (170.0, "Ỉ")):  # a heading's marks printed at the foot
        pdf.set_xy(x, 285)
        pdf.cell(5, 6, ch)
    d = decode_file(bytes(pdf.output()), "qd.pdf")
    doc = parse_text(d.text, blocks=d.blocks, normalized=True)
    assert doc.signer is not None and doc.signer.name == "Hồ Văn Mười"
    assert "Ề" not in d.text.split("Hồ Văn Mười", 1)[1]
