"""``danvan track`` for people (a table), for spreadsheets (CSV) and as one offline HTML page.

The table has one row per unit the directive told to act, in the order the directive's
expansion gives (the official order of the units), with the documents below a unit
indented under it; units with nothing in the corpus say "no document in this corpus",
never that they did not act. Documents from units nobody told come after, apart.
"""

from __future__ import annotations

import csv
import html
import io
import json
from importlib import resources
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from ..track.cascade import Action
from ..track.report import CITED, HAS, NONE, TrackReport

from ..i18n import N_, _, current, ngettext
from ..words import due as due_word
from ..words import how as how_word
from ..words import relation as relation_word
from ..words import tier as tier_word
from ..words import unnumbered
from ..filenames import shown as shown_path

STATUS = {HAS: N_("has a document"), CITED: N_("cited only (text not in the corpus)"),
          NONE: N_("no document in this corpus"), "acted": N_("has a document"), "unasked": N_("not told to act")}
#: below this many columns each unit is one block (status, document, days, deadline stacked)
WIDE = 110


def _tier(level: str | None) -> str:
    for t in ("central", "province", "district", "commune"):
        if (level or "").endswith(t):
            return t
    return "?"


def status_word(code: str) -> str:
    return _(STATUS[code]) if code in STATUS else code


def doc_label(a: Action) -> str:
    x = a.attrs
    ident = f"{x['doc_type'] or _('Document')} {x['number']}" if x.get("number") else unnumbered(x.get("doc_type"))
    return ident if x.get("in_corpus") else ident + " ◌"


def lag_text(a: Action | None) -> str:
    """Days from the root to the document; ``≥36`` when the document's date is partial
    (a month or a year: the lag is at least that)."""
    if a is None or a.lag_days is None:
        return "—"
    return ("≥" if a.lag_approximate else "") + str(a.lag_days)


def _due_cell(report: TrackReport, row: Any, sep: str = " ") -> str:
    """The next deadline and its status; how many are overdue, and by how many days the
    oldest is late (days late against a deadline, apart from the days after the root)."""
    nxt = row.next_due(report.as_of)
    overdue = [d for d in row.dues if d.status == "overdue"]
    if nxt is None:
        return "—"
    cell = f"{nxt.day.strftime('%d/%m/%Y')} {due_word(nxt.status)}"
    if nxt.status == "overdue":
        cell += sep + _("{n} days late").format(n=(report.as_of - nxt.day).days)
    elif overdue:
        cell += sep + "(" + ngettext("{n} overdue", "{n} overdue", len(overdue)).format(n=len(overdue)) + ")"
    return cell


def date_text(a: Action | None) -> str:
    """The document's date, else the year it is for, else ``—`` (never ``?``)."""
    if a is None:
        return "—"
    return a.attrs.get("date") or (str(a.attrs["year"]) if a.attrs.get("year") else "—")


def _root_line(report: TrackReport) -> str:
    from rich.markup import escape

    a = report.root_attrs
    present = "" if a.get("in_corpus") else "  ◌ " + _("not in the corpus")
    ident = f"{a.get('doc_type') or _('Document')} {a.get('number') or ''}".strip()
    return escape(f"{ident}  {a.get('date') or '—'}  {a.get('issuer') or '—'}{present} — {a.get('title') or ''}")


def median_text(report: TrackReport) -> str:
    """``median 36 days after the root (12 exact); 2 at least 599 days`` — the median is of exact
    lags only; lags from partial dates are lower bounds, said apart."""
    s = report.summary()
    parts = []
    if s["median_lag_days"] is not None:
        parts.append(_("median {days:g} days after the root (of {n} exact)").format(days=s["median_lag_days"],
                                                                                      n=s["exact_lags"]))
    else:
        parts.append(_("no exact lag"))
    bounds = s["lag_lower_bounds"]
    if bounds:
        parts.append(ngettext("{n} lag from a partial date: at least {days} days",
                              "{n} lags from partial dates: at least {days} days", len(bounds))
                     .format(n=len(bounds), days=", ".join(str(b) for b in bounds)))
    return "; ".join(parts)


def summary_line(report: TrackReport) -> str:
    s = report.summary()
    if not report.readable:
        docs = ngettext("{n} document carries it out", "{n} documents carry it out", s["documents"]).format(n=s["documents"])
        return f"{docs}; {median_text(report)}"
    return " · ".join([
        ngettext("{n} unit told to act", "{n} units told to act", s["units"]).format(n=s["units"]),
        _("{n} with a document ({plans} with a plan)").format(n=s["with_document"], plans=s["with_plan"]),
        _("{n} with no document in this corpus").format(n=s["no_document"]),
        median_text(report),
        _("{overdue} overdue, {due} due").format(overdue=s["overdue"], due=s["due"]),
        _("{n} acted without being told").format(n=s["unasked"]),
    ])


