"""``danvan deadlines`` as a table for people: one table per month, date, what, who, source."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import Any

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


def month_tables(occs: list[Occurrence], statuses: list[Any] | None = None) -> list[Table]:
    """One rich table per month, in date order; a status column when ``statuses`` are given."""
    tables = []
    status_of = {id(o): s for o, s in zip(occs, statuses or [], strict=False)}
    for (y, m), group in groupby(occs, key=lambda o: (o.day.year, o.day.month)):
        t = Table(title=f"Tháng {m:02d}/{y}", title_justify="left", show_lines=False, expand=True)
        t.add_column("Ngày", no_wrap=True)
        t.add_column("Việc", ratio=3)
        t.add_column("Ai thực hiện", ratio=2)
        t.add_column("Văn bản", ratio=1, overflow="fold")
        if statuses is not None:
            t.add_column("Trạng thái", no_wrap=True)
        for o in group:
            what = o.deadline.action or o.deadline.text
            cells = [_date_cell(o), f"{what}\n[dim]{o.deadline.text}[/dim]", "; ".join(o.deadline.assignees) or "—",
                     _doc_label(o)]
            if statuses is not None:
                cells.append(status_cell(status_of[id(o)]))
            t.add_row(*cells)
        tables.append(t)
    return tables


def status_cell(st: Any) -> str:
    """``overdue``, or ``met`` with the answering document (``danvan deadlines --as-of``)."""
    text = {"overdue": "[red]overdue[/red]", "due": "[yellow]due[/yellow]"}.get(st.status, st.status)
    if st.units > 1:
        text += f" ({st.answered}/{st.units})"
    return text


def render_table(occs: list[Occurrence], console: Console, statuses: list[Any] | None = None) -> None:
    """Print the month tables, or one line saying nothing is due."""
    if not occs:
        console.print("Không có hạn nào trong khoảng thời gian này. (No deadlines in this window.)")
        return
    for t in month_tables(occs, statuses):
        console.print(t)
    console.print(f"[dim]{len(occs)} hạn; ~ = ngày gần đúng[/dim]")
