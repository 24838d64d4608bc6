"""``danvan check`` for people: one rich table per list of the report."""

from __future__ import annotations

from typing import Any

from ..i18n import _, localized, ngettext


def print_report(report: dict[str, Any], limit: int = 30) -> None:
    """Rich tables, one per list; long lists are cut at ``limit`` rows (json has them all)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=True)
    console.print(ngettext("{n} document, {parsed} read from the corpus", "{n} documents, {parsed} read from the corpus",
                           report["documents"]).format(n=report["documents"], parsed=report["in_corpus"]))

    def table(title: str, cols: list[str], rows: list[list[Any]]) -> None:
        t = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for c in cols:
            t.add_column(c)
        for r in rows[:limit]:
            t.add_row(*("" if x is None else str(x) for x in r))
        if len(rows) > limit:
            t.caption = _("… {n} more (--format json for all)").format(n=len(rows) - limit)
        console.print(t)

    table(_("Cited with conflicting dates or types"), [_("document"), _("warning")],
          [[c["id"], "\n".join(localized(w) for w in c["warnings"])] for c in report["conflicts"]])
    table(_("Cited but not in the corpus"), [_("document"), _("type"), _("date"), _("issuer"), _("cited by")],
          [[m["id"], m["doc_type"], m["date"], m["issuer"], m["cited_by"]] for m in report["missing"]])
    table(_("Numbers that stand for several documents"), [_("number"), _("documents")],
          [[a["number"], "\n".join(a["documents"])] for a in report["ambiguous_numbers"]]
          + [[_("(citation)"), w] for w in report["unresolved_citations"]])
    table(_("Plans whose implemented document is not in the corpus"), [_("plan"), _("file"), _("implements")],
          [[o["plan"], o["source"], o["implements"]] for o in report["orphan_plans"]])
    table(_("From directive to plan"), [_("directive"), _("plan"), _("directive date"), _("plan date"), _("days")],
          [[t["directive"], t["plan"], t["directive_date"], t["plan_date"], t["days"]] for t in report["lead_times"]])
