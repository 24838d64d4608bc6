"""Outline labels: ``PHẦN I``, ``I.``, ``Điều 1.``, ``1.``/``1.1``, ``a)``, ``-``, ``+`` at a line's start.

Why a module of its own, below the layout: the layout decides where the numbered body of a
document starts by the same labels the outline builds its tree from (``extract.outline``), and
the relations of a document (``resolve.relations``) read the same labels; one grammar, read
once, at the lowest stage that needs it.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

__all__ = [
    "ARABIC_LABEL", "DASH_LABEL", "DIEU_LABEL", "LETTER_LABEL", "PLUS_LABEL", "ROMAN_LABEL",
    "RANK_PART", "RANK_ROMAN", "RANK_DIEU", "RANK_ARABIC", "RANK_LETTER", "RANK_DASH", "RANK_PLUS",
    "Label", "read_label",
]

_ROMAN = r"(?P<roman>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))"
ROMAN_LABEL = regex.compile(
    r"(?:(?P<part>PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s{1,5}" + _ROMAN + r"(?:\s{0,3}[.:\-–)]\s{0,5}|\s{1,5}|$)"
    r"|" + _ROMAN.replace("roman", "roman2") + r"\s{0,2}[.:)\-–]\s{0,5})(?=\S|$)"
)
DIEU_LABEL = regex.compile(r"(?:Điều|ĐIỀU)\s{1,5}(?P<n>\d{1,3})\s{0,2}[.:]\s{0,5}(?=\S|$)")
ARABIC_LABEL = regex.compile(
    r"(?P<n>\d{1,2}(?:\s?\.\s?\d{1,2}){0,3})(?:\s?(?P<term>[.)])(?!\d)\s{0,5}|\s{1,5}(?=\p{Lu}))(?=\S)"
)
#: Vietnamese alphabet points: no f, j, w, z.
LETTER_LABEL = regex.compile(r"(?P<l>[a-eg-ik-vxyđ])(?:\s?\)\s{0,5}|\.\s{1,5}(?=\p{Lu}))(?=\S)")
DASH_LABEL = regex.compile(r"[-–—•]\s{0,5}(?=\S)")
PLUS_LABEL = regex.compile(r"\+\s{0,5}(?=\S)")

RANK_PART, RANK_ROMAN, RANK_DIEU, RANK_ARABIC, RANK_LETTER, RANK_DASH, RANK_PLUS = 0, 1, 2, 3, 8, 9, 10

@dataclass(slots=True)
class Label:
    """A label at the start of a line: its rank, its own id, where its text starts."""

    rank: float
    id: str
    content: int


#: The characters each label opens with (see the patterns above): ``Phần``/``Chương``/``Mục``
#: or a Roman numeral, a dash, a point's letter (any other first character — most body
#: paragraphs open with a capital — is no label, and no pattern is tried).
_ROMAN_FIRST = frozenset("PCMIVX")
_DASH_FIRST = frozenset("-–—•")
_LETTER_IDS = frozenset("abcdeghiklmnopqrstuvxyđ")


#: Blanks inside a label's number (``1. 2.``), taken out (compiled once: ``regex.sub`` with a
#: pattern string looks it up in the module's cache on every call).
_BLANK = regex.compile(r"\s")


def read_label(view: str, pos: int, end: int) -> Label | None:
    """The outline label at ``pos`` (line start, spaces already skipped), or ``None``.

    Each label pattern opens with its own characters (``Phần``/``Chương``/``Mục`` and Roman
    numerals, ``Điều``, a digit, a point's letter, a dash, a plus), so the first character
    says which one to try: the others cannot match there."""
    c = view[pos : pos + 1]
    if c in _ROMAN_FIRST:
        m = ROMAN_LABEL.match(view, pos, end)
        if m is not None and (m.group("roman") or m.group("roman2")):
            if m.group("part"):
                return Label(RANK_PART, m.group("roman"), m.end())
            return Label(RANK_ROMAN, m.group("roman2"), m.end())
        return None
    if c == "Đ":
        m = DIEU_LABEL.match(view, pos, end)
        return Label(RANK_DIEU, m.group("n"), m.end()) if m is not None else None
    if c in _DASH_FIRST:
        m = DASH_LABEL.match(view, pos, end)
        return Label(RANK_DASH, "-", m.end()) if m is not None else None
    if c == "+":
        m = PLUS_LABEL.match(view, pos, end)
        return Label(RANK_PLUS, "+", m.end()) if m is not None else None
    if c in _LETTER_IDS:
        nxt = view[pos + 1 : pos + 2]
        if nxt not in (")", ".") and not nxt.isspace():
            return None  # a point is "a)", "a )" or "a. " : a word opening in lower case is none
        m = LETTER_LABEL.match(view, pos, end)
        return Label(RANK_LETTER, m.group("l"), m.end()) if m is not None else None
    if not c.isdigit():  # str.isdigit holds every character the patterns' \d matches
        return None
    m = ARABIC_LABEL.match(view, pos, end)
    if m is None:
        return None
    n = _BLANK.sub("", m.group("n"))
    depth = n.count(".")
    if depth == 0 and m.group("term") is None:
        return None
    if depth > 0 and m.group("term") == ")":
        return None
    return Label(RANK_ARABIC + depth, n, m.end())
