"""Who must do a task: the units a directive names, lead (chủ trì) and support (phối hợp) apart.

Vietnamese directives name who acts in a few fixed ways, and this module reads
exactly those:

- an item of ``TỔ CHỨC THỰC HIỆN`` headed by the unit itself (``1. Sở Nội vụ``,
  ``4. Đề nghị Ban Dân vận Tỉnh ủy``, ``2. Các quận, huyện:`` over its points): the
  whole heading is one unit, commas and all (``Các sở, ban, ngành`` is one addressee,
  not three); or written ``unit: task`` (``2. Sở Tài chính: bố trí kinh phí.``);
- ``Giao X chủ trì, phối hợp với Y``, ``X chủ trì, phối hợp với Y``,
  ``Đơn vị chủ trì: X`` / ``Đơn vị phối hợp: Y``;
- a request: ``yêu cầu X nghiêm túc triển khai``, ``Đề nghị X ...``;
- a sentence whose subject is a unit (``Phòng Nội vụ thường xuyên đôn đốc``,
  ``Hằng năm, các đơn vị, địa phương tổ chức ...``).

A unit phrase runs from a head word (``Sở``, ``UBND``, ``Giám đốc``, ``các đơn vị``,
...) to the first verb. Verbs are matched in lower case only, so the capitalised
words of a name (``Phòng Văn hóa - Thông tin``) are never taken for a verb. Head words
that are also common words open no unit in their common sense (``Báo cáo``, ``Ban
hành``, ``Phòng, chống``, ``Hội nghị``, ``Trường hợp``).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..refdata import pattern, unit_word_alternation
from ..text.units import MASS_COMMITTEE, UNIT_START

#: The word lists of this module: ``data/lexicon/assignees.yaml``.
TOPIC = "assignees"
#: "Chủ tịch UBND các tỉnh: Hưng Yên, Ninh Bình": a class, a colon, its members.
_CLASS_COLON = regex.compile(rf"^(?P<head>.*?)(?i:các)\s+(?P<kind>(?i:{unit_word_alternation()}))\s*:\s*(?P<members>.+)$")
#: "Các trường Mầm non, Tiểu học, THCS ...": a plural head in lower case, then members in capitals.
_PLURAL_LIST = regex.compile(r"^(?P<head>(?i:các|những)\s+\p{Ll}+(?:\s+\p{Ll}+)?)\s+(?P<members>\p{Lu}.*)$")

#: The first word of a predicate. Lower case on purpose (see module doc); not after
#: ``các``/``những`` (``các tổ chức chính trị - xã hội`` is a unit, not a verb).
_VERBS = (
    "căn cứ|chủ động|chủ trì|phối hợp|tổ chức|triển khai|thực hiện|tiếp tục|thường xuyên|nghiêm túc|"
    "khẩn trương|tập trung|quán triệt|chịu trách nhiệm|có trách nhiệm|báo cáo|gửi|xây dựng|tham mưu|"
    "hướng dẫn|theo dõi|đôn đốc|kiểm tra|rà soát|ban hành|hoàn thành|tổng hợp|đánh giá|phân công|đề xuất|"
    "là|cần|phải|sớm|kịp thời|quan tâm|chỉ đạo|tăng cường|đẩy mạnh|nâng cao|bố trí|cung cấp|tuyên truyền|"
    "nghiên cứu|lãnh đạo|giám sát|duy trì|làm tốt|vận động|bảo đảm|đảm bảo|có|được|sẽ|định kỳ|hằng năm|hàng năm|"
    "trực tiếp|cụ thể hóa|thống nhất|lựa chọn|quản lý|hỗ trợ|chuẩn bị|thành lập|nắm|tiếp nhận|xử lý|giải quyết|tham gia|phát huy|tích cực|"
    "niêm yết|công bố|trả lời|hoàn thiện|nộp|cập nhật|phổ biến|biên soạn|tập huấn|thẩm định|nghiệm thu|"
    "thu thập|khảo sát|điều tra|sắp xếp|bổ sung|sửa đổi|kiện toàn|ứng dụng|số hóa|vận hành|biết|thông báo|nêu cao|đề cao"
)
#: ``tổ chức`` is a noun before these (``các cấp ủy, tổ chức đảng``, ``tổ chức chính trị - xã hội``).
_NOUN_AFTER_TO_CHUC = r"(?<!tổ\s{1,3}chức)|(?<=tổ\s{1,3}chức)(?!\s{1,3}(?:đảng|chính\s+trị|đoàn\s+thể|cơ\s+sở\s+đảng|xã\s+hội|thành\s+viên)(?!\p{L})|\s*,\s{0,3}cá\s+nhân(?!\p{L}))"
#: Verbs that open a sentence with a capital and never stand in a unit's name: where a
#: text flattened onto one line runs a heading into its first sentence ("1. Sở Nội vụ Là
#: đơn vị đầu mối ...", "2. Các sở, ban, ngành Căn cứ chức năng ..."), the unit ends there.
#: (``Tổ chức``, ``Xây dựng``, ``Chỉ đạo``, ``Tổng hợp``, ``Kiểm tra`` are in names: not here.)
_OPENING_VERBS = (
    "Là|Căn cứ|Chủ trì|Phối hợp|Chủ động|Thực hiện|Triển khai|Tiếp tục|Thường xuyên|Tham mưu|Nghiêm túc|"
    "Khẩn trương|Quán triệt|Chịu trách nhiệm|Có trách nhiệm|Đôn đốc|Tăng cường|Đẩy mạnh|Bố trí"
)
VERB = regex.compile(
    rf"(?<!\p{{L}})(?<!các\s)(?<!những\s)(?!có\s+liên\s+quan)(?:{_VERBS}|{_OPENING_VERBS})(?!\p{{L}})(?:{_NOUN_AFTER_TO_CHUC})"
)
#: A request naming who acts next, at a sentence's start too (``Yêu cầu Trung tâm Y tế ...``);
#: ``Chỉ đạo`` opening an item is the work of the unit the item belongs to (``Ủy ban nhân dân
#: xã:`` / ``- Chỉ đạo các bộ phận chuyên môn ...``), a request only inside a sentence.
_REQUEST = regex.compile(r"(?<!\p{L})(?:[Yy]êu\s+cầu|[Đđ]ề\s+nghị|[Gg]iao|chỉ\s+đạo)\s+(?=\S)")
_CHU_TRI = regex.compile(r"(?<!\p{L})[Cc]hủ\s+trì(?!\p{L})")
_PHOI_HOP = regex.compile(r"(?i)(?<!\p{L})phối\s+hợp\s+(?:chặt\s+chẽ\s+)?(?:với\s+)?(?=\S)")
_LABELLED = regex.compile(
    r"(?i)(?P<kind>đơn\s+vị|cơ\s+quan)\s+(?P<role>(?:trực\s+tiếp\s+)?(?:chủ\s+trì|phối\s+hợp|thực\s+hiện))\s*:\s*"
    r"(?P<units>[^\n;.]{1,300})"
)
#: What may stand between a unit and the task it heads: a colon, a point's number ``(1)``.
_ENDS_IN_PHOI_HOP = regex.compile(r"(?i)(?<!\p{L})phối\s+hợp(?:\s+(?:chặt\s+chẽ\s+)?với)?$")
_ENUMERATED = regex.compile(r"\s*:\s*(?:\(?\d{1,2}\)\s*)?$|\s+\(?\d{1,2}\)\s*$")
_LEADING_ADVERBIAL = regex.compile(r"^(?:[^\s,]+\s+){0,3}[^\s,]+,\s+")
_SPLIT = regex.compile(rf"(?:,|;|\s+và|\s+với)\s+(?={UNIT_START.pattern})")
_STRIP_PREFIX = regex.compile(r"^(?i:đề\s+nghị|giao|trách\s+nhiệm\s+của|phân\s+công)\s+")
_TRAILING = " \t\n.,;:–-"
_MAX_UNIT_WORDS = 30
#: A unit phrase is never longer than this: every search is bounded by it (linear time).
_WINDOW = 400
#: A sentence asks at most a few times (``yêu cầu ... đề nghị ...``): junk must not loop.
_MAX_REQUESTS = 8
_PHRASE_END = regex.compile(r"[:.;\n(]")
_MARKS = regex.compile(r"[*_]+")
_CLAUSE_END = regex.compile(r"[.;:\n]")
#: A semicolon that goes on with another unit: a list of subjects, not a clause's end.
_SEMICOLON_THEN_UNIT = regex.compile(r";\s*(?:" + UNIT_START.pattern + r")")
#: Where an item's first sentence ends: a stop or a colon, a semicolon unless a unit follows it
#: (a subject list "Chánh Văn phòng UBND tỉnh; Giám đốc Sở ...; Chủ tịch ... chịu trách nhiệm"), a line break.
_FIRST_SENTENCE = regex.compile(r"(?<=[.:])\s|(?<=;)\s(?!\s*(?:" + UNIT_START.pattern + r"))|\n")
_LEAD_VERB = regex.compile(r"(?<!\p{L})(?:[Gg]iao|[Đđ]ề\s+nghị|[Yy]êu\s+cầu)\s+")


def clean_phrase(s: str) -> str:
    """Markdown marks out, spaces collapsed, outer punctuation stripped."""
    if "*" in s or "_" in s:
        s = _MARKS.sub("", s)
    return " ".join(s.split()).strip(_TRAILING)


def is_unit_phrase(s: str) -> bool:
    """``Sở Nội vụ``, ``Các sở, ban, ngành``, ``UBND các phường``: a name, not a sentence."""
    s = clean_phrase(s)
    return bool(s) and UNIT_START.match(s) is not None and VERB.search(s) is None


def heading_unit(heading: str | None) -> str | None:
    """The unit an item is headed by (``1. Sở Nội vụ``), ``Đề nghị`` taken off; else ``None``.

    A heading is a unit only when it is short and holds no verb: ``Tổ chức quán
    triệt ...`` heads a task, ``Sở Nội vụ`` heads an assignment.
    """
    if not heading:
        return None
    h = _STRIP_PREFIX.sub("", clean_phrase(heading))
    if not h or len(h.split()) > _MAX_UNIT_WORDS or h.endswith("?"):
        return None
    return h[0].upper() + h[1:] if is_unit_phrase(h) else None


def heading_units(heading: str | None) -> list[str]:
    """The units an item is headed by: one per ``;`` part (``Các sở, ban, ngành; UBND các
    huyện`` names two addressees), each part whole as ``heading_unit`` reads it."""
    unit = heading_unit(heading)
    if unit is None:
        return []
    if ";" not in unit:
        return [unit]
    parts = [heading_unit(p) for p in unit.split(";")]
    if not all(parts):
        return [unit]
    return dedupe([p for p in parts if p])


def split_units(phrase: str) -> list[str]:
    """``Giám đốc các Sở, ngành, Thủ trưởng các cơ quan, đơn vị`` → two units.

    A comma splits only where a new head word follows: ``các đơn vị, địa phương`` stays one.
    A part that lists units is each of them, a fragment none (``each_unit``).
    """
    phrase = clean_phrase(phrase)
    if not phrase:
        return []
    parts, last = [], 0
    for m in _SPLIT.finditer(phrase):
        parts.append(phrase[last : m.start()])
        last = m.end()
    parts.append(phrase[last:])
    return [u for p in (clean_phrase(x) for x in parts) if p and not _bare_head(p) for u in each_unit(p)]


def each_unit(phrase: str) -> list[str]:
    """A unit named as a list, one per member; a fragment, none; any other phrase, itself.

    ``Chủ tịch UBND các tỉnh: Hưng Yên, Ninh Bình`` → ``Chủ tịch UBND tỉnh Hưng Yên``, ...;
    ``Các trường Mầm non, Tiểu học, THCS trên địa bàn`` → ``Các trường Mầm non trên địa bàn``,
    ...; ``UBND các huyện, thị xã, thành phố`` (members in lower case: one class) and
    ``Các sở, ban, ngành`` stay whole."""
    phrase = " ".join(phrase.split()).strip(" ;,.")
    qm = pattern(TOPIC, "subject_qualifiers").search(phrase)
    if qm is not None and qm.start() > 0:
        phrase = phrase[: qm.start()].rstrip(" ,")  # "Các sở, ban, ngành theo chức năng, nhiệm vụ"
    if is_fragment(phrase):
        return []
    cm = _CLASS_COLON.match(phrase)
    if cm is not None:
        kind = " ".join(cm.group("kind").split()).lower()
        members = _members(cm.group("members"))
        if members:
            return [" ".join(f"{cm.group('head')}{kind} {m}".split()) for m in members]
    pm = _PLURAL_LIST.match(phrase)
    if pm is not None and "," in pm.group("members"):
        body, tail = _split_tail(pm.group("members"))
        members = _members(body)
        if len(members) > 1 and all(m[:1].isupper() for m in members):
            return [" ".join(f"{pm.group('head')} {m} {tail}".split()) for m in members]
    return [phrase]


def _members(text: str) -> list[str]:
    parts = regex.split(r"\s*,\s*|\s+và\s+", text.strip(" .;"))
    return [p for p in (x.strip() for x in parts) if p]


def _split_tail(members: str) -> tuple[str, str]:
    """The members and the words after the last one that belong to each (``trên địa bàn``)."""
    tm = pattern(TOPIC, "unit_tails").search(members)
    if tm is None:
        return members, ""
    return members[: tm.start()], members[tm.start():]


def is_fragment(phrase: str) -> bool:
    """A piece of a sentence taken for a unit: a plural word alone (``→ Các``), anything that
    ends with a word no name ends with (``Các trường không``) or names any unit at all
    (``Đơn vị nào ...``)."""
    words = phrase.lstrip("→>-–•* ").split()
    if not words:
        return True
    if pattern(TOPIC, "dangling_words").fullmatch(words[-1]) or pattern(TOPIC, "indefinite_words").search(phrase):
        return True
    return len(words) == 1 and words[0].casefold() in ("các", "những")



def _bare_head(part: str) -> bool:
    """A head word with no name after it (``Cơ quan``, ``Bộ``, ``Đơn vị``) names nobody: it is
    what is left of a label (``Cơ quan trực tiếp thực hiện:``) or of a name cut by a line
    break. Acronyms stand alone (``UBND``, ``MTTQ``) and are kept."""
    if _PLURAL_OPENING.match(part) or MASS_COMMITTEE.fullmatch(part):
        return False  # "Các Sở", "các đơn vị": all of them, a real addressee; "Huyện Đoàn": a whole name
    m = UNIT_START.fullmatch(part)
    return m is not None and not part.isupper() and part[0].isupper()


_PLURAL_OPENING = regex.compile(r"(?i)(?:các|những|tất\s+cả)\s")


def units_until_verb(s: str, pos: int = 0) -> list[str]:
    """The unit phrase starting at ``pos`` of ``s`` and running to the first verb, split."""
    if UNIT_START.match(s, pos) is None:
        return []
    limit = min(len(s), pos + _WINDOW)
    stop = limit
    at = pos
    while (m := _PHRASE_END.search(s, at, limit)) is not None:
        if _SEMICOLON_THEN_UNIT.match(s, m.start()):
            at = m.end()  # "Chánh Văn phòng UBND tỉnh; Giám đốc Sở ...; Chủ tịch ... chịu trách nhiệm": one subject list
            continue
        stop = m.start()
        break
    v = VERB.search(s, pos, stop)
    if v is None:
        return []
    phrase = s[pos : v.start()]
    parts = split_units(phrase)
    if any(len(p.split()) > _MAX_UNIT_WORDS for p in parts) or len(parts) * _MAX_UNIT_WORDS < len(phrase.split()):
        return []
    return parts


def subject_units(sentence: str) -> list[str]:
    """The units a sentence opens with (``Hằng năm, các đơn vị, địa phương tổ chức ...``)."""
    s = clean_phrase(sentence)
    if UNIT_START.match(s) is None:
        m = _LEADING_ADVERBIAL.match(s)
        if m is None or UNIT_START.match(s, m.end()) is None:
            return []
        return units_until_verb(s, m.end())
    return units_until_verb(s)


def requested_units(sentence: str) -> list[str]:
    """Units a sentence asks to act: ``yêu cầu X nghiêm túc ...``, ``Đề nghị X ...``, ``Giao X ...``."""
    s = clean_phrase(sentence)
    for i, m in enumerate(_REQUEST.finditer(s)):
        if i >= _MAX_REQUESTS:
            break
        units = units_until_verb(s, m.end())
        if units:
            return units
        if UNIT_START.match(s, m.end()) is not None:  # "Đề nghị Ủy ban MTTQ tỉnh." — no verb after
            tail = _CLAUSE_END.split(s[m.end() : m.end() + _WINDOW], maxsplit=1)[0]
            if len(tail.split()) <= _MAX_UNIT_WORDS:
                return split_units(tail)
    return []


_FIELD_START = regex.compile(r"^[\s\-+•*_]*+(?=(?i:đơn\s+vị|cơ\s+quan)\s)")


def labelled_field(text: str) -> tuple[str, list[str]] | None:
    """``Đơn vị chủ trì: X`` / ``Cơ quan phối hợp: Y`` opening a line: (``lead`` or
    ``support``, its units); ``None`` for any other line."""
    s = clean_phrase(text)
    m = _FIELD_START.match(s)
    if m is None:
        return None
    f = _LABELLED.match(s, m.end())
    if f is None:
        return None
    role = "support" if "phối" in f.group("role").casefold() else "lead"
    return role, split_units(f.group("units"))


def lead_and_support(text: str) -> tuple[list[str], list[str]]:
    """``Giao Sở X chủ trì, phối hợp với Y, Z thực hiện`` → ([Sở X], [Y, Z]).

    Also ``Đơn vị chủ trì: X`` / ``Đơn vị phối hợp: Y`` lines.
    """
    s = clean_phrase(text)
    lead: list[str] = []
    support: list[str] = []
    for m in _LABELLED.finditer(s):
        units = split_units(m.group("units"))
        (support if "phối" in m.group("role").casefold() else lead).extend(units)
    if lead or support:
        return dedupe(lead), dedupe(support)
    for ct in _CHU_TRI.finditer(s):
        # the lead stands before "chủ trì": after "Giao", or as the clause's subject
        lo = max(0, ct.start() - _WINDOW)
        dot = s.rfind(". ", lo, ct.start())
        clause_start = max(dot + 2 if dot >= 0 else lo, s.rfind(";", lo, ct.start()) + 1)
        clause = s[clause_start : ct.start()].strip()
        g = _LEAD_VERB.search(clause)
        phrase = clause[g.end() :] if g else clause
        phrase = _ENUMERATED.sub("", phrase)  # "Bộ Tài chính: (1) Chủ trì ..."
        v = VERB.search(phrase)
        if v is not None:  # "Sở Y tế có trách nhiệm chủ trì": the unit ends at its verb
            phrase = phrase[: v.start()].rstrip(" ,")
        if UNIT_START.match(phrase) and len(phrase.split()) <= _MAX_UNIT_WORDS:
            lead.extend(split_units(phrase))
        ph = _PHOI_HOP.match(s, ct.end() + (2 if s[ct.end() : ct.end() + 2] == ", " else 1))
        if ph is not None:
            support.extend(units_until_verb(s, ph.end()) or _units_to_clause_end(s, ph.end()))
        if lead:
            break
    return dedupe(lead), dedupe(support)


def _units_to_clause_end(s: str, pos: int) -> list[str]:
    if UNIT_START.match(s, pos) is None:
        return []
    tail = _CLAUSE_END.split(s[pos : pos + _WINDOW], maxsplit=1)[0]
    return split_units(tail) if len(tail.split()) <= _MAX_UNIT_WORDS else []


def dedupe(units: list[str]) -> list[str]:
    """The units in their first order, each once (the outline, the letters and the deadlines
    all gather units from several readings of one text)."""
    seen: set[str] = set()
    out = []
    for u in units:
        k = u.casefold()
        if k not in seen:
            seen.add(k)
            out.append(u)
    return out


#: ``Sở Tài chính: bố trí kinh phí.``: a unit, a colon, its task.
_UNIT_COLON = regex.compile(r"(?P<unit>[^:\n.;]{2,200}):\s*(?=\S)")


def colon_unit(text: str) -> str | None:
    """The unit heading an item written ``unit: task`` (``2. Công an tỉnh: bảo đảm an ninh.``)."""
    m = _UNIT_COLON.match(clean_phrase(text[: 2 * _WINDOW]))
    return heading_unit(m.group("unit")) if m else None


def item_assignees(heading: str | None, text: str) -> tuple[list[str], list[str]]:
    """Lead and support units of one outline item, from its heading or its own words."""
    if len(text) > _CACHED_TEXT or (heading is not None and len(heading) > _CACHED_TEXT):
        return _item_assignees_uncached(heading, text)  # a long item is not kept in memory
    lead, support = _item_assignees(heading, text)
    return list(lead), list(support)


#: Items up to this length are remembered (``_item_assignees``); longer ones are read afresh.
_CACHED_TEXT = 2000


@lru_cache(maxsize=1024)
def _item_assignees(heading: str | None, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``item_assignees``, kept for the items that recur (plans repeat their standard items)."""
    lead, support = _item_assignees_uncached(heading, text)
    return tuple(lead), tuple(support)


