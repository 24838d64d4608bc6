"""The signer's name a signed PDF shows only in its signature's picture.

A province's e-office system signs with a picture of the whole signature: the seal, the
handwritten signature and the signer's name typed under them, drawn as the signature
field's appearance over the blank the Word template left under the title (``KT. CHỦ TỊCH``
/ ``PHÓ CHỦ TỊCH``, then nothing in the text layer). A reader of the page sees the name;
the text layer has none. Where a picture of a signature's size stands under a title in
capitals, with no text under it nor in its lower part, the lowest line of its lower part
is read by OCR, and kept when it has the shape of a name (two to six words of letters, each
opening with a capital): the seal's ring and the handwriting read as scraps, the typed name
as a line. The layout then takes it as the name under the title, as if the text had it.

Only geometry and shape here; whether the line is a person's name is the layout's call.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import regex

from ...refdata import pattern
from .pdf_objects import bounds, page_objects

#: A picture taller than this share of the page, or wider than this share, is a figure or
#: a scanned page, not a signature's appearance (a seal and a name: a quarter of a page at most).
MAX_HEIGHT, MAX_WIDTH = 0.25, 0.6

#: How deep form objects are opened to find a picture: a signature field's appearance,
#: flattened into the page, nests its image three or four forms down.
MAX_DEPTH = 8

#: The lower part of a picture must be this many font sizes high to hold a name line.
MIN_ROOM = 1.5

#: No word of the text may stand this many font sizes under the picture (in its span): a
#: name typed under the picture is the text's, and nothing is read.
NAME_BELOW = 2.5

#: The title line stands at most this many font sizes above the picture's top, when no
#: line of the text stands inside the picture.
TITLE_ABOVE = 3.0

#: Words of the lowest line read, to be a name.
MIN_WORDS, MAX_WORDS = 2, 6


class Placed(Protocol):
    """A word placed on a page (points from its top-left): the PDF reader's and OCR's."""

    text: str
    x0: float
    x1: float
    y: float
    size: float


Box = tuple[float, float, float, float]


def pictures(page: Any) -> list[Box]:
    """The boxes (left, top, right, bottom; points from the page's top-left) of what the
    open PDFium ``page`` draws as pictures: its images, and its forms that hold one (a
    signature field's appearance, flattened into the page)."""
    import pypdfium2.raw as raw

    height = page.get_size()[1]
    out: list[Box] = []
    top: Any = None
    taken = False
    for kind, obj, level in page_objects(page, None, MAX_DEPTH):
        if level == 0:
            top, taken = obj, False
        if kind == raw.FPDF_PAGEOBJ_IMAGE and top is not None and not taken:
            left, bottom, right, upper = bounds(top)
            out.append((left, height - upper, right, height - bottom))
            taken = True
    return out


def _signers_title(line: Sequence[Placed]) -> bool:
    """A line in capitals that holds a signer's title (``KT. CHỦ TỊCH``, ``PHÓ GIÁM ĐỐC``,
    ``BÍ THƯ``: ``signature.yaml`` ``titles``), not a heading (``PHỤ LỤC``)."""
    text = " ".join(w.text for w in sorted(line, key=lambda w: w.x0))
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and pattern("signature", "titles").search(text) is not None


def name_regions(boxes: list[Box], words: Sequence[Placed], width: float, height: float) -> list[Box]:
    """The lower parts of the pictures in ``boxes`` that may show a signer's name the text
    lacks: a picture of a signature's size, a signer's title in capitals the last line of
    text in it or just above it, no word of the text in its lower part nor under it."""
    if not words:
        return []
    size = statistics.median(w.size for w in words)
    out: list[Box] = []
    for left, top, right, bottom in boxes:
        if bottom - top > MAX_HEIGHT * height or right - left > MAX_WIDTH * width:
            continue
        span = [w for w in words if left <= (w.x0 + w.x1) / 2 <= right]
        inside = [w for w in span if top <= w.y <= bottom]
        start = max((w.y + 0.4 * w.size for w in inside), default=top)
        if bottom - start < MIN_ROOM * size:
            continue
        if any(start < w.y <= bottom + NAME_BELOW * size for w in span):
            continue
        above = [w for w in span if w.y < start]
        if not above:
            continue
        last = max(w.y for w in above)
        if not inside and last < top - TITLE_ABOVE * size:
            continue
        if not _signers_title([w for w in above if abs(w.y - last) <= 0.5 * w.size]):
            continue
        out.append((left, start, right, bottom))
    return out


_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}]*")
_LETTER = regex.compile(r"\p{L}")


def _name_shaped(line: Sequence[Placed]) -> bool:
    """Two to six words of letters, each opening with a capital (``Nguyễn Thị Quyên
    Thanh``, ``LÊ VĂN A``): the shape of a typed name, not of a seal's scraps."""
    return MIN_WORDS <= len(line) <= MAX_WORDS and all(_NAME_WORD.fullmatch(w.text) for w in line)


def lines_up(words: Sequence[Placed]) -> list[list[Placed]]:
    """``words`` in lines (one baseline, half a size apart), each left to right, the
    lowest first."""
    out: list[list[Placed]] = []
    for w in sorted(words, key=lambda w: -w.y):
        if out and abs(out[-1][0].y - w.y) <= 0.5 * max(w.size, out[-1][0].size):
            out[-1].append(w)
        else:
            out.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in out]


def read_name(region: Box, read: Callable[[Box], Sequence[Placed]]) -> list[Placed]:
    """The name ``read`` (OCR of a region, as a block) finds as the lowest line of
    ``region`` that holds a letter (a stroke's end under it reads as a dash), when it has
    a name's shape; else nothing (scraps of the seal at the foot: no line above is tried)."""
    got = [w for w in read(region) if region[0] <= (w.x0 + w.x1) / 2 <= region[2]]
    line = next((ln for ln in lines_up(got) if any(_LETTER.search(w.text) for w in ln)), [])
    return line if _name_shaped(line) else []
