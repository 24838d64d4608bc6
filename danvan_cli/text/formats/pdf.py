"""Read a PDF's text layer, with the header columns and the signature told apart by position.

PDFium (pypdfium2: Chromium's PDF engine, fuzzed against hostile files, and it gives
every character's box) reads the characters; this module rebuilds what a reader sees:

- words from characters, lines from words on one baseline, segments of a line where a
  wide gap splits it (the two header columns side by side);
- page numbers and running headers/footers in the page's top and bottom bands dropped;
- the *two-column zones*: the header at the top of the first page (left: the parent
  body, the issuing body, ``Số:``; right: the Quốc hiệu, the motto, place and date) and
  the closing block at the end (left: ``Nơi nhận:`` and the recipients; right: the
  authority, the title, the name). A zone grows from a line split by a gap in the middle
  band of the page, over the lines that stay on one side of that gap (a line centred on
  the page, such as ``KẾ HOẠCH``, ends it). Each zone becomes a one-row, two-cell
  ``Table``, each line of a side a paragraph of its cell, as Word's header table reads;
- the other lines joined back into paragraphs: a line that reaches the right margin
  continues into the next unless that one is indented or opens with a list label
  (``1.``, ``a)``, ``-``); a number wrapped at its hyphen or slash (``NĐ-`` / ``CP``) is
  joined without a space.

A page without a usable text layer (a scan; or a scanner's own OCR layer, invisible text
over the page image, that lost the Vietnamese marks) is read by OCR when the caller gives a
``PageOcr`` (``ocr.py``): its positioned words go through the same lines, segments and
zones (``layout_words`` is that entry for any source of placed words). Without one, a
scan is refused with a line saying OCR is needed; an encrypted or damaged PDF with a line
saying so.
"""

from __future__ import annotations

import bisect
import ctypes
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import regex

from ...model import Warning
from . import limits, pdf_signature, pdf_size
from .pdf_objects import bounds, page_objects
from ...i18n import N_
from .common import FormatError, Para, RawCell, RawItem, RawTable, Run

#: A PDF with fewer letters than this per page has no text layer to speak of (a scan,
#: perhaps with a stamp or a digital signature's few words).
MIN_LETTERS_PER_PAGE = 20

#: Height of a character's loose box (the font's ascent to descent) in ems.
LOOSE_EM = 1.1

#: Gap between two letters, in font sizes, that parts words where the file wrote no
#: space (PDFium writes one for most gaps): more than letter spacing and side bearings.
WORD_GAP = 0.3

#: Gap beyond a run's usual letter spacing, in ems, that is a space the file left out
#: (a word space is a quarter em and more; letter-spacing varies by hundredths).
MISSING_SPACE = 0.1

#: Difference of two baselines, in font sizes, within which they are one baseline.
BASELINE = 0.1

#: Gap between two words, in font sizes, that splits a line into segments (columns).
#: Word spacing is a third of the size; justified lines stretch it to about one.
SEGMENT_GAP = 1.8

#: Height of the bands at a page's top and bottom where page numbers and running
#: headers sit, as a share of the page height.
MARGIN_BAND = 0.08

_PAGE_NUMBER = regex.compile(r"^(?:trang|page)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:/|trên|of)\s*\d{1,4})?\s*[-–—]?$", regex.I)
_LIST_LABEL = regex.compile(r"^(?:[-+•*–—]\s|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|\(?[a-zđ]\)\s|[IVXLC]{1,6}\.\s|Điều\s+\d)")
_NUMBER_WRAP_END = regex.compile(r"[\p{L}\d][-/]$")
_NUMBER_WRAP_START = regex.compile(r"^[\p{Lu}\d]")


@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    y: float  # baseline, from the page's top (grows downwards)
    size: float
    bold: bool
    italic: bool


#: A word placed on a page: text, left and right edges, baseline from the page's top, font
#: size (all in points) and style. PDFium's characters make them here; OCR gives them too.
Word = _Word


@dataclass(slots=True)
class _Seg:
    words: list[_Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    def run(self) -> Run:
        n = sum(len(w.text) for w in self.words) or 1
        bold = sum(len(w.text) for w in self.words if w.bold) / n >= 0.8
        italic = sum(len(w.text) for w in self.words if w.italic) / n >= 0.8
        return Run(self.text, bold, italic)


@dataclass(slots=True)
class _Line:
    page: int
    y: float
    size: float
    segs: list[_Seg] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def x1(self) -> float:
        return self.segs[-1].x1

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs)


def _open(data: bytes):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:
            raise FormatError(N_("an encrypted PDF: a password is needed to open it")) from exc
        if code == 5:
            raise FormatError(N_("a PDF protected by a security scheme danvan cannot open")) from exc
        raise FormatError(N_("a damaged or invalid PDF ({exc})").format(exc=exc)) from exc


#: Most annotations on one page whose appearance is merged into the page (a signed
#: page carries a handful: the signature boxes, the stamped number and day).
MAX_ANNOTS_PER_PAGE = 500


