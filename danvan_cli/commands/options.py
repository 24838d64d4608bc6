"""Options every corpus command shares: where the store is, how many workers, how loud.

One decorator, so ``graph``, ``deadlines``, ``check``, ``search``, ``export`` and ``index``
spell them the same way, and one function that turns them into documents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


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


def corpus_options(fn: F) -> F:
    """``--store PATH``, ``--no-store``, ``--jobs N``, ``--ocr``, ``--quiet``, ``--debug``."""
    decorators = [
        click.option("--store", "store", type=click.Path(dir_okay=False), default=None, envvar="DANVAN_STORE",
                     help="The store file (default: danvan's folder in your cache; or DANVAN_STORE)."),
        click.option("--no-store", "no_store", is_flag=True,
                     help="Parse in memory: read no store and write none."),
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
                     help="Worker processes for parsing (default: every core; 1: none)."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar (and no summary line from index)."),
        click.option("--debug", is_flag=True, help="Show tracebacks of files that fail to parse."),
        ocr_option,
    ]
    for d in reversed(decorators):
        fn = d(fn)
    return fn


def corpus_from(paths: tuple[str, ...], store: str | None, no_store: bool, jobs: int | None, quiet: bool,
                debug: bool) -> Any:
    """The corpus under ``paths`` (default: the current folder). A store that cannot be used
    raises ``StoreError``, which the ``danvan`` group turns into one line and exit code 2."""
    from ..corpus.source import CorpusOptions, open_corpus

    options = CorpusOptions(store=store, use_store=not no_store, jobs=jobs or None, quiet=quiet, debug=debug,
                            ocr=ocr_mode())
    return open_corpus(paths or (".",), options)
