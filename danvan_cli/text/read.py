"""Read a file (or standard input) into normalized text, whatever form it has.

The form is told from the bytes first (``formats.sniff``: a PDF, a Word .docx, an
HTML page saved by Word or a portal, a MIME web archive, plain text), the file ending
second, so a page saved as ``.txt`` or a .docx renamed is still read for what it is.
Structured forms go to their readers in ``text/formats/`` and come back with the
paragraphs and tables they saw (``Decoded.blocks``). Files that hold no text danvan
can read (an image, a spreadsheet, an RTF file, an encrypted file) give one clear
``DanvanInputError``; so does a file past the limits of ``formats.limits``.

A text file's encoding, in order of trust: a byte-order mark; then strict UTF-8; then
UTF-8 part by part when the bytes hold UTF-8 but not only (``formats.charset``: a stray
invalid byte is one U+FFFD, lines in another encoding are read in it), with a warning; then
a legacy Vietnamese font encoding (TCVN3, VNI) when the statistics of the text say so,
with a warning; then the Vietnamese Windows code page (cp1258) as a fallback, which
always decodes and is therefore reported as a warning.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import N_
from ..model import Warning
from .formats import limits, sniff
from .formats.common import DanvanInputError, Decoded
from .normalize import normalize_text

if TYPE_CHECKING:
    from .formats.charset import Split
    from .formats.ocr import OcrOptions


#: Endings of pictures of pages (read by OCR): a file so named whose bytes are no picture
#: is a damaged one.
_PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff"})

#: File endings read when a folder is walked (a file named explicitly is always tried).
#: Text forms, the structured forms the readers of ``text/formats/`` take, pictures of pages.
READABLE_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".text", ".htm", ".html", ".xhtml", ".mht", ".mhtml", ".docx", ".doc", ".pdf"}
) | _PICTURE_SUFFIXES

#: What a file that is not a document is, for the one line that says so.
_NOT_READ: dict[str, str] = {
    "xlsx": N_("a spreadsheet (.xlsx), not a document danvan reads"),
    "pptx": N_("a presentation (.pptx), not a document danvan reads"),
    "odf": N_("an OpenDocument file: save it as .docx"),
    "zip": N_("a zip archive, not a document: unpack it"),
    "rtf": N_("an RTF file: save it as .docx"),
}


#: Control bytes no text holds (tab, line ends, form feed and ESC are text's).
_CONTROL = bytes(b for b in range(256) if b < 9 or 13 < b < 32 and b != 27)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL))  # counted in C, not byte by byte in Python
    return control / len(sample) > 0.05


def _legacy(text: str, encoding: str, alternatives: dict[str, str] | None = None) -> Decoded | None:
    """``text`` read back from TCVN3/VNI when its statistics say it is written so."""
    from .formats import legacy

    enc = legacy.detect(text, alternatives)
    if enc is None:
        return None
    message = N_("text written in the legacy encoding {names}: converted to Unicode; check the letters").format(
        names=legacy.NAMES[enc])
    return Decoded(normalize_text(legacy.convert(text, enc)), enc if encoding == "bytes" else f"{encoding}+{enc}",
                   [Warning("legacy-encoding", message)])


def decode_bytes(data: bytes, name: str = "-") -> Decoded:
    """Decode a text file's ``data`` into normalized text; raise ``DanvanInputError``
    for binary input."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(normalize_text(data[3:].decode("utf-8", errors="replace")), "utf-8-sig")
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(normalize_text(data[len(bom):].decode(enc)), enc)
            except UnicodeDecodeError as exc:
                raise DanvanInputError(N_("{name}: not valid {enc} despite its byte-order mark ({reason})").format(name=name, enc=enc, reason=exc.reason)) from exc
    if _looks_binary(data):
        raise DanvanInputError(N_("{name}: not a text file (binary content)").format(name=name))
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _legacy(utf8, "utf-8") or Decoded(normalize_text(utf8), "utf-8")
    from .formats.charset import utf8_parts
    from .formats.legacy import cp1252

    split = utf8_parts(data, "cp1258")
    if split is not None:
        return _in_parts(split)

    text = data.decode("cp1258", errors="replace")
    # the Windows-1258 reading as decoded (NFC only): ``normalize_text`` would mend TCVN3
    # words in it, and the legacy reading would no longer win
    found = _legacy(cp1252(data), "bytes", {"cp1258": unicodedata.normalize("NFC", text)})
    if found is not None:
        return found
    return Decoded(
        normalize_text(text),
        "cp1258",
        [Warning("decoding-fallback", N_("text is not UTF-8: decoded as Windows-1258 (Vietnamese); check the characters"))],
    )


