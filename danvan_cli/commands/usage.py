"""A command used wrongly answers in the interface's language, like everything else.

Why here: click writes its usage errors itself (``Error: Missing option '--root'.``,
``Try 'danvan graph --help' for help.``) with its own English, through the process-wide
gettext domain, which a library must not take over. ``danvan``'s group turns every such
error into ``LocalizedUsageError`` as it passes (``localized_error``): the same lines,
the same exit code, the words from danvan's catalogue. click's messages are recognized by
the templates below, which repeat click's English (``i18n.localized`` finds the template a
message was made from and fills its translation), and a value that is itself a message
(``integer``) is translated too. A message danvan wrote is already in the language.
"""

from __future__ import annotations

from typing import IO, Any

import click

from ..i18n import N_, _, localized, ngettext

#: click's own messages as click writes them, so that the catalogue can give them in
#: Vietnamese (``{name!r}`` in click's source shows as ``'--root'``: here a plain field)
CLICK_MESSAGES = (
    N_("Missing argument {name}."),
    N_("Missing option {name}."),
    N_("Missing parameter {name}."),
    N_("Missing command."),
    N_("No such option {name}."),
    N_("No such command {name}."),
    N_("Got unexpected extra argument ({args})"),
    N_("Got unexpected extra arguments ({args})"),
    N_("Option {name} requires an argument."),
    N_("Option {name} requires {nargs} arguments."),
    N_("Option {name} does not take a value."),
    N_("{value} is not one of {choices}."),
    N_("{value} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{name} {filename} does not exist."),
    N_("{name} {filename} is a directory."),
    N_("{name} {filename} is a file."),
    N_("{name} {filename} is not readable."),
    N_("{name} {filename} is not writable."),
    # the kinds of value click names in those messages
    N_("integer"),
    N_("integer range"),
    N_("float"),
    N_("float range"),
    N_("File"),
    N_("Directory"),
    N_("Path"),
)


#: errors that may suggest a near name (``NoSuchCommand`` is click 8.4's; before it, a plain usage error)
_SUGGESTING = tuple(c for c in (click.NoSuchOption, getattr(click.exceptions, "NoSuchCommand", None)) if c is not None)


def _hint(exc: click.BadParameter) -> str | None:
    """The option or argument a bad value was given to, as click names it (``'--year'``)."""
    hint: Any = exc.param_hint if exc.param_hint is not None else (
        exc.param.get_error_hint(exc.ctx) if exc.param is not None and exc.ctx is not None else None)
    if hint is not None and not isinstance(hint, str):
        hint = " / ".join(repr(x) for x in hint)
    return hint


def _did_you_mean(possibilities: list[str] | None) -> str:
    if not possibilities:
        return ""
    names = ", ".join(repr(p) for p in sorted(possibilities))
    return " " + ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)",
                          len(possibilities)).format(possibility=names, possibilities=names)


def message_of(exc: click.ClickException) -> str:
    """What went wrong, in the current language."""
    if isinstance(exc, click.MissingParameter):
        return localized(exc.format_message())
    if isinstance(exc, click.BadParameter):
        hint = _hint(exc)
        if hint is None:
            return _("Invalid value: {message}").format(message=localized(exc.message))
        return _("Invalid value for {param}: {message}").format(param=hint, message=localized(exc.message))
    if isinstance(exc, _SUGGESTING):
        return localized(exc.message) + _did_you_mean(getattr(exc, "possibilities", None))
    return localized(exc.format_message())


class LocalizedUsageError(click.ClickException):
    """A click error shown as click shows it (usage, where to find help, the error), in the
    interface's language, with the original's exit code."""

    def __init__(self, original: click.ClickException) -> None:
        super().__init__(original.message)
        self.original = original
        self.exit_code = original.exit_code  # type: ignore[misc]

    def format_message(self) -> str:
        return message_of(self.original)

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = getattr(self.original, "ctx", None)
        if ctx is not None:
            lines = [ctx.get_usage()]
            if ctx.command.get_help_option(ctx) is not None:
                option = max(ctx.command.get_help_option_names(ctx), key=len)
                lines.append(_("Try '{command} {option}' for help.").format(command=ctx.command_path, option=option))
            click.echo("\n".join(lines) + "\n", file=file, err=file is None, color=ctx.color)
        click.echo(_("Error: {message}").format(message=self.format_message()), file=file, err=file is None,
                   color=ctx.color if ctx is not None else None)


def localized_error(exc: click.ClickException) -> click.ClickException:
    """``exc`` as the user should read it (an error already made so is given back as it is)."""
    return exc if isinstance(exc, LocalizedUsageError) else LocalizedUsageError(exc)
