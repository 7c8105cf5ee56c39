"""The one exception that may cross the pipeline: a bug, named with the file it met."""

from __future__ import annotations


class InternalError(Exception):
    """A stage crashed on a file; the CLI reports it as a bug, with the file's path."""

    def __init__(self, path: str, stage: str, error: BaseException):
        super().__init__(f"internal error in {stage} on {path}: {type(error).__name__}: {error}")
        self.path = path
