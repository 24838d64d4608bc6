"""``danvan parse`` output: a rich view for people, JSON/JSONL/YAML for programs."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..i18n import _, localized
from ..model import Document
from ..filenames import shown as shown_path


def to_json(doc: Document, indent: int | None = 2, include_text: bool = False) -> str:
    return json.dumps(doc.to_dict(include_text=include_text), ensure_ascii=False, indent=indent)


def to_yaml(docs: list[Document], include_text: bool = False) -> str:
    import yaml

    data: Any = [d.to_dict(include_text=include_text) for d in docs]
    if len(docs) == 1:
        data = data[0]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


#: below this many columns the cited documents are stacked (number, type, date, relation on one
#: line, issuer and subject under it) instead of a table whose Subject column would shrink to "…"
WIDE = 110
RELATION_STYLE = {"implements": "green", "directs": "yellow", "based_on": "blue", "amends": "magenta", "replaces": "red"}


def _header_rows(doc: Document) -> list[tuple[str, str]]:
    from .labels import level

    issuer = "—"
    if doc.issuer:
        issuer = doc.issuer.name + (" " + _("(inferred)") if doc.issuer.inferred else "")
        if doc.issuer.level:
            issuer += f"  [{level(doc.issuer.level)}]"
    rows = [
        (_("Type"), doc.doc_type or _("— (not an administrative document)")),
        (_("Number"), doc.number or (_("— (left blank: {raw})").format(raw=doc.number_raw) if doc.number_raw else "—")),
        (_("Date"), doc.date or "—"),
        (_("Place"), doc.place or "—"),
        (_("Issuer"), issuer),
        (_("Title"), doc.title or "—"),
    ]
    if doc.signer:
        rows.append((_("Signer"), " · ".join(x for x in (doc.signer.authority, doc.signer.title, doc.signer.name) if x)))
    if doc.addressees:
        rows.append((_("Addressees"), f"{len(doc.addressees)}: " + "; ".join(doc.addressees)))
    if doc.recipients:
        rows.append((_("Recipients"), f"{len(doc.recipients)}: " + "; ".join(doc.recipients)))
    if doc.year or doc.horizon:
        rows.append((_("Year / until"), f"{doc.year or '—'} / {doc.horizon or '—'}"))
    return rows


def _references(doc: Document, width: int) -> Any:
    """The cited documents: a table where the terminal is wide enough for every column,
    else one block per document (nothing is cut to ``…`` either way)."""
    from rich.table import Table
    from rich.text import Text

    from .labels import relation

    if width >= WIDE:
        t = Table(title=_("Cited documents"), expand=True)
        t.add_column("#", justify="right", no_wrap=True)
        t.add_column(_("Number"), style="bold", no_wrap=True)
        t.add_column(_("Type"), no_wrap=True)
        t.add_column(_("Date"), no_wrap=True)
        t.add_column(_("Issuer"), min_width=14)
        t.add_column(_("Relation"), no_wrap=True)
        t.add_column(_("Subject"), ratio=1, min_width=24)
        for i, r in enumerate(doc.references, 1):
            rel = Text(relation(r.relation), style=RELATION_STYLE.get(r.relation, "dim"))
            t.add_row(str(i), r.number, r.doc_type or "", r.date or "", r.issuer_name or "", rel, Text(r.title or ""))
        return t
    t = Table(title=_("Cited documents"), expand=True, show_header=False, show_lines=True)
    t.add_column("#", justify="right", no_wrap=True)
    t.add_column(_("Document"), ratio=1)
    for i, r in enumerate(doc.references, 1):
        cell = Text()
        cell.append(r.number, style="bold")
        for part in (r.doc_type, r.date):
            if part:
                cell.append(f"  {part}")
        cell.append("  ")
        cell.append(relation(r.relation), style=RELATION_STYLE.get(r.relation, "dim"))
        below = " — ".join(x for x in (r.issuer_name, r.title) if x)
        if below:
            cell.append("\n" + below)
        t.add_row(str(i), cell)
    return t


def _task_label(task: Any, room: int) -> str:
    from rich.markup import escape

    from .labels import is_fragment, outline_label, shorten

    label = f"[bold]{escape(outline_label(task.path))}[/bold] {escape(shorten(task.heading or task.text, room))}"
    units = [u for u in task.assignees if not is_fragment(u)]
    if units:
        label += f"  [cyan]→ {escape(', '.join(units))}[/cyan]"
    return label


def _in_order(tasks: list[Any]) -> list[Any]:
    """Items in the order the text gives them (a table read after the outline, or an
    item found late, is shown where it stands)."""
    return sorted(tasks, key=lambda t: t.span.start if t.span else 0)


def render_table(doc: Document, out: TextIO | None = None) -> None:
    """Header panel, cited documents, tasks, deadlines and warnings, in the interface's
    language, laid out for the terminal's width."""
    from rich.console import Console
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from rich.tree import Tree

    console = Console(file=out, soft_wrap=False)
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold cyan", no_wrap=True)
    head.add_column()
    for k, v in _header_rows(doc):
        head.add_row(k, Text(str(v)))
    console.print(Panel(head, title=f"[bold]{escape(shown_path(doc.source))}[/bold]", expand=True))

    if doc.references:
        console.print(_references(doc, console.width))
    if doc.named_laws:
        laws = _("Laws cited by name:")
        console.print(f"[bold]{laws}[/bold] " + escape("; ".join(n.name for n in doc.named_laws)))
    if doc.tasks:
        tree = Tree("[bold]" + _("Tasks") + "[/bold]")
        room = max(40, console.width - 30)

        def add(node: Any, task: Any) -> None:
            child = node.add(_task_label(task, room))
            for c in _in_order(task.children):
                add(child, c)

        for task in _in_order(doc.tasks):
            add(tree, task)
        console.print(tree)
    if doc.deadlines:
        t = Table(title=_("Deadlines"), expand=True)
        t.add_column(_("When"), no_wrap=console.width >= WIDE)
        t.add_column(_("As written"))
        t.add_column(_("What"))
        t.add_column(_("Who"))
        for dl in doc.deadlines:
            when = dl.date or dl.rrule or ""
            if dl.approximate:
                when += " ~"
            t.add_row(when, dl.text, dl.action, ", ".join(dl.assignees))
        console.print(t)
    for w in doc.warnings:
        console.print("[yellow]" + _("warning:") + f"[/yellow] {escape(localized(w.message))}")
    if not doc.references and doc.doc_type is None and not doc.warnings:
        console.print("[dim]" + _("No document header and no cited documents found.") + "[/dim]")
