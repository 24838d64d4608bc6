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

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

import regex

from ..refdata import alternation, pattern, type_words, unit_word_alternation, words
from .blocks import Blocks, Table
from .chrome import document_end, document_start, header_motto
from .clean import Clean, clean
from .dates import VERBAL_DATE
from .labels import RANK_DASH, read_label
from .lines import Line
from .loose_tables import loose_tables
from .memo import by_line
from .normalize import matching_view
from .tables import bar_tables, pipe_tables

#: How far (non-empty lines) below the document's start the type line may stand.
HEADER_LINES = 45
#: How many lines of a text's end may hold its signature and recipients.
TAIL_LINES = 80


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
    #: the column titles of the tables read without marks (``loose_tables``): no text of an item
    loose_titles: list[tuple[int, int]] = field(default_factory=list)

    def has_cut_lines(self) -> bool:
        """Whether some of its lines were cut out of longer ones (a flattened text, a line
        holding a sentence's end and a signature): more lines than the text has line breaks for."""
        lines = self.lines
        return bool(lines) and len(lines) > self.view.count("\n", lines[0].start, lines[-1].end) + 1

    def cut_line_starts(self) -> tuple[int, ...] | None:
        """Where its lines start when it cut some out of longer ones (``has_cut_lines``): the
        lines items open on in a flattened text; ``None`` when its lines are the text's own."""
        return tuple(x.start for x in self.lines) if self.has_cut_lines() else None

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
    holding only ``|`` are marked ``bar``.

    The stretch is split on its line breaks at once and each piece read once; the rules are
    ``lines_of_plain``'s (a line break found at a time), which it is checked against."""
    end = len(view) if end is None else end
    flat = _opens_flat(view, start, end)
    limit = FLAT_PIECE if flat else FLAT_LINE
    out: list[Line] = []
    append = out.append
    pos = start
    for raw in view[start:end].split("\n"):
        n = len(raw)
        stripped = raw.strip()
        k = len(stripped)
        if not k:
            a = pos + n
            append(Line(a, a, "", text is not None and text[pos : pos + n].strip() == "|"))
        else:
            a = pos if k == n else pos + n - len(raw.lstrip())
            if k > limit:
                out.extend(_virtual_lines(view, a, a + k))
            elif stripped[-1].isupper() and not stripped.isupper() and (cut := _trailing_signature(stripped)) is not None:
                head = stripped[:cut].rstrip()
                append(Line(a, a + len(head), head))
                append(Line(a + cut, a + k, stripped[cut:]))
            else:
                append(Line(a, a + k, stripped))
        pos += n + 1
    return out


def lines_of_plain(view: str, start: int = 0, end: int | None = None, text: str | None = None) -> list[Line]:
    """``lines_of`` a line break at a time: the plain reading the split one is checked against."""
    end = len(view) if end is None else end
    # In a flattened text (a crawler's: it opens with its header on one line) the other
    # lines are pieces of the same stream, cut where a page ended: cut them into parts too.
    flat = _opens_flat(view, start, end)
    limit = FLAT_PIECE if flat else FLAT_LINE
    out = []
    pos = start
    while pos <= end:
        nl = view.find("\n", pos, end)
        stop = end if nl < 0 else nl
        raw = view[pos:stop]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        bar = not stripped and text is not None and text[pos:stop].strip() == "|"
        if len(stripped) > limit:
            out.extend(_virtual_lines(view, pos + lead, pos + lead + len(stripped)))
        elif stripped[-1:].isupper() and not stripped.isupper() and (cut := _trailing_signature(stripped)) is not None:
            # "- Lưu: VT, CN. THỦ TƯỚNG": a table pasted as text joined the recipients' last
            # line and the signature's first with a blank: two lines
            a = pos + lead
            out.append(Line(a, a + len(stripped[:cut].rstrip()), stripped[:cut].rstrip()))
            out.append(Line(a + cut, a + len(stripped), stripped[cut:]))
        else:
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped, bar))
        if nl < 0:
            break
        pos = nl + 1
    return out


@cache
def _trailing_signature_pattern() -> regex.Pattern[str]:
    titles = alternation([w.upper() for w in words("signature", "titles")])
    return regex.compile(
        r"(?<=[.;:)]\s{0,3})(?<!(?<!\p{L})(?:TM|KT|TL|TUQ|Q)\.\s{0,3})"
        r"(?:(?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu}|(?:T/M|K/T|T/L)\s+\p{Lu}|(?:PHÓ\s+)?(?:" + titles + r")(?![\p{L}\d]))"
        r"[\p{Lu}\d\s.,/&-]*$"
    )


def _trailing_signature(line: str) -> int | None:
    """Where a signature's first line (a mark or a title, in capitals) starts at the end of
    a line that ends a sentence before it (not a mark's own dot: ``KT. GIÁM ĐỐC``), or
    ``None``."""
    if "\t" in line or "     " in line:
        return None  # columns side by side: the column split reads them
    m = _trailing_signature_pattern().search(line, max(0, len(line) - 120))
    return m.start() if m is not None and m.start() > 0 else None


#: A line longer than this is a flattened stretch (a crawler's text) and is cut into
#: virtual lines where a document's parts open.
FLAT_LINE = 400
#: In a flattened text, lines longer than this are cut too (the last piece of a page).
FLAT_PIECE = 80


_NUMBER_FIELD = regex.compile(r"(?<!\p{L})(?:Số|SỐ)\s*:?\s*\d")


