"""Read the examples out of a Markdown file and match a command's output against one.

README's examples are run by tests (``tests/test_readme.py``): a ``console`` block holds
commands (lines opening with ``$ ``) each followed by the output shown for it. The output
shown may leave parts out: a line that is only ``...`` stands for any number of lines, and
``...`` inside a line for any text on that line — the way ``doctest``'s ELLIPSIS reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    """One command of a console block and the output the document shows for it."""

    line: int  # 1-based line of the command in the document
    command: str
    expected: tuple[str, ...]


def fenced_blocks(text: str, lang: str) -> list[tuple[int, list[str]]]:
    """Each fenced block of ``lang``: (1-based line of its first content line, its lines)."""
    blocks: list[tuple[int, list[str]]] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() == f"```{lang}":
            start = i + 1
            j = start
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            blocks.append((start + 1, lines[start:j]))
            i = j
        i += 1
    return blocks


def console_examples(text: str) -> list[Example]:
    """Every command of every ``console`` block, with the output shown under it."""
    out: list[Example] = []
    for first, lines in fenced_blocks(text, "console"):
        current: tuple[int, str] | None = None
        shown: list[str] = []
        for k, line in enumerate(lines):
            if line.startswith("$ "):
                if current:
                    out.append(Example(current[0], current[1], tuple(shown)))
                current, shown = (first + k, line[2:]), []
            elif current:
                shown.append(line)
        if current:
            out.append(Example(current[0], current[1], tuple(shown)))
    return out


def _pattern(expected: tuple[str, ...]) -> re.Pattern[str]:
    parts: list[str] = []
    for line in expected:
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
            continue
        pieces = [re.escape(p) for p in line.rstrip().split("...")]
        parts.append(r"[^\n]*?".join(pieces) + r"[ \t]*\n")
    return re.compile("".join(parts))


def matches(expected: tuple[str, ...], actual: str) -> bool:
    """Whether ``actual`` is the output shown, ``...`` standing for what was left out.

    Trailing blanks of a line are not compared (a terminal pads rich's tables); an
    example that shows no output matches any output."""
    if not expected:
        return True
    text = "\n".join(line.rstrip() for line in actual.rstrip("\n").split("\n")) + "\n"
    if expected[-1].strip() != "...":
        return _pattern(expected).fullmatch(text) is not None
    return _pattern(expected).match(text) is not None
