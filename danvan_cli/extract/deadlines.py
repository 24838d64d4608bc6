"""Deadlines, one-off and recurring (issue 3 fills this in)."""

from __future__ import annotations

from ..model import Deadline, Document, Task


def extract_deadlines(text: str, view: str, doc: Document, tasks: list[Task]) -> list[Deadline]:
    """Return the deadlines of ``doc``. Until the deadline extractor lands: none."""
    return []
