"""Generated hostile and unlucky inputs for ``tests/test_hostile_matrix.py``: each a function
of its size, so the same shape is tried small in the default run and at the size a hostile
user would send under the ``full_size`` marker.
"""

from __future__ import annotations

import io
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from danvan_cli.corpus.warm import WARM_UP

#: A real document's opening, cited documents, tasks and deadlines (relative ones too): what
#: the repeated and flattened shapes are made of.
DOCUMENT = WARM_UP


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` characters."""
    return unit * max(1, size // len(unit))


# ------------------------------------------------------------------ PDF


def _deflate(chunks: Iterator[bytes]) -> bytes:
    co = zlib.compressobj(9)
    return b"".join(co.compress(c) for c in chunks) + co.flush()


def pdf_with_content(content: bytes, *, filters: bytes = b"/FlateDecode") -> bytes:
    """A one-page PDF whose content stream is ``content`` as stored (already encoded by
    ``filters``), with an honest cross-reference table."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_bomb(inflated: int) -> bytes:
    """A PDF whose one page is drawn by ``inflated`` bytes of path commands (a line drawn
    over and over), deflated to a thousandth of that."""
    unit = b"0 0 m 1 1 l S\n" * 4096
    return pdf_with_content(_deflate(unit for _ in range(max(1, inflated // len(unit)))))


def pdf_text(text: str, pages: int = 1) -> bytes:
    """A PDF of ``text`` (Latin letters) on ``pages`` pages, with fpdf2."""
    import fpdf

    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=11)
    for _ in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


# ------------------------------------------------------------------ Word


def docx_bytes(build: Callable[[object], None]) -> bytes:
    """A .docx written by python-docx after ``build(document)``."""
    import docx

    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_grid_span(span: int, rows: int = 3) -> bytes:
    """A task table whose first cell declares ``gridSpan`` ``span`` and merges down every row."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def build(d: object) -> None:
        d.add_paragraph("KẾ HOẠCH")  # type: ignore[attr-defined]
        t = d.add_table(rows=rows, cols=2)  # type: ignore[attr-defined]
        for r, row in enumerate(t.rows):
            row.cells[1].text = f"Nhiệm vụ {r}"
            tcpr = row.cells[0]._tc.get_or_add_tcPr()
            gs = OxmlElement("w:gridSpan")
            gs.set(qn("w:val"), str(span))
            tcpr.append(gs)
            vm = OxmlElement("w:vMerge")
            if r == 0:
                vm.set(qn("w:val"), "restart")
            tcpr.append(vm)

    return docx_bytes(build)


def docx_paragraphs(text: str, copies: int) -> bytes:
    """A .docx of ``copies`` copies of ``text``, a paragraph per line."""
    lines = text.splitlines()

    def build(d: object) -> None:
        for _ in range(copies):
            for line in lines:
                d.add_paragraph(line)  # type: ignore[attr-defined]

    return docx_bytes(build)


def docx_typed(text: str, copies: int) -> bytes:
    """A .docx of ``copies`` copies of ``text``, a paragraph per line, each with the paragraph
    and run properties Word writes (spacing, justification, font, size, language): the XML of
    a typed document, made without building it in python-docx (fast at tens of megabytes)."""
    import html
    import zipfile

    ppr = '<w:pPr><w:spacing w:before="120" w:after="120"/><w:jc w:val="both"/></w:pPr>'
    rpr = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/>'
           '<w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>')
    paras = "".join(f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{html.escape(line)}</w:t></w:r></w:p>'
                    for line in text.splitlines())
    body = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + paras * copies + "</w:body></w:document>").encode()
    template = zipfile.ZipFile(io.BytesIO(docx_bytes(lambda d: None)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in template.infolist():
            z.writestr(info.filename, body if info.filename == "word/document.xml" else template.read(info))
    return out.getvalue()


# ------------------------------------------------------------------ HTML


def html_spans(rows: int, cols: int, span: int = 1000) -> bytes:
    """A task table of ``rows`` × ``cols`` cells, each declaring ``colspan`` and ``rowspan`` ``span``."""
    cell = f'<td colspan="{span}" rowspan="{span}">x</td>'
    head = "<tr><td>TT</td><td>Nội dung</td><td>Cơ quan chủ trì</td><td>Thời gian hoàn thành</td></tr>"
    return (f"<html><body><p>KẾ HOẠCH</p><table>{head}" + ("<tr>" + cell * cols + "</tr>") * rows
            + "</table></body></html>").encode()


def html_attributes(n: int) -> bytes:
    """One paragraph element with ``n`` attributes."""
    attrs = " ".join(f'a{i}="x"' for i in range(n))
    return f"<html><body><p {attrs}>Chỉ thị số 33/CT-TTg</p></body></html>".encode()


# ------------------------------------------------------------------ encodings


def cp1258(text: str) -> bytes:
    """``text`` in Windows-1258, which writes a tone as a combining byte after its (possibly
    hatted) letter: how a Vietnamese text saved by an old Windows program is."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
            rest = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            out += rest.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def utf8_header_over(body: bytes, header_lines: int = 6) -> bytes:
    """``DOCUMENT``'s first ``header_lines`` lines in UTF-8 over ``body`` (its other lines in
    another encoding): a header typed anew above a body pasted from an old file."""
    lines = DOCUMENT.split("\n")
    return "\n".join(lines[:header_lines]).encode() + b"\n" + body


def scattered(data: bytes, every: int, byte: bytes = b"\x9f", before: bytes = b"") -> bytes:
    """``byte`` (never valid in UTF-8 alone) after every ``every`` bytes of ``data`` (cutting
    characters and words as it falls); with ``before``, at the next ``before`` from there (a
    byte between words: each word stays whole)."""
    if not before:
        return b"".join(data[i:i + every] + byte for i in range(0, len(data), every))
    out, pos = [], 0
    while (at := data.find(before, pos + every)) >= 0:
        out += [data[pos:at], byte]
        pos = at
    return b"".join(out) + data[pos:]
