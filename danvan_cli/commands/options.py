"""Options every corpus command shares: where the store is, how many workers, how loud.

One decorator, so ``graph``, ``deadlines``, ``check``, ``search``, ``export`` and ``index``
spell them the same way, and one function that turns them into documents. What two commands
need alike lives here too (picking the root of ``graph`` and ``track``, the CSV file's
byte-order mark of ``deadlines`` and ``track``), so that no command imports another.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

#: exit code when the root fits several documents (the user must narrow it)
EXIT_AMBIGUOUS = 2
EXIT_NOT_FOUND = 1
#: a CSV written to a file (-o) opens with a byte-order mark, so that Excel reads it as UTF-8
#: (Vietnamese intact); on standard output, which goes to programs, it does not
BOM = "\ufeff"


def _keep_ocr(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    ctx.meta["danvan.ocr"] = value
    return value


def ocr_option(fn: F) -> F:
    """``--ocr auto|always|never``: how scans and pictures of pages are read. Kept in the
    click context (``ocr_mode()``), so that commands pass it on without naming it."""
    return click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
                        envvar="DANVAN_OCR", expose_value=False, callback=_keep_ocr,
                        help="Read scans and pictures of pages by OCR (Tesseract): auto (pages with no usable "
                             "text layer), always (every page), never.")(fn)


def ocr_mode() -> str:
    """The ``--ocr`` of the running command (``auto`` outside one)."""
    ctx = click.get_current_context(silent=True)
    return str(ctx.meta.get("danvan.ocr", "auto")) if ctx is not None else "auto"


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    from ..i18n import set_language

    if value is not None:
        set_language(value)


def lang_option(fn: F) -> F:
    """``--lang vi|en``: the interface's language for this run (default: DANVAN_LANG, the
    locale, else Vietnamese). Eager, so every message after it is in that language."""
    return click.option("--lang", type=click.Choice(["vi", "en"]), default=None, expose_value=False, is_eager=True,
                        callback=_set_language,
                        help="Language of labels and messages: vi (default) or en (also DANVAN_LANG, or the locale).")(fn)


def check_output(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``-o FILE`` checked before any work: its folder must exist and take files, and it must
    not be a folder itself (a mistyped path is found in a second, not after the parsing)."""
    import os

    from ..i18n import _

    if value is None or value == "-":
        return value
    folder = os.path.dirname(os.path.abspath(value))
    if os.path.isdir(value):
        raise click.BadParameter(_("{path} is a folder: give a file name").format(path=value))
    if not os.path.isdir(folder):
        raise click.BadParameter(_("the folder {folder} does not exist").format(folder=folder))
    if not os.access(folder, os.W_OK):
        raise click.BadParameter(_("cannot write in {folder}").format(folder=folder))
    return value


def output_option(fn: F) -> F:
    """``-o/--output FILE``, checked before any work."""
    return click.option("-o", "--output", default=None, callback=check_output, metavar="FILE",
                        help="Write to this file instead of standard output.")(fn)


def corpus_options(fn: F) -> F:
    """``--store PATH``, ``--no-store``, ``--jobs N``, ``--quiet``, ``--debug``, ``--lang``, ``--ocr``."""
    decorators = [
        lang_option,
        click.option("--store", "store", type=click.Path(dir_okay=False), default=None, envvar="DANVAN_STORE",
                     help="The store file (default: danvan's folder in your cache; or DANVAN_STORE)."),
        click.option("--no-store", "no_store", is_flag=True,
                     help="Parse in memory: read no store and write none."),
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
                     help="Worker processes for parsing (default: every core; 1: none)."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary or skipped-files line."),
        click.option("--debug", is_flag=True, help="Show tracebacks of files that fail to parse."),
        ocr_option,
    ]
    for d in reversed(decorators):
        fn = d(fn)
    return fn


def corpus_from(paths: tuple[str, ...], store: str | None, no_store: bool, jobs: int | None, quiet: bool,
                debug: bool) -> Any:
    """The corpus under ``paths``; with no path, what the store holds (said in one line, never
    the current folder by surprise). A store that cannot be used raises ``StoreError``, which
    the ``danvan`` group turns into one line and exit code 2."""
    from ..corpus.source import CorpusOptions, open_corpus

    options = CorpusOptions(store=store, use_store=not no_store, jobs=jobs or None, quiet=quiet, debug=debug,
                            ocr=ocr_mode())
    if paths:
        return open_corpus(paths, options)
    from ..i18n import _

    if no_store:
        raise click.UsageError(_("with --no-store there is no store to read: name the files or folders to read"))
    from ..corpus.source import open_whole_store

    corpus, gone = open_whole_store(options)
    say_whole_store(corpus.store.path, len(corpus.selected), gone, quiet)
    return corpus


def say_whole_store(store: Any, documents: int, gone: int, quiet: bool) -> None:
    """The line a command given no path prints: it reads the store, what it holds, what it
    leaves out. An empty store is an error naming what to run (exit 1)."""
    import sys

    from ..i18n import _, ngettext

    if not documents:
        click.echo("danvan: " + _("no path given and the store {store} holds no document: name the files or folders "
                                  "to read, or index them first (danvan index FOLDER)").format(store=store), err=True)
        sys.exit(1)
    if quiet:
        return
    line = ngettext("no path given: reading the {n} document the store {store} holds (danvan store list shows "
                    "their folders)",
                    "no path given: reading the {n} documents the store {store} holds (danvan store list shows "
                    "their folders)", documents).format(n=documents, store=store)
    if gone:
        line += "; " + gone_note(gone)
    click.echo("danvan: " + line, err=True)


def gone_note(n: int) -> str:
    """How many indexed files are gone from the disk and left out of the answer."""
    from ..i18n import ngettext

    return ngettext("{n} indexed file is gone and left out (danvan store prune forgets it)",
                    "{n} indexed files are gone and left out (danvan store prune forgets them)", n).format(n=n)


def pick_root(g: Any, root_number: str, year: int | None, issuer: str | None) -> str:
    """The one node of ``g`` numbered ``root_number`` (narrowed by ``year``/``issuer``); none
    exits 1 with a line saying so, several exit 2 with the candidates listed."""
    from ..graph.query import candidates_table, find_roots

    from ..i18n import _

    roots = find_roots(g, root_number, year=year, issuer=issuer)
    if not roots:
        message = (_("no document numbered {number} with that year or issuer in the corpus or its citations")
                   if year or issuer else _("no document numbered {number} in the corpus or its citations"))
        click.echo("danvan: " + message.format(number=root_number), err=True)
        sys.exit(EXIT_NOT_FOUND)
    if len(roots) > 1:
        _print_candidates(candidates_table(g, roots), root_number)
        sys.exit(EXIT_AMBIGUOUS)
    return str(roots[0])


def _print_candidates(rows: list[dict[str, object]], number: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..i18n import _

    table = Table(title=_("{number} fits {n} documents: narrow with --year or --issuer").format(number=number, n=len(rows)),
                  title_justify="left")
    for col in (_("number"), _("issuer"), _("date"), _("title"), _("in the corpus")):
        table.add_column(col)
    for r in rows:
        table.add_row(
            str(r["number"] or ""),
            str(r["issuer"] or "—"),
            str(r["date"] or "—"),
            str(r["title"] or ""),
            _("yes") if r["in_corpus"] else _("no"),
        )
    Console(stderr=True, soft_wrap=True).print(table)