def render_table(report: TrackReport, console: Console) -> None:
    from rich.markup import escape

    wide = console.width >= WIDE
    console.print(_root_line(report))
    territory = " · " + _("territory: {name}").format(name=report.territory.display) if report.territory else ""
    as_of = _("as of {day}").format(day=report.as_of.isoformat())
    console.print("[dim]" + escape(as_of + territory) + "[/dim]")
    for message, values in report.notes:
        console.print(f"[yellow]{escape(_(message).format(**values))}[/yellow]")
    if report.readable:
        t = Table(show_lines=not wide, expand=True)
        if wide:
            for col, kw in ((_("Unit"), {"ratio": 3}), (_("Status"), {"no_wrap": True}), (_("Document"), {"ratio": 2}),
                            (_("Date"), {"no_wrap": True}),
                            (_("Days after the root"), {"justify": "right", "no_wrap": True}),
                            (_("Next deadline"), {"no_wrap": True, "min_width": 18})):
                t.add_column(col, **kw)
        else:
            t.add_column(_("Unit"), ratio=2)
            t.add_column(_("Document · date · days after the root · next deadline"), ratio=3)
        for row in report.rows:
            p = row.primary
            style = None if row.status == HAS else "dim"
            cells = [status_word(row.status), doc_label(p) if p else "—", date_text(p), lag_text(p),
                     _due_cell(report, row, "\n" if wide else " ")]
            if wide:
                t.add_row(escape(row.unit.target.name), *map(escape, cells), style=style)
            else:
                t.add_row(escape(row.unit.target.name), escape(_stacked(cells)), style=style)
            for b in row.below:
                below = [f"[dim]{escape(how_word(b.how))}[/dim]", escape(doc_label(b)), date_text(b), lag_text(b), ""]
                name = escape(f"  └ {b.attrs.get('issuer') or '—'}")
                if wide:
                    t.add_row(name, *below)
                else:
                    t.add_row(name, escape(_stacked([how_word(b.how), doc_label(b), date_text(b), lag_text(b), ""])))
        console.print(t)
    else:
        _cascade_table(report.cascade, console, _("Who acted, by level"))
    if report.unasked:
        _cascade_table(report.unasked, console, _("Acted without being told (not named by the root)"))
    exp = report.expectation
    if exp and exp.untracked:
        console.print("[dim]" + escape(_("Told, but no list of units stands for it:") + " "
                      + "; ".join(f"«{o.phrase}» ({o.where})" for o in exp.untracked)) + "[/dim]")
    console.print(escape(summary_line(report)))
    console.print("[dim]" + escape(_("◌ = known from citations only; ≥ = days after the root from a partial date "
                                     "(at least); no document in this corpus ≠ did not act")) + "[/dim]")


def _stacked(cells: list[str]) -> str:
    """A unit's status, document, date, days after the root and next deadline as lines of one cell."""
    status, doc, day, lag, nxt = cells
    lines = [status]
    if doc != "—":
        lines.append(_doc_line(doc, day, lag))
    if nxt and nxt != "—":
        lines.append(_("next deadline: {deadline}").format(deadline=nxt))
    return "\n".join(lines)


def _doc_line(doc: str, day: str, lag: str) -> str:
    """``Kế hoạch 34/KH-UBND · 2022-04-12 · 28 days after the root``; what is not known is left out."""
    parts = [doc] + [x for x in (day,) if x != "—"]
    if lag != "—":
        parts.append(_("{days} days after the root").format(days=lag))
    return " · ".join(parts)


def _cascade_table(actions: list[Action], console: Console, title: str) -> None:
    from rich.markup import escape

    wide = console.width >= WIDE
    t = Table(title=title, title_justify="left", expand=True, show_lines=not wide)
    if wide:
        for col in (_("Level"), _("Unit"), _("Document"), _("Date"), _("Days after the root"), _("Relation")):
            t.add_column(col)
    else:
        t.add_column(_("Unit"), ratio=2)
        t.add_column(_("Document · date · days after the root"), ratio=3)
    for a in sorted(actions, key=lambda a: (["central", "province", "district", "commune", "?"].index(_tier(a.attrs.get("level"))),
                                            a.attrs.get("issuer") or "", a.node)):
        if not a.attrs.get("in_corpus"):
            continue
        rel = f"{relation_word(a.relation)} ({how_word(a.how)})"
        if wide:
            t.add_row(*map(escape, (tier_word(a.attrs.get("level")), a.attrs.get("issuer") or "—", doc_label(a),
                                    date_text(a), lag_text(a), rel)))
        else:
            unit = f"{escape(a.attrs.get('issuer') or '—')}\n[dim]{escape(tier_word(a.attrs.get('level')))}[/dim]"
            docline = _doc_line(doc_label(a), date_text(a), lag_text(a))
            t.add_row(unit, escape(docline) + "\n" + f"[dim]{escape(rel)}[/dim]")
    console.print(t)


# --------------------------------------------------------------------------- CSV

CSV_COLUMNS = ["unit", "level", "system", "status", "document", "number", "date", "lag_days", "relation", "how",
               "chain", "documents", "below", "next_deadline", "next_deadline_status", "overdue", "told_by", "source"]


def _chain_text(a: Action) -> str:
    return " → ".join([a.node] + [link.target for link in a.chain])


