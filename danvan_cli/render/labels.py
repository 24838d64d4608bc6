"""The small text helpers the terminal views share: a line cut at a word, an outline label,
a fragment told from a name. (The words for danvan's codes are in ``danvan_cli/words.py``.)
"""

from __future__ import annotations

import regex


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word before ``width`` characters with an ellipsis."""
    one = " ".join(text.split())
    if len(one) <= width:
        return one
    cut = one[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"


_BULLET = regex.compile(r"^[-+•]\d*$")


def outline_label(path: str) -> str:
    """A task's place in the outline as people write it: ``II.1.1.-1`` (the first bullet of
    II.1.1) is shown ``II.1.1 –``, a bare ``-1`` is ``–``."""
    parts = [p for p in path.split(".") if p]
    numbered = ".".join(p for p in parts if not _BULLET.match(p))
    if parts and _BULLET.match(parts[-1]):
        return f"{numbered} –" if numbered else "–"
    return numbered


def is_fragment(unit: str) -> bool:
    """An assignee that is no unit on its own: one word that is no abbreviation (``Các``)."""
    words = unit.split()
    return len(words) < 2 and sum(ch.isupper() for ch in unit) < 2
