"""A progress bar on standard error for long runs, as ruff and pytest show one.

Only on a terminal, never in CI logs (``CI`` set, as every CI service sets it) or on a dumb
terminal, and only once a run has taken ``DELAY`` seconds: a pre-commit run on one file
never flickers a bar.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

DELAY = 1.5  # seconds


class Progress:
    def __init__(self, stream: TextIO, enabled: bool, delay: float = DELAY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.enabled = enabled
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.bar: Any = None  # a click progress bar, made only when the run turns out long
        self.shown = 0

    @classmethod
    def on_stderr(cls, enabled: bool = True) -> Progress:
        stream = sys.stderr
        terminal = hasattr(stream, "isatty") and stream.isatty()
        wanted = enabled and terminal and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
        return cls(stream, wanted)

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if done >= total or self.clock() - self.started < self.delay:
                return
            import click

            self.bar = click.progressbar(length=total, label="Linting", file=self.stream, show_pos=True,
                                         show_eta=True, width=30)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
