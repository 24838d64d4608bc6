"""No new Vietnamese word list inside the code's patterns: word lists live in data/lexicon/.

``tests/support/lexicon_scan.py`` finds an alternation of three or more Vietnamese words in
the code's strings. ``ALLOWED`` holds the few that must stay (grammar, not vocabulary: the
case forms of one word, the label words of the outline grammar). ``NOT_MOVED_YET`` counts,
per module, the lists written before the rule that still wait to be moved: the count may
only go down (a module with fewer lists must lower its count here, so the count never hides
a new list), and a module not named may hold none.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from support.lexicon_scan import lists_in_source, word_lists

PACKAGE = Path(__file__).resolve().parent.parent / "danvan_cli"

#: (module, the words) that stay in code, and why.
ALLOWED: dict[tuple[str, tuple[str, ...]], str] = {
    ("danvan_cli/text/labels.py", ("PHẦN", "Phần", "CHƯƠNG", "Chương", "MỤC", "Mục")):
        "the outline grammar's part labels, one pattern with the numeral that follows",
    ("danvan_cli/text/formats/tabzones.py", ("Điều", "Chương", "Mục", "Phần")):
        "the same labels before a Word tab, read below the layout (which text/labels.py serves)",
    ("danvan_cli/text/layout.py", ("Số", "SỐ", "số")): "one word in its three cases",
    ("danvan_cli/extract/header.py", ("Số", "SỐ", "số")): "one word in its three cases",
    ("danvan_cli/text/layout.py", ("ngày", "tháng", "năm")): "the frame of a written date (ngày … tháng … năm)",
}

#: Lists still in code, per module, waiting to be moved to data/lexicon/ (only ever lowered).
NOT_MOVED_YET: dict[str, int] = {
    "danvan_cli/extract/assignees.py": 6,
    "danvan_cli/extract/deadlines.py": 6,
    "danvan_cli/extract/header.py": 5,
    "danvan_cli/extract/outline.py": 1,
    "danvan_cli/extract/own_issuer.py": 2,
    "danvan_cli/extract/timeexpr.py": 9,
    "danvan_cli/text/units.py": 1,
}


def test_no_module_holds_more_word_lists_in_code_than_it_did() -> None:
    found = [w for w in word_lists(PACKAGE) if (w.path, w.words) not in ALLOWED]
    per_module = Counter(w.path for w in found)
    grown = {m: n for m, n in per_module.items() if n > NOT_MOVED_YET.get(m, 0)}
    assert not grown, "word lists in code (move them to data/lexicon/*.yaml):\n" + "\n".join(
        f"{w.path}:{w.line}: {'|'.join(w.words)}" for w in found if w.path in grown)
    shrunk = {m: (NOT_MOVED_YET[m], per_module.get(m, 0)) for m in NOT_MOVED_YET if per_module.get(m, 0) < NOT_MOVED_YET[m]}
    assert not shrunk, f"lists moved out of code: lower NOT_MOVED_YET to what is left (was, now): {shrunk}"


def test_every_allowed_list_is_still_in_the_code() -> None:
    found = {(w.path, w.words) for w in word_lists(PACKAGE)}
    assert set(ALLOWED) <= found, set(ALLOWED) - found


def test_a_planted_list_of_unit_heads_in_a_pattern_is_found() -> None:
    source = 'import regex\nHEADS = regex.compile(r"(?:Sở|Phòng|Ủy\\s+ban\\s+nhân\\s+dân)\\s+\\p{Lu}")\n'
    [found] = lists_in_source(source, "planted.py")
    assert (found.line, found.words) == (2, ("Sở", "Phòng", r"Ủy\s+ban\s+nhân\s+dân"))


def test_two_spellings_ascii_words_and_docstrings_are_no_list() -> None:
    source = ('"""Sở|Phòng|Ban in a docstring is prose."""\n'
              'MONG = r"(?:mồng|mùng)\\s+"\n'
              'FORMS = r"(?:json|yaml|csv)"\n'
              'ESCAPES = r"\\d|\\s|\\w"\n')
    assert lists_in_source(source) == []
