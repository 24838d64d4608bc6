"""Where the name of a unit, or of the person heading one, opens: ``Sở``, ``UBND``,
``Giám đốc``, ``Huyện Đoàn``, ``các sở, ban, ngành``, ``tất cả các đơn vị``.

Why a module of its own, below the layout: the layout reads a task table's unit column by
it (``text.loose_tables``), the extractors read who must act by it (``extract.assignees``,
``extract.deadlines``, ``extract.outline``), the relations read who proposed a document by it
(``resolve.relations``); one pattern, at the lowest stage that needs it.
"""

from __future__ import annotations

import regex

from ..refdata import alternation, mass_committees, ordered_alternation, words

__all__ = ["MASS_COMMITTEE", "UNIT_START"]

def _words_of(name: str) -> str:
    return ordered_alternation(words("units", name))


#: When a head word is one (``data/lexicon/units.yaml``): some are also common words at a
#: sentence start and are heads only when not followed by these: ``Báo cáo`` (to report) is no
#: newspaper (``Báo Nhân Dân``), ``Ban hành`` no board, ``Phòng, chống`` no office, ``Hội
#: nghị`` no association, ``Trường hợp`` no school; ``Phó`` and ``Chánh`` only before a title.
_CONDITIONS = {
    "Phòng": rf"(?!\s{{0,3}},?\s{{1,3}}(?:{_words_of('not_after_phong')})(?!\p{{L}}))",
    "Ban": r"(?!\s{1,3}hành(?!\p{L}))",
    "Bộ": r"(?!\s{1,3}(?:tiêu\s{1,3}chí|máy)(?!\p{L}))",
    "Đoàn": r"(?!\s{1,3}kết(?!\p{L}))",
    "Hội": rf"(?!\s{{1,3}}(?:{_words_of('not_after_hoi')})(?!\p{{L}}))",
    "Báo": r"(?=\s{1,3}\p{Lu})",
    "Trưởng": r"(?!\s{1,3}hợp(?!\p{L}))",
    "Phó": rf"(?=\s{{1,3}}(?:{_words_of('after_pho')}))",
    "Chánh": rf"(?=\s{{1,3}}(?:{_words_of('after_chanh')}))",
    "Trường": r"(?!\s{1,3}hợp(?!\p{L}))",
    "Tổ": rf"(?!\s{{1,3}}(?:{_words_of('not_after_to')})(?!\p{{L}}))",
}
#: Words that open the name of a unit or of the person heading one, in their order.
_HEADS = "|".join(ordered_alternation([h]) + _CONDITIONS.get(h, "") for h in words("units", "heads"))
#: ``các``/``những`` + one of these is a unit too (``các sở, ban, ngành``, ``các đơn vị``):
#: ``data/lexicon/units.yaml``.
_PLURAL_NOUNS = alternation(words("units", "plural_nouns"))
#: The Youth Union's committees (``Huyện Đoàn``, ``Tỉnh đoàn``), from ``data/bodies.yaml``.
_MASS_COMMITTEES = alternation([w.title() for w in mass_committees()] + list(mass_committees()) +
                               [w.upper()[:1] + w[1:].replace(" đ", " Đ") for w in mass_committees()])
#: A Youth Union committee's name alone (``Huyện Đoàn``).
MASS_COMMITTEE = regex.compile(_MASS_COMMITTEES)
UNIT_START = regex.compile(
    rf"(?:(?:{_HEADS}|{_MASS_COMMITTEES})(?!\p{{L}})|(?i:các|những|tất\s+cả\s+các)\s+(?:{_PLURAL_NOUNS})(?!\p{{L}}))"
)
