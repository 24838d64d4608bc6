"""A progress bar for indexing (files, MB, rate, time left), on a terminal only.

Why so careful about when: the bar is for a person watching a long run. Piped output, a
log, CI (``CI`` set) or ``--quiet`` get nothing; a run shorter than ``DELAY_S`` shows
nothing either, so quick commands stay quiet.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

#: A run must last this long before the bar appears.
DELAY_S = 0.5


def wanted(quiet: bool = False) -> bool:
    """Is a bar welcome here: not asked to be quiet, standard error a terminal, not CI."""
    if quiet or os.environ.get("CI"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """``start(files, bytes)`` once, ``advance(files, bytes)`` as work is done, ``close()``;
    ``pages(done, total)`` as OCR reads the pages of a scan (a second line under the
    files', or the only one where no files are counted)."""

    def __init__(self, enabled: bool, label: str = "indexing") -> None:
        self.enabled = enabled
        self.label = label
        self._bar: Any = None
        self._task: Any = None
        self._pages: Any = None
        self._t0 = time.monotonic()
        self.total_files = 0
        self.total_bytes = 0
        self.done_files = 0
        self.done_bytes = 0

    def start(self, files: int, size: int) -> None:
        self.total_files, self.total_bytes = files, size
        self._t0 = time.monotonic()

    def _open(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, ProgressColumn, TextColumn
        from rich.progress import TimeRemainingColumn
        from rich.text import Text

        outer = self

        class Volume(ProgressColumn):
            def render(self, task: Any) -> Text:
                if task.id != outer._task:
                    return Text("")
                mb = outer.done_bytes / 1e6
                total = outer.total_bytes / 1e6
                secs = max(time.monotonic() - outer._t0, 1e-6)
                return Text(f"{mb:.1f}/{total:.1f} MB  {outer.done_files / secs:.0f} files/s  {mb / secs:.2f} MB/s")

        self._bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Volume(),
                        TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self._bar.start()
        if self.total_files:
            self._task = self._bar.add_task(self.label, total=self.total_files, completed=self.done_files)

    def _shown(self) -> bool:
        """Whether the bar is on screen, opening it once the run has lasted ``DELAY_S``."""
        if not self.enabled:
            return False
        if self._bar is None:
            if time.monotonic() - self._t0 < DELAY_S:
                return False
            self._open()
        return True

    def pages(self, done: int, total: int) -> None:
        """OCR has read ``done`` of the ``total`` pages of the file it is on."""
        if not self._shown():
            return
        if self._pages is None:
            self._pages = self._bar.add_task("OCR pages", total=total)
        self._bar.update(self._pages, completed=done, total=total)
        if done >= total:  # the file is read: the next scan starts its own count
            self._bar.remove_task(self._pages)
            self._pages = None

    def advance(self, files: int, size: int) -> None:
        self.done_files += files
        self.done_bytes += size
        if not self._shown():
            return
        if self._task is None:
            self._task = self._bar.add_task(self.label, total=self.total_files, completed=self.done_files)
        self._bar.update(self._task, completed=self.done_files)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
