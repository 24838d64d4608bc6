"""Sentence case for a trích yếu written in capitals, place names restored from the data."""

from __future__ import annotations

import regex

from ..resolve.issuers import canonical_place

_UNIT_RUN = regex.compile(
    r"(?P<unit>(?<!\p{L})(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu))\s(?P<rest>(?:\p{L}+ ?){1,4})"
)
_FIXED = ("Việt Nam", "Hồ Chí Minh", "Đảng Cộng sản", "Quốc hội", "Chính phủ", "Thủ tướng")
_FIXED_RE = [(regex.compile(rf"(?<!\p{{L}}){regex.escape(f.lower())}(?!\p{{L}})"), f) for f in _FIXED]


def sentence_case(title: str) -> str:
    """``VỀ VIỆC ... TỈNH QUẢNG NINH`` → ``Về việc ... tỉnh Quảng Ninh``."""
    low = title.lower()
    low = low[:1].upper() + low[1:]

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
