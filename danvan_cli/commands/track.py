"""``danvan track --root NUMBER PATH...``: who was told to act on a directive, who has, how late,
and what is overdue."""

from __future__ import annotations

import json
import sys
from datetime import date

import click

from .help import LocalizedCommand
from .options import BOM, corpus_from, corpus_options, output_option, pick_root

FORMATS = ("table", "json", "csv", "html")
#: exit code of ``--fail-on-missing`` when some unit told to act has no document in the corpus
EXIT_MISSING = 3


def _as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2025-03-31", param_hint="--as-of") from None


@click.command("track", cls=LocalizedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--root", "root_number", required=True, help="Number of the directive to track: 33/CT-TTg, 23-QĐ/TW.")
@click.option("--year", type=int, default=None, help="Keep the root documents of this year (numbers restart every year).")
@click.option("--issuer", default=None, help="Keep the root documents whose issuer or place contains this text (accents optional).")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD",
              help="The day deadlines are judged on (upcoming, due, overdue); documents dated later are not counted. Default: today.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@output_option
@click.option("--fail-on-missing", is_flag=True, help=f"Exit {EXIT_MISSING} when a unit told to act has no document in the corpus.")
@corpus_options
def track_cmd(
    paths: tuple[str, ...],
    root_number: str,
    year: int | None,
    issuer: str | None,
    as_of: str | None,
    fmt: str,
    output: str | None,
    fail_on_missing: bool,
    store: str | None,
    no_store: bool,
    jobs: int | None,
    quiet: bool,
    debug: bool,
) -> None:
    """Track the directive numbered ROOT across the documents under PATH (files or folders,
    read recursively; without PATH, every document the store holds): the units its own text tells to act, the documents each has issued
    carrying it out (directly, through an intermediate plan, or second-hand), the lag in
    days, the units with no document in this corpus, and its deadlines per unit. Documents
    come from the store (indexed first if new or changed) unless --no-store."""
    from ..track.report import track

    day = _as_of(as_of)
    corpus = corpus_from(paths, store, no_store, jobs, quiet, debug)
    graphs = corpus.graph()
    root = pick_root(graphs.numbered(root_number), root_number, year, issuer)
    # what carries the root out and what it rests on, walked from it: the cost follows the
    # cascade, not the corpus (a warm store answers from its indexes)
    g = graphs.around(root)
    source = g.nodes[root].get("source")
    report = track(g, root, corpus.document(source) if source else None, as_of=day)
    _emit(report, fmt, output)
    if fail_on_missing and report.readable and report.missing:
        sys.exit(EXIT_MISSING)
    if corpus.errors:
        sys.exit(1)


def _emit(report: object, fmt: str, output: str | None) -> None:
    from ..render.track import render_table, to_csv, to_html

    if fmt == "table":
        from rich.console import Console

        if output:
            with open(output, "w", encoding="utf-8") as fh:
                render_table(report, Console(file=fh, width=140, no_color=True))  # type: ignore[arg-type]
        else:
            render_table(report, Console())  # type: ignore[arg-type]
        return
    if fmt == "json":
        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"  # type: ignore[attr-defined]
    elif fmt == "csv":
        text = to_csv(report)  # type: ignore[arg-type]
        if output:
            text = BOM + text
    else:
        text = to_html(report)  # type: ignore[arg-type]
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    else:
        click.echo(text, nl=False)
