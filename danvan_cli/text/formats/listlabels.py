"""The labels Word draws before the paragraphs of a list: ``1.``, ``a)``, ``II.``, a bullet.

Word keeps a list's labels out of the text: a paragraph says which list and level it is
in, and the list says each level's format (decimal, letters, Roman numerals, a bullet),
its template (``%1.``, ``%1.%2.``, ``%2)``) and its first number. The outline stage reads
``1.``, ``a)``, ``-`` at a line's start, so a reader writes the label back as Word draws it.
``Counters`` numbers the paragraphs of one document in reading order (a level restarts
under a new item of the level above); ``doc_lists`` reads a Word 97 file's list tables
(PlfLst, PlfLfo). One ``Counters`` per document read: nothing is kept between files.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field

#: Word 97's number formats (nfc) by their .docx names.
NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 22: "decimalZero",
       23: "bullet", 255: "none"}
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_PLACEHOLDER = re.compile(r"%([1-9])")
#: Most levels a list has.
LEVELS = 9


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str  # decimal, lowerLetter, bullet, ...
    template: str  # "%1.", "%1.%2.", "%2)", or the bullet's glyph
    start: int = 1


def number(n: int, fmt: str) -> str:
    """``n`` written in a list's number format."""
    if fmt in ("lowerRoman", "upperRoman"):
        out, left = "", max(1, min(n, 3999))
        for v, s in _ROMAN:
            while left >= v:
                out, left = out + s, left - v
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("lowerLetter", "upperLetter"):
        # as Word draws them: a ... z, then aa, bb ... (the Latin alphabet, not Vietnamese's)
        k = max(1, n) - 1
        out = chr(ord("a") + k % 26) * (k // 26 + 1)
        return out.upper() if fmt == "upperLetter" else out
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass(slots=True)
class Counters:
    """Each list's counters, numbering its paragraphs in reading order."""

    counts: dict[object, list[int | None]] = field(default_factory=dict)

    def label(self, key: object, levels: list[Level], ilvl: int) -> str | None:
        """The label of the next paragraph at level ``ilvl`` of list ``key`` (whose levels
        are ``levels``); ``None`` when the level draws none."""
        if not 0 <= ilvl < len(levels):
            return None
        counts = self.counts.setdefault(key, [None] * LEVELS)
        lvl = levels[ilvl]
        if lvl.fmt == "none":
            return None
        counts[ilvl] = lvl.start if counts[ilvl] is None else counts[ilvl] + 1  # type: ignore[operator]
        for k in range(ilvl + 1, LEVELS):
            counts[k] = None  # a new item restarts the levels under it
        if lvl.fmt == "bullet":
            glyph = lvl.template.strip()[:1]
            return glyph if glyph in ("-", "+", "–", "•") else "•"

        def fill(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            if k >= len(levels):
                return ""
            c = counts[k] if counts[k] is not None else levels[k].start
            return number(c, levels[k].fmt if levels[k].fmt != "bullet" else "decimal")  # type: ignore[arg-type]

        out = _PLACEHOLDER.sub(fill, lvl.template).strip()
        return out or None


# --- Word 97 ---------------------------------------------------------------------------------------


def doc_lists(table: bytes, lst_at: int, lst_size: int, plf_lfo: bytes) -> dict[int, tuple[int, list[Level]]]:
    """A Word 97 file's lists, by the ``ilfo`` a paragraph names (1 up): the list's id and
    its levels. The PlfLst at ``lst_at`` of the table stream holds the lists' LSTF records;
    their levels (LVL) follow it in the stream, outside its declared size. A damaged table
    gives the lists read before the damage."""
    by_lsid: dict[int, list[Level]] = {}
    try:
        if lst_size and lst_at + lst_size <= len(table):
            _read_lst(table, lst_at, by_lsid)
    except (struct.error, IndexError, ValueError):
        pass
    out: dict[int, tuple[int, list[Level]]] = {}
    try:
        n = struct.unpack_from("<I", plf_lfo, 0)[0] if len(plf_lfo) >= 4 else 0
        for k in range(min(n, (len(plf_lfo) - 4) // 16)):
            lsid = struct.unpack_from("<i", plf_lfo, 4 + 16 * k)[0]
            if lsid in by_lsid:
                out[k + 1] = (lsid, by_lsid[lsid])
    except struct.error:
        pass
    return out


def _read_lst(data: bytes, at0: int, by_lsid: dict[int, list[Level]]) -> None:
    n = struct.unpack_from("<h", data, at0)[0]
    if n <= 0 or at0 + 2 + 28 * n > len(data):
        return
    lstfs = []
    for k in range(n):
        at = at0 + 2 + 28 * k
        lsid = struct.unpack_from("<i", data, at)[0]
        simple = data[at + 26] & 0x01
        lstfs.append((lsid, 1 if simple else LEVELS))
    pos = at0 + 2 + 28 * n
    for lsid, count in lstfs:
        levels: list[Level] = []
        for _ in range(count):
            start, nfc = struct.unpack_from("<iB", data, pos)
            cb_chpx, cb_papx = data[pos + 24], data[pos + 25]
            pos += 28 + cb_papx + cb_chpx
            cch = struct.unpack_from("<H", data, pos)[0]
            raw = data[pos + 2 : pos + 2 + 2 * cch]
            if len(raw) != 2 * cch:
                raise ValueError("a list level cut short")
            pos += 2 + 2 * cch
            xst = raw.decode("utf-16-le", errors="replace")
            # the level numbers stand in the template as characters 0..8
            template = "".join(f"%{ord(c) + 1}" if ord(c) < LEVELS else c for c in xst)
            levels.append(Level(NFC.get(nfc, "decimal"), template, start))
        by_lsid[lsid] = levels
