"""Read a Word 97–2003 .doc ([MS-DOC]): paragraphs and tables, as the .docx reader gives them.

Offices keep a large share of their folders as Word 97 binary files. ``olefile`` opens
the OLE2 container (its directory and sector chains, with the sizes they declare checked
against the file first); the Word structures inside are read here, because no pure-Python
package gives them in a form the layout stage can use and at the cost a batch can bear
(``msdoc2docx`` converts them faithfully but takes seconds a file and grows faster than
the file with its runs; ``legacy-doc`` and ``wps2md`` give text without rows and cells).
What is read, each bounded by the stream it lies in:

- the FIB: where the text and each table lie, and the stories' lengths;
- the piece table (CLX): which stretch of the text is where, 8-bit Windows-1252 or UTF-16;
- paragraph properties (PAPX in FKP pages, and the paragraph styles of the STSH): inside
  a table or not, where a cell or row ends, the row's cell edges and merges (TAP), the
  alignment;
- character properties (CHPX): bold, italic, all caps, hidden text, the font — a
  ``.VnTime`` run is TCVN3 and read back to Unicode by ``common.write``;
- list labels (PlfLst, PlfLfo: ``1.``, ``a)``, a bullet as ``-``/``•``) written before the
  items, as Word draws them (``listlabels``);
- fields (only the shown result), pictures and drawn objects (left out), and the text
  boxes of the main story (PlcftxbxTxt matched to the shapes of PlcSpaMom), beside the
  paragraph each is drawn in, as the .docx reader puts them.

The main story comes first, then the footnotes and endnotes, as the .docx reader gives
them. A cell ends at its mark (``\\x07``); a row at a mark whose paragraph says so (the
TTP), which also gives the row's cell edges: the edges of all rows make the table's grid,
so that a cell spanning columns gets its ``colspan`` and grid column, and a cell merged
down is given once with its ``rowspan``. Tab stops are kept for ``tabzones`` (a header laid
out with tabs reads as a two-cell row).
"""

from __future__ import annotations

import bisect
import io
import struct
from dataclasses import dataclass, field

from . import limits
from ...i18n import N_
from .common import FormatError, Para, RawCell, RawItem, RawTable, Run
from .legacy import cp1252, font_encoding
from .listlabels import Counters, Level, doc_lists
from .tabzones import TAB, tab_zones

_WORD_IDENT = 0xA5EC
#: Word 97 writes nFib 0x00C1; Word 6 and Word 95 files (0x0065..0x0068) have another FIB.
_MIN_NFIB = 0x00C0
_PAGE = 512

# fibRgFcLcb97 indices of the (fc, lcb) pairs read.
_STSHF, _PLCF_BTE_CHPX, _PLCF_BTE_PAPX, _STTBF_FFN, _CLX = 1, 12, 13, 15, 33
_PLC_SPA_MOM, _PLCF_TXBX_TXT, _PLF_LST, _PLF_LFO = 40, 56, 73, 74

# Paragraph sprms.
_P_IN_TABLE, _P_TTP, _P_ITAP, _P_INNER_CELL, _P_INNER_TTP = 0x2416, 0x2417, 0x6649, 0x244B, 0x244C
_P_JC80, _P_JC, _P_ILFO, _P_ILVL = 0x2403, 0x2461, 0x460B, 0x260A
_T_DEF_TABLE, _T_VERT_MERGE, _P_CHG_TABS = 0xD608, 0xD62B, 0xC615
# Character sprms.
_C_BOLD, _C_ITALIC, _C_CAPS, _C_VANISH, _C_FTC0, _C_ISTD = 0x0835, 0x0836, 0x083B, 0x083C, 0x4A4F, 0x4A30

_ALIGN = {0: "left", 1: "center", 2: "right", 3: "justify", 4: "justify", 5: "justify", 7: "left", 8: "left", 9: "justify"}

#: Characters of the text stream and what they are in the text read: a line break, a tab
#: stop, a non-breaking hyphen, Word's optional hyphen (``\x1f``: nothing); marks of
#: pictures, drawn objects, notes and fields that hold no text (left out). U+00AD is kept:
#: in a ``.VnTime`` run it is TCVN3's ``ư``, and ``normalize`` folds it where it is not.
_CHARS = {"\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\t": TAB, "\x1e": "-", "\x1f": ""}
_DROP = {chr(c) for c in range(0x20)} - {"\n", "\t", "\r", "\x07", "\x0b", "\x0c", "\x0e", "\x1e", "\x1f"}
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"
_CELL = "\x07"


def _u16(b: bytes, o: int) -> int:
    return struct.unpack_from("<H", b, o)[0]


def _u32(b: bytes, o: int) -> int:
    return struct.unpack_from("<I", b, o)[0]


# --- the container -------------------------------------------------------------------------------

_OTHER_OLE = (
    ("EncryptedPackage", N_("a password-protected Office file: remove the password in Office and save again")),
    ("Workbook", N_("an Excel spreadsheet (.xls), not a document danvan reads")),
    ("Book", N_("an Excel spreadsheet (.xls), not a document danvan reads")),
    ("PowerPoint Document", N_("a PowerPoint presentation (.ppt), not a document danvan reads")),
)


