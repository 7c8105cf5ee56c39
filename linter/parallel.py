"""Map a function over batches of items in worker processes, results in order; inline when
there is one worker or one batch, so small runs start no process."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

BATCH = 64  # items per task: enough to amortise pickling, few enough to balance two cores
AHEAD = 4  # tasks in flight per worker: work is always queued, yet items are made as they are needed


def _batches(items: Iterable[T]) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


def map_batches(function: Callable[[Sequence[T]], list[R]], items: Iterable[T], jobs: int,
                initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> Iterator[R]:
    batches = _batches(items)
    first = next(batches, None)
    second = next(batches, None)
    if jobs <= 1 or second is None:
        if initializer is not None:
            initializer(*initargs)
        for batch in itertools.chain([b for b in (first, second) if b is not None], batches):
            yield from function(batch)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=initializer, initargs=initargs) as pool:
        pending = deque([pool.submit(function, first or []), pool.submit(function, second)])
        for batch in batches:
            if len(pending) >= jobs * AHEAD:
                yield from pending.popleft().result()
            pending.append(pool.submit(function, batch))
        while pending:
            yield from pending.popleft().result()
