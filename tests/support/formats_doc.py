"""One administrative document written in every form danvan reads, for the format tests.

An invented Kế hoạch of an invented commune (UBND xã Tân Hưng Lộc, under an invented
huyện Đông Sơn Hạ), shaped by Nghị định 30/2020/NĐ-CP: the two-column header, the type
word and trích yếu, a Căn cứ/Thực hiện preamble citing three numbers, numbered tasks, a
task table (TT / Nội dung / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn thành)
with a group row merged across the table and a lead merged down two rows, and the
closing table (Nơi nhận left, signature right). ``plain_text`` is the text a perfect
reader extracts (blocks.py conventions); ``build_docx``, ``build_pdf``,
``word_html`` and ``tcvn3_bytes`` write the same document as Word, PDF, Word's web
page and a TCVN3 text.
"""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

from danvan_cli.text.blocks import TextBuilder

FONTS = Path(__file__).resolve().parent.parent / "fixtures" / "formats"


def a4(left: float, right: float):  # type: ignore[no-untyped-def]
    """An fpdf2 A4 document in mm with the text area from ``left`` to ``right``, no page
    breaks of its own, and the DejaVu subset as font ``V`` (regular, bold, oblique) at 11 pt:
    what the PDF form tests place their lines on."""
    import fpdf

    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.set_margins(left, 20, 210 - right)
    pdf.set_auto_page_break(False)
    pdf.add_font("V", "", str(FONTS / "DejaVuSans-vi.ttf"))
    pdf.add_font("V", "B", str(FONTS / "DejaVuSans-Bold-vi.ttf"))
    pdf.add_font("V", "I", str(FONTS / "DejaVuSans-Oblique-vi.ttf"))
    pdf.set_font("V", "", 11)
    return pdf

NUMBER = "15/KH-UBND"
DATE = "2025-03-20"
DOC_TYPE = "Kế hoạch"
REFERENCES = {"30/2020/NĐ-CP", "33/CT-TTg", "12/KH-UBND"}

HEADER_LEFT = [("ỦY BAN NHÂN DÂN", True), ("XÃ TÂN HƯNG LỘC", True), (f"Số: {NUMBER}", False)]
HEADER_RIGHT = [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
    ("Độc lập - Tự do - Hạnh phúc", True),
    ("Tân Hưng Lộc, ngày 20 tháng 3 năm 2025", False),
]
TITLE = [("KẾ HOẠCH", True), ("Triển khai công tác dân vận chính quyền năm 2025", True)]
BODY_BEFORE_TABLE = [
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;", False),
    ("Thực hiện Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ về tiếp tục tăng "
     "cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước và chính quyền các cấp; Kế hoạch "
     "số 12/KH-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân huyện Đông Sơn Hạ về công tác dân vận "
     "chính quyền năm 2025,", False),
    ("Ủy ban nhân dân xã xây dựng Kế hoạch triển khai thực hiện như sau:", False),
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("Nâng cao nhận thức, trách nhiệm của cán bộ, công chức xã trong công tác dân vận chính quyền; "
     "gắn công tác dân vận với thực hiện nhiệm vụ chính trị của địa phương.", False),
    ("II. NHIỆM VỤ TRỌNG TÂM", True),
    ("1. Tuyên truyền, quán triệt Chỉ thị số 33/CT-TTg đến toàn thể cán bộ, công chức, hoàn thành "
     "trước ngày 30/4/2025.", False),
    ("2. Rà soát, hoàn thiện quy chế dân chủ ở cơ sở, hoàn thành trong quý III/2025.", False),
    ("III. TỔ CHỨC THỰC HIỆN", True),
    ("Phân công nhiệm vụ cụ thể như sau:", False),
]
TABLE_HEAD = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
TABLE_GROUP = "A. Nhiệm vụ trong quý II"
TABLE_ROWS = [
    ["1", "Tổ chức hội nghị quán triệt Chỉ thị số 33/CT-TTg", "Văn phòng HĐND và UBND xã", "Ủy ban MTTQ Việt Nam xã", "Trước ngày 30/4/2025"],
    ["2", "Kiểm tra việc thực hiện quy chế dân chủ ở cơ sở", "Văn phòng HĐND và UBND xã", "Các đoàn thể xã", "Quý III/2025"],
    ["3", "Báo cáo kết quả thực hiện Kế hoạch", "Công chức Văn phòng - Thống kê", "Các ban, ngành xã", "Trước ngày 15/12/2025"],
]
#: Rows 1 and 2 share their lead: one cell merged down two rows.
MERGED_LEAD_ROWS = (0, 1)
BODY_AFTER_TABLE = [
    ("Trên đây là Kế hoạch triển khai công tác dân vận chính quyền năm 2025 của Ủy ban nhân dân xã; "
     "yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.", False),
]
SIGN_LEFT = [("Nơi nhận:", True), ("- UBND huyện Đông Sơn Hạ;", False), ("- TT Đảng ủy, HĐND xã;", False), ("- Lưu: VT.", False)]
SIGN_RIGHT = [("TM. ỦY BAN NHÂN DÂN", True), ("CHỦ TỊCH", True), ("(Đã ký)", False), ("Nguyễn Văn An", True)]


