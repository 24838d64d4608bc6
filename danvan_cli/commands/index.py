"""``danvan index PATH...``: parse a corpus into the store once; later commands read it."""

from __future__ import annotations

import sys
import time

import click

from .help import LocalizedCommand
from ..corpus.scan import Walk
from .options import corpus_options

ENGINES = ("local", "dask")


@click.command("index", cls=LocalizedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: worker processes here (--jobs); dask: the workers of a Dask cluster (--scheduler).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="The Dask scheduler, e.g. tcp://10.0.0.5:8786 (default with --engine dask: a cluster on this machine).")
@click.option("--to", "to_dir", type=click.Path(file_okay=False), default=None,
              help="With --engine dask: write Parquet tables into this folder instead of the store.")
@click.option("--no-graph", is_flag=True, help="Do not build the corpus graph (the nodes/edges views) now.")
@corpus_options
def index_cmd(paths: tuple[str, ...], engine: str, scheduler: str | None, to_dir: str | None, no_graph: bool,
              store: str | None, no_store: bool, jobs: int | None, quiet: bool, debug: bool) -> None:
    """Parse the documents under PATH (files and folders, read recursively) into the store.
    Only new or changed files are read; files gone from the folders are dropped. Exit code 1
    if some file could not be read."""
    from ..corpus.cluster import ClusterError
    from ..corpus.export import ExportError
    from ..corpus.scan import walk_paths

    from ..i18n import _

    if not paths:
        raise click.UsageError(_("name the files or folders to index (danvan index . for the current folder)"))
    if no_store and not to_dir:
        raise click.UsageError("index writes the store: --no-store makes sense only with --engine dask --to DIR")
    if to_dir and engine != "dask":
        raise click.UsageError("--to DIR goes with --engine dask")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler goes with --engine dask")

    t0 = time.monotonic()
    walk = walk_paths(list(paths))
    try:
        errors, summary = _run(walk, engine, scheduler, to_dir, no_graph, store, jobs, quiet, debug)
    except (ClusterError, ExportError) as exc:
        click.echo(f"danvan: {exc}", err=True)
        sys.exit(2)
    line = walk.skipped_line()
    if line and not quiet:
        click.echo(f"danvan: {line}", err=True)
    if not quiet:
        from ..i18n import ngettext

        failed = (", " + ngettext("{n} could not be read", "{n} could not be read", len(errors)).format(n=len(errors))
                  if errors else "")
        click.echo(f"danvan: {summary}{failed} ({time.monotonic() - t0:.1f} s)", err=True)
    if errors:
        sys.exit(1)


def _run(walk: Walk, engine: str, scheduler: str | None, to_dir: str | None, no_graph: bool, store: str | None,
         jobs: int | None, quiet: bool, debug: bool) -> tuple[list[str], str]:
    """Index as asked; (errors, the summary line)."""
    from ..corpus.scan import report_error
    from ..corpus.source import open_store

    errors: list[str]
    if engine == "dask" and to_dir:
        from ..corpus.cluster import index_to_parquet

        counts, errors = index_to_parquet(walk, to_dir, scheduler=scheduler, debug=debug, on_error=report_error)
        from ..i18n import ngettext

        n = counts.get("documents", 0)
        summary = ngettext("wrote {n} document to {folder}", "wrote {n} documents to {folder}", n).format(n=n, folder=to_dir)
    else:
        from ..corpus.ocr_cache import OcrPlan
        from ..corpus.progress import Progress, wanted
        from .options import ocr_mode

        st = open_store(store)
        parse = None
        if engine == "dask":
            from ..corpus.cluster import dask_mapper

            parse = dask_mapper(scheduler)
        with Progress(wanted(quiet)) as bar:
            report = st.sync(walk, jobs=jobs or None, debug=debug, on_error=report_error, progress=bar.advance,
                             start_progress=bar.start, parse=parse, ocr=OcrPlan(ocr_mode(), store=str(st.path)),
                             pages=bar.pages)
        if not no_graph and report.selected:
            from ..corpus.source import StoredCorpus

            StoredCorpus(store=st, selected=report.selected, report=report).graph()
        st.close()
        errors = report.errors
        from ..i18n import ngettext

        summary = ngettext("{n} document in {store}: {parsed} parsed, {unchanged} unchanged, {removed} removed",
                           "{n} documents in {store}: {parsed} parsed, {unchanged} unchanged, {removed} removed",
                           len(report.selected)).format(n=len(report.selected), store=st.path, parsed=report.parsed,
                                                        unchanged=report.unchanged + report.refreshed,
                                                        removed=report.removed)
    return errors, summary
