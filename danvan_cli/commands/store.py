"""``danvan store list|prune|forget|clear``: see what the store holds and tidy it."""

from __future__ import annotations

import json
from typing import Any

import click

from .help import LocalizedGroup
from .options import lang_option


def _store_option(fn: Any) -> Any:
    return click.option("--store", "store", type=click.Path(dir_okay=False), default=None, envvar="DANVAN_STORE",
                        help="The store file (default: danvan's folder in your cache; or DANVAN_STORE).")(fn)


@click.group("store", cls=LocalizedGroup)
@lang_option
def store_cmd() -> None:
    """See what the store holds, by folder, and tidy it."""


@store_cmd.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_store_option
@lang_option
def list_cmd(fmt: str, store: str | None) -> None:
    """The folders whose documents the store holds: how many, how many could not be read,
    how many are gone from the disk, and when they were read."""
    from ..corpus.inventory import entries, folders, holdings
    from ..corpus.source import open_store

    with open_store(store) as st:
        items = entries(st.conn)
        gone = {e.id for e in holdings(items).gone}
        rows = folders(items, gone)
        path, size = st.path, st.path.stat().st_size if st.path.exists() else 0
    if fmt == "json":
        click.echo(json.dumps({"store": str(path), "bytes": size, "documents": len(items), "gone": len(gone),
                               "folders": [r.to_dict() for r in rows]}, ensure_ascii=False, indent=2))
        return
    _table(rows, str(path), size, len(items), len(gone))


def _table(rows: list[Any], path: str, size: int, documents: int, gone: int) -> None:
    """One folder a line, whole (a path folded over lines cannot be copied), its counts below:
    readable at any width."""
    from ..i18n import _, ngettext
    from ..text.formats.limits import human

    click.echo(ngettext("{store}: {n} document, {size}", "{store}: {n} documents, {size}", documents).format(
        store=path, n=documents, size=human(size)))
    if not rows:
        click.echo(_("the store is empty: danvan index FOLDER fills it"))
        return
    for r in rows:
        facts = [ngettext("{n} document", "{n} documents", r.documents).format(n=r.documents)]
        if r.failed:
            facts.append(ngettext("{n} unreadable", "{n} unreadable", r.failed).format(n=r.failed))
        if r.gone:
            facts.append(ngettext("{n} gone from the disk", "{n} gone from the disk", r.gone).format(n=r.gone))
        if r.first:
            when = r.first if r.first == r.last else f"{r.first} – {r.last}"
            facts.append(_("read {when}").format(when=when))
        click.echo(r.to_dict()["folder"])
        click.echo("    " + ", ".join(facts))
    if gone:
        click.echo(ngettext("{n} file is gone from the disk: danvan store prune forgets it",
                            "{n} files are gone from the disk: danvan store prune forgets them", gone).format(n=gone))


@store_cmd.command("prune")
@_store_option
@lang_option
def prune_cmd(store: str | None) -> None:
    """Forget the documents whose file is gone from the disk (deleted, moved, renamed)."""
    from ..corpus.inventory import entries, holdings
    from ..corpus.source import open_store
    from ..i18n import ngettext

    with open_store(store) as st:
        n = st.forget(e.id for e in holdings(entries(st.conn)).gone)
        path = st.path
    click.echo("danvan: " + ngettext("{store}: forgot {n} document whose file is gone",
                                     "{store}: forgot {n} documents whose files are gone", n).format(store=path, n=n),
               err=True)


@store_cmd.command("forget")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_store_option
@lang_option
def forget_cmd(paths: tuple[str, ...], store: str | None) -> None:
    """Forget the documents under PATH (folders or files), whether or not they are still there."""
    from ..corpus.inventory import entries, under
    from ..corpus.source import open_store
    from ..i18n import ngettext

    with open_store(store) as st:
        n = st.forget(e.id for e in under(entries(st.conn), paths))
        path = st.path
    click.echo("danvan: " + ngettext("{store}: forgot {n} document", "{store}: forgot {n} documents", n).format(
        store=path, n=n), err=True)


@store_cmd.command("clear")
@click.option("--yes", is_flag=True, help="Do not ask before forgetting everything.")
@_store_option
@lang_option
def clear_cmd(yes: bool, store: str | None) -> None:
    """Forget every document of the store (the file stays, empty)."""
    from ..corpus.source import open_store
    from ..i18n import _, ngettext

    with open_store(store) as st:
        held = st.conn.execute("SELECT count(*) FROM doc").fetchone()[0]
        if held and not yes:
            click.confirm(_("forget all {n} documents of {store}?").format(n=held, store=st.path), abort=True,
                          err=True)
        n = st.clear()
        path = st.path
    click.echo("danvan: " + ngettext("{store}: forgot {n} document", "{store}: forgot {n} documents", n).format(
        store=path, n=n), err=True)