def _task_rows() -> list[list[tuple[list[tuple[str, bool, bool, str | None]], int, int]]]:
    def cell(text: str, bold: bool = False, rowspan: int = 1, colspan: int = 1):  # type: ignore[no-untyped-def]
        return ([(text, bold, False, None)], colspan, rowspan)

    rows = [[cell(t, True) for t in TABLE_HEAD], [cell(TABLE_GROUP, True, colspan=5)]]
    for i, r in enumerate(TABLE_ROWS):
        row = [cell(r[0]), cell(r[1])]
        if i == MERGED_LEAD_ROWS[0]:
            row.append(cell(r[2], rowspan=2))
        elif i not in MERGED_LEAD_ROWS:
            row.append(cell(r[2]))
        row += [cell(r[3]), cell(r[4])]
        rows.append(row)
    return rows


def plain_text() -> str:
    """The document as a perfect reader extracts it (tables in the web-text form)."""
    tb = TextBuilder()
    tb.table([[([(t, b, False, None) for t, b in HEADER_LEFT], 1, 1), ([(t, b, False, None) for t, b in HEADER_RIGHT], 1, 1)]])
    for t, b in TITLE:
        tb.paragraph(t, bold=b, align="center")
    for t, b in BODY_BEFORE_TABLE:
        tb.paragraph(t, bold=b)
    tb.table(_task_rows())  # type: ignore[arg-type]
    for t, b in BODY_AFTER_TABLE:
        tb.paragraph(t, bold=b)
    tb.table([[([(t, b, False, None) for t, b in SIGN_LEFT], 1, 1), ([(t, b, False, None) for t, b in SIGN_RIGHT], 1, 1)]])
    return tb.text()


def flat_lines() -> list[str]:
    """The document's lines in reading order without table marks (a text file's form)."""
    return [ln for ln in plain_text().split("\n") if ln != "|"]


# --- .docx ---------------------------------------------------------------------

_FOOTNOTE = "Chỉ thị số 33/CT-TTg được đăng trên Cổng Thông tin điện tử Chính phủ."


