"""How the cycle collector runs in a conflict-lint process.

Loading makes hundreds of short-lived containers per file, nearly all freed by reference
counting; at the default threshold (700) the cycle collector ran often enough to take a fifth
of a run over a growing heap of findings and summaries (bench/run.py, 3,000 records). Start-up
is the same story at a smaller scale: importing the command creates some hundred thousand
objects that live as long as the process (modules, classes, functions, click's option tree)
and next to no cyclic garbage, and the collector walked them again and again.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

GC_THRESHOLDS = (50_000, 20, 100)


def tune_for_command() -> None:
    """For the command's process, before it imports the rest: what the interpreter holds now
    is set aside for good (``gc.freeze``), and the collector runs at ``GC_THRESHOLDS``."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
