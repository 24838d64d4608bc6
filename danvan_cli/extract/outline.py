"""The numbered task outline (issue 3 fills this in)."""

from __future__ import annotations

from ..model import Document, Task


def extract_tasks(text: str, view: str, doc: Document) -> list[Task]:
    """Return the task tree of ``doc``. Until the outline extractor lands: no tasks."""
    return []
