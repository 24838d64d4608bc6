"""Task tables that lost every mark: each cell a paragraph of its own, no ``|``, no gaps.

What a copy from a portal's page, a browser's "save as text" or a crawler gives for an
HTML table: the column titles one per line (``TT`` / ``Nội dung công việc`` / ``Đơn vị
chủ trì`` / ``Thời gian hoàn thành``), then each row's cells one per line, the row opened
by its number alone on a line (``1``, ``2``, ...; ``I``/``A`` for a group). An empty cell
leaves no line (or a blank one, which cannot be told from the blank between paragraphs),
so a row does not always have as many lines as the table has columns.

The rules, which keep running text out:
- the header opens with an item-number title alone on its line (``TT``, ``STT``,
  ``data/lexicon/tables.yaml`` ``column_id``) followed by short title lines, one of which
  names the content (``column_content``) and one who or when (``column_lead``,
  ``column_support``, ``column_time``);
- a row opens with a number alone on its line that follows the previous row's (``1``,
  ``2``, ``3``; ``1`` again after a group row ``I``/``A``); a bare number that does not
  follow (a quantity cell) is a cell;
- a row with one line per column maps them in order; a shorter or longer one is read
  from its end: a trailing time column takes a line that reads as a time, a trailing
  unit column a line that names a unit; the lines left at the front are the content;
- at least two rows, or it is no table.

The tables come out as ``blocks.Table`` (cells as spans of the text), the same record the
bar and pipe forms and the structured readers give, so the outline reads their rows as
it reads any task table's.
"""

from __future__ import annotations

from functools import cache

import regex

from ..refdata import alternation, pattern, words
from .blocks import Cell, Paragraph, Row, Table
from .units import UNIT_START

#: A cell that says when (``Quý II/2025``, ``Trước ngày 30/6``, ``Thường xuyên``, ``2025``): its
#: words, ``data/lexicon/tables.yaml`` ``time_cell_openers`` and ``time_cell_words``.
TIME_CELL = regex.compile(
    rf"(?i)^\W*(?:{alternation(words('tables', 'time_cell_openers'))})?\s*(?:{alternation(words('tables', 'time_cell_words'))})"
    r"|^\W*\d{1,2}/\d{1,2}/\d{4}\W*$|^\W*(?:19|20)\d{2}\W*$"
)
#: A line holding only a row's number.
_ROW_ID = regex.compile(r"[*_\s]*(?P<id>\d{1,3}|[IVX]{1,6}|[A-Z])[.)]?[*_\s]*$")
#: The item-number title is a word or two (``**Số TT**``): longer lines are turned away at once.
_MAX_ID_TITLE = 16
#: Titles are short; a longer line is running text.
_MAX_TITLE = 80
_MAX_TITLES = 9
#: A row holds at most this many lines per column (a cell of a few paragraphs).
_LINES_PER_COLUMN = 6
#: What ends a table for good: the next section, the recipients, an annex's heading.
_STOP = regex.compile(r"^(?:[IVX]{1,5}\.\s|\d{1,2}\.\s+\p{Lu}|[a-zđ]\)\s|Điều\s+\d|PHỤ\s+LỤC|Nơi\s+nhận)")
_MARKS = regex.compile(r"[*_]+")


def _opens_at(text: str, a: int, candidates: set[int]) -> bool:
    """Whether the line whose content starts at ``a`` is one the title scan found (its
    match starts at the line's start, before any blanks or marks)."""
    line_start = text.rfind("\n", 0, a) + 1
    return line_start in candidates