def _shown_page(doc, i: int):  # type: ignore[no-untyped-def]
    """Page ``i`` as a viewer shows it: the appearance of its annotations and form fields
    merged into the page. An e-office system stamps the number and the day at signing as
    the appearance of a signature field over the blank the template left (``Số:`` and
    ``/QĐ-SGDĐT`` are the page's, ``550`` the field's); PDFium's text page reads only
    the page's own content, so the fields are flattened into it first (in memory)."""
    import pypdfium2.raw as raw

    page = doc[i]
    count = raw.FPDFPage_GetAnnotCount(page)
    if 0 < count <= MAX_ANNOTS_PER_PAGE and raw.FPDFPage_Flatten(page, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
        page.close()
        page = doc[i]  # PDFium reads the flattened content when the page is loaded again
    return page


def _page_words(page, number: int) -> tuple[list[_Word], float, float]:  # type: ignore[no-untyped-def]
    """The words of one page (text from the top, y growing downwards) and the page size."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        if n > limits.MAX_PDF_PAGE_CHARS:
            raise FormatError(N_("page {page} holds {n} characters (more than {limit}): refused").format(
                page=number + 1, n=n, limit=limits.MAX_PDF_PAGE_CHARS))
        text = tp.get_text_range(0, n) if n else ""
        if len(text) != n:  # characters outside the BMP: read one by one
            text = "".join(tp.get_text_range(i, 1) or " " for i in range(n))
        words: list[_Word] = []
        ox, oy = ctypes.c_double(), ctypes.c_double()
        fbuf = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        cur: list[str] = []
        edges: list[tuple[float, float]] = []  # each character's left and right
        cur_x0 = cur_x1 = cur_y = cur_size = 0.0
        cur_bold = cur_italic = False

        def flush() -> None:
            if not cur:
                return
            # A space the file left out shows as a gap wider than the run's own letter
            # spacing (tracked or tightened headings alike): part the run there.
            gaps = [edges[k][0] - edges[k - 1][1] for k in range(1, len(edges))]
            cut = max(0.0, statistics.median(gaps)) + MISSING_SPACE * cur_size if len(gaps) >= 3 else float("inf")
            start = 0
            for k in range(1, len(cur) + 1):
                if k == len(cur) or gaps[k - 1] > cut:
                    x0 = cur_x0 if start == 0 else edges[start][0]
                    x1 = cur_x1 if k == len(cur) else edges[k - 1][1]
                    words.append(_Word("".join(cur[start:k]), x0, x1, cur_y, cur_size, cur_bold, cur_italic))
                    start = k
            cur.clear()
            edges.clear()

        for i in range(n):
            ch = text[i]
            if ch == "\ufffe":  # PDFium's mark for a hyphen ending a line
                ch = "-"
            if ch in "\r\n" and raw.FPDFText_IsGenerated(tp, i) == 1:
                # A line break PDFium made up (Chromium's PDFs place glyphs one by one and
                # PDFium may break between any two): where lines part is the geometry's say.
                continue
            if ch.isspace() or ch == "\x00":
                flush()
                continue
            # The loose box spans the font's ascent to descent: its height is about one em
            # whatever the page's scaling (the reported font size ignores the matrix).
            left, bottom, right, top = tp.get_charbox(i, loose=True)
            raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
            x, y = ox.value, height - oy.value
            size = (top - bottom) / LOOSE_EM if top > bottom else (raw.FPDFText_GetFontSize(tp, i) or 10.0)
            if cur and (abs(y - cur_y) > 0.4 * max(size, cur_size) or left - cur_x1 > WORD_GAP * size or left < cur_x0 - 0.5 * size):
                flush()
            if not cur:
                weight = raw.FPDFText_GetFontWeight(tp, i)
                raw.FPDFText_GetFontInfo(tp, i, fbuf, 128, flags)
                name = fbuf.value.decode("latin-1", errors="replace").lower()
                cur_bold = weight >= 600 or "bold" in name or bool(flags.value & 262144)
                cur_italic = "italic" in name or "oblique" in name or bool(flags.value & 64)
                cur_x0, cur_y, cur_size = min(left, x), y, size
            else:
                cur_size = max(cur_size, size)
            cur.append(ch)
            edges.append((left, right))
            cur_x1 = max(cur_x1 if len(cur) > 1 else right, right)
        flush()
    finally:
        tp.close()
    return words, width, height


def _lines(words: list[_Word], page: int) -> list[_Line]:
    """Words on one baseline make a line; a wide gap splits it into segments.

    Words on the very same baseline go together first: the size read from a glyph's box
    varies from word to word (``CHỦ`` with its marks taller than ``TỊCH``), so a line is
    never cut between them by a neighbour's slightly higher baseline (a smaller
    recipient line beside ``PHÓ CHỦ TỊCH``). Baselines within half a size of each other
    then make one line (a number stamped on a shifted baseline beside ``Số:``)."""
    words = sorted(words, key=lambda w: (w.y, w.x0))
    groups: list[list[_Word]] = []
    for w in words:
        if groups and abs(w.y - groups[-1][0].y) <= BASELINE * w.size:
            groups[-1].append(w)
        else:
            groups.append([w])
    rows: list[list[_Word]] = []
    row_size = 0.0
    for g in groups:
        size = statistics.median(w.size for w in g)
        if rows and abs(g[0].y - rows[-1][0].y) <= 0.45 * max(size, row_size):
            rows[-1].extend(g)
            row_size = max(row_size, size)
        else:
            rows.append(list(g))
            row_size = size
    out: list[_Line] = []
    for row in rows:
        row.sort(key=lambda w: w.x0)
        size = statistics.median(w.size for w in row)
        line = _Line(page, statistics.median(w.y for w in row), size)
        justified = _justified(row, size)
        for w in row:
            if line.segs and (justified or w.x0 - line.segs[-1].x1 <= SEGMENT_GAP * size):
                line.segs[-1].words.append(w)
            else:
                line.segs.append(_Seg([w]))
        out.append(line)
    return out


#: Widest word space, in font sizes, that justification stretches a narrow column's line to.
MAX_JUSTIFIED_GAP = 4.0


def _justified(row: list[_Word], size: float) -> bool:
    """A line justified across a narrow column (a trích yếu under the number): three
    word gaps or more, all stretched alike (within a third of each other) and none past
    a few ems. Two columns side by side leave one wide gap among narrow word spaces."""
    gaps = [b.x0 - a.x1 for a, b in zip(row, row[1:])]
    if len(gaps) < 3 or max(gaps) <= SEGMENT_GAP * size:
        return False
    return max(gaps) <= MAX_JUSTIFIED_GAP * size and min(gaps) >= 0.75 * max(gaps)


def _drop_margins(pages: list[tuple[list[_Line], float]]) -> list[_Line]:
    """Page numbers, and lines repeated on most pages, in the top and bottom bands."""
    seen: dict[str, int] = {}
    for lines, height in pages:
        for ln in {ln.text for ln in lines if ln.y < MARGIN_BAND * height or ln.y > (1 - MARGIN_BAND) * height}:
            seen[ln] = seen.get(ln, 0) + 1
    out: list[_Line] = []
    many = max(3, len(pages) // 2 + 1)
    for lines, height in pages:
        for ln in lines:
            in_band = ln.y < MARGIN_BAND * height or ln.y > (1 - MARGIN_BAND) * height
            if in_band and (_PAGE_NUMBER.match(ln.text.strip()) or seen.get(ln.text, 0) >= many):
                continue
            if in_band and all(len(w) == 1 and w.isalpha() for w in ln.text.split()):
                # lone letters at a page's edge: the tall marks of a heading that the next
                # page prints (Chromium draws glyphs crossing the page boundary on both)
                continue
            out.append(ln)
    return out


@dataclass(slots=True)
class _Area:
    left: float
    right: float

    @property
    def width(self) -> float:
        return max(1.0, self.right - self.left)

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


def _mode(values: list[float], bin_width: float = 3.0) -> tuple[float, int]:
    """The most common value (within ``bin_width``) and how many share it."""
    counts: dict[int, list[float]] = {}
    for v in values:
        counts.setdefault(round(v / bin_width), []).append(v)
    best = max(counts.values(), key=len)
    return statistics.median(best), len(best)


def _area(lines: list[_Line]) -> _Area:
    """The text area: the left margin is where most lines start (body lines, not the
    header's indented columns); the right margin where most lines end (justified text),
    else near the longest lines."""
    left, _ = _mode([ln.x0 for ln in lines])
    xs1 = sorted(ln.x1 for ln in lines)
    high = xs1[min(len(xs1) - 1, len(xs1) * 19 // 20)]
    right, n = _mode([ln.x1 for ln in lines])
    if n < 3 or right < high - 0.15 * (high - left):
        right = high
    # Lines that fill the measure start at the true margin; paragraphs whose first line
    # is indented (the Vietnamese habit) would otherwise move the mode there.
    full = sorted(ln.x0 for ln in lines if ln.x1 >= right - 2 * ln.size and ln.x1 - ln.x0 > 0.5 * (right - left))
    if len(full) >= 3:
        left = min(left, full[len(full) // 10])
    return _Area(left, right)


def _middle_gap(line: _Line, area: _Area) -> tuple[float, float] | None:
    """The widest gap between two segments of ``line`` that falls in the middle band of
    the text area (where the two header columns part)."""
    best: tuple[float, float] | None = None
    lo, hi = area.left + 0.2 * area.width, area.left + 0.8 * area.width
    for a, b in zip(line.segs, line.segs[1:]):
        g0, g1 = a.x1, b.x0
        if g1 > lo and g0 < hi and (best is None or g1 - g0 > best[1] - best[0]):
            best = (g0, g1)
    return best


def _side(line: _Line, gap: tuple[float, float], centers: tuple[float, float], area: _Area) -> str | None:
    """``both`` when the line has segments on either side of the gap and none across it;
    ``left``/``right`` when it sits on one side nearer that column's centre than the
    page's; ``None`` when it crosses the gap or is centred on the page (a title)."""
    g0, g1 = gap
    mid = (g0 + g1) / 2

    # A column's text may run past the middle of the seed's gap on its own side, as long
    # as it stops short of the other column (a long body name beside a wide Quốc hiệu).
    def on_left(s: _Seg) -> bool:
        return s.x1 <= mid or (s.x1 <= g1 and s.center < mid)

    def on_right(s: _Seg) -> bool:
        return s.x0 >= mid or (s.x0 >= g0 and s.center > mid)

    if any(not on_left(s) and not on_right(s) for s in line.segs):
        return None
    left = [s for s in line.segs if on_left(s)]
    right = [s for s in line.segs if not on_left(s)]
    if left and right:
        return "both"
    side = "left" if left else "right"
    c = (line.x0 + line.x1) / 2
    own = centers[0] if side == "left" else centers[1]
    if abs(c - area.center) < abs(c - own) or (side == "left" and line.x1 > g1) or (side == "right" and line.x0 < g0):
        return None
    return side


def _zone(lines: list, seed: int, area: _Area, *, up: bool, down: bool) -> tuple[int, int, tuple[float, float]] | None:
    """The two-column zone grown from line ``seed``: ``(first, last + 1, gap)``."""
    gap = _middle_gap(lines[seed], area)
    if gap is None:
        return None
    mid = (gap[0] + gap[1]) / 2
    segs = lines[seed].segs
    centers = (
        statistics.mean(s.center for s in segs if s.x1 <= mid),
        statistics.mean(s.center for s in segs if s.x0 >= mid),
    )

    def fits(i: int, j: int) -> bool:
        a, b = lines[i], lines[j]
        if not isinstance(b, _Line) or not isinstance(a, _Line):
            return False
        side = _side(lines[j], gap, centers, area)
        if side is None and a.page == b.page and abs(a.y - b.y) <= 5 * max(a.size, b.size):
            split = _split_at_strip(b, gap)  # the two columns ran close on this line
            if split is not None and len(split.segs) == 2:
                lines[j] = split
                return True
        # the signer's name stands under the room left for the signature and the seal
        # (three to five blank lines) with nothing beside it when Nơi nhận is short
        room = 9 if side == "right" else 5
        if a.page != b.page or abs(a.y - b.y) > room * max(a.size, b.size):
            return False
        return side is not None

    first = last = seed
    while up and first > 0 and fits(first, first - 1):
        first -= 1
    while down and last + 1 < len(lines) and fits(last, last + 1):
        last += 1
    return first, last + 1, gap


def _crosses_middle(line: _Line, area: _Area) -> bool:
    """A body line: a segment running over the middle of the text area, and no gap
    there parting two columns (a header's Quốc hiệu runs over it too, beside a gap)."""
    lo, hi = area.left + 0.35 * area.width, area.left + 0.65 * area.width
    return any(sg.x0 < lo and sg.x1 > hi for sg in line.segs) and _middle_gap(line, area) is None


def _corridor(lines: list[_Line], area: _Area, min_width: float = 1.0) -> tuple[float, float] | None:
    """The widest vertical strip in the middle band that no segment of ``lines`` covers,
    at least ``min_width`` font sizes wide."""
    lo, hi = area.left + 0.2 * area.width, area.left + 0.85 * area.width
    spans = sorted((sg.x0, sg.x1) for ln in lines for sg in ln.segs)
    best: tuple[float, float] | None = None
    reach = area.left
    for x0, x1 in spans + [(area.right + 1, area.right + 1)]:
        g0, g1 = max(reach, lo), min(x0, hi)
        if g1 - g0 > 0 and (best is None or g1 - g0 > best[1] - best[0]):
            best = (g0, g1)
        reach = max(reach, x1)
    size = statistics.median(ln.size for ln in lines)
    return best if best is not None and best[1] - best[0] >= min_width * size else None


def _tail_zone(lines: list, area: _Area, start: int) -> tuple[int, int, tuple[float, float]] | None:
    """The closing block: the lines after the body's last full line, when a strip free
    of text parts them into a left column (``Nơi nhận``) and a right one (the signature).
    The zone opens at its first line holding text right of the strip."""
    n = len(lines)
    k = n
    while k - 1 >= start and isinstance(lines[k - 1], _Line) and not _crosses_middle(lines[k - 1], area) and n - k < 60:
        k -= 1
    region = lines[k:]
    if len(region) < 2:
        return None
    gap = _corridor(region, area)
    if gap is None:
        return None
    mid = (gap[0] + gap[1]) / 2
    left = any(sg.x1 <= mid for ln in region for sg in ln.segs)
    firsts = [i for i, ln in enumerate(region) if any(sg.x0 >= mid for sg in ln.segs)]
    if not left or not firsts:
        return None
    return k + firsts[0], n, gap


_RECIPIENTS_HEAD = regex.compile(r"(?i)^\W*nơi\s+nhận")


#: The narrowest strip that parts the closing block's columns, in font sizes: two cells'
#: padding, where a long authority line runs to the edge of its cell.
_CLOSING_STRIP = 0.5


#: The narrowest gap between two words that may part two columns run close together, in
#: font sizes: the two cells' padding (Word's 0.19 cm each side), wider than a word space
#: even in a justified line.
_CELL_GAP = 0.75


def _split_at_strip(line: object, gap: tuple[float, float]) -> _Line | None:
    """``line`` parted into two segments at the word gap that meets the strip ``gap``
    between two columns (a long recipient beside a long authority line: the reader's
    segment gap joined them), or ``None`` when no such gap is there."""
    if not isinstance(line, _Line):
        return None
    best: tuple[float, int, int] | None = None
    for si, seg in enumerate(line.segs):
        for wi in range(1, len(seg.words)):
            a, b = seg.words[wi - 1], seg.words[wi]
            width = b.x0 - a.x1
            if width >= _CELL_GAP * line.size and a.x1 <= gap[1] and b.x0 >= gap[0] and (best is None or width > best[0]):
                best = (width, si, wi)
    if best is None:
        return None
    _w, si, wi = best
    seg = line.segs[si]
    segs = [*line.segs[:si], _Seg(seg.words[:wi]), _Seg(seg.words[wi:]), *line.segs[si + 1:]]
    return _Line(line.page, line.y, line.size, segs)


def _narrow(gap: tuple[float, float], line: _Line) -> tuple[float, float] | None:
    """The strip between two columns ``gap`` narrowed by ``line``'s segments (each on one
    side of it, by its centre), or ``None`` when one runs across it or too little room is
    left (a paragraph under the block)."""
    g0, g1 = gap
    mid = (g0 + g1) / 2
    for sg in line.segs:
        if sg.x1 <= g1 and sg.center < mid:
            g0 = max(g0, sg.x1)
        elif sg.x0 >= g0 and sg.center > mid:
            g1 = min(g1, sg.x0)
        else:
            return None
    return (g0, g1) if g1 - g0 >= _CLOSING_STRIP * line.size else None


#: Most lines of a recipients list looked down for the signer's name beside it.
_LIST_LINES = 40


def _list_seed(lines: list, i: int, area: _Area) -> int | None:
    """The first line of the recipients list opening at line ``i`` that has the other
    column beside it: the title stood above ``Nơi nhận`` alone, and the signer's name
    beside the list's last item (``- Lưu: VT.`` ... ``Võ Văn Long``). The list ends at a
    line running over the middle, a page's end or a wide gap."""
    for k in range(i + 1, min(len(lines), i + _LIST_LINES)):
        a, b = lines[k - 1], lines[k]
        if not isinstance(b, _Line) or not isinstance(a, _Line) or b.page != a.page or _crosses_middle(b, area) \
                or b.y - a.y > 3 * max(a.size, b.size):
            return None
        if _middle_gap(b, area) is not None:
            return k
    return None


def _closing_zone(lines: list, area: _Area, start: int) -> tuple[int, int, tuple[float, float]] | None:
    """The closing block where attachments follow it (a decision's annexes, a plan's
    tables): from the line that opens ``Nơi nhận`` beside the signature (and the
    signature's lines standing above it, right of the middle) down over the lines that
    neither cross the middle nor stand centred on the page, on that page, with no wider
    gap than the room left for a signature, while the strip between the two columns
    stays free (narrowed by each line; a line that runs over it is parted where its words
    leave a gap in the strip, else the block has ended)."""
    for i in range(start, len(lines)):
        ln = lines[i]
        if not isinstance(ln, _Line) or not _RECIPIENTS_HEAD.match(ln.segs[0].text):
            continue
        seed = next((k for k in (i, i + 1, i + 2, i - 1) if 0 <= k < len(lines) and isinstance(lines[k], _Line)
                     and lines[k].page == ln.page and _middle_gap(lines[k], area) is not None), None)
        if seed is None:
            seed = _list_seed(lines, i, area)
        if seed is None:
            continue  # a Nơi nhận with nothing beside it (a form's sample in the body): the next one
        gap: tuple[float, float] | None = _middle_gap(lines[seed], area)

        def inside(a: _Line, b: object) -> bool:
            return (isinstance(b, _Line) and b.page == a.page and abs(b.y - a.y) <= 9 * max(a.size, b.size)
                    and _align(b, area) != "center")

        first = last = min(i, seed)
        while first - 1 > start and first - 1 >= i - 3 and inside(lines[first], lines[first - 1]) \
                and lines[first - 1].x0 > area.center:
            first -= 1
        for k in range(first, max(i, seed) + 1):
            gap = _narrow(gap, lines[k]) if gap is not None and isinstance(lines[k], _Line) else None
        if gap is None:
            continue
        last = max(i, seed)
        while last + 1 < len(lines) and last - first < 80 and inside(lines[last], lines[last + 1]):
            nxt = lines[last + 1]
            narrower = _narrow(gap, nxt)
            if narrower is None:
                split = _split_at_strip(nxt, gap)  # the two columns ran close on this line
                narrower = _narrow(gap, split) if split is not None else None
                if narrower is None:
                    break
                lines[last + 1] = split
            gap = narrower
            last += 1
        mid = (gap[0] + gap[1]) / 2
        if not any(sg.x0 >= mid for r in lines[first : last + 1] for sg in r.segs):
            continue
        return first, last + 1, gap
    return None


def _zone_table(lines: list, gap: tuple[float, float]) -> RawTable:
    """The zone as one row of two cells, each line of a side a paragraph of its cell; a
    list item wrapped onto the next line (``- Ủy ban Kiểm tra Đảng ủy, Ban xây dựng`` /
    ``Đảng;``) is joined back."""
    mid = (gap[0] + gap[1]) / 2
    cells: list[list[Para]] = [[], []]
    for ln in lines:
        seen: set[int] = set()
        for sg in ln.segs:
            # by its centre: a column's text may run past the strip's middle on its side
            which = 0 if sg.center <= mid else 1
            side = cells[which]
            run = sg.run()
            if which in seen:  # a second segment of this line on the same side: same paragraph
                side[-1].runs[-1].text += " "
                side[-1].runs.append(run)
                continue
            seen.add(which)
            if side and not _LIST_LABEL.match(run.text):
                last = side[-1].runs[-1]
                if _LIST_LABEL.match(side[-1].runs[0].text) and not last.text.rstrip().endswith((";", ".", ":")):
                    last.text = _join(last.text, run.text)
                    continue
            side.append(Para([run]))
    return RawTable([[RawCell(cells[0]), RawCell(cells[1])]])


def _align(line: _Line, area: _Area) -> str | None:
    indent_l, indent_r = line.x0 - area.left, area.right - line.x1
    if indent_l > 2 * line.size and indent_r > 2 * line.size and abs(indent_l - indent_r) < 0.08 * area.width:
        return "center"
    if indent_r < line.size and indent_l > 0.4 * area.width:
        return "right"
    return None


def _continues(a: _Line, b: _Line, area: _Area) -> bool:
    """Whether line ``b`` carries on the paragraph of line ``a`` (a wrapped line)."""
    if a.page == b.page and b.y - a.y > 1.9 * max(a.size, b.size):
        return False
    if abs(a.size - b.size) > 0.15 * max(a.size, b.size) or _LIST_LABEL.match(b.text):
        return False
    a_center, b_center = _align(a, area) == "center", _align(b, area) == "center"
    if b_center:
        # A centred title wrapped: a wide line centred on the page (as wide as the text
        # area, maybe), then a centred one, both bold or both not.
        wide = a.x1 - a.x0 > 0.6 * area.width and abs((a.x0 + a.x1) / 2 - area.center) < 1.5 * a.size
        return wide and _style_of(a) == _style_of(b)
    if a_center:
        return False
    return a.x1 >= area.right - 2.5 * a.size and b.x0 <= area.left + 1.2 * b.size and not b_center


def _join(a: str, b: str) -> str:
    if _NUMBER_WRAP_END.search(a) and _NUMBER_WRAP_START.match(b) and not a.endswith(" -"):
        return a + b
    return a + " " + b


def _paragraphs(lines: list, area: _Area) -> list[RawItem]:
    out: list[RawItem] = []
    prev: _Line | None = None
    for ln in lines:
        if isinstance(ln, _TableBlock):
            out.append(ln.table)
            prev = None
            continue
        runs = [s.run() for s in ln.segs]
        if prev is not None and out and isinstance(out[-1], Para) and _continues(prev, ln, area):
            para = out[-1]
            last = para.runs[-1]
            joined = _join(last.text, runs[0].text)
            if joined.startswith(last.text + " ") or last.bold != runs[0].bold:
                last.text += " "
                para.runs.extend(runs)
            else:
                last.text = joined
                para.runs.extend(runs[1:])
        else:
            for r in runs[:-1]:
                r.text += " "
            out.append(Para(runs, _align(ln, area)))
        prev = ln
    return out



# --- ruled tables ----------------------------------------------------------------

#: Most drawing objects looked at on one page for table rules (a page of vector art
#: holds thousands: past this its tables are read as lines).
MAX_PATHS_PER_PAGE = 2000

#: Thickness below which a drawn shape is a rule (a line), and the tolerance within
#: which two rules meet, in points.
RULE = 2.5


@dataclass(slots=True)
class _Rule:
    horizontal: bool
    at: float  # y (from the top) of a horizontal rule, x of a vertical one
    lo: float  # extent along the rule
    hi: float


def _page_rules(page, height: float) -> list[_Rule]:  # type: ignore[no-untyped-def]
    """The horizontal and vertical rules drawn on a page: thin shapes are rules, and a
    rectangle (a cell drawn whole) gives its four edges."""
    import pypdfium2.raw as raw

    out: list[_Rule] = []
    for k, (_kind, obj, _level) in enumerate(page_objects(page, (raw.FPDF_PAGEOBJ_PATH,), max_depth=3)):
        if k >= MAX_PATHS_PER_PAGE:
            return []
        if not _inked(obj):
            continue
        left, bottom, right, top = bounds(obj)
        y0, y1 = height - top, height - bottom
        w, h = right - left, y1 - y0
        if h <= RULE and w > 3 * RULE:
            out.append(_Rule(True, (y0 + y1) / 2, left, right))
        elif w <= RULE and h > 2 * RULE:
            out.append(_Rule(False, (left + right) / 2, y0, y1))
        elif w > 3 * RULE and h > 2 * RULE:
            out += [_Rule(True, y0, left, right), _Rule(True, y1, left, right),
                    _Rule(False, left, y0, y1), _Rule(False, right, y0, y1)]
    return out


#: A colour channel at or above this is paper white (0–255).
_WHITE = 250


def _inked(obj) -> bool:  # type: ignore[no-untyped-def]
    """Whether a path (a raw handle) leaves a mark on the page: stroked, or filled in a
    colour that is not the paper's. Word exports every cell of a borderless table as a
    white-filled rectangle; a viewer shows nothing there, and they are no rules."""
    import pypdfium2.raw as raw

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill, stroke):
        return True
    rgba = [ctypes.c_uint() for _ in range(4)]

    def visible(getter) -> bool:  # type: ignore[no-untyped-def]
        if not getter(obj, *rgba):
            return True
        r, g, b, a = (c.value for c in rgba)
        return a > 0 and min(r, g, b) < _WHITE

    return bool(stroke.value and visible(raw.FPDFPageObj_GetStrokeColor)) or bool(
        fill.value and visible(raw.FPDFPageObj_GetFillColor))


