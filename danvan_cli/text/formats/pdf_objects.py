"""A PDF page's objects as PDFium's raw handles, for the readers that look at every one.

Why: ``pypdfium2``'s ``page.get_objects`` builds a Python object (with its finalizer
bookkeeping) for every object of the page, kept by its filter or not. A page printed by
Chromium holds thousands of glyph runs; the PDF reader walks them for table rules, for a
scanner's invisible text layer and for pictures, and the wrappers were about half of the
time a PDF took to read. Here the same walk — the same order, the same objects, the same
depth into form XObjects — hands out the handles themselves.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any


def page_objects(page: Any, types: tuple[int, ...] | None, max_depth: int) -> Iterator[tuple[int, Any, int]]:
    """``(type, handle, level)`` of each object of the open PDFium ``page`` whose type is one
    of ``types`` (every object when None), in the order and to the depth of
    ``page.get_objects(filter=types, max_depth=max_depth)``; ``level`` counts the form
    XObjects it is nested in. A handle is valid while the page is open."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    form = raw.FPDF_PAGEOBJ_FORM

    def walk(count: Any, get: Any, parent: Any, level: int) -> Iterator[tuple[int, Any, int]]:
        n = count(parent)
        if n < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_UNKNOWN:
                raise pdfium.PdfiumError("Failed to determine pageobject type.")
            if types is None or kind in types:
                yield kind, obj, level
            if kind == form and level < max_depth - 1:
                yield from walk(raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, obj, level + 1)

    yield from walk(raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, page.raw, 0)


def bounds(obj: Any) -> tuple[float, float, float, float]:
    """Left, bottom, right and top of a page object (a raw handle), in PDF points, as
    ``PdfObject.get_bounds`` gives them."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        raise pdfium.PdfiumError("Failed to locate pageobject.")
    return left.value, bottom.value, right.value, top.value
