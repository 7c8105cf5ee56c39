"""Growth tests: how a function's time grows with its input, never how long it takes.

A time-out passes a quadratic path that happens to be fast enough today; a ratio does not.
Times are the process's CPU time (other processes on a shared machine do not count), the best
of a few runs, at sizes doubled until the smaller one takes long enough to measure. A ratio
over the bound is measured again before the test fails: noise rarely strikes twice, a quadratic
path always does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

FACTOR = 4  # the larger input is this many times the smaller one
# A linear path grows by about FACTOR, a quadratic one by FACTOR ** 2 (16): twice FACTOR
# separates them with room for the noise of a shared machine.
LINEAR_BOUND = 2 * FACTOR
MEASURABLE = 0.02  # seconds the smaller input must take for a ratio to mean anything
REPEAT = 3


def _seconds(function: Callable[[Any], object], argument: Any) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        start = time.process_time()
        function(argument)
        best = min(best, time.process_time() - start)
    return best


def growth(function: Callable[[Any], object], make: Callable[[int], Any], size: int,
           largest: int = 1 << 22) -> tuple[float, int]:
    """(time at FACTOR * n / time at n, n) for an n doubled from ``size`` until measurable."""
    while True:
        small = _seconds(function, make(size))
        if small >= MEASURABLE or size * 2 * FACTOR > largest:
            break
        size *= 2
    large = _seconds(function, make(size * FACTOR))
    return large / max(small, 1e-6), size


def assert_linear(function: Callable[[Any], object], make: Callable[[int], Any], size: int,
                  largest: int = 1 << 22) -> None:
    ratio, n = growth(function, make, size, largest)
    if ratio >= LINEAR_BOUND:
        # Measured once more before failing: another process on a shared machine can stall one
        # of the timed runs, while a path worse than linear is as slow every time it is measured.
        ratio, n = min((ratio, n), growth(function, make, size, largest))
    assert ratio < LINEAR_BOUND, (f"{FACTOR}x the input ({n:,} -> {n * FACTOR:,}) took {ratio:.1f}x the time: "
                                  f"worse than linear (bound {LINEAR_BOUND})")
