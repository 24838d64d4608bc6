"""One administrative document, held as its parts, written the way real exporters write it.

A document is a list of blocks (``P`` paragraphs and ``T`` tables) in reading order, as
the office wrote it in Word (Nghị định 30/2020/NĐ-CP): the header as a borderless table
(left: parent body, issuing body, ``Số``; right: Quốc hiệu, motto, place and date), the
type word and trích yếu, the body, the closing table (``Nơi nhận`` left, the signature
right; a joint document signs in two cells side by side), attachments. Paragraphs carry a
``role`` (``number``, ``date``, ``name``...) so that damage can be done where a real copy
is damaged.

Each writer below renders the blocks as one exporter does, from the rules of that
exporter, never from what danvan reads:

- ``word_text``: Word's "Save as plain text" — no marks, a paragraph per line and a blank
  line between paragraphs, a table's cells in reading order (a borderless layout table
  column by column: left cell(s), then right cell(s));
- ``word_paste``: a Word table copied and pasted as text: each row's cells joined on the
  line where one cell's last paragraph meets the next cell's first (``TỈNH X   CỘNG HÒA``);
- ``pipe``: pandoc-like Markdown — a pipe row per table row, the first row a header row
  under which ``|---|`` stands, a cell's paragraphs joined by ``<br>`` (or by spaces);
- ``pdftotext_layout``: what ``pdftotext -layout`` gives for the printed page — columns of
  a table side by side at fixed widths, each line centred in its column as Word centres
  it, body paragraphs wrapped and justified (runs of spaces inside lines), a form feed
  between pages;
- ``crawled``: a crawler's text — every cell and paragraph joined by spaces onto one
  line, or cut into a few page-sized lines;
- ``docx`` (python-docx, layout tables borderless, data tables ruled), ``html`` (a portal
  page with tables) and ``pdf`` (that page printed by headless Chromium), read back by
  danvan's own readers.

``damage`` applies the kinds of damage real copies carry (non-breaking and zero-width
spaces, ``Số : 12 /QĐ``, a blank day, old tone placement, a missing comma after the
place, an upper-case or ranked signer, seal lines, a digital signature's stamp).
"""

from __future__ import annotations

import html as _html
import random
import shutil
import subprocess
import textwrap
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex


@dataclass(frozen=True, slots=True)
class P:
    """A paragraph. ``role``: what it is in the document (``issuer``, ``number``,
    ``quoc_hieu``, ``motto``, ``date``, ``type``, ``title``, ``authority``, ``sign_title``,
    ``name``, ``seal``, ``recipients``...), for damage; ``align``: ``center``/``right``."""

    text: str
    bold: bool = False
    italic: bool = False
    align: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class T:
    """A table: rows of cells, each cell its paragraphs. ``layout``: a borderless table
    that lays out the header or the closing block in columns (not a data table)."""

    rows: tuple[tuple[tuple[P, ...], ...], ...]
    layout: bool = False

    @property
    def columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)


Block = P | T


@dataclass(slots=True)
class Doc:
    """A document as its blocks in reading order."""

    blocks: list[Block] = field(default_factory=list)


def _separator(p: P) -> bool:
    """A typed rule under a header line (``-------``, ``*``): Word draws it as a shape."""
    return not any(c.isalnum() for c in p.text) and p.text.strip() != "*"


def _word_paras(cell: tuple[P, ...]) -> list[P]:
    """A cell's paragraphs as Word holds them: typed rules are drawn lines, not text."""
    return [p for p in cell if not _separator(p)]


# --- Word "Save as plain text" ---------------------------------------------------------------


def word_text(doc: Doc) -> str:
    """Word's "Save as plain text": paragraphs separated by blank lines, a table's cells in
    reading order with their paragraphs one per line (a layout table column by column)."""
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, P):
            if not _separator(b):
                out.append(b.text)
            continue
        for cell in _reading_order(b):
            lines = [p.text for p in _word_paras(cell)]
            if lines:
                out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _reading_order(t: T) -> list[tuple[P, ...]]:
    """Cells in the order Word's plain text gives them: a layout table column by column
    (its left column is one stack of lines, its right another), a data table row by row."""
    if not t.layout:
        return [c for r in t.rows for c in r]
    return [tuple(p for r in t.rows if k < len(r) for p in r[k]) for k in range(t.columns)]


