"""Decoding per span: a bad byte spoils one character, a file mixing encodings is read part by
part, and an HTML page whose declared charset lies is read by what its bytes are (issue 21).

Each rule has its negative twin: a clean UTF-8 file, a genuine Windows-1258 file and a TCVN3
file keep the reading they always had.
"""

from __future__ import annotations

import pytest

from danvan_cli.pipeline import parse_bytes
from danvan_cli.text.normalize import matching_view
from danvan_cli.text.read import DanvanInputError, decode_bytes, decode_file
from support.hostile import DOCUMENT, cp1258, scattered, utf8_header_over

CLEAN = decode_bytes(DOCUMENT.encode()).text
#: The document's header in TCVN3 (the classic mojibake of the Quốc hiệu and the motto) and a
#: sentence of its body, as Windows-1252 shows those bytes.
TCVN3_LINES = "Céng hßa x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nUû ban nh©n d©n x· t¨ng c­êng c«ng t¸c d©n vËn\n"
TCVN3_READ = ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
              "Ủy ban nhân dân xã tăng cường công tác dân vận"]


def _fields_read(data: bytes, name: str = "x.txt") -> None:
    doc = parse_bytes(data, name)
    assert (doc.number, doc.date, doc.doc_type) == ("12/KH-UBND", "2022-03-05", "Kế hoạch")


def _differing(text: str) -> int:
    return sum(a != b for a, b in zip(text, CLEAN, strict=True))


# ------------------------------------------------------------------ a stray byte in UTF-8


def test_a_utf8_text_cut_mid_character_at_its_end_loses_only_that_character() -> None:
    data = DOCUMENT.rstrip("\n").encode() + "ệ".encode()[:2]
    d = decode_bytes(data, "cut.txt")
    assert d.encoding == "utf-8" and d.text == CLEAN.rstrip("\n") + "\ufffd"
    assert [w.code for w in d.warnings] == ["invalid-utf8"] and "line 19" in d.warnings[0].message
    _fields_read(data)


def test_one_invalid_byte_inside_a_utf8_text_is_one_replacement_character() -> None:
    at = DOCUMENT.encode().index(b"Th\xe1\xbb\xb1c")  # before a word, not inside a character
    data = DOCUMENT.encode()[:at] + b"\xff" + DOCUMENT.encode()[at:]
    d = decode_bytes(data, "stray.txt")
    assert d.text.replace("\ufffd", "") == CLEAN and d.text.count("\ufffd") == 1
    assert [w.code for w in d.warnings] == ["invalid-utf8"] and "not valid UTF-8: 1 (line 10)" in d.warnings[0].message
    _fields_read(data)


def test_invalid_bytes_scattered_through_a_utf8_text_are_each_one_replacement_character() -> None:
    data = scattered(DOCUMENT.encode(), 97)
    d = decode_bytes(data, "scattered.txt")
    assert d.encoding == "utf-8" and [w.code for w in d.warnings] == ["invalid-utf8"]
    # each bad byte spoils the character it cut (and the byte itself): the rest is read as written
    assert d.text.count("\ufffd") <= 2 * data.count(b"\x9f")
    assert sum(1 for ch in d.text if "\u1ea0" <= ch <= "\u1ef9") > 0.8 * sum(1 for ch in CLEAN if "\u1ea0" <= ch <= "\u1ef9")


def test_invalid_bytes_between_words_of_a_utf8_text_leave_every_word_as_written() -> None:
    data = scattered(DOCUMENT.encode(), 97, before=b" ")
    d = decode_bytes(data, "scattered.txt")
    assert d.encoding == "utf-8" and d.text.count("\ufffd") == len(data) - len(DOCUMENT.encode()) > 5
    assert d.text.replace("\ufffd", "") == CLEAN
    _fields_read(data)


def test_a_stray_byte_glued_to_a_word_leaves_the_words_around_it_to_match() -> None:
    data = DOCUMENT.encode().replace("Số: 12".encode(), "Số:".encode() + b"\xff 12")
    text = decode_bytes(data).text
    assert "Số:\ufffd 12/KH-UBND" in text and "Số:  12/KH-UBND" in matching_view(text)
    _fields_read(data)


def test_a_clean_utf8_text_has_no_warning() -> None:
    d = decode_bytes(DOCUMENT.encode(), "clean.txt")
    assert (d.encoding, d.warnings) == ("utf-8", [])


# ------------------------------------------------------------------ a file mixing encodings


def test_a_utf8_header_over_a_windows_1258_body_is_read_part_by_part() -> None:
    body = cp1258("\n".join(DOCUMENT.split("\n")[6:]))
    data = utf8_header_over(body)
    d = decode_bytes(data, "mixed.txt")
    assert d.text == CLEAN and d.encoding == "utf-8+cp1258"
    assert [w.code for w in d.warnings] == ["mixed-encoding"]
    assert "lines 7–19 are not UTF-8" in d.warnings[0].message and "Windows-1258" in d.warnings[0].message
    _fields_read(data)


def test_a_utf8_header_over_a_tcvn3_body_reads_the_body_back_from_tcvn3() -> None:
    data = utf8_header_over(TCVN3_LINES.encode("cp1252"), header_lines=3)
    d = decode_bytes(data, "mixed.txt")
    assert d.encoding == "utf-8+tcvn3" and d.text.split("\n")[3:6] == TCVN3_READ
    assert d.text.split("\n")[:3] == CLEAN.split("\n")[:3]


