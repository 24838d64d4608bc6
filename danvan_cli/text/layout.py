"""The layout stage: the structure of one administrative document, built once, read by all.

Nghị định 30/2020/NĐ-CP (and Hướng dẫn 36-HD/VPTW for the Party) fixes the parts of a
document; bluebell's grammar names them. Whatever form the text came in — a page saved
from a portal with its chrome, Markdown with bar- or pipe-tables, columns flattened side
by side, a .docx/HTML/PDF whose reader handed over real paragraphs and cells — the layout
finds the same parts:

- ``start``/``end``: the document inside any site chrome (a portal's metadata panel above,
  related lists and notices below: ``chrome.py``);
- **header** (preface): the zone above the type line, as *units* (a table cell, or the whole
  zone when no table holds it) placed in their column (left: parent body, issuing body,
  ``Số``; right: Quốc hiệu or ``ĐẢNG CỘNG SẢN VIỆT NAM``, motto, place and date);
- the **type line** (``QUYẾT ĐỊNH``, ``KẾ HOẠCH``...) and the **title** (trích yếu) under it,
  or a Công văn's ``V/v`` in the header; ``Kính gửi``;
- **preamble** (from the title to the first numbered item: Căn cứ, Thực hiện...), **body**
  (the numbered outline), **closing**; the **signature** zone (``TM.``/``KT.``/... marks,
  title, name, seal lines) and **recipients** (``Nơi nhận:``), as units in columns too;
  **attachments** (``PHỤ LỤC``, texts ``ban hành kèm theo``) after the signature;
- **tables** wherever they are, as ``blocks.Table`` (from the reader, or recovered from the
  text by ``tables.py``).

The boundary rules — where the header ends, where the numbered body starts, where the body
ends (``Nơi nhận`` or a signature block), the authority marks, where an attachment starts —
live here alone; the extractors read regions from the ``Layout``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from ..refdata import alternation, pattern, type_words
from .blocks import Blocks, Table
from .chrome import document_end, document_start, header_motto
from .clean import Clean, clean
from .tables import bar_tables, pipe_tables

#: How far (non-empty lines) below the document's start the type line may stand.
HEADER_LINES = 45
#: How many lines of a text's end may hold its signature and recipients.
TAIL_LINES = 80


@dataclass(frozen=True, slots=True)
class Line:
    """One line: ``[start, end)`` of its content (blanks at both ends left out) and that
    content as the matching view has it (Markdown marks blanked)."""

    start: int
    end: int
    text: str
    #: the line holds only ``|`` (a bar-form table's cell or row boundary)
    bar: bool = False

    @property
    def is_caps(self) -> bool:
        return self.text.isupper()


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of a header or signature zone read as one: a table cell, a column of
    side-by-side lines, or the zone itself. ``column`` is ``left``, ``right`` or ``None``
    (unknown: the form kept no columns); ``clean`` its text with marks out."""

    start: int
    end: int
    column: str | None
    clean: Clean


@dataclass(slots=True)
class Zone:
    start: int
    end: int
    units: list[Unit] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def left(self) -> list[Unit]:
        return [u for u in self.units if u.column in ("left", None)]

    def right(self) -> list[Unit]:
        return [u for u in self.units if u.column in ("right", None)]


@dataclass(slots=True)
class Layout:
    """The parts of one document (see the module doc). Offsets are into ``text``."""

    text: str
    view: str
    form: str
    lines: list[Line]
    start: int
    end: int
    header: Zone
    doc_type: str | None = None
    type_span: tuple[int, int] | None = None
    #: where the trích yếu starts when it follows the type word on its line
    title_inline: int | None = None
    #: the line index of the type line
    type_index: int | None = None
    body_start: int = 0
    outline_start: int | None = None
    body_end: int = 0
    signature: Zone | None = None
    recipients_start: int | None = None
    attachments: list[tuple[int, int]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def region(self, name: str) -> tuple[int, int]:
        """``header``, ``preamble``, ``body``, ``tail`` (signature and recipients) as spans."""
        if name == "header":
            return self.start, self.body_start
        if name == "preamble":
            return self.body_start, self.outline_start if self.outline_start is not None else self.body_end
        if name == "body":
            return (self.outline_start if self.outline_start is not None else self.body_start), self.body_end
        if name == "tail":
            stop = self.attachments[0][0] if self.attachments else self.end
            return self.body_end, stop
        raise KeyError(name)

    def body_regions(self) -> list[tuple[int, int]]:
        """Where the document's text of tasks lies: the main body and each attachment."""
        out = [(self.start, self.body_end)] if self.body_end > self.start else []
        out.extend(self.attachments)
        return out

    def line_index(self, pos: int) -> int:
        """The index of the line holding ``pos``."""
        lo, hi = 0, len(self.lines)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.lines[mid].end < pos:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(self.lines) - 1)