def build_docx(path: Path, *, footnote: bool = True) -> Path:
    """The document as Word writes it: header and closing as borderless 1×2 tables, the
    task table with a merged group row (gridSpan) and a lead merged down (vMerge)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()

    def para(container, text: str, bold: bool = False, italic: bool = False, center: bool = False):  # type: ignore[no-untyped-def]
        p = container.add_paragraph()
        r = p.add_run(text)
        r.bold, r.italic = bold, italic
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    def two_cells(left, right) -> None:  # type: ignore[no-untyped-def]
        t = d.add_table(rows=1, cols=2)
        for cell, lines in zip(t.rows[0].cells, (left, right)):
            cell.paragraphs[0].text = ""
            first = True
            for text, bold in lines:
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                r = p.add_run(text)
                r.bold = bold
                r.italic = text.startswith("Tân Hưng Lộc, ngày")
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    two_cells(HEADER_LEFT, HEADER_RIGHT)
    for t, b in TITLE:
        para(d, t, b, center=True)
    for t, b in BODY_BEFORE_TABLE:
        p = para(d, t, b)
        if footnote and t.startswith("Thực hiện Chỉ thị"):
            _add_footnote_reference(d, p)
    table = d.add_table(rows=2 + len(TABLE_ROWS), cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, TABLE_HEAD):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    group = table.cell(1, 0).merge(table.cell(1, 4))
    group.text = ""
    group.paragraphs[0].add_run(TABLE_GROUP).bold = True
    for i, r in enumerate(TABLE_ROWS):
        for j, text in enumerate(r):
            if j == 2 and i == MERGED_LEAD_ROWS[1]:
                continue
            table.cell(2 + i, j).text = text
    a, b = MERGED_LEAD_ROWS
    merged = table.cell(2 + a, 2).merge(table.cell(2 + b, 2))
    merged.text = TABLE_ROWS[a][2]
    for t, b in BODY_AFTER_TABLE:
        para(d, t, b)
    two_cells(SIGN_LEFT, SIGN_RIGHT)
    if footnote:
        _add_footnotes_part(d)
    d.save(str(path))
    return path


def _add_footnote_reference(d, p) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r = OxmlElement("w:r")
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), "1")
    r.append(ref)
    p._p.append(r)


def _add_footnotes_part(d) -> None:  # type: ignore[no-untyped-def]
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{html.escape(_FOOTNOTE)}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode("utf-8")
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml, d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)


FOOTNOTE = _FOOTNOTE


# --- Word 97 .doc ----------------------------------------------------------------


def build_doc(path: Path) -> Path:
    """The document as Word 97 writes it (``msdoc.py``): the same tables as the .docx —
    header and closing as 1×2 tables, the task table's group row one cell over the five
    columns' edges, the lead merged down with Word 97's vertical-merge flags — and the
    footnote in the footnote story."""
    from . import msdoc as M

    def cell_of(lines: list[tuple[str, bool]]) -> M.WCell:
        return M.WCell([M.WPara([M.WRun(t, b, t.startswith("Tân Hưng Lộc, ngày"))], "center") for t, b in lines])

    def two_cells(left: list[tuple[str, bool]], right: list[tuple[str, bool]]) -> M.WTable:
        return M.WTable([M.WRow([cell_of(left), cell_of(right)], [0, 4500, 9600])])

    edges = [0, 700, 3700, 5700, 7700, 9600]
    rows = [M.WRow([M.WCell([M.WPara.of(t, True)]) for t in TABLE_HEAD], edges),
            M.WRow([M.WCell([M.WPara.of(TABLE_GROUP, True)])], [0, 9600])]
    for i, r in enumerate(TABLE_ROWS):
        cells = [M.WCell([M.WPara.of(t)]) for t in r]
        if i == MERGED_LEAD_ROWS[0]:
            cells[2].vmerge = 3
        elif i == MERGED_LEAD_ROWS[1]:
            cells[2] = M.WCell([], vmerge=1)
        rows.append(M.WRow(cells, edges))
    items: list[M.WPara | M.WTable] = [two_cells(HEADER_LEFT, HEADER_RIGHT)]
    items += [M.WPara.of(t, b, align="center") for t, b in TITLE]
    for t, b in BODY_BEFORE_TABLE:
        p = M.WPara.of(t, b)
        if t.startswith("Thực hiện Chỉ thị"):
            p.runs.append(M.WRun("\x02"))  # the footnote's reference mark
        items.append(p)
    items.append(M.WTable(rows))
    items += [M.WPara.of(t, b) for t, b in BODY_AFTER_TABLE]
    items.append(two_cells(SIGN_LEFT, SIGN_RIGHT))
    path.write_bytes(M.build_doc(items, [_FOOTNOTE]))
    return path


# --- PDF -----------------------------------------------------------------------


#: The header lines a signing system fills in (the serial and the day), cut where the Word
#: template leaves its blanks: what comes before, what is stamped, what comes after.
STAMPED = {
    f"Số: {NUMBER}": ("Số: ", NUMBER.split("/")[0], "/" + NUMBER.split("/", 1)[1]),
    "Tân Hưng Lộc, ngày 20 tháng 3 năm 2025": ("Tân Hưng Lộc, ngày ", "20", " tháng 3 năm 2025"),
}


def build_signed_pdf(path: Path) -> Path:
    """The document as an e-office system gives it: ``build_pdf``'s page with the serial
    and the day left blank in the text, stamped at signing as signature fields over the
    blanks (``tests/support/signing.py``), as VNPT iOffice and its kin do."""
    from .signing import add_fields

    fields: list = []
    build_pdf(path, stamps=fields)
    path.write_bytes(add_fields(path.read_bytes(), fields))
    return path


def build_pdf(path: Path, stamps: list | None = None) -> Path:
    """The document as a text-layer PDF (A4, 13 pt as Nghị định 30 asks): the header
    columns and the closing block side by side, the task table ruled, page numbers. With
    ``stamps``, the ``STAMPED`` parts are left blank and the fields that fill them at
    signing are added to it."""
    from fpdf import FPDF

    from .signing import Field

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(30, 20, 15)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("V", "", str(FONTS / "DejaVuSans-vi.ttf"))
    pdf.add_font("V", "B", str(FONTS / "DejaVuSans-Bold-vi.ttf"))
    pdf.add_font("V", "I", str(FONTS / "DejaVuSans-Oblique-vi.ttf"))

    def footer() -> None:
        pdf.set_y(-12)
        pdf.set_font("V", "", 9)
        pdf.cell(0, 5, str(pdf.page_no()), align="C")

    pdf.footer = footer  # type: ignore[method-assign]
    pdf.add_page()
    size = 11

    def column(x: float, y: float, w: float, lines: list[tuple[str, bool]]) -> float:
        for text, bold in lines:
            pdf.set_xy(x, y)
            style = "B" if bold else ("I" if text.startswith("Tân Hưng Lộc, ngày") else "")
            pdf.set_font("V", style, size)
            if stamps is not None and text in STAMPED:
                before, filled, after = STAMPED[text]
                left = x + (w - pdf.get_string_width(text)) / 2
                base = y + 3 + 0.35 * size * 25.4 / 72  # the baseline multi_cell gives its line
                pdf.text(left, base, before)
                pdf.text(left + pdf.get_string_width(before + filled), base, after)
                stamps.append(Field(0, left + pdf.get_string_width(before), base - 0.95 * size * 25.4 / 72, (filled,),
                                    size=size, width=pdf.get_string_width(filled) + 1))
                pdf.set_xy(x, y + 6)
            else:
                pdf.multi_cell(w, 6, text, align="C", new_x="LMARGIN", new_y="NEXT")
            y = pdf.get_y()
        return y

    y0 = 20
    yl = column(25, y0, 70, HEADER_LEFT)
    yr = column(98, y0, 100, HEADER_RIGHT)
    pdf.set_y(max(yl, yr) + 8)
    for text, bold in TITLE:
        pdf.set_font("V", "B" if bold else "", size + 1 if text == "KẾ HOẠCH" else size)
        pdf.multi_cell(0, 6, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for text, bold in BODY_BEFORE_TABLE:
        pdf.set_font("V", "B" if bold else "", size)
        pdf.multi_cell(0, 6, text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("V", "", 9)
    with pdf.table(col_widths=(8, 50, 36, 36, 35), text_align="LEFT", line_height=5) as t:
        row = t.row()
        for h in TABLE_HEAD:
            row.cell(h)
        t.row().cell(TABLE_GROUP, colspan=5)
        for i, r in enumerate(TABLE_ROWS):
            row = t.row()
            for j, c in enumerate(r):
                if j == 2 and i == MERGED_LEAD_ROWS[1]:
                    continue
                row.cell(c, rowspan=2 if j == 2 and i == MERGED_LEAD_ROWS[0] else 1)
    pdf.ln(4)
    for text, bold in BODY_AFTER_TABLE:
        pdf.set_font("V", "B" if bold else "", size)
        pdf.multi_cell(0, 6, text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if pdf.get_y() > 230:
        pdf.add_page()
    y = pdf.get_y()
    column(30, y, 60, [(t, b) for t, b in SIGN_LEFT])
    column(110, y, 85, SIGN_RIGHT)
    pdf.output(str(path))
    return path


# --- Word "Save as Web Page" ----------------------------------------------------


def _wtext(text: str) -> str:
    """Text as Word writes it into a windows-1252 page: an entity for every letter
    outside the code page."""
    return html.escape(text, quote=False).encode("cp1252", errors="xmlcharrefreplace").decode("cp1252")


def _wp(text: str, bold: bool = False, center: bool = False, italic: bool = False) -> str:
    align = " align=center style='text-align:center'" if center else " style='text-align:justify'"
    inner = f"<span lang=VI style='font-size:13.0pt'>{_wtext(text)}<o:p></o:p></span>"
    if italic:
        inner = f"<i style='mso-bidi-font-style:normal'>{inner}</i>"
    if bold:
        inner = f"<b style='mso-bidi-font-weight:normal'>{inner}</b>"
    return f"<p class=MsoNormal{align}>{inner}</p>\n"


def word_html() -> bytes:
    """The document as Word's "Save as Web Page" writes it: windows-1252 with entities,
    MsoNormal paragraphs, conditional comments, a VML drawing with its fallback image."""
    def two(left, right) -> str:  # type: ignore[no-untyped-def]
        cells = []
        for lines in (left, right):
            ps = "".join(_wp(t, b, center=True, italic=t.startswith("Tân Hưng Lộc, ngày")) for t, b in lines)
            cells.append(f"<td width=300 valign=top style='width:225.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\n{ps}</td>")
        return ("<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>\n"
                f"<tr style='mso-yfti-irow:0'>\n{cells[0]}\n{cells[1]}\n</tr>\n</table>\n")

    out = ["<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"\n"
           "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n"
           "<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">\n"
           "<meta name=Generator content=\"Microsoft Word 15\">\n<title>K&#7870; HO&#7840;CH</title>\n"
           "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Admin</o:Author></o:DocumentProperties></xml><![endif]-->\n"
           "<style>\n<!-- p.MsoNormal {margin:0cm; font-size:12.0pt; font-family:\"Times New Roman\",serif;} -->\n</style>\n"
           "<script>document.write('not document text')</script>\n"
           "</head>\n<body lang=EN-US style='tab-interval:36.0pt'>\n<div class=WordSection1>\n"]
    out.append(two(HEADER_LEFT, HEADER_RIGHT))
    out.append("<p class=MsoNormal><!--[if gte vml 1]><v:line id=\"_x0000_s1026\" from=\"46pt,2pt\" to=\"139pt,2pt\"/><![endif]-->"
               "<![if !vml]><span style='mso-ignore:vglayout'><img width=126 height=2 src=\"kh_files/image001.png\"></span><![endif]></p>\n")
    for t, b in TITLE:
        out.append(_wp(t, b, center=True))
    for t, b in BODY_BEFORE_TABLE:
        out.append(_wp(t, b))
    out.append(f"<p class=MsoNormal style='display:none;mso-hide:all'><span>{_wtext('Văn bản ẩn không thuộc tài liệu')}</span></p>\n")
    rows = []
    rows.append("<tr>" + "".join(f"<td style='border:solid windowtext 1.0pt'>{_wp(h, True, center=True)}</td>" for h in TABLE_HEAD) + "</tr>")
    rows.append(f"<tr><td colspan=5 style='border:solid windowtext 1.0pt'>{_wp(TABLE_GROUP, True)}</td></tr>")
    for i, r in enumerate(TABLE_ROWS):
        cells = []
        for j, c in enumerate(r):
            if j == 2 and i == MERGED_LEAD_ROWS[1]:
                continue
            span = " rowspan=2" if j == 2 and i == MERGED_LEAD_ROWS[0] else ""
            cells.append(f"<td{span} valign=top style='border:solid windowtext 1.0pt'>{_wp(c)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    out.append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>\n" + "\n".join(rows) + "\n</table>\n")
    for t, b in BODY_AFTER_TABLE:
        out.append(_wp(t, b))
    out.append(two(SIGN_LEFT, SIGN_RIGHT))
    out.append("</div>\n</body>\n</html>\n")
    return "".join(out).encode("cp1252")


# --- TCVN3 ----------------------------------------------------------------------


def tcvn3_bytes() -> bytes:
    """The document's lines as a TCVN3 text file, encoded by glibc's iconv (TCVN5712-1):
    an encoder that shares nothing with danvan's decoder."""
    text = "\n".join(flat_lines()) + "\n"
    proc = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode("utf-8"),
                          capture_output=True, check=True)
    return proc.stdout