def _opens_flat(view: str, start: int, end: int) -> bool:
    """Whether the text opens flattened (a crawler's): its first non-empty line is longer
    than ``FLAT_LINE``, or holds the whole header (the Quốc hiệu and the number field)."""
    pos = start
    while pos < end:
        nl = view.find("\n", pos, end)
        stop = end if nl < 0 else nl
        a = pos + len(view[pos:stop]) - len(view[pos:stop].lstrip())
        b = a + len(view[a:stop].strip())
        if b > a:
            if b - a > FLAT_LINE:
                return True
            return b - a > 120 and header_motto(view, a, b) is not None and _NUMBER_FIELD.search(view, a, b) is not None
        if nl < 0:
            break
        pos = nl + 1
    return False


@cache
def _part_opens() -> regex.Pattern[str]:
    """Where a part opens inside a flattened line: the recipients, an authority mark with
    its title (``KT.``; ``KT`` with no dot only after a sentence's end: ``Cục KT VB`` is a
    body's abbreviation), an article or a numbered item after a sentence's end, a signer's
    title in capitals after one (``- Lưu: VT. CHỦ TỊCH Phùng Thị Hồng Hà``: ``data/lexicon/
    signature.yaml`` ``titles``), an attachment's heading (``PHỤ LỤC``, ``(Kèm theo``), a
    digital signature's stamp (``Ký bởi:``)."""
    titles = alternation([w.upper() for w in words("signature", "titles")])
    # Every part opens with a capital, a digit or a bracket: the first look-ahead turns away
    # the blanks before words in lower case (most of running text) at once.
    return regex.compile(
        r"(?<=\S)\s++(?=[\p{Lu}\d(\-+]|[a-zđ]\)\s)(?=Nơi\s+nhận\s*:|NƠI\s+NHẬN\s*:|(?:TM|KT|TL|TUQ|Q)\.\s*\p{Lu}{2,}|(?:T/M|K/T|T/L)\s+\p{Lu}{2,}"
        r"|PHỤ\s+LỤC(?![\p{L}])|\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\s|Ký\s+bởi\s*:"
        # an item after a section's heading in capitals ("II. NHIỆM VỤ TRỌNG TÂM 1. Tổ chức ...")
        r"|(?<=(?<![\p{L}\d])[\p{Lu}\p{M}]{2,}\s{1,3})\d{1,2}\.\s+\p{Lu}\p{Ll}"
        r"|(?<=[.;:]\s{0,8})(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+\p{Lu}|[a-zđ]\)\s+\p{Lu}|[\-+]\s+\p{Lu})"
        r"|(?<=[.;:]\s{0,8})(?:(?:TM|KT|TL|TUQ)\s+\p{Lu}{2,}|Điều\s+\d{1,3}\s*[.:]|[IVX]{1,5}\.\s+\p{Lu}|\d{1,2}\.\s+\p{Lu}"
        r"|(?<!(?<!\p{L})(?:TM|KT|TL|TUQ|Q)\.\s{0,3})(?:PHÓ\s+)?(?:" + titles + r")(?![\p{L}\d])))"
    )


_BULLET_OPENS = regex.compile(r"(?<=[;.:])\s++(?=[-+•]\s{1,3}\S)")


def _virtual_lines(view: str, a: int, b: int) -> list[Line]:
    """A flattened line cut where parts open (see ``_PART_OPENS``); after ``Nơi nhận:``,
    at each recipient's dash too. Offsets stay those of the text."""
    cuts = [m.end() for m in _part_opens().finditer(view, a, b)]
    nn = regex.search(r"(?i)nơi\s+nhận\s*:", view[a:b])
    if nn is not None:
        cuts += [m.end() for m in _BULLET_OPENS.finditer(view, a + nn.end(), b)]
    bounds = [a, *sorted(set(c for c in cuts if a < c < b)), b]
    # A signature block goes on into what follows the name (an attachment's heading, a
    # note): cut after the name.
    for x, y in list(zip(bounds, bounds[1:])):
        at = _signature_name_end(view, x, y)
        if at is not None:
            bounds.append(at)
    bounds = sorted(set(bounds))
    out = []
    for x, y in zip(bounds, bounds[1:]):
        seg = view[x:y]
        st = seg.strip()
        if st:
            lead = len(seg) - len(seg.lstrip())
            out.append(Line(x + lead, x + lead + len(st), st))
    return out


# A signature's capitals, then the signer's name, then more text: the name is the run of
# capitalized words up to a word in capitals, a bracket or a digit, or up to the word that
# opens the next sentence (``Đào Thu Hương Ghi chú: ...``).
_SIGNATURE_THEN_MORE = regex.compile(
    r"(?P<caps>(?:[\p{Lu}\d./,]+\s+)*?[\p{Lu}\d./,]+)(?:\s+[\(\[][^)\]\n]{1,40}[\)\]])?\s+(?P<name>\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+){1,5}?)"
    r"(?=\s+(?:\p{Lu}{2,}|[\[(\d]|\p{Lu}[\p{Ll}\p{M}]*\s+\p{Ll}))"
)


def _signature_name_end(view: str, x: int, y: int) -> int | None:
    """Where the signer's name ends in a flattened piece ``[x, y)`` that opens with a
    signature (an authority mark or a title in capitals) and goes on after the name."""
    start = x + len(view[x:y]) - len(view[x:y].lstrip())
    return _signature_then_more(view, start, min(y, start + _FLAT_SIGNATURE_MAX * 4))


def _signature_then_more(s: str, start: int, stop: int) -> int | None:
    """The end of the signer's name when ``s[start:stop]`` opens with a signature block
    written on one line and more text follows the name (see ``_SIGNATURE_THEN_MORE``)."""
    m = _SIGNATURE_THEN_MORE.match(s, start, stop)
    if m is None or len(m.group("caps")) > _FLAT_SIGNATURE_MAX:
        return None
    caps = m.group("caps")
    if not (authority_mark(caps) or is_title_line(caps)) or not is_person_line(m.group("name")):
        return None
    return m.end("name")