@cache
def _id_title_line() -> regex.Pattern[str]:
    """A line holding only an item-number title (``TT``, ``**STT**``): where such a table may open."""
    return regex.compile(r"(?m)^[ \t*_]*(?:" + alternation(words("tables", "column_id")) + r")[ \t*_]*$")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-empty lines of ``text[start:end]`` as the spans of their stripped content."""
    out = []
    append = out.append
    pos = start
    for raw in text[start:end].split("\n"):
        n = len(raw)
        if n and not raw.isspace():
            lead = n - len(raw.lstrip())
            append((pos + lead, pos + len(raw.rstrip())))
        pos += n + 1
    return out


def _clean(text: str, span: tuple[int, int]) -> str:
    return " ".join(_MARKS.sub(" ", text[span[0] : span[1]]).split())


def column_kind(name: str, strong_lead: bool = False) -> str:
    """What a column holds, from its title (``data/lexicon/tables.yaml``); ``strong_lead``: a
    column of the table says chủ trì, so a bare ``Đơn vị`` is no lead. One rule for every form
    (the outline reads the marked tables' titles with it too)."""
    if pattern("tables", "column_id").fullmatch(name):
        return "id"
    if pattern("tables", "column_measure").match(name) and not pattern("tables", "column_lead").search(name):
        return "other"
    if pattern("tables", "column_time").search(name):
        return "time"
    if pattern("tables", "column_support").search(name):
        return "support"
    if pattern("tables", "column_content").match(name):
        return "content"
    if pattern("tables", "column_lead").search(name):
        return "lead"
    if not strong_lead and pattern("tables", "column_lead_weak").match(name):
        return "lead"
    if pattern("tables", "column_content").search(name):
        return "content"
    return "other"


def _follows(ident: str, previous: str | None) -> bool:
    """Whether row number ``ident`` may open the row after ``previous``."""
    if ident.isdigit():
        if previous is None or not previous.isdigit():
            return ident == "1"
        return int(ident) == int(previous) + 1
    return True  # a group row (I, II, A, B): the numbering starts again under it


def loose_tables(text: str, start: int = 0, end: int | None = None) -> list[Table]:
    """The task tables of ``text[start:end]`` written a cell per line with no marks."""
    end = len(text) if end is None else end
    opens = [m.start() for m in _id_title_line().finditer(text, start, end)]
    if not opens:
        return []  # no line holds only "TT"/"STT": no such table (most texts, at one scan)
    lines = _lines(text, opens[0], end)
    candidates = set(opens)
    out: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        a, b = lines[i]
        if (b - a > _MAX_ID_TITLE or not _opens_at(text, a, candidates) or "|" in text[a:b]
                or column_kind(_clean(text, lines[i])) != "id"):
            i += 1
            continue
        j = i + 1
        while (j < n and j - i < _MAX_TITLES and lines[j][1] - lines[j][0] <= _MAX_TITLE
               and _ROW_ID.match(text, lines[j][0], lines[j][1]) is None):
            j += 1
        titles = [_clean(text, s) for s in lines[i + 1 : j]]
        strong = any(pattern("tables", "column_lead").search(t) for t in titles)
        kinds = ["id"] + [column_kind(t, strong) for t in titles]
        if "content" not in kinds or not {"lead", "support", "time"} & set(kinds) or j >= n:
            i += 1
            continue
        table, after = _rows(text, lines, i, j, kinds)
        if table is None:
            i += 1
            continue
        out.append(table)
        i = after
    return out


def _rows(text: str, lines: list[tuple[int, int]], head: int, first: int, kinds: list[str]) -> tuple[Table | None, int]:
    """The rows from line ``first`` on, under the titles ``lines[head:first]``."""
    width = len(kinds)
    rows = [Row(tuple(Cell(a, b, (Paragraph(a, b),), col=k) for k, (a, b) in enumerate(lines[head:first])))]
    previous: str | None = None
    k, n = first, len(lines)
    while k < n:
        m = _ROW_ID.match(text, lines[k][0], lines[k][1])
        if m is None or not _follows(m.group("id"), previous):
            break
        q = k + 1
        limit = min(n, k + 1 + width * _LINES_PER_COLUMN)
        while q < limit:
            nxt = _ROW_ID.match(text, lines[q][0], lines[q][1])
            if nxt is not None and _follows(nxt.group("id"), m.group("id")):
                break
            if _STOP.match(_clean(text, lines[q])):
                break
            q += 1
        body = lines[k + 1 : q]
        if not body:
            break
        rows.append(_row(text, lines[k], body, kinds))
        previous = m.group("id")
        k = q
    if len(rows) < 3:
        return None, head + 1
    cells = [c for r in rows for c in r.cells]
    return Table(cells[0].start, max(c.end for c in cells), tuple(rows)), k


def _fits(kind: str, line: str) -> bool:
    """Whether a line can be the cell of a column of this kind (time or unit columns)."""
    if kind == "time":
        return TIME_CELL.search(line) is not None
    if kind in ("lead", "support"):
        return UNIT_START.match(line) is not None
    return True


def _row(text: str, id_line: tuple[int, int], body: list[tuple[int, int]], kinds: list[str]) -> Row:
    """One row: its number's cell, then its lines mapped to the columns (see module doc)."""
    cols = list(range(1, len(kinds)))
    content = kinds.index("content")
    lines = [_clean(text, s) for s in body]
    assigned: dict[int, list[tuple[int, int]]] = {}
    if len(body) == len(cols) and all(_fits(kinds[c], ln) for c, ln in zip(cols, lines)):
        assigned = {c: [s] for c, s in zip(cols, body)}
    else:
        rest = list(body)
        after = [c for c in cols if c > content]
        # a time column at the end takes the last line when it reads as a time
        if after and kinds[after[-1]] == "time" and len(rest) > 1 and _fits("time", _clean(text, rest[-1])):
            assigned[after[-1]] = [rest.pop()]
        # the unit columns take the unit lines before it, the lead first (an empty cell leaves no line)
        unit_cols = [c for c in after if kinds[c] in ("lead", "support")]
        units: list[tuple[int, int]] = []
        while rest[1:] and len(units) < len(unit_cols) and _fits("lead", _clean(text, rest[-1])):
            units.insert(0, rest.pop())
        for c, span in zip(unit_cols, units):
            assigned[c] = [span]
        for c in cols:  # columns before the content take one line each; the content the rest
            if c >= content or len(rest) <= 1:
                break
            assigned[c] = [rest.pop(0)]
        assigned[content] = rest
    cells = [Cell(id_line[0], id_line[1], (Paragraph(*id_line),), col=0)]
    for c in sorted(assigned):
        spans = assigned[c]
        cells.append(Cell(spans[0][0], spans[-1][1], tuple(Paragraph(a, b) for a, b in spans), col=c))
    return Row(tuple(cells))