def _levels(values: list[float]) -> list[float]:
    """Positions within ``RULE`` of each other merged into one level."""
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= RULE:
            continue
        out.append(v)
    return out


def _covered(rules: list[_Rule], at: float, lo: float, hi: float) -> bool:
    """Whether some rule at ``at`` covers the middle of ``[lo, hi]``."""
    mid = (lo + hi) / 2
    return any(abs(r.at - at) <= RULE and r.lo - RULE <= mid <= r.hi + RULE for r in rules)


@dataclass(slots=True)
class _Grid:
    """A ruled table on one page: row and column boundaries, and its cells as
    ``(row, col, rowspan, colspan)`` on that grid."""

    page: int
    ys: list[float]
    xs: list[float]
    cells: list[tuple[int, int, int, int]]

    @property
    def top(self) -> float:
        return self.ys[0]

    def contains(self, w: _Word) -> bool:
        cx = (w.x0 + w.x1) / 2
        return self.xs[0] <= cx <= self.xs[-1] and self.ys[0] <= w.y - 0.3 * w.size <= self.ys[-1]


def _merge_rules(rules: list[_Rule]) -> list[_Rule]:
    """Collinear rules that touch or overlap made one (cells drawn whole share every
    edge with a neighbour): a grid of R rows and C columns keeps about R + C rules."""
    out: list[_Rule] = []
    for horizontal in (True, False):
        group = sorted((r for r in rules if r.horizontal is horizontal), key=lambda r: (round(r.at / RULE), r.lo))
        cur: _Rule | None = None
        for r in group:
            if cur is not None and round(cur.at / RULE) == round(r.at / RULE) and r.lo <= cur.hi + RULE:
                cur.hi = max(cur.hi, r.hi)
            else:
                if cur is not None:
                    out.append(cur)
                cur = _Rule(r.horizontal, r.at, r.lo, r.hi)
        if cur is not None:
            out.append(cur)
    return out


