"""Read an HTML page: Word's "Save as Web Page" (.htm) and portal pages.

Word writes its pages in windows-1252 with an entity for every Vietnamese letter,
``<p class=MsoNormal>`` paragraphs, the header and the signature as tables, and
conditional comments (``<!--[if gte mso 9]>``, ``<![if !vml]>``) around its own XML and
drawings. A portal (thuvienphapluat, vbpl.vn, a province's site) puts the document in a
content container among menus and scripts. Both are parsed by libxml2 (lxml's HTML
parser: never regular expressions over tags), decoded by the charset the page declares
(``<meta charset>`` or ``http-equiv`` Content-Type; windows-1252/ISO-8859-1 as the
browser reads them, utf-8) when its bytes bear it out, else by what the bytes are (UTF-8,
part by part if need be, or the one-byte code page that reads them as Vietnamese), with a
warning (``decode_html``). The tree is walked with an explicit stack
(no recursion, time linear in the page): block elements make paragraphs, ``<br>`` a
line break, tables rows of cells with their ``colspan``/``rowspan`` (a table inside a
cell gives that cell its paragraphs), ``<b>``/``<strong>``/``font-weight`` bold,
``align=``/``text-align`` the alignment. Scripts, styles, the head, comments, hidden
elements and navigation are dropped; all other body text is kept (the layout stage tells
site chrome from the document). Nothing is fetched: no network, no entities from
outside, no images.
"""

from __future__ import annotations

import email.parser
import email.policy
import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from ...i18n import N_
from ...model import Warning
from . import limits
from .common import FormatError, Para, RawCell, RawItem, RawTable, Run
from .legacy import cp1252, font_encoding

#: Elements whose content is never document text.
_SKIP = frozenset({
    "script", "style", "head", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "nav", "select", "option", "button", "input", "textarea", "canvas", "audio", "video", "map",
    "title", "meta", "link", "base", "xml",
})
#: Elements that start and end a paragraph.
_BLOCK = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "address",
    "section", "article", "header", "footer", "main", "aside", "center", "ul", "ol", "dl", "figure",
    "figcaption", "hr", "form", "fieldset", "legend", "caption", "body", "html", "details", "summary",
    "table", "tr", "td", "th", "thead", "tbody", "tfoot",
})
_BOLD_TAGS = frozenset({"b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"})
_ITALIC_TAGS = frozenset({"i", "em", "cite", "var", "dfn"})
_ALIGNS = {"left": "left", "start": "left", "center": "center", "middle": "center", "right": "right",
           "end": "right", "justify": "justify"}
#: What browsers read these charset labels as (WHATWG Encoding: Latin-1 is windows-1252).
_CHARSET_ALIASES = {"iso-8859-1": "windows-1252", "latin1": "windows-1252", "latin-1": "windows-1252",
                    "us-ascii": "windows-1252", "ascii": "windows-1252", "iso8859-1": "windows-1252",
                    "utf8": "utf-8", "unicode": "utf-8", "x-cp1252": "windows-1252"}


def _style(el: lxml.etree._Element) -> dict[str, str]:
    """An element's inline CSS declarations, lower-cased (``font-weight`` → ``bold``)."""
    raw = el.get("style")
    if not raw:
        return {}
    out: dict[str, str] = {}
    for decl in raw.split(";"):
        name, sep, value = decl.partition(":")
        if sep:
            out[name.strip().lower()] = value.strip().lower()
    return out


def _hidden(el: lxml.etree._Element, css: dict[str, str]) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden", "").lower() == "true":
        return True
    if css.get("display") == "none" or css.get("visibility") == "hidden" or css.get("mso-hide") == "all":
        return True
    return el.get("type", "").lower() == "hidden"


def _weight_bold(value: str) -> bool | None:
    if value in ("bold", "bolder"):
        return True
    if value in ("normal", "lighter"):
        return False
    return int(value) >= 600 if value.isdigit() else None


def _span(value: str | None) -> int:
    """A ``colspan``/``rowspan`` as browsers clamp it (1 when absent or nonsense)."""
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(n, 1), 1000)


@dataclass(slots=True)
class _Fmt:
    bold: bool = False
    italic: bool = False
    align: str | None = None
    font: tuple[str, bool] | None = None


