"""The certain bounds of a structured figure, for rules that compare figures.

Only what a figure guarantees counts: an exact count bounds both ways, "at least" only
from below, a range or a low/best/high estimate by its ends. An approximation ("about
300") and a text-only figure guarantee nothing, so rules never compare them.
"""

from __future__ import annotations

from typing import NamedTuple


class Bounds(NamedTuple):  # not a frozen dataclass: defining one costs a start five times as much
    low: int | None
    high: int | None

    @property
    def exact(self) -> int | None:
        return self.low if self.low is not None and self.low == self.high else None


def integer(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def bounds(figure: dict) -> Bounds:
    count = integer(figure.get("count"))
    if count is not None:
        return Bounds(count, count)
    if figure.get("none") is True:
        return Bounds(0, 0)
    at_least = integer(figure.get("at_least"))
    if at_least is not None:
        return Bounds(at_least, None)
    for low_key, high_key in (("min", "max"), ("low", "high")):
        low, high = integer(figure.get(low_key)), integer(figure.get(high_key))
        if low is not None and high is not None and low <= high:
            return Bounds(low, high)
    return Bounds(None, None)