def _grids(rules: list[_Rule], page: int) -> list[_Grid]:
    """Tables from the rules: rules that meet form a component; one with at least two
    rows and two columns of rules is a table, its merged cells told by the rules that
    are missing inside it."""
    rules = _merge_rules(rules)
    n = len(rules)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, r in enumerate(rules) if r.horizontal]
    vs = sorted((i for i, r in enumerate(rules) if not r.horizontal), key=lambda i: rules[i].at)
    v_at = [rules[j].at for j in vs]
    for i in hs:
        h = rules[i]
        # Only the verticals standing within the horizontal's reach (sorted by x).
        for j in vs[bisect.bisect_left(v_at, h.lo - RULE):bisect.bisect_right(v_at, h.hi + RULE)]:
            v = rules[j]
            if v.lo - RULE <= h.at <= v.hi + RULE:
                parent[find(i)] = find(j)
    comps: dict[int, list[_Rule]] = {}
    for i in range(n):
        comps.setdefault(find(i), []).append(rules[i])
    out: list[_Grid] = []
    for comp in comps.values():
        hr = [r for r in comp if r.horizontal]
        vr = [r for r in comp if not r.horizontal]
        ys, xs = _levels([r.at for r in hr]), _levels([r.at for r in vr])
        if len(ys) < 2 or len(xs) < 2 or (len(ys) - 1) * (len(xs) - 1) < 2:
            continue
        rows, cols = len(ys) - 1, len(xs) - 1
        owner = [[-1] * cols for _ in range(rows)]
        cells: list[tuple[int, int, int, int]] = []
        for r in range(rows):
            for c in range(cols):
                if owner[r][c] >= 0:
                    continue
                cs = 1
                while c + cs < cols and owner[r][c + cs] < 0 and not _covered(vr, xs[c + cs], ys[r], ys[r + 1]):
                    cs += 1
                rs = 1
                while r + rs < rows and not any(_covered(hr, ys[r + rs], xs[k], xs[k + 1]) for k in range(c, c + cs)):
                    rs += 1
                for rr in range(r, r + rs):
                    for cc in range(c, c + cs):
                        owner[rr][cc] = len(cells)
                cells.append((r, c, rs, cs))
        out.append(_Grid(page, ys, xs, cells))
    return out


