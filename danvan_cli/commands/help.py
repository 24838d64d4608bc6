"""``--help`` in the interface's language.

Why here and not at each option: click reads a command's help from its docstring and each
option's from ``help=``, at import time, before ``--lang`` is known. The texts stay written
in English where they are (docstrings, ``help=``); ``scripts/messages.py`` takes them from
the commands themselves into the catalogue (``help_texts``), and these classes show them
translated when the help is formatted, with click's own headings (usage, options,
commands, defaults) from the same catalogue.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..i18n import N_, _

#: click's own words that danvan's help shows, in the catalogue
CLICK_WORDS = (N_("Usage:"), N_("Options"), N_("Commands"), N_("default"), N_("required"),
               N_("Show this message and exit."), N_("Show the version and exit."))
_EXTRA = re.compile(r"\[(default|required)\b")


def cleaned(text: str) -> str:
    """A help text as click shows it (docstring indentation removed, cut at a form feed)."""
    return inspect.cleandoc(text).partition("\f")[0]


@contextmanager
def _translated(command: click.Command, ctx: click.Context) -> Iterator[None]:
    """Inside the block, the command's help and its options' help are in the current language."""
    saved: list[tuple[Any, str | None]] = []
    for obj in (command, *command.get_params(ctx)):
        text = getattr(obj, "help", None)
        if text:
            saved.append((obj, text))
            obj.help = _(cleaned(text))
    try:
        yield
    finally:
        for obj, text in saved:
            obj.help = text


class LocalizedCommand(click.Command):
    """A command whose ``--help`` is in the interface's language."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated(self, ctx):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=_("Usage:") + " ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(term, _EXTRA.sub(lambda m: "[" + _(m.group(1)), text))
                for p in self.get_params(ctx) if not isinstance(p, click.Argument)
                for term, text in [p.get_help_record(ctx) or ("", "")] if term]
        if rows:
            with formatter.section(_("Options")):
                formatter.write_dl(rows)

    def get_short_help_str(self, limit: int = 45) -> str:
        saved = self.help
        self.help = _(cleaned(saved)) if saved else saved
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help = saved


class LocalizedGroup(LocalizedCommand, click.Group):
    """A group whose ``--help``, and its commands' by default, are in the interface's language."""

    command_class = LocalizedCommand

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


def help_texts(command: click.Command, ctx: click.Context | None = None) -> Iterator[tuple[click.Command, str]]:
    """Every help text ``command`` shows (its own, its options', its subcommands'), for the
    catalogue: (the command it belongs to, the text as shown)."""
    ctx = ctx or click.Context(command, info_name=command.name)
    if command.help:
        yield command, cleaned(command.help)
    for p in command.get_params(ctx):
        text = getattr(p, "help", None)
        if text and not isinstance(p, click.Argument):
            yield command, cleaned(text)
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                yield from help_texts(sub, click.Context(sub, info_name=name, parent=ctx))
