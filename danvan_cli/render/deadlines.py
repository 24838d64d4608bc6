"""``danvan deadlines`` as a table for people: one table per month, date, what, who, source."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ..schedule import Occurrence


def _doc_label(o: Occurrence) -> str:
    """``Chỉ thị 02/CT-UBND`` where the document has a number, else its file name."""
    doc = o.doc
    ident = " ".join(x for x in (doc.doc_type, doc.number) if x)
    name = Path(doc.source).name
    return f"{ident}\n{name}" if ident else name


def _date_cell(o: Occurrence) -> str:
    cell = o.date[8:10] + "/" + o.date[5:7] if len(o.date) == 10 else o.date
    if o.time:
        cell += f" {o.time}"
    if o.deadline.approximate:
        cell = "~" + cell
    if o.expired:
        cell += " (hết hiệu lực)"
    return cell


def month_tables(occs: list[Occurrence]) -> list[Table]:
    """One rich table per month, in date order."""
    tables = []
    for (y, m), group in groupby(occs, key=lambda o: (o.day.year, o.day.month)):
        t = Table(title=f"Tháng {m:02d}/{y}", title_justify="left", show_lines=False, expand=True)
        t.add_column("Ngày", no_wrap=True)
        t.add_column("Việc", ratio=3)
        t.add_column("Ai thực hiện", ratio=2)
        t.add_column("Văn bản", ratio=1, overflow="fold")
        for o in group:
            what = o.deadline.action or o.deadline.text
            t.add_row(_date_cell(o), f"{what}\n[dim]{o.deadline.text}[/dim]", "; ".join(o.deadline.assignees) or "—",
                      _doc_label(o))
        tables.append(t)
    return tables


def render_table(occs: list[Occurrence], console: Console) -> None:
    """Print the month tables, or one line saying nothing is due."""
    if not occs:
        console.print("Không có hạn nào trong khoảng thời gian này. (No deadlines in this window.)")
        return
    for t in month_tables(occs):
        console.print(t)
    console.print(f"[dim]{len(occs)} hạn; ~ = ngày gần đúng[/dim]")