@dataclass(slots=True)
class _TableBlock:
    """A ruled table placed in the flow of lines (by its top edge)."""

    page: int
    y: float
    table: RawTable


def _grid_table(grid: _Grid, words: list[_Word]) -> RawTable:
    """The grid's cells with the words inside them; a cell's wrapped lines make one
    paragraph, a line opening with a list label starts another."""
    buckets: dict[int, list[_Word]] = {}
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, w.y - 0.3 * w.size
        for k, (r, c, rs, cs) in enumerate(grid.cells):
            if grid.xs[c] <= cx <= grid.xs[c + cs] and grid.ys[r] <= cy <= grid.ys[r + rs]:
                buckets.setdefault(k, []).append(w)
                break
    rows: list[list[RawCell]] = [[] for _ in range(len(grid.ys) - 1)]
    for k, (r, c, rs, cs) in enumerate(grid.cells):
        paras: list[Para] = []
        for ln in _lines(buckets.get(k, []), grid.page):
            text = ln.text
            if paras and not _LIST_LABEL.match(text):
                last = paras[-1].runs[-1]
                last.text = _join(last.text, text)
            else:
                paras.append(Para([Run(text, *_style_of(ln))]))
        rows[r].append(RawCell(paras, colspan=cs, rowspan=rs, col=c))
    return RawTable(rows)


