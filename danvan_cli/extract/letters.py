"""Who a letter tells to act: its ``Kính gửi`` addressees and the units its body orders.

A Công văn, a Thông báo or a Giấy mời (Nghị định 30/2020/NĐ-CP Phụ lục I) usually has no
numbered outline, yet it orders units:

- its addressees stand under ``Kính gửi:``, on the line itself (``Kính gửi: Sở Nội vụ``) or
  one per line (``- Thủ trưởng các cơ quan, ban, ngành huyện;``), a name wrapped over two
  lines joined; a PDF's reading order may put the right column's Quốc hiệu, place and date
  between the label and the list;
- its body names who acts with an order cue (``Giao X chủ trì``, ``Đề nghị X``, ``yêu cầu
  thủ trưởng các đơn vị``, ``thông báo để các đơn vị ... triển khai``), or as the subject of
  a duty (``Các đơn vị, địa phương có trách nhiệm ...``, ``X xử lý nghiêm ...``); a sentence
  that reports (``Các trường đã triển khai``) orders nobody, and the issuer speaking of itself
  (``Chủ tịch UBND huyện có ý kiến chỉ đạo``) is no unit told to act.

A unit named as a list is each unit (``Các trường Mầm non, Tiểu học, THCS trên địa bàn`` is
three; ``Chủ tịch UBND các tỉnh: Hưng Yên, Ninh Bình`` two); a fragment (``Các trường
không``, a head word alone) is none. Word lists: ``data/lexicon/letters.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from ..model import Span, Task
from ..refdata import pattern
from . import assignees as asg
from .wrap import is_wrap

TOPIC = "letters"

_BULLET = regex.compile(r"^[ \t]*[-–+•*][ \t]*")
_PIPE_LINE = regex.compile(r"^[\s|]*$")
#: The other column's place and date line (``Gia Lai, ngày 12 tháng 10 năm 2021``).
_PLACE_DATE = regex.compile(r"(?i),\s*ngày\s+\S*\s*tháng")
#: A list item or a wrapped name ends with one of these; a line after it opens a new item.
_ITEM_END = (";", ".", ":", ",")
#: How far after an order cue its verb is looked for.
_CLAUSE = 200
#: Most words an addressee item (or a wrapped piece of one) may hold.
_ITEM_WORDS = 40
#: Most lines the addressee block may take (the label, the other column's lines, the items).
_BLOCK_LINES = 40
_SENTENCE = regex.compile(r"(?<=[.;!?])\s+(?=\p{Lu})|\n")


@dataclass(slots=True)
class Addressees:
    """The ``Kính gửi`` block: its units in order and where it stands."""

    units: list[str] = field(default_factory=list)
    span: tuple[int, int] | None = None


def _lines(view: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    while pos < end:
        nl = view.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _paragraphs(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of ``view[start:end]``, those a hard wrap cut joined back (``is_wrap``)."""
    out: list[tuple[int, int]] = []
    for a, b in _lines(view, start, end):
        if out and out[-1][1] < len(view) and is_wrap(view, out[-1][1]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _other_column(line: str) -> bool:
    """A line the reading order put inside the addressee block: the Quốc hiệu, the motto,
    a place and date, an e-signature stamp's line, a table's bar."""
    if _PIPE_LINE.match(line):
        return True
    for name in ("quoc_hieu", "motto", "party_header"):
        if pattern("header", name).search(line):
            return True
    if pattern("signature", "stamp_labels").match(line) or regex.match(pattern("signature", "stamp_fields").pattern + r"\s*:", line):
        return True
    return _PLACE_DATE.search(line) is not None


def read_addressees(view: str, start: int, end: int) -> Addressees:
    """The units under the first ``Kính gửi:`` in ``view[start:end]``."""
    m = pattern("header", "kinh_gui").search(view, start, end)
    if m is None:
        return Addressees()
    colon = regex.compile(r"[ \t*]*:?[ \t*]*").match(view, m.end())
    items: list[str] = []
    open_item = False
    block_end = colon.end()
    first = True
    for k, (a, b) in enumerate(_lines(view, colon.end(), end)):
        if k > _BLOCK_LINES:
            break
        line = view[a:b].strip()
        if not line or (not first and _other_column(line)) or (first and _PIPE_LINE.match(line)):
            first = False
            continue
        bullet = _BULLET.match(line)
        text = line[bullet.end():] if bullet else line
        if first and not text:
            first = False
            continue
        if bullet is not None or first:
            items.append(text)
        elif open_item and len(text.split()) <= _ITEM_WORDS and not asg.VERB.search(text):
            items[-1] = f"{items[-1]} {text}"  # a name wrapped over two lines
        elif asg.is_unit_phrase(text) and len(text.split()) <= _ITEM_WORDS:
            items.append(text)  # one addressee alone on its line, with no dash
        else:
            break
        first = False
        open_item = not text.rstrip().endswith(_ITEM_END)
        block_end = b
    units: list[str] = []
    for item in items:
        units.extend(addressee_units(item))
    return Addressees(asg.dedupe(units), (m.start(), block_end) if items else None)


def addressee_units(item: str) -> list[str]:
    """The units one addressee item names (``Kính gửi`` list items, ``Nơi nhận``-like)."""
    item = regex.sub(r"\s*\((?:để\s|đ/|b/c|t/h)[^)]*\)\s*$", "", item.strip(" \t;.,"))
    if not item or pattern(TOPIC, "person_forms").match(item):
        return []
    return [u for part in regex.split(r"\s*;\s*", item) for u in asg.split_units(part)]


def order_units(sentence: str) -> tuple[list[str], list[str]]:
    """Lead and support units one sentence of a letter orders to act (see module doc)."""
    s = asg.clean_phrase(sentence)
    lead, support = asg.lead_and_support(s)
    if lead:
        return _each(lead), _each(support)
    for cue in pattern(TOPIC, "order_cues").finditer(s):
        at = cue.end()
        while at < len(s) and s[at] in " \t:":
            at += 1
        if at >= len(s):
            break
        capped = s[:at] + s[at].upper() + s[at + 1:]  # "yêu cầu thủ trưởng các đơn vị": a head in lower case
        units = asg.units_until_verb(capped, at)
        if not units and asg.VERB.search(capped, at, at + _CLAUSE) is None:
            units = asg._units_to_clause_end(capped, at)  # "Đề nghị Ủy ban MTTQ tỉnh." — no verb after
        if units:  # a head alone before the verb ("Đề nghị Công ty nghiên cứu"): the addressee, named no further
            return _each(units), []
    return _each(_duty_subject(s)), []


def _duty_subject(s: str) -> list[str]:
    """The units a sentence opens with when what follows them is a duty, not a report."""
    units = asg.subject_units(s)
    if not units:
        return []
    last = units[-1]
    at = s.find(last)
    rest = s[at + len(last):] if at >= 0 else ""
    qualifier = pattern(asg.TOPIC, "subject_qualifiers").match(rest.lstrip(" ,"))
    if pattern(TOPIC, "not_an_order").match(rest.lstrip(" ,")):
        return []
    if qualifier is None and not pattern(TOPIC, "duty_verbs").match(rest.lstrip(" ,")) and not asg.VERB.match(rest.lstrip(" ,")):
        return []
    return units


def _each(units: list[str]) -> list[str]:
    return asg.dedupe([u for unit in units for u in asg.each_unit(unit)])


def order_tasks(
    view: str,
    regions: list[tuple[int, int]],
    addressees: list[str],
    is_own: Callable[[str], bool],
) -> list[Task]:
    """One task per paragraph of a letter's body that orders units: its units lead (and
    support where ``phối hợp`` says so); a paragraph that opens with an order cue and names
    no unit orders the addressees. Paragraphs are numbered as they come (``1``, ``2`` ...)."""
    tasks: list[Task] = []
    for start, end in regions:
        for a, b in _paragraphs(view, start, end):
            para = view[a:b].strip()
            if len(para) < 12:
                continue
            lead: list[str] = []
            support: list[str] = []
            for sent in _SENTENCE.split(" ".join(para.split())):
                sl, ss = order_units(sent)
                lead.extend(u for u in sl if not is_own(u))
                support.extend(u for u in ss if not is_own(u))
            if not lead and addressees and pattern(TOPIC, "order_cues").match(para.lstrip("-+• ")):
                lead = list(addressees)
            if not lead:
                continue
            lead, support = asg.dedupe(lead), asg.dedupe(support)
            n = str(len(tasks) + 1)
            lstart = a + (len(view[a:b]) - len(view[a:b].lstrip()))
            tasks.append(Task(id=n, path=n, heading=None, text=" ".join(para.split()),
                              assignees=asg.dedupe(lead + support), span=Span(lstart, lstart + len(para)),
                              lead=lead, support=support))
    return tasks
