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

STATUS_TEXT = {HAS: "có văn bản", CITED: "chỉ qua trích dẫn", NONE: "không có trong kho"}
STATUS_EN = {HAS: "has a document", CITED: "cited only (text not in corpus)", NONE: "no document in this corpus"}
DUE_TEXT = {"upcoming": "sắp tới", "due": "đến hạn", "overdue": "quá hạn", "met": "đúng hạn", "late": "muộn"}
HOW_TEXT = {"directly": "trực tiếp", "through an intermediate document": "qua cấp trung gian",
            "second-hand": "qua liên kết gián tiếp"}
LEVEL_TEXT = {"central": "Trung ương", "province": "Tỉnh / Thành phố", "district": "Huyện / Quận / Thị xã",
              "commune": "Xã / Phường / Thị trấn"}


def _tier(level: str | None) -> str:
    for t in ("central", "province", "district", "commune"):
        if (level or "").endswith(t):
            return t
    return "?"


def doc_label(a: Action) -> str:
    x = a.attrs
    ident = f"{x.get('doc_type') or 'Văn bản'} {x.get('number') or '(không số)'}"
    return ident if x.get("in_corpus") else ident + " ◌"


def lag_text(a: Action | None) -> str:
    if a is None or a.lag_days is None:
        return "—"
    return ("≥" if a.lag_approximate else "") + str(a.lag_days)


def _due_cell(report: TrackReport, row: Any, sep: str = " ") -> str:
    nxt = row.next_due(report.as_of)
    overdue = sum(1 for d in row.dues if d.status == "overdue")
    if nxt is None:
        return "—"
    cell = f"{nxt.day.strftime('%d/%m/%Y')} {DUE_TEXT.get(nxt.status, nxt.status)}"
    if overdue and nxt.status != "overdue":
        cell += f"{sep}({overdue} quá hạn)"
    return cell


def date_text(a: Action | None) -> str:
    """The document's date, else the year it is for, else ``?``."""
    if a is None:
        return "—"
    return a.attrs.get("date") or (str(a.attrs["year"]) if a.attrs.get("year") else "?")


def _root_line(report: TrackReport) -> str:
    a = report.root_attrs
    present = "" if a.get("in_corpus") else "  ◌ not in corpus"
    return (f"[bold]{a.get('doc_type') or 'Văn bản'} {a.get('number') or ''}[/bold]  {a.get('date') or '?'}  "
            f"{a.get('issuer') or '?'}{present} — {a.get('title') or ''}")


def summary_line(report: TrackReport) -> str:
    s = report.summary()
    lag = "—" if s["median_lag_days"] is None else f"{s['median_lag_days']:g}"
    if not report.readable:
        return f"{s['documents']} documents carry it out; median lag {lag} days"
    return (f"{s['units']} units told to act · {s['with_document']} with a document ({s['with_plan']} with a plan) · "
            f"{s['no_document']} with no document in this corpus · median lag {lag} days · "
            f"{s['overdue']} overdue, {s['due']} due · {s['unasked']} acted without being told")


def render_table(report: TrackReport, console: Console) -> None:
    console.print(_root_line(report))
    console.print(f"[dim]as of {report.as_of.isoformat()}"
                  + (f" · territory: {report.territory.display}" if report.territory else "") + "[/dim]")
    for note in report.notes:
        console.print(f"[yellow]{note}[/yellow]")
    if report.readable:
        t = Table(show_lines=False, expand=True)
        for col, kw in (("Đơn vị", {"ratio": 3}), ("Trạng thái", {"no_wrap": True}), ("Văn bản", {"ratio": 2}),
                        ("Ngày", {"no_wrap": True}), ("Trễ (ngày)", {"justify": "right", "no_wrap": True}),
                        ("Hạn kế tiếp", {"no_wrap": True, "min_width": 18})):
            t.add_column(col, **kw)
        for row in report.rows:
            p = row.primary
            style = None if row.status == HAS else "dim"
            t.add_row(row.unit.target.name, STATUS_TEXT[row.status], doc_label(p) if p else "—",
                      date_text(p), lag_text(p), _due_cell(report, row, "\n"), style=style)
            for b in row.below:
                t.add_row(f"  └ {b.attrs.get('issuer') or '?'}", f"[dim]{HOW_TEXT.get(b.how, b.how)}[/dim]", doc_label(b),
                          date_text(b), lag_text(b), "")
        console.print(t)
    else:
        _cascade_table(report.cascade, console, "Who acted, by level")
    if report.unasked:
        _cascade_table(report.unasked, console, "Acted without being told (not named by the root)")
    exp = report.expectation
    if exp and exp.untracked:
        console.print("[dim]Told, but no list of units stands for it: "
                      + "; ".join(f"«{o.phrase}» ({o.where})" for o in exp.untracked) + "[/dim]")
    console.print(summary_line(report))
    console.print("[dim]◌ = known from citations only; ≥ = lag from a partial date; "
                  "no document in this corpus ≠ did not act[/dim]")


def _cascade_table(actions: list[Action], console: Console, title: str) -> None:
    t = Table(title=title, title_justify="left", expand=True)
    for col in ("Cấp", "Đơn vị", "Văn bản", "Ngày", "Trễ (ngày)", "Quan hệ"):
        t.add_column(col)
    for a in sorted(actions, key=lambda a: (["central", "province", "district", "commune", "?"].index(_tier(a.attrs.get("level"))),
                                            a.attrs.get("issuer") or "", a.node)):
        if not a.attrs.get("in_corpus"):
            continue
        t.add_row(LEVEL_TEXT.get(_tier(a.attrs.get("level")), "?"), a.attrs.get("issuer") or "?", doc_label(a),
                  date_text(a), lag_text(a), f"{a.relation} ({a.how})")
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
    data["labels"] = {"status": STATUS_TEXT, "status_en": STATUS_EN, "due": DUE_TEXT, "level": LEVEL_TEXT}
    for row, out in zip(report.rows, data["units"], strict=True):
        out["document_label"] = doc_label(row.primary) if row.primary else None
        out["lag_text"] = lag_text(row.primary)
        out["next_text"] = _due_cell(report, row)
    for a, out in zip(report.cascade, data["cascade"], strict=True):
        out["label"] = doc_label(a)
        out["tier"] = _tier(a.attrs.get("level"))
        out["file"] = Path(a.attrs.get("source") or "").name or None
    return data


def to_html(report: TrackReport) -> str:
    """One self-contained page (no network): summary, the cascade, the sortable table."""
    a = report.root_attrs
    title = f"danvan track — {a.get('doc_type') or ''} {a.get('number') or report.root}".strip()
    payload = _script_safe(json.dumps(html_payload(report), ensure_ascii=False))
    page = _asset("track.html")
    page = page.replace("__SCRIPT__", _asset("track.js").replace("</script", "<\\/script"))
    page = page.replace("__TITLE__", html.escape(title))
    return page.replace("__DATA__", payload, 1)
