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

#: Most lines a document's text may have, whatever its form (a line per paragraph, table
#: cell or PDF line). A compendium of laws of 3 000 pages has about 150 000; each line costs
#: the parser a few hundred bytes, so millions of them are a list, not a document.
MAX_LINES = 2_000_000

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

#: Widest table grid, in columns: a cell's declared span (HTML ``colspan``, Word
#: ``gridSpan``/``gridBefore``) reaches no further. Browsers clamp ``colspan`` at 1000 too;
#: Word's grid holds 63 columns. A ``rowspan`` reaches no further than the table's last row.
MAX_TABLE_COLUMNS = 1000

#: Most grid cells one table's merges may cover below the rows they open in (a cell merged
#: over the rows below belongs to each of them, so this is what merges may multiply). A task
#: table of 500 rows with three columns merged from top to bottom covers 1 500; past the budget
#: a cell's ``rowspan``/``vMerge`` is read as one row.
MAX_TABLE_MERGED_CELLS = 100_000

#: Most attributes one HTML element may have (Word's pages give an element a handful; the
#: HTML parser takes time quadratic in their number).
MAX_HTML_ATTRIBUTES = 1000

#: Most pages of a PDF read. A legal compendium runs to several hundred.
MAX_PDF_PAGES = 3000

#: Largest one stream a PDF's pages are built from (a content stream, a form, an object
#: stream) may inflate to, measured before PDFium opens the file (``pdf_size.py``). PDFium
#: takes about fifty bytes of memory per byte of drawing commands; a dense page of text is
#: about 100 KiB of them, a page holding a vector map a few MiB.
MAX_PDF_STREAM_BYTES = 8 * 2**20

#: Largest all of those streams together may inflate to: a thousand dense pages and more.
MAX_PDF_INFLATED_BYTES = 256 * 2**20

#: Most characters one PDF page may hold (a dense page holds about 6 000): a page built
#: to hold millions is refused.
MAX_PDF_PAGE_CHARS = 200_000

#: Address space one worker process may take (``RLIMIT_AS``), whatever file it reads: the
#: largest file danvan reads needs well under half of it; a file built to make a reader
#: allocate gigabytes stops there, with one line, instead of taking the machine.
WORKER_MEMORY_BYTES = 4 * 2**30

#: Time one file may take in a worker: a base for any file, plus a share per MiB of input.
#: Parsing runs at megabytes a second, so this is tens of times what a real file takes even
#: on a loaded machine; a file that still runs past it is stopped, with one line.
FILE_SECONDS = 120.0
SECONDS_PER_MIB = 10.0


def seconds_for(size: int) -> float:
    """The time budget of a file of ``size`` bytes (see ``FILE_SECONDS``)."""
    return FILE_SECONDS + SECONDS_PER_MIB * size / 2**20


def out_of_memory() -> str:
    """The reason given for a file whose reading ran out of the worker's memory."""
    from ...i18n import N_

    return N_("too large to read in memory (over the {limit} a worker may use)").format(limit=human(WORKER_MEMORY_BYTES))


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
    if n >= 2**30:
        return f"{n / 2**30:.0f} GiB"
    if n >= 2**20:
        return f"{n / 2**20:.0f} MiB"
    if n >= 2**10:
        return f"{n / 2**10:.0f} KiB"
    return f"{n} bytes"

#: Most characters a Word 97 .doc may declare in its stories (a long Quyết định with its
#: appendices holds a few hundred thousand): checked before the text is read.
MAX_DOC_CHARS = 20_000_000
