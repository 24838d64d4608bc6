"""A minimal Word 97 .doc writer, for tests: no library writes the binary format.

It writes what the reader (``danvan_cli/text/formats/doc.py``) reads and what Word itself
writes for it ([MS-DOC]): a FIB, the text in pieces (each piece 8-bit Windows-1252 when
its characters allow, else UTF-16, as Word's "fast save" leaves them), paragraph and
character properties in FKP pages, a font table, and tables as Word 97 marks them: each
cell's last paragraph ends with a cell mark (``\\x07``), each row with a row-end mark whose
paragraph carries ``sprmPFTtp`` and the row's ``sprmTDefTable`` (cell edges and merge
flags), every paragraph of a table ``sprmPFInTable``. ``cfb`` puts the streams into an
OLE2 compound file (512-byte sectors, streams padded past the mini-stream cutoff), laid
out at fixed places so that hostile tests can damage it on purpose (``CFB_*``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR = 512
ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
#: Offsets in the file of the header fields a hostile test damages.
CFB_NUM_FAT_SECTORS, CFB_FIRST_DIR_SECTOR = 0x2C, 0x30
#: The FAT is sector 0, the directory sector 1 (file offsets 512 and 1024).
CFB_FAT_AT, CFB_DIR_AT = SECTOR, 2 * SECTOR
FONTS = ("Times New Roman", ".VnTime", "Arial")


@dataclass
class WRun:
    text: str
    bold: bool = False
    italic: bool = False
    font: str | None = None
    caps: bool = False
    hidden: bool = False


@dataclass
class WPara:
    runs: list[WRun]
    align: str | None = None  # left, center, right, justify
    #: A text box drawn in the paragraph: a drawn object's mark at its end, a shape in
    #: PlcSpaMom, the box's paragraphs in the text-box story named by the shape's id.
    box: list[WPara] | None = None
    #: An item of a list: (the list's index in ``build_doc``'s ``lists``, the level).
    item: tuple[int, int] | None = None

    @classmethod
    def of(cls, text: str, bold: bool = False, italic: bool = False, align: str | None = None, font: str | None = None) -> WPara:
        return cls([WRun(text, bold, italic, font)], align)


@dataclass
class WCell:
    paras: list[WPara]
    #: Word 97's merge flags of the cell (TC80): ``hmerge`` 1 first of a horizontal merge,
    #: 2 merged into the cell before; ``vmerge`` 3 first of a vertical merge, 1 merged into
    #: the cell above.
    hmerge: int = 0
    vmerge: int = 0
    #: A table nested in the cell, before its paragraphs (Word 2000's nesting: its
    #: paragraphs at depth 2, inner cells and rows ended by paragraph marks that say so).
    table: WTable | None = None


@dataclass
class WRow:
    cells: list[WCell]
    edges: list[int]  # len(cells) + 1 positions in twips


@dataclass
class WTable:
    rows: list[WRow] = field(default_factory=list)


_JC = {"left": 0, "center": 1, "right": 2, "justify": 3}


def _sprm(sprm: int, op: bytes) -> bytes:
    return struct.pack("<H", sprm) + op


def _chpx(run: WRun) -> bytes:
    out = b""
    if run.bold:
        out += _sprm(0x0835, b"\x01")
    if run.italic:
        out += _sprm(0x0836, b"\x01")
    if run.caps:
        out += _sprm(0x083B, b"\x01")
    if run.hidden:
        out += _sprm(0x083C, b"\x01")
    if run.font is not None:
        out += _sprm(0x4A4F, struct.pack("<H", FONTS.index(run.font)))
    return out


def _papx(align: str | None, in_table: bool = False, ttp: bool = False, row: WRow | None = None, depth: int = 1,
          inner_cell: bool = False, inner_ttp: bool = False) -> bytes:
    out = b""
    if align is not None:
        out += _sprm(0x2403, bytes([_JC[align]])) + _sprm(0x2461, bytes([_JC[align]]))
    if in_table:
        out += _sprm(0x2416, b"\x01") + _sprm(0x6649, struct.pack("<i", depth))
    if ttp:
        out += _sprm(0x2417, b"\x01")
    if inner_cell:
        out += _sprm(0x244B, b"\x01")
    if inner_ttp:
        out += _sprm(0x244C, b"\x01")
    if row is not None:
        n = len(row.cells)
        body = bytes([n]) + struct.pack(f"<{n + 1}h", *row.edges)
        for c in row.cells:
            body += struct.pack("<HH", (c.hmerge & 3) | ((c.vmerge & 3) << 5), 0) + b"\x00" * 16
        out += _sprm(0xD608, struct.pack("<H", len(body) + 1) + body)
    return out


class _Story:
    """Text with its paragraph and character properties, by CP."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.runs: list[tuple[int, int, bytes]] = []  # cp, cp_end, chpx
        self.paras: list[tuple[int, bytes]] = []  # cp after the mark, papx
        self.boxes: list[tuple[int, list[WPara]]] = []  # cp of a drawn object's mark, the box

    def run(self, text: str, chpx: bytes = b"") -> None:
        a = len(self.chars)
        self.chars.extend(text)
        self.runs.append((a, len(self.chars), chpx))

    def para(self, p: WPara, mark: str = "\r", papx: bytes | None = None) -> None:
        if p.item is not None:
            papx = (papx if papx is not None else _papx(p.align)) + _sprm(0x460B, struct.pack("<H", p.item[0] + 1)) \
                + _sprm(0x260A, bytes([p.item[1]]))
        for r in p.runs:
            self.run(r.text, _chpx(r))
        if p.box is not None:
            self.boxes.append((len(self.chars), p.box))
            self.run("\x08")
        self.run(mark)
        self.paras.append((len(self.chars), papx if papx is not None else _papx(p.align)))

    def table(self, t: WTable) -> None:
        for row in t.rows:
            for cell in row.cells:
                if cell.table is not None:
                    self.inner(cell.table)
                paras = cell.paras or [WPara([])]
                for k, p in enumerate(paras):
                    last = k == len(paras) - 1
                    self.para(p, "\x07" if last else "\r", _papx(p.align, in_table=True))
            self.run("\x07")
            self.paras.append((len(self.chars), _papx(None, in_table=True, ttp=True, row=row)))

    def inner(self, t: WTable) -> None:
        for row in t.rows:
            for cell in row.cells:
                paras = cell.paras or [WPara([])]
                for k, p in enumerate(paras):
                    self.para(p, "\r", _papx(p.align, in_table=True, depth=2, inner_cell=k == len(paras) - 1))
            self.run("\r")
            self.paras.append((len(self.chars), _papx(None, in_table=True, depth=2, inner_ttp=True, row=row)))


