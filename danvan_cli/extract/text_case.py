"""Sentence case for a trích yếu written in capitals, place names restored from the data."""

from __future__ import annotations

import regex

from ..refdata import alternation, unit_word_alternation, words
from .issuers import canonical_place
from .own_issuer import is_code

_UNIT_RUN = regex.compile(rf"(?P<unit>(?<!\p{{L}})(?:{unit_word_alternation()}))\s(?P<rest>(?:\p{{L}}+ ?){{1,4}})")
_FIXED = ("Việt Nam", "Hồ Chí Minh", "Đảng Cộng sản", "Quốc hội", "Chính phủ", "Thủ tướng")
_FIXED_RE = [(regex.compile(rf"(?<!\p{{L}}){regex.escape(f.lower())}(?!\p{{L}})"), f) for f in _FIXED]


_WORD = regex.compile(r"(?<![\p{L}\d])\p{L}{2,}(?![\p{L}\d])")
_NUMBER_TOKEN = regex.compile(r"\S*\d\S*/\S+|\S+/\S*\d\S*")
#: A cited document's type, given back its capital (``data/lexicon/titles.yaml``).
_CITED_TYPE = regex.compile(rf"(?<!\p{{L}})(?P<t>{alternation(words('titles', 'cited_types'))})(?=\s+số\s)")


def sentence_case(title: str) -> str:
    """``VỀ VIỆC ... TỈNH QUẢNG NINH`` → ``Về việc ... tỉnh Quảng Ninh``; a cited number keeps
    its capitals and its type its capital (``Quyết định số 17/2025/QĐ-UBND``)."""
    numbers = [m.group(0) for m in _NUMBER_TOKEN.finditer(title)]
    low = title.lower()
    low = low[:1].upper() + low[1:]
    if numbers:
        it = iter(numbers)
        low = _NUMBER_TOKEN.sub(lambda _m: next(it), low)
    codes = {w.lower(): w for w in regex.findall(r"(?<![\p{L}\d])\p{Lu}{2,}(?![\p{L}\d])", title) if is_code(w)}
    if codes:
        low = _WORD.sub(lambda m: codes.get(m.group(0), m.group(0)), low)
    low = _CITED_TYPE.sub(lambda m: m.group("t")[:1].upper() + m.group("t")[1:], low)

    def restore(m: regex.Match[str]) -> str:
        words = m.group("rest").split(" ")
        for k in range(min(4, len(words)), 0, -1):
            cand = " ".join(words[:k])
            fixed = canonical_place(cand)
            if fixed != cand and fixed.lower() == cand.lower():
                return m.group("unit") + " " + " ".join([fixed] + words[k:])
        return m.group(0)

    low = _UNIT_RUN.sub(restore, low)
    for rx, fixed in _FIXED_RE:
        low = rx.sub(fixed, low)
    return low[:1].upper() + low[1:]
