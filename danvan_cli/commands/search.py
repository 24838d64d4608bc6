"""``danvan search QUERY [PATH...]``: full-text search of the indexed corpus, accents optional."""

from __future__ import annotations

import json
import sys

import click

from .help import LocalizedCommand
from .options import corpus_options


@click.command("search", cls=LocalizedCommand)
@click.argument("query")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--type", "doc_type", default=None, help="Only documents of this type (Kế hoạch, chi thi...).")
@click.option("--issuer", default=None, help="Only documents whose issuer or its place contains this (accents optional).")
@click.option("--year", type=int, default=None, help="Only documents of this year.")
@click.option("--cites", default=None, metavar="NUMBER", help="Only documents citing this number (33/CT-TTg).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@corpus_options
def search_cmd(query: str, paths: tuple[str, ...], doc_type: str | None, issuer: str | None, year: int | None,
               cites: str | None, limit: int, fmt: str, store: str | None, no_store: bool, jobs: int | None,
               quiet: bool, debug: bool) -> None:
    """Find the documents whose text holds QUERY: words (all of them), "a phrase", prefix*,
    a OR b. Accents and case do not matter: dan van kheo finds dân vận khéo.

    With PATH (files, folders), those are indexed first if new or changed and only they are
    searched; without, the whole store is."""
    from ..corpus.search import QueryError, parse_query, search
    from ..i18n import _
    from .options import corpus_from

    if no_store:
        raise click.UsageError(_("search reads the store's index: it cannot run with --no-store"))
    try:
        parse_query(query)
    except QueryError as exc:
        raise click.UsageError(str(exc)) from None
    errors: list[str] = []
    if paths:
        corpus = corpus_from(paths, store, False, jobs, quiet, debug)
        st, ids, errors = corpus.store, [i for i, _s in corpus.selected], corpus.errors
    else:
        from ..corpus.source import CorpusOptions, open_whole_store

        whole, gone = open_whole_store(CorpusOptions(store=store))
        st = whole.store
        # files gone from the disk since they were indexed (a deleted folder) do not answer
        ids = [i for i, _s in whole.selected] if gone else None
        if not whole.selected:
            click.echo("danvan: " + _("the store {store} is empty: index a folder first (danvan index FOLDER), or "
                                      "give the folder to search (danvan search QUERY FOLDER)").format(store=st.path),
                       err=True)
            sys.exit(1)
        if gone and not quiet:
            from .options import gone_note

            click.echo("danvan: " + gone_note(gone), err=True)
    hits = search(st.conn, query, ids=ids, doc_type=doc_type, issuer=issuer, year=year, cites=cites, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(hits, ensure_ascii=False, indent=2))
    else:
        _table(hits, query)
    if errors:
        sys.exit(1)


def _table(hits: list[dict[str, object]], query: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..i18n import _, ngettext

    console = Console(soft_wrap=False)
    if not hits:
        console.print(_("nothing found for {query}").format(query=repr(query)))
        return
    title = ngettext("{n} document for {query}", "{n} documents for {query}", len(hits)).format(n=len(hits), query=repr(query))
    t = Table(title=title, title_justify="left", show_lines=True)
    for col in (_("document"), _("snippet")):
        t.add_column(col, overflow="fold")
    for h in hits:
        ident = " ".join(str(x) for x in (h["doc_type"], h["number"]) if x) or _("(no type or number)")
        who = " · ".join(str(x) for x in (h["issuer"], h["date"]) if x)
        left = Text(f"{ident}\n{who}\n", style="bold")
        left.append(str(h["source"]), style="dim")
        t.add_row(left, _marked(str(h["snippet"])))
    console.print(t)


def _marked(snippet: str) -> object:
    """The snippet with «matches» shown in bold reverse instead of the marks."""
    from rich.text import Text

    out = Text()
    for i, part in enumerate(snippet.replace("»", "«").split("«")):
        out.append(part, style="bold reverse" if i % 2 else None)
    return out
