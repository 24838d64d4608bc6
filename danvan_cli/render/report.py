"""``danvan check`` for people: one rich table per list of the report."""

from __future__ import annotations

from typing import Any


def print_report(report: dict[str, Any], limit: int = 30) -> None:
    """Rich tables, one per list; long lists are cut at ``limit`` rows (json has them all)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=True)
    console.print(f"[bold]{report['documents']}[/] documents, {report['in_corpus']} parsed from the corpus")

    def table(title: str, cols: list[str], rows: list[list[Any]]) -> None:
        t = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for c in cols:
            t.add_column(c)
        for r in rows[:limit]:
            t.add_row(*("" if x is None else str(x) for x in r))
        if len(rows) > limit:
            t.caption = f"… {len(rows) - limit} more (--format json for all)"
        console.print(t)

    table("Cited with conflicting dates or types", ["document", "warning"],
          [[c["id"], "\n".join(c["warnings"])] for c in report["conflicts"]])
    table("Cited but not in the corpus", ["document", "type", "date", "issuer", "cited by"],
          [[m["id"], m["doc_type"], m["date"], m["issuer"], m["cited_by"]] for m in report["missing"]])
    table("Numbers that stand for several documents", ["number", "documents"],
          [[a["number"], "\n".join(a["documents"])] for a in report["ambiguous_numbers"]]
          + [["(citation)", w] for w in report["unresolved_citations"]])
    table("Plans whose implemented document is not in the corpus", ["plan", "file", "implements"],
          [[o["plan"], o["source"], o["implements"]] for o in report["orphan_plans"]])
    table("From directive to plan", ["directive", "plan", "directive date", "plan date", "days"],
          [[t["directive"], t["plan"], t["directive_date"], t["plan_date"], t["days"]] for t in report["lead_times"]])
