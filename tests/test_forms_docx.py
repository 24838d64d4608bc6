"""A Word document whose header and closing block are laid out with tab stops, not tables.

Many offices type the two halves of the header (``ỦY BAN NHÂN DÂN<tab><tab>CỘNG HÒA ...``)
and of the closing block (``Nơi nhận:<tab><tab>KT. CHỦ TỊCH``; the signer's name alone
after its tabs) on one paragraph each. The reader gives such a run of paragraphs as one
row of two cells, as Word's header table reads; a tab inside any other line is a blank,
and the tab Word puts after a list label (``-<tab>Như trên;``) opens no column.
"""

from __future__ import annotations

from pathlib import Path

import docx

from danvan_cli.pipeline import parse_file
from danvan_cli.text.blocks import Table
from danvan_cli.text.read import read_source


def _write(path: Path, lines: list[str]) -> Path:
    d = docx.Document()
    for t in lines:
        p = d.add_paragraph()
        for k, piece in enumerate(t.split("\t")):
            if k:
                p.add_run().add_tab()
            if piece:
                p.add_run(piece)
    d.save(str(path))
    return path


LINES = [
    "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "XÃ TÂN HƯNG\t\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 15/KH-UBND\t\tTân Hưng, ngày 20 tháng 3 năm 2025",
    "KẾ HOẠCH",
    "Triển khai công tác dân vận chính quyền năm 2025",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
    "1. Tuyên truyền\tvà quán triệt, hoàn thành trước ngày 30/4/2025.",
    "Nơi nhận:\t\tTM. ỦY BAN NHÂN DÂN",
    "-\tUBND huyện (b/c);\t\tCHỦ TỊCH",
    "-\tLưu: VT.",
    "\t\t\tNguyễn Văn An",
]


def test_halves_laid_out_with_tab_stops_are_read_as_two_cells(tmp_path: Path) -> None:
    d = read_source(_write(tmp_path / "kh.docx", LINES))
    tables = [b for b in d.blocks.items if isinstance(b, Table)]
    cells = [[[d.text[c.start:c.end] for c in r.cells] for r in t.rows] for t in tables]
    assert cells[0] == [["ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG\nSố: 15/KH-UBND",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTân Hưng, ngày 20 tháng 3 năm 2025"]]
    assert cells[1] == [["Nơi nhận:\n- UBND huyện (b/c);\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An"]]
    # a tab inside a body line is a blank
    assert "1. Tuyên truyền và quán triệt" in d.text


def test_a_plan_laid_out_with_tab_stops_parses_like_its_tables(tmp_path: Path) -> None:
    doc = parse_file(_write(tmp_path / "kh.docx", LINES))
    assert (doc.doc_type, doc.number, doc.date) == ("Kế hoạch", "15/KH-UBND", "2025-03-20")
    assert doc.issuer is not None and doc.issuer.name == "UBND xã Tân Hưng"
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.authority, doc.signer.title) == ("Nguyễn Văn An", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert doc.recipients == ["UBND huyện (b/c)", "Lưu: VT."]


def test_one_line_with_a_tab_is_no_zone(tmp_path: Path) -> None:
    d = read_source(_write(tmp_path / "cv.docx", ["Kính gửi:\tỦy ban nhân dân các xã", "Nội dung công văn."]))
    assert not [b for b in d.blocks.items if isinstance(b, Table)]
    assert d.text.startswith("Kính gửi: Ủy ban nhân dân các xã")