def to_csv(report: TrackReport) -> str:
    """One row per expected unit; then the documents of units nobody told (status
    ``unasked``); when the root's text is absent, one row per document (status ``acted``)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for row in report.rows:
        p = row.primary
        nxt = row.next_due(report.as_of)
        t = row.unit.target
        w.writerow([t.name, t.level or "", t.system, row.status, doc_label(p) if p else "",
                    (p.attrs.get("number") or "") if p else "", (p.attrs.get("date") or "") if p else "",
                    "" if p is None or p.lag_days is None else p.lag_days, p.relation if p else "",
                    p.how if p else "", _chain_text(p) if p else "", len(row.documents), len(row.below),
                    nxt.day.isoformat() if nxt else "", nxt.status if nxt else "",
                    sum(1 for d in row.dues if d.status == "overdue"),
                    "; ".join(f"{o.phrase} [{o.where}]" for o in row.unit.origins),
                    (p.attrs.get("source") or "") if p else ""])
    extra = report.unasked if report.readable else [a for a in report.cascade if a.attrs.get("in_corpus")]
    for a in extra:
        w.writerow([a.attrs.get("issuer") or "", _tier(a.attrs.get("level")), "", "unasked" if report.readable else "acted",
                    doc_label(a), a.attrs.get("number") or "", a.attrs.get("date") or "",
                    "" if a.lag_days is None else a.lag_days, a.relation, a.how, _chain_text(a), 1, 0, "", "", 0, "",
                    a.attrs.get("source") or ""])
    return buf.getvalue()


# --------------------------------------------------------------------------- HTML


def _asset(name: str) -> str:
    return resources.files("danvan_cli.render").joinpath(name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("<!--", "<\\!--")


def html_payload(report: TrackReport) -> dict[str, Any]:
    """What the page shows: the report's JSON plus the labels the page needs."""
    data = report.to_dict()
    data["labels"] = {"status": {code: status_word(code) for code in STATUS},
                      "level": {code: tier_word(code) for code in ("central", "province", "district", "commune")},
                      "text": {key: _(message) for key, message in PAGE_TEXT.items()}}
    data["notes_text"] = [_(message).format(**values) for message, values in report.notes]
    data["summary_text"] = summary_line(report)
    for row, out in zip(report.rows, data["units"], strict=True):
        out["document_label"] = doc_label(row.primary) if row.primary else None
        out["lag_text"] = lag_text(row.primary)
        out["date_text"] = date_text(row.primary) if row.primary else "—"
        out["next_text"] = _due_cell(report, row)
        out["level_text"] = tier_word(row.unit.target.level)
    for key, actions in (("cascade", report.cascade), ("unasked", report.unasked)):
        for a, out in zip(actions, data[key], strict=True):
            out["label"] = doc_label(a)
            out["tier"] = _tier(a.attrs.get("level"))
            out["level_text"] = tier_word(a.attrs.get("level"))
            out["file"] = shown_path(Path(a.attrs.get("source") or "").name) or None
            out["lag_text"] = lag_text(a)
            out["date_text"] = date_text(a)
            out["relation_text"] = f"{relation_word(a.relation)} ({how_word(a.how)})"
    return data


#: the page's own words (headings, cards, hints), from the catalogue like every other view's
PAGE_TEXT = {
    "cascade": N_("The cascade"),
    "units": N_("Units told to act"),
    "by_level": N_("Documents carrying it out, by level"),
    "hint": N_("Click a column heading to sort. \"No document in this corpus\" does not mean the unit did not act."),
    "unasked": N_("Acted without being told"),
    "not_in_corpus": N_("not in the corpus"),
    "as_of": N_("as of"),
    "card_units": N_("units told to act"),
    "card_plan": N_("with a plan"),
    "card_none": N_("no document"),
    "card_median": N_("median days after the root (exact dates)"),
    "card_overdue": N_("overdue"),
    "card_unasked": N_("not told to act"),
    "card_documents": N_("documents carrying it out"),
    "col_unit": N_("Unit"),
    "col_level": N_("Level"),
    "col_status": N_("Status"),
    "col_document": N_("Document"),
    "col_date": N_("Date"),
    "col_lag": N_("Days after the root"),
    "col_next": N_("Next deadline"),
    "col_overdue": N_("Overdue"),
    "col_relation": N_("Relation"),
    "days_after": N_("days after the root"),
}


def to_html(report: TrackReport) -> str:
    """One self-contained page (no network): summary, the cascade, the sortable table."""
    a = report.root_attrs
    title = f"danvan track — {a.get('doc_type') or ''} {a.get('number') or report.root}".strip()
    payload = _script_safe(json.dumps(html_payload(report), ensure_ascii=False))
    page = _asset("track.html")
    page = page.replace("__SCRIPT__", _asset("track.js").replace("</script", "<\\/script"))
    page = page.replace("__TITLE__", html.escape(title)).replace("__LANG__", current())
    for key, message in PAGE_TEXT.items():
        page = page.replace(f"__T_{key}__", html.escape(_(message)))
    return page.replace("__DATA__", payload, 1)
