"""The PDF reader walks a page's objects as raw handles: the same objects, in the same order and
to the same depth into form XObjects, as pypdfium2's own ``get_objects``."""

from __future__ import annotations

import pytest

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test extra) writes the PDFs")
pdfium = pytest.importorskip("pypdfium2")
import pypdfium2.raw as raw  # noqa: E402

from danvan_cli.text.formats.pdf_objects import bounds, page_objects  # noqa: E402
from tests.support.formats_doc import FONTS  # noqa: E402


@pytest.fixture(scope="module")
def doc() -> pdfium.PdfDocument:
    """A page with text, a rule and a box, and a second page that holds the first as a form
    XObject (a nested level) beside text of its own."""
    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.add_font("V", "", str(FONTS / "DejaVuSans-vi.ttf"))
    pdf.set_font("V", "", 11)
    pdf.add_page()
    pdf.set_xy(30, 30)
    pdf.cell(0, 6, "ỦY BAN NHÂN DÂN")
    pdf.line(30, 40, 180, 40)
    pdf.rect(30, 50, 100, 20)
    pdf.set_xy(30, 80)
    pdf.cell(0, 6, "Số: 12/KH-UBND")
    doc = pdfium.PdfDocument(bytes(pdf.output()))
    xobject = doc.page_as_xobject(0, doc)
    page = doc.new_page(595, 842)
    page.insert_obj(xobject.as_pageobject())
    page.gen_content()
    return doc


def _theirs(page, types, depth):  # type: ignore[no-untyped-def]
    return [(o.type, o.level, o.get_bounds()) for o in page.get_objects(filter=types, max_depth=depth)]


def _ours(page, types, depth):  # type: ignore[no-untyped-def]
    return [(kind, level, bounds(obj)) for kind, obj, level in page_objects(page, types, depth)]


@pytest.mark.parametrize("types", [None, (raw.FPDF_PAGEOBJ_PATH,), (raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_IMAGE)])
@pytest.mark.parametrize("depth", [1, 3, 8])
def test_page_objects_are_get_objects_as_handles(doc, types, depth) -> None:  # type: ignore[no-untyped-def]
    for i in range(len(doc)):
        page = doc[i]
        assert _ours(page, types, depth) == _theirs(page, list(types) if types else None, depth)


def test_a_form_xobject_is_entered_only_within_the_depth(doc) -> None:  # type: ignore[no-untyped-def]
    page = doc[1]
    deep = _ours(page, None, 3)
    shallow = _ours(page, None, 1)
    assert any(level == 1 for _k, level, _b in deep)
    assert [k for k, _l, _b in shallow] == [raw.FPDF_PAGEOBJ_FORM]
