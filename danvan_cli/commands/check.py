"""``danvan check PATH...``: what in a corpus needs a person's eye.

Everything here is read off the corpus graph, so the report and ``danvan graph`` can
never disagree about which documents are one and which are two.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date
from typing import Any

import click
import networkx as nx

from .options import corpus_from, corpus_options


def _iso(d: str | None) -> date | None:
    if not d or len(d) != 10:
        return None
    try:
        return date.fromisoformat(d)
    except ValueError:
        return None


def build_report(g: nx.DiGraph) -> dict[str, Any]:
    """The five lists of the report, plain data (``--format json`` prints it as is).

    - ``conflicts``: documents cited with different dates or types (node warnings);
    - ``missing``: cited documents not in the corpus, most cited first;
    - ``ambiguous_numbers``: numbers that stand for several documents, and citations
      that could not be tied to one of them;
    - ``orphan_plans``: plans whose implemented directive is not in the corpus;
    - ``lead_times``: days from a directive to each plan that implements it."""
    conflicts = [
        {"id": n, "number": a.get("number"), "issuer": a.get("issuer"), "warnings": list(a.get("warnings") or [])}
        for n, a in g.nodes(data=True)
        if any(w.startswith(("dated differently", "named as different types")) for w in a.get("warnings") or [])
    ]
    missing = []
    for n, a in g.nodes(data=True):
        if a.get("in_corpus"):
            continue
        citing = sorted({d.get("source") for _u, _v, d in g.in_edges(n, data=True) if d.get("source")})
        missing.append(
            {
                "id": n,
                "number": a.get("number"),
                "doc_type": a.get("doc_type"),
                "date": a.get("date"),
                "issuer": a.get("issuer"),
                "cited_by": len(citing),
                "cited_in": citing,
            }
        )
    missing.sort(key=lambda r: (-r["cited_by"], r["id"]))

    by_number: dict[str, list[str]] = defaultdict(list)
    for n, a in g.nodes(data=True):
        if a.get("number"):
            by_number[a["number"]].append(n)
    ambiguous = [
        {"number": num, "documents": sorted(ids)} for num, ids in sorted(by_number.items()) if len(ids) > 1
    ]
    unresolved = list(g.graph.get("warnings") or [])

    orphans = []
    lead_times = []
    for u, v, d in g.edges(data=True):
        if d.get("relation") != "implements":
            continue
        plan, target = g.nodes[u], g.nodes[v]
        if not target.get("in_corpus"):
            orphans.append({"plan": u, "source": plan.get("source"), "implements": v, "number": target.get("number")})
        start, end = _iso(target.get("date")), _iso(plan.get("date"))
        lead_times.append(
            {
                "directive": v,
                "plan": u,
                "directive_date": target.get("date"),
                "plan_date": plan.get("date"),
                "days": (end - start).days if start and end else None,
            }
        )
    orphans.sort(key=lambda r: (r["implements"], r["plan"]))
    lead_times.sort(key=lambda r: (r["directive"], r["days"] if r["days"] is not None else 10**9, r["plan"]))
    return {
        "schema": "danvan.check/1",
        "documents": g.number_of_nodes(),
        "in_corpus": sum(1 for _n, a in g.nodes(data=True) if a.get("in_corpus")),
        "conflicts": conflicts,
        "missing": missing,
        "ambiguous_numbers": ambiguous,
        "unresolved_citations": unresolved,
        "orphan_plans": orphans,
        "lead_times": lead_times,
    }


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


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@corpus_options
def check_cmd(paths: tuple[str, ...], fmt: str, store: str | None, no_store: bool, jobs: int | None, quiet: bool,
              debug: bool) -> None:
    """Report what in a corpus needs a person's eye: conflicting citations, missing
    documents, shared numbers, plans without their directive, and lead times.

    PATH: files and folders, read recursively (default: the current folder)."""
    corpus = corpus_from(paths, store, no_store, jobs, quiet, debug)
    report = build_report(corpus.graph().whole())
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_report(report)
    if corpus.errors:
        sys.exit(1)
