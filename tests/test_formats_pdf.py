"""PDF text layers: lines back into paragraphs, page furniture dropped, columns by position."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test extra) writes the PDFs")

from danvan_cli.pipeline import parse_file  # noqa: E402
from danvan_cli.text.blocks import Paragraph  # noqa: E402
from danvan_cli.text.read import decode_file, read_source  # noqa: E402
from tests.support.formats_doc import FONTS  # noqa: E402

LEFT, RIGHT = 30.0, 195.0


def _pdf() -> "fpdf.FPDF":
    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.set_margins(LEFT, 20, 210 - RIGHT)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("V", "", str(FONTS / "DejaVuSans-vi.ttf"))
    pdf.add_font("V", "B", str(FONTS / "DejaVuSans-Bold-vi.ttf"))
    pdf.set_font("V", "", 11)
    return pdf


def _line_to_margin(pdf: "fpdf.FPDF", text: str, y: float) -> None:
    """One line whose last letter reaches the right margin (as a justified line does:
    ``text`` nearly fills the line, letter spacing makes up the rest)."""
    width = RIGHT - LEFT - 1
    gap = (width - pdf.get_string_width(text)) / max(1, len(text) - 1)
    pdf.set_char_spacing(gap * 72 / 25.4)  # points
    pdf.set_xy(LEFT, y)
    pdf.cell(width, 6, text)
    pdf.set_char_spacing(0)


def _read(pdf: "fpdf.FPDF"):  # type: ignore[no-untyped-def]
    return decode_file(bytes(pdf.output()), "vb.pdf")


def _paras(d) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.text[p.start:p.end] for p in d.blocks.items if isinstance(p, Paragraph)]


def test_wrapped_lines_join_and_a_number_wrapped_at_its_hyphen_is_whole() -> None:
    pdf = _pdf()
    pdf.add_page()
    _line_to_margin(pdf, "Căn cứ Luật Tổ chức chính quyền địa phương và Nghị định số 30/2020/NĐ-", 40)
    pdf.set_xy(LEFT, 46)
    pdf.cell(0, 6, "CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;")
    pdf.set_xy(LEFT, 52)
    pdf.cell(0, 6, "1. Một nhiệm vụ mới bắt đầu.")
    d = _read(pdf)
    assert _paras(d) == [
        "Căn cứ Luật Tổ chức chính quyền địa phương và Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 "
        "của Chính phủ về công tác văn thư;",
        "1. Một nhiệm vụ mới bắt đầu.",
    ]


def test_a_short_line_ends_its_paragraph_and_a_list_label_opens_one() -> None:
    pdf = _pdf()
    pdf.add_page()
    _line_to_margin(pdf, "Ủy ban nhân dân xã yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm túc", 40)
    pdf.set_xy(LEFT, 46)
    pdf.cell(0, 6, "- Tuyên truyền sâu rộng;")
    pdf.set_xy(LEFT, 52)
    pdf.cell(0, 6, "ngắn.")
    pdf.set_xy(LEFT, 58)
    pdf.cell(0, 6, "Đoạn sau.")
    assert _paras(_read(pdf)) == [
        "Ủy ban nhân dân xã yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm túc",
        "- Tuyên truyền sâu rộng;",
        "ngắn.",
        "Đoạn sau.",
    ]


def test_page_numbers_and_running_headers_are_dropped_and_text_flows_across_pages() -> None:
    pdf = _pdf()

    def header() -> None:
        if pdf.page_no() > 1:
            pdf.set_font("V", "", 10)
            pdf.set_y(8)
            pdf.cell(0, 5, str(pdf.page_no()), align="C")
            pdf.set_font("V", "", 11)
            pdf.set_y(20)

    pdf.header = header  # type: ignore[method-assign]
    pdf.add_page()
    for i in range(1, 90):
        pdf.multi_cell(0, 6, f"{i}. Nhiệm vụ thứ {i} của Ủy ban nhân dân xã.", new_x="LMARGIN", new_y="NEXT")
    d = _read(pdf)
    paras = _paras(d)
    assert paras[0] == "1. Nhiệm vụ thứ 1 của Ủy ban nhân dân xã."
    assert len(paras) == 89 and paras[-1].startswith("89. ")
    assert not any(p.strip().isdigit() for p in paras)


def test_header_columns_side_by_side_become_a_two_cell_table() -> None:
    pdf = _pdf()
    pdf.add_page()
    for i, (left, right) in enumerate([("TỈNH ỦY QUẢNG NINH", "ĐẢNG CỘNG SẢN VIỆT NAM"), ("BAN DÂN VẬN", ""),
                                        ("*", "Hạ Long, ngày 05 tháng 3 năm 2024"), ("Số 12-HD/BDVTU", "")]):
        for x, w, text in ((20, 70, left), (100, 95, right)):
            if text:
                pdf.set_xy(x, 20 + 6 * i)
                pdf.cell(w, 6, text, align="C")
    pdf.set_xy(LEFT, 52)
    pdf.set_font("V", "B", 12)
    pdf.cell(RIGHT - LEFT, 6, "HƯỚNG DẪN", align="C")
    pdf.set_font("V", "", 11)
    pdf.set_xy(LEFT, 62)
    pdf.multi_cell(0, 6, "Thực hiện Kết luận số 114-KL/TW ngày 14 tháng 7 năm 2015 của Ban Bí thư, Ban Dân vận Tỉnh ủy hướng dẫn như sau:")
    d = _read(pdf)
    first = d.blocks.items[0]
    cells = [d.text[c.start:c.end] for c in first.rows[0].cells]  # type: ignore[union-attr]
    assert cells == ["TỈNH ỦY QUẢNG NINH\nBAN DÂN VẬN\n*\nSố 12-HD/BDVTU", "ĐẢNG CỘNG SẢN VIỆT NAM\nHạ Long, ngày 05 tháng 3 năm 2024"]
    assert _paras(d)[0] == "HƯỚNG DẪN"


def test_a_lone_centred_title_is_not_taken_into_the_header_columns() -> None:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_xy(20, 20)
    pdf.cell(70, 6, "ỦY BAN NHÂN DÂN", align="C")
    pdf.set_xy(100, 20)
    pdf.cell(95, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C")
    pdf.set_xy(LEFT, 30)
    pdf.cell(RIGHT - LEFT, 6, "CHỈ THỊ", align="C")
    d = _read(pdf)
    assert _paras(d) == ["CHỈ THỊ"]


def test_a_space_the_file_left_out_is_found_by_the_gap_and_tight_spacing_keeps_words_whole() -> None:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_xy(LEFT, 40)
    pdf.cell(pdf.get_string_width("CHỦ NGHĨA"), 6, "CHỦ NGHĨA")
    pdf.set_xy(LEFT + pdf.get_string_width("CHỦ NGHĨA") + 0.6, 40)  # 1.7 pt apart, no space written
    pdf.cell(40, 6, "VIỆT NAM")
    pdf.set_char_spacing(-0.3)
    pdf.set_xy(LEFT, 50)
    pdf.cell(100, 6, "Lương Minh, ngày 10 tháng 12 năm 2025")
    pdf.set_char_spacing(0)
    assert _paras(_read(pdf)) == ["CHỦ NGHĨA VIỆT NAM", "Lương Minh, ngày 10 tháng 12 năm 2025"]


def test_closing_block_columns_are_told_by_the_strip_no_line_crosses() -> None:
    pdf = _pdf()
    pdf.add_page()
    pdf.multi_cell(0, 6, "Trên đây là Kế hoạch của Ủy ban nhân dân xã; đề nghị các cơ quan, đơn vị nghiêm túc thực hiện, "
                         "báo cáo kết quả về Văn phòng trước ngày 15/12/2025./.", new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 6
    left = [("Nơi nhận:", "B"), ("- UBND huyện;", ""), ("- Ủy ban Kiểm tra Đảng ủy, Ban xây dựng", ""),
            ("Đảng, Văn phòng Đảng ủy;", ""), ("- Lưu: VT.", "")]
    for i, (text, style) in enumerate(left):
        pdf.set_font("V", style, 10)
        pdf.set_xy(LEFT, y + 5 * i)
        pdf.cell(80, 5, text)
    for dy, text in ((0, "TM. ỦY BAN NHÂN DÂN"), (6, "KT. CHỦ TỊCH"), (12, "PHÓ CHỦ TỊCH"), (40, "Trần Thị Bình")):
        pdf.set_font("V", "B", 11)
        pdf.set_xy(120, y + dy)
        pdf.cell(70, 6, text, align="C")
    d = _read(pdf)
    closing = d.blocks.tables()[-1]
    cells = [d.text[c.start:c.end] for c in closing.rows[0].cells]
    assert cells == [
        "Nơi nhận:\n- UBND huyện;\n- Ủy ban Kiểm tra Đảng ủy, Ban xây dựng Đảng, Văn phòng Đảng ủy;\n- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Thị Bình",
    ]
    assert _paras(d)[0].endswith("trước ngày 15/12/2025./.")


WORD_HTML = Path(__file__).resolve().parents[2] / "shared" / "real" / "word-html"


@pytest.mark.browser
@pytest.mark.skipif(not (WORD_HTML / "04.htm").is_file(), reason="../shared/real/word-html is not beside the repository")
def test_a_real_word_page_printed_to_pdf_parses_as_its_html(tmp_path: Path) -> None:
    """Chromium prints a real commune Kế hoạch (Word's web page) to a PDF: its header
    table, tightened letter spacing, indented first lines and closing table are rebuilt,
    and the parse equals the HTML's."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe, "chromium is not installed: apt-get install chromium (.ci/run does it)"
    out = tmp_path / "04.pdf"
    subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={out}", str(WORD_HTML / "04.htm")],
                   capture_output=True, timeout=120, check=True)

    def key(doc):  # type: ignore[no-untyped-def]
        return (doc.number, doc.date, doc.doc_type, sorted(r.number for r in doc.references), len(doc.tasks),
                len(doc.deadlines), doc.signer and doc.signer.name)

    assert key(parse_file(out)) == key(parse_file(WORD_HTML / "04.htm"))
    d = read_source(out)
    header, *_, closing = d.blocks.tables()  # type: ignore[union-attr]
    assert [d.text[c.start:c.end].split("\n")[0] for c in header.rows[0].cells] == ["ỦY BAN MTTQ VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert d.text[closing.rows[0].cells[0].start:].startswith("Nơi nhận:")
