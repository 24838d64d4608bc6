"""One Kế hoạch written as .docx, text-layer PDF, Word web page and TCVN3 text reads the same.

Each reader must give the paragraphs and cells a person sees, in the blocks.py
conventions, so that the parser finds the same number, date, type and cited documents
as in the plain text (tests/support/formats_doc.py builds every form).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_cli.pipeline import parse_file, parse_text
from danvan_cli.text.blocks import Paragraph, Table
from danvan_cli.text.read import read_source
from tests.support import formats_doc as F


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("forms")
    (d / "kh.htm").write_bytes(F.word_html())
    (d / "kh-tcvn3.txt").write_bytes(F.tcvn3_bytes())
    (d / "kh.txt").write_text(F.plain_text(), encoding="utf-8")
    return {
        "docx": F.build_docx(d / "kh.docx"),
        "doc": F.build_doc(d / "kh.doc"),
        "pdf": F.build_pdf(d / "kh.pdf"),
        "html": d / "kh.htm",
        "tcvn3": d / "kh-tcvn3.txt",
        "text": d / "kh.txt",
    }


def _cells(text: str, table: Table) -> list[list[str]]:
    return [[text[c.start:c.end] for c in row.cells] for row in table.rows]


@pytest.mark.parametrize("form", ["docx", "doc", "pdf", "html"])
def test_structured_reader_gives_the_text_a_person_reads(forms: dict[str, Path], form: str) -> None:
    d = read_source(forms[form])
    assert d.form == form
    expected = F.plain_text()
    if form in ("docx", "doc"):  # footnotes follow the body
        assert d.text == expected + "\n" + F.FOOTNOTE
    else:
        assert d.text == expected


@pytest.mark.parametrize("form", ["docx", "doc", "pdf", "html"])
def test_header_and_signature_come_out_as_two_cell_tables(forms: dict[str, Path], form: str) -> None:
    d = read_source(forms[form])
    assert d.blocks is not None
    tables = d.blocks.tables()
    assert len(tables) == 3
    header, tasks, closing = tables
    assert _cells(d.text, header) == [["\n".join(t for t, _ in F.HEADER_LEFT), "\n".join(t for t, _ in F.HEADER_RIGHT)]]
    assert _cells(d.text, closing) == [["\n".join(t for t, _ in F.SIGN_LEFT), "\n".join(t for t, _ in F.SIGN_RIGHT)]]
    # The header table stands first, before any paragraph.
    assert d.blocks.items[0] is header


@pytest.mark.parametrize("form", ["docx", "doc", "pdf", "html"])
def test_task_table_keeps_its_merged_cells_once(forms: dict[str, Path], form: str) -> None:
    d = read_source(forms[form])
    tasks = d.blocks.tables()[1]  # type: ignore[union-attr]
    rows = tasks.rows
    assert [d.text[c.start:c.end] for c in rows[0].cells] == F.TABLE_HEAD
    group = rows[1].cells
    assert len(group) == 1 and group[0].colspan == 5 and d.text[group[0].start:group[0].end] == F.TABLE_GROUP
    first, second = rows[2], rows[3]
    lead = first.cells[2]
    assert lead.rowspan == 2 and lead.col == 2 and d.text[lead.start:lead.end] == F.TABLE_ROWS[0][2]
    # The row under the merged lead does not repeat it; its cells keep their grid columns.
    assert [c.col for c in second.cells] == [0, 1, 3, 4]
    assert [d.text[c.start:c.end] for c in second.cells] == [F.TABLE_ROWS[1][i] for i in (0, 1, 3, 4)]
    assert tasks.columns == 5


@pytest.mark.parametrize("form", ["docx", "doc", "html"])
def test_bold_and_alignment_are_carried_per_paragraph(forms: dict[str, Path], form: str) -> None:
    d = read_source(forms[form])
    paras = {d.text[p.start:p.end]: p for p in d.blocks.items if isinstance(p, Paragraph)}  # type: ignore[union-attr]
    assert paras["KẾ HOẠCH"].bold and paras["KẾ HOẠCH"].align == "center"
    assert paras["I. MỤC ĐÍCH, YÊU CẦU"].bold
    assert not paras["Phân công nhiệm vụ cụ thể như sau:"].bold
    header = d.blocks.tables()[0]  # type: ignore[union-attr]
    date = header.rows[0].cells[1].paragraphs[-1]
    assert date.italic and not date.bold


def test_pdf_tells_bold_lines_by_their_font(forms: dict[str, Path]) -> None:
    d = read_source(forms["pdf"])
    paras = {d.text[p.start:p.end]: p for p in d.blocks.items if isinstance(p, Paragraph)}  # type: ignore[union-attr]
    assert paras["KẾ HOẠCH"].bold and paras["KẾ HOẠCH"].align == "center"
    assert paras["II. NHIỆM VỤ TRỌNG TÂM"].bold
    assert not paras["Phân công nhiệm vụ cụ thể như sau:"].bold


def test_spans_point_into_the_reported_text(forms: dict[str, Path]) -> None:
    for form in ("docx", "doc", "pdf", "html"):
        d = read_source(forms[form])
        for item in d.blocks.items:  # type: ignore[union-attr]
            if isinstance(item, Paragraph):
                assert "\n" not in d.text[item.start:item.end]
            else:
                for row in item.rows:
                    for c in row.cells:
                        for p in c.paragraphs:
                            assert c.start <= p.start <= p.end <= c.end
                            assert d.text[p.start:p.end].strip() and "|" != d.text[p.start:p.end]


def test_tcvn3_text_is_read_back_with_a_warning(forms: dict[str, Path]) -> None:
    d = read_source(forms["tcvn3"])
    assert d.encoding == "tcvn3"
    assert [w.code for w in d.warnings] == ["legacy-encoding"]
    assert d.text.split("\n")[:-1] == F.flat_lines()


@pytest.mark.parametrize("form", ["docx", "doc", "pdf", "html", "tcvn3"])
def test_every_form_parses_to_the_plain_texts_header_and_references(forms: dict[str, Path], form: str) -> None:
    plain = parse_text(F.plain_text(), "plain")
    doc = parse_file(forms[form])
    assert (plain.number, plain.date, plain.doc_type) == (F.NUMBER, F.DATE, F.DOC_TYPE)
    assert {r.number for r in plain.references} == F.REFERENCES
    assert (doc.number, doc.date, doc.doc_type) == (plain.number, plain.date, plain.doc_type)
    assert {r.number for r in doc.references} == {r.number for r in plain.references}


@pytest.mark.parametrize("form", ["doc", "pdf", "html", "tcvn3"])
def test_every_form_gives_the_same_issuer_signer_recipients_tasks_and_deadlines(forms: dict[str, Path], form: str) -> None:
    # Structured forms are compared with the .docx (a cell merged over two rows is known
    # there, and lost in a plain text); the TCVN3 text with the Unicode text it was encoded
    # from (its lines without table marks).
    plain = parse_text("\n".join(F.flat_lines()) + "\n", "plain") if form == "tcvn3" else parse_file(forms["docx"])
    doc = parse_file(forms[form])
    assert plain.issuer is not None and plain.signer is not None and plain.signer.name
    assert doc.issuer is not None and (doc.issuer.name, doc.issuer.level, doc.issuer.province) == (
        plain.issuer.name, plain.issuer.level, plain.issuer.province)
    assert (doc.signer.name, doc.signer.authority, doc.signer.title) == (plain.signer.name, plain.signer.authority, plain.signer.title)
    assert doc.recipients == plain.recipients
    assert [(d.date, d.rrule) for d in doc.deadlines] == [(d.date, d.rrule) for d in plain.deadlines]

    def lead(tasks):  # type: ignore[no-untyped-def]
        return [(t.lead, t.support) for t in tasks] + [x for t in tasks for x in lead(t.children)]

    assert lead(doc.tasks) == lead(plain.tasks)


def test_word_97_doc_and_docx_of_one_document_give_the_same_record(forms: dict[str, Path]) -> None:
    # Word 97 and Word 2007 write the same document: the reader of each gives the same
    # text and blocks, so the whole record is the same but for where it was read from.
    doc, docx = parse_file(forms["doc"]).to_dict(), parse_file(forms["docx"]).to_dict()
    for rec in (doc, docx):
        rec.pop("source")
        rec.pop("encoding", None)
    assert doc == docx


def test_the_signed_e_office_pdf_gives_the_same_record_as_its_docx_and_pdf(tmp_path: Path) -> None:
    # the number and the day stamped at signing as fields over the template's blanks
    # (a stamped serial narrower than the blank leaves a space: ``Số: 15 /KH-UBND``, as the
    # real files have it, so places in the text may differ by one)
    def unplaced(value: object) -> object:
        if isinstance(value, dict):
            return {k: unplaced(v) for k, v in value.items() if k not in ("span", "spans", "mentions")}
        return [unplaced(v) for v in value] if isinstance(value, list) else value

    def record(path: Path) -> dict:
        rec = parse_file(path).to_dict()
        return {k: unplaced(rec[k]) for k in ("doc_type", "number", "date", "title", "issuer", "signer", "recipients",
                                              "references", "tasks")}

    signed = record(F.build_signed_pdf(tmp_path / "kh-signed.pdf"))
    for form in (F.build_pdf(tmp_path / "kh.pdf"), F.build_docx(tmp_path / "kh.docx")):
        other = record(form)
        for key in signed:
            assert signed[key] == other[key], key
    assert signed["number"] == F.NUMBER and signed["date"] == "2025-03-20"


# --- the same document scanned ---------------------------------------------------------


@pytest.fixture(scope="module")
def scans(forms: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The text-layer PDF printed and scanned back (each page rendered at 300 dpi and turned
    a little, as a page fed askew): an image-only PDF, and a photo of its first page."""
    import pypdfium2 as pdfium

    from tests.support.ocr import png_bytes, scanned_pdf

    d = tmp_path_factory.mktemp("scans")
    pdf = pdfium.PdfDocument(str(forms["pdf"]))
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            pages.append(page.render(scale=300 / 72).to_pil().rotate(0.4, fillcolor="white"))
            page.close()
    finally:
        pdf.close()
    (d / "kh-photo.png").write_bytes(png_bytes(pages[0]))
    return {"scan": scanned_pdf(pages, d / "kh-scan.pdf"), "photo": d / "kh-photo.png"}


