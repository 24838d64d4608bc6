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

#: Characters the matching view blanks that are marks, not letters.
_MARK_CHARS = frozenset("*_|#\\")


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
    has them, blanks collapsed as the module says, the result stripped."""
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
