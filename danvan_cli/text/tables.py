"""Tables recovered from the forms text takes when a table is flattened into it.

Two forms are read here; both give the ``blocks.Table`` a structured reader gives, so the
stages after the layout never ask where a table came from:

- **bar form** — what web-text extractors (trafilatura and the like) write for an HTML
  table and what ``blocks.TextBuilder`` writes: each cell's lines followed by a line
  holding only ``|``, a row opened by a line holding only ``|``. Between two rows the
  closing bar of one row's last cell and the opening bar of the next stand together, so
  a row break is an *empty segment* between two bars — but an empty cell is one too. The
  width of the table is therefore read from its first row (the column titles: the first
  empty segment closes it) and every later row must take exactly that many segments after
  its opening gap; where that fails the table has ended and the text goes on outside.
  A chain of segments with no empty one is a table of one row (a header, a signature).
  A cell is short: a segment of more than ``MAX_CELL_LINES`` lines is running text, and a
  bar next to it opens or closes a table.
- **pipe form** — Markdown rows, one per line (``| TT | Nội dung | Chủ trì |``), with or
  without the separator row (``|---|---|``); a header laid out as a pipe row
  (``ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |``) is a table of one row.

Functions take the text and a window ``[start, end)``: the layout asks for the tables of
one zone at a time (header, body, signature), which is what keeps a short body between
the header table and the signature table from being read as one more cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Cell, Paragraph, Row, Table

#: A segment longer than this (in non-empty lines) is running text, never one cell.
MAX_CELL_LINES = 60


@dataclass(frozen=True, slots=True)
class _Seg:
    """The content lines between two bar lines: their spans (non-empty lines only)."""

    lines: tuple[tuple[int, int], ...]

    @property
    def empty(self) -> bool:
        return not self.lines

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][1]


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each line of ``text[start:end]`` as the span of its stripped content (empty lines give
    an empty span at their start)."""
    out = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        a, b = pos, stop
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        out.append((a, b))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _is_bar(text: str, a: int, b: int) -> bool:
    return b - a == 1 and text[a] == "|"


def _cell(seg: _Seg, col: int) -> Cell:
    if seg.empty:
        return Cell(0, 0, (), col=col)
    paras = tuple(Paragraph(a, b) for a, b in seg.lines)
    return Cell(seg.start, seg.end, paras, col=col)


def _row(segs: list[_Seg]) -> Row:
    return Row(tuple(_cell(s, i) for i, s in enumerate(segs)))


def _table(rows: list[Row], bars: list[int]) -> Table:
    starts = [c.start for r in rows for c in r.cells if c.end > c.start]
    ends = [c.end for r in rows for c in r.cells if c.end > c.start]
    a = min(starts + bars) if (starts or bars) else 0
    b = max(ends + [x + 1 for x in bars]) if (ends or bars) else 0
    fixed = tuple(Row(tuple(c if c.end > c.start else Cell(b, b, (), col=c.col) for c in r.cells)) for r in rows)
    return Table(a, b, fixed)


def bar_tables(text: str, start: int = 0, end: int | None = None, *, lead: bool = False) -> list[Table]:
    """The bar-form tables of ``text[start:end]``. ``lead``: the window opens inside a table
    whose opening bar was cut (a page saved without what stood above its header table), so
    the text before the first bar is a cell, not running text."""
    end = len(text) if end is None else end
    if "|" not in text[start:end]:
        return []
    # Segments with the bar after each: segs[i] is followed by bars[i] (the last has none).
    segs: list[_Seg] = []
    bars: list[int] = []
    cur: list[tuple[int, int]] = []
    for a, b in _line_spans(text, start, end):
        if _is_bar(text, a, b):
            segs.append(_Seg(tuple(cur)))
            bars.append(a)
            cur = []
        elif b > a:
            cur.append((a, b))
    segs.append(_Seg(tuple(cur)))
    if not bars:
        return []

    def short(s: _Seg) -> bool:
        return len(s.lines) <= MAX_CELL_LINES

    tables: list[Table] = []
    i = 0
    # The first segment precedes every bar: a cell only when the window opens inside a table.
    if not (lead and not segs[0].empty and short(segs[0])):
        i = 1
    n = len(segs)
    while i < n - 1:  # the last segment has no closing bar: never a cell
        if not short(segs[i]):
            i += 1
            continue
        # A chain: consecutive short segments, each closed by a bar.
        j = i
        while j < n - 1 and short(segs[j]):
            j += 1
        chain = segs[i:j]
        chain_bars = bars[i:j]
        consumed = _read_chain(chain, chain_bars, tables)
        i += max(consumed, 1)
    return tables


