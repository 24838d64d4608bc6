"""Timetables laid out as columns: each row's time is a deadline of that row's step and unit.

A plan's schedule is a table (TT | Nội dung | Đơn vị thực hiện | Thời gian). When it reaches
danvan as plain text — ``pdftotext -layout``, a Word table pasted as text — its columns stand
side by side, set apart by runs of blanks (a cell's words wrapping onto the lines below within their
column) or, pasted from Word, by tabs (one row a line, the cells not aligned: read by
their order):

    TT   Nội dung công việc                  Đơn vị thực hiện       Thời gian
    1    Đăng ký danh sách giáo viên dự      Phòng GDĐT các huyện   Trước ngày 15/3/2024
         thi gửi về Sở GDĐT

The column titles are read with the tables' own words (``text.loose_tables.column_kind``);
each line's pieces (runs of words with single blanks) go to the column their start falls in
(the boundary between two columns is halfway between their titles, which Word may centre),
and must end before the next column's title starts; a row opens where the
number column holds a number (or, with no number column, on each line that has a time); the
table ends at a line that crosses a column boundary (a heading, running text), at ``Nơi
nhận``, or after two blank lines. Cells that wrap are joined as words (the step and the units
are text, not spans); the time is read from the pieces of the time column, each a span.

Linear: each line is split once; a line is looked at by at most one table.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..text.loose_tables import column_kind

#: Pieces of a line: words joined by single blanks, set apart by two blanks or more, or a tab.
_PIECE = regex.compile(r"[^ \t\n]++(?: [^ \t\n]++)*+")
#: How many pieces a title line has at least (number, step, unit, time: three will do).
_MIN_COLUMNS = 3
#: A title is short; a longer piece is running text.
_MAX_TITLE = 40
#: A piece may start this many columns left of its column's boundary (centred titles).
_SLACK = 2
#: Blank lines a table may hold between rows.
_MAX_BLANKS = 2
_ROW_NUMBER = regex.compile(r"(?:\d{1,3}|[IVX]{1,5}|[a-zđ])[.)]?")
_TAIL = regex.compile(r"(?i)^\s*(?:nơi\s+nhận|kính\s+gửi)")
#: A heading of the text after the table: an outline label and its words (``III. TỔ CHỨC``).
_HEADING = regex.compile(r"(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3})[.)] \S|[a-zđ]\) \S")


@dataclass(frozen=True, slots=True)
class TimetableRow:
    """One row of a timetable: its lines' span, the spans of its time column's pieces, and
    the words of its step (content) and of its unit cells (lead, then support)."""

    start: int
    end: int
    times: tuple[tuple[int, int], ...]
    step: str
    units: tuple[str, ...]


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    pieces: list[tuple[int, int, int]]  # (visual column, start, end)
    fields: list[int]  # each piece's field: how many tabs stand before it on the line


def _split(view: str, a: int, b: int) -> _Line:
    pieces = []
    fields = []
    col = tabs = 0
    last = a
    for m in _PIECE.finditer(view, a, b):
        # visual column, counted from the last piece on (each character read once)
        for ch in view[last : m.start()]:
            if ch == "\t":
                tabs += 1
                col = (col // 8 + 1) * 8
            else:
                col += 1
        pieces.append((col, m.start(), m.end()))
        fields.append(tabs)
        col += m.end() - m.start()
        last = m.end()
    return _Line(a, b, pieces, fields)


def _title_kinds(view: str, line: _Line) -> list[str] | None:
    """The column kinds of a title line, or ``None`` when it is none: short pieces, a time
    column and a step (content) column among them."""
    if len(line.pieces) < _MIN_COLUMNS or "|" in view[line.start : line.end]:
        return None  # a pipe table is read as one (outline.find_table_rows)
    names = [view[s:e] for _c, s, e in line.pieces]
    if any(len(n) > _MAX_TITLE for n in names):
        return None
    kinds = [column_kind(n) for n in names]
    if kinds.count("time") != 1 or "content" not in kinds:
        return None
    return kinds


def timetable_rows(view: str, lo: int, hi: int) -> list[TimetableRow]:
    """Every row of the column-laid timetables in ``view[lo:hi]``, in order."""
    lines: list[_Line] = []
    pos = lo
    while pos < hi:
        nl = view.find("\n", pos, hi)
        end = hi if nl < 0 else nl
        lines.append(_split(view, pos, end))
        pos = end + 1
    out: list[TimetableRow] = []
    i = 0
    while i < len(lines):
        kinds = _title_kinds(view, lines[i])
        if kinds is None:
            i += 1
            continue
        i = _read_table(view, lines, i, kinds, out)
    return out


def _read_table(view: str, lines: list[_Line], head: int, kinds: list[str], out: list[TimetableRow]) -> int:
    """Read the rows under the title line ``lines[head]``; return the index after the table."""
    title = lines[head]
    starts = [c for c, _s, _e in title.pieces]
    ends = [c + (e - s) for c, s, e in title.pieces]
    bounds = [(ends[j] + starts[j + 1]) // 2 for j in range(len(starts) - 1)]
    has_id = kinds[0] == "id"
    # Word's table pasted as text: one row a line, its cells set apart by tabs (not aligned)
    tabbed = "\t" in view[title.start : title.end]
    rows: list[dict[str, list[tuple[int, int]]]] = []
    row_span: list[list[int]] = []
    blanks = 0
    i = head + 1
    while i < len(lines):
        ln = lines[i]
        if not ln.pieces:
            blanks += 1
            if blanks > _MAX_BLANKS:
                break
            i += 1
            continue
        if _TAIL.match(view, ln.start, ln.end):
            break
        first = ln.pieces[0]
        if (not has_id or first[0] + _SLACK >= bounds[0]) and _HEADING.match(view, first[1], first[2]):
            break  # "III. TỔ CHỨC THỰC HIỆN" outside the number column: the text goes on
        cells: dict[int, list[tuple[int, int]]] = {}
        crosses = tabbed and (not ln.fields or ln.fields[-1] == 0 or ln.fields[-1] >= len(kinds))
        for (col, s, e), field in zip(ln.pieces, ln.fields, strict=True):
            if crosses:
                break
            j = field if tabbed else sum(1 for b in bounds if col + _SLACK >= b)
            if not tabbed and j + 1 < len(starts) and col + (e - s) > starts[j + 1] + _SLACK:
                crosses = True  # the piece runs over into the next column: no cell of this table
                break
            cells.setdefault(j, []).append((s, e))
        if crosses:
            break
        blanks = 0
        opens = False
        if has_id and 0 in cells:
            opens = _ROW_NUMBER.fullmatch(view[cells[0][0][0] : cells[0][0][1]]) is not None
        elif not has_id:
            opens = kinds.index("time") in cells and any(kinds[j] == "content" for j in cells)
        if opens or not rows:
            rows.append({})
            row_span.append([ln.start, ln.end])
        for j, pieces in cells.items():
            rows[-1].setdefault(kinds[j], []).extend(pieces)
        row_span[-1][1] = ln.end
        i += 1
    for cells_by_kind, (a, b) in zip(rows, row_span, strict=True):
        times = tuple(cells_by_kind.get("time", ()))
        if not times:
            continue
        step = " ".join(view[s:e] for s, e in cells_by_kind.get("content", []))
        units = tuple(" ".join(view[s:e] for s, e in cells_by_kind[k]) for k in ("lead", "support") if k in cells_by_kind)
        out.append(TimetableRow(a, b, times, step, units))
    return i
