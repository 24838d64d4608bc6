"""Bytes decoded part by part: a stray invalid byte spoils one character, not the file.

Why not one encoding per file: real files are not that tidy. A UTF-8 text cut mid-character,
or with a byte damaged on its way, would otherwise be read whole as Windows-1258, every
Vietnamese letter garbled; a text whose header was typed in a Unicode editor and whose body
was pasted from an old Windows-1258 file holds both encodings, each right for its own lines.

So a file that is not strict UTF-8 but holds UTF-8 (``utf8_parts`` says when: its valid
multi-byte characters outnumber its invalid bytes, or spell Vietnamese syllables) is cut at its
lines; each line holding an invalid byte is read both as UTF-8 (the bad bytes as U+FFFD) and as
the other encoding, and the reading that gives more Vietnamese syllables wins (a tie goes the
way of the line before: encodings come in stretches). A file with no UTF-8 in it is left to the
caller's whole-file reading (Windows-1258, TCVN3, VNI: ``text/read.py``).

Why not a general detector: ``charset-normalizer`` was tried on Vietnamese. It names a
Windows-1258 document right, but reads a Windows-1252 page as Windows-1250, has no answer for a
TCVN3 file or for a UTF-8 file with one invalid byte or a header in another encoding, and
cannot know TCVN3 or VNI at all: the syllable count, which ``legacy.py`` already uses to
tell those apart, answers each of these.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...i18n import N_
from .legacy import syllable_shape

#: An invalid byte as ``surrogateescape`` shows it.
_BAD = re.compile("[\udc80-\udcff]")
#: A valid character past ASCII (not an invalid byte).
_WIDE = re.compile("[^\x00-\x7f\udc80-\udcff]")
#: A word, as the syllable count sees it.
_WORD = re.compile(r"\w+")
#: Words holding a character past ASCII looked at per line (the verdict needs a few; the
#: bound keeps a line of a million words cheap).
SAMPLE_WORDS = 40
#: Verdicts one reading remembers at most.
MEMO_WORDS = 50_000
#: Words past ASCII looked at to choose a whole page's one-byte code page.
PAGE_WORDS = 800
#: Valid multi-byte characters looked at, at most, for Vietnamese syllables around them.
SAMPLE_WIDE = 4000
#: Syllables spelt with valid multi-byte characters that make a file hold UTF-8.
SYLLABLES_ENOUGH = 3


@dataclass(slots=True)
class Part:
    """A stretch of whole lines read one way: ``text`` when read as UTF-8, else its ``raw``
    bytes for the caller's other encoding. ``line`` is its first line (from 1), ``lines`` how
    many it has."""

    utf8: bool
    line: int
    lines: int = 0
    text: str = ""
    raw: bytes = b""


def syllables(text: str, sample: int = SAMPLE_WORDS, memo: dict[str, bool] | None = None) -> int:
    """How many of the first ``sample`` words past ASCII in ``text`` are Vietnamese syllables.
    ``memo`` keeps verdicts across the calls of one reading (a text repeats its words); it is
    emptied when it reaches ``MEMO_WORDS``, so a file of junk words cannot grow it."""
    memo = {} if memo is None else memo
    n = seen = 0
    for m in _WORD.finditer(text):
        w = m.group()
        if w.isascii():
            continue
        verdict = memo.get(w)
        if verdict is None:
            if len(memo) >= MEMO_WORDS:
                memo.clear()
            verdict = memo[w] = syllable_shape(unicodedata.normalize("NFC", w))
        n += verdict
        seen += 1
        if seen >= sample:
            break
    return n


def _holds_utf8(data: bytes, escaped: str) -> bool:
    """Whether ``data`` (not strict UTF-8; ``escaped`` its ``surrogateescape`` reading) holds
    UTF-8: more valid multi-byte characters than invalid bytes, or Vietnamese syllables
    spelt with them (a header above a body in another encoding)."""
    valid = data.decode("utf-8", "ignore")
    invalid = len(escaped) - len(valid)
    wide = len(valid) - len(valid.encode("ascii", "ignore"))
    if wide > invalid:
        return True
    found, after = 0, 0
    for k, m in enumerate(_WIDE.finditer(escaped)):
        if k >= SAMPLE_WIDE:
            break
        if m.start() < after:
            continue  # in the word just looked at
        a, b = m.start(), m.end()
        while a > max(0, m.start() - 8) and escaped[a - 1].isalpha():
            a -= 1
        while b < min(len(escaped), m.end() + 8) and escaped[b].isalpha():
            b += 1
        after = b
        if syllable_shape(unicodedata.normalize("NFC", escaped[a:b])):
            found += 1
            if found >= SYLLABLES_ENOUGH:
                return True
    return False


@dataclass(slots=True)
class Split:
    """``data`` in parts, with the invalid bytes read as U+FFFD in its UTF-8 parts: how many,
    on how many lines, and the first of those lines (for the warning)."""

    parts: list[Part]
    invalid: int = 0
    invalid_lines: int = 0
    first_invalid: list[int] = field(default_factory=list)

    def other(self) -> bytes:
        """The bytes of every part not read as UTF-8, in order."""
        return b"".join(p.raw for p in self.parts if not p.utf8)


def holds_utf8(data: bytes) -> bool:
    """Whether ``data`` holds UTF-8 (all of it valid or not: see ``_holds_utf8``)."""
    escaped = data.decode("utf-8", "surrogateescape")
    return _holds_utf8(data, escaped)


class _Parts:
    """Parts built line by line, a stretch's pieces joined once (no quadratic re-copying)."""

    def __init__(self) -> None:
        self.split = Split([])
        self.utf8: bool | None = None
        self.line = 1
        self.start = 1
        self.pieces: list[str] = []
        self.chunks: list[bytes] = []

    def add(self, utf8: bool, lines: int, text: str = "", raw: bytes = b"", invalid: int = 0) -> None:
        if utf8 != self.utf8:
            self.close()
            self.utf8, self.start = utf8, self.line
        self.pieces.append(text)
        self.chunks.append(raw)
        if invalid:
            sp = self.split
            sp.invalid += invalid
            sp.invalid_lines += 1
            if len(sp.first_invalid) < 3:
                sp.first_invalid.append(self.line)
        self.line += lines

    def close(self) -> Split:
        if self.utf8 is not None:
            self.split.parts.append(Part(self.utf8, self.start, self.line - self.start, "".join(self.pieces),
                                         b"".join(self.chunks)))
        self.pieces, self.chunks, self.utf8 = [], [], None
        return self.split


