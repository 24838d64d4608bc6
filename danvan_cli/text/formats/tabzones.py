"""Halves laid out with tab stops: a Word paragraph's two columns read as a table's two cells.

An office lays the header's two halves (``ỦY BAN NHÂN DÂN<tab>CỘNG HÒA ...``) or the
closing block (``Nơi nhận:<tab><tab>KT. CHỦ TỊCH``) out with tab stops as often as with a
table. A Word reader (.docx, .doc) keeps each tab stop as ``TAB`` in its runs, and
``tab_zones`` turns runs of such paragraphs into one row of two cells, as Word's header
or closing table reads; every other tab becomes a blank.
"""

from __future__ import annotations

import re

from .common import Para, RawCell, RawItem, RawTable, Run

#: A tab stop, while reading (never in a text: U+2409 SYMBOL FOR HORIZONTAL TABULATION).
TAB = "\u2409"
_TAB = TAB

#: A list label with the tab Word puts after it ("-<tab>Như trên;", "1.<tab>..."): no column.
_LABEL_TAB = re.compile("^([-+•*–]|\\d{1,2}(?:\\.\\d{1,2})*[.)]|[a-zđ]\\)|[IVX]{1,5}\\.|(?:Điều|Chương|Mục|Phần)\\s+[\\dIVX]+[.:]?)[ ]*"
                        + _TAB + "[ " + _TAB + "]*")
#: Paragraphs without a tab that may stand inside a zone between two that have one (the
#: left half's own lines) — at most this many in a row, each a short line; the lines of a
#: recipients list (``Nơi nhận:``, ``- Như trên;``) and empty paragraphs do not count, up
#: to ``_ZONE_MAX`` paragraphs in all.
_ZONE_GAP = 3
_ZONE_LINE = 160
_ZONE_MAX = 60
#: A line that goes on in the left half after the last line with halves: a recipient, a
#: Công văn's trích yếu under its number.
_LEFT_GOES_ON = re.compile(r"^\s*(?:[-+•]\s|V/v|Về\s)")
#: A line of the recipients list, whatever its alignment: the list's head or one recipient.
_RECIPIENT = re.compile(r"^\s*(?:(?:Nơi|NƠI)\s+(?:nhận|NHẬN)\b|[-+•]\s*\S)")
_RECIPIENT_LINE = 100
#: The longest right half: a title, a place and date, a name. A longer text after tabs
#: is a sentence indented with them.
_HALF_LINE = 100
#: A run of blanks a typist pushed the right half across with, as a tab stop does.
_BLANKS = re.compile("[ \u00a0]{5,}")


def _left_line(it: RawItem) -> bool:
    """A paragraph that may be a line of the left half inside a zone: one short line, not
    centred or justified as the body's lines and headings are, in capitals (a body's name),
    a rule, a recipient or a Công văn's trích yếu; or a line of a recipients list."""
    if _recipient(it):
        return True
    if not isinstance(it, Para) or it.align in ("center", "justify"):
        return False
    t = _text(it).replace(_TAB, " ").strip()
    if not t or "\n" in t or len(t) > _ZONE_LINE:
        return False
    letters = [c for c in t if c.isalpha()]
    return not letters or all(c.isupper() for c in letters) or _LEFT_GOES_ON.match(t) is not None


def _text(p: Para) -> str:
    return "".join(r.text for r in p.runs)


def _recipient(it: RawItem) -> bool:
    if not isinstance(it, Para):
        return False
    t = _text(it).replace(_TAB, " ").strip()
    return len(t) <= _RECIPIENT_LINE and "\n" not in t and _RECIPIENT.match(t) is not None


def _empty(it: RawItem) -> bool:
    return isinstance(it, Para) and not _text(it).replace(_TAB, " ").strip()


def _blanks_as_tabs(it: RawItem) -> RawItem:
    """Runs of five blanks or more (spaces, no-break spaces) as tab stops."""
    if isinstance(it, Para):
        for r in it.runs:
            if "  " in r.text or "\u00a0" in r.text:
                r.text = _BLANKS.sub(_TAB, r.text)
    return it


