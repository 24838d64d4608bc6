"""Hard-wrapped lines: whether a line break ends a sentence or only wraps it.

Real texts often arrive hard-wrapped: web-text extractors and PDF exports break lines
inside sentences and even inside a citation ("Nghị định số\\n63/2010/NĐ-CP", "gửi Sở Tư
pháp\\ntrước ngày 12 tháng 3", "của Thủ tướng\\nChính phủ"). A break is a wrap when

- the next line goes on in lower case (in any text), or the line ends in a word that
  cannot end a sentence or a heading (``của``, ``số``, ``và``: ``continuation_words``) or a
  comma, and nothing opens the next line as a new item (a label, a bullet, a table cell);
- in a text that is hard-wrapped as a whole (many of its breaks go on in lower case), also
  a line ending in any word or number before a capital: there a short line ending in a
  word is no heading.

In a text written one paragraph per line, a line ending in a word (``1. Sở Nội vụ``) is a
heading and its break is real. Until the layout stage gives sentence starts, the sentence
readers of references and deadlines ask this module, so both see the same sentences.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from ..refdata import words

_ITEM_START = regex.compile(
    r"[ \t*_]*+(?:[\-+•|“\"]|\d{1,2}(?:\.\d{1,2}){0,3}[.)]\s|[a-zđ]\)|[IVX]{1,5}\.\s|(?:Điều|ĐIỀU)\s+\d|$)"
)
#: A line break and the first character after it, blanks and marks skipped.
_LINE_BREAK_NEXT = regex.compile(r"\n[ \t*_]*+(\S)")
#: A text is hard-wrapped when at least this share of its breaks between words go on in lower case.
_WRAPPED_SHARE = 0.2
_MIN_BREAKS = 8


@cache
def _continuation_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in words("wrap", "continuation_words"))


@lru_cache(maxsize=4)
def hard_wrapped(view: str) -> bool:
    """Whether ``view`` is hard-wrapped as a whole (see module doc). Remembered for the last
    few views (a pure function of the text): a parse asks many times, about its view and about
    the view with its citations blanked (relations), in turns."""
    lower = letters = 0
    for c in _LINE_BREAK_NEXT.findall(view):
        if c.isalpha():
            letters += 1
            lower += c.islower()
    return letters >= _MIN_BREAKS and lower >= _WRAPPED_SHARE * letters


def is_wrap(view: str, pos: int, *, any_word: bool = True) -> bool:
    """Whether the line break at ``view[pos]`` only wraps a sentence (see module doc).

    ``any_word=False`` leaves out the last rule (in a hard-wrapped text, any word before a
    capital): an article's title (``Điều 1. Phạm vi điều chỉnh``) stands on its own line
    in every text, wrapped or not."""
    n = len(view)
    q = pos + 1
    while q < n and view[q] in " \t*_":
        q += 1
    if q >= n or view[q] == "\n":
        return False  # the text's end or a blank line
    c = view[q]
    if c.islower() and view[q + 1 : q + 2] not in (")", "."):
        return True  # goes on in lower case ("a)" and "b." open points)
    if _ITEM_START.match(view, pos + 1):
        return False  # a new item
    if c.islower():
        return True
    p = pos - 1
    while p >= 0 and view[p] in " \t*_":
        p -= 1
    if p < 0:
        return False
    c = view[p]
    if c in ",(":
        return True
    if not (c.isalpha() or c.isdigit()):
        return False
    w = p
    while w > 0 and view[w - 1].isalpha() and p - w < 12:
        w -= 1
    if view[w : p + 1].casefold() in _continuation_words():
        return True
    return any_word and (c.islower() or c.isdigit()) and hard_wrapped(view)