def lines_of(view: str, start: int = 0, end: int | None = None, text: str | None = None) -> list[Line]:
    """The lines of ``view[start:end]``; with ``text`` (the same text with its marks), lines
    holding only ``|`` are marked ``bar``."""
    end = len(view) if end is None else end
    out = []
    pos = start
    while pos <= end:
        nl = view.find("\n", pos, end)
        stop = end if nl < 0 else nl
        raw = view[pos:stop]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        bar = not stripped and text is not None and text[pos:stop].strip() == "|"
        out.append(Line(pos + lead, pos + lead + len(stripped), stripped, bar))
        if nl < 0:
            break
        pos = nl + 1
    return out


# --- the type line ---------------------------------------------------------------------------


@cache
def _type_spellings() -> dict[str, str]:
    """Type names in capitals (``KẾ HOẠCH``) -> canonical name."""
    return {w.upper(): name for w, name in type_words().items()}


@cache
def _type_anywhere() -> regex.Pattern[str]:
    """A type name in capitals as a whole word: for a header flattened onto one line."""
    return regex.compile(r"(?<![\p{L}\d/])(?:" + alternation(list(_type_spellings())) + r")(?![\p{L}\d])")


def caps_type_line(text: str) -> tuple[str, int] | None:
    """``CHỈ THỊ`` / ``KẾ HOẠCH Triển khai ...``: the type name, and where the rest starts in
    ``text`` (its length when nothing follows)."""
    if not text or not text.split(None, 1)[0].isupper():
        return None  # a type line opens with a word in capitals: most lines are out at once
    spellings = _type_spellings()
    words = text.split()
    for k in range(min(4, len(words)), 0, -1):
        spelling = " ".join(words[: k - 1] + [words[k - 1].rstrip(":")])
        name = spellings.get(spelling)
        if name is None or not text.startswith(spelling):
            continue
        n = len(spelling)
        if len(text) == n or (text[n] in " \t:" and not text[n:].strip().startswith(("SỐ", "Số", "số"))):
            rest = text[n:].lstrip(" \t:")
            if not rest and text[n:].strip() == ":":
                return None  # "QUYẾT ĐỊNH:" after the Căn cứ lines: the formula that opens the articles
            if rest and rest.isupper() and len(rest.split()) <= 2:
                return None  # "KẾ HOẠCH HÀNH ĐỘNG"? too short to be a title: not a type line
            return name, (len(text) - len(rest)) if rest else len(text)
    return None


# --- column splitting of side-by-side lines --------------------------------------------------

#: A gap between two columns laid side by side: a tab or five blanks and more, not after a
#: field left blank (``Số:      /KH``, ``ngày    tháng``).
_GAP = regex.compile(r"(?<!(?:Số|SỐ|số)\s*:?|ngày|tháng|năm)(?:\t|[ ]{5,})")


