"""Generated hostile and unlucky inputs for ``tests/test_hostile_matrix.py``: each a function
of its size, so the same shape is tried small in the default run and at the size a hostile
user would send under the ``full_size`` marker.
"""

from __future__ import annotations

import io
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