def test_a_windows_1258_file_is_still_read_whole_as_windows_1258() -> None:
    d = decode_bytes(cp1258(DOCUMENT), "old.txt")
    assert d.text == CLEAN and d.encoding == "cp1258" and [w.code for w in d.warnings] == ["decoding-fallback"]


def test_a_windows_1258_file_with_a_chance_utf8_sequence_is_still_read_whole() -> None:
    """``Â`` before a closing quote is a valid two-byte UTF-8 sequence in Windows-1258 bytes."""
    text = DOCUMENT.replace("KẾ HOẠCH", "KẾ HOẠCH “CHÂ”")
    d = decode_bytes(cp1258(text), "old.txt")
    assert d.encoding == "cp1258" and "“CHÂ”" in d.text


def test_a_tcvn3_file_is_still_read_as_tcvn3() -> None:
    d = decode_bytes(TCVN3_LINES.encode("cp1252"), "tcvn3.txt")
    assert d.encoding == "tcvn3" and d.text.split("\n")[:3] == TCVN3_READ


# ------------------------------------------------------------------ HTML whose declared charset lies


BODY = "<p>Ủy ban nhân dân xã tăng cường công tác dân vận, thực hiện Kế hoạch số 12/KH-UBND</p>"
BODY_TEXT = "Ủy ban nhân dân xã tăng cường công tác dân vận, thực hiện Kế hoạch số 12/KH-UBND"


def _page(charset: str | None, body: bytes) -> bytes:
    meta = f"<meta charset='{charset}'>" if charset else ""
    return f"<html><head>{meta}</head><body>".encode() + body + b"</body></html>"


@pytest.mark.parametrize(("charset", "body", "read_as"), [
    pytest.param("utf-8", cp1258(BODY), "windows-1258", id="cp1258-under-utf-8"),
    pytest.param("windows-1252", BODY.encode(), "utf-8", id="utf-8-under-windows-1252"),
    pytest.param("iso-8859-1", BODY.encode(), "utf-8", id="utf-8-under-latin-1"),
    pytest.param("utf-16", BODY.encode(), "utf-8", id="utf-8-under-utf-16"),
    pytest.param("utf-7", BODY.encode(), "utf-8", id="utf-8-under-utf-7"),
    pytest.param("windows-1252", BODY.encode()[:40] + b"\xff" + BODY.encode()[40:], "utf-8", id="utf-8-with-a-bad-byte-under-1252"),
])
def test_a_page_whose_declared_charset_lies_is_read_by_its_bytes_with_a_warning(charset: str, body: bytes,
                                                                                 read_as: str) -> None:
    d = decode_file(_page(charset, body), "page.html")
    assert d.encoding == read_as
    assert d.text.replace("\ufffd", "") == BODY_TEXT
    assert d.warnings[0].code == "charset-mismatch" and f"declares {charset}" in d.warnings[0].message


@pytest.mark.parametrize(("charset", "body", "read_as"), [
    pytest.param("utf-8", BODY.encode(), "utf-8", id="utf-8"),
    pytest.param("windows-1252", "<p>Ph\xf2ng \x93N&#7897;i v&#7909;\x94</p>".encode("latin-1"), "windows-1252",
                 id="word-page-in-windows-1252"),
    pytest.param("windows-1258", cp1258(BODY), "windows-1258", id="windows-1258"),
    pytest.param(None, BODY.encode(), "utf-8", id="undeclared-utf-8"),
])
def test_a_page_whose_bytes_bear_out_its_charset_is_read_so_without_a_warning(charset: str | None, body: bytes,
                                                                               read_as: str) -> None:
    d = decode_file(_page(charset, body), "page.html")
    assert d.encoding == read_as and d.warnings == []
    assert "Nội vụ" in d.text or BODY_TEXT in d.text


def test_an_undeclared_page_of_windows_1258_bytes_is_read_as_windows_1258_and_one_of_1252_as_1252() -> None:
    d = decode_file(_page(None, cp1258(BODY)), "page.html")
    assert d.encoding == "windows-1258" and d.text == BODY_TEXT
    french = decode_file(_page(None, "<p>Le présent décret entre en vigueur</p>".encode("cp1252")), "fr.html")
    assert french.encoding == "windows-1252" and french.text == "Le présent décret entre en vigueur"


# ------------------------------------------------------------------ UTF-16 without its byte-order mark


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_a_utf16_text_or_page_without_its_byte_order_mark_is_read_as_utf16(enc: str) -> None:
    text = decode_file(DOCUMENT.encode(enc), "unicode.txt")
    assert (text.encoding, text.text) == (enc, CLEAN)
    _fields_read(DOCUMENT.encode(enc))
    page = decode_file(_page("utf-16", BODY.encode()).decode().encode(enc), "unicode.html")
    assert page.encoding == enc and page.text == BODY_TEXT


def test_binary_made_of_small_16_bit_numbers_is_still_no_text() -> None:
    import struct

    samples = struct.pack("<4096h", *[(i * 37) % 200 - 100 for i in range(4096)])
    with pytest.raises(DanvanInputError, match="binary content"):
        decode_file(samples, "sound.txt")
    with pytest.raises(DanvanInputError, match="binary content"):
        decode_file(DOCUMENT.encode("utf-16-le")[:-1], "cut.txt")  # an odd length is no UTF-16
