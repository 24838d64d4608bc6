"""TCVN3 (ABC) and VNI texts are told by their statistics and read back to Unicode.

The strings below are what those encodings are known to look like when read as
Windows-1252 ("Céng hoµ x· héi chñ nghÜa ViÖt Nam" is the classic TCVN3 mojibake of
the Quốc hiệu, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" the VNI one); the VNI
encoder here is written from the VNI keyboard rules, apart from danvan's tables.
"""

from __future__ import annotations

import unicodedata

import pytest

from danvan_cli.text.formats import legacy
from danvan_cli.text.read import decode_bytes
from support.hostile import cp1258

QUOC_HIEU = "Cộng hòa xã hội chủ nghĩa Việt Nam"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SENTENCE = "Ủy ban nhân dân xã tăng cường công tác dân vận, thực hiện Kế hoạch số 12/KH-UBND ngày 15 tháng 10 năm 2024"

TCVN3 = {
    QUOC_HIEU: "Céng hßa x· héi chñ nghÜa ViÖt Nam",
    MOTTO: "§éc lËp - Tù do - H¹nh phóc",
}

# VNI: the tone or hat rides on the byte after the letter (lower/upper twins).
_VNI_MARKS = {
    "\u0301": ("ù", "Ù"), "\u0300": ("ø", "Ø"), "\u0309": ("û", "Û"), "\u0303": ("õ", "Õ"), "\u0323": ("ï", "Ï"),
    "\u0302": ("â", "Â"), "\u0302\u0301": ("á", "Á"), "\u0302\u0300": ("à", "À"), "\u0302\u0309": ("å", "Å"),
    "\u0302\u0303": ("ã", "Ã"), "\u0302\u0323": ("ä", "Ä"), "\u0306": ("ê", "Ê"), "\u0306\u0301": ("é", "É"),
    "\u0306\u0300": ("è", "È"), "\u0306\u0309": ("ú", "Ú"), "\u0306\u0303": ("ü", "Ü"), "\u0306\u0323": ("ë", "Ë"),
}
_VNI_I = {"í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ", "ơ": "ô", "ư": "ö"}


def to_vni(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if ord(ch) < 128:
            out.append(ch)
            continue
        if low in _VNI_I:
            v = _VNI_I[low]
            out.append(v.upper() if ch.isupper() else v)
            continue
        nfd = unicodedata.normalize("NFD", ch)
        base, marks = nfd[0], nfd[1:]
        if "\u031b" in marks:  # horn: ơ/ư are one byte, then the tone
            horn = unicodedata.normalize("NFC", base + "\u031b")
            v = _VNI_I[horn.lower()]
            out.append(v.upper() if ch.isupper() else v)
            marks = marks.replace("\u031b", "")
        else:
            out.append(base)
        if marks:
            hat = "".join(m for m in marks if m in "\u0302\u0306")
            tone = "".join(m for m in marks if m not in "\u0302\u0306")
            lo, up = _VNI_MARKS[hat + tone]
            out.append(up if base.isupper() else lo)
    return "".join(out)


def test_vni_encoder_matches_the_known_mojibake() -> None:
    assert to_vni(QUOC_HIEU) == "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
    assert to_vni("ĐỘC LẬP") == "ÑOÄC LAÄP"


@pytest.mark.parametrize("unicode_text", [QUOC_HIEU, MOTTO])
def test_tcvn3_known_strings_convert(unicode_text: str) -> None:
    assert legacy.convert(TCVN3[unicode_text], "tcvn3") == unicode_text


@pytest.mark.parametrize("unicode_text", [QUOC_HIEU, MOTTO, SENTENCE, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quyết định, lưỡng, khuỷu, nguyễn, thuở"])
def test_vni_round_trips(unicode_text: str) -> None:
    assert legacy.convert(to_vni(unicode_text), "vni") == unicode_text


def test_tcvn3_capitals_font_gives_capitals() -> None:
    """.VnTimeH draws the lower-case bytes as capitals: a header line typed in it."""
    assert legacy.convert("ñy ban nh©n d©n", "tcvn3", upper=True) == "ỦY BAN NHÂN DÂN"


def test_tcvn3_quotes_stay_quotes_and_vn1_capitals_are_read_inside_capital_words() -> None:
    # Windows-1252 quotes and dashes in an ABC text, beside VN1 capitals bytes (0x84 = Ạ).
    text = "“Ngµy héi” – " + b"HO\x84CH".decode("cp1252")
    assert legacy.convert(text, "tcvn3") == "“Ngày hội” – HOẠCH"


def test_detection_needs_many_words_not_one() -> None:
    # One TCVN3-looking word in a Unicode text is a typo, not an encoding.
    assert legacy.detect("Ủy ban nhân dân xã thực hiện Kế hoạch; hoµ") is None
    assert legacy.detect("x· héi") is None  # two words: too few to tell


@pytest.mark.parametrize("text", [
    "Le français est une langue très élégante, où l'on écrit été, à côté, garçon, forêt.",
    "Die Prüfung für Übergrößen läuft während der Woche, schön.",
    SENTENCE + " " + QUOC_HIEU,
])
def test_other_languages_and_unicode_vietnamese_are_not_taken_for_legacy(text: str) -> None:
    assert legacy.detect(text) is None


def test_tcvn3_and_vni_are_told_apart() -> None:
    tcvn3 = " ".join(TCVN3.values()) + " Uû ban nh©n d©n x· t¨ng c­êng c«ng t¸c d©n vËn"
    vni = to_vni(" ".join([QUOC_HIEU, MOTTO, SENTENCE]))
    assert legacy.detect(tcvn3) == "tcvn3"
    assert legacy.detect(vni) == "vni"


def test_a_vni_text_file_is_converted_with_a_warning() -> None:
    data = to_vni("\n".join(["KẾ HOẠCH", "Triển khai công tác dân vận năm 2025", SENTENCE, QUOC_HIEU])).encode("cp1252")
    d = decode_bytes(data, "vni.txt")
    assert d.encoding == "vni" and [w.code for w in d.warnings] == ["legacy-encoding"]
    assert d.text.split("\n")[0] == "KẾ HOẠCH" and d.text.split("\n")[2] == SENTENCE


def test_a_utf8_file_holding_tcvn3_characters_is_converted() -> None:
    """A TCVN3 document pasted into a Unicode editor keeps the Windows-1252 characters."""
    text = "\n".join([TCVN3[QUOC_HIEU], TCVN3[MOTTO], "Uû ban nh©n d©n x· t¨ng c­êng c«ng t¸c d©n vËn"])
    d = decode_bytes(text.encode("utf-8"), "pasted.txt")
    assert d.encoding == "utf-8+tcvn3"
    assert d.text.split("\n")[:2] == [QUOC_HIEU, MOTTO]


def test_windows_1258_text_is_still_the_fallback_not_a_legacy_font() -> None:
    text = "Thủ tướng Chính phủ yêu cầu các bộ, ngành tăng cường công tác dân vận"
    d = decode_bytes(cp1258(text), "old.txt")
    assert d.encoding == "cp1258" and d.warnings[0].code == "decoding-fallback"
    assert d.text == text


def test_font_names_tell_the_encoding() -> None:
    assert legacy.font_encoding(".VnTime") == ("tcvn3", False)
    assert legacy.font_encoding(".VnTimeH") == ("tcvn3", True)
    assert legacy.font_encoding("VNI-Times") == ("vni", False)
    assert legacy.font_encoding("Times New Roman") is None
