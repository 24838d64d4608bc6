"""Read a file (or standard input) into normalized text, choosing the encoding.

Order of trust: a byte-order mark; then strict UTF-8; then UTF-16 without BOM when
the byte pattern says so; then the Vietnamese Windows code page (cp1258) as a
fallback, which always decodes and is therefore reported as a warning.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Warning
from .blocks import Blocks
from .normalize import normalize_text


#: File endings read when a folder is walked (a file named explicitly is always tried).
#: Text forms and the structured forms the readers of ``text/formats/`` take.
READABLE_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".text", ".htm", ".html", ".docx", ".pdf"})


class DanvanInputError(Exception):
    """A file danvan cannot read as a text. The message names the file and the problem."""


@dataclass(slots=True)
class Decoded:
    """What a reader gives the parser: the text (normalized), how it was decoded, and,
    for a structured file (.docx, HTML, PDF), the paragraphs and tables it saw."""

    text: str
    encoding: str
    warnings: list[Warning] = field(default_factory=list)
    blocks: Blocks | None = None

    @property
    def form(self) -> str:
        """``text`` for a text file, else the reader's form (``docx``, ``html``, ``pdf``)."""
        return self.blocks.form if self.blocks is not None else "text"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    return control / len(sample) > 0.05


def decode_bytes(data: bytes, name: str = "-") -> Decoded:
    """Decode ``data`` into normalized text; raise ``DanvanInputError`` for binary input."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(normalize_text(data[3:].decode("utf-8", errors="replace")), "utf-8-sig")
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(normalize_text(data[len(bom):].decode(enc)), enc)
            except UnicodeDecodeError as exc:
                raise DanvanInputError(f"{name}: not valid {enc} despite its byte-order mark ({exc.reason})") from exc
    if _looks_binary(data):
        raise DanvanInputError(f"{name}: not a text file (binary content)")
    try:
        return Decoded(normalize_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1258", errors="replace")
    return Decoded(
        normalize_text(text),
        "cp1258",
        [Warning("decoding-fallback", "text is not UTF-8: decoded as Windows-1258 (Vietnamese); check the characters")],
    )


def read_source(path: str | Path) -> Decoded:
    """Read ``path`` (``-`` for standard input) and decode it."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if not p.exists():
            raise DanvanInputError(f"{name}: no such file")
        if p.is_dir():
            raise DanvanInputError(f"{name}: is a directory (give files, or use a command that walks folders)")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise DanvanInputError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    return decode_bytes(data, name)
