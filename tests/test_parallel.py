"""Worker processes: a task that crashes, hangs, exhausts memory or exits takes only itself
down; the batch comes back whole and in order; workers end with the process that started them.

The tasks are builtins run through ``operator.call``, so each failure is the real thing (an
abort, a sleep past the budget, an allocation past the memory cap) and not a simulation.
"""

from __future__ import annotations

import operator
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from danvan_cli.corpus import parallel
from danvan_cli.text.formats import limits

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="rlimits and signals as on Linux")


def _reason(args: tuple[object, ...], reason: str) -> str:
    return "failed: " + reason


def test_a_crash_a_hang_an_allocation_past_the_cap_and_an_exit_each_fail_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "seconds_for", lambda size: 1.0 if size else 600.0)
    tasks: list[tuple[object, ...]] = [(abs, -i) for i in range(24)]
    sizes = [0] * len(tasks)
    tasks[3] = (os.abort,)
    tasks[9], sizes[9] = (time.sleep, 600), 1
    tasks[14] = (bytearray, limits.WORKER_MEMORY_BYTES + 2**30)
    tasks[20] = (os._exit, 3)
    out = list(parallel.map_ordered(operator.call, tasks, jobs=2, failed=_reason, sizes=sizes))
    assert len(out) == len(tasks)
    assert [o for i, o in enumerate(out) if i not in (3, 9, 14, 20)] == [i for i in range(24) if i not in (3, 9, 14, 20)]
    assert "crashed (SIGABRT)" in str(out[3])
    assert "time limit" in str(out[9])
    assert "too large to read in memory" in str(out[14])
    assert "exit 3" in str(out[20])


def test_every_task_after_a_crash_in_a_single_worker_is_still_done() -> None:
    """One worker: the task queued behind the crashing one goes to the replacement."""
    tasks: list[tuple[object, ...]] = [(os.abort,) if i % 3 == 0 else (abs, -i) for i in range(10)]
    out = list(parallel.map_ordered(operator.call, tasks, jobs=1, failed=_reason))
    assert [o if i % 3 else "crash" for i, o in enumerate(out)] == ["crash" if i % 3 == 0 else i for i in range(10)]


def test_results_are_in_input_order_whatever_order_the_workers_finish_in() -> None:
    sizes = [(3_000_000 if i % 4 == 0 else 10) for i in range(24)]
    out = list(parallel.map_ordered(sum, [(range(n),) for n in sizes], jobs=2, failed=_reason))
    assert out == [sum(range(n)) for n in sizes]


def _descendants(pid: int) -> set[int]:
    out: set[int] = set()
    todo = [pid]
    while todo:
        kids = subprocess.run(["pgrep", "-P", str(todo.pop())], capture_output=True, text=True).stdout.split()
        out.update(int(k) for k in kids)
        todo.extend(int(k) for k in kids)
    return out


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return any(line.startswith("State:") and "Z" in line for line in fh)
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["kill", "term", "int"])
def test_index_killed_or_interrupted_leaves_no_worker_and_prints_no_traceback(tmp_path: Path, sig: signal.Signals) -> None:
    folder = tmp_path / "slow"
    folder.mkdir()
    for i in range(2 * parallel.MIN_FILES_PER_WORKER):  # two workers, busy when the signal comes
        (folder / f"{i:02}.txt").write_text("Chỉ thị số 1/CT-TTg ngày 1/1/2020 về việc a, " * 5_000, encoding="utf-8")
    danvan = Path(sys.executable).with_name("danvan")
    proc = subprocess.Popen([str(danvan), "index", str(folder), "--jobs", "2", "--store", str(tmp_path / "s.sqlite")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    family: set[int] = set()
    while len(family) < 4 and time.monotonic() < deadline:  # forkserver, its two workers, the resource tracker
        time.sleep(0.2)
        family = _descendants(proc.pid)
    assert len(family) >= 4
    time.sleep(1.0)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    deadline = time.monotonic() + 20
    while not all(_gone(p) for p in family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [p for p in family if not _gone(p)] == []
    assert "Traceback" not in proc.stderr.read()
