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
