"""``danvan parse PATH...``: extract each document and print it."""

from __future__ import annotations

import sys

import click

from .help import LocalizedCommand
from ..corpus.scan import parse_paths
from ..model import Document
from .options import lang_option, ocr_mode, ocr_option


@click.command("parse", cls=LocalizedCommand)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "yaml"]),
    default="table",
    show_default=True,
    help="table for people; json (an object for one file, a list for several or a folder), jsonl (one object per line), yaml.",
)
@click.option(
    "--with-text",
    is_flag=True,
    help="Add the normalized text danvan worked on (key 'text'): every offset in the output points into it.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes for many files (default: every core; 1: none); a scan's pages are OCR'd this "
                   "many at once.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@lang_option
@ocr_option
def parse_cmd(paths: tuple[str, ...], fmt: str, with_text: bool, jobs: int | None, debug: bool) -> None:
    """Extract header, cited documents, tasks and deadlines from PATH (files, folders, or - for stdin).

    A file that cannot be read is reported on stderr with its name; the others are
    still parsed and the exit code is 1."""
    from ..render import document as render

    out = sys.stdout
    collected: list[Document] = []

    def emit(doc: Document) -> None:
        if fmt == "jsonl":
            out.write(render.to_json(doc, indent=None, include_text=with_text) + "\n")
            out.flush()
        else:  # tables are printed once the progress bar (on a terminal) is gone
            collected.append(doc)

    from ..corpus.ocr_cache import OcrPlan
    from ..corpus.progress import Progress, wanted
    from ..corpus.store import default_store_path

    # Scans' pages are kept in the store's OCR cache, so a scan parsed again is not OCR'd again.
    plan = OcrPlan(ocr_mode(), store=str(default_store_path()))
    with Progress(wanted(), label="reading") as bar:
        batch = parse_paths(paths, debug=debug, on_document=emit, report_skipped=True, jobs=jobs or None, ocr=plan,
                            pages=bar.pages)
    if fmt == "table":
        for doc in collected:
            render.render_table(doc)
    elif fmt == "json":
        # One object for one file named alone (nothing if it could not be read); a list
        # for several files or a folder, whatever how many of them could be read.
        from pathlib import Path

        single = len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())
        if single:
            if collected:
                out.write(render.to_json(collected[0], include_text=with_text) + "\n")
        else:
            import json

            data = [d.to_dict(include_text=with_text) for d in collected]
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "yaml":
        out.write(render.to_yaml(collected, include_text=with_text))
    if batch.errors:
        sys.exit(1)
