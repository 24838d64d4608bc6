"""Readers of the structured file forms (.docx, .doc, HTML, PDF) and of legacy encodings.

Each form has its module (``docx``, ``doc``, ``html``, ``pdf``) turning bytes into the plain
records of ``common``, which ``common.write`` turns into text and blocks; ``legacy``
reads TCVN3 and VNI back to Unicode; ``limits`` bounds what any file may cost.
``sniff`` tells the form from the bytes, so that a file named wrongly is still read
for what it is; ``text/read.py`` dispatches on it.
"""

from __future__ import annotations

__all__ = ["read_structured", "sniff"]

import io
import re
import zipfile
from typing import TYPE_CHECKING
from ...i18n import N_

if TYPE_CHECKING:
    from ...model import Warning
    from .common import Decoded
    from .ocr import OcrOptions

#: Forms told by their first bytes. An OLE2 container is an old .doc/.xls or an
#: encrypted Office file (Office encrypts a .docx into one).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"),
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"RIFF", "image"),  # WebP (and other RIFF media): not a document either way
)

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|\?xml[^>]*>\s*<(?:!doctype\s+html|html))",
                         re.I | re.S)
_HTML_TAG = re.compile(rb"<(?:html|body|head|meta\s|table|div|p[\s>]|br\s*/?>)", re.I)
_MHT = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n)*?MIME-Version:\s*1\.0", re.I)


def _text_sample(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes (a UTF-16 page with its BOM is read as such)."""
    head = data[:4096]
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(enc, errors="ignore").encode("ascii", errors="ignore")
    return head.lstrip(b"\xef\xbb\xbf")


def _zip_kind(data: bytes) -> str:
    """``docx`` for a Word package (it holds ``word/document.xml``); else what the
    archive is (``xlsx``, ``pptx``, ``odf``) or ``zip``. Reads the directory only."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "docx"  # damaged: the .docx reader says what is wrong with it
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    if "mimetype" in names:
        return "odf"
    return "zip"


def sniff(data: bytes, suffix: str = "") -> str:
    """The form of ``data``: ``pdf``, ``docx``, ``xlsx``/``pptx``/``odf``/``zip`` (other
    archives), ``ole2``,
    ``rtf``, ``image``, ``mhtml``, ``html`` or ``text``. The bytes decide; the file
    ending (``suffix``, lower case with its dot) only breaks a tie between text and HTML."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for magic, form in _MAGIC:
        if form and data.startswith(magic):
            return _zip_kind(data) if form == "zip" else form
    sample = _text_sample(data)
    if _MHT.match(sample):
        return "mhtml"
    if _HTML_START.match(sample):
        return "html"
    if suffix in (".htm", ".html", ".xhtml") and _HTML_TAG.search(sample):
        return "html"
    return "text"


def read_structured(form: str, data: bytes, name: str, ocr: OcrOptions | None = None) -> Decoded:
    """Read a file of a structured ``form`` (``docx``, ``html``, ``mhtml``, ``pdf``,
    ``image``) into text and blocks; a file its reader refuses gives one
    ``DanvanInputError`` line. ``ocr``: how scans and pictures are read (default: by OCR
    where a page has no usable text layer, one page at a time, nothing cached)."""
    from .common import DanvanInputError, Decoded, FormatError, write
    from .ocr import OcrOptions, Tesseract, read_image
    from .ocr_repair import repair

    ocr = ocr or OcrOptions()
    notes: list[Warning] = []
    try:
        if form == "docx":
            from .docx import read_docx

            items, encoding = read_docx(data), "docx"
        elif form == "ole2":
            from .doc import read_doc

            items, encoding = read_doc(data), "doc"
        elif form in ("html", "mhtml"):
            from .html import read_html, read_mhtml

            items, encoding, notes = read_mhtml(data) if form == "mhtml" else read_html(data)
        elif form == "pdf":
            from .pdf import read_pdf

            reader = Tesseract(ocr, data) if ocr.mode != "never" else None
            items = read_pdf(data, reader, notes)
            encoding = "pdf+ocr" if reader is not None and reader.pages_read and reader.unread is None else "pdf"
            if reader is not None and reader.unread is not None:
                from ...model import Warning

                pages, why = reader.unread
                listed = ", ".join(str(i + 1) for i in pages[:10]) + (" ..." if len(pages) > 10 else "")
                notes.append(Warning("pages-not-read", N_("page(s) {listed} have no text layer and were not read: {why}").format(
                    listed=listed, why=why)))
        elif form == "image":
            items, encoding = read_image(data, ocr), "ocr"
        else:
            raise FormatError(N_("no reader for the form {form}").format(form=repr(form)))
    except FormatError as exc:
        raise DanvanInputError(f"{name}: {exc}") from exc
    if encoding.endswith("ocr"):
        # what OCR reads is mended where it slips on the words a header is found by
        items = repair(items)
    text, blocks, warnings = write(items, "ocr" if encoding.endswith("ocr") else {"mhtml": "html", "ole2": "doc"}.get(form, form))
    return Decoded(text, encoding, notes + warnings, blocks)
