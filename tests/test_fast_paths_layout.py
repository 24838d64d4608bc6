"""The fast paths of the layout and header stages give exactly what the plain ones give.

Each fast path here replaced a plain reading that is kept beside it (a character loop, a scan
of every line, a pattern tried at every position) and is checked against it: on invented
stretches of every shape the plain reading handles (Markdown marks inside words, ``<br>``,
dashes of every kind, tabs, wide gaps, line breaks, blanks at either end, a mark cut by the
stretch's edge) and on texts assembled at random from those pieces.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan_cli.text.clean import clean, clean_plain
from danvan_cli.text.normalize import matching_view, normalize_text

#: Pieces a header or signature line is made of, in every form the readers hand over.
CLEAN_PIECES = [
    "ỦY BAN", "NHÂN DÂN", "Số", ":", " ", "  ", "   ", "     ", "\t", "\n", "\n\n", "\r", "\f", "\v",
    "**", "*", "_", "__", "|", "#", "## ", "\\", "\\-", "<br>", "<br/>", "<BR />", "<b", ">", "12",
    "/KH-UBND", "–", "—", "‑", "−", "-", "ngày", "tháng", "V", "Ă", "N PHÒNG", "Nguyễn Văn A", ".",
    "\u00a0", "\u2003", "\u200b", "x",
]

SHAPES = [
    "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH",
    "  Số: 12/KH-UBND  ",
    "Số: 12/QĐ–UBND\tNam Định, ngày 5 tháng 3 năm 2024",
    "**V****Ă****N PHÒNG** CHÍNH PHỦ",
    "tháng 1**1** năm 2023",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc",
    "| ỦY BAN NHÂN DÂN | CỘNG HÒA |\n| Số: 5/BC |   Hà Nội |",
    "KT. CHỦ TỊCH\n\n  PHÓ CHỦ TỊCH\n\n\n**Nguyễn Văn An**",
    "TM. ỦY BAN NHÂN DÂN      CHỦ TỊCH",
    "a  b\t\tc \n d\r\ne\f\vf",
    "   ",
    "",
]


def _all_stretches(text: str) -> None:
    view = matching_view(text)
    n = len(text)
    for a in range(n + 1):
        for b in range(a, n + 1):
            assert clean(text, view, a, b) == clean_plain(text, view, a, b), (text, a, b)


def test_clean_reads_every_stretch_of_each_shape_as_the_character_loop_does() -> None:
    for s in SHAPES:
        _all_stretches(s)
        _all_stretches(normalize_text(s))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(CLEAN_PIECES), max_size=12), st.integers(0, 200), st.integers(0, 200))
def test_clean_of_an_assembled_stretch_is_the_character_loops(parts: list[str], i: int, j: int) -> None:
    text = "".join(parts)
    for t in (text, normalize_text(text)):
        view = matching_view(t)
        a, b = sorted((min(i, len(t)), min(j, len(t))))
        assert clean(t, view, a, b) == clean_plain(t, view, a, b)
        assert clean(t, view, 0, len(t)) == clean_plain(t, view, 0, len(t))


def test_clean_of_a_plain_line_keeps_it_and_maps_each_character_to_its_offset() -> None:
    text = "xx ỦY BAN NHÂN DÂN yy"
    got = clean(text, text, 3, 18)
    assert got.s == "ỦY BAN NHÂN DÂN" and got.at == tuple(range(3, 18))


# --- lines and their parts ---------------------------------------------------------------------

LINE_PIECES = [
    "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND", "Hà Nội, ngày 5 tháng 3 năm 2024",
    "KẾ HOẠCH", "- Lưu: VT, CN. THỦ TƯỚNG", "- Như trên;", "KT. CHỦ TỊCH", "Nguyễn Văn An", "|", " | ", "||",
    "\n", "\n\n", " ", "   ", "\t", "     ", "\u2003", "\u00a0", "\x1c", "Nơi nhận:", "1. Các sở báo cáo.",
    "TM. ỦY BAN NHÂN DÂN      CHỦ TỊCH", "Số:      /KH", "ngày     tháng", "\tPHÓ CHỦ TỊCH", "x",
]
#: A crawler's flattened header (one long line) and a long line of prose: cut into virtual lines.
FLAT = ("ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "Số: 12/KH-UBND Nam Định, ngày 5 tháng 3 năm 2024 KẾ HOẠCH Triển khai công tác năm 2024. "
        + "Các sở, ngành thực hiện nhiệm vụ được giao. " * 10
        + "Nơi nhận: - Như trên; - Lưu: VT. KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Bình PHỤ LỤC I Danh mục")


def _same_lines(view: str, text: str | None) -> None:
    from danvan_cli.text.layout import _line_parts, _line_parts_plain, lines_of, lines_of_plain

    got = lines_of(view, text=text)
    assert got == lines_of_plain(view, text=text)
    for ln in got:
        assert _line_parts(view, ln) == _line_parts_plain(view, ln), (view, ln)


def test_the_lines_of_each_shape_are_those_a_scan_for_line_breaks_finds() -> None:
    for s in [*LINE_PIECES, FLAT, "\n".join(LINE_PIECES), FLAT + "\n" + "\n".join(LINE_PIECES), "", "\n"]:
        _same_lines(matching_view(s), s)
        _same_lines(s, None)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINE_PIECES + [FLAT]), max_size=14))
def test_the_lines_of_an_assembled_text_are_those_a_scan_for_line_breaks_finds(parts: list[str]) -> None:
    text = "".join(parts)
    _same_lines(matching_view(text), text)
