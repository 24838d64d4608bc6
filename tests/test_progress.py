"""When the indexing progress bar shows: a person at a terminal, a run longer than a moment."""

from __future__ import annotations

import io
import sys

import pytest

from danvan_cli.corpus import progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_the_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stderr", Tty())
    assert progress.wanted() is True


@pytest.mark.parametrize("case", ["piped", "quiet", "ci"])
def test_no_bar_when_piped_quiet_or_under_ci(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys, "stderr", io.StringIO() if case == "piped" else Tty())
    if case == "ci":
        monkeypatch.setenv("CI", "true")
    assert progress.wanted(quiet=case == "quiet") is False


def test_a_short_run_shows_nothing_and_counts_files_and_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    bar = progress.Progress(enabled=True)
    bar.start(3, 3000)
    for _ in range(3):
        bar.advance(1, 1000)
    assert bar._bar is None  # shorter than DELAY_S: never drawn
    assert (bar.done_files, bar.done_bytes) == (3, 3000)
    bar.close()


def test_a_long_run_draws_files_megabytes_rate_and_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    out = Tty()
    monkeypatch.setattr(sys, "stderr", out)
    monkeypatch.setattr(progress, "DELAY_S", 0.0)
    bar = progress.Progress(enabled=True)
    bar.start(4, 4_000_000)
    bar.advance(2, 2_000_000)
    assert bar._bar is not None
    line = bar._bar.columns[3].render(bar._bar.tasks[0]).plain
    assert "2.0/4.0 MB" in line and "files/s" in line and "MB/s" in line
    bar.close()


def test_ocr_pages_get_a_line_of_their_own_under_the_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", Tty())
    monkeypatch.setattr(progress, "DELAY_S", 0.0)
    bar = progress.Progress(enabled=True)
    bar.start(2, 2_000_000)
    bar.pages(1, 3)
    tasks = {t.description: t for t in bar._bar.tasks}
    assert tasks["OCR pages"].completed == 1 and tasks["OCR pages"].total == 3
    assert tasks["indexing"].total == 2
    assert bar._bar.columns[3].render(tasks["OCR pages"]).plain == ""  # the volume is the files' line's
    bar.pages(3, 3)  # the scan is read: its line goes
    assert [t.description for t in bar._bar.tasks] == ["indexing"]
    bar.close()


def test_pages_alone_draw_only_their_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", Tty())
    monkeypatch.setattr(progress, "DELAY_S", 0.0)
    bar = progress.Progress(enabled=True, label="reading")
    bar.pages(1, 2)
    assert [t.description for t in bar._bar.tasks] == ["OCR pages"]
    bar.close()
