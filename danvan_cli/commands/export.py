"""``danvan export --format parquet|csv|jsonl -o DIR [PATH...]``: the corpus as tables."""

from __future__ import annotations

import sys

import click

from .help import LocalizedCommand
from ..corpus.export import FORMATS
from .options import corpus_from, corpus_options


@click.command("export", cls=LocalizedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="csv (a plain install has it; UTF-8 with a BOM so Excel reads Vietnamese), jsonl, or parquet "
                   "(needs danvan[parquet])")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), required=True,
              help="The folder to write documents, references, mentions, links, tasks, deadlines, warnings, "
                   "nodes and edges into (one file each).")
@corpus_options
def export_cmd(paths: tuple[str, ...], fmt: str, out_dir: str, store: str | None, no_store: bool,
               jobs: int | None, quiet: bool, debug: bool) -> None:
    """Write the documents under PATH (without PATH, every document the store holds) and
    their graph as tables that Spark, DuckDB, pandas or a graph database load. Parquet
    needs the extra danvan[parquet] (pyarrow)."""
    from ..i18n import _, ngettext
    from ..corpus.export import ExportError, TableWriter, export_store

    if no_store:
        raise click.UsageError(_("export reads the store's tables: it cannot run with --no-store"))
    try:
        writer = TableWriter(out_dir, fmt)
    except ExportError as exc:
        click.echo(f"danvan: {exc}", err=True)
        sys.exit(2)
    corpus = corpus_from(paths, store, False, jobs, quiet, debug)
    counts = export_store(corpus, writer)
    if not quiet:
        shown = ", ".join(f"{t} {n}" for t, n in counts.items())
        click.echo("danvan: " + ngettext("wrote {n} table to {folder}: {counts}", "wrote {n} tables to {folder}: {counts}",
                                         len(counts)).format(n=len(counts), folder=out_dir, counts=shown), err=True)
    if corpus.errors:
        sys.exit(1)
