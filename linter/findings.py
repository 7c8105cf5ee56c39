"""The Finding value object, severities and source spans."""

from __future__ import annotations

import enum
import functools
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from linter.edits import Fix


class Severity(enum.IntEnum):
    """Ordered so that a higher value is more serious (``--fail-on`` compares them)."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: use error, warning or info") from None


class Span(NamedTuple):
    """A region of a source file; lines and columns are 1-based, the end is exclusive.

    A named tuple rather than a dataclass: loaders make one per value, and a tuple is made
    in a third of the time."""

    line: int
    column: int
    end_line: int
    end_column: int


# A span from its four numbers, made without the named tuple's Python-level constructor:
# loaders make one per value and key, and the cross-record stage one per summary pointer.
span_from = functools.partial(tuple.__new__, Span)


FILE_START = Span(1, 1, 1, 1)


class Finding(NamedTuple):
    """One problem found in one file, ready for any reporter.

    A named tuple rather than a frozen dataclass: defining that costs every start of the
    command about three times as much (docs/performance.md), and findings are never changed."""

    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    pointer: str = ""
    # The edits that would repair it (linter/edits.py), when its rule can prove them.
    fix: Fix | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple:
        return (self.path, self.span, self.code, self.message)

    def fingerprint(self) -> str:
        """A digest that ignores line numbers, so edits elsewhere in a file keep it stable."""
        import hashlib  # imported here: only reporters that print fingerprints need it

        material = "\0".join((self.rule, self.path, self.pointer, self.message))
        return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:32]
