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
cannot derail what comes after it.

Tasks are the items of the operative sections (NHIỆM VỤ, NỘI DUNG, GIẢI PHÁP,
TỔ CHỨC THỰC HIỆN, ...) or, in a text without sections (a Chỉ thị), its numbered
body. A list that only enumerates documents or slogans is not a task list.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from ..model import Document, Span, Task
from . import assignees as asg

# --- labels ---------------------------------------------------------------------------

_ROMAN = r"(?P<roman>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))"
ROMAN_LABEL = regex.compile(
    r"(?:(?P<part>PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s{1,5}" + _ROMAN + r"(?:\s{0,3}[.:\-–)]\s{0,5}|\s{1,5}|$)"
    r"|" + _ROMAN.replace("roman", "roman2") + r"\s{0,2}[.:)\-–]\s{0,5})(?=\S|$)"
)
DIEU_LABEL = regex.compile(r"(?:Điều|ĐIỀU)\s{1,5}(?P<n>\d{1,3})\s{0,2}[.:]\s{0,5}(?=\S|$)")
ARABIC_LABEL = regex.compile(
    r"(?P<n>\d{1,2}(?:\s?\.\s?\d{1,2}){0,3})(?:\s?(?P<term>[.)])(?!\d)\s{0,5}|\s{1,5}(?=\p{Lu}))(?=\S)"
)
#: Vietnamese alphabet points: no f, j, w, z.
LETTER_LABEL = regex.compile(r"(?P<l>[a-eg-ik-vxyđ])(?:\s?\)\s{0,5}|\.\s{1,5}(?=\p{Lu}))(?=\S)")
DASH_LABEL = regex.compile(r"[-–—•]\s{0,5}(?=\S)")
PLUS_LABEL = regex.compile(r"\+\s{0,5}(?=\S)")

RANK_PART, RANK_ROMAN, RANK_DIEU, RANK_ARABIC, RANK_LETTER, RANK_DASH, RANK_PLUS = 0, 1, 2, 3, 8, 9, 10

#: Where the body of a text ends: the recipients list, or a signature block.
_BODY_END = regex.compile(r"(?m)^[ \t]*(?:Nơi\s+nhận|NƠI\s+NHẬN)\s*:?")
#: A closing paragraph after the last item ends the outline.
_CLOSING = regex.compile(
    r"(?:Trên\s+đây|Trong\s+quá\s+trình(?:\s+tổ\s+chức)?\s+thực\s+hiện|Quá\s+trình\s+thực\s+hiện|"
    r"(?:Chỉ\s+thị|Kế\s+hoạch|Quyết\s+định)\s+này\s+có\s+hiệu\s+lực|"
    r"(?:Chủ\s+tịch|Giám\s+đốc|Thủ\s+trưởng|UBND|Ủy\s+ban\s+nhân\s+dân|Ban\s+Thường\s+vụ)[^.\n]{0,200}?"
    r"(?<!\p{L})(?:yêu\s+cầu|chịu\s+trách\s+nhiệm|đề\s+nghị))"
)
_NON_TASK_SECTION = regex.compile(
    r"(?i)^(?:mục\s+đích|yêu\s+cầu|mục\s+tiêu|quan\s+điểm|căn\s+cứ|sự\s+cần\s+thiết|tình\s+hình|"
    r"kết\s+quả|đánh\s+giá|bối\s+cảnh|phạm\s+vi|đối\s+tượng|thực\s+trạng)"
)
_TASK_SECTION = regex.compile(
    r"(?i)nhiệm\s+vụ|nội\s+dung|giải\s+pháp|tổ\s+chức\s+thực\s+hiện|phân\s+công|trách\s+nhiệm|"
    r"hoạt\s+động|chế\s+độ\s+báo\s+cáo|kinh\s+phí"
)
_DOC_ITEM = regex.compile(
    r"^(?:Quyết\s+định|Chỉ\s+thị|Nghị\s+quyết|Kế\s+hoạch|Thông\s+tư|Nghị\s+định|Luật|Quy\s+định|Quy\s+chế|"
    r"Công\s+văn|Văn\s+bản|Thông\s+báo|Hướng\s+dẫn|Chương\s+trình|Kết\s+luận|Pháp\s+lệnh|Thông\s+tri)"
    r"\s+(?:số\s+)?[^\s]{0,20}\d"
)
_QUOTES = "\"“”'‘’«»"
_HEADING_MAX = 300


@dataclass(slots=True)
class Label:
    """A label at the start of a line: its rank, its own id, where its text starts."""

    rank: int
    id: str
    content: int