def word_paste(doc: Doc, gap: str = "   ") -> str:
    """A Word document copied and pasted as text: each table row's cells joined with
    ``gap`` where one cell's last line meets the next cell's first."""
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, P):
            if not _separator(b):
                out.append(b.text)
            continue
        for r in b.rows:
            row = ""
            for k, cell in enumerate(r):
                lines = [p.text for p in _word_paras(cell)]
                if not lines:
                    continue
                row = (row + gap if row else "") + "\n".join(lines)
                del k
            if row:
                out.append(row)
    return "\n".join(out) + "\n"


# --- pandoc-like Markdown --------------------------------------------------------------------


def _md(p: P) -> str:
    t = p.text
    if p.bold:
        return f"**{t}**"
    if p.italic:
        return f"*{t}*"
    return t


def pipe(doc: Doc, joiner: str = "<br>") -> str:
    """Markdown as pandoc writes it: paragraphs between blank lines, bold ``**``, each
    table as pipe rows (its first row the header row, ``|---|`` under it), a cell's
    paragraphs joined by ``joiner`` (``<br>`` or a space)."""
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, P):
            if not _separator(b):
                out.append(_md(b))
            continue
        width = b.columns
        rows = []
        for i, r in enumerate(b.rows):
            cells = [joiner.join(_md(p).replace("|", "\\|") for p in _word_paras(c)) for c in r]
            cells += [""] * (width - len(cells))
            rows.append("| " + " | ".join(cells) + " |")
            if i == 0:
                rows.append("|" + "|".join(["---"] * width) + "|")
        out.append("\n".join(rows))
    return "\n\n".join(out) + "\n"


# --- pdftotext -layout -----------------------------------------------------------------------

#: Characters per line of a printed A4 page at 13-14 pt, as pdftotext -layout lays it out.
PAGE_WIDTH = 96
#: Lines per page before a form feed.
PAGE_LINES = 52


