"""The fast paths of the parser give exactly what the thorough ones give.

``scan.Anchored`` finds exactly what the pattern it wraps finds.

The anchored scan is a speed device: the patterns that use it (the deadline cue, the
``định kỳ 6 tháng`` / ``hằng quý`` forms, a line opening with ``Căn cứ``) must give the same
matches, in the same order, over any stretch ``[pos, endpos)``, as their own ``finditer`` and
``search``. Checked on invented sentences of every shape the patterns read (every cue list,
upper case, a zero-width ``cuối năm``, a cue glued to a letter, lines with labels) and on
texts assembled at random from those pieces.

A deadline's sentence (``deadlines._Scope.sentence``) is read from its own surroundings for the
first questions of a region and from the region's boundary list after: both give the same.
"""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan_cli.extract import deadlines, scan, timeexpr
from danvan_cli.refdata import words
from danvan_cli.resolve import relations

PAIRS = [
    (deadlines.CUE_SCAN, deadlines.CUE),
    (timeexpr._YEARLY_WORDS_SCAN, timeexpr.YEARLY_WORDS),
    (timeexpr._EVERY_N_MONTHS_SCAN, timeexpr.EVERY_N_MONTHS),
    (relations._BASIS_LINE_SCAN, relations._BASIS_LINE),
]

SENTENCES = [
    "Các sở báo cáo UBND tỉnh trước ngày 15/12/2024.",
    "Thời gian thực hiện: Từ tháng 10/2023 đến quý II/2024",
    "THỜI GIAN HOÀN THÀNH: TRONG THÁNG 4/2026",
    "Đợt 1: Trong tháng 8/2024; Giai đoạn II: năm 2025",
    "Dự kiến hoàn thành vào quý III/2025, chậm nhất là ngày 30/9/2025",
    "báo cáo cuối năm 2025 và giữa các quý, đầu tháng",
    "Hạn chót vào ngày 5/6; muộn nhất vào 10/6; không quá 15 ngày",
    "xong trước 20/10, hoàn thành xong trong tuần, đến hết năm",
    "Bộtrước ngày 1/1 (glued: not a cue), Átrong, vàotrong",
    "định kỳ 6 tháng, hằng quý, hàng tháng, mỗi quý, định kỳ hằng tháng, Định kỳ sáu tháng",
    "báo cáo hằng năm, định kỳ hàng năm, tổng kết  mỗi năm, sơ kết hằng năm; chương trình hằng năm",
    "Căn cứ Luật Tổ chức chính quyền địa phương;\n1. Căn cứ Nghị định 30/2020/NĐ-CP;",
    "  **II. CĂN CỨ XÂY DỰNG KẾ HOẠCH**\n- căn cứ vào tình hình; Căncứ",
    "Thực hiện Chỉ thị số 33/CT-TTg, căn cứ nhiệm vụ, các đơn vị triển khai trong quý I.",
]


def _spans(it):
    return [(m.start(), m.end(), m.group(0)) for m in it]