def read_label(view: str, pos: int, end: int) -> Label | None:
    """The outline label at ``pos`` (line start, spaces already skipped), or ``None``."""
    m = ROMAN_LABEL.match(view, pos, end)
    if m is not None and (m.group("roman") or m.group("roman2")):
        if m.group("part"):
            return Label(RANK_PART, m.group("roman"), m.end())
        return Label(RANK_ROMAN, m.group("roman2"), m.end())
    m = DIEU_LABEL.match(view, pos, end)
    if m is not None:
        return Label(RANK_DIEU, m.group("n"), m.end())
    m = ARABIC_LABEL.match(view, pos, end)
    if m is not None:
        n = regex.sub(r"\s", "", m.group("n"))
        depth = n.count(".")
        if depth == 0 and m.group("term") is None:
            return None
        if depth > 0 and m.group("term") == ")":
            return None
        return Label(RANK_ARABIC + depth, n, m.end())
    m = LETTER_LABEL.match(view, pos, end)
    if m is not None:
        return Label(RANK_LETTER, m.group("l"), m.end())
    m = DASH_LABEL.match(view, pos, end)
    if m is not None:
        return Label(RANK_DASH, "-", m.end())
    m = PLUS_LABEL.match(view, pos, end)
    if m is not None:
        return Label(RANK_PLUS, "+", m.end())
    return None


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


@dataclass(slots=True)
class Outline:
    """The tree, the preamble before it (addressees live there) and where it ends."""

    roots: list[Node]
    preamble: tuple[int, int]
    end: int


def body_end(view: str) -> int:
    """Where the body stops: ``Nơi nhận:`` (recipients are dashes too, and no tasks)."""
    m = _BODY_END.search(view)
    return m.start() if m else len(view)


#: A text attached after the signature: ``KẾ HOẠCH`` alone on its line, or ``(Ban hành kèm theo
#: Quyết định số ...)``. A Quyết định ban hành Kế hoạch carries its tasks and deadlines there.
_ATTACHMENT = regex.compile(
    r"(?m)^[ \t]*\(?[ \t]*(?:(?:KẾ\s+HOẠCH|QUY\s+CHẾ|QUY\s+ĐỊNH|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|PHƯƠNG\s+ÁN|HƯỚNG\s+DẪN)[ \t]*$"
    r"|(?i:ban\s+hành\s+)?(?i:kèm\s+theo)\s+(?:Quyết\s+định|Kế\s+hoạch|Công\s+văn|Chỉ\s+thị|Nghị\s+quyết))"
)


def body_regions(view: str) -> list[tuple[int, int]]:
    """The parts of a text that hold its body: before ``Nơi nhận:``, and each attached text
    after the signature up to its own ``Nơi nhận:`` (or the end)."""
    regions: list[tuple[int, int]] = []
    pos = 0
    n = len(view)
    while pos < n:
        m = _BODY_END.search(view, pos)
        stop = m.start() if m else n
        if stop > pos:
            regions.append((pos, stop))
        if m is None:
            break
        a = _ATTACHMENT.search(view, m.end())
        if a is None:
            break
        pos = a.start()
    return regions


