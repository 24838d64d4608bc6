"""A line of a document as the layout reads it.

Why a module of its own: the layout cuts a text into these (``layout.lines_of``) and the
site-chrome rules read them (``chrome``), which the layout calls; the record they share
stands below both.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Line"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line: ``[start, end)`` of its content (blanks at both ends left out) and that
    content as the matching view has it (Markdown marks blanked)."""

    start: int
    end: int
    text: str
    #: the line holds only ``|`` (a bar-form table's cell or row boundary)
    bar: bool = False

    @property
    def is_caps(self) -> bool:
        return self.text.isupper()
