"""How a cost grows with the input: the ratio of two sizes measured in one test, never an
absolute time (a busy machine slows everything; it does not change a ratio of CPU times)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

X = TypeVar("X")

#: Input ×4 must cost under this many times the CPU (linear: 4, with room for noise).
LINEAR = 6.0


def cpu_growth(make: Callable[[int], X], run: Callable[[X], object], size: int, factor: int = 4) -> float:
    """How much longer ``run`` takes on ``make(factor * size)`` than on ``make(size)``: CPU time
    of this process (a busy machine slows the wall clock, not this), the best of two runs each,
    inputs made before the clock starts."""
    def best(x: X) -> float:
        times = []
        for _ in range(2):
            t = time.process_time()
            run(x)
            times.append(time.process_time() - t)
        return min(times)

    small, large = make(size), make(factor * size)
    best(small)  # the first call builds the parser's tables: not the input's cost
    return best(large) / max(best(small), 1e-3)