def _item_assignees_uncached(heading: str | None, text: str) -> tuple[list[str], list[str]]:
    units = heading_units(heading)
    if not units and heading is None:
        colon = colon_unit(text)
        units = [colon] if colon else []
    if units:
        _, support = lead_and_support(text)
        return units, support
    lead, support = lead_and_support(text)
    if lead:
        return lead, support
    if heading:
        # a heading that is a sentence names who acts over the points below it
        # ("Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh:", "Đề nghị Ủy ban MTTQ tỉnh phối hợp:")
        # a label heading its units ("Cơ quan trực tiếp thực hiện:" over "Sở Nông nghiệp ...")
        h_lead, h_support = lead_and_support(f"{heading} {text}" if heading.rstrip().endswith(":") else heading)
        if h_lead:
            if not h_support and _ENDS_IN_PHOI_HOP.search(clean_phrase(heading)):
                # "X chủ trì, phối hợp" | "Y, Z xây dựng ...": the partners open the text
                body = clean_phrase(text)
                h_support = units_until_verb(body) or _units_to_clause_end(body, 0)
            return h_lead, h_support or support
        h_units = _opening_units(heading)
        if h_units:
            return h_units, support
    return _opening_units(text), support


def _opening_units(text: str) -> list[str]:
    """The units the first sentence of ``text`` asks to act or opens with. A unit that asks
    (``Sở Giáo dục và Đào tạo yêu cầu: ...``) is the one speaking, never one told to act."""
    first_sentence = _FIRST_SENTENCE.split(clean_phrase(text[: 4 * _WINDOW]), maxsplit=1)[0]
    req = _REQUEST.search(first_sentence)
    if req is not None and (req.start() == 0 or is_unit_phrase(first_sentence[: req.start()])):
        units = requested_units(first_sentence[req.start():])
        if units or req.start() > 0:
            return dedupe(units)
    return dedupe(subject_units(first_sentence))
