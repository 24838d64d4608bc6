"""Word 97–2003 .doc: paragraphs and tables read as the .docx reader gives them.

Rule tests build small .doc files with ``tests/support/msdoc.py``; the real .doc files of
``../shared/real/offices`` are read when present.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
import yaml

from danvan_cli.pipeline import parse_file
from danvan_cli.text.blocks import Paragraph, Table
from danvan_cli.text.read import READABLE_SUFFIXES, DanvanInputError, decode_file
from tests.support import msdoc as M

OFFICES = Path(__file__).resolve().parent.parent.parent / "shared" / "real" / "offices"


def _read(items: list[M.WPara | M.WTable], footnotes: list[str] = ()):  # type: ignore[no-untyped-def, assignment]
    return decode_file(M.build_doc(items, list(footnotes)), "van-ban.doc")


def _paras(d) -> list[tuple[str, Paragraph]]:  # type: ignore[no-untyped-def]
    return [(d.text[p.start:p.end], p) for p in d.blocks.items if isinstance(p, Paragraph)]


def _cells(d, t: Table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[d.text[c.start:c.end] for c in row.cells] for row in t.rows]


def test_a_doc_is_read_for_its_paragraphs_with_bold_italic_and_alignment() -> None:
    d = _read([M.WPara.of("KẾ HOẠCH", bold=True, align="center"),
               M.WPara([M.WRun("Căn cứ "), M.WRun("Luật Tổ chức", italic=True)], "justify"),
               M.WPara.of("plain ascii line")])
    assert d.form == "doc" and d.encoding == "doc"
    got = _paras(d)
    assert [t for t, _ in got] == ["KẾ HOẠCH", "Căn cứ Luật Tổ chức", "plain ascii line"]
    assert got[0][1].bold and got[0][1].align == "center"
    assert not got[1][1].bold and not got[1][1].italic and got[1][1].align == "justify"
    assert not got[2][1].bold


def test_all_caps_is_read_as_capitals_and_hidden_text_is_left_out() -> None:
    d = _read([M.WPara([M.WRun("Trường THCS Tân Thành", caps=True)]),
               M.WPara([M.WRun("Số: 12/KH-UBND"), M.WRun(" ghi chú ẩn", hidden=True)])])
    assert [t for t, _ in _paras(d)] == ["TRƯỜNG THCS TÂN THÀNH", "Số: 12/KH-UBND"]


def test_a_run_in_a_tcvn3_font_is_read_back_to_unicode_with_a_warning() -> None:
    d = _read([M.WPara([M.WRun("Céng hoµ x· héi chñ nghÜa ViÖt Nam", font=".VnTime")]),
               M.WPara([M.WRun("Thñ t\u00adíng", font=".VnTime"), M.WRun(" Số: 12/KH-UBND", font="Times New Roman")])])
    # U+00AD in a .VnTime run is TCVN3's "ư", not a soft hyphen
    assert [t for t, _ in _paras(d)] == ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Thủ tướng Số: 12/KH-UBND"]
    assert [w.code for w in d.warnings] == ["legacy-encoding"]


def test_negative_twin_windows_1252_letters_in_a_unicode_font_stay_as_written() -> None:
    d = _read([M.WPara([M.WRun("Café Élysée", font="Times New Roman")])])
    assert [t for t, _ in _paras(d)] == ["Café Élysée"] and d.warnings == []


def test_a_field_shows_its_result_not_its_code() -> None:
    d = _read([M.WPara([M.WRun("Trang \x13 PAGE \\* MERGEFORMAT \x14"), M.WRun("3"), M.WRun("\x15 của 5")])])
    assert [t for t, _ in _paras(d)] == ["Trang 3 của 5"]


def test_marks_of_pictures_and_notes_hold_no_text_and_a_soft_hyphen_folds() -> None:
    d = _read([M.WPara([M.WRun("\x01\x08Thực hiện\x02 Chỉ thị số 33/CT-TTg về công tác dân\x1fvận")])])
    assert [t for t, _ in _paras(d)] == ["Thực hiện Chỉ thị số 33/CT-TTg về công tác dânvận"]


def test_the_header_table_gives_its_two_columns_and_lines() -> None:
    left = M.WCell([M.WPara.of("ỦY BAN NHÂN DÂN", True), M.WPara.of("XÃ TÂN HƯNG LỘC", True), M.WPara.of("Số: 15/KH-UBND")])
    right = M.WCell([M.WPara.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), M.WPara.of("Độc lập - Tự do - Hạnh phúc", True)])
    d = _read([M.WTable([M.WRow([left, right], [0, 4000, 9600])]), M.WPara.of("KẾ HOẠCH", True, align="center")])
    (t,) = d.blocks.tables()
    assert _cells(d, t) == [["ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG LỘC\nSố: 15/KH-UBND",
                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"]]
    assert d.blocks.items[0] is t and [c.col for c in t.rows[0].cells] == [0, 1]


def test_cells_merged_across_and_down_are_given_once_with_their_spans() -> None:
    edges = [0, 1000, 5000, 9000]
    rows = [
        M.WRow([M.WCell([M.WPara.of("Nhóm A")])], [0, 9000]),  # one cell over three columns' edges
        M.WRow([M.WCell([M.WPara.of("1")]), M.WCell([M.WPara.of("Nội dung")]), M.WCell([M.WPara.of("Sở Nội vụ")], vmerge=3)], edges),
        M.WRow([M.WCell([M.WPara.of("2")]), M.WCell([M.WPara.of("Khác")]), M.WCell([], vmerge=1)], edges),
        # Word 97's own horizontal merge: the second cell is merged into the first
        M.WRow([M.WCell([M.WPara.of("Ghi chú")], hmerge=1), M.WCell([], hmerge=2), M.WCell([M.WPara.of("x")])], edges),
    ]
    d = _read([M.WTable(rows)])
    (t,) = d.blocks.tables()
    group, first, second, note = t.rows
    assert [(c.col, c.colspan) for c in group.cells] == [(0, 3)]
    lead = first.cells[2]
    assert (lead.col, lead.rowspan, d.text[lead.start:lead.end]) == (2, 2, "Sở Nội vụ")
    assert [c.col for c in second.cells] == [0, 1]
    assert [(c.col, c.colspan) for c in note.cells] == [(0, 2), (2, 1)]
    assert t.columns == 3


def test_a_table_framed_in_one_cell_is_read_as_that_table() -> None:
    inner = M.WTable([
        M.WRow([M.WCell([M.WPara.of("PHÒNG GDĐT LAI VUNG")]), M.WCell([M.WPara.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")])], [0, 4000, 9000]),
        M.WRow([M.WCell([M.WPara.of("Số: 40/TB-THCSTT")]), M.WCell([M.WPara.of("Tân Thành, ngày 29 tháng 6 năm 2019")])], [0, 4000, 9000]),
    ])
    d = _read([M.WTable([M.WRow([M.WCell([], table=inner)], [0, 9200])]), M.WPara.of("THÔNG BÁO", True)])
    (t,) = d.blocks.tables()
    assert _cells(d, t) == [["PHÒNG GDĐT LAI VUNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                            ["Số: 40/TB-THCSTT", "Tân Thành, ngày 29 tháng 6 năm 2019"]]


def test_negative_twin_a_table_nested_beside_text_gives_its_lines_to_the_cell() -> None:
    inner = M.WTable([M.WRow([M.WCell([M.WPara.of("a")]), M.WCell([M.WPara.of("b")])], [0, 2000, 4000])])
    outer = M.WTable([M.WRow([M.WCell([M.WPara.of("Ghi chú")], table=inner), M.WCell([M.WPara.of("c")])], [0, 4500, 9000])])
    d = _read([outer])
    (t,) = d.blocks.tables()
    assert _cells(d, t) == [["a\nb\nGhi chú", "c"]]


def test_a_header_laid_out_with_tab_stops_reads_as_two_cells() -> None:
    d = _read([M.WPara.of("PHÒNG GD- ĐT BÌNH TÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
               M.WPara.of("TRƯỜNG THCS TÂN THÀNH\tĐộc lập - Tự do - Hạnh phúc"),
               M.WPara.of("Số: /KH-THCS\tTân Thành, ngày 19 tháng 02 năm 2021"),
               M.WPara.of("KẾ HOẠCH", True, align="center")])
    t = d.blocks.items[0]
    assert isinstance(t, Table)
    assert _cells(d, t) == [["PHÒNG GD- ĐT BÌNH TÂN\nTRƯỜNG THCS TÂN THÀNH\nSố: /KH-THCS",
                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTân Thành, ngày 19 tháng 02 năm 2021"]]


def test_footnotes_follow_the_body() -> None:
    d = _read([M.WPara.of("Thân văn bản.")], ["Ghi chú cuối trang."])
    assert [t for t, _ in _paras(d)] == ["Thân văn bản.", "Ghi chú cuối trang."]


def test_folders_are_walked_for_doc_files() -> None:
    assert ".doc" in READABLE_SUFFIXES


# --- what an OLE2 file is ------------------------------------------------------------------------


def _one_line(data: bytes, name: str = "x.doc") -> str:
    with pytest.raises(DanvanInputError) as exc:
        decode_file(data, name)
    msg = str(exc.value)
    assert msg.startswith(f"{name}: ") and "\n" not in msg
    return msg


def test_an_encrypted_doc_asks_to_remove_the_password() -> None:
    data = bytearray(M.build_doc([M.WPara.of("Số: 1/KH")]))
    word_at = _stream_at(bytes(data), "WordDocument")
    data[word_at + 0x0B] |= 0x01  # fEncrypted: bit 8 of the flags word at 0x0A
    assert "password" in _one_line(bytes(data))


@pytest.mark.parametrize("stream, says", [
    ("Workbook", "Excel"),
    ("PowerPoint Document", "PowerPoint"),
    ("EncryptedPackage", "password"),
    ("Contents", "not a Word document"),
])
def test_other_ole2_files_say_what_they_are(stream: str, says: str) -> None:
    assert says in _one_line(M.cfb({stream: b"\x00" * 5000}), "x.doc")


def test_a_word_6_document_is_refused_with_a_clear_line() -> None:
    data = bytearray(M.build_doc([M.WPara.of("Số: 1/KH")]))
    word_at = _stream_at(bytes(data), "WordDocument")
    data[word_at + 2 : word_at + 4] = struct.pack("<H", 0x0065)
    assert "Word 6/95" in _one_line(bytes(data))


def _stream_at(data: bytes, name: str) -> int:
    """File offset of the first sector of ``name`` in a file ``msdoc.cfb`` wrote."""
    for k in range(4):
        e = data[M.CFB_DIR_AT + 128 * k : M.CFB_DIR_AT + 128 * (k + 1)]
        n = struct.unpack_from("<H", e, 64)[0]
        if e[: n - 2].decode("utf-16-le") == name:
            return (struct.unpack_from("<I", e, 116)[0] + 1) * M.SECTOR
    raise KeyError(name)


# --- the real files -------------------------------------------------------------------------------


def _real() -> list[tuple[Path, dict]]:  # type: ignore[type-arg]
    if not (OFFICES / "meta.yaml").exists():
        return []
    meta = yaml.safe_load((OFFICES / "meta.yaml").read_text(encoding="utf-8"))
    return [(OFFICES / "files" / name, g) for name, g in sorted(meta.items()) if name.endswith(".doc")]


@pytest.mark.skipif(not _real(), reason="../shared/real/offices is absent")
@pytest.mark.parametrize("path, gold", _real(), ids=lambda x: x.name if isinstance(x, Path) else "")
def test_real_word_97_files_give_their_type_number_and_date(path: Path, gold: dict) -> None:  # type: ignore[type-arg]
    doc = parse_file(path)
    assert doc.doc_type == gold["doc_type"]
    assert doc.number == gold["number"]
    assert doc.date == gold["date"] or gold["date"] is None


@pytest.mark.skipif(not _real(), reason="../shared/real/offices is absent")
def test_a_real_header_in_a_framed_table_reads_as_its_two_columns() -> None:
    # 040.doc: a one-cell table framing the header's table (antiword prints one cell a line)
    d = decode_file((OFFICES / "files" / "040.doc").read_bytes(), "040.doc")
    header = d.blocks.items[0]
    assert isinstance(header, Table) and header.columns == 2
    assert ["Số: 40/TB-THCSTT", "Tân Thành, ngày 29 tháng 6 năm 2019"] in _cells(d, header)


# --- hostile files ----------------------------------------------------------------------------


def _good() -> bytearray:
    return bytearray(M.build_doc([M.WPara.of("Số: 15/KH-UBND"), M.WPara.of("Nội dung.")]))


def test_a_broken_ole_directory_gives_one_line() -> None:
    data = _good()
    data[M.CFB_DIR_AT : M.CFB_DIR_AT + 512] = b"\xff" * 512
    _one_line(bytes(data))


def test_a_directory_pointing_past_the_file_gives_one_line() -> None:
    data = _good()
    struct.pack_into("<I", data, M.CFB_FIRST_DIR_SECTOR, 0x00FFFFF0)
    _one_line(bytes(data))


def test_a_huge_fat_sector_count_gives_one_line() -> None:
    data = _good()
    struct.pack_into("<I", data, M.CFB_NUM_FAT_SECTORS, 0x7FFFFFFF)
    _one_line(bytes(data))


def test_a_stream_declaring_gigabytes_is_refused_before_it_is_read() -> None:
    data = _good()
    for k in range(1, 3):  # both streams' directory entries
        struct.pack_into("<Q", data, M.CFB_DIR_AT + 128 * k + 120, 3 * 2**30)
    assert "declaring" in _one_line(bytes(data)) or "damaged" in _one_line(bytes(data))


def test_a_cyclic_fat_chain_gives_one_line() -> None:
    data = _good()
    word_first = (_stream_at(bytes(data), "WordDocument") // M.SECTOR) - 1
    # the stream's third sector points back to its first: the chain loops
    struct.pack_into("<I", data, M.CFB_FAT_AT + 4 * (word_first + 2), word_first)
    _one_line(bytes(data))


def test_a_piece_table_pointing_outside_the_text_stream_gives_one_line() -> None:
    data = _good()
    table_at = _stream_at(bytes(data), "1Table")
    # the CLX opens the table stream: 0x02, lcb, CPs (2 × 4 bytes), then the piece's PCD
    clx_cps = 1 + 4
    n_pieces = (struct.unpack_from("<I", data, table_at + 1)[0] - 4) // 12
    pcd = table_at + clx_cps + 4 * (n_pieces + 1)
    struct.pack_into("<I", data, pcd + 2, 0x3FFFFFF0)
    assert "outside" in _one_line(bytes(data))


def test_formatting_pages_outside_the_stream_give_one_line() -> None:
    data = bytearray(_good())
    word_at = _stream_at(bytes(data), "WordDocument")
    table_at = _stream_at(bytes(data), "1Table")
    fc, lcb = struct.unpack_from("<II", data, word_at + 154 + 8 * 13)  # fcPlcfBtePapx
    n = (lcb - 4) // 8
    struct.pack_into("<I", data, table_at + fc + 4 * (n + 1), 0x3FFFFF)
    assert "outside" in _one_line(bytes(data))


def test_a_doc_declaring_more_characters_than_the_limit_is_refused() -> None:
    data = _good()
    word_at = _stream_at(bytes(data), "WordDocument")
    struct.pack_into("<i", data, word_at + 34 + 28 + 2 + 4 * 3, 2**30)  # ccpText
    assert "characters" in _one_line(bytes(data))


def test_a_batch_goes_on_past_a_damaged_doc(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = _good()
    bad[M.CFB_DIR_AT : M.CFB_DIR_AT + 512] = b"\xff" * 512
    (tmp_path / "a-hong.doc").write_bytes(bytes(bad))
    (tmp_path / "b-tot.doc").write_bytes(bytes(_good()))
    proc = subprocess.run([sys.executable, "-m", "danvan_cli", "parse", str(tmp_path), "--format", "jsonl"],
                          capture_output=True, text=True)
    assert proc.returncode != 0
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "a-hong.doc" in lines[0] and "Traceback" not in proc.stderr
    assert len(proc.stdout.splitlines()) == 1


# --- halves laid out with tabs and blanks (tabzones, shared with the .docx reader) -----------------


def test_a_closing_block_typed_with_tabs_around_a_recipients_list_reads_as_two_cells() -> None:
    d = _read([M.WPara.of("Trên đây là Kế hoạch của Trường./.", align="justify"),
               M.WPara.of("\t\t\t\t\t\tHIỆU TRƯỞNG", True, align="justify"),
               M.WPara.of("Nơi nhận:", True, align="justify"),
               M.WPara.of("- Phòng GDĐT (báo cáo);", align="justify"),
               M.WPara.of("- UBND xã Tân Thành (báo cáo);\t\t\t\t\t(đã ký)", align="justify"),
               M.WPara.of("- Các trường Tiểu học (phối hợp);\t\t\t", align="justify"),
               M.WPara.of("- Đăng website trường;", align="justify"),
               M.WPara.of("- Lưu: VT.", align="justify"),
               M.WPara.of(""),
               M.WPara.of("\t\t\t\t\t\t\t   Võ Văn Long\t\t")])
    t = d.blocks.tables()[0]
    assert _cells(d, t) == [["Nơi nhận:\n- Phòng GDĐT (báo cáo);\n- UBND xã Tân Thành (báo cáo);\n"
                             "- Các trường Tiểu học (phối hợp);\n- Đăng website trường;\n- Lưu: VT.",
                             "HIỆU TRƯỞNG\n(đã ký)\nVõ Văn Long"]]
    doc = parse_file_bytes(M.build_doc(_HEAD + [M.WPara.of(x) for x in ("\t\t\t\t\t\tHIỆU TRƯỞNG", "Nơi nhận:",
                                                                      "- Lưu: VT.", "\t\t\t\t\t\tVõ Văn Long")]))
    assert (doc.signer.name, doc.signer.title) == ("Võ Văn Long", "HIỆU TRƯỞNG")


def test_runs_of_blanks_part_the_halves_as_tab_stops_do() -> None:
    d = _read([M.WPara.of("Nơi nhận:" + "\u00a0" * 30 + "HIỆU TRƯỞNG"),
               M.WPara.of("- UBND xã Tân Thành;"),
               M.WPara.of("- Lưu: VT." + " " * 12 + "(đã ký)"),
               M.WPara.of(" " * 60 + "Võ Văn Long")])
    t = d.blocks.tables()[0]
    assert _cells(d, t) == [["Nơi nhận:\n- UBND xã Tân Thành;\n- Lưu: VT.", "HIỆU TRƯỞNG\n(đã ký)\nVõ Văn Long"]]


@pytest.mark.parametrize("paras", [
    # lines only indented with tabs or blanks: no left half anywhere, no columns
    ["\t\t\t\tHiệu trưởng", "", "", " " * 40 + "Nguyễn Bá Luân"],
    # a sentence after a tab, then a short line after tabs: indentation, not a right half
    ["\tTrên đây là kế hoạch của BGH trường. Đề nghị CBGV-NV nghiêm túc thực hiện các nội dung nêu trên./.",
     "\t\t\t\t\t\t\t\tHiệu trưởng"],
    # recipients indented with a tab
    ["Nơi nhận:", " \t- Lưu VT.\t\t", "\t- Phòng GD&ĐT;"],
])
def test_negative_twin_lines_indented_with_tabs_or_blanks_make_no_columns(paras: list[str]) -> None:
    d = _read([M.WPara.of(p) for p in paras])
    assert d.blocks.tables() == []


_HEAD: list[M.WPara | M.WTable] = [
    M.WTable([M.WRow([M.WCell([M.WPara.of("PHÒNG GDĐT LAI VUNG"), M.WPara.of("TRƯỜNG THCS TÂN THÀNH"), M.WPara.of("Số: 40/TB-THCSTT")]),
                      M.WCell([M.WPara.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), M.WPara.of("Độc lập - Tự do - Hạnh phúc"),
                               M.WPara.of("Tân Thành, ngày 29 tháng 6 năm 2019")])], [0, 4000, 9600])]),
    M.WPara.of("THÔNG BÁO", True, align="center"),
    M.WPara.of("Mở lớp tăng cường Tiếng Anh", True, align="center"),
    M.WPara.of("Trường THCS Tân Thành thông báo đến học sinh việc mở lớp như sau.", align="justify"),
]


def test_a_closing_table_typed_a_line_to_a_row_gives_its_signer() -> None:
    # Nơi nhận and the signature in two columns, each line in a row of its own: the right
    # column read down its rows is one signature block
    lines = [("Nơi nhận:", "HIỆU TRƯỞNG"), ("- Phòng GDĐT (báo cáo);", ""), ("- Lưu: VT.", "(đã ký)"), ("", ""), ("", "Võ Văn Long")]
    rows = [M.WRow([M.WCell([M.WPara.of(a)]), M.WCell([M.WPara.of(b, align="center")])], [0, 4000, 9600]) for a, b in lines]
    doc = parse_file_bytes(M.build_doc(_HEAD + [M.WTable(rows)]))
    assert (doc.signer.name, doc.signer.title) == ("Võ Văn Long", "HIỆU TRƯỞNG")
    assert doc.recipients == ["Phòng GDĐT (báo cáo)", "Lưu: VT."]


def parse_file_bytes(data: bytes):  # type: ignore[no-untyped-def]
    from danvan_cli.pipeline import parse_text

    dec = decode_file(data, "x.doc")
    return parse_text(dec.text, "x.doc", normalized=True, blocks=dec.blocks)


# --- a .doc that is something else ------------------------------------------------------------


def test_a_doc_that_is_a_renamed_docx_or_a_web_page_is_read_for_what_it_is(tmp_path: Path) -> None:
    from tests.support import formats_doc as F

    docx = F.build_docx(tmp_path / "x.docx").read_bytes()
    assert decode_file(docx, "cong-van.doc").form == "docx"
    assert decode_file(F.word_html(), "cong-van.doc").form == "html"


def test_a_doc_that_is_rtf_says_so_in_one_line() -> None:
    assert "RTF" in _one_line(b"{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Times New Roman;}} S\\u7889? 12/KH}", "cong-van.doc")


def test_a_text_box_is_read_beside_the_paragraph_it_is_drawn_in() -> None:
    boxed = M.WPara([M.WRun("XÃ TÂN HƯNG LỘC")], box=[M.WPara.of("Số: 15/KH-UBND")])
    d = _read([M.WPara.of("ỦY BAN NHÂN DÂN"), boxed, M.WPara.of("KẾ HOẠCH", True, align="center"), M.WPara.of("Nội dung.")])
    assert [t for t, _ in _paras(d)] == ["ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG LỘC", "Số: 15/KH-UBND", "KẾ HOẠCH", "Nội dung."]


def test_a_text_box_drawn_in_a_cell_stays_in_that_cell() -> None:
    boxed = M.WPara([M.WRun("XÃ TÂN HƯNG LỘC")], box=[M.WPara.of("Số: 15/KH-UBND")])
    left = M.WCell([M.WPara.of("ỦY BAN NHÂN DÂN"), boxed])  # the box's paragraph closes the cell
    right = M.WCell([M.WPara.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")])
    d = _read([M.WTable([M.WRow([left, right], [0, 4000, 9000])])])
    (t,) = d.blocks.tables()
    assert _cells(d, t) == [["ỦY BAN NHÂN DÂN\nSố: 15/KH-UBND\nXÃ TÂN HƯNG LỘC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]]


# --- list labels --------------------------------------------------------------------------------


def test_the_labels_of_numbered_and_bulleted_lists_are_written_as_word_draws_them() -> None:
    numbered = [(1, "\x00.", 1), (4, "\x01)", 1)]  # I., II. / a), b)
    bullets = [(23, "\uf0b7", 1)]
    items = [M.WPara([M.WRun("MỤC ĐÍCH")], item=(0, 0)),
             M.WPara([M.WRun("Tuyên truyền")], item=(0, 1)),
             M.WPara([M.WRun("Kiểm tra")], item=(0, 1)),
             M.WPara([M.WRun("Sở Nội vụ;")], item=(1, 0)),
             M.WPara([M.WRun("NHIỆM VỤ")], item=(0, 0)),
             M.WPara([M.WRun("Rà soát")], item=(0, 1)),
             M.WPara([M.WRun("")], item=(0, 1))]  # an empty item draws no label
    d = decode_file(M.build_doc(items, lists=[numbered, bullets]), "x.doc")
    assert d.text.split("\n")[:6] == ["I. MỤC ĐÍCH", "a) Tuyên truyền", "b) Kiểm tra", "• Sở Nội vụ;", "II. NHIỆM VỤ", "a) Rà soát"]


@pytest.mark.parametrize("n, fmt, out", [
    (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (1, "lowerLetter", "a"), (6, "lowerLetter", "f"),
    (27, "lowerLetter", "aa"), (28, "upperLetter", "BB"), (3, "decimalZero", "03"), (12, "decimal", "12"),
])
def test_list_numbers_in_each_format(n: int, fmt: str, out: str) -> None:
    from danvan_cli.text.formats.listlabels import number

    assert number(n, fmt) == out
