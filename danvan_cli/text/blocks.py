"""Blocks: the structure a reader saw in a file, as spans into the text it extracted.

A plain-text file carries no structure of its own: the layout stage
(``text/layout.py``) recovers paragraphs and tables from the text's form (table
cells between lines holding only ``|``, Markdown pipe rows, columns laid side by side
with tabs or runs of spaces). A structured file — .docx, Word's "Save as Web Page"
HTML, a portal's HTML, a PDF with a text layer — tells its paragraphs and table cells
outright, and its reader hands them over as blocks so that nothing has to be guessed
back from flattened text.

Conventions every reader keeps, so that the text it reports and the blocks agree:

- the extracted text is already normalized the way ``text.normalize.normalize_text``
  leaves text (``\\n`` line ends, no BOM, NFC): normalizing it again changes no length,
  so every span stays valid;
- a paragraph is one line (no hard wraps inside); paragraphs are separated by ``\\n``;
- a table is written the way web-text extractors write one: a line holding only ``|``
  opens each row, and each cell's paragraphs (one per line) are followed by a line
  holding only ``|``. A row ``[A, B]`` then ``[C, D]`` reads::

      |
      A
      |
      B
      |
      |
      C
      |
      D
      |

  so the same text read without its blocks gives the same table back;
- spans are half-open ``[start, end)`` and cover the content only (no ``|`` lines).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .formats import limits


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: a line of the extracted text. ``bold`` when all of its letters are
    bold (Word's and HTML's ``<b>``/``<strong>``; a heading or a body's name in a header);
    ``align`` as the file says (``left``, ``center``, ``right``, ``justify``) or ``None``."""

    start: int
    end: int
    bold: bool = False
    italic: bool = False
    align: str | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its paragraphs, its column in the row's grid (merged cells count
    their span), and how many columns/rows it covers."""

    start: int
    end: int
    paragraphs: tuple[Paragraph, ...] = ()
    col: int = 0
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    start: int
    end: int
    rows: tuple[Row, ...] = ()

    @property
    def columns(self) -> int:
        """The width of the grid: the widest row, merged cells counted by their span."""
        return max((c.col + c.colspan for r in self.rows for c in r.cells), default=0)


Block = Paragraph | Table


@dataclass(slots=True)
class Blocks:
    """The blocks of one file in reading order, and what the reader was (``docx``,
    ``html``, ``pdf``)."""

    form: str
    items: list[Block] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [b for b in self.items if isinstance(b, Table)]


class TextBuilder:
    """Writes paragraphs and tables into one text in the conventions above and returns
    the blocks with their spans: what every structured reader uses, so that they all
    write tables the same way."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.items: list[Block] = []

    def _line(self, s: str) -> tuple[int, int]:
        """Append one line (a newline first unless the text is empty); its span."""
        from .normalize import normalize_text

        s = " ".join(normalize_text(s).split())
        if self._parts:
            self._parts.append("\n")
            self._len += 1
        start = self._len
        self._parts.append(s)
        self._len += len(s)
        return start, self._len

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False, align: str | None = None) -> Paragraph | None:
        """Add a paragraph; an empty one (blank text) adds nothing and gives ``None``."""
        if not text.strip():
            return None
        s, e = self._line(text)
        p = Paragraph(s, e, bold=bold, italic=italic, align=align)
        self.items.append(p)
        return p

    def table(self, rows: list[list[tuple]]) -> Table | None:
        """Add a table. ``rows``: for each row, its cells as ``(paragraphs, colspan,
        rowspan)`` or ``(paragraphs, colspan, rowspan, col)`` with each paragraph
        ``(text, bold, italic, align)``. A row lists only the cells that start in it
        (a cell under a rowspan from above is not repeated); a cell without ``col`` is
        placed in the first grid column not covered by a rowspan from above, as HTML
        places cells, and ``col`` (what a .docx grid says) places it outright. A table
        with no text at all adds nothing."""
        if not any(p[0].strip() for row in rows for cell in row for p in cell[0]):
            return None
        out_rows: list[Row] = []
        t_start: int | None = None
        # grid column -> (the row it is covered until, exclusive; the column after the cell
        # covering it): placing a cell jumps over a covering cell whole, and nothing is
        # rebuilt row by row, so a table costs its cells and spans, not rows × columns.
        covered: dict[int, tuple[int, int]] = {}
        widest = limits.MAX_TABLE_COLUMNS
        merged = 0  # grid cells covered by merges from above, over the table
        for r, row in enumerate(rows):
            self._line("|")
            if t_start is None:
                t_start = self._len - 1
            cells: list[Cell] = []
            col = 0
            for cell in row:
                paras = cell[0]
                if len(cell) > 3 and cell[3] is not None:
                    col = min(max(0, cell[3]), widest - 1)
                else:
                    while (cover := covered.get(col)) is not None and cover[0] > r:
                        col = cover[1]
                # spans as declared, within the grid's limit and the rows the table has
                colspan = min(max(1, cell[1]), max(1, widest - col))
                rowspan = min(max(1, cell[2]), len(rows) - r)
                if merged + (rowspan - 1) * colspan > limits.MAX_TABLE_MERGED_CELLS:
                    rowspan = 1  # past the table's budget of merges: the cell stands in its own row
                merged += (rowspan - 1) * colspan
                ps: list[Paragraph] = []
                for text, bold, italic, align in paras:
                    if text.strip():
                        s, e = self._line(text)
                        ps.append(Paragraph(s, e, bold=bold, italic=italic, align=align))
                self._line("|")
                c_start = ps[0].start if ps else self._len - 1
                c_end = ps[-1].end if ps else self._len - 1
                cells.append(Cell(c_start, c_end, tuple(ps), col=col, colspan=colspan, rowspan=rowspan))
                if rowspan > 1:
                    for c in range(col, col + colspan):
                        if covered.get(c, (0, 0))[0] < r + rowspan:
                            covered[c] = (r + rowspan, col + colspan)
                col += colspan
            out_rows.append(Row(tuple(cells)))
        t = Table(t_start or 0, self._len, tuple(out_rows))
        self.items.append(t)
        return t

    def text(self) -> str:
        return "".join(self._parts)