def _same(text: str) -> None:
    for fast, pat in PAIRS:
        assert _spans(fast.finditer(text)) == _spans(pat.finditer(text)), pat.pattern[:60]
        n = len(text)
        for pos, endpos in ((0, n), (1, n), (n // 3, 2 * n // 3), (n // 2, n), (0, max(0, n - 7))):
            assert _spans(fast.finditer(text, pos, endpos)) == _spans(pat.finditer(text, pos, endpos))
            a, b = fast.search(text, pos, endpos), pat.search(text, pos, endpos)
            assert (a and a.span()) == (b and b.span())


def test_anchored_patterns_find_what_their_pattern_finds_in_each_shape() -> None:
    for s in SENTENCES:
        _same(s)
    _same("\n".join(SENTENCES))
    _same(" ".join(SENTENCES).upper())


def test_every_cue_word_is_found_by_the_anchored_cue() -> None:
    lists = ("approximate_cues", "strong_cues", "weak_cues")
    for name in lists:
        for w in words("deadlines", name):
            text = f"Các đơn vị báo cáo {w} ngày 15/12/2024; {w.upper()} tháng 3."
            got = _spans(deadlines.CUE_SCAN.finditer(text))
            assert got == _spans(deadlines.CUE.finditer(text))
            assert got, w


def test_anchored_scan_caches_per_text_and_sees_a_new_text() -> None:
    s = scan.Anchored(regex.compile(r"(?i)(?<!\p{L})(?:trước|trong)(?!\p{L})"), ["trước", "trong"])
    assert [m.start() for m in s.finditer("trước và trong")] == [0, 9]
    assert [m.start() for m in s.finditer("x trong")] == [2]


PIECES = SENTENCES + [" ", "\n", "\n\n", ", ", "; ", ": ", "**", "|", "trước", "cuối", "năm", "hằng",
                      "quý", "Căn", "cứ", "1.", "II.", "đến", "hết", "định kỳ", "tháng", "12", "x"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_anchored_patterns_agree_on_assembled_texts(parts: list[str]) -> None:
    _same("".join(parts))


SENTENCE_TEXT = (
    "1. Các sở báo cáo trước ngày 15/12/2024; Sở Nội vụ tổng hợp\ntrước ngày 20/12. Hằng quý, các xã\n"
    "gửi báo cáo: trong tháng 3.\n\n- Thời gian: quý II/2025\na) UBND huyện hoàn thành vào 30/6 ! Ok? "
    + "x " * 500 + "trước ngày 1/7. Cuối cùng\nvà thêm một dòng\nKết thúc"
)


def test_a_deadline_sentence_is_the_same_read_locally_or_from_the_region_list() -> None:
    from danvan_cli.extract.deadlines import _DIRECT_QUERIES, _Scope, _Spans

    view = SENTENCE_TEXT
    for lo, hi in ((0, len(view)), (5, len(view) - 9), (40, 300)):
        points = [(a, min(hi, a + 6)) for a in range(lo, hi, 7)]
        local = _Scope.build(view, (lo, hi), _Spans([]), [])
        full = _Scope.build(view, (lo, hi), _Spans([]), [])
        full.sentences_asked = _DIRECT_QUERIES  # answers from the region's list from the start
        for a, b in points:
            fresh = _Scope.build(view, (lo, hi), _Spans([]), [])
            assert fresh.sentence(a, b) == full.sentence(a, b) == local.sentence(a, b), (lo, hi, a, b)
        assert full.b_starts is not None


def test_the_number_window_gate_lets_through_every_window_a_type_word_pattern_matches() -> None:
    from danvan_cli.extract import citations as ct

    windows = [
        "theo Chỉ thị số ", "Quyết định số: ", "QUYẾT ĐỊNH SỐ", "Kế hoạch\n", "Công văn số:\t", "số", "Số ",
        "Nghị quyết  số  :  ", "Chỉ thị số\n", "Thông báo", "Quyết định số\u00a0", "văn bản số 12 và ",
    ]
    for w in windows:
        for k in range(len(w) + 1):
            before = w[:k]
            matched = ct._type_before_re().search(before) or ct._SO_BEFORE.search(before)
            gate = bool(before) and ct._BEFORE_NUMBER_TAIL.match(before, len(before) - 1) is not None
            assert gate or not matched, repr(before)


def test_hard_wrapped_counts_the_breaks_as_a_scan_of_every_break_does() -> None:
    from danvan_cli.extract import wrap

    def reference(view: str) -> bool:
        lower = letters = 0
        for m in regex.finditer(r"\n[ \t*_]*+(?=\S)", view):
            c = view[m.end()]
            if c.isalpha():
                letters += 1
                lower += c.islower()
        return letters >= wrap._MIN_BREAKS and lower >= wrap._WRAPPED_SHARE * letters

    texts = [
        "Nghị định số\n63/2010/NĐ-CP và\nquy định\n" * 5,
        "1. Sở Nội vụ\n2. Sở Tư pháp\n**3.** Sở Tài chính\n" * 4,
        "gửi Sở Tư\n  pháp trước\n\t**ngày** 12\n_tháng_ 3\n" * 3 + "\n\nKết thúc\nđoạn\n",
        "\n" * 30 + "a",
        "",
    ]
    for t in texts:
        assert wrap.hard_wrapped(t) == reference(t)


def _sentence_by_list(view: str, pos: int) -> tuple[int, int]:
    from bisect import bisect_right

    from danvan_cli.resolve.references import sentence_bounds

    starts = sentence_bounds(view, 0, len(view))
    i = bisect_right(starts, pos) - 1
    return starts[max(i, 0)], (starts[i + 1] if i + 1 < len(starts) else len(view))


SENTENCE_PIECES = ["Căn cứ Luật", " ", "  ", "\n", "\n\n", "\t", ". ", ".", "! ", "? ", ":", ": \n", ":\n",
                   "**", "_", "/.", "Sở Nội vụ", "báo cáo", "1. ", "a) ", "- ", "+ ", "“Về việc”", "(kèm theo)",
                   "Chỉ thị số 33/CT-TTg", "2024", "và\n", "của\n", " " * 50, "\n" * 12, "x"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=40))
def test_a_citation_sentence_read_from_its_surroundings_is_the_listed_one(parts: list[str]) -> None:
    from danvan_cli.resolve.references import Sentences

    view = "".join(parts)
    for pos in range(len(view)):
        assert Sentences(view).at(pos) == _sentence_by_list(view, pos), pos


def test_a_sentence_past_the_direct_reach_is_read_from_the_whole_list() -> None:
    from danvan_cli.resolve import references

    reach = references._DIRECT_REACH
    texts = [
        "Mở đầu. " + " " * (3 * reach) + "Chỉ thị số 1/CT-TTg. Kết thúc.",
        "Mở đầu. " + "chữ " * reach + "Chỉ thị số 1/CT-TTg và " + "chữ " * reach + ". Cuối.",
        "A.\n" + "\n" * (2 * reach) + "Chỉ thị 1/CT-TTg\n\nB",
        ("Câu một. Câu hai: \n- ý một;\n- ý hai.\n" * 200),
    ]
    for view in texts:
        probe = references.Sentences(view)
        for pos in list(range(0, len(view), 97)) + [view.find("Chỉ thị")]:
            assert probe.at(pos) == _sentence_by_list(view, pos), pos


def test_the_lower_case_anchor_search_misses_no_case_insensitive_match() -> None:
    """Every character the regex module matches case-insensitively to a letter of an anchor
    in use lowers to that letter's lower case, one character for one (or is one the scan
    treats as unsafe and searches with the regex instead)."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    letters = {ch for a in scan.INSTANCES for w in a.words for ch in w} | {ch for w in scan.HELD_WORDS for ch in w.lower()}
    assert letters
    for a in sorted(letters):
        for x in regex.findall("(?i)" + regex.escape(a), every):
            low = x.lower()
            assert low == a.lower() or len(low) != 1 or x in scan.UNSAFE_FOR_LOWER, (a, hex(ord(x)))


def test_an_anchored_scan_finds_the_same_in_a_text_it_cannot_lower_safely() -> None:
    for extra in ("ſ", "ẛ", "İ"):
        for s in SENTENCES:
            _same(extra + " " + s + " " + extra)


def _read_label_trying_every_pattern(view: str, pos: int, end: int):  # type: ignore[no-untyped-def]
    """The label reader as it was: every pattern tried in rank order."""
    from danvan_cli.text import labels as o

    c = view[pos : pos + 1]
    if c not in frozenset("PCMIVXĐ-–—•+") and not c.isdigit():
        if c not in o._LETTER_IDS:
            return None
        nxt = view[pos + 1 : pos + 2]
        if nxt not in (")", ".") and not nxt.isspace():
            return None
    m = o.ROMAN_LABEL.match(view, pos, end)
    if m is not None and (m.group("roman") or m.group("roman2")):
        if m.group("part"):
            return o.Label(o.RANK_PART, m.group("roman"), m.end())
        return o.Label(o.RANK_ROMAN, m.group("roman2"), m.end())
    m = o.DIEU_LABEL.match(view, pos, end)
    if m is not None:
        return o.Label(o.RANK_DIEU, m.group("n"), m.end())
    m = o.ARABIC_LABEL.match(view, pos, end)
    if m is not None:
        n = regex.sub(r"\s", "", m.group("n"))
        depth = n.count(".")
        if depth == 0 and m.group("term") is None:
            return None
        if depth > 0 and m.group("term") == ")":
            return None
        return o.Label(o.RANK_ARABIC + depth, n, m.end())
    for pat, rank, ident in ((o.LETTER_LABEL, o.RANK_LETTER, "l"), (o.DASH_LABEL, o.RANK_DASH, None),
                             (o.PLUS_LABEL, o.RANK_PLUS, None)):
        m = pat.match(view, pos, end)
        if m is not None:
            return o.Label(rank, m.group(ident) if ident else ("-" if rank == o.RANK_DASH else "+"), m.end())
    return None


LABEL_HEADS = ["I.", "II. ", "IV)", "XII-", "V:", "Phần I", "PHẦN II.", "Chương III:", "Mục IV", "MỤC X –",
               "Điều 1.", "ĐIỀU 12:", "Điều 3", "1.", "1)", "1.2.", "3.2", "1. 2.", "12 ", "2)", "a)", "b.", "đ)",
               "f)", "a ", "ab", "- ", "– ", "—", "•", "+ ", "+", "Các", "Phòng", "Mặt trận", "Việc", "X",
               "²", "٣.", "", "  "]
LABEL_TAILS = ["", " ", "Sở Nội vụ", "các sở", "\n", " Nội dung", "1", ". Tiếp"]


def test_the_label_read_by_its_first_character_is_the_label_every_pattern_reads() -> None:
    from danvan_cli.text.labels import read_label

    for head in LABEL_HEADS:
        for tail in LABEL_TAILS:
            view = head + tail
            for end in (len(view), max(0, len(view) - 2)):
                assert read_label(view, 0, end) == _read_label_trying_every_pattern(view, 0, end), repr(view)


def test_the_lines_of_a_stretch_are_the_lines_a_scan_for_line_breaks_finds() -> None:
    from danvan_cli.extract.outline import _lines

    def by_find(view: str, start: int, end: int) -> list[tuple[int, int]]:
        out, pos = [], start
        while pos < end:
            nl = view.find("\n", pos, end)
            stop = end if nl == -1 else nl
            out.append((pos, stop))
            pos = stop + 1
        return out

    for view in ("", "\n", "\n\n", "a", "a\n", "a\nb", "a\n\nb\n", "\nx\n\n", "một\nhai ba\n\n\nbốn"):
        n = len(view)
        for a in range(n + 1):
            for b in range(a, n + 1):
                assert _lines(view, a, b) == by_find(view, a, b), (view, a, b)


def test_a_stretch_holding_a_weekly_form_is_seen_to_hold_its_word() -> None:
    from danvan_cli.extract.timeexpr import _WEEK, WEEK_OF_PERIOD, WEEKLY

    texts = ["Họp vào thứ hai hằng tuần; 8h30, thứ sáu các tuần", "tuần đầu tiên của tháng thứ 2 trong quý",
             "THỨ BA HÀNG TUẦN", "Tuần cuối của mỗi tháng", "ngày 15 hằng tháng, định kỳ 6 tháng", "không có gì"]
    for t in texts:
        for lo, hi in ((0, len(t)), (3, len(t)), (0, len(t) // 2)):
            if any(p.search(t, lo, hi) for p in (WEEKLY, WEEK_OF_PERIOD)):
                assert scan.may_hold(t, _WEEK, lo, hi), (t, lo, hi)
            if not scan.may_hold(t, _WEEK, lo, hi):
                assert "tuần" not in t[lo:hi].lower()
