"""Reading bytes as people's files come: BOMs, UTF-16, a legacy code page, CRLF, NFD."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from danvan_cli.text.normalize import fold_tone_placement, matching_view, normalize_text
from danvan_cli.text.read import DanvanInputError, decode_bytes, read_source
from support.hostile import cp1258

TEXT = "CHỈ THỊ\r\nVề công tác dân vận của Thành uỷ\r\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    d = decode_bytes(data)
    assert d.encoding == encoding
    assert d.text == "CHỈ THỊ\nVề công tác dân vận của Thành ủy\n"
    assert d.warnings == []


def test_legacy_code_page_is_a_fallback_with_a_warning() -> None:
    data = cp1258("Thủ tướng Chính phủ")
    d = decode_bytes(data, "old.txt")
    assert d.encoding == "cp1258"
    assert d.text == "Thủ tướng Chính phủ"
    assert d.warnings and d.warnings[0].code == "decoding-fallback" and "Windows-1258" in d.warnings[0].message


def test_binary_content_is_refused_with_the_file_named() -> None:
    with pytest.raises(DanvanInputError, match="x.bin: not a text file"):
        decode_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "x.bin")


def test_missing_file_and_directory_are_named(tmp_path: Path) -> None:
    with pytest.raises(DanvanInputError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(DanvanInputError, match="is a directory"):
        read_source(tmp_path)


def test_decomposed_text_is_composed() -> None:
    nfd = unicodedata.normalize("NFD", "Chỉ thị số 33/CT-TTg")
    assert normalize_text(nfd) == "Chỉ thị số 33/CT-TTg"


@pytest.mark.parametrize(
    "old, new",
    [("hoá", "hóa"), ("Thành uỷ", "Thành ủy"), ("HOÁ", "HÓA"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban")],
)
def test_old_tone_placement_is_folded(old: str, new: str) -> None:
    assert fold_tone_placement(old) == new


@pytest.mark.parametrize("word", ["quý", "hoàn", "huỳnh", "thuyền", "khuya", "hoa"])
def test_words_with_correct_tone_placement_are_left_alone(word: str) -> None:
    assert fold_tone_placement(word) == word


def test_tone_fold_sees_every_toned_second_letter() -> None:
    """The fold's pattern lists the toned a/e/y it moves a tone off from the Latin blocks
    only: no character elsewhere in Unicode decomposes to one (else ``o`` + it would be missed)."""
    from danvan_cli.text.normalize import _LATIN_PRECOMPOSED, _TONE_MARKS

    inside = {cp for block in _LATIN_PRECOMPOSED for cp in block}
    for cp in range(0x110000):
        if cp in inside or not unicodedata.decomposition(chr(cp)) or unicodedata.decomposition(chr(cp)).startswith("<"):
            continue
        nfd = unicodedata.normalize("NFD", chr(cp))
        assert not (nfd[0].lower() in "aey" and any(c in _TONE_MARKS for c in nfd)), hex(cp)


@pytest.mark.parametrize("pair", ["oá", "oẹ", "uỷ", "oắ", "Oẻ", "uý", "oé"])
def test_tone_fold_moves_off_every_toned_vowel_of_its_pairs(pair: str) -> None:
    folded = fold_tone_placement(f"h{pair}")
    assert folded != f"h{pair}" and unicodedata.normalize("NFD", folded[1])[1:] != ""


def test_matching_view_blanks_markup_and_keeps_offsets() -> None:
    text = "trước **ngày 15 tháng 10** | *(qua Phòng Nội vụ)*"
    view = matching_view(text)
    assert len(view) == len(text)
    assert "**" not in view and "|" not in view
    assert view.index("ngày") == text.index("ngày")
