"""``danvan parse`` output: a rich view for people, JSON/JSONL/YAML for programs."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..model import Document


def to_json(doc: Document, indent: int | None = 2, include_text: bool = False) -> str:
    return json.dumps(doc.to_dict(include_text=include_text), ensure_ascii=False, indent=indent)


def to_yaml(docs: list[Document], include_text: bool = False) -> str:
    import yaml

    data: Any = [d.to_dict(include_text=include_text) for d in docs]
    if len(docs) == 1:
        data = data[0]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def render_table(doc: Document, out: TextIO | None = None) -> None:
    """Header panel, references table, tasks, deadlines and warnings."""
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from rich.tree import Tree

    console = Console(file=out, soft_wrap=False)
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold cyan", no_wrap=True)
    head.add_column()
    issuer = doc.issuer.name + (" (inferred)" if doc.issuer.inferred else "") if doc.issuer else "—"
    rows = [
        ("Type", doc.doc_type or "— (not an administrative document)"),
        ("Number", doc.number or (f"— (blank: {doc.number_raw})" if doc.number_raw else "—")),
        ("Date", doc.date or "—"),
        ("Place", doc.place or "—"),
        ("Issuer", issuer + (f"  [{doc.issuer.level}]" if doc.issuer and doc.issuer.level else "")),
        ("Title", doc.title or "—"),
    ]
    if doc.signer:
        rows.append(("Signer", " · ".join(x for x in (doc.signer.authority, doc.signer.title, doc.signer.name) if x)))
    if doc.recipients:
        rows.append(("Recipients", f"{len(doc.recipients)}: " + "; ".join(doc.recipients)))
    if doc.year or doc.horizon:
        rows.append(("Year / horizon", f"{doc.year or '—'} / {doc.horizon or '—'}"))
    for k, v in rows:
        head.add_row(k, Text(str(v)))
    console.print(Panel(head, title=f"[bold]{doc.source}[/bold]", expand=True))

    if doc.references:
        t = Table(title="Cited documents", show_lines=False, expand=True)
        t.add_column("#", justify="right", no_wrap=True)
        t.add_column("Number", style="bold", no_wrap=True)
        t.add_column("Type", no_wrap=True)
        t.add_column("Date", no_wrap=True)
        t.add_column("Issuer", min_width=14)
        t.add_column("Relation", no_wrap=True)
        t.add_column("Subject", no_wrap=True, overflow="ellipsis", ratio=1)
        colors = {"implements": "green", "directs": "yellow", "based_on": "blue", "amends": "magenta", "replaces": "red"}
        for i, r in enumerate(doc.references, 1):
            rel = Text(r.relation, style=colors.get(r.relation, "dim"))
            t.add_row(str(i), r.number, r.doc_type or "", r.date or "", r.issuer_name or "", rel, Text(r.title or ""))
        console.print(t)
    if doc.named_laws:
        console.print("[bold]Laws cited by name:[/bold] " + "; ".join(n.name for n in doc.named_laws))
    if doc.tasks:
        tree = Tree("[bold]Tasks[/bold]")

        def add(node: Any, task: Any) -> None:
            label = f"[bold]{task.path}[/bold] {task.heading or task.text[:90]}"
            if task.assignees:
                label += f"  [cyan]→ {', '.join(task.assignees)}[/cyan]"
            child = node.add(label)
            for c in task.children:
                add(child, c)

        for task in doc.tasks:
            add(tree, task)
        console.print(tree)
    if doc.deadlines:
        t = Table(title="Deadlines", expand=True)
        t.add_column("When", no_wrap=True)
        t.add_column("As written")
        t.add_column("What")
        t.add_column("Who")
        for dl in doc.deadlines:
            when = dl.date or dl.rrule or ""
            if dl.approximate:
                when += " ~"
            t.add_row(when, dl.text, dl.action, ", ".join(dl.assignees))
        console.print(t)
    for w in doc.warnings:
        console.print(f"[yellow]warning:[/yellow] {w.message}")
    if not doc.references and doc.doc_type is None and not doc.warnings:
        console.print("[dim]No document header and no cited documents found.[/dim]")