def _streams(data: bytes) -> tuple[bytes, bytes]:
    """The WordDocument stream and the table stream it names. Raises ``FormatError`` for any other OLE2 file and for a damaged one."""
    import olefile

    _check_header(data)
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error, KeyError, OverflowError, MemoryError) as exc:
        raise FormatError(N_("a damaged OLE2 container ({exc})").format(exc=exc)) from exc
    try:
        if not ole.exists("WordDocument"):
            for name, what in _OTHER_OLE:
                if ole.exists(name):
                    raise FormatError(what)
            raise FormatError(N_("an OLE2 file that is not a Word document (no WordDocument stream)"))
        word = _stream(ole, "WordDocument", len(data))
        if len(word) < 0x20 or _u16(word, 0) != _WORD_IDENT:
            raise FormatError(N_("a .doc whose WordDocument stream does not start as Word's does (damaged)"))
        nfib = _u16(word, 2)
        flags = _u16(word, 0x0A)
        if flags & 0x0100:  # fEncrypted
            raise FormatError(N_("a password-protected .doc: open it in Word, remove the password and save it as .docx"))
        if nfib < _MIN_NFIB:
            raise FormatError(N_("a Word 6/95 document (older than Word 97): open it in Word and save it as .docx"))
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise FormatError(N_("a .doc without its {table_name} stream (damaged)").format(table_name=table_name))
        return word, _stream(ole, table_name, len(data))
    finally:
        ole.close()


def _check_header(data: bytes) -> None:
    """The counts the OLE2 header declares, against the file's size, before any is used."""
    if len(data) < 512:
        raise FormatError(N_("an OLE2 file cut short (damaged)"))
    shift = _u16(data, 0x1E)
    if shift not in (9, 12):
        raise FormatError(N_("an OLE2 header with an impossible sector size (damaged)"))
    sectors = max(1, len(data) >> shift)
    for what, at in (("FAT", 0x2C), ("mini FAT", 0x40), ("DIFAT", 0x48)):
        if _u32(data, at) > sectors:
            raise FormatError(N_("an OLE2 header declaring {declared} {what} sectors in a file of {sectors}: damaged").format(declared=_u32(data, at), what=what, sectors=sectors))


