"""``danvan check PATH...``: what in a corpus needs a person's eye (``graph/report.py``)."""

from __future__ import annotations

import json
import sys

import click

from .help import LocalizedCommand
from .options import corpus_from, corpus_options


@click.command("check", cls=LocalizedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@corpus_options
def check_cmd(paths: tuple[str, ...], fmt: str, store: str | None, no_store: bool, jobs: int | None, quiet: bool,
              debug: bool) -> None:
    """Report what in a corpus needs a person's eye: conflicting citations, missing
    documents, shared numbers, plans without their directive, and lead times.

    PATH: files and folders, read recursively; without PATH, every document the store holds."""
    from ..graph.report import build_report

    corpus = corpus_from(paths, store, no_store, jobs, quiet, debug)
    report = build_report(corpus.graph().whole())
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        from ..render.report import print_report

        print_report(report)
    if corpus.errors:
        sys.exit(1)
