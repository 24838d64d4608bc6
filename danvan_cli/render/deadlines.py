"""``danvan deadlines`` as a table for people: one table per month, date, what, who, source."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from ..i18n import _, ngettext
from ..schedule import Occurrence
from ..words import due
from ..filenames import shown as shown_path

#: below this many columns each deadline is a block (date and status, then what, who, the
#: document) instead of a table whose file-name column would wrap over several lines
WIDE = 100


def _doc_label(o: Occurrence) -> str:
    """``Chỉ thị 02/CT-UBND`` where the document has a number, else its file name."""
    doc = o.doc
    ident = " ".join(x for x in (doc.doc_type, doc.number) if x)
    name = shown_path(Path(doc.source).name)
    return f"{ident}\n{name}" if ident else name


def _date_cell(o: Occurrence) -> str:
    cell = o.date[8:10] + "/" + o.date[5:7] if len(o.date) == 10 else o.date
    if o.time:
        cell += f" {o.time}"
    if o.deadline.approximate:
        cell = "~" + cell
    if o.expired:
        cell += " " + _("(past its document's horizon)")
    return cell


def month_tables(occs: list[Occurrence], statuses: list[Any] | None = None, width: int = 120) -> list[Table]:
    """One rich table per month, in date order; a status column when ``statuses`` are given.
    Narrower than ``WIDE`` columns, each deadline is one cell: what and its words, then who
    and the document under them, so no column is squeezed."""
    from rich.markup import escape

    tables = []
    status_of = {id(o): s for o, s in zip(occs, statuses or [], strict=False)}
    wide = width >= WIDE
    for (y, m), group in groupby(occs, key=lambda o: (o.day.year, o.day.month)):
        t = Table(title=_("Month {month:02d}/{year}").format(month=m, year=y), title_justify="left",
                  show_lines=not wide, expand=True)
        t.add_column(_("Day"), no_wrap=True)
        if wide:
            t.add_column(_("Task"), ratio=3)
            t.add_column(_("Who"), ratio=2)
            t.add_column(_("Document"), ratio=1, overflow="fold")
        else:
            t.add_column(_("Task · who · document"), ratio=1)
        if statuses is not None:
            t.add_column(_("Status"), no_wrap=True)
        for o in group:
            what = escape(o.deadline.action or o.deadline.text)
            words = f"[dim]{escape(o.deadline.text)}[/dim]"
            who = escape("; ".join(o.deadline.assignees) or "—")
            if wide:
                cells = [_date_cell(o), f"{what}\n{words}", who, escape(_doc_label(o))]
            else:
                doc = escape(_doc_label(o).replace("\n", " · "))
                cells = [_date_cell(o), f"{what}\n{words}\n→ {who}\n[dim]{doc}[/dim]"]
            if statuses is not None:
                cells.append(status_cell(status_of[id(o)]))
            t.add_row(*cells)
        tables.append(t)
    return tables


def status_cell(st: Any) -> str:
    """``overdue``, or ``met`` with the answering document (``danvan deadlines --as-of``)."""
    style = {"overdue": "red", "due": "yellow"}.get(st.status)
    text = f"[{style}]{due(st.status)}[/{style}]" if style else due(st.status)
    if st.units > 1:
        text += f" ({st.answered}/{st.units})"
    return text


def render_table(occs: list[Occurrence], console: Console, statuses: list[Any] | None = None) -> None:
    """Print the month tables, or one line saying nothing is due."""
    if not occs:
        console.print(_("No deadlines in this window."))
        return
    for t in month_tables(occs, statuses, console.width):
        console.print(t)
    count = ngettext("{n} deadline", "{n} deadlines", len(occs)).format(n=len(occs))
    approx = _("~ = approximate date")
    console.print(f"[dim]{count}; {approx}[/dim]")
