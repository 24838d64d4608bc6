"""Read a Word .docx: paragraphs and tables in body order, merged cells, footnotes.

The package is opened as the zip it is (after ``check_zip`` has made sure it is not a zip
bomb), its parts found by their relationships (``_rels``), and the body is read as a stream
(``iterparse``): each paragraph or table of the body is read when its end tag comes, then
cleared, so the memory a .docx takes is that of one body element and of the text read, not of
the whole XML tree (python-docx built the tree whole, with a Python object per element: a
65 MB .docx took 2.7 GB). The body is read in its order, which is what tells the header
table from the task table. A vertically merged cell (``vMerge``) comes out once, with its ``rowspan``; a
horizontally merged one (``gridSpan``) with its ``colspan`` and its grid column; a table
inside a cell gives its cells' paragraphs to that cell, row by row. Bold, italic and
alignment come from the run and paragraph, else from their styles. Footnotes follow the
body as paragraphs. A run in a TCVN3 or VNI font (``.VnTime``, ``VNI-Times``) is read
back to Unicode (``common.write``).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from . import limits
from ...i18n import N_
from .common import FormatError, Para, RawCell, RawItem, RawTable, Run
from .legacy import font_encoding
from .listlabels import Counters, Level
from .tabzones import TAB, tab_zones

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: Notes parts, in the order they follow the body: the last segment of the relationship's
#: type, and the element of one note.
_NOTES = {"footnotes": "footnote", "endnotes": "endnote"}
#: The package's relationships (OPC): where a part's ``_rels`` are, and its targets.
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _TBL, _TR, _TC, _R, _T, _SDT = (_w(t) for t in ("p", "tbl", "tr", "tc", "r", "t", "sdt"))
_ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
          "both": "justify", "distribute": "justify", "lowKashida": "justify", "mediumKashida": "justify",
          "highKashida": "justify", "thaiDistribute": "justify"}
#: Run content that is text in Word's own rendering; a tab stop is kept as ``TAB`` while
#: reading (``tabzones``: an office lays the header's two halves out with tab stops).
_CHAR = {_w("tab"): TAB, _w("noBreakHyphen"): "-", _w("softHyphen"): "", _w("br"): "\n", _w("cr"): "\n"}
#: Containers whose runs are part of the paragraph's text (links, tracked insertions, fields).
_RUN_CONTAINERS = {_w(t) for t in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "sdtContent", "sdt", "moveTo", "dir", "bdo")}


def check_zip(data: bytes) -> None:
    """Refuse a zip that would inflate past the limits, before anything opens it: the
    sizes its directory declares, then the sizes it actually inflates to (a directory
    can lie), part by part, stopping as soon as a limit is passed."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FormatError(N_("not a valid .docx (damaged zip: {exc})").format(exc=exc)) from exc
    infos = zf.infolist()
    if len(infos) > limits.MAX_DOCX_PARTS:
        raise FormatError(N_("a zip of {n} parts (more than {limit}): refused as a zip bomb").format(n=len(infos), limit=limits.MAX_DOCX_PARTS))
    declared = sum(i.file_size for i in infos)
    if declared > limits.MAX_DOCX_INFLATED_BYTES:
        raise FormatError(N_("parts that inflate to {declared} (more than {limit}): refused as a zip bomb").format(
            declared=limits.human(declared), limit=limits.human(limits.MAX_DOCX_INFLATED_BYTES)))
    for i in infos:
        if i.flag_bits & 0x1:
            raise FormatError(N_("an encrypted zip: remove the password in Word and save again"))
        if i.file_size > 2**20 and i.file_size > limits.MAX_DOCX_RATIO * max(1, i.compress_size):
            raise FormatError(N_("a part ({filename}) inflating {ratio}-fold: refused as a zip bomb").format(
                filename=i.filename, ratio=i.file_size // max(1, i.compress_size)))
    names = {i.filename for i in infos}
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise FormatError(N_("a zip archive that is not a Word document (no word/document.xml)"))
    total = 0
    for i in infos:
        try:
            with zf.open(i) as fh:
                while chunk := fh.read(1 << 20):
                    total += len(chunk)
                    if total > limits.MAX_DOCX_INFLATED_BYTES:
                        raise FormatError(N_("parts that inflate past {limit}: refused as a zip bomb").format(
                            limit=limits.human(limits.MAX_DOCX_INFLATED_BYTES)))
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise FormatError(N_("a damaged part ({filename}: {exc})").format(filename=i.filename, exc=exc)) from exc


@dataclass(slots=True)
class _Style:
    bold: bool | None = None
    italic: bool | None = None
    font: str | None = None
    align: str | None = None
    based_on: str | None = None
    num: tuple[str, int] | None = None  # a list style's numId and level


def _on(el: etree._Element | None) -> bool | None:
    """A Word toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): on, off, or not set."""
    if el is None:
        return None
    return el.get(_w("val"), "true").lower() not in ("0", "false", "off", "none")


def _rpr_props(rpr: etree._Element | None) -> tuple[bool | None, bool | None, str | None]:
    if rpr is None:
        return None, None, None
    fonts = rpr.find(_w("rFonts"))
    font = None
    if fonts is not None:
        font = fonts.get(_w("ascii")) or fonts.get(_w("hAnsi"))
    return _on(rpr.find(_w("b"))), _on(rpr.find(_w("i"))), font


class _Styles:
    """Paragraph and character styles with their inherited bold/italic/font/alignment."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_font: str | None = None
        self.default_para: str | None = None
        if root is None:
            return
        rpr_default = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.default_font = _rpr_props(rpr_default)[2]
        for st in root.iter(_w("style")):
            sid = st.get(_w("styleId"))
            if not sid:
                continue
            b, i, f = _rpr_props(st.find(_w("rPr")))
            jc = st.find(f"{_w('pPr')}/{_w('jc')}")
            based = st.find(_w("basedOn"))
            self._styles[sid] = _Style(b, i, f, _ALIGN.get(jc.get(_w("val"), "")) if jc is not None else None,
                                       based.get(_w("val")) if based is not None else None,
                                       _num_pr(st.find(_w("pPr"))))
            if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
                self.default_para = sid

    def resolve(self, sid: str | None, attr: str) -> object:
        """``attr`` of style ``sid`` or of the styles it is based on (a bounded walk:
        a style chain that loops ends)."""
        seen = 0
        while sid and seen < 32:
            st = self._styles.get(sid)
            if st is None:
                return None
            v = getattr(st, attr)
            if v is not None:
                return v
            sid, seen = st.based_on, seen + 1
        return None


@dataclass(slots=True)
class _Ctx:
    styles: _Styles
    lists: dict[str, list[Level]] = field(default_factory=dict)  # numId → its levels
    counters: Counters = field(default_factory=Counters)


def _num_pr(ppr: etree._Element | None) -> tuple[str, int] | None:
    """A paragraph's (or a style's) list: its numId and level (``<w:numPr>``)."""
    num = ppr.find(_w("numPr")) if ppr is not None else None
    if num is None:
        return None
    nid, lvl = num.find(_w("numId")), num.find(_w("ilvl"))
    if nid is None or nid.get(_w("val")) in (None, "0"):
        return None
    return nid.get(_w("val")), _int(lvl.get(_w("val")) if lvl is not None else None, 0)  # type: ignore[return-value]


def _lists(root: etree._Element | None) -> dict[str, list[Level]]:
    """numId → the levels of its list (``numbering.xml``: a num's abstractNum, its start
    overrides): each level's format, label template (``%1.``) and first number."""
    if root is None:
        return {}
    abstract: dict[str, list[Level]] = {}
    for an in root.iter(_w("abstractNum")):
        levels = [Level("decimal", "", 1)] * 9
        for lvl in an.iter(_w("lvl")):
            k = _int(lvl.get(_w("ilvl")), -1)
            if not 0 <= k < 9:
                continue
            fmt, text, start = lvl.find(_w("numFmt")), lvl.find(_w("lvlText")), lvl.find(_w("start"))
            levels[k] = Level(fmt.get(_w("val"), "decimal") if fmt is not None else "decimal",
                              text.get(_w("val"), "") if text is not None else "",
                              _int(start.get(_w("val")) if start is not None else None, 1))
        abstract[an.get(_w("abstractNumId"), "")] = levels
    out: dict[str, list[Level]] = {}
    for num in root.iter(_w("num")):
        ref = num.find(_w("abstractNumId"))
        levels = list(abstract.get(ref.get(_w("val"), "") if ref is not None else "", []))
        for ov in num.iter(_w("lvlOverride")):
            k, so = _int(ov.get(_w("ilvl")), -1), ov.find(_w("startOverride"))
            if 0 <= k < len(levels) and so is not None:
                levels[k] = Level(levels[k].fmt, levels[k].template, _int(so.get(_w("val")), 1))
        if levels:
            out[num.get(_w("numId"), "")] = levels
    return out


def _para(p: etree._Element, ctx: _Ctx) -> Para:
    ppr = p.find(_w("pPr"))
    pstyle = None
    align = None
    p_bold = p_italic = p_font = None
    if ppr is not None:
        ps = ppr.find(_w("pStyle"))
        pstyle = ps.get(_w("val")) if ps is not None else None
        jc = ppr.find(_w("jc"))
        if jc is not None:
            align = _ALIGN.get(jc.get(_w("val"), ""))
        # The paragraph mark's run properties say nothing of its runs: not read.
    pstyle = pstyle or ctx.styles.default_para
    num = _num_pr(ppr) or ctx.styles.resolve(pstyle, "num")
    if align is None:
        align = ctx.styles.resolve(pstyle, "align")  # type: ignore[assignment]
    p_bold = ctx.styles.resolve(pstyle, "bold")
    p_italic = ctx.styles.resolve(pstyle, "italic")
    p_font = ctx.styles.resolve(pstyle, "font") or ctx.styles.default_font
    runs: list[Run] = []
    for r in _runs(p):
        rpr = r.find(_w("rPr"))
        b, i, f = _rpr_props(rpr)
        rstyle = rpr.find(_w("rStyle")) if rpr is not None else None
        rsid = rstyle.get(_w("val")) if rstyle is not None else None
        if b is None:
            b = ctx.styles.resolve(rsid, "bold") if rsid else None
        if i is None:
            i = ctx.styles.resolve(rsid, "italic") if rsid else None
        if f is None and rsid:
            f = ctx.styles.resolve(rsid, "font")  # type: ignore[assignment]
        bold = bool(b if b is not None else p_bold)
        italic = bool(i if i is not None else p_italic)
        font = f or p_font
        text = "".join(_run_text(r))
        if text:
            runs.append(Run(text, bold, italic, font_encoding(font if isinstance(font, str) else None)))
    if isinstance(num, tuple) and num[0] in ctx.lists and any(r.text.strip() for r in runs):
        label = ctx.counters.label(num[0], ctx.lists[num[0]], num[1])
        if label is not None:  # the label Word draws before a list item (listlabels.py)
            runs.insert(0, Run(label + " ", runs[0].bold, runs[0].italic))
    return Para(runs, align if isinstance(align, str) else None)


def _runs(p: etree._Element) -> list[etree._Element]:
    """The paragraph's runs in order, through links, insertions and fields (an
    explicit stack: no recursion however a file nests them). Deleted text is left out."""
    out: list[etree._Element] = []
    stack = list(reversed(p))
    while stack:
        el = stack.pop()
        if el.tag == _R:
            out.append(el)
        elif el.tag in _RUN_CONTAINERS:
            stack.extend(reversed(el))
    return out


def _run_text(r: etree._Element) -> list[str]:
    out: list[str] = []
    in_field_code = False
    for el in r:
        tag = el.tag
        if tag == _T:
            out.append(el.text or "")
        elif tag == _w("fldChar"):
            in_field_code = el.get(_w("fldCharType")) == "begin"
        elif tag == _w("instrText") or in_field_code:
            continue
        elif tag in _CHAR:
            if tag == _w("br") and el.get(_w("type")) in ("page", "column"):
                out.append("\n")
            else:
                out.append(_CHAR[tag])
    return out


def _textboxes(p: etree._Element, ctx: _Ctx) -> list[Para]:
    """Paragraphs of text boxes anchored in ``p`` (a header's ``Số:`` is sometimes in
    one). Word writes each box twice, as DrawingML and as a VML fallback: the fallback
    is skipped."""
    out: list[Para] = []
    for box in p.iter(_w("txbxContent")):
        anc = box.getparent()
        fallback = False
        while anc is not None and anc is not p:
            if anc.tag == f"{{{MC}}}Fallback":
                fallback = True
                break
            anc = anc.getparent()
        if not fallback:
            out.extend(_para(bp, ctx) for bp in box.iter(_P))
    return out


def _items(container: etree._Element, ctx: _Ctx, *, flatten_tables: bool) -> list[RawItem]:
    """Paragraphs (with their text boxes) and tables of ``container`` in reading order,
    through content controls; with ``flatten_tables`` (inside a cell) a nested table
    gives its cells' paragraphs instead."""
    return _items_of(list(container), ctx, flatten_tables=flatten_tables)


def _items_of(elements: list[etree._Element], ctx: _Ctx, *, flatten_tables: bool) -> list[RawItem]:
    """``_items`` of a list of sibling ``elements`` (one body element at a time, streaming).
    An explicit stack: no recursion however a file nests them."""
    wrappers = {_SDT, _w("sdtContent"), _w("customXml")}
    if flatten_tables:
        wrappers |= {_TBL, _TR, _TC}
    items: list[RawItem] = []
    stack = list(reversed(elements))
    while stack:
        el = stack.pop()
        if el.tag == _P:
            items.append(_para(el, ctx))
            items.extend(_textboxes(el, ctx))
        elif el.tag == _TBL and not flatten_tables:
            items.append(_table(_unframed(el), ctx))
        elif el.tag in wrappers:
            stack.extend(reversed(el))
    return items


def _unframed(tbl: etree._Element) -> etree._Element:
    """The table a one-cell table only frames (its cell holds that table and no text),
    else ``tbl``: an office frames its header table so (the .doc reader does the same)."""
    for _ in range(64):
        rows = _children(tbl, _TR)
        cells = _children(rows[0], _TC) if len(rows) == 1 else []
        if len(cells) != 1:
            return tbl
        inner = [c for c in cells[0] if c.tag == _TBL]
        text = "".join(t.text or "" for p in cells[0] if p.tag == _P for t in p.iter(_T))
        if len(inner) != 1 or text.strip():
            return tbl
        tbl = inner[0]
    return tbl


def _cell_paras(tc: etree._Element, ctx: _Ctx) -> list[Para]:
    return [p for p in _items(tc, ctx, flatten_tables=True) if isinstance(p, Para)]


def _table(tbl: etree._Element, ctx: _Ctx) -> RawTable:
    """Rows of cells on the table's grid. A ``vMerge`` continuation is not a cell of its
    own: the cell above that opened the merge in the same grid column grows a row."""
    rows: list[list[RawCell]] = []
    open_merges: dict[int, RawCell] = {}
    for tr in _children(tbl, _TR):
        col = 0
        trpr = tr.find(_w("trPr"))
        if trpr is not None:
            gb = trpr.find(_w("gridBefore"))
            if gb is not None:
                col = min(max(0, _int(gb.get(_w("val")), 0)), limits.MAX_TABLE_COLUMNS)
        row: list[RawCell] = []
        for tc in _children(tr, _TC):
            tcpr = tc.find(_w("tcPr"))
            span = 1
            vmerge = None
            if tcpr is not None:
                gs = tcpr.find(_w("gridSpan"))
                if gs is not None:  # as declared, within the grid's limit (the grid is never allocated)
                    span = min(max(1, _int(gs.get(_w("val")), 1)), limits.MAX_TABLE_COLUMNS)
                vm = tcpr.find(_w("vMerge"))
                if vm is not None:
                    vmerge = vm.get(_w("val"), "continue")
            if vmerge == "continue" and col in open_merges:
                above = open_merges[col]
                above.rowspan += 1
                extra = _cell_paras(tc, ctx)
                above.paras.extend(p for p in extra if any(r.text.strip() for r in p.runs))
            else:
                cell = RawCell(_cell_paras(tc, ctx), colspan=span, col=col)
                row.append(cell)
                for c in range(col, col + span) if span < len(open_merges) else list(open_merges):
                    if col <= c < col + span:
                        open_merges.pop(c, None)
                if vmerge == "restart":
                    open_merges[col] = cell
            col += span
        rows.append(row)
    return RawTable(rows)


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with ``tag``, looking through content controls and custom XML
    wrappers that Word puts around rows and cells."""
    out: list[etree._Element] = []
    stack = list(reversed(el))
    while stack:
        c = stack.pop()
        if c.tag == tag:
            out.append(c)
        elif c.tag in (_SDT, _w("sdtContent"), _w("customXml")):
            stack.extend(reversed(c))
    return out


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


def _xml(zf: zipfile.ZipFile, name: str) -> etree._Element | None:
    """Part ``name`` parsed (entities not resolved, nothing fetched), or ``None`` when the
    package has no such part."""
    try:
        blob = zf.read(name)
    except KeyError:
        return None
    return etree.fromstring(blob, _parser())


def _parser() -> etree.XMLParser:
    return etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)


def _targets(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """The parts ``part`` relates to, by the last segment of the relationship's type
    (``officeDocument``, ``styles``, ``numbering``, ``footnotes``...): the package's own
    relationships for ``part`` empty. Targets are relative to ``part``'s folder (or to the
    package, with a leading ``/``); external targets are left out."""
    folder, _, base = part.rpartition("/")
    root = _xml(zf, f"{folder}/_rels/{base}.rels" if part else "_rels/.rels")
    out: dict[str, str] = {}
    if root is None:
        return out
    for rel in root.iter(f"{{{_RELS}}}Relationship"):
        target, kind = rel.get("Target"), rel.get("Type", "").rsplit("/", 1)[-1]
        if not target or rel.get("TargetMode") == "External" or kind in out:
            continue
        target = unquote(target)
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[kind] = path
    return out


def _notes(zf: zipfile.ZipFile, targets: dict[str, str], ctx: _Ctx) -> list[RawItem]:
    """Footnotes, then endnotes, as paragraphs (Word's separator notes left out)."""
    out: list[RawItem] = []
    for kind, tag in _NOTES.items():
        root = _xml(zf, targets[kind]) if kind in targets else None
        if root is None:
            continue
        for note in root.iter(_w(tag)):
            if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            out.extend(_items(note, ctx, flatten_tables=False))
    return out


def _body(zf: zipfile.ZipFile, name: str, ctx: _Ctx) -> list[RawItem]:
    """The body's paragraphs and tables, read as a stream: each element of the body is read
    when it ends, then cleared and dropped with the siblings before it, so the tree never
    holds more than one body element (and the document's root). Only the end tags of the
    elements a body holds are reported by the parser: the rest is built without a Python
    object each."""
    items: list[RawItem] = []
    body = _w("body")
    with zf.open(name) as fh:
        context = etree.iterparse(fh, events=("end",), tag=(_P, _TBL, _SDT, _w("customXml")), remove_blank_text=True,
                                  resolve_entities=False, no_network=True)
        for _event, el in context:
            parent = el.getparent()
            if parent is None or parent.tag != body:
                continue
            items.extend(_items_of([el], ctx, flatten_tables=False))
            el.clear(keep_tail=False)
            while el.getprevious() is not None:
                del parent[0]
        root = context.root
    if root is None or root.tag != _w("document"):
        raise FormatError(N_("a zip archive that is not a Word document (its main part is <{root}>)").format(
            root=etree.QName(root).localname if root is not None else ""))
    return items


def read_docx(data: bytes) -> list[RawItem]:
    """The paragraphs and tables of a .docx, body then notes. Raises ``FormatError``."""
    check_zip(data)
    zf = zipfile.ZipFile(io.BytesIO(data))
    main = _targets(zf, "").get("officeDocument", "word/document.xml")
    if main not in zf.namelist():
        raise FormatError(N_("not a readable Word document (no main document part {part})").format(part=main))
    targets = _targets(zf, main)
    try:
        styles_root = _xml(zf, targets["styles"]) if "styles" in targets else None
    except (etree.XMLSyntaxError, ValueError):
        styles_root = None
    try:
        numbering_root = _xml(zf, targets["numbering"]) if "numbering" in targets else None
    except (etree.XMLSyntaxError, ValueError):
        numbering_root = None
    ctx = _Ctx(_Styles(styles_root), _lists(numbering_root))
    try:
        items = _body(zf, main, ctx)
    except (etree.XMLSyntaxError, ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FormatError(N_("not a readable Word document ({kind}: {exc})").format(kind=type(exc).__name__, exc=exc)) from exc
    try:
        items.extend(_notes(zf, targets, ctx))
    except (etree.XMLSyntaxError, ValueError):
        pass  # notes are a bonus: a damaged notes part loses them only
    return tab_zones(items)
