"""Load JSON records: values from the standard library, positions from a scanner of the same text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from linter.findings import Span
from linter.limits import MAX_FINDINGS_PER_FILE, MAX_NUMBER_DIGITS
from linter.load.hits import more_not_reported, not_a_record, too_long_number
from linter.load.json_positions import TooManyPointerChars, position_of, scan_positions
from linter.model.document import Document, Hit, child_pointer
from linter.rules.duplicate_key import SLUG as DUPLICATE_KEY
from linter.rules.syntax_error import SLUG as SYNTAX_ERROR


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON: write a number or null")


class _LongNumber(str):
    """An integer too long to be a figure, kept as its text (see limits.MAX_NUMBER_DIGITS)."""


def _long_numbers(data: Any) -> Iterator[tuple[str, str]]:
    """(pointer, text) of each over-long integer, walked without recursion (deep input)."""
    stack = [("", data)]
    while stack:
        pointer, value = stack.pop()
        if isinstance(value, _LongNumber):
            yield pointer, value
        elif isinstance(value, dict):
            stack.extend((child_pointer(pointer, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((f"{pointer}/{index}", item) for index, item in enumerate(value))


def load_json(doc: Document) -> None:
    long_numbers = False

    def integer(text: str) -> int | str:
        nonlocal long_numbers
        if len(text.lstrip("-")) <= MAX_NUMBER_DIGITS:
            return int(text)
        long_numbers = True
        return _LongNumber(text)

    try:
        data = json.loads(doc.text, parse_constant=_reject_constant, parse_int=integer)
    except json.JSONDecodeError as error:
        # The decoder's own line count knows only '\n'; a file may break lines with '\r'.
        line, column = position_of(doc.text, error.pos)
        doc.problems.append(Hit(f"JSON syntax error: {error.msg}", span=Span(line, column, line, column + 1),
                                rule=SYNTAX_ERROR))
        return
    except (ValueError, RecursionError) as error:
        doc.problems.append(Hit(f"JSON error: {error}", span=Span(1, 1, 1, 1), rule=SYNTAX_ERROR))
        return
    try:
        positions = scan_positions(doc.text)
    except TooManyPointerChars as error:
        doc.problems.append(Hit(f"{error}: the file is not checked further", span=Span(1, 1, 1, 1), rule=SYNTAX_ERROR))
        return
    doc.value_spans = positions.value_spans
    doc.key_spans = positions.key_spans
    for duplicate in positions.duplicates[:MAX_FINDINGS_PER_FILE]:
        doc.problems.append(Hit(
            f"duplicate key '{duplicate.key}' (first at line {duplicate.first.line}); JSON readers differ "
            "on which one they keep, so one is silently lost: remove or merge one of them",
            span=duplicate.span, rule=DUPLICATE_KEY))
    if len(positions.duplicates) > MAX_FINDINGS_PER_FILE:
        doc.problems.append(more_not_reported(len(positions.duplicates) - MAX_FINDINGS_PER_FILE, "duplicate keys"))
    doc.data = data
    if long_numbers:
        for pointer, text in _long_numbers(data):
            doc.problems.append(too_long_number(text, doc.span_of(pointer)))
    if data is None:  # JSON null: the schema is never run on no data
        doc.problems.append(not_a_record(None))
