"""``danvan graph PATH... --root NUMBER``: how a directive is carried out across a corpus."""

from __future__ import annotations

import sys

import click

from .help import LocalizedCommand
from ..graph.export import FORMATS
from ..graph.query import DIRECTIONS
from .options import EXIT_NOT_FOUND, corpus_from, corpus_options, output_option, pick_root


def _relations(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    from ..graph.build import ALL_RELATIONS

    if value.strip().lower() == "all":
        return ALL_RELATIONS
    rels = tuple(r.strip() for r in value.split(",") if r.strip())
    bad = [r for r in rels if r not in ALL_RELATIONS]
    if bad:
        raise click.BadParameter(f"unknown relation {', '.join(bad)}; choose from {', '.join(ALL_RELATIONS)} or all")
    return rels


@click.command("graph", cls=LocalizedCommand)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--root", "root_number", required=True, help="Number of the root document as people write it: 33/CT-TTg, 23-QĐ/TW.")
@click.option("--year", type=int, default=None, help="Keep the root documents of this year (numbers restart every year).")
@click.option("--issuer", default=None, help="Keep the root documents whose issuer or place contains this text (accents optional).")
@click.option("--direction", type=click.Choice(DIRECTIONS), default="down", show_default=True,
              help="down: what carries the root out; up: what it rests on; both.")
@click.option("--depth", type=click.IntRange(min=1), default=None, help="Stop this many levels from the root.")
@click.option("--relation", "relation", default=None,
              help="Relations to follow, comma-separated (implements,directs,based_on,amends,replaces,cites or all). "
                   "Default down: implements,directs,based_on; up: all but cites.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="tree", show_default=True)
@output_option
@corpus_options
def graph_cmd(
    paths: tuple[str, ...],
    root_number: str,
    year: int | None,
    issuer: str | None,
    direction: str,
    depth: int | None,
    relation: str | None,
    fmt: str,
    output: str | None,
    store: str | None,
    no_store: bool,
    jobs: int | None,
    quiet: bool,
    debug: bool,
) -> None:
    """Show how the document numbered ROOT is carried out down the levels of a corpus.

    PATH: files and folders, read recursively; without PATH, every document the store holds. Documents
    come from the store (indexed first if new or changed) unless --no-store."""
    from ..graph.export import export
    from ..graph.query import traverse

    rels = _relations(relation)
    corpus = corpus_from(paths, store, no_store, jobs, quiet, debug)
    source = corpus.graph()
    root = pick_root(source.numbered(root_number), root_number, year, issuer)
    sub = traverse(source.around(root, depth), root, direction=direction, depth=depth, relations=rels)
    if fmt == "tree":
        _print_tree(sub, root, output)
    else:
        text = export(sub, fmt)
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
        else:
            click.echo(text, nl=False)
    if corpus.errors:
        sys.exit(EXIT_NOT_FOUND)


def _print_tree(sub: object, root: str, output: str | None) -> None:
    from rich.console import Console

    from ..render.tree import render_tree

    tree = render_tree(sub, root)  # type: ignore[arg-type]
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            Console(file=fh, width=200, no_color=True).print(tree)
    else:
        Console().print(tree)
