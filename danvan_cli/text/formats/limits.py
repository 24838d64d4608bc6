"""Limits on what danvan reads, so that no file can take unbounded memory or time.

A batch of thousands of files must go on whatever one of them is: a zip bomb named
``.docx``, a PDF built to loop a parser, an HTML page of millions of nested tags. Each
limit is far above any administrative document (the longest Quyết định with its
appendices is a few megabytes of text) and is checked before the expensive work.
"""

from __future__ import annotations

#: Largest file read at all, in bytes. A scanned PDF of many pages can pass this, but
#: has no text layer anyway; a text or Word file of this size is not one document.
MAX_FILE_BYTES = 64 * 1024 * 1024

#: Largest total a .docx may inflate to, summed over the parts of its zip. Word files
#: with photographs reach tens of megabytes; a zip bomb is made to reach gigabytes.
MAX_DOCX_INFLATED_BYTES = 256 * 1024 * 1024

#: Most parts a .docx zip may hold (a real one holds a few dozen, with images a few hundred).
MAX_DOCX_PARTS = 5000

#: Largest inflation of one part over its compressed size, for parts over 1 MiB:
#: XML compresses ten- to twentyfold, a bomb a thousandfold and more.
MAX_DOCX_RATIO = 200

#: Deepest element nesting an HTML page may have. Word's pages nest about twenty deep
#: and portals fifty; the parser (libxml2) stops at this depth, and the page is refused
#: rather than read with its deeper text silently cut.
MAX_HTML_DEPTH = 2048

#: Most pages of a PDF read. A legal compendium runs to several hundred.
MAX_PDF_PAGES = 3000

#: Most characters one PDF page may hold (a dense page holds about 6 000): a page built
#: to hold millions is refused.
MAX_PDF_PAGE_CHARS = 200_000


#: Most pages OCR'd in one file (a PDF of scans, a .tif of many pages). At a few seconds a
#: page, a scanned file past this is a book, not a document; a file of thousands of blank
#: scans is built to hold a batch up.
MAX_OCR_PAGES = 500

#: Most pixels a picture may have (its header says, before any is decoded). A page scanned
#: in colour at 600 dpi has 35 million; a decompression bomb claims billions.
MAX_IMAGE_PIXELS = 60_000_000

#: Most pixels a PDF page is rendered to for OCR (an A4 page at 300 dpi has 9 million): a
#: page drawn metres wide is rendered at a lower resolution instead.
MAX_OCR_PIXELS = 40_000_000


def human(n: int) -> str:
    """A byte count for an error line (``64 MiB``, ``900 KiB``, ``512 bytes``)."""
    if n >= 2**20:
        return f"{n / 2**20:.0f} MiB"
    if n >= 2**10:
        return f"{n / 2**10:.0f} KiB"
    return f"{n} bytes"

#: Most characters a Word 97 .doc may declare in its stories (a long Quyết định with its
#: appendices holds a few hundred thousand): checked before the text is read.
MAX_DOC_CHARS = 20_000_000