def _justify(line: str, width: int) -> str:
    """A justified line as pdftotext gives it: the extra room spread over the word gaps."""
    words = line.split(" ")
    if len(words) < 2:
        return line
    room = width - len(line)
    gaps = len(words) - 1
    if room <= 0 or room > gaps * 2:
        return line
    extra = [room // gaps + (1 if k < room % gaps else 0) for k in range(gaps)]
    return "".join(w + " " * (1 + extra[k]) if k < gaps else w for k, w in enumerate(words))


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [""]


def _place(line: str, width: int, align: str | None) -> str:
    if align == "center":
        lead = max(0, (width - len(line)) // 2)
        return " " * lead + line
    if align == "right":
        return " " * max(0, width - len(line)) + line
    return line


def _column_lines(cell: tuple[P, ...], width: int, center: bool) -> list[str]:
    lines: list[str] = []
    for p in _word_paras(cell):
        for ln in _wrap(p.text, width - 2):
            centred = (center and p.role != "recipients") or p.align == "center"
            lines.append(_place(ln, width, "center" if centred else None))
    return lines


def _grid(t: T) -> list[str]:
    """A table's rows with their cells side by side at fixed widths."""
    width = t.columns
    if t.layout and width == 2:
        widths = [40, PAGE_WIDTH - 40]
    else:
        weights = [max(8, min(60, max((sum(len(p.text) for p in r[k]) for r in t.rows if k < len(r)), default=8)))
                   for k in range(width)]
        total = sum(weights)
        widths = [max(6, int((PAGE_WIDTH - 3 * width) * w / total)) for w in weights]
    out: list[str] = []
    for r in t.rows:
        cols = [_column_lines(r[k], widths[k], t.layout) if k < len(r) else [] for k in range(width)]
        if t.layout:
            # a signature's name stands under the room left for the signature itself
            for k, cell in enumerate(r):
                names = [i for i, p in enumerate(_word_paras(cell)) if p.role == "name"]
                if names and k < len(cols):
                    at = sum(len(_wrap(p.text, widths[k] - 2)) for p in _word_paras(cell)[: names[0]])
                    cols[k][at:at] = [""] * 3
        height = max((len(c) for c in cols), default=0)
        for i in range(height):
            parts = [(c[i] if i < len(c) else "") for c in cols]
            line = ""
            for k, part in enumerate(parts):
                if k < width - 1:
                    line += part.ljust(widths[k]) + ("" if t.layout else "   ")
                else:
                    line += part
            out.append(line.rstrip())
        if not t.layout:
            out.append("")
    return out


def pdftotext_layout(doc: Doc) -> str:
    """The printed page as ``pdftotext -layout`` renders it (see the module doc)."""
    lines: list[str] = []
    for b in doc.blocks:
        if isinstance(b, T):
            lines.extend(_grid(b))
            lines.append("")
            continue
        if _separator(b):
            continue
        if b.align in ("center", "right"):
            for ln in _wrap(b.text, PAGE_WIDTH - 10):
                lines.append(_place(ln, PAGE_WIDTH if b.align == "center" else PAGE_WIDTH, b.align))
        else:
            wrapped = _wrap(b.text, PAGE_WIDTH - 6)
            for k, ln in enumerate(wrapped):
                lead = "      " if k == 0 else ""
                body = _justify(ln, PAGE_WIDTH - 6 - len(lead)) if k < len(wrapped) - 1 else ln
                lines.append(lead + body)
    out: list[str] = []
    for k, ln in enumerate(lines):
        if k and k % PAGE_LINES == 0:
            out.append("\f")
        out.append(ln)
    return "\n".join(out) + "\n"


# --- crawled text ----------------------------------------------------------------------------


def _stream(doc: Doc) -> list[str]:
    """Every paragraph's text in a crawler's order: a table row by row, cell by cell."""
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, P):
            out.append(b.text)
        else:
            for r in b.rows:
                for c in r:
                    out.extend(p.text for p in c)
    return [" ".join(s.split()) for s in out if s.strip()]


def crawled(doc: Doc, chunk: int | None = None) -> str:
    """The whole document on one line (``chunk`` None) or cut into lines of about
    ``chunk`` characters at a space (pages a crawler kept)."""
    flat = " ".join(_stream(doc))
    if chunk is None:
        return flat + "\n"
    lines = []
    while len(flat) > chunk:
        cut = flat.rfind(" ", 0, chunk)
        cut = chunk if cut <= 0 else cut
        lines.append(flat[:cut])
        flat = flat[cut + 1 :]
    lines.append(flat)
    return "\n".join(lines) + "\n"


# --- .docx, HTML, PDF ------------------------------------------------------------------------


def docx(doc: Doc, path: Path, *, tabs: bool = False) -> Path:
    """The document as Word writes it (python-docx): layout tables borderless, data tables
    ruled, bold and centred paragraphs as runs and alignment. ``tabs``: the header and the
    closing block laid out without a table, each line's halves parted by tab stops (the
    right half alone after its tabs), as many offices type them."""
    import docx as _docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = _docx.Document()
    aligns = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}

    def fill(par, p: P) -> None:  # type: ignore[no-untyped-def]
        r = par.add_run(p.text)
        r.bold, r.italic = p.bold, p.italic
        if p.align in aligns:
            par.alignment = aligns[p.align]

    for b in doc.blocks:
        if isinstance(b, P):
            if not _separator(b):
                fill(d.add_paragraph(), b)
            continue
        if tabs and b.layout:
            for r in b.rows:
                cols = [_word_paras(c) for c in r]
                for i in range(max((len(c) for c in cols), default=0)):
                    par = d.add_paragraph()
                    for k, c in enumerate(cols):
                        if k:
                            par.add_run("\t\t")
                        if i < len(c):
                            run = par.add_run(c[i].text)
                            run.bold = c[i].bold
            continue
        t = d.add_table(rows=len(b.rows), cols=b.columns)
        if not b.layout:
            t.style = "Table Grid"
        for i, r in enumerate(b.rows):
            for k, cell in enumerate(r):
                paras = _word_paras(cell)
                c = t.cell(i, k)
                for j, p in enumerate(paras):
                    par = c.paragraphs[0] if j == 0 else c.add_paragraph()
                    fill(par, replace(p, align="center") if b.layout and p.align is None and p.role != "recipients" else p)
    d.save(str(path))
    return path


