"""Clean strings: a stretch of text with Markdown marks taken out, mapped back to offsets.

The matching view (``normalize.matching_view``) blanks marks to spaces so that offsets
stay shared; that is right for running text but wrong where exporters break marks *inside*
words and numbers (``**V****Ă****N PHÒNG``, ``tháng 1**1** năm``): there the marks must go
and the letters close up. A header or a signature block is short, so the parser reads it
as a ``Clean``: the marks deleted, blank runs collapsed — a run of blanks inside a line to
one space, a wide gap (a tab, three or more spaces: two columns laid side by side) to
``\\t``, a line break to ``\\n`` — and every character of the clean string keeps the offset
of the character of the text it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

import regex

from .normalize import DASHES

#: Characters the matching view blanks that are marks, not letters.
_MARK_CHARS = frozenset("*_|#\\")
#: Dashes as the matching view writes them (``normalize.DASHES``): a stretch whose view is its
#: text read so holds no mark the view blanked, and the fast path applies.
_DASH_AS_VIEW = str.maketrans(dict.fromkeys(DASHES, "-"))
#: A run of blanks, as ``clean`` counts them.
_BLANK_RUN = regex.compile(r"[ \t\n\r\f\v]+")
#: What ``clean`` would change in an unmarked stretch: a blank other than one space between
#: two characters.
_ODD_BLANKS = regex.compile(r"^ |[\t\n\r\f\v]|  | $")


@dataclass(frozen=True, slots=True)
class Clean:
    """``s`` and, for each of its characters, the offset in the text it came from."""

    s: str
    at: tuple[int, ...]
    end: int  # the offset just past the stretch (what an empty tail maps to)

    def offset(self, i: int) -> int:
        """The text offset of clean position ``i`` (``len(s)`` maps to the stretch's end)."""
        return self.at[i] if i < len(self.at) else self.end

    def span(self, i: int, j: int) -> tuple[int, int]:
        """The text span ``[start, end)`` that clean ``s[i:j]`` came from."""
        if j <= i:
            o = self.offset(i)
            return o, o
        return self.at[i], self.at[j - 1] + 1


def clean(text: str, view: str, start: int, end: int) -> Clean:
    """Clean ``text[start:end]``: marks (what ``view`` blanked) deleted, dashes as ``view``
    has them, blanks collapsed as the module says, the result stripped.

    Most stretches (a header line, a cell) hold no mark at all: they are read a blank run at
    a time (``_clean_unmarked``), the others a character at a time (``clean_plain``); both
    give the same (tests/test_fast_paths.py)."""
    seg = view[start:end]
    if seg != text[start:end] and seg != text[start:end].translate(_DASH_AS_VIEW):
        return clean_plain(text, view, start, end)  # marks blanked in the view
    if _ODD_BLANKS.search(seg) is None:
        # one space between words and none at either end: the view's stretch as it is
        return Clean(view[start:end], tuple(range(start, end)), end)
    return _clean_unmarked(view, start, end)


def _clean_unmarked(view: str, start: int, end: int) -> Clean:
    """``clean`` of a stretch holding no mark: its view is its text with dashes as ``-``, and
    only blank runs change — dropped at both ends, ``\\n`` at a run's last line break, else
    ``\\t`` (a tab counts four blanks) for three blanks and more, else one space, each at the
    offset the character loop gives it."""
    pieces: list[str] = []
    ranges: list[range] = []
    pos = start  # where the pending stretch of non-blank characters starts
    for m in _BLANK_RUN.finditer(view, start, end):
        a, b = m.span()
        if a > pos:
            if pieces:
                pieces.append(sep)
                ranges.append(range(sep_at, sep_at + 1))
            pieces.append(view[pos:a])
            ranges.append(range(pos, a))
        run = m.group()
        nl = run.rfind("\n")
        if nl >= 0:
            sep, sep_at = "\n", a + nl
        else:
            sep_at = a
            sep = "\t" if "\t" in run or len(run) >= 3 else " "
        pos = b
    if pos < end:
        if pieces:
            pieces.append(sep)
            ranges.append(range(sep_at, sep_at + 1))
        pieces.append(view[pos:end])
        ranges.append(range(pos, end))
    return Clean("".join(pieces), tuple(chain.from_iterable(ranges)), end)


def clean_plain(text: str, view: str, start: int, end: int) -> Clean:
    """``clean`` a character at a time: the thorough reading every stretch with marks gets,
    and what the fast path is checked against."""
    out: list[str] = []
    at: list[int] = []
    pending: str | None = None  # a blank run not yet written: " ", "\t" or "\n"
    pending_at = start
    run = 0
    skip_to = -1
    for i in range(start, end):
        if i < skip_to:
            continue
        ch = text[i]
        v = view[i]
        if ch == "<" and v == " ":  # an HTML line break left in Markdown (<br>): a line break
            close = text.find(">", i, min(end, i + 8))
            skip_to = close + 1 if close > 0 else i + 1
            pending, pending_at = "\n", i
            run = 0
            continue
        if ch in _MARK_CHARS and v == " ":
            continue  # a mark: deleted, and it does not break a blank run either
        if ch in " \t\n\r\f\v" or v in " \t\n":
            if ch == "\n":
                pending, pending_at = "\n", i
                run = 0
            elif pending != "\n":
                run += 4 if ch == "\t" else 1
                if pending is None:
                    pending_at = i
                pending = "\t" if run >= 3 else " "
            continue
        if pending is not None and out:
            out.append(pending)
            at.append(pending_at)
        pending = None
        run = 0
        out.append(v)
        at.append(i)
    return Clean("".join(out), tuple(at), end)