def _fkp(runs: list[tuple[int, int, bytes]], paragraphs: bool) -> list[bytes]:
    """FKP pages for ``runs`` (byte ranges of the WordDocument stream with their sprms)."""
    pages: list[bytes] = []
    i = 0
    width = 13 if paragraphs else 1
    while i < len(runs):
        chunk: list[tuple[int, int, bytes]] = []
        blobs: list[bytes] = []
        used = 0
        while i < len(runs):
            fc, fc_end, grpprl = runs[i]
            if paragraphs:
                body = b"\x00\x00" + grpprl  # istd 0
                blob = bytes([(len(body) + 1) // 2]) + body if len(body) % 2 else b"\x00" + bytes([len(body) // 2]) + body
            else:
                blob = bytes([len(grpprl)]) + grpprl if grpprl else b""
            blob += b"\x00" * (len(blob) % 2)
            n = len(chunk) + 1
            if 4 * (n + 1) + width * n + used + len(blob) > SECTOR - 1:
                break
            chunk.append(runs[i])
            blobs.append(blob)
            used += len(blob)
            i += 1
        if not chunk:
            raise ValueError("a property list too long for one page")
        page = bytearray(SECTOR)
        crun = len(chunk)
        struct.pack_into(f"<{crun + 1}I", page, 0, *[r[0] for r in chunk], chunk[-1][1])
        at = SECTOR - 1
        for k, blob in enumerate(blobs):
            if blob:
                at -= len(blob)
                at -= at % 2
                page[at : at + len(blob)] = blob
                page[4 * (crun + 1) + width * k] = at // 2
        page[SECTOR - 1] = crun
        pages.append(bytes(page))
    return pages


def build_doc(items: list[WPara | WTable], footnotes: list[str] = (), *, wrong_table_name: bool = False,  # type: ignore[assignment]
              lists: list[list[tuple[int, str, int]]] | None = None) -> bytes:
    """A .doc of ``items`` (the main story, its paragraphs' text boxes in the text-box
    story), ``footnotes`` (each a paragraph of the footnote story) and ``lists`` (each
    list's levels as (nfc, template with the level numbers as characters 0..8, start):
    PlfLst with its LVLs after it, PlfLfo), as an OLE2 file."""
    main = _Story()
    for it in items:
        if isinstance(it, WTable):
            main.table(it)
        else:
            main.para(it)
    anchors = [(cp, 1025 + k) for k, (cp, _) in enumerate(main.boxes)]  # CP of the object's mark, shape id
    ccp_text = len(main.chars)
    ftn = _Story()
    for f in footnotes:
        ftn.para(WPara([WRun("\x02"), WRun(" " + f)]))
    txbx = _Story()
    box_cps = [0]
    for _cp, box in main.boxes:
        for p in box:
            txbx.para(p)
        box_cps.append(len(txbx.chars))
    if main.boxes:
        txbx.para(WPara([]))  # the story's closing mark: the last entry's
        box_cps.append(len(txbx.chars))
    story = _Story()
    story.chars = main.chars + ftn.chars + txbx.chars
    off = ccp_text + len(ftn.chars)
    story.runs = main.runs + [(a + ccp_text, b + ccp_text, x) for a, b, x in ftn.runs] + [(a + off, b + off, x) for a, b, x in txbx.runs]
    story.paras = main.paras + [(a + ccp_text, x) for a, x in ftn.paras] + [(a + off, x) for a, x in txbx.paras]
    text = "".join(story.chars)

    # pieces: cut at paragraph ends, 8-bit where Windows-1252 holds the characters
    fib_size = 1024
    word = bytearray(fib_size)
    pieces: list[tuple[int, int, int, int]] = []  # cp, cp_end, byte offset, width
    start = 0
    for end, _ in story.paras:
        chunk = text[start:end]
        try:
            raw, width = chunk.encode("cp1252"), 1
        except UnicodeEncodeError:
            raw, width = chunk.encode("utf-16-le"), 2
        pieces.append((start, end, len(word), width))
        word += raw
        start = end
    if start < len(text):
        pieces.append((start, len(text), len(word), 2))
        word += text[start:].encode("utf-16-le")

    def fc_of(cp: int) -> int:
        for a, b, off, w in pieces:
            if a <= cp < b or (cp == b and cp == len(text)):
                return off + (cp - a) * w
        raise ValueError(cp)

    def fc_range(a: int, b: int) -> list[tuple[int, int]]:
        out = []
        for pa, pb, off, w in pieces:
            x, y = max(a, pa), min(b, pb)
            if x < y:
                out.append((off + (x - pa) * w, off + (y - pa) * w))
        return out

    chp_runs = [(x, y, c) for a, b, c in story.runs for x, y in fc_range(a, b)]
    pap_runs = []
    prev = 0
    for end, papx in story.paras:
        for x, y in fc_range(prev, end):
            pap_runs.append((x, y, papx))
        prev = end
    word += b"\x00" * (-len(word) % SECTOR)
    bte: dict[str, bytes] = {}
    for name, runs, paragraphs in (("chpx", chp_runs, False), ("papx", pap_runs, True)):
        pages = _fkp(runs, paragraphs)
        fcs: list[int] = []
        pns: list[int] = []
        for page in pages:
            crun = page[SECTOR - 1]
            first = struct.unpack_from("<I", page, 0)[0]
            fcs.append(first)
            pns.append(len(word) // SECTOR)
            word += page
        fcs.append(struct.unpack_from("<I", pages[-1], 4 * pages[-1][SECTOR - 1])[0])
        bte[name] = struct.pack(f"<{len(fcs)}I", *fcs) + struct.pack(f"<{len(pns)}I", *pns)

    # table stream: CLX, the two PlcBte, the font table
    plc = struct.pack(f"<{len(pieces) + 1}I", *[p[0] for p in pieces], pieces[-1][1])
    for _a, _b, off, w in pieces:
        plc += struct.pack("<HIH", 0, off if w == 2 else (off * 2) | 0x40000000, 0)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    ffns = b""
    for name in FONTS:
        body = bytes([0x26]) + struct.pack("<H", 400) + bytes([0, 0]) + b"\x00" * 10 + b"\x00" * 24
        body += name.encode("utf-16-le") + b"\x00\x00"
        ffns += bytes([len(body)]) + body
    sttbf = struct.pack("<HH", len(FONTS), 0) + ffns
    blobs = [(33, clx), (12, bte["chpx"]), (13, bte["papx"]), (15, sttbf)]
    if main.boxes:
        spa = struct.pack(f"<{len(anchors) + 1}I", *[a for a, _ in anchors], ccp_text)
        spa += b"".join(struct.pack("<I", spid) + b"\x00" * 22 for _, spid in anchors)
        ftx = struct.pack(f"<{len(box_cps)}I", *box_cps)
        lids = [spid for _, spid in anchors] + [0]
        ftx += b"".join(struct.pack("<iiHIII", 1, 0, 0, 0xFFFFFFFF, lid, 0) for lid in lids)
        blobs += [(40, spa), (56, ftx)]
    table = bytearray()
    where: dict[int, tuple[int, int]] = {}
    for idx, blob in blobs:
        where[idx] = (len(table), len(blob))
        table += blob
    if lists:
        lst = struct.pack("<h", len(lists))
        lvls = b""
        for k, levels in enumerate(lists):
            simple = len(levels) == 1
            lst += struct.pack("<ii", 100 + k, 0) + b"\xff\x0f" * 9 + bytes([1 if simple else 0, 0])
            for nfc, xst, start in (levels if simple else (levels + [(0, "", 1)] * 9)[:9]):
                lvls += struct.pack("<iB", start, nfc) + b"\x00" * 19 + bytes([0, 0, 0, 0])
                lvls += struct.pack("<H", len(xst)) + xst.encode("utf-16-le")
        where[73] = (len(table), len(lst))
        table += lst + lvls
        lfo = struct.pack("<I", len(lists)) + b"".join(struct.pack("<iiiBBBB", 100 + k, 0, 0, 0, 0, 0, 0)
                                                       for k in range(len(lists)))
        where[74] = (len(table), len(lfo))
        table += lfo

    # FIB
    fclcb = [0] * (93 * 2)
    for idx, (fc, lcb) in where.items():
        fclcb[2 * idx], fclcb[2 * idx + 1] = fc, lcb
    lw = [0] * 22
    lw[0] = len(word)
    lw[3], lw[4], lw[9] = ccp_text, len(ftn.chars), len(txbx.chars)
    fib = struct.pack("<HHHHHHH", 0xA5EC, 0x00C1, 0, 0x0409, 0, (0x0200 if not wrong_table_name else 0) | 0x0004, 0x00BF)
    fib += b"\x00" * (32 - len(fib))
    fib += struct.pack("<H", 14) + b"\x00" * 28
    fib += struct.pack("<H", 22) + struct.pack("<22i", *lw)
    fib += struct.pack("<H", 93) + struct.pack(f"<{93 * 2}I", *fclcb)
    fib += struct.pack("<H", 0)
    word[: len(fib)] = fib
    return cfb({"WordDocument": bytes(word), "1Table": bytes(table)})


def cfb(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file holding ``streams`` (each padded to at least 4096 bytes, so
    that none goes to the mini stream): header, FAT (sector 0), directory (sector 1),
    then each stream's sectors in turn."""
    padded = {n: d + b"\x00" * max(0, 4096 - len(d)) for n, d in streams.items()}
    padded = {n: d + b"\x00" * (-len(d) % SECTOR) for n, d in padded.items()}
    data_sectors = sum(len(d) // SECTOR for d in padded.values())
    if data_sectors + 2 > SECTOR // 4:
        raise ValueError("a test file of more than one FAT sector")
    fat = [FREESECT] * (SECTOR // 4)
    fat[0], fat[1] = FATSECT, ENDOFCHAIN
    starts: dict[str, int] = {}
    sid = 2
    body = b""
    for name, d in padded.items():
        n = len(d) // SECTOR
        starts[name] = sid
        for k in range(n):
            fat[sid + k] = sid + k + 1 if k < n - 1 else ENDOFCHAIN
        sid += n
        body += d

    def entry(name: str, kind: int, start: int, size: int, left: int = NOSTREAM, right: int = NOSTREAM,
              child: int = NOSTREAM) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        e = raw.ljust(64, b"\x00") + struct.pack("<HBB", len(raw), kind, 1)
        e += struct.pack("<III", left, right, child) + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
        e += struct.pack("<IQ", start, size)
        return e

    names = list(padded)
    entries = [entry("Root Entry", 5, ENDOFCHAIN, 0, child=1)]
    for k, name in enumerate(names, 1):
        entries.append(entry(name, 2, starts[name], max(len(streams[name]), 4096),
                             right=k + 1 if k < len(names) else NOSTREAM))
    while len(entries) < SECTOR // 128:
        entries.append(b"\x00" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM)
                       + b"\x00" * 48)
    directory = b"".join(entries)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    header += struct.pack("<109I", 0, *([FREESECT] * 108))
    return header + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + body