def utf8_parts(data: bytes, other: str) -> Split | None:
    """``data`` (not strict UTF-8) cut into stretches of lines read as UTF-8 or not (``other``,
    the encoding a line is compared in: ``cp1258``, ``cp1252``); ``None`` when it holds no
    UTF-8 at all (the caller reads it whole in its other encoding). Time linear in ``data``."""
    escaped = data.decode("utf-8", "surrogateescape")
    if not _holds_utf8(data, escaped):
        return None
    parts = _Parts()
    memo: dict[str, bool] = {}
    state = True  # the reading of the line before: a tie goes its way
    pos = 0
    while pos < len(escaped):
        m = _BAD.search(escaped, pos)
        start = len(escaped) if m is None else max(pos, escaped.rfind("\n", pos, m.start()) + 1)
        if start > pos:  # whole lines of valid UTF-8
            if _WIDE.search(escaped, pos, start):
                state = True
            parts.add(True, escaped.count("\n", pos, start), escaped[pos:start])
        if m is None:
            break
        end = escaped.find("\n", m.end())
        end = len(escaped) if end < 0 else end + 1
        raw = escaped[start:end].encode("utf-8", "surrogateescape")
        as_utf8 = raw.decode("utf-8", "replace")
        mine = syllables(as_utf8, memo=memo)
        theirs = syllables(unicodedata.normalize("NFC", raw.decode(other, "replace")), memo=memo)
        if mine != theirs:
            state = mine > theirs
        if state:
            parts.add(True, 1, as_utf8, invalid=(end - start) - len(raw.decode("utf-8", "ignore")))
        else:
            parts.add(False, 1, raw=raw)
        pos = end
    return parts.close()


def single_byte(data: bytes) -> str:
    """The one-byte code page that reads ``data`` best: ``cp1258`` when Windows-1258 gives more
    Vietnamese syllables than Windows-1252 and no legacy font encoding (TCVN3, VNI: written
    in Windows-1252 characters, read back later) reads it better still; else ``cp1252``."""
    from .legacy import cp1252, detect

    as1252 = cp1252(data)
    as1258 = unicodedata.normalize("NFC", data.decode("cp1258", "replace"))
    if syllables(as1258, PAGE_WORDS) <= syllables(as1252, PAGE_WORDS):
        return "cp1252"
    return "cp1252" if detect(as1252, {"cp1258": as1258}) else "cp1258"


def invalid_note(split: Split) -> str:
    """The warning for the invalid bytes of ``split``'s UTF-8 parts (a template of the
    catalogue: ``i18n.localized`` shows it in the reader's language)."""
    more = "…" if split.invalid_lines > len(split.first_invalid) else ""
    return N_("bytes not valid UTF-8: {n} (line {lines}): each shown as U+FFFD, the rest read as UTF-8; "
              "check the characters there").format(n=split.invalid,
                                                   lines=", ".join(str(n) for n in split.first_invalid) + more)


def line_ranges(split: Split, utf8: bool, most: int = 3) -> str:
    """The lines of the ``utf8`` (or other) parts for a warning: ``3–40, 52``, at most
    ``most`` stretches, then ``…``."""
    chosen = [p for p in split.parts if p.utf8 == utf8]
    spans = [str(p.line) if p.lines <= 1 else f"{p.line}–{p.line + p.lines - 1}" for p in chosen[:most]]
    return ", ".join(spans) + ("…" if len(chosen) > most else "")


def mixed_note(split: Split, encoding: str) -> str:
    """The warning for the parts of ``split`` read in ``encoding``, not UTF-8."""
    return N_("lines {lines} are not UTF-8 like the rest: read as {encoding}; check the characters there").format(
        lines=line_ranges(split, False), encoding=encoding)


#: Bytes looked at to tell UTF-16 written without a byte-order mark.
UTF16_SAMPLE = 8192
#: Share of one parity's bytes that must be NUL (the high byte of ASCII letters, digits and
#: spaces, most of a Vietnamese text) while the other parity's are almost never NUL.
UTF16_NULS = 0.3


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` is UTF-16 written without a byte-order
    mark, else ``None``. Why not leave it as binary: a text exported by a database or a
    script as "Unicode" is UTF-16, and its NUL bytes stand in one parity only (every ASCII
    character's high byte), which no binary format and no other text encoding does; the
    sample must then decode as UTF-16 to characters that are not controls."""
    sample = data[:UTF16_SAMPLE - UTF16_SAMPLE % 2] if len(data) >= 2 else b""
    if len(sample) < 16 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= UTF16_NULS * half and even <= 0.01 * half:
        enc = "utf-16-le"
    elif even >= UTF16_NULS * half and odd <= 0.01 * half:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = sample.decode(enc)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
    return enc if controls <= 0.01 * len(text) else None