@pytest.mark.ocr
@pytest.mark.parametrize("form", ["scan", "photo"])
def test_a_scan_of_the_document_gives_the_same_header_as_its_pdf_and_docx(forms: dict[str, Path], scans: dict[str, Path],
                                                                          form: str) -> None:
    from tests.support.ocr import require_tesseract

    require_tesseract()
    born = parse_file(forms["pdf"])
    word = parse_file(forms["docx"])
    doc = parse_file(scans[form])
    for other in (born, word):
        assert (doc.doc_type, doc.number, doc.date, doc.title) == (other.doc_type, other.number, other.date, other.title)
        assert doc.issuer is not None and other.issuer is not None
        assert (doc.issuer.name, doc.issuer.level, doc.issuer.province) == (
            other.issuer.name, other.issuer.level, other.issuer.province)
    if form == "scan":  # the whole document: the signature block on its last page too
        assert doc.signer is not None and (doc.signer.name, doc.signer.authority) == (born.signer.name, born.signer.authority)
        assert F.REFERENCES <= {r.number for r in doc.references}


@pytest.mark.ocr
def test_a_photo_of_the_signed_pdfs_first_page_gives_its_header(tmp_path: Path) -> None:
    # what the signing system stamped (the serial and the day as fields) is on the page a
    # phone photographs: the photo's header is the signed PDF's
    import pypdfium2 as pdfium

    from tests.support.ocr import png_bytes, require_tesseract

    require_tesseract()
    signed = F.build_signed_pdf(tmp_path / "kh-signed.pdf")
    pdf = pdfium.PdfDocument(str(signed))
    try:
        pdf.init_forms()  # the fields drawn as a viewer (and a printer) draws them
        page = pdf[0]
        image = page.render(scale=300 / 72, may_draw_forms=True).to_pil().rotate(0.4, fillcolor="white")
        page.close()
    finally:
        pdf.close()
    (tmp_path / "kh-signed.png").write_bytes(png_bytes(image))
    born, photo = parse_file(signed), parse_file(tmp_path / "kh-signed.png")
    assert (photo.doc_type, photo.number, photo.date, photo.title) == (born.doc_type, born.number, born.date, born.title)
    assert photo.number == F.NUMBER and photo.date == "2025-03-20"

