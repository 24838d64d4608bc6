"""Remembering what a pure question about one line answers, across the lines of a corpus.

Why: the layout and the header ask the same few questions of every line near a document's
edges (is it an authority mark, a title, a person's name, a seal line?), several times per
line from several rules, and an archive repeats those lines from one document to the next
(``TM. ỦY BAN NHÂN DÂN``, ``CHỦ TỊCH``, ``Nơi nhận:``, a signer's name). Each answer costs a
few regex calls; remembering it costs a dictionary look-up.

``by_line`` wraps a function of one string whose answer depends on nothing else (the word
lists it reads are loaded once per process and never change) and that returns a value
nobody changes. Long strings are never remembered (a page-sized line would pin memory and is
seldom seen twice); the number of answers kept is bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

#: Lines longer than this are answered afresh each time.
MAX_REMEMBERED_LENGTH = 240
#: Answers each function keeps (least recently used ones go first).
MAX_ANSWERS = 8192

_R = TypeVar("_R")

#: Every remembered function's ``cache_clear`` (``forget`` calls them).
_CLEARS: list[Callable[[], None]] = []


def by_line(fn: Callable[[str], _R]) -> Callable[[str], _R]:
    """``fn`` with its answers remembered per line (see module doc)."""
    remembered = lru_cache(maxsize=MAX_ANSWERS)(fn)

    @wraps(fn)
    def answer(s: str) -> _R:
        return remembered(s) if len(s) <= MAX_REMEMBERED_LENGTH else fn(s)

    answer.cache_clear = remembered.cache_clear  # type: ignore[attr-defined]
    _CLEARS.append(remembered.cache_clear)
    return answer


def forget() -> None:
    """Drop every remembered answer: a benchmark that parses the same texts again starts
    each run as a fresh process would, so that it times the work, not the memory."""
    for clear in _CLEARS:
        clear()