def _visual_col(raw: str, i: int) -> int:
    col = 0
    for ch in raw[:i]:
        col = (col // 8 + 1) * 8 if ch == "\t" else col + 1
    return col


def _side_by_side(text: str, view: str, lines: list[Line]) -> list[Unit] | None:
    """Lines carrying two columns (a gap of a tab or 3+ spaces with text on both sides) in
    at least two lines of the zone: the left and right columns as two units each built from
    their parts, a line with one part placed by where it starts."""
    parts_by_line: list[list[tuple[int, int, int]]] = []  # (start, end, visual col)
    two = 0
    right_cols: list[int] = []
    for ln in lines:
        if not ln.text:
            parts_by_line.append([])
            continue
        line_start = view.rfind("\n", 0, ln.start) + 1
        raw = view[line_start : ln.end]
        parts = []
        pos = ln.start - line_start
        for m in _GAP.finditer(raw, pos):
            if m.start() > pos:
                parts.append((line_start + pos, line_start + m.start(), _visual_col(raw, pos)))
            pos = m.end()
        if pos < len(raw):
            parts.append((line_start + pos, line_start + len(raw), _visual_col(raw, pos)))
        parts = [p for p in parts if view[p[0] : p[1]].strip()]
        if len(parts) >= 2:
            two += 1
            right_cols.append(parts[1][2])
        parts_by_line.append(parts)
    if two < 2:
        return None
    right_cols.sort()
    right_at = right_cols[len(right_cols) // 2]
    if sum(1 for c in right_cols if abs(c - right_at) <= 10) < 2:
        return None  # the second parts stand nowhere near each other: not a column
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []
    for parts in parts_by_line:
        if len(parts) >= 2:
            left.append(parts[0][:2])
            right.extend(p[:2] for p in parts[1:])
        elif len(parts) == 1:
            (right if parts[0][2] >= right_at - 6 else left).append(parts[0][:2])
    units = []
    for column, spans in (("left", left), ("right", right)):
        if spans:
            units.append(_unit_of_spans(text, view, spans, column))
    return units


def _unit_of_spans(text: str, view: str, spans: list[tuple[int, int]], column: str | None) -> Unit:
    """One unit from pieces of several lines: their clean texts joined by line breaks."""
    pieces = [clean(text, view, a, b) for a, b in spans]
    s_parts: list[str] = []
    at: list[int] = []
    for p in pieces:
        if not p.s:
            continue
        if s_parts:
            s_parts.append("\n")
            at.append(p.at[0])
        s_parts.append(p.s)
        at.extend(p.at)
    return Unit(spans[0][0], spans[-1][1], column, Clean("".join(s_parts), tuple(at), spans[-1][1]))


# --- zones ------------------------------------------------------------------------------------


def _table_units(text: str, view: str, table: Table) -> list[Unit]:
    """The cells of a table as units; the first column is left, the last non-empty one right
    (a header table of two columns; a spacer column between them is skipped)."""
    units = []
    for row in table.rows:
        filled = [c for c in row.cells if c.end > c.start]
        for c in filled:
            if len(filled) == 1:
                column = "left" if c.col == 0 and table.columns > 1 else ("right" if c.col > 0 else None)
            else:
                column = "left" if c is filled[0] else "right"
            units.append(Unit(c.start, c.end, column, clean(text, view, c.start, c.end)))
    return units


def _zone(text: str, view: str, lines: list[Line], start: int, end: int, tables: list[Table]) -> Zone:
    """A header or signature zone: its tables' cells, then the lines outside them (side by
    side in two columns when they are, else the whole rest as one unit)."""
    z = Zone(start, end)
    inside = [t for t in tables if t.start < end and t.end > start]
    z.tables = inside
    covered: list[tuple[int, int]] = [(t.start, t.end) for t in inside]
    for t in inside:
        z.units.extend(_table_units(text, view, t))
    free = [ln for ln in lines if start <= ln.start < end and ln.text
            and not any(a <= ln.start < b for a, b in covered)]
    if free:
        sbs = _side_by_side(text, view, free)
        if sbs is not None:
            z.units.extend(sbs)
        else:
            # Consecutive free lines form one unit (a gap of covered text splits them).
            run: list[Line] = []
            for ln in free:
                if run and any(run[-1].end <= a < ln.start for a, _ in covered):
                    z.units.append(_unit_of_spans(text, view, [(x.start, x.end) for x in run], None))
                    run = []
                run.append(ln)
            if run:
                z.units.append(_unit_of_spans(text, view, [(x.start, x.end) for x in run], None))
    z.units.sort(key=lambda u: u.start)
    return z


# --- body boundaries ---------------------------------------------------------------------------

_NOI_NHAN = regex.compile(r"(?i)^[ \t]*(?:nơi\s+nhận|NƠI\s+NHẬN)\s*:?")
_OUTLINE_START = regex.compile(
    r"(?m)^[ \t]*(?:(?:PHẦN|Phần|CHƯƠNG|Chương|Mục|MỤC)\s+[IVXLC\d]+|Điều\s+\d+\s*[.:]|ĐIỀU\s+\d+\s*[.:]|[IVXLC]{1,6}\s*[.)]|\d{1,2}\s*[.)]\s|[a-zđ]\)\s)"
)
_NAME_LINE = regex.compile(r"^(?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$")
_CAPS_NAME_LINE = regex.compile(r"^\p{Lu}+(?:\s+\p{Lu}+){1,5}$")
_ATTACHMENT = regex.compile(
    r"^[ \t]*+(?:\([ \t]*+)?(?:(?:PHỤ\s+LỤC|KẾ\s+HOẠCH|QUY\s+CHẾ|QUY\s+ĐỊNH|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|PHƯƠNG\s+ÁN|HƯỚNG\s+DẪN|DANH\s+MỤC|BIỂU\s+MẪU|MẪU)(?:[ \t]+[\dIVXLC]+[.:]?)?[ \t]*$"
    r"|(?i:ban\s+hành\s+)?(?i:kèm\s+theo)\s+(?:Quyết\s+định|Kế\s+hoạch|Công\s+văn|Chỉ\s+thị|Nghị\s+quyết|Thông\s+tư|Nghị\s+định))"
)


def authority_mark(s: str) -> regex.Match[str] | None:
    """The authority mark opening ``s`` (``TM.``, ``KT.``, ``Q.``, ``TL.``, ``TUQ.``, Party
    ``T/M``, ``K/T``...) when a title in capitals follows it."""
    m = pattern("signature", "authority_marks").match(s)
    if m is None:
        return None
    rest = s[m.end():].lstrip(" .")
    return m if rest[:1].isupper() else None


def is_title_line(s: str) -> bool:
    """A signer's title in capitals: ``CHỦ TỊCH``, ``PHÓ GIÁM ĐỐC``, ``KT. BỘ TRƯỞNG``."""
    if not s or not s.isupper() or len(s.split()) > 10:
        return False
    body = s.removeprefix("PHÓ ").strip()
    m = pattern("signature", "titles").match(body)
    return m is not None


def is_name_line(s: str) -> bool:
    """A person's name: two to six words each capitalized (``Phùng Thị Hồng Hà``), or in
    capitals (``NGUYỄN VĂN A``) when not a title, after any rank or degree."""
    s = strip_honorific(" ".join(s.split()))
    if not s or any(ch.isdigit() for ch in s):
        return False
    if _NAME_LINE.match(s):
        return not pattern("signature", "seal_lines").search(s)
    return bool(_CAPS_NAME_LINE.match(s)) and not is_title_line(s) and not authority_mark(s)


def is_person_line(s: str) -> bool:
    """A name written as names are (``Phùng Thị Hồng Hà``, not in capitals): what closes a
    signature block."""
    return is_name_line(s) and not s.isupper()


def strip_honorific(s: str) -> str:
    m = pattern("signature", "honorifics").match(s)
    return s[m.end():].strip(" ,") if m else s


def _signature_at(lines: list[Line], i: int) -> bool:
    """Does a signature block open at line ``i``: an authority mark, or a title in capitals,
    with a person's name within the next lines."""
    t = lines[i].text
    if not (authority_mark(t) or is_title_line(t)):
        return False
    for k, ln in enumerate(lines[i + 1 : i + 9]):
        if not ln.text or ln.bar:
            continue
        if is_person_line(ln.text) or _split_name(lines, i + 1 + k):
            return True
        if _NOI_NHAN.match(ln.text):
            return authority_mark(t) is not None
    return authority_mark(t) is not None and any(authority_mark(x.text) for x in lines[i + 1 : i + 3])


def _body_end(lines: list[Line], lo: int, hi: int) -> tuple[int | None, int | None]:
    """The line indices of ``Nơi nhận:`` and of the signature block's first line that end the
    main body: the first of either after line ``lo`` (before ``hi``)."""
    nn = sig = None
    for i in range(lo, hi):
        t = lines[i].text
        if not t:
            continue
        if nn is None and _NOI_NHAN.match(t):
            nn = i
        if sig is None and _signature_at(lines, i):
            sig = i
        if nn is not None and sig is not None:
            break
        if (nn is not None and i - nn > 60) or (sig is not None and i - sig > 60):
            break
    return nn, sig


def _attachments(lines: list[Line], view: str, after: int, end: int) -> list[tuple[int, int]]:
    """Texts after the signature: each opens with ``PHỤ LỤC``, a type word alone on its line or
    ``(Ban hành kèm theo ...)`` and runs to the next one (or the document's end)."""
    starts = []
    for ln in lines:
        if ln.start < after or ln.start >= end or not ln.text:
            continue
        if _ATTACHMENT.match(ln.text):
            starts.append(ln.start)
    out = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else end
        if e > s:
            out.append((s, e))
    # Merge a type line and its own "(kèm theo ...)" line into one attachment.
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and view[merged[-1][0] : a].count("\n") <= 4:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


# --- building ------------------------------------------------------------------------------


def build_layout(text: str, view: str, blocks: Blocks | None = None) -> Layout:
    """The layout of one document's text (already normalized; ``view`` its matching view).
    ``blocks``: the paragraphs and tables a structured reader saw, when there are any."""
    lines = lines_of(view, text=text)
    start = document_start(text, view, lines)
    reader_tables = blocks.tables() if blocks is not None else None

    # The type line: the first line in capitals naming a type, near the top.
    type_index = None
    doc_type = None
    inline = None
    nonempty = 0
    first = next((i for i, ln in enumerate(lines) if ln.start >= start), len(lines))
    for i in range(first, len(lines)):
        ln = lines[i]
        if not ln.text:
            continue
        nonempty += 1
        if nonempty > HEADER_LINES:
            break
        hit = caps_type_line(ln.text)
        if hit is not None:
            doc_type, rest = hit
            type_index = i
            inline = ln.start + rest if rest < len(ln.text) else None
            break
    header_end = lines[type_index].start if type_index is not None else None
    type_span = None
    if type_index is not None:
        ln = lines[type_index]
        type_span = (ln.start, inline if inline is not None else ln.end)
    if header_end is None:
        header_end = _flat_header_end(view, lines, first)
        if header_end is not None:
            m = _type_anywhere().search(view, header_end, min(len(view), header_end + 200))
            if m is not None:
                doc_type = _type_spellings()[" ".join(m.group(0).split())]
                type_span = (m.start(), m.end())
                inline = m.end()
    if header_end is None:
        header_end = _plain_header_end(lines, first)

    end = len(text)
    header_tables = (
        [t for t in reader_tables if t.start < header_end and t.end > start]
        if reader_tables is not None
        else pipe_tables(text, start, header_end) + bar_tables(text, start, header_end, lead=True)
    )
    header = _zone(text, view, lines, start, header_end, header_tables)
    lay = Layout(text, view, blocks.form if blocks else "text", lines, start, end, header,
                 doc_type=doc_type, type_span=type_span, title_inline=inline, type_index=type_index)

    # Where the body ends: Nơi nhận or the signature block, whichever comes first.
    lo = type_index + 1 if type_index is not None else lay.line_index(header_end)
    hi = len(lines)
    nn, sig = _body_end(lines, lo, hi)
    ends = [i for i in (nn, sig) if i is not None]
    if ends:
        first_tail = min(ends)
        # a bar line just above (the opening bar of the table holding Nơi nhận) belongs to the tail
        lay.body_end = lines[first_tail].start
        tail_lo = first_tail
    else:
        lay.body_end = end
        tail_lo = None
    lay.recipients_start = lines[nn].start if nn is not None else None
    if tail_lo is not None:
        tail_hi = _tail_end(lines, tail_lo, nn, sig)
        att_from = lines[tail_hi - 1].end if tail_hi > 0 else lay.body_end
        lay.end = document_end(text, view, lines, att_from)
        lay.attachments = _attachments(lines, view, att_from, lay.end)
        sig_stop = lay.attachments[0][0] if lay.attachments else lay.end
        sig_stop = min(sig_stop, lines[min(tail_hi, len(lines) - 1)].end if tail_hi < len(lines) else lay.end)
        tail_tables = (
            [t for t in reader_tables if t.start < sig_stop and t.end > lay.body_end]
            if reader_tables is not None
            else bar_tables(text, _opening_bar(lines, tail_lo), sig_stop) + pipe_tables(text, lay.body_end, sig_stop)
        )
        lay.signature = _zone(text, view, lines, lay.body_end, sig_stop, tail_tables)
    else:
        lay.end = document_end(text, view, lines, header_end)
    if reader_tables is not None:
        lay.tables = list(reader_tables)
    else:
        body_tables = bar_tables(text, header_end, lay.body_end) + pipe_tables(text, header_end, lay.body_end)
        for a, b in lay.attachments:
            body_tables += bar_tables(text, a, b) + pipe_tables(text, a, b)
        lay.tables = sorted(header_tables + body_tables + (lay.signature.tables if lay.signature else []),
                            key=lambda t: t.start)
    return lay


def _opening_bar(lines: list[Line], i: int) -> int:
    """Where the tail's table starts: the bar line just above line ``i``, if there is one."""
    if i > 0 and lines[i - 1].bar:
        return lines[i - 1].start - 1
    return lines[i].start


def _split_name(lines: list[Line], i: int) -> bool:
    """A name wrapped after its first word (``Trần`` / ``Chí Hùng``)."""
    t = lines[i].text
    if len(t.split()) != 1 or not _NAME_LINE.match(t + " X"):
        return False
    nxt = next((x for x in lines[i + 1 : i + 3] if x.text), None)
    return nxt is not None and is_person_line(f"{t} {nxt.text}")


def _tail_end(lines: list[Line], lo: int, nn: int | None, sig: int | None) -> int:
    """The line index just past the signature block and the recipients list: the signer's
    name closes the block, unless the recipients list follows it."""
    last = lo
    i = lo
    n = len(lines)
    seen_name = False
    while i < n and i - lo < TAIL_LINES:
        t = lines[i].text
        if t:
            if sig is not None and i > sig and (is_person_line(t) or _split_name(lines, i)):
                if _split_name(lines, i):
                    i = next(k for k in range(i + 1, n) if lines[k].text)
                last = i
                seen_name = True
                if nn is None or i > nn:
                    nxt = next((x for x in lines[i + 1 : i + 4] if x.text), None)
                    if nxt is None or not _NOI_NHAN.match(nxt.text):
                        break
            elif _NOI_NHAN.match(t) or t.startswith(("-", "+", "•")) or authority_mark(t) or t.isupper():
                last = i
            elif pattern("signature", "seal_lines").search(t) or t.startswith(("(", "[")):
                last = i
            elif seen_name or (nn is not None and i > nn and lines[i - 1].text and not lines[i - 1].text.endswith((";", ".", ":"))):
                if seen_name:
                    break
                last = i  # a recipient wrapped onto the next line
        i += 1
    return last + 1


def _flat_header_end(view: str, lines: list[Line], first: int) -> int | None:
    """A header flattened onto one or two long lines: where its date line ends (the type
    word follows it); ``None`` when the top does not read so."""
    from ..extract.dates import VERBAL_DATE

    top = [ln for ln in lines[first : first + 4] if ln.text]
    if not top or len(top[0].text) < 200:
        return None
    q = header_motto(view, top[0].start, top[0].end)
    if q is None:
        return None
    d = VERBAL_DATE.search(view, q[1], min(len(view), q[1] + 600))
    return d.end() if d else None


def _plain_header_end(lines: list[Line], first: int) -> int:
    """No type line: the header is what stands above ``Kính gửi``, or above the first long
    line (a Công văn, a news report)."""
    kg = pattern("header", "kinh_gui")
    for ln in lines[first : first + HEADER_LINES]:
        if ln.text and kg.match(ln.text):
            return ln.start
    count = 0
    for ln in lines[first:]:
        if not ln.text:
            continue
        count += 1
        if len(ln.text) > 200 or count > 15:
            return ln.start
    return lines[-1].end if lines else 0


_LINE_START = regex.compile(r"(?m)^[ \t*_]*+(?=\S)")


def outline_start(view: str, start: int, end: int) -> int | None:
    """Where the numbered body begins (``I.``, ``1.``, ``1.1``, ``a)``, ``Điều 1.`` or
    ``Điều 1:``, ``PHẦN I``), i.e. where the preamble ends: the first line that opens with an
    outline label the outline itself reads (``extract.outline.read_label``), dashes and
    pluses excepted (a preamble lists its bases with them). The one rule for every caller."""
    from ..extract.outline import RANK_DASH, read_label

    for m in _LINE_START.finditer(view, start, end):
        label = read_label(view, m.end(), min(end, m.end() + 40))
        if label is not None and label.rank < RANK_DASH:
            return m.start()
    return None