@dataclass(slots=True)
class _Sink:
    """Where paragraphs go: the page's items, or a table cell's paragraphs."""

    items: list[RawItem] | None = None
    cell: RawCell | None = None
    runs: list[Run] = field(default_factory=list)
    align: str | None = None

    def add(self, text: str, fmt: _Fmt) -> None:
        if not self.runs:
            self.align = fmt.align
        self.runs.append(Run(text, fmt.bold, fmt.italic, fmt.font))

    def flush(self) -> None:
        if self.runs and any(r.text.strip() for r in self.runs):
            p = Para(self.runs, self.align)
            if self.cell is not None:
                self.cell.paras.append(p)
            elif self.items is not None:
                self.items.append(p)
        self.runs = []


_EXIT, _TEXT, _ENTER = 0, 1, 2


def _walk(root: lxml.etree._Element) -> list[RawItem]:
    """The page's paragraphs and tables, by an explicit-stack walk of the tree."""
    items: list[RawItem] = []
    sinks = [_Sink(items=items)]
    tables: list[RawTable | None] = []  # None: a table flattened into the cell it sits in
    list_counters: list[int | None] = []  # per open list: None for <ul>, the next number for <ol>
    fmt = _Fmt()
    stack: list[tuple[int, object, object]] = [(_ENTER, root, None)]
    while stack:
        kind, obj, saved = stack.pop()
        if kind == _TEXT:
            text = str(obj).replace("\r", " ").replace("\n", " ").replace("\t", " ")
            if text:
                sinks[-1].add(text, fmt)
            continue
        el = obj
        assert isinstance(el, lxml.etree._Element)
        if kind == _EXIT:
            tag, pushed, prev = saved  # type: ignore[misc]
            if tag in _BLOCK:
                sinks[-1].flush()
            if pushed == "cell":
                sinks.pop()
            elif pushed == "table":
                t = tables.pop()
                if t is not None and sinks[-1].items is not None:
                    sinks[-1].items.append(t)
            elif pushed == "list":
                list_counters.pop()
            fmt = prev
            continue
        # _ENTER
        if el.tail:
            stack.append((_TEXT, el.tail, None))
        if not isinstance(el.tag, str):
            continue  # a comment or processing instruction (Word's conditional comments)
        tag = el.tag.lower().rpartition(":")[2] if ":" in el.tag else el.tag.lower()
        css = _style(el)
        if tag in _SKIP or _hidden(el, css):
            continue
        prev = fmt
        new = _Fmt(fmt.bold, fmt.italic, fmt.align, fmt.font)
        if tag in _BOLD_TAGS:
            new.bold = True
        if tag in _ITALIC_TAGS:
            new.italic = True
        w = _weight_bold(css.get("font-weight", ""))
        if w is not None:
            new.bold = w
        if css.get("font-style") in ("italic", "oblique"):
            new.italic = True
        elif css.get("font-style") == "normal":
            new.italic = False
        face = css.get("font-family") or el.get("face")
        if face:
            enc = font_encoding(face.split(",")[0])
            new.font = enc
        # text-align is inherited (CSS), as is the align= of a block or cell.
        align = _ALIGNS.get((el.get("align") or css.get("text-align") or "").strip().lower())
        if align is not None and tag in _BLOCK and tag != "table":  # a table's align= floats it
            new.align = align
        elif tag == "center":
            new.align = "center"
        pushed = None
        if tag in _BLOCK:
            sinks[-1].flush()
        if tag == "table":
            if sinks[-1].cell is None and (not tables or tables[-1] is not None):
                tables.append(RawTable())
            else:
                tables.append(None)
            pushed = "table"
        elif tag == "tr" and tables and tables[-1] is not None and sinks[-1].cell is None:
            tables[-1].rows.append([])
        elif tag in ("td", "th") and tables and tables[-1] is not None and sinks[-1].cell is None:
            t = tables[-1]
            if not t.rows:
                t.rows.append([])
            cell = RawCell(colspan=_span(el.get("colspan")), rowspan=_span(el.get("rowspan")))
            t.rows[-1].append(cell)
            sinks.append(_Sink(cell=cell))
            pushed = "cell"
        elif tag in ("ul", "ol"):
            list_counters.append(_span(el.get("start")) if tag == "ol" else None)
            pushed = "list"
        elif tag == "li" and list_counters:
            n = list_counters[-1]
            sinks[-1].add("- " if n is None else f"{n}. ", new)
            if n is not None:
                list_counters[-1] = n + 1
        elif tag == "br":
            sinks[-1].add("\n", new)
        stack.append((_EXIT, el, (tag, pushed, prev)))
        fmt = new
        for child in reversed(el):
            stack.append((_ENTER, child, None))
        if el.text:
            stack.append((_TEXT, el.text, None))
    sinks[0].flush()
    return items