def _h(p: P) -> str:
    inner = _html.escape(p.text, quote=False)
    if p.bold:
        inner = f"<b>{inner}</b>"
    if p.italic:
        inner = f"<i>{inner}</i>"
    style = f' style="text-align:{p.align}"' if p.align else ""
    cls = f' class="{p.role}"' if p.role in ("recipients", "name") else ""
    return f"<p{cls}{style}>{inner}</p>"


def html(doc: Doc, title: str = "Văn bản") -> str:
    """A portal's page of the document: utf-8, paragraphs, the header and closing as
    borderless tables of two cells, data tables ruled."""
    out = ["<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">', f"<title>{_html.escape(title)}</title>",
           # Nghị định 30/2020 Phụ lục I: body 13-14 pt, the header's lines 12-13 pt (11 pt of the wider
           # DejaVu Serif, which has every Vietnamese letter: the Quốc hiệu holds on one line), recipients
           # 11 pt; room above the signer's name for the signature and the seal.
           "<style>@page{size:A4;margin:2cm 1.5cm 2cm 3cm}"
           "body{font-family:'DejaVu Serif','Times New Roman',serif;font-size:13pt}"
           "td{vertical-align:top}table.layout td{font-size:11pt}table.layout{page-break-inside:avoid;table-layout:fixed}"
           "table.grid{border-collapse:collapse}table.grid td{border:1px solid #000;padding:2pt;font-size:11pt}"
           "p{margin:0 0 6pt 0}p.recipients{font-size:11pt;margin:0}p.name{margin-top:60pt}</style></head>",
           '<body><div class="content">']
    after_signature = False
    for b in doc.blocks:
        if after_signature:
            # an attachment starts on a page of its own, as Word documents print them
            out.append('<div style="page-break-before:always"></div>')
            after_signature = False
        if isinstance(b, P):
            out.append(_h(b))
            continue
        after_signature = b.layout and any(p.role == "name" for r in b.rows for c in r for p in c)
        cls = ' class="layout" width="100%"' if b.layout else ' class="grid"'
        rows = []
        for r in b.rows:
            tds = []
            for k, cell in enumerate(r):
                w = (' width="40%"' if k == 0 else ' width="60%"') if b.layout and b.columns == 2 else ""
                body = "".join(_h(replace(p, align="center") if b.layout and p.align is None and p.role != "recipients" else p)
                               for p in cell)
                tds.append(f"<td{w}>{body}</td>")
            rows.append("<tr>" + "".join(tds) + "</tr>")
        out.append(f"<table{cls}>" + "".join(rows) + "</table>")
    out.append("</div></body></html>")
    return "\n".join(out)


