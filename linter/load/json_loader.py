"""Load JSON records: values from the standard library, positions from a scanner of the same text."""

from __future__ import annotations

import json

from linter.findings import Span
from linter.load.json_positions import position_of, scan_positions
from linter.model.document import Document, Hit
from linter.rules.duplicate_key import SLUG as DUPLICATE_KEY
from linter.rules.syntax_error import SLUG as SYNTAX_ERROR


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON: write a number or null")


def load_json(doc: Document) -> None:
    try:
        data = json.loads(doc.text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        # The decoder's own line count knows only '\n'; a file may break lines with '\r'.
        line, column = position_of(doc.text, error.pos)
        doc.problems.append(Hit(f"JSON syntax error: {error.msg}", span=Span(line, column, line, column + 1),
                                rule=SYNTAX_ERROR))
        return
    except (ValueError, RecursionError) as error:
        doc.problems.append(Hit(f"JSON error: {error}", span=Span(1, 1, 1, 1), rule=SYNTAX_ERROR))
        return
    positions = scan_positions(doc.text)
    doc.value_spans = positions.value_spans
    doc.key_spans = positions.key_spans
    for duplicate in positions.duplicates:
        doc.problems.append(Hit(
            f"duplicate key '{duplicate.key}' (first at line {duplicate.first.line}); JSON readers differ "
            "on which one they keep, so one is silently lost: remove or merge one of them",
            span=duplicate.span, rule=DUPLICATE_KEY))
    doc.data = data
