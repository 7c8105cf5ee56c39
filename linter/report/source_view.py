"""The source lines under a finding with a caret under its span, as ruff's full output shows them.

Columns count code points (as findings do); the carets are placed by display width, so a line
with wide characters (CJK) or tabs still lines up on a terminal.
"""

from __future__ import annotations

import unicodedata

from linter.findings import Finding
from linter.report.escape import printable

MAX_LINES = 3  # of a span that covers more: the first lines, then an ellipsis


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def _shown(line: str) -> str:
    return printable(line.replace("\t", " "))


def frame(finding: Finding, lines: list[str]) -> list[str]:
    """The lines to print under the finding's heading; none when the span is not in the text."""
    span = finding.span
    if not 1 <= span.line <= len(lines):
        return []
    last = min(max(span.end_line, span.line), len(lines), span.line + MAX_LINES - 1)
    gutter = len(str(last))
    out = [f"{' ' * gutter} |"]
    for number in range(span.line, last + 1):
        text = lines[number - 1]
        out.append(f"{number:>{gutter}} | {_shown(text)}".rstrip())
        start = span.column - 1 if number == span.line else 0
        end = span.end_column - 1 if number == span.end_line else len(text)
        start = max(0, min(start, len(text)))
        end = max(start + 1, min(end, len(text))) if start < len(text) else start + 1
        pad = _width(_shown(text[:start]))
        out.append(f"{' ' * gutter} | {' ' * pad}{'^' * max(1, _width(_shown(text[start:end])))}")
    if last < span.end_line:
        out.append(f"{' ' * gutter} | ...")
    out.append(f"{' ' * gutter} |")
    return out