def _declared_charset(head: bytes) -> str | None:
    """The charset the page declares in a ``<meta>`` of its first bytes, read with the
    HTML parser (ASCII-compatible prescan, as browsers do)."""
    try:
        doc = lxml.html.document_fromstring(head.decode("latin-1"), parser=_parser())
    except (lxml.etree.ParserError, ValueError):
        return None
    for meta in doc.iter("meta"):
        cs = meta.get("charset")
        if cs:
            return cs.strip().strip("'\"").lower()
        if (meta.get("http-equiv") or "").lower() == "content-type":
            content = (meta.get("content") or "").lower()
            _, sep, rest = content.partition("charset=")
            if sep:
                return rest.split(";")[0].strip().strip("'\"") or None
    return None


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(
        huge_tree=True, no_network=True, remove_comments=True, remove_pis=True, recover=True,
        default_doctype=False, collect_ids=False,
    )


#: WHATWG: a page whose ``<meta>`` the prescan could read is in ASCII-compatible bytes, so a
#: UTF-16 label there means UTF-8 (``get an encoding``, the meta step).
_UTF16_LABELS = frozenset({"utf-16", "utf-16le", "utf-16be", "utf-16-le", "utf-16-be", "unicodefffe",
                           "unicodefeff", "csunicode", "iso-10646-ucs-2", "ucs-2"})
#: Labels of no encoding in the WHATWG list: browsers never honour them (UTF-7 was a way to
#: smuggle scripts past filters), and read the page from its bytes.
_NEVER_HONOURED = frozenset({"utf-7", "utf7", "unicode-1-1-utf-7", "csunicode11utf7", "x-unicode20utf7",
                             "utf-32", "utf-32le", "utf-32be", "utf-32-le", "utf-32-be"})
_NAMES = {"cp1252": "windows-1252", "cp1258": "windows-1258"}


def _from_bytes(data: bytes) -> tuple[str, str, list[Warning]]:
    """A page read by what its bytes are: UTF-8 when valid; UTF-8 part by part when it holds
    UTF-8 among other bytes (``charset.utf8_parts``); else the one-byte code page that reads it
    best (``charset.single_byte``: windows-1258 or windows-1252). Warnings for the parts."""
    from .charset import invalid_note, mixed_note, single_byte, utf8_parts

    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    split = utf8_parts(data, "cp1258")
    if split is None:
        enc = single_byte(data)
        text = cp1252(data) if enc == "cp1252" else data.decode(enc, "replace")
        return text, _NAMES[enc], []
    warnings = [Warning("invalid-utf8", invalid_note(split))] if split.invalid else []
    other = split.other()
    if not other:
        return "".join(p.text for p in split.parts), "utf-8", warnings
    enc = single_byte(other)

    def read(raw: bytes) -> str:
        return cp1252(raw) if enc == "cp1252" else raw.decode(enc, "replace")

    warnings.append(Warning("mixed-encoding", mixed_note(split, _NAMES[enc])))
    return "".join(p.text if p.utf8 else read(p.raw) for p in split.parts), f"utf-8+{_NAMES[enc]}", warnings


def _mismatch(declared: str, data: bytes, why: str) -> tuple[str, str, list[Warning]]:
    """The page read from its bytes, with a warning that its declaration (``declared``) was
    not followed and ``why``."""
    text, enc, warnings = _from_bytes(data)
    note = N_("page declares {declared} but {why}: read as {encoding} from its bytes; check the characters").format(
        declared=declared, why=why, encoding=enc)
    return text, enc, [Warning("charset-mismatch", note), *warnings]


