"""How much a PDF's content inflates to, measured from its bytes before PDFium opens it.

Why: PDFium builds a page's objects from its content stream all at once when the page is
loaded, at about fifty bytes of memory per byte of drawing commands and seconds of work per
megabyte; a 1 MB file whose stream inflates to 512 MiB of commands makes it allocate
gigabytes and abort. Nothing in PDFium's interface tells a page's content size before building
the page, so this module finds every stream in the file's bytes (the ``stream`` keyword, as a
PDF repair tool does, so a broken cross-reference table hides none) and inflates the ones a page
is built from — content streams, form XObjects, object streams — counting the bytes and keeping
none, stopping at the limit. Images are decoded only when a page is drawn and fonts only when a
glyph is, so their streams are passed over.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from . import limits
from ...i18n import N_
from .common import FormatError

#: Streams no page is built from when its text is read.
_PASSED_OVER = re.compile(rb"/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b|/Length[123]\b|/EmbeddedFile\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
#: How far back a stream's dictionary may start (a dictionary of a few entries is tens of bytes).
_DICT_SPAN = 4096
#: Bytes fed to the inflater at once.
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Inflated:
    """The largest stream a page is built from, and all of them together, in bytes (each
    count stops a little past the limit it was measured against)."""

    largest: int
    total: int


def _filters(head: bytes) -> list[bytes]:
    m = _FILTER.search(head)
    return _NAME.findall(m.group(1)) if m else []


def _unascii(name: bytes, raw: bytes) -> bytes | None:
    try:
        if name in (b"ASCIIHexDecode", b"AHx"):
            return binascii.unhexlify(re.sub(rb"[^0-9A-Fa-f]", b"", raw.split(b">", 1)[0])[: len(raw) // 2 * 2])
        if name in (b"ASCII85Decode", b"A85"):
            return base64.a85decode(raw.split(b"~>", 1)[0] + b"~>", adobe=True, ignorechars=b" \t\r\n\f\v")
    except ValueError:
        return None
    return None


def _inflated(data: bytes | memoryview, start: int, cap: int) -> int:
    """Bytes the zlib stream at ``data[start:]`` inflates to, counted up to just past ``cap``."""
    d = zlib.decompressobj()
    out = 0
    pos = start
    try:
        while not d.eof and out <= cap:
            chunk = d.unconsumed_tail or data[pos:pos + _CHUNK]
            if not d.unconsumed_tail:
                pos += _CHUNK
            if not chunk:
                break
            out += len(d.decompress(chunk, _CHUNK * 16))
    except zlib.error:
        pass  # damaged data: PDFium stops there too
    return out


def _starts(data: bytes) -> Iterator[tuple[int, int]]:
    """(keyword, data start) of each ``stream`` keyword followed by an end of line
    (``endstream`` is no start). A plain search: a pattern with a look-behind is scanned
    character by character, seconds on a megabyte of image bytes."""
    pos = data.find(b"stream")
    while pos >= 0:
        after = pos + 6
        eol = 2 if data[after:after + 2] == b"\r\n" else 1 if data[after:after + 1] == b"\n" else 0
        if eol and data[pos - 3:pos] != b"end":
            yield pos, after + eol
        pos = data.find(b"stream", after)


def measure(data: bytes, cap: int) -> Inflated:
    """How large the streams pages are built from inflate to; each stream counted up to just
    past ``cap`` (what is measured is whether a limit is passed, not how far)."""
    largest = total = 0
    view = memoryview(data)
    for keyword, start in _starts(data):
        head_from = max(0, keyword - _DICT_SPAN)
        obj = data.rfind(b"obj", head_from, keyword)  # the stream's own object header
        head = data[obj + 3 if obj >= 0 else head_from:keyword]
        if _PASSED_OVER.search(head):
            continue
        chain = _filters(head)
        if not chain:
            continue  # stored as it is: its size is the file's own, under the file limit
        size = 0
        if chain[0] in (b"FlateDecode", b"Fl"):
            size = _inflated(view, start, cap)
        elif len(chain) > 1 and chain[1] in (b"FlateDecode", b"Fl"):
            length = _LENGTH.search(head)
            end = start + int(length.group(1)) if length else data.find(b"endstream", start)
            raw = _unascii(chain[0], data[start:end if end > start else len(data)])
            size = _inflated(raw, 0, cap) if raw is not None else 0
        largest = max(largest, size)
        total += size
    return Inflated(largest, total)


def check(data: bytes) -> None:
    """Refuse a PDF whose pages would be built from more than the limits allow
    (``limits.MAX_PDF_STREAM_BYTES`` for one stream, ``MAX_PDF_INFLATED_BYTES`` in all),
    before PDFium is given it. Raises ``FormatError``."""
    size = measure(data, limits.MAX_PDF_STREAM_BYTES)
    if size.largest > limits.MAX_PDF_STREAM_BYTES:
        raise FormatError(N_("a content stream inflates past {limit} (a PDF built to exhaust a reader): refused").format(
            limit=limits.human(limits.MAX_PDF_STREAM_BYTES)))
    if size.total > limits.MAX_PDF_INFLATED_BYTES:
        raise FormatError(N_("its content streams inflate past {limit} (a PDF built to exhaust a reader): refused").format(
            limit=limits.human(limits.MAX_PDF_INFLATED_BYTES)))