def _style_of(line: _Line) -> tuple[bool, bool]:
    runs = [s.run() for s in line.segs]
    return all(r.bold for r in runs), all(r.italic for r in runs)


#: Share of a page's text objects drawn invisible (render mode 3) above which its text is
#: a scanner's OCR layer laid over the page image, not text a program wrote.
INVISIBLE_SHARE = 0.9

#: Share of the page an image must cover to be the page itself (a scan).
PAGE_IMAGE_SHARE = 0.5

#: Share of a Vietnamese text's letters that carry a mark (``ă``, ``ơ``, ``ế``...): about a
#: quarter in any real text. A scanner's OCR layer below this lost them.
MIN_MARKED_SHARE = 0.15


class PageOcr(Protocol):
    """What reads pages by OCR for ``read_pdf`` (``ocr.py`` makes one)."""

    #: Every page, text layer or not (``--ocr always``); else only pages without a usable one.
    always: bool

    def read_pages(self, doc: Any, pages: list[int]) -> dict[int, list[Word]]:
        """The words of each page of ``pages`` of the open PDFium document ``doc``, in
        points from the page's top. Raises ``FormatError`` when OCR cannot run."""
        ...

    def read_region(self, page: Any, box: tuple[float, float, float, float], *, line: bool = True) -> list[Word]:
        """The words OCR reads inside ``box`` (left, top, right, bottom in points from the
        page's top-left) of the open PDFium page ``page``, placed in the page's points:
        ``line``: one line (a number or a day stamped as a picture), else a block (a
        signature's picture). Raises ``FormatError`` when OCR cannot run."""
        ...