def _in_parts(split: Split) -> Decoded:
    """A text holding UTF-8 that is not strict UTF-8, read part by part (``formats.charset``):
    its invalid bytes as U+FFFD, its lines in another encoding (Windows-1258, or TCVN3/VNI
    when the statistics of those lines together say so) as that encoding."""
    from .formats import legacy
    from .formats.charset import invalid_note, mixed_note

    warnings = [Warning("invalid-utf8", invalid_note(split))] if split.invalid else []
    other = split.other()
    if not other:
        text = "".join(p.text for p in split.parts)
        found = _legacy(text, "utf-8")  # a UTF-8 text holding TCVN3 characters
        if found is not None:
            found.warnings[:0] = warnings
            return found
        return Decoded(normalize_text(text), "utf-8", warnings)
    enc = legacy.detect(legacy.cp1252(other), {"cp1258": unicodedata.normalize("NFC", other.decode("cp1258", "replace"))})

    def read(raw: bytes) -> str:
        if enc is not None:
            return legacy.convert(legacy.cp1252(raw), enc)
        return unicodedata.normalize("NFC", raw.decode("cp1258", "replace"))

    text = "".join(p.text if p.utf8 else read(p.raw) for p in split.parts)
    name = legacy.NAMES[enc] if enc else "Windows-1258"
    warnings.append(Warning("mixed-encoding", mixed_note(split, name)))
    return Decoded(normalize_text(text), f"utf-8+{enc or 'cp1258'}", warnings)


def _too_big(name: str, size: int) -> DanvanInputError:
    return DanvanInputError(
        N_("{name}: file of {size} is over the {limit} limit").format(name=name, size=limits.human(size), limit=limits.human(limits.MAX_FILE_BYTES))
    )


def decode_file(data: bytes, name: str = "-", ocr: OcrOptions | None = None) -> Decoded:
    """Read ``data`` in whatever form it has (``name`` gives the file ending and the
    name errors carry; ``ocr`` how scans and pictures are read)."""
    return _within_lines(_decode_file(data, name, ocr), name)


def _within_lines(decoded: Decoded, name: str) -> Decoded:
    """``decoded``, unless its text has more lines than any one document (each line costs
    every stage a few hundred bytes: millions of them are not a document but a list)."""
    lines = decoded.text.count("\n") + 1
    if lines > limits.MAX_LINES:
        raise DanvanInputError(N_("{name}: a text of {lines} lines (more than {limit}): refused (not one document)").format(
            name=name, lines=f"{lines:,}", limit=f"{limits.MAX_LINES:,}"))
    return decoded


def _decode_file(data: bytes, name: str, ocr: OcrOptions | None = None) -> Decoded:
    if len(data) > limits.MAX_FILE_BYTES:
        raise _too_big(name, len(data))
    suffix = Path(name).suffix.lower() if name != "-" else ""
    form = sniff(data, suffix)
    if form == "text":
        from .formats.charset import utf16_without_bom

        utf16 = utf16_without_bom(data)
        if utf16 is not None:  # read as if it had its mark: its form sniffed, its text decoded, as UTF-16
            data = (b"\xff\xfe" if utf16 == "utf-16-le" else b"\xfe\xff") + data
            form = sniff(data, suffix)
    if form in _NOT_READ:
        raise DanvanInputError(f"{name}: {_NOT_READ[form]}")
    if form == "text" and suffix in _PICTURE_SUFFIXES:
        raise DanvanInputError(N_("{name}: a damaged image (its bytes are no picture danvan knows)").format(name=name))
    if form == "text":
        return decode_bytes(data, name)
    from .formats import read_structured

    try:
        return read_structured(form, data, name, ocr)
    except DanvanInputError:
        raise
    except RecursionError as exc:  # a reader's dependency recursing on a hostile file
        raise DanvanInputError(N_("{name}: nested too deeply to read").format(name=name)) from exc
    except MemoryError as exc:
        raise DanvanInputError(N_("{name}: too large to read in memory").format(name=name)) from exc


def read_source(path: str | Path, ocr: OcrOptions | None = None) -> Decoded:
    """Read ``path`` (``-`` for standard input) and decode it, in whatever form it has
    (``ocr``: how scans and pictures are read). Public as ``danvan_cli.text.read``.

    >>> import pathlib, tempfile
    >>> from danvan_cli.text import read
    >>> path = pathlib.Path(tempfile.mkdtemp(), "kh.txt")
    >>> _ = path.write_bytes("KẾ HOẠCH\\nCông tác năm 2024".encode("utf-8"))
    >>> decoded = read(path)
    >>> decoded.encoding, decoded.form, decoded.text.splitlines()[0]
    ('utf-8', 'text', 'KẾ HOẠCH')
    """
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(limits.MAX_FILE_BYTES + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise DanvanInputError(N_("{name}: no such file").format(name=name))
        if p.is_dir():
            raise DanvanInputError(N_("{name}: is a directory (give files, or use a command that walks folders)").format(name=name))
        try:
            size = p.stat().st_size
            if size > limits.MAX_FILE_BYTES:
                raise _too_big(name, size)
            with p.open("rb") as fh:
                data = fh.read(limits.MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise DanvanInputError(N_("{name}: cannot be read ({reason})").format(name=name, reason=exc.strerror or exc)) from exc
    return decode_file(data, name, ocr)
