"""What every structured reader hands to one writer: runs, paragraphs, cells, tables.

A reader (.docx, HTML, PDF) turns its file into these plain records and nothing else;
``write`` then does, once for all forms, what they share: a run in a legacy font
encoding (``.VnTime``, ``VNI-Times``; or, with no font named, a whole text whose
statistics say so) is read back to Unicode, a paragraph's line breaks become paragraphs
of their own (``blocks.py``: a paragraph is one line), bold/italic are decided for the
paragraph, and ``blocks.TextBuilder`` writes the text and the blocks with their spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...i18n import N_
from ...model import Warning
from ..blocks import Blocks, TextBuilder
from . import legacy


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


class FormatError(Exception):
    """A file a reader cannot read safely or at all; the message says why, without the
    file's name (``read.py`` adds it)."""


@dataclass(slots=True)
class Run:
    """A stretch of text with one formatting. ``font_encoding`` is the legacy encoding
    the run's font says (``("tcvn3", upper)``/``("vni", False)``), ``None`` for Unicode or
    unknown. ``\\n`` in ``text`` is a line break inside the paragraph."""

    text: str
    bold: bool = False
    italic: bool = False
    font_encoding: tuple[str, bool] | None = None


@dataclass(slots=True)
class Para:
    runs: list[Run] = field(default_factory=list)
    align: str | None = None

    @classmethod
    def of(cls, text: str, *, bold: bool = False, italic: bool = False, align: str | None = None) -> Para:
        return cls([Run(text, bold, italic)], align)


@dataclass(slots=True)
class RawCell:
    paras: list[Para] = field(default_factory=list)
    colspan: int = 1
    rowspan: int = 1
    #: The grid column when the file says it (a .docx grid); ``None``: placed as HTML places cells.
    col: int | None = None


@dataclass(slots=True)
class RawTable:
    rows: list[list[RawCell]] = field(default_factory=list)


RawItem = Para | RawTable


def _all_runs(items: list[RawItem]) -> list[Run]:
    out: list[Run] = []
    for it in items:
        if isinstance(it, Para):
            out.extend(it.runs)
        else:
            for row in it.rows:
                for cell in row:
                    for p in cell.paras:
                        out.extend(p.runs)
    return out


def convert_legacy(items: list[RawItem]) -> list[Warning]:
    """Read legacy-encoded runs back to Unicode in place: runs whose font says so, then,
    when the rest of the text's statistics say TCVN3 or VNI, the rest. One warning."""
    runs = _all_runs(items)
    converted: set[str] = set()
    for r in runs:
        if r.font_encoding is not None:
            enc, upper = r.font_encoding
            new = legacy.convert(r.text, enc, upper=upper)
            if new != r.text:
                converted.add(enc)
            r.text = new
    rest = [r for r in runs if r.font_encoding is None]
    enc = legacy.detect(" ".join(r.text for r in rest)) if rest else None
    if enc is not None:
        for r in rest:
            r.text = legacy.convert(r.text, enc)
        converted.add(enc)
    if not converted:
        return []
    names = " and ".join(legacy.NAMES[e] for e in sorted(converted))
    return [Warning("legacy-encoding", N_("text written in the legacy encoding {names}: converted to Unicode; check the letters").format(names=names))]


def _lines(p: Para) -> list[tuple[str, bool, bool, str | None]]:
    """A paragraph's lines (split at its line breaks) as ``(text, bold, italic, align)``:
    bold/italic when every run holding a letter or digit on that line is."""
    out: list[tuple[str, bool, bool, str | None]] = []
    cur: list[Run] = []

    def flush() -> None:
        text = "".join(r.text for r in cur)
        if text.strip():
            inked = [r for r in cur if any(c.isalnum() for c in r.text)]
            bold = bool(inked) and all(r.bold for r in inked)
            italic = bool(inked) and all(r.italic for r in inked)
            out.append((text, bold, italic, p.align))
        cur.clear()

    for r in p.runs:
        parts = r.text.split("\n")
        for i, part in enumerate(parts):
            if i:
                flush()
            if part:
                cur.append(Run(part, r.bold, r.italic))
    flush()
    return out


def write(items: list[RawItem], form: str) -> tuple[str, Blocks, list[Warning]]:
    """Write ``items`` into text and blocks (``blocks.py`` conventions); the warnings of
    the legacy-encoding step."""
    warnings = convert_legacy(items)
    tb = TextBuilder()
    for it in items:
        if isinstance(it, Para):
            for text, bold, italic, align in _lines(it):
                tb.paragraph(text, bold=bold, italic=italic, align=align)
        else:
            rows = []
            for row in it.rows:
                cells = []
                for c in row:
                    lines = [ln for p in c.paras for ln in _lines(p)]
                    cells.append((lines, c.colspan, c.rowspan, c.col))
                rows.append(cells)
            tb.table(rows)
    return tb.text(), Blocks(form, tb.items), warnings