def _check_chain(ole: object, name: str, size: int) -> None:
    """A stream's sector chain, walked once: it must not loop back on itself (a cyclic
    FAT would have the stream read the same sectors over and over, as garbage text)."""
    if size < ole.minisectorcutoff:  # type: ignore[attr-defined]
        return  # in the mini stream, a few kilobytes at most
    fat = ole.fat  # type: ignore[attr-defined]
    sect = ole.direntries[ole._find(name)].isectStart  # type: ignore[attr-defined]
    seen: set[int] = set()
    for _ in range(-(-size // ole.sectorsize)):  # type: ignore[attr-defined]
        if sect in seen or not 0 <= sect < len(fat):
            raise FormatError(N_("a damaged OLE2 container (the chain of {name} loops or leaves the file)").format(name=name))
        seen.add(sect)
        sect = fat[sect]


def _stream(ole: object, name: str, file_size: int) -> bytes:
    """A stream's bytes, once the size its directory entry declares has been checked
    against the file (a stream cannot be larger: a lie there would have the chain walk
    allocate gigabytes, or loop in a cyclic FAT until it had)."""
    try:
        size = ole.get_size(name)  # type: ignore[attr-defined]
        if size > file_size or size > limits.MAX_FILE_BYTES:
            raise FormatError(N_("a stream ({name}) declaring {size} in a file of {file_size}: damaged").format(name=name, size=limits.human(size), file_size=limits.human(file_size)))
        _check_chain(ole, name, size)
        data = ole.openstream(name).read()  # type: ignore[attr-defined]
    except FormatError:
        raise
    except (OSError, ValueError, IndexError, struct.error, KeyError, OverflowError, MemoryError) as exc:
        raise FormatError(N_("a damaged OLE2 container ({name}: {exc})").format(name=name, exc=exc)) from exc
    if len(data) != size:
        raise FormatError(N_("a damaged OLE2 container ({name}: {read} bytes read of {size} declared)").format(name=name, read=len(data), size=size))
    return data


# --- the FIB and the piece table -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Fib:
    ccp: tuple[int, ...]  # ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx
    fclcb: tuple[int, ...]

    def pair(self, i: int) -> tuple[int, int]:
        if 2 * i + 1 >= len(self.fclcb):
            return 0, 0
        return self.fclcb[2 * i], self.fclcb[2 * i + 1]


def _fib(word: bytes) -> _Fib:
    try:
        csw = _u16(word, 32)
        p = 34 + 2 * csw
        cslw = _u16(word, p)
        lw = struct.unpack_from(f"<{cslw}i", word, p + 2)
        p += 2 + 4 * cslw
        cb = _u16(word, p)
        fclcb = struct.unpack_from(f"<{2 * cb}I", word, p + 2)
    except struct.error as exc:
        raise FormatError(N_("a .doc whose file information block is cut short (damaged)")) from exc
    if len(lw) < 11 or cb <= _CLX:
        raise FormatError(N_("a .doc whose file information block is too short (damaged)"))
    ccp = tuple(max(0, v) for v in lw[3:11])
    if sum(ccp) > limits.MAX_DOC_CHARS:
        raise FormatError(N_("a .doc declaring {n} characters (more than {limit}): refused").format(n=sum(ccp), limit=limits.MAX_DOC_CHARS))
    return _Fib(ccp, fclcb)


@dataclass(frozen=True, slots=True)
class _Piece:
    cp: int
    cp_end: int
    fc: int  # byte offset in the WordDocument stream
    width: int  # 1: Windows-1252 bytes, 2: UTF-16
    prm: int


def _slice(table: bytes, fc: int, lcb: int, what: str) -> bytes:
    if lcb == 0:
        return b""
    if fc + lcb > len(table):
        raise FormatError(N_("a .doc whose {what} lies outside its table stream (damaged)").format(what=what))
    return table[fc : fc + lcb]


def _clx(table: bytes, fib: _Fib, word_len: int) -> tuple[list[_Piece], list[bytes]]:
    """The pieces of the text in CP order, and the property lists (``Prc``) pieces may
    point to. Every piece is checked to lie inside the WordDocument stream."""
    clx = _slice(table, *fib.pair(_CLX), "piece table")
    grpprls: list[bytes] = []
    i = 0
    try:
        while i < len(clx) and clx[i] == 0x01:
            n = struct.unpack_from("<h", clx, i + 1)[0]
            if n < 0 or i + 3 + n > len(clx):
                raise FormatError(N_("a .doc whose piece table is damaged"))
            grpprls.append(clx[i + 3 : i + 3 + n])
            i += 3 + n
        if i >= len(clx) or clx[i] != 0x02:
            raise FormatError(N_("a .doc without a piece table (damaged, or written by a Word before Word 97)"))
        lcb = _u32(clx, i + 1)
        plc = clx[i + 5 : i + 5 + lcb]
    except struct.error as exc:
        raise FormatError(N_("a .doc whose piece table is cut short (damaged)")) from exc
    if lcb != len(plc) or (lcb - 4) % 12:
        raise FormatError(N_("a .doc whose piece table is damaged"))
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces: list[_Piece] = []
    for k in range(n):
        off = 4 * (n + 1) + 8 * k
        fc_raw = _u32(plc, off + 2)
        prm = _u16(plc, off + 6)
        cp, cp_end = cps[k], cps[k + 1]
        if cp_end < cp or (pieces and cp != pieces[-1].cp_end):
            raise FormatError(N_("a .doc whose piece table is out of order (damaged)"))
        if fc_raw & 0x40000000:
            fc, width = (fc_raw & 0x3FFFFFFF) // 2, 1
        else:
            fc, width = fc_raw, 2
        if fc + (cp_end - cp) * width > word_len:
            raise FormatError(N_("a .doc whose piece table points outside its text stream (damaged)"))
        pieces.append(_Piece(cp, cp_end, fc, width, prm))
    return pieces, grpprls


def _text(word: bytes, pieces: list[_Piece], cp_end: int) -> str:
    out: list[str] = []
    for p in pieces:
        if p.cp >= cp_end:
            break
        n = min(p.cp_end, cp_end) - p.cp
        raw = word[p.fc : p.fc + n * p.width]
        out.append(cp1252(raw) if p.width == 1 else raw.decode("utf-16-le", errors="replace"))
    return "".join(out)


# --- property lists (sprms) ----------------------------------------------------------------------


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """The (sprm, operand) pairs of a property list; a damaged tail is dropped."""
    out: list[tuple[int, bytes]] = []
    i, n = 0, len(grpprl)
    while i + 2 <= n:
        sprm = _u16(grpprl, i)
        i += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        elif sprm == _T_DEF_TABLE and i + 2 <= n:
            size = _u16(grpprl, i) + 1
        elif sprm == _P_CHG_TABS and i < n and grpprl[i] == 255 and i + 1 < n:
            dels = grpprl[i + 1]
            adds_at = i + 2 + 4 * dels
            size = 2 + 4 * dels + 1 + 3 * grpprl[adds_at] if adds_at < n else n - i
        elif i < n:
            size = grpprl[i] + 1
        else:
            break
        if i + size > n:
            break
        out.append((sprm, grpprl[i : i + size]))
        i += size
    return out


@dataclass(slots=True)
class _Chp:
    bold: bool = False
    italic: bool = False
    caps: bool = False
    vanish: bool = False
    ftc: int | None = None


_TOGGLES = {_C_BOLD: "bold", _C_ITALIC: "italic", _C_CAPS: "caps", _C_VANISH: "vanish"}


def _apply_chp(chp: _Chp, sprms: list[tuple[int, bytes]], style: _Chp) -> _Chp:
    out = _Chp(chp.bold, chp.italic, chp.caps, chp.vanish, chp.ftc)
    for sprm, op in sprms:
        attr = _TOGGLES.get(sprm)
        if attr is not None and op:
            v = op[0]
            # 0x80: as the style says; 0x81: the opposite of what the style says.
            setattr(out, attr, getattr(style, attr) if v == 0x80 else (not getattr(style, attr)) if v == 0x81 else bool(v))
        elif sprm == _C_FTC0 and len(op) >= 2:
            out.ftc = _u16(op, 0)
    return out


@dataclass(slots=True)
class _Pap:
    in_table: bool = False
    ttp: bool = False
    itap: int = 0
    inner_cell: bool = False
    inner_ttp: bool = False
    jc: int | None = None
    ilfo: int = 0  # the list the paragraph is an item of (1 up; 0: none)
    ilvl: int = 0

    @property
    def depth(self) -> int:
        return max(self.itap, 1 if self.in_table else 0)


def _apply_pap(pap: _Pap, sprms: list[tuple[int, bytes]]) -> _Pap:
    out = _Pap(pap.in_table, pap.ttp, pap.itap, pap.inner_cell, pap.inner_ttp, pap.jc, pap.ilfo, pap.ilvl)
    for sprm, op in sprms:
        if not op:
            continue
        if sprm == _P_IN_TABLE:
            out.in_table = bool(op[0])
        elif sprm == _P_TTP:
            out.ttp = bool(op[0])
        elif sprm == _P_ITAP and len(op) >= 4:
            out.itap = min(max(struct.unpack_from("<i", op, 0)[0], 0), 64)
        elif sprm == _P_INNER_CELL:
            out.inner_cell = bool(op[0])
        elif sprm == _P_INNER_TTP:
            out.inner_ttp = bool(op[0])
        elif sprm in (_P_JC80, _P_JC):
            out.jc = op[0]
        elif sprm == _P_ILFO and len(op) >= 2:
            out.ilfo = _u16(op, 0)
        elif sprm == _P_ILVL:
            out.ilvl = op[0]
    return out


# --- styles and fonts ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Style:
    kind: int  # 1 paragraph, 2 character
    base: int
    papx: list[tuple[int, bytes]] = field(default_factory=list)
    chpx: list[tuple[int, bytes]] = field(default_factory=list)


class _Styles:
    """The style sheet (STSH): each style's paragraph and character properties, with
    what it is based on (a bounded walk: a chain that loops ends)."""

    def __init__(self, stsh: bytes) -> None:
        self.styles: dict[int, _Style] = {}
        self.default_ftc: int | None = None
        self._chp: dict[int, _Chp] = {}
        self._pap: dict[int, _Pap] = {}
        if len(stsh) < 4:
            return
        try:
            self._read(stsh)
        except (struct.error, IndexError):
            pass  # styles are a help: a damaged sheet loses the rest of them only

    def _read(self, stsh: bytes) -> None:
        cb_stshi = _u16(stsh, 0)
        stshi = stsh[2 : 2 + cb_stshi]
        cstd, cb_base = _u16(stshi, 0), _u16(stshi, 2)
        if len(stshi) >= 14:
            self.default_ftc = _u16(stshi, 12)
        pos = 2 + cb_stshi
        for istd in range(min(cstd, 4096)):
            if pos + 2 > len(stsh):
                break
            cb = _u16(stsh, pos)
            std = stsh[pos + 2 : pos + 2 + cb]
            pos += 2 + cb
            if cb < 10 or len(std) < cb_base + 2:
                continue
            kind = _u16(std, 2) & 0x000F
            base = _u16(std, 2) >> 4
            cupx = _u16(std, 4) & 0x000F
            o = cb_base
            cch = _u16(std, o)
            o += 2 + 2 * (cch + 1)
            st = _Style(kind, base)
            for k in range(cupx):
                if o % 2:
                    o += 1
                if o + 2 > len(std):
                    break
                n = _u16(std, o)
                upx = std[o + 2 : o + 2 + n]
                o += 2 + n
                if kind == 1 and k == 0:
                    st.papx = _sprms(upx[2:])  # istd, then the paragraph sprms
                elif (kind == 1 and k == 1) or (kind == 2 and k == 0):
                    st.chpx = _sprms(upx)
            self.styles[istd] = st

    def _chain(self, istd: int) -> list[_Style]:
        chain: list[_Style] = []
        while istd in self.styles and len(chain) < 32:
            st = self.styles[istd]
            chain.append(st)
            if st.base == 0x0FFF or st.base == istd:
                break
            istd = st.base
        return chain[::-1]

    def chp(self, istd: int) -> _Chp:
        if istd not in self._chp:
            chp = _Chp(ftc=self.default_ftc)
            for st in self._chain(istd):
                chp = _apply_chp(chp, st.chpx, chp)
            self._chp[istd] = chp
        return self._chp[istd]

    def over(self, chp: _Chp, istd: int) -> _Chp:
        """``chp`` with the character style ``istd`` applied over it."""
        for st in self._chain(istd):
            chp = _apply_chp(chp, st.chpx, chp)
        return chp

    def pap(self, istd: int) -> _Pap:
        if istd not in self._pap:
            pap = _Pap()
            for st in self._chain(istd):
                pap = _apply_pap(pap, st.papx)
            self._pap[istd] = pap
        return self._pap[istd]


def _fonts(sttb: bytes) -> dict[int, str]:
    """Font index → name, from the font table (SttbfFfn)."""
    out: dict[int, str] = {}
    if len(sttb) < 4:
        return out
    n = _u16(sttb, 0)
    pos = 4
    for i in range(n):
        if pos >= len(sttb):
            break
        cb = sttb[pos]
        ffn = sttb[pos : pos + cb + 1]
        pos += cb + 1
        name = ffn[40:]
        end = 0
        while end + 1 < len(name) and name[end : end + 2] != b"\x00\x00":
            end += 2
        out[i] = name[:end].decode("utf-16-le", errors="replace")
    return out


# --- formatted pages (FKP) -----------------------------------------------------------------------


class _Runs:
    """Property lists by byte offset in the WordDocument stream, from the FKP pages a
    PlcBte points to: each run is ``[fc, fc_end)`` with its sprms (and, for paragraphs,
    its style)."""

    def __init__(self, word: bytes, plcbte: bytes, paragraphs: bool) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.props: list[tuple[int, list[tuple[int, bytes]]]] = []
        if len(plcbte) < 12 or (len(plcbte) - 4) % 8:
            return
        n = (len(plcbte) - 4) // 8
        pns = struct.unpack_from(f"<{n}I", plcbte, 4 * (n + 1))
        runs: list[tuple[int, int, tuple[int, list[tuple[int, bytes]]]]] = []
        for pn in dict.fromkeys(v & 0x3FFFFF for v in pns):  # a page named twice is read once
            off = pn * _PAGE
            if off + _PAGE > len(word):
                raise FormatError(N_("a .doc whose formatting points outside its text stream (damaged)"))
            runs.extend(_fkp(word[off : off + _PAGE], paragraphs))
        runs.sort(key=lambda r: r[0])
        for start, end, props in runs:
            if end > start:
                self.starts.append(start)
                self.ends.append(end)
                self.props.append(props)

    def at(self, fc: int) -> tuple[int, list[tuple[int, bytes]]] | None:
        i = bisect.bisect_right(self.starts, fc) - 1
        if i >= 0 and fc < self.ends[i]:
            return self.props[i]
        return None

    def spans(self, fc: int, fc_end: int) -> list[tuple[int, int, list[tuple[int, bytes]]]]:
        """The runs over ``[fc, fc_end)`` (gaps with no properties left out)."""
        out: list[tuple[int, int, list[tuple[int, bytes]]]] = []
        i = max(0, bisect.bisect_right(self.starts, fc) - 1)
        while i < len(self.starts) and self.starts[i] < fc_end:
            if self.ends[i] > fc:
                out.append((max(fc, self.starts[i]), min(fc_end, self.ends[i]), self.props[i][1]))
            i += 1
        return out


def _fkp(page: bytes, paragraphs: bool) -> list[tuple[int, int, tuple[int, list[tuple[int, bytes]]]]]:
    crun = page[_PAGE - 1]
    width = 13 if paragraphs else 1
    if 4 * (crun + 1) + width * crun > _PAGE - 1:
        raise FormatError(N_("a .doc with a damaged formatting page"))
    fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
    out = []
    base = 4 * (crun + 1)
    for k in range(crun):
        b = page[base + width * k] * 2
        istd, grpprl = 0, b""
        if b:
            if paragraphs:
                cb = page[b]
                if cb == 0 and b + 1 < _PAGE:
                    grpprl = page[b + 2 : b + 2 + 2 * page[b + 1]]
                else:
                    grpprl = page[b + 1 : b + 1 + 2 * cb - 1]
                if len(grpprl) >= 2:
                    istd, grpprl = _u16(grpprl, 0), grpprl[2:]
            else:
                grpprl = page[b + 1 : b + 1 + page[b]]
        out.append((fcs[k], fcs[k + 1], (istd, _sprms(grpprl))))
    return out


# --- the text with its properties ----------------------------------------------------------------


@dataclass(slots=True)
class _Doc:
    word: bytes
    pieces: list[_Piece]
    piece_cps: list[int]
    prcs: list[list[tuple[int, bytes]]]
    chpx: _Runs
    papx: _Runs
    styles: _Styles
    fonts: dict[int, str]
    lists: dict[int, tuple[int, list[Level]]] = field(default_factory=dict)
    counters: Counters = field(default_factory=Counters)

    def label(self, pap: _Pap) -> str | None:
        """The label Word draws before a list item (``1.``, ``a)``, a bullet)."""
        found = self.lists.get(pap.ilfo) if pap.ilfo else None
        return self.counters.label(found[0], found[1], pap.ilvl) if found is not None else None

    def piece(self, cp: int) -> _Piece | None:
        i = bisect.bisect_right(self.piece_cps, cp) - 1
        if i >= 0 and cp < self.pieces[i].cp_end:
            return self.pieces[i]
        return None

    def piece_sprms(self, p: _Piece) -> list[tuple[int, bytes]]:
        if p.prm & 1 and (p.prm >> 1) < len(self.prcs):  # Prm1: a list of the CLX
            return self.prcs[p.prm >> 1]
        return []

    def pap(self, cp: int) -> tuple[int, _Pap, list[tuple[int, bytes]]]:
        """The style, properties and own sprms of the paragraph whose mark is at ``cp``."""
        p = self.piece(cp)
        if p is None:
            return 0, _Pap(), []
        found = self.papx.at(p.fc + (cp - p.cp) * p.width)
        istd, sprms = found if found is not None else (0, [])
        sprms = sprms + self.piece_sprms(p)
        return istd, _apply_pap(self.styles.pap(istd), sprms), sprms

    def chp_spans(self, cp: int, cp_end: int) -> list[tuple[int, int, list[tuple[int, bytes]]]]:
        """``[cp, cp_end)`` cut where its character properties change, each stretch with
        its sprms (a piece's own list last)."""
        out: list[tuple[int, int, list[tuple[int, bytes]]]] = []
        i = max(0, bisect.bisect_right(self.piece_cps, cp) - 1)
        while i < len(self.pieces) and self.pieces[i].cp < cp_end:
            p = self.pieces[i]
            a, b = max(cp, p.cp), min(cp_end, p.cp_end)
            if a < b:
                extra = self.piece_sprms(p)
                fc_a = p.fc + (a - p.cp) * p.width
                fc_b = p.fc + (b - p.cp) * p.width
                at = a
                for s, e, sprms in self.chpx.spans(fc_a, fc_b):
                    s_cp, e_cp = p.cp + (s - p.fc) // p.width, p.cp + (e - p.fc) // p.width
                    if s_cp > at:
                        out.append((at, s_cp, extra))
                    if e_cp > s_cp:
                        out.append((s_cp, e_cp, sprms + extra))
                    at = max(at, e_cp)
                if at < b:
                    out.append((at, b, extra))
            i += 1
        return out


@dataclass(slots=True)
class _Paragraph:
    para: Para
    end: str  # "\r" or the cell mark
    pap: _Pap
    sprms: list[tuple[int, bytes]] = field(default_factory=list)  # a row end's hold its TAP
    cp: int = 0  # where its mark stands


_Pending = list[tuple[str, list[tuple[int, bytes]]]]


def _paragraphs(doc: _Doc, text: str, cp0: int, cp1: int) -> list[_Paragraph]:
    """The paragraphs of the story ``[cp0, cp1)``: their runs (fields shown as their
    result, hidden text and object marks left out), what ends them and their properties."""
    out: list[_Paragraph] = []
    pending: _Pending = []  # the paragraph's runs so far, with their sprms
    fields: list[bool] = []  # per open field: True while in its code
    for s, e, sprms in doc.chp_spans(cp0, cp1):
        pos = s
        while pos < e:
            j = pos
            while j < e and text[j - cp0] not in "\r\x07":
                j += 1
            t = _visible(text[pos - cp0 : j - cp0], fields)
            if t:
                pending.append((t, sprms))
            if j < e:
                istd, pap, own = doc.pap(j)
                align = _ALIGN.get(pap.jc) if pap.jc is not None else None
                runs = _runs(doc, pending, istd)
                label = doc.label(pap) if any(r.text.strip() for r in runs) else None
                if label is not None:
                    runs.insert(0, Run(label + " ", runs[0].bold, runs[0].italic))
                out.append(_Paragraph(Para(runs, align), text[j - cp0], pap, own, j))
                pending = []
                j += 1
            pos = j
    if pending:
        out.append(_Paragraph(Para(_runs(doc, pending, 0)), "\r", _Pap(), [], cp1))
    return out


def _visible(chunk: str, fields: list[bool]) -> str:
    """What of ``chunk`` a reader sees: a field's result and not its code (``fields``
    carries the open fields from one chunk to the next), control marks as ``_CHARS`` says."""
    chars: list[str] = []
    for ch in chunk:
        if ch == _FIELD_BEGIN:
            if len(fields) < 64:
                fields.append(True)
        elif ch == _FIELD_SEP:
            if fields:
                fields[-1] = False
        elif ch == _FIELD_END:
            if fields:
                fields.pop()
        elif any(fields):
            continue
        elif ch in _CHARS:
            chars.append(_CHARS[ch])
        elif ch not in _DROP:
            chars.append(ch)
    return "".join(chars)


def _runs(doc: _Doc, pending: _Pending, istd: int) -> list[Run]:
    """The runs of a paragraph of style ``istd``: its character properties, a run's
    character style, then the run's own; all caps written as capitals, hidden text left out."""
    base = doc.styles.chp(istd)
    out: list[Run] = []
    for t, sprms in pending:
        chp = base
        for sprm, op in sprms:
            if sprm == _C_ISTD and len(op) >= 2:
                chp = doc.styles.over(base, _u16(op, 0))
        chp = _apply_chp(chp, sprms, chp)
        if chp.vanish:
            continue
        font = doc.fonts.get(chp.ftc) if chp.ftc is not None else None
        out.append(Run(t.upper() if chp.caps else t, chp.bold, chp.italic, font_encoding(font)))
    return out


# --- tables --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tap:
    """A row's cell edges (twips, left to right) and each cell's merge flags:
    ``h`` 1 first of a horizontal merge, 2/3 merged with the cell before; ``v`` 1 merged
    with the cell above, 3 the first of a vertical merge."""

    edges: list[int]
    h: list[int]
    v: list[int]


def _tap(sprms: list[tuple[int, bytes]]) -> _Tap | None:
    tap: _Tap | None = None
    for sprm, op in sprms:
        if sprm == _T_DEF_TABLE and len(op) >= 3:
            n = op[2]
            if len(op) < 3 + 2 * (n + 1):
                continue
            edges = list(struct.unpack_from(f"<{n + 1}h", op, 3))
            h, v = [0] * n, [0] * n
            o = 3 + 2 * (n + 1)
            for k in range(n):
                if o + 20 * k + 2 <= len(op):
                    grf = _u16(op, o + 20 * k)
                    h[k], v[k] = grf & 0x3, (grf >> 5) & 0x3
            tap = _Tap(edges, h, v)
        elif sprm == _T_VERT_MERGE and tap is not None and len(op) >= 3:
            itc, flag = op[1], op[2]
            if itc < len(tap.v):
                tap.v[itc] = flag
    return tap


def _table(rows: list[tuple[list[list[Para]], _Tap | None]]) -> RawTable:
    """Rows of cells (each a list of paragraphs) with their TAPs, as one table: the grid
    is made of every row's cell edges; merged cells are given once."""
    grid = sorted({e for _, tap in rows if tap is not None for e in tap.edges})
    out: list[list[RawCell]] = []
    open_merges: dict[int, RawCell] = {}
    for cells, tap in rows:
        row: list[RawCell] = []
        usable = tap is not None and len(tap.edges) == len(cells) + 1 and grid
        col = 0
        for k, paras in enumerate(cells):
            if usable:
                assert tap is not None
                a, b = tap.edges[k], tap.edges[k + 1]
                col = bisect.bisect_left(grid, min(a, b))
                span = max(1, bisect.bisect_left(grid, max(a, b)) - col)
                h, v = tap.h[k], tap.v[k]
            else:
                span, h, v = 1, 0, 0
            if h in (2, 3) and row:  # merged into the cell before it (Word 97's own merge)
                row[-1].colspan += span
                row[-1].paras.extend(p for p in paras if _inked(p))
            elif v == 1 and col in open_merges:
                above = open_merges[col]
                above.rowspan += 1
                above.paras.extend(p for p in paras if _inked(p))
            else:
                cell = RawCell(paras, colspan=span, col=col if usable else None)
                row.append(cell)
                for c in [c for c in open_merges if col <= c < col + span]:
                    del open_merges[c]
                if v == 3:
                    open_merges[col] = cell
            col += span
        out.append(row)
    return RawTable(out)


def _inked(p: Para) -> bool:
    return any(r.text.strip() for r in p.runs)


_Cell = list[Para | RawTable]


@dataclass(slots=True)
class _Builder:
    """A table being read at one nesting depth: its finished rows, the cells of the row
    being read, and the cell being read (paragraphs, and tables nested in it)."""

    rows: list[tuple[list[_Cell], _Tap | None]] = field(default_factory=list)
    cells: list[_Cell] = field(default_factory=list)
    cell: _Cell = field(default_factory=list)

    def end_cell(self) -> None:
        self.cells.append(self.cell)
        self.cell = []

    def end_row(self, tap: _Tap | None) -> None:
        if self.cell:
            self.end_cell()
        self.rows.append((self.cells, tap))
        self.cells = []

    def table(self) -> RawTable:
        if self.cell or self.cells:
            self.end_row(None)
        if len(self.rows) == 1 and len(self.rows[0][0]) == 1:
            inner = [x for x in self.rows[0][0][0] if isinstance(x, RawTable) or _inked(x)]
            if len(inner) == 1 and isinstance(inner[0], RawTable):
                return inner[0]  # a one-cell frame around a table: the table is what is read
        return _table([([_flat(c) for c in cells], tap) for cells, tap in self.rows])


def _flat(cell: _Cell) -> list[Para]:
    """A cell's paragraphs, a table nested in it given row by row, cell by cell."""
    out: list[Para] = []
    for x in cell:
        if isinstance(x, Para):
            out.append(x)
        else:
            out.extend(p for row in x.rows for c in row for p in c.paras)
    return out


def _items(paras: list[_Paragraph]) -> list[RawItem]:
    """Paragraphs and tables in story order. At depth 1 a cell ends at its mark and a row
    at the mark of a TTP paragraph, whose TAP says the row's edges and merges; deeper
    (a table inside a cell) the paragraph says it ends an inner cell or row. A one-cell
    table that only frames another table gives that table (``_Builder.table``)."""
    items: list[RawItem] = []
    open_: list[_Builder] = []  # open_[k]: the table at depth k + 1

    def close_to(depth: int) -> None:
        while len(open_) > depth:
            t = open_.pop().table()
            (open_[-1].cell if open_ else items).append(t)

    for p in paras:
        d = min(p.pap.depth, 64)
        close_to(d)
        if d == 0:
            items.append(p.para)
            continue
        while len(open_) < d:
            open_.append(_Builder())
        b = open_[-1]
        if (d == 1 and p.end == _CELL and p.pap.ttp) or (d > 1 and p.pap.inner_ttp):
            b.end_row(_tap(p.sprms))
            continue
        b.cell.append(p.para)
        if (d == 1 and p.end == _CELL) or (d > 1 and p.pap.inner_cell):
            b.end_cell()
    close_to(0)
    return items


# --- the whole ---------------------------------------------------------------------------------


def read_doc(data: bytes) -> list[RawItem]:
    """The paragraphs and tables of a Word 97–2003 .doc: the main story, then footnotes
    and endnotes. Raises ``FormatError``."""
    word, table = _streams(data)
    fib = _fib(word)
    pieces, grpprls = _clx(table, fib, len(word))
    doc = _Doc(
        word=word,
        pieces=pieces,
        piece_cps=[p.cp for p in pieces],
        prcs=[_sprms(g) for g in grpprls],
        chpx=_Runs(word, _slice(table, *fib.pair(_PLCF_BTE_CHPX), "character formatting"), paragraphs=False),
        papx=_Runs(word, _slice(table, *fib.pair(_PLCF_BTE_PAPX), "paragraph formatting"), paragraphs=True),
        styles=_Styles(_slice(table, *fib.pair(_STSHF), "style sheet")),
        fonts=_fonts(_slice(table, *fib.pair(_STTBF_FFN), "font table")),
        lists=doc_lists(table, *fib.pair(_PLF_LST), _slice(table, *fib.pair(_PLF_LFO), "lists")),
    )
    total = pieces[-1].cp_end if pieces else 0
    text = _text(word, pieces, total)
    ccp_text, ccp_ftn, ccp_hdd, ccp_mcr, ccp_atn, ccp_edn = fib.ccp[:6]
    stories = [(0, ccp_text)]
    ftn = ccp_text
    edn = ccp_text + ccp_ftn + ccp_hdd + ccp_mcr + ccp_atn
    stories += [(ftn, ftn + ccp_ftn), (edn, edn + ccp_edn)]
    boxes = _text_boxes(doc, table, fib, text, edn + ccp_edn, total)
    items: list[RawItem] = []
    for k, (a, b) in enumerate(stories):
        b = min(b, total)
        if a < b:
            paras = _paragraphs(doc, text[a:b], a, b)
            items.extend(_items(_with_boxes(paras, boxes) if k == 0 else paras))
    return tab_zones(items)


def _text_boxes(doc: _Doc, table: bytes, fib: _Fib, text: str, story: int, total: int) -> list[tuple[int, list[Para]]]:
    """The main story's text boxes (a header's ``Số:`` is sometimes in one), each with the
    CP of the shape it is drawn in: the text-box story's pieces (PlcftxbxTxt, each naming
    its shape) matched to the shapes anchored in the main story (PlcSpaMom). A box whose
    shape is not found is left out."""
    ccp_txbx = fib.ccp[6]
    spa = _slice(table, *fib.pair(_PLC_SPA_MOM), "shapes")
    txbx = _slice(table, *fib.pair(_PLCF_TXBX_TXT), "text boxes")
    if not ccp_txbx or len(spa) < 34 or len(txbx) < 30 or (len(spa) - 4) % 30 or (len(txbx) - 4) % 26:
        return []
    n = (len(spa) - 4) // 30
    anchors = {_u32(spa, 4 * (n + 1) + 26 * k): _u32(spa, 4 * k) for k in range(n)}  # shape id → CP
    m = (len(txbx) - 4) // 26
    cps = struct.unpack_from(f"<{m + 1}I", txbx, 0)
    out: list[tuple[int, list[Para]]] = []
    for k in range(m - 1):  # the last entry closes the story
        a, b = story + cps[k], min(story + cps[k + 1], story + ccp_txbx, total)
        anchor = anchors.get(_u32(txbx, 4 * (m + 1) + 22 * k + 14))
        if anchor is None or not a < b:
            continue
        paras = [p.para for p in _paragraphs(doc, text[a:b], a, b) if _inked(p.para)]
        if paras:
            out.append((anchor, paras))
    return out


def _with_boxes(paras: list[_Paragraph], boxes: list[tuple[int, list[Para]]]) -> list[_Paragraph]:
    """The main story's paragraphs with each text box's paragraphs beside the paragraph
    its shape is anchored in: after it, or before it when it closes a cell (so that they
    stay in that cell)."""
    if not boxes:
        return paras
    ends = [p.cp for p in paras]
    at: dict[int, list[Para]] = {}
    for cp, box in boxes:
        i = bisect.bisect_left(ends, cp)
        if i < len(paras):
            at.setdefault(i, []).extend(box)
    out: list[_Paragraph] = []
    for i, p in enumerate(paras):
        extra = [_Paragraph(b, "\r", _Pap(p.pap.in_table, False, p.pap.itap, False, False, None), [], p.cp)
                 for b in at.get(i, [])]
        if p.end == _CELL or p.pap.inner_cell:
            out.extend(extra)
            out.append(p)
        else:
            out.append(p)
            out.extend(extra)
    return out