# --- the type line ---------------------------------------------------------------------------


@cache
def _type_spellings() -> dict[str, str]:
    """Type names in capitals (``KẾ HOẠCH``) -> canonical name."""
    return {w.upper(): name for w, name in type_words().items()}


@cache
def _type_anywhere() -> regex.Pattern[str]:
    """A type name in capitals as a whole word: for a header flattened onto one line."""
    return regex.compile(r"(?<![\p{L}\d/])(?:" + alternation(list(_type_spellings())) + r")(?![\p{L}\d])")


_WORD_RUN = regex.compile(r"\S+")


@by_line
def caps_type_line(text: str) -> tuple[str, int] | None:
    """``CHỈ THỊ`` / ``KẾ HOẠCH Triển khai ...``: the type name, and where the rest starts in
    ``text`` (its length when nothing follows)."""
    if not text or not text.split(None, 1)[0].isupper():
        return None  # a type line opens with a word in capitals: most lines are out at once
    spellings = _type_spellings()
    words = text.split()
    # where each word ends in ``text`` (blanks between words may be runs: a zero-width or a
    # non-breaking space read as a blank beside a space)
    ends = [m.end() for m in _WORD_RUN.finditer(text, 0, min(len(text), 80))]
    for k in range(min(4, len(words), len(ends)), 0, -1):
        spelling = " ".join(words[: k - 1] + [words[k - 1].rstrip(":")])
        name = spellings.get(spelling)
        if name is None:
            continue
        n = ends[k - 1] - (len(words[k - 1]) - len(words[k - 1].rstrip(":")))
        if len(text) == n or (text[n] in " \t:" and not text[n:].strip().startswith(("SỐ", "Số", "số"))):
            rest = text[n:].lstrip(" \t:")
            if not rest and text[n:].strip() == ":":
                return None  # "QUYẾT ĐỊNH:" after the Căn cứ lines: the formula that opens the articles
            if rest and rest.isupper() and len(rest.split()) <= 2:
                if pattern("header", "type_qualifiers").fullmatch(rest.strip()):
                    return name, len(text)  # "KẾ HOẠCH LIÊN TỊCH": the type, qualified; the title follows
                return None  # "KẾ HOẠCH HÀNH ĐỘNG"? too short to be a title: not a type line
            return name, (len(text) - len(rest)) if rest else len(text)
    return None


# --- column splitting of side-by-side lines --------------------------------------------------

#: A gap between two columns laid side by side: a tab or five blanks and more, not after a
#: field left blank (``Số:      /KH``, ``ngày    tháng``) nor before a number's slash (``Số:
#: 506     /CV-BCĐ``: the serial typed over the template at signing, the blank it left).
_GAP = regex.compile(r"(?<!(?:Số|SỐ|số)\s*:?|ngày|tháng|năm)(?:\t|[ ]{5,})(?![ \t]*/)")


