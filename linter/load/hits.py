"""Findings every loader reports the same way, whatever the file's format."""

from __future__ import annotations

from typing import Any

from linter.findings import Span
from linter.limits import MAX_FINDINGS_PER_FILE, MAX_NUMBER_DIGITS
from linter.model.document import Hit
from linter.rules.limit_exceeded import SLUG as LIMIT_EXCEEDED
from linter.rules.schema_violation import SLUG as SCHEMA_VIOLATION
from linter.rules.syntax_error import SLUG as SYNTAX_ERROR


def too_long_number(text: str, span: Span) -> Hit:
    digits = len(text.lstrip("+-"))
    return Hit(f"a number of {digits:,} digits: no figure in a record has more than {MAX_NUMBER_DIGITS}; "
               "it is read as text: correct the number", span=span, rule=SYNTAX_ERROR)


def more_not_reported(count: int, what: str) -> Hit:
    """One finding for the ``count`` problems of a kind beyond MAX_FINDINGS_PER_FILE: making a
    finding each for 700,000 duplicate keys took a minute and a gigabyte."""
    return Hit(f"{count:,} more {what} are not reported: at most {MAX_FINDINGS_PER_FILE:,} are, per file",
               span=Span(1, 1, 1, 1), rule=LIMIT_EXCEEDED)


def not_a_record(data: Any) -> Hit:
    """A finding for a document whose top level is not a mapping of fields (null, a list, a scalar)."""
    what = "null" if data is None else "a list" if isinstance(data, list) else "a single value"
    return Hit(f"the file holds {what}, not a record: a record is a mapping of fields",
               span=Span(1, 1, 1, 1), rule=SCHEMA_VIOLATION)
