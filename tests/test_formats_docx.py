"""Word .docx: body order, merged and nested cells, styles, fields, legacy fonts."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from danvan_cli.text.blocks import Paragraph
from danvan_cli.text.read import decode_file


def _bytes(d: docx.document.Document) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _read(d: docx.document.Document):  # type: ignore[no-untyped-def]
    return decode_file(_bytes(d), "vb.docx")


def test_tables_stay_where_they_stand_between_paragraphs() -> None:
    d = docx.Document()
    d.add_paragraph("Trước bảng")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "A", "B"
    d.add_paragraph("Sau bảng")
    r = _read(d)
    kinds = [type(b).__name__ for b in r.blocks.items]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    assert r.text == "Trước bảng\n|\nA\n|\nB\n|\nSau bảng"


def test_a_table_nested_in_a_cell_gives_its_paragraphs_to_that_cell() -> None:
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Nơi nhận:"
    inner = t.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text, inner.cell(1, 0).text = "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    r = _read(d)
    (table,) = r.blocks.tables()
    right = table.rows[0].cells[1]
    assert [r.text[p.start:p.end] for p in right.paragraphs] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_bold_from_a_heading_style_and_alignment_from_the_paragraph() -> None:
    d = docx.Document()
    h = d.add_heading("I. MỤC ĐÍCH, YÊU CẦU", level=1)
    d.styles["Heading 1"].font.bold = True
    p = d.add_paragraph("KẾ HOẠCH")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.runs[0].bold = True
    mixed = d.add_paragraph()
    mixed.add_run("Căn cứ ").bold = True
    mixed.add_run("Luật Tổ chức chính quyền địa phương")
    r = _read(d)
    paras = {r.text[b.start:b.end]: b for b in r.blocks.items if isinstance(b, Paragraph)}
    assert paras[h.text].bold
    assert paras["KẾ HOẠCH"].bold and paras["KẾ HOẠCH"].align == "center"
    assert not paras["Căn cứ Luật Tổ chức chính quyền địa phương"].bold  # bold only if all of it is


def test_line_breaks_tabs_and_hyperlinks_inside_a_paragraph() -> None:
    d = docx.Document()
    p = d.add_paragraph()
    run = p.add_run("Nơi nhận:")
    run.add_break()
    p.add_run("- Như trên;\t(để biết)")
    link = OxmlElement("w:hyperlink")
    lr = OxmlElement("w:r")
    lt = OxmlElement("w:t")
    lt.text = " xem tại cổng"
    lr.append(lt)
    link.append(lr)
    p._p.append(link)
    r = _read(d)
    assert r.text == "Nơi nhận:\n- Như trên; (để biết) xem tại cổng"


def test_deleted_text_and_field_codes_are_not_text() -> None:
    d = docx.Document()
    p = d.add_paragraph("Số trang: ")
    dele = OxmlElement("w:del")
    dr = OxmlElement("w:r")
    dt = OxmlElement("w:delText")
    dt.text = "đã xóa"
    dr.append(dt)
    dele.append(dr)
    p._p.append(dele)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "3"), ("end", None)):
        r = OxmlElement("w:r")
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r.append(fc)
        elif text == " PAGE ":
            it = OxmlElement("w:instrText")
            it.text = text
            r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = text
            r.append(t)
        p._p.append(r)
    assert _read(d).text == "Số trang: 3"


def test_vmerge_cell_comes_out_once_with_its_rowspan() -> None:
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for i in range(3):
        t.cell(i, 0).text = str(i + 1)
        t.cell(i, 2).text = f"Hạn {i + 1}"
    m = t.cell(0, 1).merge(t.cell(1, 1))
    m.text = "Phòng Nội vụ"
    t.cell(2, 1).text = "Công an xã"
    r = _read(d)
    (table,) = r.blocks.tables()
    shape = [[(c.col, c.rowspan, r.text[c.start:c.end]) for c in row.cells] for row in table.rows]
    assert shape == [
        [(0, 1, "1"), (1, 2, "Phòng Nội vụ"), (2, 1, "Hạn 1")],
        [(0, 1, "2"), (2, 1, "Hạn 2")],
        [(0, 1, "3"), (1, 1, "Công an xã"), (2, 1, "Hạn 3")],
    ]


def test_runs_in_a_tcvn3_font_are_read_back_with_a_warning() -> None:
    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run("ñy ban nh©n d©n")
    r.font.name = ".VnTimeH"  # the capitals font of the ABC set
    p2 = d.add_paragraph()
    r2 = p2.add_run("Céng hßa x· héi chñ nghÜa ViÖt Nam")
    r2.font.name = ".VnTime"
    p2.add_run(" — Unicode giữ nguyên")
    out = _read(d)
    assert out.text == "ỦY BAN NHÂN DÂN\nCộng hòa xã hội chủ nghĩa Việt Nam — Unicode giữ nguyên"
    assert [w.code for w in out.warnings] == ["legacy-encoding"]


def test_a_vni_document_without_font_names_is_told_by_its_statistics() -> None:
    d = docx.Document()
    for line in ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Ñoäc laäp - Töï do - Haïnh phuùc",
                 "UÛy ban nhaân daân xaõ taêng cöôøng coâng taùc daân vaän"):
        d.add_paragraph(line)
    out = _read(d)
    assert out.text.split("\n")[:2] == ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc"]
    assert out.warnings[0].code == "legacy-encoding"


def test_a_docx_named_otherwise_is_still_read_as_docx(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Số: 15/KH-UBND")
    data = _bytes(d)
    out = decode_file(data, "vanban.bin")
    assert out.form == "docx" and out.text == "Số: 15/KH-UBND"


def test_a_text_box_is_read_once_though_word_writes_it_twice() -> None:
    """Word writes a text box as DrawingML and again as a VML fallback."""
    d = docx.Document()
    p = d.add_paragraph("Trước hộp")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = f'<w:txbxContent xmlns:w="{w}"><w:p><w:r><w:t>Số: 15/KH-UBND</w:t></w:r></w:p></w:txbxContent>'
    from docx.oxml import parse_xml

    alt = parse_xml(
        f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wrap>{box}</wrap></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><wrap>{box}</wrap></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>"
    )
    p._p.append(alt)
    d.add_paragraph("Sau hộp")
    assert _read(d).text == "Trước hộp\nSố: 15/KH-UBND\nSau hộp"


def test_the_labels_of_word_lists_are_written_before_their_items(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # numbering.xml's levels: "List Number" draws 1., 2.; "List Bullet" a bullet glyph
    import docx

    from danvan_cli.text.read import read_source

    d = docx.Document()
    for text, style in (("Mục đích", "List Number"), ("Yêu cầu", "List Number"), ("Sở Nội vụ", "List Bullet"),
                        ("Đoạn thường", None), ("", "List Number")):
        d.add_paragraph(text, style=style)
    d.save(str(tmp_path / "ds.docx"))
    assert read_source(tmp_path / "ds.docx").text == "1. Mục đích\n2. Yêu cầu\n• Sở Nội vụ\nĐoạn thường"