def decode_html(data: bytes, hint: str | None = None) -> tuple[str, str, list[Warning]]:
    """The page's text, the charset it was read with and warnings: a BOM; else the declared
    charset (or ``hint``, a MIME part's) when the bytes bear it out, else what the bytes are
    (``_from_bytes``) with a ``charset-mismatch`` warning; with no declaration, what the bytes
    are. A declaration is not borne out when its bytes break it, when a one-byte charset is
    declared over valid multi-byte UTF-8, or when browsers would not follow it either (a
    utf-16 label on an ASCII-compatible page means utf-8; utf-7 is never honoured)."""
    from .charset import holds_utf8

    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc, []
    declared = _declared_charset(data[:16384]) or (hint.lower() if hint else None)
    if not declared:
        return _from_bytes(data)
    label = _CHARSET_ALIASES.get(declared, declared)
    if label in _UTF16_LABELS:
        return _mismatch(declared, data, N_("its bytes are ASCII-compatible (browsers read such a page as utf-8)"))
    if label in _NEVER_HONOURED:
        return _mismatch(declared, data, N_("browsers never honour that charset"))
    if label == "utf-8":
        try:
            return data.decode("utf-8"), "utf-8", []
        except UnicodeDecodeError:
            return _mismatch(declared, data, N_("its bytes are not all utf-8"))
    try:
        valid_utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        valid_utf8 = None
    if valid_utf8 is not None and not valid_utf8.isascii():
        return _mismatch(declared, data, N_("its bytes are utf-8"))
    if valid_utf8 is None and holds_utf8(data):
        return _mismatch(declared, data, N_("its bytes are mostly utf-8"))
    if label in ("windows-1252", "cp1252"):
        return cp1252(data), "windows-1252", []
    try:
        return data.decode(label), label, []
    except LookupError:
        return _mismatch(declared, data, N_("that charset is unknown"))
    except UnicodeDecodeError:
        return _mismatch(declared, data, N_("its bytes do not fit it"))


#: A start tag long enough to hold more attributes than ``limits.MAX_HTML_ATTRIBUTES``
#: (each takes two characters at least: a blank and a name); only these are counted.
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d,}" % (2 * limits.MAX_HTML_ATTRIBUTES))
#: A quoted attribute value (its blanks part no attributes), and an attribute's name.
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_ATTRIBUTE = re.compile(r"\s[^\s=/]")


def _check_attributes(text: str) -> None:
    """Refuse a page with an element of more attributes than any page has: the parser
    compares each attribute with every other one (quadratic time in their number)."""
    for m in _LONG_TAG.finditer(text):
        n = len(_ATTRIBUTE.findall(_QUOTED.sub('""', m.group())))
        if n > limits.MAX_HTML_ATTRIBUTES:
            raise FormatError(N_("HTML with an element of {n} attributes (more than {limit}): refused (not a document page)").format(
                n=n, limit=limits.MAX_HTML_ATTRIBUTES))


def parse_html(text: str) -> list[RawItem]:
    """The paragraphs and tables of an HTML page's text."""
    _check_attributes(text)
    parser = _parser()
    text = text.lstrip()
    if text.startswith("<?xml"):  # an XHTML prolog: its encoding is already applied
        text = text[text.find("?>") + 2:] if "?>" in text else ""
    try:
        root = lxml.etree.fromstring(text, parser=parser) if text.strip() else None
    except (lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise FormatError(N_("HTML that cannot be parsed ({exc})").format(exc=exc)) from exc
    for err in parser.error_log:
        if err.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in err.message:
            raise FormatError(N_("HTML nested deeper than {limit} levels: refused (not a document page)").format(limit=limits.MAX_HTML_DEPTH))
    if root is None:
        return []
    body = root.find(".//body")
    return _walk(body if body is not None else root)


def read_html(data: bytes, hint: str | None = None) -> tuple[list[RawItem], str, list[Warning]]:
    """An HTML file's paragraphs and tables, the charset it was read with, warnings."""
    text, charset, warnings = decode_html(data, hint)
    return parse_html(text.replace("\x00", "")), charset, warnings


def read_mhtml(data: bytes) -> tuple[list[RawItem], str, list[Warning]]:
    """A MIME web archive (.mht, Word's "Single File Web Page"): its HTML part."""
    msg = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(data)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return read_html(payload, part.get_content_charset())
    raise FormatError(N_("a web archive (MHTML) without an HTML part"))