def _scanner_layer(page) -> bool:  # type: ignore[no-untyped-def]
    """Whether the page's text is invisible text over an image that fills the page: what
    a scanner's OCR writes (the page is a picture; the text only makes it searchable)."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    texts = invisible = 0
    covered = 0.0
    for k, (kind, obj, _level) in enumerate(page_objects(page, (raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_IMAGE), max_depth=3)):
        if k >= MAX_PATHS_PER_PAGE:
            break
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            texts += 1
            invisible += raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_INVISIBLE
        else:
            left, bottom, right, top = bounds(obj)
            covered = max(covered, (right - left) * (top - bottom) / max(1.0, width * height))
    return texts > 0 and invisible >= INVISIBLE_SHARE * texts and covered >= PAGE_IMAGE_SHARE


def _usable(page, words: list[_Word]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a page's text layer is worth reading: letters enough, and not a scanner's OCR
    layer that lost the Vietnamese marks (``TINH UY VIMI LONG``, ``s6:698ISGDDT``)."""
    letters = [c for w in words for c in w.text if c.isalpha()]
    if len(letters) < MIN_LETTERS_PER_PAGE:
        return False
    if not _scanner_layer(page):
        return True
    return sum(1 for c in letters if not c.isascii()) >= MIN_MARKED_SHARE * len(letters)


# --- pictures in the header's blanks ---------------------------------------------------

#: Share of the first page's height, from its top, where the header stands.
HEAD_BAND = 0.35

#: A blank between two words of a header line, in font sizes, that a stamped picture may
#: fill: wider than a justified word space, narrower than the room between the columns'
#: far edges.
BLANK_MIN, BLANK_MAX = 1.2, 8.0

#: Resolution the header band is rendered at to look for ink in its blanks (points × this).
INK_SCALE = 2.0

#: A pixel darker than this (0–255 grey) is ink; a blank holding this share of ink pixels
#: (and ``MIN_INK_PIXELS`` at least) shows something: a digit's strokes cover a tenth of
#: its box, a speck or a rule's end far less.
INK_GREY, MIN_INK_SHARE, MIN_INK_PIXELS = 140, 0.02, 12


def _blanks(words: list[_Word], height: float) -> list[tuple[float, float, float, float]]:
    """The blanks between two words of a line in the header band: boxes (left, top, right,
    bottom, points from the page's top-left) from one word's end to the next's start, a
    size above the baseline (a stamped digit stands taller than the line) to below it."""
    out: list[tuple[float, float, float, float]] = []
    for ln in _lines([w for w in words if w.y < HEAD_BAND * height], 0):
        ws = [w for sg in ln.segs for w in sg.words]
        for a, b in zip(ws, ws[1:]):
            if BLANK_MIN * ln.size <= b.x0 - a.x1 <= BLANK_MAX * ln.size:
                out.append((a.x1 + 0.15 * ln.size, ln.y - 1.3 * ln.size, b.x0 - 0.15 * ln.size, ln.y + 0.4 * ln.size))
    return out


def _shows_ink(page, boxes: list[tuple[float, float, float, float]], words: list[_Word],  # type: ignore[no-untyped-def]
               height: float) -> list[tuple[float, float, float, float]]:
    """The ``boxes`` where the page, rendered, shows ink that no word of the text layer
    drew (a line above or below reaching in is no ink of the blank): a picture or a
    drawing there (the number or the day stamped as an image at signing)."""
    if not boxes:
        return []
    bottom = max(b[3] for b in boxes)
    bitmap = page.render(scale=INK_SCALE, crop=(0, max(0.0, height - bottom), 0, 0), grayscale=True)
    buf, stride, w, h = bitmap.buffer, bitmap.stride, bitmap.width, bitmap.height
    out = []
    for box in boxes:
        x0, y0 = max(0, int(box[0] * INK_SCALE)), max(0, int(box[1] * INK_SCALE))
        x1, y1 = min(w, int(box[2] * INK_SCALE)), min(h, int(box[3] * INK_SCALE))
        if x1 <= x0 or y1 <= y0:
            continue
        # the text's own letters (their boxes, marks included) are no ink of the blank
        text = [(int(t.x0 * INK_SCALE), int((t.y - 1.1 * t.size) * INK_SCALE), int(t.x1 * INK_SCALE) + 1,
                 int((t.y + 0.35 * t.size) * INK_SCALE) + 1) for t in words
                if t.x1 >= box[0] and t.x0 <= box[2] and t.y - 1.1 * t.size <= box[3] and t.y + 0.35 * t.size >= box[1]]
        dark = sum(1 for y in range(y0, y1) for x in range(x0, x1) if buf[y * stride + x] < INK_GREY
                   and not any(a <= x < c and b <= y < d for a, b, c, d in text))
        if dark >= max(MIN_INK_PIXELS, MIN_INK_SHARE * (x1 - x0) * (y1 - y0)):
            out.append(box)
    return out


_DIGIT = regex.compile(r"\d")


def _stamped(page, words: list[_Word], height: float, ocr: PageOcr | None,  # type: ignore[no-untyped-def]
             notes: list[Warning] | None) -> list[_Word]:
    """What the header's blanks show as pictures, read by OCR: the number and the day an
    e-office system stamped as images at signing (``Số  - HD/BTCTU`` in the text layer,
    ``Số 2 - HD/BTCTU`` on the page). Only what holds a digit is taken (what is stamped so
    is a number, a day or a month). Without OCR the blank stays blank, and a note says a
    picture stands there."""
    inked = _shows_ink(page, _blanks(words, height), words, height)
    if not inked:
        return []
    reader = getattr(ocr, "read_region", None) if ocr is not None else None
    out: list[_Word] = []
    unread: str | None = None
    for box in inked:
        if reader is None:
            unread = "no OCR given"
            continue
        try:
            got = reader(page, box)
        except FormatError as exc:
            unread = str(exc)
            continue
        for w in got:
            cx = (w.x0 + w.x1) / 2
            if box[0] <= cx <= box[2] and _DIGIT.search(w.text):
                out.append(_Word(w.text, w.x0, w.x1, w.y, w.size, w.bold, w.italic))
    if notes is not None and out:
        notes.append(Warning("text-read-from-image", N_(
            "page 1: the header shows {texts} as a picture (stamped at signing): read by OCR").format(
                texts=", ".join(repr(w.text) for w in out))))
    if notes is not None and unread is not None:
        notes.append(Warning("image-in-header-blank", N_(
            "page 1: a picture fills a blank of the header (a number or a day stamped at signing) and was not "
            "read ({reason}): the field stays empty").format(reason=unread)))
    return out


