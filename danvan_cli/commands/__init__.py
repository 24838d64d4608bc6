"""One module per ``danvan`` subcommand: arguments in, library calls, rendering out.

Its modules are imported by name where they are needed (``cli`` loads a command's module
when that command runs), so the package itself exports nothing and loads nothing: a
command starts without the parser's modules it does not use.
"""

from __future__ import annotations

__all__: list[str] = []
