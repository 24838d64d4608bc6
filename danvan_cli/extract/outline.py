"""The numbered outline of a directive, and which of its items are tasks.

Vietnamese administrative texts number their structure in a fixed order of ranks
(Nghị định 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW): ``Phần``/``Chương`` and Roman
sections (``I.``), ``Điều N.``, Arabic items (``1.``) and their nested forms
(``1.1.``, ``1.1.1``, ``3.2`` without its final dot), points with the Vietnamese
alphabet and a parenthesis (``a)`` ... ``đ)`` ... ``g)``: no f, j, w, z), then
``-`` and ``+`` bullets. Bold marks may or may not be there: everything is read on
the matching view, where they are blanked.

The tree is built with a stack of ranks, not by checking that numbers follow
each other: a repeated ``3.2.`` or a skipped ``4`` becomes one more sibling and
cannot derail what comes after it (its path gets a suffix, ``II.3.2#2``: paths are
unique within a document). A list that restarts at ``1.`` right after an item
ending with ``:`` (``5. Khẩu hiệu tuyên truyền:``) is that item's own list. The rows
of a Markdown task table (``| STT | Nội dung | Đơn vị chủ trì | Thời gian |``) are
items too, their units read from the columns.

Tasks are the items of the operative sections (NHIỆM VỤ, NỘI DUNG, GIẢI PHÁP,
TỔ CHỨC THỰC HIỆN, ...) or, in a text without sections (a Chỉ thị), its numbered
body. A list that only enumerates documents or slogans is not a task list. The
whole outline, MỤC ĐÍCH sections and enumerations included, is ``extract_outline``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from contextvars import ContextVar
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

import regex

from ..model import Span, Task
from ..refdata import alternation, pattern, words
from ..text.blocks import Row
from ..text.labels import RANK_ARABIC, RANK_DIEU, RANK_LETTER, RANK_ROMAN, Label, read_label
from ..text.loose_tables import TIME_CELL, column_kind

if TYPE_CHECKING:  # pragma: no cover
    from ..text.blocks import Table
    from ..text.layout import Layout
from . import assignees as asg
from . import wrap


#: A closing paragraph after the last item ends the outline (its openers: data/lexicon/sections.yaml).
_CLOSING = regex.compile(
    rf"(?:{alternation(words('sections', 'closing_openers'))}|"
    rf"(?:Nhận\s+được\s+)?(?:{alternation(words('sections', 'closing_types'))})\s+này(?!\p{{L}})|"
    rf"(?:{alternation(words('sections', 'closing_heads'))})[^.\n]{{0,200}}?"
    rf"(?<!\p{{L}})(?:{alternation(words('sections', 'closing_verbs'))}))"
)
_NON_TASK_SECTION = regex.compile(rf"(?i)^(?:{alternation(words('sections', 'non_task_sections'))})")
_TASK_SECTION = regex.compile(rf"(?i){alternation(words('sections', 'task_sections'))}")
#: An item that announces a list of slogans or documents: what follows is not a task list.
_ENUMERATION_HEAD = regex.compile(
    rf"(?i)^(?:(?:{alternation(words('sections', 'quantifiers'))})\s+)?(?:{alternation(words('sections', 'enumeration_heads'))})(?!\p{{L}})"
)
#: An item that is a document's name and number (an enumeration of documents, no task).
_DOC_ITEM = regex.compile(rf"^(?:{alternation(words('sections', 'document_items'))})\s+(?:số\s+)?[^\s]{{0,20}}\d")
_QUOTES = "\"“”'‘’«»"
_HEADING_MAX = 300
#: A line ending with ``:`` over its own points is a title when it is this short (or a unit).
_TITLE_WORDS = 8


# --- the tree ----------------------------------------------------------------------------


@dataclass(slots=True)
class Node:
    """An outline item while the tree is built: its label line and its own paragraphs."""

    label: Label
    start: int
    first: tuple[int, int]
    body: list[tuple[int, int]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    end: int = 0
    #: The Markdown table row this item is, if it is one.
    row: TableRow | None = None
    #: An item ending with ``:`` whose own list restarts at ``1.``/``a)`` at the item's own rank
    #: (``5. Khẩu hiệu tuyên truyền:`` / ``1. ...`` / ``2. ...``): that list is its children.
    holds_own_rank: bool = False
    #: Its heading and text once read (the outline and the task tree both read every node).
    heading_text: tuple[str, str | None, str] | None = None


@dataclass(slots=True)
class Outline:
    """The tree, the preamble before it (addressees live there) and where it ends."""

    roots: list[Node]
    preamble: tuple[int, int]
    end: int


#: The last view ``body_regions`` read and its regions: a parse asks for the same view's
#: regions several times (outline, tables, deadlines). Per thread (a context variable), as
#: is ``_registered``: a Dask worker parses files in several threads at once, and a layout
#: registered by one parse must not be replaced by another's while the first still reads.
_regions_cache: ContextVar[tuple[str | None, tuple[tuple[int, int], ...]]] = ContextVar(
    "danvan_body_regions", default=(None, ()))


@dataclass(frozen=True, slots=True)
class _Registered:
    """What ``use_layout`` took from the layout of one view: the rows of its task tables, the
    column titles of its tables read without marks (no items), and — when the layout cut
    lines out of longer ones (a flattened text) — its lines, where items open."""

    view: str | None = None
    rows: tuple[TableRow, ...] = ()
    titles: tuple[tuple[int, int], ...] = ()
    flat_starts: tuple[int, ...] | None = None
    flat_ends: tuple[int, ...] = ()


#: The last layout this thread registered (see ``_regions_cache``): without it per thread, a
#: parse whose registration another thread replaced read its tables and flattened lines from
#: its text alone (a .docx table's rows lost).
_registered: ContextVar[_Registered] = ContextVar("danvan_layout", default=_Registered())


def use_layout(layout: Layout) -> None:
    """Make ``body_regions``/``find_table_rows`` answer from the layout for its view: the
    regions the layout found (the document inside any site chrome, its body and attachments)
    and the rows of its task tables in every form (bar, pipe, a reader's real cells); in a
    flattened text, the lines the layout cut it into (its items open there)."""
    regions = layout.body_regions()
    _regions_cache.set((layout.view, tuple(regions)))
    lines = layout.lines
    cut = layout.has_cut_lines()
    _registered.set(_Registered(
        layout.view,
        tuple(rows_from_tables(layout.text, layout.tables, regions)),
        tuple(sorted(layout.loose_titles)),
        tuple(x.start for x in lines) if cut else None,
        tuple(x.end for x in lines) if cut else (),
    ))


def body_regions(view: str) -> list[tuple[int, int]]:
    """The parts of a text that hold its body: before ``Nơi nhận:``, and each attached text
    after the signature up to its own ``Nơi nhận:`` (or the end). The layout's, when
    ``use_layout`` registered one for this view."""
    cached_view, cached = _regions_cache.get()
    if cached_view is view:
        return list(cached)
    regions = _body_regions(view)
    _regions_cache.set((view, tuple(regions)))
    return regions


def _body_regions(view: str) -> list[tuple[int, int]]:
    """No layout registered for this view (a caller reading a view alone): build one; the
    layout holds the one rule for where a body ends and where an attachment starts."""
    from ..text.layout import build_layout

    return build_layout(view, view).body_regions()


def flat_line_starts(view: str) -> tuple[int, ...] | None:
    """Where the layout's lines start when ``view`` is the flattened text ``use_layout``
    registered last; ``None`` for any other view (its lines are its line breaks')."""
    reg = _registered.get()
    return reg.flat_starts if reg.view is view else None


def _lines(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of ``view[start:end]`` as ``(start, end)`` (no line for a final line break);
    in a flattened text the layout registered, the layout's lines there."""
    reg = _registered.get()
    starts, ends = reg.flat_starts, reg.flat_ends
    if reg.view is view and starts is not None:
        k = bisect_right(ends, start)
        out_flat = []
        while k < len(starts) and starts[k] < end:
            out_flat.append((max(starts[k], start), min(ends[k], end)))
            k += 1
        return out_flat
    pieces = view[start:end].split("\n")
    if pieces[-1] == "":
        pieces.pop()
    out = []
    pos = start
    for piece in pieces:
        stop = pos + len(piece)
        out.append((pos, stop))
        pos = stop + 1
    return out


# --- Markdown tables -------------------------------------------------------------------------
#
# A plan often lists its tasks as a table: ``| STT | Nội dung | Đơn vị chủ trì | Thời gian |``.
# Each data row is one item; its columns say what (``Nội dung``, ``Nhiệm vụ``), who leads
# (``Đơn vị chủ trì``, ``Đơn vị thực hiện``), who supports (``Đơn vị phối hợp``) and by when
# (``Thời gian``, ``Thời hạn``, ``Tiến độ``). The pipes are blanked in the matching view, so
# tables are read on the text itself; the separator row (``|---|---|``) is never an item.

_ROW_ID = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[IVX]{1,6}|[a-zđ])\.?$")


@dataclass(slots=True)
class Cell:
    """One cell of a table row: ``[start, end)`` in the text, and what its column holds."""

    start: int
    end: int
    kind: str


@dataclass(slots=True)
class TableRow:
    """A data row of a Markdown table (the line, its cells, its ordinal in the table)."""

    start: int
    end: int
    cells: list[Cell]
    ordinal: int
    #: a group row (``I``, ``II`` in bold): the rows after it are its items
    group: bool = False
    #: a row of a table that lists procedures, projects or units, not tasks (``_column_kinds``)
    listing: bool = False

    def cell(self, kind: str) -> Cell | None:
        return next((c for c in self.cells if c.kind == kind), None)


def _is_pipe_line(text: str, ls: int, le: int) -> bool:
    line = text[ls:le].strip()
    return len(line) > 1 and line[0] == "|"


def _is_separator(text: str, ls: int, le: int) -> bool:
    line = text[ls:le].strip()
    return "-" in line and "|" in line and not line.strip(" \t|:-")


def _cells(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """The cells of a pipe line, each trimmed of spaces; the empty edges outside the pipes dropped."""
    bars = [i for i in range(ls, le) if text[i] == "|"]
    if not bars:
        return []
    edges = [ls, *bars, le] if text[ls:bars[0]].strip() else [*bars, le]
    if not text[bars[-1] + 1 : le].strip():
        edges = edges[:-1]
    out = []
    for a, b in pairwise(edges):
        a = a + 1 if text[a : a + 1] == "|" else a
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        out.append((a, b))
    return out


_SIGN_HERE = regex.compile(r"(?i)\(\s*ký|ký\s+tên|đóng\s+dấu")


def _column_kinds(text: str, header: list[tuple[int, int]]) -> list[str]:
    names = [" ".join(_clean_marks(text[a:b]).split()) for a, b in header]
    strong = any(pattern("tables", "column_lead").search(n) for n in names)
    kinds = []
    for name in names:
        kind = column_kind(name, strong)
        if kind in kinds and kind != "other":
            kind = "other"  # one column per role: the first one named so
        kinds.append(kind)
    roles = set(kinds) & {"lead", "support", "time"}
    if len(names) < 3 or not roles:
        return []  # not a task table (a header laid out as a table, a signature block of two, a list of names)
    if any(_SIGN_HERE.search(n) for n in names):
        return []  # "THƯ KÝ HỘI NGHỊ (ký tên) | CHỦ TRÌ HỘI NGHỊ (ký tên, đóng dấu)": signatures of a form
    listing = any(pattern("tables", "column_not_tasks").search(n) for n in names)
    if "content" not in kinds:
        # no column says what is to be done and only one says who or when: a list of projects,
        # units or people; a table of procedures ("Mã TTHC | Tên TTHC | Cấp thực hiện") is never tasks
        listing = listing or len(roles) < 2
        kinds = [("content" if k == "other" and "content" not in kinds[:i] else k) for i, k in enumerate(kinds)]
    return [LISTING, *kinds] if listing else kinds


#: Put before a table's column kinds when the table lists things other than tasks: its rows
#: are read as rows (so their cells are no outline items) and left out of the task tree.
LISTING = "listing"


def _split_listing(kinds: list[str]) -> tuple[list[str], bool]:
    return (kinds[1:], True) if kinds[:1] == [LISTING] else (kinds, False)


def _clean_marks(s: str) -> str:
    return s.replace("*", " ").replace("_", " ")


def table_rows(text: str, lines: list[tuple[int, int]]) -> dict[int, TableRow | None]:
    """The table lines among ``lines`` (by line start): a data row, or ``None`` for a header or
    separator row. A run of pipe lines is a table only when its second line is a separator."""
    out: dict[int, TableRow | None] = {}
    if "|" not in text:
        return out  # no pipe line, no table
    i, n = 0, len(lines)
    while i < n:
        ls, le = lines[i]
        if not (_is_pipe_line(text, ls, le) and i + 1 < n and _is_separator(text, *lines[i + 1])):
            i += 1
            continue
        kinds, listing = _split_listing(_column_kinds(text, _cells(text, ls, le)))
        if not kinds:
            i += 2
            while i < n and _is_pipe_line(text, *lines[i]):
                i += 1
            continue
        out[ls] = None
        out[lines[i + 1][0]] = None
        i += 2
        ordinal = 0
        while i < n and _is_pipe_line(text, *lines[i]):
            rs, re_ = lines[i]
            if _is_separator(text, rs, re_):
                out[rs] = None
            else:
                ordinal += 1
                cells = [Cell(a, b, kinds[k] if k < len(kinds) else "other")
                         for k, (a, b) in enumerate(_cells(text, rs, re_))]
                out[rs] = TableRow(rs, re_, cells, ordinal, listing=listing)
            i += 1
    return out


def rows_from_tables(text: str, tables: list[Table], regions: list[tuple[int, int]]) -> list[TableRow]:
    """The data rows of the task tables among ``tables`` (in ``regions``): a table whose first
    row names task columns (Nội dung, Chủ trì, Thời gian...); each later row one item, its
    cells typed by their column. A group row (``I``/``II``, or only its number and content
    filled while the table has more columns) is marked: its items follow under it."""
    out: list[TableRow] = []
    for t in tables:
        if len(t.rows) < 2 or not any(a <= t.start < b for a, b in regions):
            continue
        head = t.rows[0]
        kinds, listing = _split_listing(_column_kinds(text, [(c.start, c.end) for c in head.cells]))
        if not kinds:
            continue
        by_col: dict[int, str] = {}
        for c, k in zip(head.cells, kinds):
            for col in range(c.col, c.col + c.colspan):
                by_col[col] = k
        ordinal = 0
        time_col = next((col for col, k in by_col.items() if k == "time"), None)
        carried: dict[int, tuple[object, int]] = {}  # col -> (a cell spanning rows below it, rows left)
        for row in t.rows[1:]:
            # a cell merged over several rows (rowspan, as a reader sees it) belongs to each of them
            own_cols = {c.col for c in row.cells}
            inherited = [cell for col, (cell, left) in sorted(carried.items()) if col not in own_cols and left > 0]
            carried = {col: (cell, left - 1) for col, (cell, left) in carried.items() if left > 1 and col not in own_cols}
            for c in row.cells:
                if c.rowspan > 1:
                    carried[c.col] = (c, c.rowspan - 1)
            row = Row(tuple(sorted([*row.cells, *inherited], key=lambda c: c.col)))  # type: ignore[list-item]
            cols = [c.col for c in row.cells]
            if (time_col is not None and len(row.cells) >= 3 and cols[-1] < time_col and row.cells[-1].end > row.cells[-1].start
                    and TIME_CELL.search(text[row.cells[-1].start : row.cells[-1].end])):
                # a row short of a cell merged from the row above (its column lost in the text):
                # its last cell is the time its words say it is
                cols[-1] = time_col
            cells = [Cell(c.start, c.end, by_col.get(col, "other")) for c, col in zip(row.cells, cols) if c.end > c.start]
            if not cells:
                continue
            ordinal += 1
            filled = {c.kind for c in cells}
            idc = next((c for c in cells if c.kind == "id"), None)
            ident = text[idc.start : idc.end].strip(" .*") if idc else ""
            group = bool(regex.fullmatch(r"[IVX]{1,6}|[A-Z]", ident)) or (
                len(by_col) >= 3 and filled <= {"id", "content", "other"} and len(cells) <= 2 and ordinal > 0
                and text[cells[-1].start : cells[-1].end].lstrip().startswith("**")
            )
            out.append(TableRow(cells[0].start, cells[-1].end, cells, ordinal, group=group, listing=listing))
    out.sort(key=lambda r: r.start)
    return out


def find_table_rows(text: str, view: str) -> list[TableRow]:
    """Every data row of the task tables in the body of a text, in order (the layout's, when
    ``use_layout`` registered one for this view)."""
    reg = _registered.get()
    if reg.view is view:
        return list(reg.rows)
    if "|" not in text:
        return []
    lines = [line for a, b in body_regions(view) for line in _lines(view, a, b)]
    return [r for r in table_rows(text, lines).values() if r is not None]


def _row_label(text: str, row: TableRow, rank: float) -> Label:
    idc = row.cell("id")
    ident = text[idc.start : idc.end].strip(" .*") if idc else ""
    if not _ROW_ID.match(ident):
        ident = str(row.ordinal)
    content = row.cell("content")
    return Label(rank, ident, content.start if content else row.start)


# --- the tree ----------------------------------------------------------------------------------

_FIRST_IDS = frozenset({"1", "a"})
_LETTERS = "abcdđeghiklmnopqrstuvxy"


def _next_id(ident: str) -> str | None:
    """The label after ``ident`` in a plain list: ``2`` → ``3``, ``đ`` → ``e``; else ``None``."""
    if ident.isdigit():
        return str(int(ident) + 1)
    i = _LETTERS.find(ident)
    return _LETTERS[i + 1] if 0 <= i < len(_LETTERS) - 1 else None


def _ends_with_colon(view: str, node: Node) -> bool:
    return view[node.first[0] : node.first[1]].rstrip(" \t*_").endswith(":")


def build_outline(view: str, text: str | None = None) -> Outline:
    """Read the labelled lines of ``view`` into a tree of ranks (see module doc). With ``text``
    (pipes intact), the rows of Markdown tables are items too."""
    regions = body_regions(view)
    end = regions[-1][1] if regions else 0
    lines = [line for a, b in regions for line in _lines(view, a, b)]
    table_rows_found = find_table_rows(text, view) if text is not None else []
    row_starts = [r.start for r in table_rows_found]
    rows: list[tuple[int, int, int, Label | None, TableRow | None]] = []
    started = False
    covered_until = -1
    n_rows = len(row_starts)
    for ls, le in lines:
        if n_rows:
            k = bisect_left(row_starts, ls)
            if k < n_rows and row_starts[k] <= le:
                row = table_rows_found[k]
                started = True
                rows.append((ls, le, ls, None, row))
                covered_until = row.end
                continue
            if ls < covered_until or _inside_table(view, text, ls, le) or _in_titles(view, ls):
                continue
        cs = ls
        while cs < le and view[cs] in " \t":
            cs += 1
        if cs >= le:
            continue
        label = read_label(view, cs, le)
        if label is not None and not started and label.rank > RANK_ARABIC + 3:
            label = None  # dashes and points before the first numbered item are preamble
        started = started or label is not None
        rows.append((ls, le, cs, label, None))
    last_numbered = max((i for i, r in enumerate(rows)
                         if r[4] is not None or (r[3] is not None and r[3].rank <= RANK_LETTER)), default=-1)

    roots: list[Node] = []
    stack: list[Node] = []
    preamble_end = end
    stop = end
    table_rank: float | None = None
    region_starts = [a for a, _b in regions[1:]]
    region_k = 0
    for i, (ls, le, cs, label, row) in enumerate(rows):
        if region_k < len(region_starts) and ls >= region_starts[region_k]:
            while region_k < len(region_starts) and ls >= region_starts[region_k]:
                region_k += 1
            stack = []  # an attachment opens an outline of its own
            table_rank = None
        if row is not None:
            if table_rank is None or row.ordinal == 1:
                while stack and stack[-1].row is not None:  # a second table right after another
                    stack.pop()
                table_rank = (stack[-1].label.rank if stack else -1) + 0.5
            label = _row_label(text or view, row, table_rank if row.group else table_rank + 0.25)
        else:
            table_rank = None
            while stack and stack[-1].row is not None:  # the lines after a table are not its last row's
                stack.pop()
        if label is None:
            if not stack:
                continue
            if i > last_numbered and not stack[-1].children and (
                    _CLOSING.match(view, cs, le) or _signature_line(view[cs:le].strip())):
                stop = ls  # "Trên đây là Kế hoạch ...", "Chỉ thị này được phổ biến ...", a signature: not an item's text
                break
            stack[-1].body.append((cs, le))
            continue
        if not roots:
            preamble_end = ls
        parent = _place(stack, label, view)
        if row is not None:
            node = Node(label, row.start, _content_span(row), row=row)
        else:
            node = Node(label, cs, (label.content, le))
        (parent.children if parent else roots).append(node)
        stack.append(node)
    for r in roots:
        _close(r, view, stop)
    return Outline(roots, (0, preamble_end), stop)


def _signature_line(line: str) -> bool:
    """A signature block right after the last item (no ``Nơi nhận:`` before it): an authority
    mark or a signer's title in capitals — the layout's rules."""
    from ..text.layout import authority_mark, is_title_line

    return authority_mark(line) is not None or is_title_line(line)


def _in_titles(view: str, pos: int) -> bool:
    """Whether ``pos`` lies in the column titles of a table read without marks (``use_layout``)."""
    reg = _registered.get()
    spans = reg.titles
    if reg.view is not view or not spans:
        return False
    k = bisect_right(spans, (pos, len(view) + 1)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _inside_table(view: str, text: str | None, ls: int, le: int) -> bool:
    """A line of a table that is no item: a bar line, the column titles, a separator row."""
    if text is None:
        return False
    raw = text[ls:le].strip()
    return raw == "|" or (raw.startswith("|") and raw.endswith("|"))


def _content_span(row: TableRow) -> tuple[int, int]:
    c = row.cell("content")
    return (c.start, c.end) if c else (row.start, row.end)


def _place(stack: list[Node], label: Label, view: str) -> Node | None:
    """Pop the stack down to the parent of a new item and return that parent (``None``: a root).

    An item ranks below the nearest open item of a higher rank. Two exceptions keep a list
    inside its item: a list that restarts at ``1.``/``a)`` right after an item ending with
    ``:`` at the same rank is that item's own list (a slogan or document list), and its
    later items stay there while their numbers go on.
    """
    popped: Node | None = None
    while stack and stack[-1].label.rank >= label.rank:
        top = stack[-1]
        if (top.holds_own_rank and top.children and top.label.rank == label.rank
                and _next_id(top.children[-1].label.id) == label.id and _next_id(top.label.id) != label.id):
            return top
        popped = stack.pop()
    if (popped is not None and popped.label.rank == label.rank and label.id in _FIRST_IDS
            and popped.row is None and not popped.children and not popped.body and _ends_with_colon(view, popped)):
        popped.holds_own_rank = True
        stack.append(popped)
        return popped
    return stack[-1] if stack else None


def _close(node: Node, view: str, stop: int) -> int:
    """Set each node's end: its last own or child line, trailing spaces out."""
    last = node.body[-1][1] if node.body else node.first[1]
    for c in node.children:
        last = max(last, _close(c, view, stop))
    node.end = min(last, stop)
    return node.end


# --- nodes to tasks -------------------------------------------------------------------------


def _clean_piece(view: str, span: tuple[int, int]) -> str:
    return " ".join(view[span[0] : span[1]].split())


def _join_paragraphs(pieces: list[str]) -> str:
    """Paragraphs joined by newlines; a piece starting in lower case continues the previous
    one (a page break split the sentence)."""
    out: list[str] = []
    for p in pieces:
        if not p:
            continue
        if out and p[0].islower():
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return "\n".join(out)


def _heading_and_text(node: Node, view: str) -> tuple[str | None, str]:
    ht = node.heading_text
    if ht is None or ht[0] is not view:
        ht = node.heading_text = (view, *_read_heading_and_text(node, view))
    return ht[1], ht[2]


def _read_heading_and_text(node: Node, view: str) -> tuple[str | None, str]:
    if node.row is not None:
        return None, _row_text(node.row, view)
    first = _clean_piece(view, node.first)
    body = _join_paragraphs([_clean_piece(view, b) for b in node.body])
    if node.label.rank <= RANK_ROMAN:
        return (first or None), (body or first)
    if (body and first and len(first) <= _HEADING_MAX and not first[-1:] in ",;" and not body[0].islower()
            and not _wraps_on(node, view)):
        return first, body
    if body and first and _wraps_on(node, view):
        return None, f"{first} {body}"  # "k) Đài ... chủ trì, phối hợp\nBộ Khoa học ...": one sentence
    if not body and node.children and first and len(first) <= _HEADING_MAX and first[-1] not in ".,;:!?":
        return first, first  # "1. Công tác tuyên truyền" over its own sub-items: a title
    if not body and node.children and first.endswith(":"):
        title = first.rstrip(" :")  # "2. Các quận, huyện:", "5. Khẩu hiệu tuyên truyền:" over their own points
        if asg.is_unit_phrase(title) or len(title.split()) <= _TITLE_WORDS:
            return title, title
    text = _join_paragraphs([first, body]) if body else first
    return None, text


#: An article's title is a noun phrase of a few words ("Điều 1. Phạm vi điều chỉnh và đối tượng
#: áp dụng"); a longer first line opens the article's sentence.
_ARTICLE_TITLE_WORDS = 12


def _wraps_on(node: Node, view: str) -> bool:
    """Whether the item's first line only wraps its sentence onto the next (``wrap.is_wrap``):
    then that line is no heading, whatever case the next line opens with."""
    end = node.first[1]
    while end < len(view) and view[end] in " \t*_":
        end += 1
    if end >= len(view) or view[end] != "\n":
        return False
    # A short first line ending in a word is a title in any text ("Điều 1. Phạm vi điều
    # chỉnh", "2. Trình tự thực hiện"); a long one in a hard-wrapped text goes on.
    first = view[node.first[0] : end]
    n_words = len(first.split())
    if node.label.rank == RANK_DIEU:
        # an article that opens with a unit has no title: it is the article's sentence
        # ("Điều 4. Chánh Văn phòng Ủy ban nhân dân" ⏎ "Thành phố, Giám đốc Sở ... chịu trách nhiệm")
        title_like = n_words <= _ARTICLE_TITLE_WORDS and asg.UNIT_START.match(first.lstrip(" \t*_")) is None
    else:
        title_like = n_words <= _TITLE_WORDS + 1
    return wrap.is_wrap(view, end, any_word=not title_like)


def _row_text(row: TableRow, view: str) -> str:
    """What a table row asks: its content cell, else its cells other than the number."""
    c = row.cell("content")
    if c is not None and view[c.start : c.end].strip():
        return _clean_piece(view, (c.start, c.end))
    return " - ".join(p for p in (_clean_piece(view, (x.start, x.end)) for x in row.cells if x.kind != "id") if p)


def _row_units(row: TableRow, view: str, kind: str) -> list[str]:
    c = row.cell(kind)
    return asg.split_units(view[c.start : c.end]) if c is not None else []


def _unique(path: str, seen: dict[str, int]) -> str:
    """Paths are unique within a document: a repeated label (``3.2.`` twice) becomes ``3.2#2``.
    ``seen`` maps each path given out to the last suffix tried for it (no rescans: linear)."""
    if path not in seen:
        seen[path] = 1
        return path
    k = seen[path]
    while True:
        k += 1
        candidate = f"{path}#{k}"
        if candidate not in seen:
            seen[path] = k
            seen[candidate] = 1
            return candidate


def _to_task(node: Node, view: str, parent_path: str, parent_id: str | None, ordinal: int, seen: dict[str, int]) -> Task:
    lab = node.label
    lid = lab.id
    own = f"{lid}{ordinal}" if lid in "-+" else lid
    if lab.rank > RANK_ARABIC and parent_id is not None and lid.startswith(parent_id + "."):
        step = lid[len(parent_id) + 1 :]  # "1.1" under "1" adds "1"
    else:
        step = own
    path = _unique(f"{parent_path}.{step}" if parent_path else step, seen)
    heading, text = _heading_and_text(node, view)
    task = Task(id=own, path=path, heading=heading, text=text, span=Span(node.start, node.end))
    if node.row is not None:
        task.lead, task.support = _row_units(node.row, view, "lead"), _row_units(node.row, view, "support")
    if node.children:
        counts: dict[str, int] = {}
        child_parent = lid if lab.rank >= RANK_ARABIC and node.row is None else None
        add = task.children.append
        for c in node.children:
            cid = c.label.id
            key = cid if cid in "-+" else ""
            k = counts[key] = counts.get(key, 0) + 1
            add(_to_task(c, view, path, child_parent, k, seen))
    return task


def _roots_to_tasks(roots: list[Node], view: str) -> list[Task]:
    counts: dict[str, int] = {}
    seen: dict[str, int] = {}
    out = []
    for r in roots:
        key = r.label.id if r.label.id in "-+" else ""
        counts[key] = counts.get(key, 0) + 1
        out.append(_to_task(r, view, "", None, counts[key], seen))
    return out


def extract_outline(text: str, view: str, outline: Outline | None = None) -> list[Task]:
    """The whole numbered outline (MỤC ĐÍCH sections and enumerations included), without
    assignees: what ``danvan parse`` shows as ``outline``. Pass ``outline`` to reuse one
    already built."""
    return _roots_to_tasks((outline or build_outline(view, text)).roots, view)


def _is_document_or_slogan(t: Task) -> bool:
    s = (t.heading or t.text).strip()
    if _DOC_ITEM.match(s):
        return True
    return bool(s) and s[0] in _QUOTES and len(s) < 200


def drop_enumerations(tasks: list[Task]) -> list[Task]:
    """Lists that only enumerate documents (decisions repealed) or slogans are not tasks; nor
    is the list under an item that announces one (``Khẩu hiệu tuyên truyền:``, ``các văn bản sau:``)."""
    if len(tasks) >= 2 and all(_is_document_or_slogan(t) for t in tasks):
        return []
    for t in tasks:
        head = t.heading or t.text
        if t.children and len(head) <= _HEADING_MAX and _ENUMERATION_HEAD.search(head):
            t.children = []
        else:
            t.children = drop_enumerations(t.children)
    return tasks


def operative_sections(sections: list[Task]) -> list[Task]:
    """The sections holding tasks: NHIỆM VỤ, NỘI DUNG, ..., not MỤC ĐÍCH, YÊU CẦU."""
    def head(t: Task) -> str:
        return t.heading or t.text

    chosen = [t for t in sections if _TASK_SECTION.search(head(t)) and not _NON_TASK_SECTION.match(head(t))]
    if chosen:
        return chosen
    return [t for t in sections if not _NON_TASK_SECTION.match(head(t))]


def preamble_addressees(view: str, preamble: tuple[int, int]) -> list[str]:
    """``... yêu cầu Giám đốc sở, ngành, Chủ tịch UBND quận, huyện nghiêm túc ...:`` before the
    numbered body of a Chỉ thị: who its numbered tasks are addressed to."""
    lo = max(preamble[0], preamble[1] - 6000)  # the request stands right before the numbered body
    paras = [p[-2000:] for p in (view[a:b].strip() for a, b in _lines(view, lo, preamble[1])) if p]
    for p in reversed(paras[-3:]):
        units = asg.requested_units(p)
        if units:
            return units
    return []


def assign(tasks: list[Task], inherited: list[str]) -> None:
    """Fill lead/support/assignees of each task; an item without its own takes its parent's.
    A table row's units come from its columns (set when the row was read)."""
    for t in tasks:
        if not (t.lead or t.support):
            t.lead, t.support = asg.item_assignees(t.heading, t.text)
        lead, support = t.lead, t.support
        t.assignees = asg.dedupe(lead + support) if lead or support else list(inherited)
        assign(t.children, t.assignees)


def copy_tasks(tasks: list[Task]) -> list[Task]:
    """A tree of tasks of its own (lists copied, spans shared: they never change): what
    ``extract_tasks`` prunes and assigns, made from the outline ``extract_outline`` already
    converted instead of converting the same nodes a second time."""
    return [
        Task(t.id, t.path, t.heading, t.text, list(t.assignees), copy_tasks(t.children), t.span,
             list(t.lead), list(t.support))
        for t in tasks
    ]


def extract_tasks(text: str, view: str, outline: Outline | None = None, addressees: list[str] | None = None,
                  converted: list[Task] | None = None) -> list[Task]:
    """The task tree: operative sections (or the numbered body), with assignees.
    Pass ``outline`` to reuse one already built (the tree is converted afresh: tasks are
    pruned and assigned in place, the outline is not). ``addressees``: a letter's ``Kính
    gửi`` units, who an item naming no unit is addressed to when no request before the
    numbered body says otherwise. ``converted``: ``extract_outline``'s tasks of that same
    ``outline``, copied here rather than converted again (they are left as they are).

    >>> from danvan_cli.text import matching_view, normalize_text
    >>> from danvan_cli.extract import extract_tasks
    >>> text = normalize_text("KẾ HOẠCH\\nCông tác năm 2024\\n\\nI. NHIỆM VỤ\\n"
    ...                       "1. Sở Nội vụ chủ trì tổng hợp, báo cáo.\\n2. Sở Tài chính bố trí kinh phí.")
    >>> [(t.path, t.assignees) for t in extract_tasks(text, matching_view(text))[0].children]
    [('I.1', ['Sở Nội vụ']), ('I.2', ['Sở Tài chính'])]
    """
    outline = outline or build_outline(view, text)
    listed = _listing_starts(outline.roots)
    fresh = copy_tasks(converted) if converted is not None else _roots_to_tasks(outline.roots, view)
    pairs = [(t, n) for t, n in zip(fresh, outline.roots)
             if t.span is None or t.span.start not in listed]
    roots = _without_listings([t for t, _ in pairs], listed)
    nodes = [n for _, n in pairs]
    sections = [t for t, n in zip(roots, nodes) if n.label.rank <= RANK_ROMAN]
    if sections:
        tasks = operative_sections(sections)
        # a task table (an appendix's "TT | Nội dung | Chủ trì | Thời gian") is tasks wherever it stands
        chosen = {id(t) for t in tasks}
        tasks += [t for t, n in zip(roots, nodes) if id(t) not in chosen and _holds_rows(n)]
        tasks.sort(key=lambda t: t.span.start if t.span else 0)
        inherited: list[str] = []
    else:
        tasks = roots
        inherited = preamble_addressees(view, outline.preamble)
    tasks = drop_enumerations(tasks)
    assign(tasks, inherited or list(addressees or []))
    return tasks


def _listing_starts(nodes: list[Node]) -> frozenset[int]:
    """Where the rows of tables that list no tasks (``TableRow.listing``) start."""
    out: set[int] = set()
    stack = list(nodes)
    while stack:
        n = stack.pop()
        if n.row is not None and n.row.listing:
            out.add(n.start)
        stack.extend(n.children)
    return frozenset(out)


def _without_listings(tasks: list[Task], starts: frozenset[int]) -> list[Task]:
    """``tasks`` without the rows of listing tables (a procedure's row is no task)."""
    if not starts:
        return tasks
    kept = [t for t in tasks if t.span is None or t.span.start not in starts]
    for t in kept:
        t.children = _without_listings(t.children, starts)
    return kept


def _holds_rows(node: Node) -> bool:
    return node.row is not None or any(_holds_rows(c) for c in node.children)


def iter_tasks(tasks: list[Task]):  # type: ignore[no-untyped-def]
    """Every task of a tree, parents before children."""
    for t in tasks:
        yield t
        yield from iter_tasks(t.children)


class TaskFinder:
    """The tasks holding a position, found by bisection; each level's starts are listed once
    (a text of many deadlines over many items stays linear)."""

    def __init__(self, tasks: list[Task]) -> None:
        self.tasks = tasks
        self._starts: dict[int, list[int]] = {}

    def _level_starts(self, level: list[Task]) -> list[int]:
        key = id(level)
        starts = self._starts.get(key)
        if starts is None:
            starts = self._starts[key] = [t.span.start if t.span else -1 for t in level]
        return starts

    def chain(self, pos: int) -> list[Task]:
        """The tasks whose spans hold ``pos``, outermost first (siblings are in text order)."""
        out: list[Task] = []
        level = self.tasks
        while level:
            i = bisect_right(self._level_starts(level), pos) - 1
            if i < 0:
                break
            t = level[i]
            if t.span is None or not t.span.start <= pos < max(t.span.end, t.span.start + 1):
                break
            out.append(t)
            level = t.children
        return out

    def at(self, pos: int) -> Task | None:
        """The deepest task whose span holds ``pos``."""
        chain = self.chain(pos)
        return chain[-1] if chain else None


def task_at(tasks: list[Task], pos: int) -> Task | None:
    """The deepest task whose span holds ``pos`` (siblings are in text order: bisect)."""
    return TaskFinder(tasks).at(pos)
