"""Finding a pattern fast by the words its matches start with, with exactly the same matches.

Why: the ``regex`` module scans quickly for a pattern that opens with a literal (``ngày``,
``căn cứ``: it skips ahead to the next occurrence), but a pattern that opens with an
alternation of words (the deadline cues ``trước|chậm nhất|trong|vào|...``, ``định kỳ|hàng|hằng``)
is tried at every position of the text: 80 ms per MB for the cue pattern alone, more than a
third of what a whole parse may take. Each word on its own is found by the fast literal scan.

:class:`Anchored` wraps a compiled pattern with its *anchors*: words one of which every match
starts with (case-insensitively). It finds where the anchors stand (once per text, with
``str.find`` on the text's lower case, itself made once per text for every such pattern, or with
each anchor's own case-insensitive pattern when lowering could miss one), tries the pattern only there, and yields exactly what ``pattern.finditer`` / ``pattern.search`` would:
the same leftmost, non-overlapping matches, with the same lookbehind and ``endpos`` rules,
since each is the pattern's own ``match`` at that position. With ``line=True`` the anchor may
stand anywhere on the match's line and the pattern is tried at the start of that line (for
``(?m)^...`` patterns such as a line opening with ``Căn cứ``).

What the caller guarantees: every match of the pattern starts with one of the anchors (or, with
``line=True``, starts a line holding one); and an empty match is never followed by a
non-empty one at the same position (a zero-width branch, if any, comes last and nothing else
matches where it does). ``tests/test_scan.py`` checks the patterns that use it against
``finditer`` on invented texts.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex


#: Characters the ``regex`` module's case-insensitive matching takes for a letter that
#: ``str.lower`` does not map to that letter's lower case (``ſ`` is an ``s``, ``ẛ`` a ``ṡ``):
#: a text holding one is searched with the anchors' own patterns. (``İ`` lowers to two
#: characters: caught by the length check.) ``tests/test_fast_paths.py`` checks, over every
#: Unicode character, that no other one matches a letter of the anchors in use.
UNSAFE_FOR_LOWER = "ſẛ"

@lru_cache(maxsize=1)
def _lower(text: str) -> str | None:
    """``text.lower()`` when a case-insensitive literal match in ``text`` is exactly a match
    of the lowered literal at the same offset (same length, no character of
    ``UNSAFE_FOR_LOWER``); ``None`` otherwise. Remembered for the last text (a pure function
    of it): every anchored pattern of a parse asks about the same view."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in UNSAFE_FOR_LOWER):
        return None
    return low


#: Every anchored pattern made (so that a test can check their anchors).
INSTANCES: list[Anchored] = []
#: The words ``may_hold`` is asked about, registered by ``held_word`` (the same test checks
#: their letters).
HELD_WORDS: set[str] = set()


def held_word(word: str) -> str:
    """``word``, lower case, registered for ``may_hold``."""
    HELD_WORDS.add(word.lower())
    return word.lower()


def may_hold(text: str, word: str, lo: int, hi: int) -> bool:
    """Whether ``word`` (from ``held_word``) may stand, case-insensitively, inside
    ``text[lo:hi]``: ``False`` only when it surely does not, so that a pattern every match of
    which holds the word need not be run there (``True`` when the text cannot be lowered safely)."""
    low = _lower(text)
    return low is None or low.find(word, lo, hi) >= 0


class Anchored:
    """``pattern`` found only where one of ``anchors`` stands (see module doc)."""

    __slots__ = ("_anchors", "_last", "_line", "_words", "pattern")

    def __init__(self, pattern: regex.Pattern[str], anchors: Iterable[str], *, line: bool = False) -> None:
        self.pattern = pattern
        words = sorted({a for a in anchors if a})
        if not words:
            raise ValueError("an anchored pattern needs at least one anchor word")
        # case-insensitive: a superset of what a case-sensitive pattern can start with
        self._anchors = [regex.compile(regex.escape(w), regex.IGNORECASE) for w in words]
        self._words = sorted({w.lower() for w in words})
        self._line = line
        #: the last text asked about and its starts: one tuple, swapped whole (safe across threads)
        self._last: tuple[str | None, list[int]] = (None, [])
        INSTANCES.append(self)

    @property
    def words(self) -> tuple[str, ...]:
        """The anchor words, lower case."""
        return tuple(self._words)

    def starts(self, text: str) -> list[int]:
        """Where the pattern may start in ``text``, sorted (computed once per text: a parse asks
        for every region of the same view)."""
        seen, starts = self._last
        if seen is text:
            return starts
        found: set[int] = set()
        low = _lower(text)
        if low is not None:  # str.find on the lower case: no regex call per anchor
            for w in self._words:
                i = low.find(w)
                while i >= 0:
                    found.add(i)
                    i = low.find(w, i + 1)
        else:
            for a in self._anchors:
                for m in a.finditer(text, overlapped=True):
                    found.add(m.start())
        if self._line:
            found = {text.rfind("\n", 0, p) + 1 for p in found}
        starts = sorted(found)
        self._last = (text, starts)
        return starts

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        """What ``pattern.finditer(text, pos, endpos)`` yields, in the same order."""
        end = len(text) if endpos is None else min(endpos, len(text))
        starts = self.starts(text)
        i = bisect_left(starts, pos)
        free = pos  # the first position a next match may start at
        match = self.pattern.match
        n = len(starts)
        while i < n:
            c = starts[i]
            i += 1
            if c > end:
                break
            if c < free:
                continue
            m = match(text, c, end)
            if m is None:
                continue
            yield m
            free = m.end() if m.end() > c else c + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        """What ``pattern.search(text, pos, endpos)`` returns."""
        return next(self.finditer(text, pos, endpos), None)