def _read_chain(chain: list[_Seg], chain_bars: list[int], out: list[Table]) -> int:
    """Read one table from the start of ``chain``; return how many segments it took.

    Leading empty segments (a row's opening gap) are skipped. The first row ends at the
    first empty segment, which gives the width N. Each later row, after its opening gap, is
    N segments when a gap follows them (empty cells are empty segments), else the segments
    up to the next gap when there are fewer than N (a row with merged cells: a group row
    ``I | Hoàn thiện thể chế``); anything else means the table has ended."""
    k = 0
    while k < len(chain) and chain[k].empty:
        k += 1
    if k >= len(chain):
        return len(chain)
    first_end = next((m for m in range(k, len(chain)) if chain[m].empty), len(chain))
    width = first_end - k
    rows = [_row(chain[k:first_end])]
    pos = first_end  # at a gap
    n = len(chain)
    while pos < n and chain[pos].empty:
        start = pos + 1
        if start >= n:
            break
        fixed_end = start + width
        if fixed_end <= n and (fixed_end == n or chain[fixed_end].empty) and any(not c.empty for c in chain[start:fixed_end]):
            rows.append(_row(chain[start:fixed_end]))
            pos = fixed_end
            continue
        nxt = next((m for m in range(start, min(n, start + width + 1)) if chain[m].empty), None)
        if nxt is None and start + width >= n:
            nxt = n if n - start <= width else None
        if nxt is not None and nxt > start and nxt - start <= width:
            rows.append(_row(chain[start:nxt]))
            pos = nxt
            continue
        if fixed_end < n and all(not c.empty for c in chain[start:fixed_end]):
            # the table's last row, full, with the text after the table closed by a bar
            # (the opening bar of the next table): the table ends after it
            rows.append(_row(chain[start:fixed_end]))
            pos = fixed_end
        break
    if sum(1 for r in rows for c in r.cells if c.paragraphs) >= 1 and (width >= 2 or len(rows) >= 2):
        used_bars = chain_bars[k:pos] if pos <= len(chain_bars) else chain_bars[k:]
        out.append(_table(rows, used_bars))
    return max(pos, first_end)


# --- pipe form ----------------------------------------------------------------------------


def _pipe_cells(text: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """The cells of a pipe row ``[a, b)``, trimmed; ``None`` when the line is not a row
    (no inner bar with text on both sides, or a bar form's lone ``|``)."""
    line = text[a:b]
    if line.count("|") < 1 or b - a < 3:
        return None
    bars = [a + i for i, ch in enumerate(line) if ch == "|"]
    edges = [a - 1, *bars, b]
    cells = []
    for x, y in zip(edges, edges[1:]):
        s, e = x + 1, y
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t":
            e -= 1
        cells.append((s, e))
    # Drop the empty edges outside the outer bars.
    if cells and cells[0][0] == cells[0][1] and line.lstrip().startswith("|"):
        cells = cells[1:]
    if cells and cells[-1][0] == cells[-1][1] and line.rstrip().endswith("|"):
        cells = cells[:-1]
    if len(cells) < 2 or sum(1 for s, e in cells if e > s) < 1:
        return None
    return cells


def _is_separator_row(text: str, a: int, b: int) -> bool:
    s = text[a:b]
    return "-" in s and "|" in s and not s.strip(" \t|:-")


def pipe_tables(text: str, start: int = 0, end: int | None = None) -> list[Table]:
    """Markdown pipe tables in ``text[start:end]``: runs of pipe rows (a separator row
    ``|---|`` is dropped). A single pipe row with two non-empty cells is a table of one row."""
    end = len(text) if end is None else end
    if "|" not in text[start:end]:
        return []
    out: list[Table] = []
    run: list[tuple[int, int, list[tuple[int, int]] | None]] = []

    def flush() -> None:
        rows = [Row(tuple(Cell(s, e, (Paragraph(s, e),) if e > s else (), col=k) for k, (s, e) in enumerate(cells)))
                for _a, _b, cells in run if cells is not None]
        if rows and (len(rows) >= 2 or sum(1 for c in rows[0].cells if c.end > c.start) >= 2):
            out.append(Table(run[0][0], run[-1][1], tuple(rows)))
        run.clear()

    for a, b in _line_spans(text, start, end):
        if b > a and _is_separator_row(text, a, b):
            if run:
                run.append((a, b, None))
            continue
        cells = _pipe_cells(text, a, b) if b > a else None
        if cells is None:
            if run:
                flush()
            continue
        run.append((a, b, cells))
    if run:
        flush()
    return out