def chromium() -> str | None:
    """The headless browser that prints the PDF form, if this machine has one."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf(doc: Doc, path: Path) -> Path:
    """The HTML page printed to PDF by headless Chromium (text layer, A4)."""
    exe = chromium()
    if exe is None:
        raise RuntimeError("chromium is not installed: the PDF form cannot be rendered")
    src = path.with_suffix(".html")
    src.write_text(html(doc), encoding="utf-8")
    subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--print-to-pdf-no-header", f"--print-to-pdf={path}", src.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    return path


# --- damage ----------------------------------------------------------------------------------


def _map(doc: Doc, fn) -> Doc:  # type: ignore[no-untyped-def]
    """A copy of ``doc`` with ``fn(paragraph) -> paragraph | list[paragraph]`` applied."""
    def one(p: P) -> list[P]:
        got = fn(p)
        return got if isinstance(got, list) else [got]

    blocks: list[Block] = []
    for b in doc.blocks:
        if isinstance(b, P):
            blocks.extend(one(b))
        else:
            blocks.append(T(tuple(tuple(tuple(q for p in c for q in one(p)) for c in r) for r in b.rows), b.layout))
    return Doc(blocks)


_OLD_TONE = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "óe": "oé", "ỏe": "oẻ",
             "õe": "oẽ", "ọe": "oẹ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}
_OLD_TONE_RX = regex.compile("(?i)(" + "|".join(_OLD_TONE) + r")(?!\p{L})")


def old_tone(s: str) -> str:
    """Tone marks placed the old way (``hòa`` → ``hoà``, ``ủy`` → ``uỷ``), the case kept."""
    def sub(m: regex.Match[str]) -> str:
        g = m.group(0)
        new = _OLD_TONE[g.lower()]
        return "".join(n.upper() if o.isupper() else n for o, n in zip(g, new))
    return _OLD_TONE_RX.sub(sub, unicodedata.normalize("NFC", s))


HONORIFICS = ("Thiếu tướng", "Đại tá", "TS.", "PGS.TS.")
SEALS = ("(Đã ký)", "[daky]", "(Đã ký và đóng dấu)")


def damage(doc: Doc, kind: str, seed: int = 0, issuer: str = "Văn phòng") -> Doc:
    """``doc`` with one kind of damage a real copy carries (``DAMAGES``)."""
    rng = random.Random(seed)
    if kind == "nbsp":
        def fn(p: P) -> P:
            words = p.text.split(" ")
            out: list[str] = []
            for w in words:
                if rng.random() < 0.06:
                    # one zero-width space at a word's edge (an editor's, beside a space);
                    # never one on each side of the same space
                    before = rng.random() < 0.5 and not (out and out[-1].endswith("\u200b"))
                    w = "\u200b" + w if before else w + "\u200b"
                out.append(w)
            s = "".join(w + ("\u00a0" if rng.random() < 0.3 else " ") for w in out).rstrip(" \u00a0")
            return replace(p, text=s)
        return _map(doc, fn)
    if kind == "so_spaces":
        return _map(doc, lambda p: replace(p, text=regex.sub(r"^(Số|SỐ)\s*:?\s*(\S+?)\s*([/-])", r"\1 : \2 \3", p.text))
                    if p.role == "number" else p)
    if kind == "blank_day":
        return _map(doc, lambda p: replace(p, text=regex.sub(r"ngày\s+\d{1,2}\s+", "ngày      ", p.text, count=1))
                    if p.role == "date" else p)
    if kind == "old_tone":
        return _map(doc, lambda p: replace(p, text=old_tone(p.text)))
    if kind == "no_comma":
        return _map(doc, lambda p: replace(p, text=regex.sub(r"\s*,\s*(?=ngày)", " ", p.text, count=1))
                    if p.role == "date" else p)
    if kind == "caps_signer":
        return _map(doc, lambda p: replace(p, text=p.text.upper()) if p.role == "name" else p)
    if kind == "honorific":
        title = HONORIFICS[seed % len(HONORIFICS)]
        return _map(doc, lambda p: replace(p, text=f"{title} {p.text}") if p.role == "name" else p)
    if kind == "seal":
        seal = SEALS[seed % len(SEALS)]
        return _map(doc, lambda p: [P(seal, italic=True, role="seal"), p] if p.role == "name" else p)
    if kind == "stamp":
        stamp = [P(f"Ký bởi: {issuer}", role="stamp"), P("Email: vanthu@example.gov.vn", role="stamp"),
                 P(f"Thời gian ký: {rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2025 {rng.randint(7, 17):02d}:"
                   f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +07:00", role="stamp")]
        return _map(doc, lambda p: [p, *stamp] if p.role == "name" else p)
    if kind == "all":
        for k in ("old_tone", "so_spaces", "blank_day", "no_comma", "honorific", "caps_signer", "seal", "stamp", "nbsp"):
            doc = damage(doc, k, seed, issuer)
        return doc
    raise KeyError(kind)


DAMAGES = ("nbsp", "so_spaces", "blank_day", "old_tone", "no_comma", "caps_signer", "honorific", "seal", "stamp", "all")

#: The text forms: name -> writer of a ``Doc``.
TEXT_FORMS = {
    "word-text": word_text,
    "word-paste": word_paste,
    "pipe-br": pipe,
    "pipe-space": lambda d: pipe(d, " "),
    "pdftotext": pdftotext_layout,
    "one-line": crawled,
    "few-lines": lambda d: crawled(d, 2500),
}
#: The file forms: name -> (suffix, writer of a ``Doc`` to a path).
FILE_FORMS = {
    "docx": (".docx", docx),
    "docx-tabs": (".docx", lambda d, p: docx(d, p, tabs=True)),
    "html": (".html", lambda d, p: (p.write_text(html(d), encoding="utf-8"), p)[1]),
    "pdf": (".pdf", pdf),
}
