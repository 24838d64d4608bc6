"""A signer's title written as a sentence (``Hiệu trưởng``) opens a signature block when the
signer's name follows it, as a school's Word file writes its closing."""

from __future__ import annotations

from danvan_cli.pipeline import parse_text

_HEAD = ("PHÒNG GD-ĐT BÌNH TÂN\nTRƯỜNG THCS TÂN THÀNH\nSố: 17/KH-THCS\nKẾ HOẠCH\n"
         "Chủ động xây dựng phương án dạy học\n1. Nội dung thực hiện.\n"
         "Trên đây là kế hoạch của trường. Đề nghị CBGV-NV nghiêm túc thực hiện.\n")


def test_a_title_written_as_a_sentence_then_a_name_is_the_signature() -> None:
    doc = parse_text(_HEAD + "Hiệu trưởng\n\n\nNguyễn Bá Luân\n", "x")
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.title) == ("Nguyễn Bá Luân", "Hiệu trưởng")


def test_negative_twin_a_title_word_over_no_name_opens_no_signature() -> None:
    doc = parse_text(_HEAD + "Hiệu trưởng\nỦy ban nhân dân xã Tân Thành\n", "x")
    assert doc.signer is None


def test_negative_twin_a_sentence_naming_a_title_is_no_signature() -> None:
    doc = parse_text(_HEAD + "Hiệu trưởng chịu trách nhiệm kiểm tra việc thực hiện.\nNguyễn Bá Luân\n", "x")
    assert doc.signer is None


_CLOSING = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n"


def test_a_line_with_no_word_between_the_title_and_the_name_is_passed_over() -> None:
    """A scan's speck or a page's number under the seal (``3``, ``/``) ends no signature block."""
    for between in ("3", "/", "3 /"):
        doc = parse_text(_HEAD + _CLOSING + between + "\nTrần Thị Ngọc Diễm\n", "x")
        assert doc.signer is not None and doc.signer.name == "Trần Thị Ngọc Diễm", between


def test_negative_twin_a_line_of_words_between_the_title_and_a_name_ends_the_block() -> None:
    doc = parse_text(_HEAD + _CLOSING + "đã gửi bản sao cho các đơn vị\nTrần Thị Ngọc Diễm\n", "x")
    assert doc.signer is None or doc.signer.name is None