def _signed_name(page, number: int, words: list[_Word], width: float, height: float,  # type: ignore[no-untyped-def]
                 ocr: PageOcr | None, notes: list[Warning] | None) -> list[_Word]:
    """The signer's name the page shows only in its signature's picture, read by OCR
    (``pdf_signature``); nothing without OCR (the header then says the name is not in the
    text)."""
    reader = getattr(ocr, "read_region", None) if ocr is not None else None
    if reader is None:
        return []
    regions = pdf_signature.name_regions(pdf_signature.pictures(page), words, width, height)
    out: list[_Word] = []
    for region in regions:
        try:
            line = pdf_signature.read_name(region, lambda box: reader(page, box, line=False))
        except FormatError:
            return []  # OCR cannot run: the name stays out, as the header's warning says
        out += [_Word(w.text, w.x0, w.x1, w.y, w.size, False, False) for w in line]
        if line and notes is not None:
            notes.append(Warning("signer-name-read-from-image", N_(
                "page {page}: the signature's picture shows {name} under the title, which the text does not "
                "have: read by OCR (check it)").format(page=number + 1, name=" ".join(w.text for w in line))))
    return out


def read_pdf(data: bytes, ocr: PageOcr | None = None, notes: list[Warning] | None = None) -> list[RawItem]:
    """The paragraphs and two-column zones of a PDF's text layer; pages without a usable
    one read by ``ocr`` when given, and the pictures in the first page's header blanks by
    its ``read_region``. What a reader should know is added to ``notes``. Raises
    ``FormatError``."""
    pdf_size.check(data)
    doc = _open(data)
    try:
        n = len(doc)
        if n > limits.MAX_PDF_PAGES:
            raise FormatError(N_("a PDF of {n} pages (more than {limit}): refused").format(n=n, limit=limits.MAX_PDF_PAGES))
        pages: list[tuple[list[_Line], float]] = []
        tables: list[_TableBlock] = []
        letters = 0
        scans: list[int] = []
        for i in range(n):
            page = _shown_page(doc, i)
            try:
                words, _w, h = _page_words(page, i)
                if ocr is not None and (ocr.always or not _usable(page, words)):
                    scans.append(i)
                    words = []
                if words and not _scanner_layer(page):
                    if i == 0:
                        words += _stamped(page, words, h, ocr, notes)
                    words += _signed_name(page, i, words, _w, h, ocr, notes)
                grids = _grids(_page_rules(page, h), i) if words else []
            finally:
                page.close()
            letters += sum(1 for w in words for c in w.text if c.isalpha())
            for g in grids:
                inside = [w for w in words if g.contains(w)]
                if inside:
                    tables.append(_TableBlock(i, g.top, _grid_table(g, inside)))
                    words = [w for w in words if not g.contains(w)]
            pages.append((_lines(words, i), h))
        if scans and ocr is not None:
            for i, words in ocr.read_pages(doc, scans).items():
                letters += sum(1 for w in words for c in w.text if c.isalpha())
                pages[i] = (_lines(words, i), pages[i][1])
    except FormatError:
        raise
    except Exception as exc:  # PDFium's errors on a damaged page
        raise FormatError(N_("a damaged PDF ({kind}: {exc})").format(kind=type(exc).__name__, exc=exc)) from exc
    finally:
        doc.close()
    if letters < MIN_LETTERS_PER_PAGE * max(1, n) and not scans:
        raise FormatError(N_("PDF has no text layer (a scan): OCR is needed"))
    items = _assemble(pages, tables)
    if not items:
        raise FormatError(N_("PDF has no text layer (a scan): OCR is needed") if not scans
                          else N_("no text found on its pages, even by OCR"))
    return items


def layout_words(pages: Sequence[tuple[list[Word], float]]) -> list[RawItem]:
    """The paragraphs and two-column zones of pages of placed words (each page: its words
    and its height, in points): what ``read_pdf`` does with a text layer, for words from any
    source (OCR of an image), so that header columns and the signature block are told
    apart by position alike."""
    return _assemble([(_lines(words, i), h) for i, (words, h) in enumerate(pages)], [])


def _assemble(pages: list[tuple[list[_Line], float]], tables: list[_TableBlock]) -> list[RawItem]:
    """Margins dropped, then the lines and ruled tables of all pages laid out in reading order."""
    lines = _drop_margins(pages)
    if not lines and not tables:
        return []
    flow: list[_Line | _TableBlock] = sorted([*lines, *tables], key=lambda b: (b.page, b.y))
    return _layout(flow, _area(lines) if lines else _Area(0, 1))


def _layout(lines: list, area: _Area) -> list[RawItem]:
    """Header zone, body paragraphs and ruled tables, closing zone, in reading order
    (``lines``: the page lines and ruled tables in the order they stand)."""
    head: tuple[int, int, tuple[float, float]] | None = None
    for i, ln in enumerate(lines[:8]):
        # The header stands above the body: no seed after the first body line.
        if not isinstance(ln, _Line) or ln.page != lines[0].page or _crosses_middle(ln, area):
            break
        if _middle_gap(ln, area) is not None:
            head = _zone(lines, i, area, up=True, down=True)
            break
    tail = _tail_zone(lines, area, head[1] if head else 0)
    items: list[RawItem] = []
    body_from = 0
    if head is not None:
        items.extend(_paragraphs(lines[: head[0]], area))
        items.append(_zone_table(lines[head[0]: head[1]], head[2]))
        body_from = head[1]
    while (closing := _closing_zone(lines, area, body_from)) is not None and (tail is None or closing[1] <= tail[0]):
        # a closing block before the attachments (the body ends there), or a form's sample
        # in a guide's body: each read in its two columns
        items.extend(_paragraphs(lines[body_from:closing[0]], area))
        items.append(_zone_table(lines[closing[0]: closing[1]], closing[2]))
        body_from = closing[1]
    body_to = tail[0] if tail is not None and tail[0] >= body_from else len(lines)
    items.extend(_paragraphs(lines[body_from:body_to], area))
    if tail is not None and tail[0] >= body_from:
        items.append(_zone_table(lines[tail[0]: tail[1]], tail[2]))
        items.extend(_paragraphs(lines[tail[1]:], area))
    return items