def _lines(view: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = view.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def build_outline(view: str) -> Outline:
    """Read the labelled lines of ``view`` into a tree of ranks (see module doc)."""
    regions = body_regions(view)
    end = regions[-1][1] if regions else 0
    rows: list[tuple[int, int, int, Label | None]] = []
    started = False
    for ls, le in (line for a, b in regions for line in _lines(view, a, b)):
        cs = ls
        while cs < le and view[cs] in " \t":
            cs += 1
        if cs >= le:
            continue
        label = read_label(view, cs, le)
        if label is not None and not started and label.rank > RANK_ARABIC + 3:
            label = None  # dashes and points before the first numbered item are preamble
        started = started or label is not None
        rows.append((ls, le, cs, label))
    last_numbered = max((i for i, r in enumerate(rows) if r[3] is not None and r[3].rank <= RANK_LETTER), default=-1)

    roots: list[Node] = []
    stack: list[Node] = []
    preamble_end = end
    stop = end
    for i, (ls, le, cs, label) in enumerate(rows):
        if label is None:
            if not stack:
                continue
            if i > last_numbered and not stack[-1].children and _CLOSING.match(view, cs, le):
                stop = ls  # "Trên đây là Kế hoạch ...", "Chủ tịch UBND ... yêu cầu ...": not an item's text
                break
            stack[-1].body.append((cs, le))
            continue
        if not roots:
            preamble_end = ls
        while stack and stack[-1].label.rank >= label.rank:
            stack.pop()
        node = Node(label, cs, (label.content, le))
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    for r in roots:
        _close(r, view, stop)
    return Outline(roots, (0, preamble_end), stop)


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
    first = _clean_piece(view, node.first)
    body = _join_paragraphs([_clean_piece(view, b) for b in node.body])
    if node.label.rank <= RANK_ROMAN:
        return (first or None), (body or first)
    if body and first and len(first) <= _HEADING_MAX and not first[-1:] in ",;" and not body[0].islower():
        return first, body
    if not body and node.children and first and len(first) <= _HEADING_MAX and first[-1] not in ".,;:!?":
        return first, first  # "1. Công tác tuyên truyền" over its own sub-items: a title
    text = _join_paragraphs([first, body]) if body else first
    return None, text


def _to_task(node: Node, view: str, parent_path: str, parent_id: str | None, ordinal: int) -> Task:
    lab = node.label
    own = f"{lab.id}{ordinal}" if lab.id in "-+" else lab.id
    nested = lab.rank > RANK_ARABIC and parent_id is not None and lab.id.startswith(parent_id + ".")
    step = lab.id[len(parent_id) + 1 :] if nested and parent_id is not None else own  # "1.1" under "1" adds "1"
    path = f"{parent_path}.{step}" if parent_path else step
    heading, text = _heading_and_text(node, view)
    task = Task(id=own, path=path, heading=heading, text=text, span=Span(node.start, node.end))
    counts: dict[str, int] = {}
    for c in node.children:
        key = c.label.id if c.label.id in "-+" else ""
        counts[key] = counts.get(key, 0) + 1
        task.children.append(_to_task(c, view, path, lab.id if lab.rank >= RANK_ARABIC else None, counts[key]))
    return task


def _roots_to_tasks(roots: list[Node], view: str) -> list[Task]:
    counts: dict[str, int] = {}
    out = []
    for r in roots:
        key = r.label.id if r.label.id in "-+" else ""
        counts[key] = counts.get(key, 0) + 1
        out.append(_to_task(r, view, "", None, counts[key]))
    return out


def extract_outline(text: str, view: str) -> list[Task]:
    """The whole numbered outline (MỤC ĐÍCH sections included), without assignees."""
    return _roots_to_tasks(build_outline(view).roots, view)


def _is_document_or_slogan(t: Task) -> bool:
    s = (t.heading or t.text).strip()
    if _DOC_ITEM.match(s):
        return True
    return bool(s) and s[0] in _QUOTES and len(s) < 200


def drop_enumerations(tasks: list[Task]) -> list[Task]:
    """Lists that only enumerate documents (decisions repealed) or slogans are not tasks."""
    if len(tasks) >= 2 and all(_is_document_or_slogan(t) for t in tasks):
        return []
    for t in tasks:
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
    """Fill lead/support/assignees of each task; an item without its own takes its parent's."""
    for t in tasks:
        lead, support = asg.item_assignees(t.heading, t.text)
        t.lead, t.support = lead, support
        t.assignees = asg._dedupe(lead + support) if lead or support else list(inherited)
        assign(t.children, t.assignees)


def extract_tasks(text: str, view: str, doc: Document) -> list[Task]:
    """The task tree of ``doc``: operative sections (or the numbered body), with assignees."""
    outline = build_outline(view)
    roots = _roots_to_tasks(outline.roots, view)
    sections = [t for t, n in zip(roots, outline.roots) if n.label.rank <= RANK_ROMAN]
    if sections:
        tasks = operative_sections(sections)
        addressees: list[str] = []
    else:
        tasks = roots
        addressees = preamble_addressees(view, outline.preamble)
    tasks = drop_enumerations(tasks)
    assign(tasks, addressees)
    return tasks


def iter_tasks(tasks: list[Task]):  # type: ignore[no-untyped-def]
    """Every task of a tree, parents before children."""
    for t in tasks:
        yield t
        yield from iter_tasks(t.children)


def task_at(tasks: list[Task], pos: int) -> Task | None:
    """The deepest task whose span holds ``pos`` (siblings are in text order: bisect)."""
    found = None
    level = tasks
    while level:
        starts = [t.span.start if t.span else -1 for t in level]
        i = bisect_right(starts, pos) - 1
        if i < 0:
            break
        t = level[i]
        if t.span is None or not t.span.start <= pos < max(t.span.end, t.span.start + 1):
            break
        found, level = t, t.children
    return found
