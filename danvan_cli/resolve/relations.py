"""How a document cites another: implements, based_on, directs, amends, replaces, cites.

The rules read the words before a citation in its own clause (since the last ``;``),
with every other citation's text taken out, so that a subject quoted inside one
citation never types the next:

- ``căn cứ X`` → based_on; ``sửa đổi, bổ sung X`` → amends; ``thay thế X``,
  ``bãi bỏ X`` → replaces.
- In the document's opening (title, preamble before the numbered body) and its
  closing ``Trên đây là Kế hoạch thực hiện X``: a sentence that carries X out
  (``thực hiện``, ``triển khai``, ``cụ thể hóa``...) → implements.
- In the numbered body: an order to carry X out (``thực hiện nghiêm X``,
  ``trọng tâm là X``) → directs; X as the yardstick of someone else's act
  (``giám sát ... theo X``, ``theo quy định tại X``) → cites.
- A citation with nothing of its own before it (``X, Y và Z``) shares the relation
  of the one before it; a document named inside another's subject → cites.
"""

from __future__ import annotations

import regex

_BASED = regex.compile(r"(?i)(?<!\p{L})căn\s+cứ(?!\p{L})")
_AMENDS = regex.compile(r"(?i)(?<!\p{L})(?:sửa\s+đổi|bổ\s+sung\s+một\s+số|đính\s+chính)(?!\p{L})")
_REPLACES = regex.compile(r"(?i)(?<!\p{L})(?:thay\s+thế|bãi\s+bỏ|hủy\s+bỏ|hết\s+hiệu\s+lực)(?!\p{L})")
_IMPLEMENTS = regex.compile(
    r"(?i)(?<!\p{L})(?:thực\s+hiện|triển\s+khai|cụ\s+thể\s+hóa|quán\s+triệt|thi\s+hành)(?!\p{L})"
)
_DIRECTS = regex.compile(
    r"(?i)(?<!\p{L})(?:thực\s+hiện|triển\s+khai|quán\s+triệt|cụ\s+thể\s+hóa|thể\s+chế\s+hóa|trọng\s+tâm\s+là|"
    r"đặc\s+biệt\s+là|nhất\s+là|tuyên\s+truyền|học\s+tập|chấp\s+hành|thi\s+hành|tuân\s+thủ)(?!\p{L})"
)
_CITES = regex.compile(
    r"(?i)(?<!\p{L})(?:giám\s+sát|phản\s+biện|theo\s+quy\s+định|quy\s+định\s+tại|ban\s+hành\s+kèm\s+theo|"
    r"được\s+ban\s+hành|tham\s+khảo)(?!\p{L})"
)
_CLOSING = regex.compile(r"(?i)(?<!\p{L})trên\s+đây\s+là(?!\p{L})")
# Possessive runs: the backtracking form took quadratic time on a long run of spaces followed
# by a word (the gap between two citations can be anything); same strings match.
_CONNECTIVE = regex.compile(r"(?i)^[\s,;:.\-–và&và/]*+(?:và|cùng|hoặc|các)?[\s,;:.\-–]*+$")


def is_empty_clause(context: str) -> bool:
    """Nothing but connectives (``, ``, ``và``): the citation continues a list."""
    return bool(_CONNECTIVE.match(context))


# "X đã được thay thế bởi Y": the text reports another document's act, it does not replace Y.
_PASSIVE = regex.compile(
    r"(?i)(?<!\p{L})(?:(?:được|bị|đã)\s+(?:thay\s+thế|sửa\s+đổi|bãi\s+bỏ|hủy\s+bỏ)|thay\s+thế\s+bởi)(?!\p{L})"
)

# Checked in order: the first rule whose words appear decides.
_FORMAL = (("cites", _PASSIVE), ("based_on", _BASED), ("replaces", _REPLACES), ("amends", _AMENDS))
_OPENING_RULES = _FORMAL + (("implements", _IMPLEMENTS),)
_BODY_RULES = _FORMAL + (("cites", _CITES), ("directs", _DIRECTS))


def _first_rule(rules: tuple[tuple[str, regex.Pattern[str]], ...], text: str) -> str | None:
    for relation, pattern in rules:
        if pattern.search(text):
            return relation
    return None


def classify_opening(sentence: str) -> str:
    """Relation of a citation in the title, preamble or closing, from its whole sentence."""
    return _first_rule(_OPENING_RULES, sentence) or "cites"


def classify_clause(clause: str) -> str | None:
    """Relation from a body clause's own words; ``None`` when it has none to say."""
    return _first_rule(_BODY_RULES, clause)


def is_closing(sentence: str) -> bool:
    return bool(_CLOSING.search(sentence))
