"""HTML pages: Word's "Save as Web Page" and portal pages, by the rules of each."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_cli.pipeline import parse_file
from danvan_cli.text.blocks import Paragraph, Table
from danvan_cli.text.read import decode_file, read_source

WORD_HTML = Path(__file__).resolve().parents[2] / "shared" / "real" / "word-html"


def _read(html: str | bytes, name: str = "page.htm"):  # type: ignore[no-untyped-def]
    data = html.encode("utf-8") if isinstance(html, str) else html
    return decode_file(data, name)


def _paras(d) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.text[p.start:p.end] for p in d.blocks.items if isinstance(p, Paragraph)]


def test_windows_1252_page_with_entities_is_read_by_its_declared_charset() -> None:
    page = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"></head><body>"
            "<p class=MsoNormal>&#7910;y ban nh&acirc;n d&acirc;n x&atilde; \x93T&acirc;n H&#432;ng L&#7897;c\x94</p>"
            "</body></html>").encode("latin-1")
    d = _read(page)
    assert d.encoding == "windows-1252" and d.form == "html"
    assert d.text == "Ủy ban nhân dân xã “Tân Hưng Lộc”"  # 0x93/0x94 are Windows-1252's quotes


def test_utf8_meta_charset_and_undeclared_pages() -> None:
    body = "<body><p>Số: 15/KH-UBND</p></body>"
    assert _read(f"<html><head><meta charset='utf-8'></head>{body}</html>").encoding == "utf-8"
    assert _read(f"<html>{body}</html>").text == "Số: 15/KH-UBND"  # no declaration: valid UTF-8
    d = _read(f"<html>{body}</html>".encode("cp1252", errors="xmlcharrefreplace"))
    assert d.text == "Số: 15/KH-UBND"


def test_line_breaks_inside_a_paragraph_make_lines() -> None:
    d = _read("<html><body><p><b>Nơi nhận:</b><br>- Như trên;<br/>- Lưu: VT.</p></body></html>")
    assert _paras(d) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert d.blocks.items[0].bold and not d.blocks.items[1].bold  # type: ignore[union-attr]


def test_source_line_wraps_are_spaces() -> None:
    d = _read("<html><body><p class=MsoNormal>ỦY BAN\n  NHÂN DÂN</p></body></html>")
    assert d.text == "ỦY BAN NHÂN DÂN"


def test_bold_italic_and_alignment_from_tags_and_styles() -> None:
    d = _read(
        "<html><body>"
        "<p align=center><strong>KẾ HOẠCH</strong></p>"
        "<p style='text-align:right'><span style='font-weight:700'>CHỦ TỊCH</span></p>"
        "<p><b>Đậm <span style='font-weight:normal'>thường</span></b></p>"
        "<p><i>Hà Nội, ngày 05 tháng 3 năm 2024</i></p>"
        "<div style='text-align:center'><p>căn giữa thừa hưởng</p></div>"
        "</body></html>"
    )
    items = {d.text[p.start:p.end]: p for p in d.blocks.items}
    assert items["KẾ HOẠCH"].bold and items["KẾ HOẠCH"].align == "center"
    assert items["CHỦ TỊCH"].bold and items["CHỦ TỊCH"].align == "right"
    assert not items["Đậm thường"].bold
    assert items["Hà Nội, ngày 05 tháng 3 năm 2024"].italic
    assert items["căn giữa thừa hưởng"].align == "center"


def test_tables_with_colspan_and_rowspan() -> None:
    d = _read(
        "<html><body><table>"
        "<tr><th>TT</th><th>Nội dung</th><th>Chủ trì</th></tr>"
        "<tr><td colspan=3><b>I. NHIỆM VỤ</b></td></tr>"
        "<tr><td>1</td><td>Tuyên truyền</td><td rowspan=2>Phòng Nội vụ</td></tr>"
        "<tr><td>2</td><td>Kiểm tra</td></tr>"
        "</table></body></html>"
    )
    (t,) = d.blocks.tables()
    cells = [[(c.col, c.colspan, c.rowspan, d.text[c.start:c.end]) for c in r.cells] for r in t.rows]
    assert cells == [
        [(0, 1, 1, "TT"), (1, 1, 1, "Nội dung"), (2, 1, 1, "Chủ trì")],
        [(0, 3, 1, "I. NHIỆM VỤ")],
        [(0, 1, 1, "1"), (1, 1, 1, "Tuyên truyền"), (2, 1, 2, "Phòng Nội vụ")],
        [(0, 1, 1, "2"), (1, 1, 1, "Kiểm tra")],
    ]
    assert t.rows[0].cells[0].paragraphs[0].bold  # <th> is bold as browsers draw it


def test_cells_placed_beside_a_rowspan_get_their_grid_column() -> None:
    d = _read("<html><body><table><tr><td rowspan=2>A</td><td>B</td></tr><tr><td>C</td></tr></table></body></html>")
    (t,) = d.blocks.tables()
    assert [(c.col, d.text[c.start:c.end]) for c in t.rows[1].cells] == [(1, "C")]


def test_a_table_inside_a_cell_gives_the_cell_its_paragraphs() -> None:
    d = _read(
        "<html><body><table><tr><td>Nơi nhận:</td><td>"
        "<table><tr><td>TM. ỦY BAN NHÂN DÂN</td></tr><tr><td>CHỦ TỊCH</td></tr></table>"
        "</td></tr></table></body></html>"
    )
    (t,) = d.blocks.tables()
    right = t.rows[0].cells[1]
    assert [d.text[p.start:p.end] for p in right.paragraphs] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_scripts_styles_comments_hidden_and_navigation_are_dropped() -> None:
    d = _read(
        "<html><head><title>Trang</title><style>p{color:red}</style><script>var a='x';</script></head><body>"
        "<nav><a href='/'>Trang chủ</a> <a href='/vb'>Văn bản</a></nav>"
        "<!--[if gte mso 9]><xml><o:DocumentProperties>Admin</o:DocumentProperties></xml><![endif]-->"
        "<p>Nội dung<!-- ghi chú --> văn bản</p>"
        "<p style='display:none'>ẩn</p><p hidden>ẩn nữa</p><span style='mso-hide:all'>ẩn Word</span>"
        "<script>document.write('chèn')</script><noscript>bật JavaScript</noscript>"
        "<p><![if !vml]><img src='x.png'><![endif]>Sau hình</p>"
        "</body></html>"
    )
    assert _paras(d) == ["Nội dung văn bản", "Sau hình"]


def test_portal_page_keeps_the_document_inside_its_content_container() -> None:
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><script src='app.js'></script></head><body>"
        "<header><nav><ul><li>Văn bản pháp luật</li><li>Tra cứu</li></ul></nav></header>"
        "<div id='content'><div class='content1'>"
        "<table><tr><td><p>ỦY BAN NHÂN DÂN<br>TỈNH QUẢNG NINH</p><p>Số: 123/QĐ-UBND</p></td>"
        "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Quảng Ninh, ngày 05 tháng 3 năm 2024</p></td></tr></table>"
        "<p align=center><b>QUYẾT ĐỊNH</b></p><p>Căn cứ Luật Tổ chức chính quyền địa phương;</p>"
        "</div></div>"
        "<footer><p>Bản quyền thuộc về cổng thông tin</p></footer>"
        "</body></html>"
    )
    d = _read(page, "qd.html")
    (t,) = d.blocks.tables()
    assert d.text[t.rows[0].cells[0].start:t.rows[0].cells[0].end] == "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 123/QĐ-UBND"
    assert "Tra cứu" not in d.text  # navigation
    assert "QUYẾT ĐỊNH" in _paras(d) and "Bản quyền thuộc về cổng thông tin" in _paras(d)  # chrome is the layout's job


def test_lists_are_written_with_their_marks() -> None:
    d = _read("<html><body><ol><li>Tuyên truyền</li><li>Kiểm tra</li></ol><ul><li>Như trên;</li></ul></body></html>")
    assert _paras(d) == ["1. Tuyên truyền", "2. Kiểm tra", "- Như trên;"]


def test_an_html_page_saved_as_txt_is_still_read_as_html() -> None:
    d = _read("<!DOCTYPE html><html><body><p>Số: 15/KH-UBND</p></body></html>", "saved.txt")
    assert d.form == "html" and d.text == "Số: 15/KH-UBND"


def test_mhtml_web_archive_reads_its_html_part() -> None:
    html = "<html><body><p>K&#7870; HO&#7840;CH</p><p>S&#7889;: 15/KH-UBND</p></body></html>"
    mht = (
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
        "------=_NextPart_01\r\nContent-Location: file:///C:/kh.htm\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Type: text/html; charset=\"windows-1252\"\r\n\r\n" + html.replace("=", "=3D") + "\r\n------=_NextPart_01--\r\n"
    ).encode("ascii")
    d = decode_file(mht, "kh.mht")
    assert d.form == "html" and d.text == "KẾ HOẠCH\nSố: 15/KH-UBND"


def test_a_large_flat_page_reads_in_one_pass() -> None:
    rows = "".join(f"<tr><td>{i}</td><td>Nhiệm vụ số {i}</td></tr>" for i in range(20000))
    d = _read(f"<html><body><table>{rows}</table></body></html>")
    assert len(d.blocks.tables()[0].rows) == 20000


word_html_files = sorted(WORD_HTML.glob("*.htm")) if WORD_HTML.is_dir() else []


@pytest.mark.skipif(not word_html_files, reason="../shared/real/word-html is not beside the repository")
@pytest.mark.parametrize("path", word_html_files, ids=lambda p: p.name)
def test_real_word_pages_read_with_their_charset_and_header_table(path: Path) -> None:
    d = read_source(path)
    assert d.encoding == "windows-1252" and d.form == "html"
    first = d.blocks.items[0]  # type: ignore[union-attr]
    assert isinstance(first, Table)
    cells = [d.text[c.start:c.end] for r in first.rows for c in r.cells]
    assert any(c.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc") for c in cells)
    assert any(c.startswith("ỦY BAN MTTQ VIỆT NAM\n") for c in cells)
    assert any("Số: /" in c for c in cells)
    # Entities decoded, no markup, no Word XML or styles leaking into the text.
    for leak in ("&#", "mso-", "<o:", "<p", "behavior:", "Microsoft Word"):
        assert leak not in d.text
    assert sum(1 for ch in d.text if "\u1ea0" <= ch <= "\u1ef9") > 200


@pytest.mark.skipif(not word_html_files, reason="../shared/real/word-html is not beside the repository")
@pytest.mark.parametrize("path", word_html_files, ids=lambda p: p.name)
def test_real_word_pages_parse_with_type_date_and_references(path: Path) -> None:
    doc = parse_file(path)
    assert doc.doc_type in ("Kế hoạch", "Hướng dẫn")
    assert doc.date is not None and doc.date.startswith(("2025", "2026"))
    assert doc.references


def test_a_page_whose_bytes_break_its_declared_utf8_is_read_as_windows_1252_with_a_warning() -> None:
    page = "<html><head><meta charset='utf-8'></head><body><p>Ph\xf2ng N&#7897;i v&#7909;</p></body></html>".encode("latin-1")
    d = _read(page)
    assert d.text == "Phòng Nội vụ" and d.encoding == "windows-1252"
    assert [w.code for w in d.warnings] == ["charset-mismatch"]
