"""``danvan deadlines PATH... --year Y``: what is due, when, by whom, over a corpus."""

from __future__ import annotations

import calendar
import json
import sys
from datetime import date

import click

from .help import LocalizedCommand
from .options import BOM, corpus_from, corpus_options, output_option

FORMATS = ("table", "json", "csv", "ics")


def _iso_date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2025-03-31", param_hint=name) from None


def window(year: int | None, month: int | None, start: str | None, end: str | None) -> tuple[date, date]:
    """The days asked for: a month of a year, a year, or an explicit ``--from``/``--to``."""
    d_from, d_to = _iso_date(start, "--from"), _iso_date(end, "--to")
    if month is not None and (d_from or d_to):
        raise click.UsageError("--month cannot be combined with --from/--to")
    if month is not None and year is None:
        raise click.UsageError("--month needs --year")
    if d_from or d_to:
        y = year or (d_from or d_to).year  # type: ignore[union-attr]
        d_from = d_from or date(y, 1, 1)
        d_to = d_to or date(y, 12, 31)
        if d_from > d_to:
            raise click.UsageError("--from is after --to")
        return d_from, d_to
    if year is None:
        raise click.UsageError("give --year (and optionally --month) or --from/--to")
    if month is not None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


@click.command("deadlines", cls=LocalizedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--year", type=click.IntRange(1900, 2100), default=None, help="The year to list (1 January - 31 December).")
@click.option("--month", type=click.IntRange(1, 12), default=None, help="Only this month of --year.")
@click.option("--from", "date_from", default=None, metavar="YYYY-MM-DD", help="First day of the window.")
@click.option("--to", "date_to", default=None, metavar="YYYY-MM-DD", help="Last day of the window.")
@click.option("--assignee", default=None, help="Only deadlines of units whose name contains this text (accents optional).")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD",
              help="Add each occurrence's status on this day: upcoming, due, overdue, met or late (answered by a report in the corpus).")
@click.option("--include-expired", is_flag=True, help="Also show occurrences past a document's horizon (đến năm 2020...).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@output_option
@corpus_options
def deadlines_cmd(
    paths: tuple[str, ...],
    year: int | None,
    month: int | None,
    date_from: str | None,
    date_to: str | None,
    assignee: str | None,
    as_of: str | None,
    include_expired: bool,
    fmt: str,
    output: str | None,
    store: str | None,
    no_store: bool,
    jobs: int | None,
    quiet: bool,
    debug: bool,
) -> None:
    """List what is due in a window over the documents under PATH (files or folders, read
    recursively; without PATH, every document the store holds). Recurring deadlines are
    expanded to their occurrences."""
    from ..schedule import occurrences, to_csv, to_ics

    start, end = window(year, month, date_from, date_to)
    corpus = corpus_from(paths, store, no_store, jobs, quiet, debug)
    statuses = None
    if as_of is None:
        # only the documents whose deadlines can fall in the window, read from the store's rows
        docs = corpus.deadline_documents(start, end, include_expired)
        occs = occurrences(docs, start, end, include_expired=include_expired, assignee=assignee)
    else:
        from ..track.status import deadline_statuses

        # a status is answered by the reports in the whole corpus: every document is needed
        docs = corpus.documents()
        occs = occurrences(docs, start, end, include_expired=include_expired, assignee=assignee)
        statuses = deadline_statuses(occs, docs, _iso_date(as_of, "--as-of"))  # type: ignore[arg-type]

    if fmt == "table":
        from rich.console import Console

        from ..render.deadlines import render_table

        if output:
            with open(output, "w", encoding="utf-8") as fh:
                render_table(occs, Console(file=fh, width=120), statuses)
        else:
            render_table(occs, Console(), statuses)
    else:
        if fmt == "json":
            rows = [o.to_dict() for o in occs]
            for row, st in zip(rows, statuses or [], strict=False):
                row.update(st.to_dict())
            data: str | bytes = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
        elif fmt == "csv":
            data = to_csv(occs, [st.status for st in statuses] if statuses is not None else None)
            if output:
                data = BOM + data
        else:
            data = to_ics(occs, include_expired=include_expired, end=end)
        _write(data, output)
    if corpus.errors:
        sys.exit(1)


def _write(data: str | bytes, output: str | None) -> None:
    if isinstance(data, str):
        if output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(data)
        else:
            click.echo(data, nl=False)
        return
    if output:
        with open(output, "wb") as fh:
            fh.write(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