def _halves(p: Para) -> tuple[list[Run], list[Run]] | None:
    """A paragraph of one line parted by tab stops: its left and right runs (the left may
    be empty: the right half alone after its tabs), or ``None``."""
    text = _text(p)
    if "\n" in text or _TAB not in text:
        return None
    lead = _LABEL_TAB.match(text)
    if lead is not None and _TAB not in text[lead.end():]:
        return None  # "-<tab>Như trên;": the label's tab only
    left: list[Run] = []
    right: list[Run] = []
    seen = False
    skip = lead.end() if lead is not None else 0  # the label's own tab is a blank
    pos = 0
    for r in p.runs:
        t = r.text
        for k, ch in enumerate(t):
            if ch == _TAB and pos + k >= skip and not seen:
                head, tail = t[:k], t[k:]
                if head:
                    left.append(Run(head, r.bold, r.italic, r.font_encoding))
                if tail.strip(_TAB + " "):
                    right.append(Run(tail.lstrip(_TAB + " "), r.bold, r.italic, r.font_encoding))
                seen = True
                break
        else:
            (right if seen else left).append(r)
        pos += len(t)
    right_text = "".join(x.text for x in right).strip(_TAB + " ")
    if not right_text or right_text[0].islower() or right_text[0] in "-+•" or len(right_text) > _HALF_LINE:
        # a half opens as a line does ("... tuyên truyền<tab>và ..." is one sentence) and is
        # short; a recipient or a sentence after a tab is only indented
        return None
    return left, right


def tab_zones(items: list[RawItem]) -> list[RawItem]:
    """Runs of paragraphs laid out in two halves with tab stops (``Nơi nhận:<tab><tab>KT.
    CHỦ TỊCH``; ``ỦY BAN NHÂN DÂN<tab>CỘNG HÒA ...``): two of them at least, with no more
    than a few short lines of the left half between them, become one row of two cells, as
    Word's header or closing table reads. Every other tab is a blank."""
    items = [_blanks_as_tabs(it) for it in items]
    halves = [(_halves(it) if isinstance(it, Para) else None) for it in items]
    out: list[RawItem] = []
    i = 0
    n = len(items)
    while i < n:
        if halves[i] is None:
            out.append(_untab(items[i]))
            i += 1
            continue
        j = i  # the zone's last paragraph with halves
        k = i + 1
        gap = 0
        while k < n and k - i < _ZONE_MAX:
            if halves[k] is not None:
                j, gap = k, 0
            elif _empty(items[k]) or _recipient(items[k]):
                pass
            elif _left_line(items[k]) and gap < _ZONE_GAP:
                gap += 1
            else:
                break
            k += 1
        zone = list(zip(items[i : j + 1], halves[i : j + 1]))
        has_left = any((h is None and not _empty(it)) or (h is not None and "".join(x.text for x in h[0]).strip())
                       for it, h in zone)
        if sum(1 for _, h in zone if h is not None) < 2 or not has_left:
            # one line with halves, or lines only indented with tabs (no left half): no columns
            out.append(_untab(items[i]))
            i += 1
            continue
        # the left half goes on under the last line with halves: recipients, a Công văn's
        # trích yếu under its number
        while j + 1 < n and j + 1 - i < 60 and halves[j + 1] is None and _left_line(items[j + 1]) \
                and _LEFT_GOES_ON.match(_text(items[j + 1])):
            j += 1
        left: list[Para] = []
        right: list[Para] = []
        for it, h in zip(items[i : j + 1], halves[i : j + 1]):
            assert isinstance(it, Para)
            if h is None:
                left.append(_untab(it))
                continue
            if h[0] and "".join(x.text for x in h[0]).strip():
                left.append(_untab(Para(h[0], it.align)))
            right.append(_untab(Para(h[1], it.align)))
        out.append(RawTable([[RawCell(left), RawCell(right)]]))
        i = j + 1
    return out


def _untab(it: RawItem) -> RawItem:
    """Tabs left in a paragraph (or a table's paragraphs) as blanks."""
    if isinstance(it, Para):
        for r in it.runs:
            if _TAB in r.text:
                r.text = r.text.replace(_TAB, " ")
        return it
    for row in it.rows:
        for cell in row:
            for p in cell.paras:
                _untab(p)
    return it
