"""The ``danvan`` command: a thin click layer over the library.

Subcommands live in ``danvan_cli/commands/`` and are imported only when called,
so ``danvan --version`` does not pay for regex tables, rich or networkx.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from . import __version__
from .commands.help import LocalizedGroup
from .commands.options import lang_option
from .i18n import N_

#: command name -> "module:attribute" (relative to danvan_cli.commands)
COMMANDS: dict[str, str] = {
    "parse": "parse:parse_cmd",
    "deadlines": "deadlines:deadlines_cmd",
    "graph": "graph:graph_cmd",
    "check": "check:check_cmd",
    "track": "track:track_cmd",
    "index": "index:index_cmd",
    "search": "search:search_cmd",
    "export": "export:export_cmd",
    "store": "store:store_cmd",
}

HELP: dict[str, str] = {
    "parse": N_("Extract header, references, tasks and deadlines from documents."),
    "deadlines": N_("List what is due, when, by whom, over a corpus."),
    "graph": N_("Show how a directive is carried out down the levels of a corpus."),
    "check": N_("Report what in a corpus needs a person's eye."),
    "track": N_("Who was told to act on a directive, who has, how late, what is overdue."),
    "index": N_("Parse a corpus into the store, once (later commands read it)."),
    "search": N_("Search the texts of the indexed corpus, accents optional."),
    "export": N_("Write the corpus as tables: Parquet, CSV or JSON lines."),
    "store": N_("See what the store holds, by folder; forget what is gone; clear it."),
}

#: Exit code when the store cannot be used.
EXIT_STORE = 2


class LazyGroup(LocalizedGroup):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        module = importlib.import_module(f"danvan_cli.commands.{module_name}")
        return getattr(module, attr)  # type: ignore[no-any-return]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from .i18n import _

        rows = [(name, _(HELP[name])) for name in COMMANDS]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        """Each run starts in the language of the environment: a ``--lang`` given to an earlier
        run in this process (tests, a program calling ``main`` twice) does not carry over."""
        from .i18n import set_language

        set_language(None)
        return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        """A store that cannot be used, or breaks mid-way, is one line naming it (exit 2),
        never a traceback."""
        import sqlite3

        from .corpus.store import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as exc:
            click.echo(f"danvan: {exc}", err=True)
            sys.exit(EXIT_STORE)
        except sqlite3.DatabaseError as exc:
            from .corpus import store

            click.echo(f"danvan: {store.LAST_OPENED or store.default_store_path()}: store error ({exc}); delete the "
                       "file to start afresh, or choose another with --store", err=True)
            sys.exit(EXIT_STORE)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="danvan")
@lang_option
def main() -> None:
    """Read Vietnamese administrative directives and turn them into data."""


def run(*args: Any) -> None:  # pragma: no cover - convenience for python -c
    main.main(list(args))