def _visual_col(raw: str, i: int) -> int:
    col = 0
    for ch in raw[:i]:
        col = (col // 8 + 1) * 8 if ch == "\t" else col + 1
    return col


#: The visual column given to a line's one part that a tab puts in the right half.
_TAB_PLACED = 10_000


def _line_parts(view: str, ln: Line) -> list[tuple[int, int, int]]:
    """A line's parts between gaps (``_GAP``) as ``(start, end, visual column)``; a line's one
    part that its tabs put in the right half gets the column ``_TAB_PLACED``. A line with no
    tab and no run of five spaces is its one part at once; ``_line_parts_plain`` reads every
    line by the gaps it finds (checked to agree)."""
    if not ln.text:
        return []
    line_start = view.rfind("\n", 0, ln.start) + 1
    raw = view[line_start : ln.end]
    if "\t" not in raw and "     " not in raw:
        return [(ln.start, ln.end, ln.start - line_start)]
    return _gap_parts(view, ln, line_start, raw)


def _line_parts_plain(view: str, ln: Line) -> list[tuple[int, int, int]]:
    """``_line_parts`` with every line read by its gaps."""
    if not ln.text:
        return []
    line_start = view.rfind("\n", 0, ln.start) + 1
    return _gap_parts(view, ln, line_start, view[line_start : ln.end])


def _gap_parts(view: str, ln: Line, line_start: int, raw: str) -> list[tuple[int, int, int]]:
    pos = ln.start - line_start
    parts = []
    for m in _GAP.finditer(raw, pos):
        if m.start() > pos:
            parts.append((line_start + pos, line_start + m.start(), _visual_col(raw, pos)))
        pos = m.end()
    if pos < len(raw):
        parts.append((line_start + pos, line_start + len(raw), _visual_col(raw, pos)))
    parts = [p for p in parts if view[p[0] : p[1]].strip()]
    if len(parts) == 1 and raw[:1] == "\t":
        parts = [(parts[0][0], parts[0][1], _TAB_PLACED)]  # the right half alone after its tabs
    return parts


def _side_by_side(text: str, view: str, lines: list[Line]) -> list[Unit] | None:
    """Lines carrying two columns (a gap of a tab or 3+ spaces with text on both sides) in
    at least two lines of the zone: the left and right columns as two units each built from
    their parts, a line with one part placed by where it starts (near the right parts, or
    past the furthest a left part reaches: right)."""
    parts_by_line: list[list[tuple[int, int, int]]] = []  # (start, end, visual col)
    two = 0
    right_cols: list[int] = []
    left_end = 0  # the furthest a left part reaches on a line that carries both columns
    tabbed = 0  # lines whose halves a tab parts (a Word paragraph laid out with tab stops)
    for ln in lines:
        parts = _line_parts(view, ln)
        if len(parts) >= 2:
            two += 1
            right_cols.append(parts[1][2])
            line_start = view.rfind("\n", 0, ln.start) + 1
            left_end = max(left_end, _visual_col(view[line_start : ln.end], parts[0][1] - line_start))
            tabbed += "\t" in view[parts[0][1] : parts[1][0]]
        parts_by_line.append(parts)
    if two < 2:
        return None
    right_cols.sort()
    right_at = right_cols[len(right_cols) // 2]
    if tabbed == two:
        right_at = right_cols[0]  # tab stops align the halves whatever the left half's length
    elif sum(1 for c in right_cols if abs(c - right_at) <= 10) < 2:
        return None  # the second parts stand nowhere near each other: not a column
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []
    for parts in parts_by_line:
        if len(parts) >= 2:
            left.append(parts[0][:2])
            right.extend(p[:2] for p in parts[1:])
        elif len(parts) == 1:
            # a line of one column: right when it starts near the right parts, or past
            # where any left part ends (a wide name centred under a narrower title)
            c = parts[0][2]
            (right if c >= right_at - 6 or c > left_end + 4 else left).append(parts[0][:2])
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
    wide: bool | None = None  # whether the grid has two columns and more (measured once: it reads every cell)
    for row in table.rows:
        filled = [c for c in row.cells if c.end > c.start]
        two_rows = len(filled) == 4 and _opens_number_field(view, filled[2].start, filled[2].end)
        for k, c in enumerate(filled):
            if two_rows:
                # the row boundary between the header's two rows lost ("|" for "|\n|"): the
                # cells run issuer, Quốc hiệu, "Số:", place and date; "Số:" is always left
                column = "left" if k % 2 == 0 else "right"
            elif len(filled) == 1 and _both_halves(view, c.start, c.end):
                column = None  # the two halves stacked in one cell: issuer and Số, then Quốc hiệu and date
            elif len(filled) == 1:
                if wide is None and c.col == 0:
                    wide = table.columns > 1
                column = "left" if c.col == 0 and wide else ("right" if c.col > 0 else None)
            else:
                column = "left" if c is filled[0] else "right"
            units.append(Unit(c.start, c.end, column, clean(text, view, c.start, c.end)))
    return units


_NUMBER_LABEL = regex.compile(r"[\s*_]*+(?:Số|SỐ)(?:\s*:|\s+\d)")
_NUMBER_LINE = regex.compile(r"(?m)^[\s*_]*+(?:Số|SỐ)(?:\s*:|\s+\d)")


def _both_halves(view: str, start: int, end: int) -> bool:
    """Whether one cell holds the header's two halves one under the other: the number
    line, and the Quốc hiệu (or the Party's heading) on a line of its own after it."""
    n = _NUMBER_LINE.search(view, start, end)
    if n is None:
        return False
    return any(pattern("header", k).search(view, n.end(), end) for k in ("quoc_hieu", "party_header"))


def _opens_number_field(view: str, start: int, end: int) -> bool:
    """Whether ``view[start:end]`` opens with the number field (``Số:``, ``Số 15-KH/TU``)."""
    return _NUMBER_LABEL.match(view, start, end) is not None


def _start_of(ln: Line) -> int:
    return ln.start


def _column_units(text: str, view: str, table: Table) -> list[Unit]:
    """A table's columns as units, each the cells of one grid column read down its rows:
    a closing table typed a line to a row (``Nơi nhận:`` | ``HIỆU TRƯỞNG``, ``- Lưu: VT.``
    | ``(đã ký)``, then | ``Võ Văn Long``) holds one signature block down its right column."""
    cols: dict[int, list[tuple[int, int]]] = {}
    for row in table.rows:
        for c in row.cells:
            if c.end > c.start:
                cols.setdefault(c.col, []).append((c.start, c.end))
    first = min(cols) if cols else 0
    return [_unit_of_spans(text, view, spans, "left" if col == first else "right") for col, spans in sorted(cols.items())]


def _zone(text: str, view: str, lines: list[Line], start: int, end: int, tables: list[Table], *,
          by_column: bool = False) -> Zone:
    """A header or signature zone: its tables' cells (``by_column``: a table of several
    rows read column by column), then the lines outside them (side by side in two columns
    when they are, else the whole rest as one unit)."""
    z = Zone(start, end)
    inside = [t for t in tables if t.start < end and t.end > start]
    z.tables = inside
    covered: list[tuple[int, int]] = [(t.start, t.end) for t in inside]
    for t in inside:
        if by_column and len(t.rows) > 1 and t.columns <= 3:
            z.units.extend(_column_units(text, view, t))
        else:
            z.units.extend(_table_units(text, view, t))
    free = []
    for ln in lines[bisect_left(lines, start, key=_start_of) :]:  # lines stand in order
        if ln.start >= end:
            break
        if ln.text and not any(a <= ln.start < b for a, b in covered):
            free.append(ln)
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

_NOI_NHAN = regex.compile(r"(?i)^[ \t]*(?:nơi\s+nhận|NƠI\s+NHẬN)")
#: What follows the words ``Nơi nhận`` when they open the list: a colon, the line's end, a
#: list mark, or the wide gap to the other column (``Nơi nhận         KT. CHỦ TỊCH``).
_NOI_NHAN_THEN = regex.compile(r"\t|[ ]{3}|[ \t]*(?:$|[:\-+•])")


def _opens_recipients(t: str) -> bool:
    """``Nơi nhận`` opens ``t`` (``_NOI_NHAN``, then ``_NOI_NHAN_THEN``): with its colon,
    or alone, or before the list or the other column; not a sentence of the body that
    opens with the words (``nơi nhận vào trang đầu sổ ...``). Asked of every line of a body: a line whose first
    character is neither ``n``/``N`` nor a blank is out without the pattern."""
    if t[:1] not in _NOI_NHAN_FIRST:
        return False
    m = _NOI_NHAN.match(t)
    return m is not None and _NOI_NHAN_THEN.match(t, m.end()) is not None


#: What a line ``_NOI_NHAN`` matches may open with.
_NOI_NHAN_FIRST = ("n", "N", " ", "\t")
_NAME_LINE = regex.compile(r"^(?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$")
_CAPS_NAME_LINE = regex.compile(r"^\p{Lu}+(?:\s+\p{Lu}+){1,5}$")
#: The line that opens an attached text: its title alone in capitals, or "kèm theo" the
#: document it goes with (``data/lexicon/attachments.yaml``).
_ATTACHMENT = regex.compile(
    rf"^[ \t]*+(?:\([ \t]*+)?(?:(?:{alternation(words('attachments', 'titles'))})(?:[ \t]+[\dIVXLC]+[.:]?)?[ \t]*$"
    rf"|(?i:ban\s+hành\s+)?(?i:kèm\s+theo)\s+(?:{alternation(words('attachments', 'carried_by'))}))"
)


@by_line
def authority_mark(s: str) -> regex.Match[str] | None:
    """The authority mark opening ``s`` (``TM.``, ``KT.``, ``Q.``, ``TL.``, ``TUQ.``, Party
    ``T/M``, ``K/T``...) when a title in capitals follows it."""
    m = pattern("signature", "authority_marks").match(s)
    if m is None:
        return None
    rest = s[m.end():].lstrip(" .")
    return m if rest[:1].isupper() else None


@by_line
def is_title_line(s: str) -> bool:
    """A signer's title in capitals: ``CHỦ TỊCH``, ``PHÓ GIÁM ĐỐC``, ``KT. BỘ TRƯỞNG``."""
    if not s or not s.isupper() or len(s.split()) > 10:
        return False
    body = s.removeprefix("PHÓ ").strip()
    m = pattern("signature", "titles").match(body)
    return m is not None


@by_line
def is_plain_title_line(s: str) -> bool:
    """A signer's title written as a sentence (``Hiệu trưởng``, ``Giám đốc``), as a
    school's or a small office's Word file often has it: alone on its line, a few words."""
    s = s.strip()
    return bool(s) and s[0].isupper() and not s.isupper() and len(s.split()) <= 5 and is_title_line(s.upper())


_DIGIT = regex.compile(r"\d")


@by_line
def is_name_line(s: str) -> bool:
    """A person's name: two to six words each capitalized (``Phùng Thị Hồng Hà``), or in
    capitals (``NGUYỄN VĂN A``) when not a title, after any rank or degree."""
    s = strip_honorific(" ".join(s.split()))
    if not s or _DIGIT.search(s):
        return False
    # a title or an office wrapped over lines (``Phó Chủ``, ``PHÓ CHỦ``), a body or a place
    # in an e-signature's stamp (``Tỉnh An``): no family name opens them
    if pattern("signature", "not_name_heads").match(" ".join(w[:1] + w[1:].lower() for w in s.split())):
        return False
    if _NAME_LINE.match(s):
        return not pattern("signature", "seal_lines").search(s)
    return bool(_CAPS_NAME_LINE.match(s)) and not is_title_line(s) and not authority_mark(s)


@by_line
def is_person_line(s: str) -> bool:
    """A name written as names are (``Phùng Thị Hồng Hà``, not in capitals): what closes a
    signature block."""
    return not s.isupper() and is_name_line(s)


@by_line
def strip_honorific(s: str) -> str:
    """The name without a rank or degree before it (``Thiếu tướng Lê Văn Bình``, and in a
    name line written in capitals ``THIẾU TƯỚNG LÊ VĂN BÌNH``)."""
    m = pattern("signature", "honorifics").match(s)
    if m is None and s.isupper() and s.split(None, 1)[0][:3] in _upper_honorific_heads():
        m = _upper_honorifics().match(s)
    return s[m.end():].strip(" ,") if m else s


@cache
def _upper_honorifics() -> regex.Pattern[str]:
    """The ranks and degrees as a name line in capitals writes them."""
    return regex.compile(r"(?:" + alternation([w.upper() for w in words("signature", "honorifics")]) + r")(?![\p{L}\d])")


@cache
def _upper_honorific_heads() -> frozenset[str]:
    """The first three letters of each rank or degree in capitals: most lines are out at once."""
    return frozenset(w.upper()[:3] for w in words("signature", "honorifics"))


#: A signature written on one line: its capitals (marks, authority, title), a seal note
#: in brackets perhaps (``(Đã ký)``), the name: ``KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (Đã ký)
#: Nguyễn Thị Minh Hạnh``.
_SEAL_NOTE = r"(?:\s+(?P<seal>[\(\[][^)\]\n]{1,40}[\)\]]))?"
FLAT_SIGNATURE = regex.compile(
    r"^(?P<caps>(?:[\p{Lu}\d./,]+\s+)*[\p{Lu}\d./,]+)" + _SEAL_NOTE + r"\s+(?P<name>\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5})$"
)
#: The same with the name in capitals too: only the seal note between the title and the
#: name tells them apart (``KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG (Đã ký) TS. HỒ ĐỨC PHỚC``).
SEALED_CAPS_SIGNATURE = regex.compile(
    r"^(?P<caps>(?:[\p{Lu}\d./,]+\s+)*[\p{Lu}\d./,]+)\s+(?P<seal>[\(\[][^)\]\n]{1,40}[\)\]])\s+(?P<name>[\p{Lu}.]+(?:\s+[\p{Lu}.]+){1,6})$"
)


#: A signature written on one line is short; longer lines are never tried (the pattern
#: would try every way to cut a long run of capitals).
_FLAT_SIGNATURE_MAX = 160


def _signature_at(lines: list[Line], i: int) -> bool:
    """Does a signature block open at line ``i``: an authority mark, or a title in capitals,
    with a person's name within the next lines (or on the same line: a signature written
    on one line, a row of cells flattened)."""
    t = lines[i].text
    if not t or not t[0].isupper():
        return False  # every signature opens with a capital: most lines are out at once
    mark = authority_mark(t) is not None
    title = is_title_line(t)
    if is_plain_title_line(t):
        # "Hiệu trưởng" then the name, blank lines between at most
        nxt = next((ln.text for ln in lines[i + 1 : i + 9] if ln.text and not ln.bar and not seal_line(ln.text)), None)
        return nxt is not None and is_person_line(nxt)
    if not (mark or title or pattern("signature", "titles").match(t.removeprefix("PHÓ ")) is not None):
        # a cell's lines on one line, parted by wide gaps (<br> in a pipe row)
        return ("\t" in t or "     " in t) and _signature_in_pieces(_parts(t))
    flat = FLAT_SIGNATURE.match(t) if len(t) <= _FLAT_SIGNATURE_MAX else None
    if flat is not None and is_person_line(flat.group("name")):
        # "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Nguyễn Thị Minh Hạnh", "CHỦ TỊCH Phạm Văn Tâm" on one line
        return mark or is_title_line(flat.group("caps"))
    if _signature_then_more(t, 0, min(len(t), _FLAT_SIGNATURE_MAX * 4)) is not None:
        return True  # "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn An | TM. BAN ..." (two cells of a row)
    if ("(" in t or "[" in t) and len(t) <= _FLAT_SIGNATURE_MAX:
        sealed = SEALED_CAPS_SIGNATURE.match(t)
        if sealed is not None and is_name_line(sealed.group("name")):
            return True  # "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG (Đã ký) TS. HỒ ĐỨC PHỚC"
    if ("\t" in t or "     " in t) and _signature_in_pieces(_parts(t)):
        return True
    if not (mark or title):
        return False
    for k, ln in enumerate(lines[i + 1 : i + 9]):
        if not ln.text or ln.bar:
            continue
        if is_person_line(ln.text) or _split_name(lines, i + 1 + k) or _caps_name_at(lines, i + 1 + k):
            return True
        if _opens_recipients(ln.text):
            # a title right above the list (no line between) closes with a name beside an item
            right_above = all(not x.text or x.bar for x in lines[i + 1 : i + 1 + k])
            return mark or (right_above and _name_beside_list(lines, i + 1 + k))
    return mark and any(authority_mark(x.text) for x in lines[i + 1 : i + 3])


#: Lines of a recipients list looked through for the signer's name beside an item.
_LIST_LINES = 30


def _name_beside_list(lines: list[Line], nn: int) -> bool:
    """Whether a person's name stands beside an item of the recipients list opening at
    line ``nn``, the two columns flattened side by side (``- Lưu: VT.      Võ Văn Long``):
    the name of a block whose title stands above the list, the list as long as the room
    left for the signature."""
    blank = 0
    for ln in lines[nn + 1 : nn + 1 + _LIST_LINES]:
        if not ln.text:
            blank += 1
            if blank >= 2:
                return False
            continue
        blank = 0
        if ("\t" in ln.text or "     " in ln.text) and len(parts := _parts(ln.text)) > 1 and is_person_line(parts[-1]):
            return True
    return False


@by_line
def caps_name_shape(t: str) -> bool:
    """``t`` reads as a person's name written in capitals: two to five words after any
    rank, no title or mark, not opening with a body's head word nor holding a unit's word
    (``THUẾ QUỐC TẾ``, ``TỈNH VĨNH LONG``; ``LÊ TRƯỜNG SƠN`` is a name)."""
    if not t.isupper() or not 2 <= t.count(" ") + 1 <= 9 or not 2 <= len(strip_honorific(t).split()) <= 5:
        return False
    if not is_name_line(t):
        return False
    return pattern("header", "org_heads").match(t) is None and _unit_words().search(t) is None


def closes_with_caps_name(block: list[str]) -> bool:
    """Whether the last of a signature block's lines in capitals is the signer's name
    written in capitals (``HOÀNG NAM``): a name's shape, not opening with a body's head word
    nor holding a unit's word (``THUẾ QUỐC TẾ``, ``TỈNH VĨNH LONG`` wrap an authority
    line), under a title or an authority line among the capitals above it, the line right
    above not wrapped on a comma."""
    if not caps_name_shape(block[-1]):
        return False
    above = block[:-1][-4:]
    if not above or above[-1].endswith(","):
        return False
    return any(is_title_line(x) or authority_mark(x) is not None for x in above)


def _signature_in_pieces(pieces: list[str]) -> bool:
    """A signature block among the pieces of one line: a mark or a title, then a name
    (as names are written, or in capitals closing the block) in the pieces after it."""
    for j, x in enumerate(pieces):
        if not (authority_mark(x) or is_title_line(x)):
            continue
        block = [x]
        for y in pieces[j + 1 : j + 9]:
            if seal_line(y):
                continue
            if is_person_line(y) or (y.isupper() and closes_with_caps_name([*block, y])):
                return True
            if not y.isupper():
                break
            block.append(y)
    return False


@by_line
def seal_line(t: str) -> bool:
    """``(Đã ký)``, ``[daky]``, a digital signature's stamp: neither title nor name."""
    return t.startswith(("(", "[")) or pattern("signature", "seal_lines").search(t) is not None or stamp_label(t)


_NOTE_AT_EDGE = regex.compile(r"^\s*(?P<a>[\(\[][^)\]\n]{1,30}[\)\]])\s*(?P<name>[^(\[]+?)\s*$"
                              r"|^\s*(?P<name2>[^(\[]+?)\s*(?P<b>[\(\[][^)\]\n]{1,30}[\)\]])\s*$")


@by_line
def name_beside_seal_note(t: str) -> str | None:
    """The name of a line that carries a copy's seal note in brackets before or after it
    (``(Đã ký) Trần Văn Dũng``, ``Trần Văn Dũng (đã ký)``): the name, else ``None``."""
    m = _NOTE_AT_EDGE.match(t)
    if m is None:
        return None
    note, name = (m.group("a"), m.group("name")) if m.group("a") else (m.group("b"), m.group("name2"))
    if pattern("signature", "seal_lines").search(note) is None or not is_person_line(name):
        return None
    return name


@by_line
def stamp_label(t: str) -> bool:
    """A line opening a field of an e-signature's stamp: ``Ký bởi: ...``, ``Người ký: ...``,
    ``Thời gian ký: ...`` (``data/lexicon/signature.yaml`` ``stamp_labels``), or a field as
    common as ``Email:``/``Cơ quan:`` with its colon (``stamp_fields``)."""
    if pattern("signature", "stamp_labels").match(t):
        return True
    m = pattern("signature", "stamp_fields").match(t)
    return m is not None and t[m.end():].lstrip().startswith(":")


#: Most lines a stamp field's value wraps onto under its label (a narrow box: ``Email:`` /
#: ``sogddt@angiang.gov.v`` / ``n``).
STAMP_WRAP = 3


def stamp_lines(lines: list[str]) -> set[int]:
    """The indices of ``lines`` that belong to an e-signature's stamp: each line opening a
    field (``stamp_label``) and the lines under it that carry its value on — neither a
    person's name, nor capitals, nor a list item or ``Nơi nhận`` — a few at most. The stamp
    stands between the title and the name, before the header or among the recipients; the
    name under it ends it."""
    out: set[int] = set()
    k = 0
    while k < len(lines):
        if not stamp_label(lines[k]):
            k += 1
            continue
        out.add(k)
        k += 1
        wrapped = 0
        while k < len(lines) and wrapped < STAMP_WRAP and not stamp_label(lines[k]):
            t = lines[k]
            if (not t or is_person_line(t) or t.isupper() or authority_mark(t) or _opens_recipients(t)
                    or t.startswith(("-", "+", "•", "(", "["))):
                break
            out.add(k)
            wrapped += 1
            k += 1
    return out


def _caps_name_at(lines: list[Line], j: int) -> bool:
    """Line ``j`` is a signer's name in capitals closing a signature block (see
    ``closes_with_caps_name``), with no title or mark under it (the block would go on)."""
    t = lines[j].text
    if not caps_name_shape(t):
        return False
    block = [t]
    for x in reversed(lines[max(0, j - 8) : j]):
        if not x.text or x.bar:
            continue
        right = _parts(x.text)[-1]  # columns side by side: the signature is the right one
        if seal_line(right) or right.startswith(("-", "+", "•")):
            continue  # a seal line, or a recipient left of the signature's room
        if not right.isupper() or len(block) > 5:
            break
        block.insert(0, right)
    if not closes_with_caps_name(block):
        return False
    below = next((x.text for x in lines[j + 1 : j + 3] if x.text and not x.bar), None)
    return below is None or not (is_title_line(below) or authority_mark(below) or _CAPS_NAME_LINE.match(below))


@cache
def _unit_words() -> regex.Pattern[str]:
    """The administrative unit words (``TỈNH``, ``XÃ``...) as whole words."""
    return regex.compile(r"(?i)(?<!\p{L})(?:" + unit_word_alternation() + r")(?!\p{L})")


def _body_end(lines: list[Line], lo: int, hi: int) -> tuple[int | None, int | None]:
    """The line indices of ``Nơi nhận:`` and of the signature block's first line that end the
    main body: the first of either after line ``lo`` (before ``hi``)."""
    nn = sig = None
    for i in range(lo, hi):
        t = lines[i].text
        if not t:
            continue
        if nn is None and _opens_recipients(t):
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


def build_layout(text: str, view: str | None = None, blocks: Blocks | None = None) -> Layout:
    """The layout of one document's text (already normalized; ``view`` its matching view,
    made here when not given). ``blocks``: the paragraphs and tables a structured reader
    saw, when there are any.

    >>> from danvan_cli.text import build_layout, normalize_text
    >>> layout = build_layout(normalize_text("ỦY BAN NHÂN DÂN\\nTỈNH HẢI DƯƠNG\\nSố: 12/KH-UBND\\n\\nKẾ HOẠCH\\n"
    ...     "Triển khai công tác năm 2024\\n\\nI. NHIỆM VỤ\\n1. Sở Nội vụ chủ trì.\\n\\nNơi nhận:\\n- Lưu: VT."))
    >>> layout.doc_type, layout.text[layout.header.start:layout.header.end].splitlines()
    ('Kế hoạch', ['ỦY BAN NHÂN DÂN', 'TỈNH HẢI DƯƠNG', 'Số: 12/KH-UBND', ''])
    >>> layout.text[layout.body_end:].splitlines()[0]
    'Nơi nhận:'
    """
    if view is None:
        view = matching_view(text)
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
        if nonempty > HEADER_LINES or _opens_recipients(ln.text) or pattern("header", "kinh_gui").match(ln.text):
            break  # a type line stands above the addressees and the closing (an annex's is its own)
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
                inline = m.end()
                q = pattern("header", "type_qualifiers").match(view, inline + len(view[inline:inline + 8]) - len(view[inline:inline + 8].lstrip()))
                if q is not None:
                    inline = q.end()  # "KẾ HOẠCH LIÊN TỊCH": the qualifier is no part of the title
                type_span = (m.start(), inline)
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
        lay.signature = _zone(text, view, lines, lay.body_end, sig_stop, tail_tables, by_column=True)
    else:
        lay.end = document_end(text, view, lines, header_end)
    if reader_tables is not None:
        lay.tables = list(reader_tables)
    else:
        body_tables: list[Table] = []
        for a, b in [(header_end, lay.body_end), *lay.attachments]:
            marked, loose = _marked_and_loose(text, a, b)
            body_tables += marked + loose
            lay.loose_titles += [(t.rows[0].cells[0].start, t.rows[0].cells[-1].end) for t in loose]
        lay.tables = sorted(header_tables + body_tables + (lay.signature.tables if lay.signature else []),
                            key=lambda t: t.start)
    return lay


def _marked_and_loose(text: str, start: int, end: int) -> tuple[list[Table], list[Table]]:
    """The tables of a body or an attachment: bar and pipe forms, and the task tables that
    lost their marks (``loose_tables``) where no marked table stands."""
    marked = bar_tables(text, start, end) + pipe_tables(text, start, end)
    loose = [t for t in loose_tables(text, start, end)
             if not any(t.start < m.end and m.start < t.end for m in marked)]
    return marked, loose


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


#: An annex's heading with its title on the same line (a flattened text cut where it opens).
_ANNEX_HEAD = regex.compile(r"PHỤ\s+LỤC(?!\p{L})")


def _parts(t: str) -> list[str]:
    """The pieces of a line that carries two columns side by side (a gap of a tab or five
    blanks between them); the line itself when it carries one."""
    return [p.strip() for p in _GAP.split(t) if p.strip()] or [t]


def _tail_end(lines: list[Line], lo: int, nn: int | None, sig: int | None) -> int:
    """The line index just past the signature block and the recipients list: the signer's
    name closes the block, unless the recipients list follows it (or stands beside it, the
    two columns side by side: then the list's last item does). An attachment's opening
    line (``PHỤ LỤC``, ``(Kèm theo ...)``) ends it in any case."""
    last = lo
    i = lo
    n = len(lines)
    seen_name = False
    seen_beside = False  # the two columns stood side by side on a line of the tail
    seen_mark = False  # an authority mark (TM./KT./...) under the recipients list
    while i < n and i - lo < TAIL_LINES:
        t = lines[i].text
        if t:
            if i > lo and (_ATTACHMENT.match(t) or (t[:1] == "P" and _ANNEX_HEAD.match(t))):
                break
            parts = _parts(t) if ("\t" in t or "     " in t) else [t]
            beside = len(parts) > 1
            seen_beside = seen_beside or beside
            # the signature block's head: found before the list, or under it (a two-cell
            # table flattened cell after cell: Nơi nhận's list, then KT. CHỦ TỊCH / title)
            after_head = (sig is not None and i > sig) or (seen_beside and nn is not None and i > nn) or seen_mark
            if after_head and (any(is_person_line(x) for x in parts) or _split_name(lines, i) or _caps_name_at(lines, i)):
                if _split_name(lines, i):
                    i = next(k for k in range(i + 1, n) if lines[k].text)
                last = i
                seen_name = True
                k = next((k for k in range(i + 1, min(n, i + 4)) if lines[k].text), None)
                if k is not None and not beside and _signature_at(lines, k):
                    # a second signature block (a joint document's, written under the
                    # first) opens: its lines are read as the first's were
                    seen_name = False
                elif (nn is None or i > nn) and not beside and (k is None or not _opens_recipients(lines[k].text)):
                    break  # neither the recipients list nor another block follows
            elif _opens_recipients(t) or t.startswith(("-", "+", "•")) or authority_mark(t) or (t.isupper() and not seen_name):
                last = i
                seen_mark = seen_mark or (nn is not None and i > nn and authority_mark(t) is not None)
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


def outline_start(view: str, start: int, end: int, line_starts: tuple[int, ...] | None = None) -> int | None:
    """Where the numbered body begins (``I.``, ``1.``, ``1.1``, ``a)``, ``Điều 1.`` or
    ``Điều 1:``, ``PHẦN I``), i.e. where the preamble ends: the first line that opens with an
    outline label the outline itself reads (``text.labels.read_label``), dashes and
    pluses excepted (a preamble lists its bases with them). The one rule for every caller.

    ``line_starts``: where the lines start when the layout cut a flattened text into lines
    (``Layout.cut_line_starts``); ``None`` reads the text's own line breaks."""
    if line_starts is not None:
        for pos in line_starts:
            if start <= pos < end:
                label = read_label(view, pos, min(end, pos + 40))
                if label is not None and label.rank < RANK_DASH:
                    return pos
        return None
    for m in _LINE_START.finditer(view, start, end):
        label = read_label(view, m.end(), min(end, m.end() + 40))
        if label is not None and label.rank < RANK_DASH:
            return m.start()
    return None
