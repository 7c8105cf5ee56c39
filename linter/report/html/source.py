"""A file's text as numbered lines, each finding attached to the line it starts on and its span
marked in that line, as a code review shows comments.

Lines are most of a record page, so runs of lines without findings are written here as ready
table rows (escaped with MarkupSafe, as the templates escape) rather than by a template loop:
that is a third of the time of a page. ``html.escape`` escapes what MarkupSafe does (&, <, >,
both quotes) and returns a plain string, cheaper than a Markup per line.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from markupsafe import Markup

from linter.findings import Finding

# Longer files show only the lines around their findings, so a page stays small.
WHOLE_FILE_LINES = 2000
CONTEXT = 3


class Note(NamedTuple):
    number: int  # the finding's number in its file, for anchors
    finding: Finding


class Line(NamedTuple):
    """A line with findings: the template writes it and the comments under it."""

    number: int
    code: Markup
    notes: list[Note]


def _code(text: str, spans: list[tuple[int, int]]) -> Markup:
    """The line escaped, with each finding's span in <mark>; where spans overlap, the later one
    marks only what the earlier left unmarked. Text is cut before it is escaped, never after."""
    if not spans:
        return Markup(escape(text))
    parts: list[str] = []
    at = 0
    for start, end in sorted(spans):
        start, end = max(start, at), min(end, len(text))
        if end <= start:
            continue
        parts.append(escape(text[at:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    parts.append(escape(text[at:]))
    return Markup("".join(parts))


def _row(number: int, code: Markup) -> str:
    return (
        f'<tr id="L{number}"><th scope="row"><a href="#L{number}">{number}</a></th><td><code>{code}</code></td></tr>\n'
    )


def _gap(start: int, end: int) -> str:
    return (
        f'<tr class="gap"><td></td><td>{"line" if start == end else "lines"} {start}'
        f"{'' if start == end else f'–{end}'} have no findings and are not shown</td></tr>\n"
    )


def source_lines(text: str | None, findings: list[Finding]) -> tuple[list[Markup | Line], list[Note]]:
    """The rows to show (ready rows of lines without findings, and lines with findings), and the
    findings that stand past the end of the text (a file that could not be read has no lines)."""
    lines = text.splitlines() if text else []
    notes_at: dict[int, list[Note]] = {}
    marks: dict[int, list[tuple[int, int]]] = {}
    past_end: list[Note] = []
    for index, finding in enumerate(findings, 1):
        span = finding.span
        if not 1 <= span.line <= len(lines):
            past_end.append(Note(index, finding))
            continue
        notes_at.setdefault(span.line, []).append(Note(index, finding))
        # A span over several lines is marked on its first line, to that line's end.
        end = span.end_column if span.end_line == span.line else len(lines[span.line - 1]) + 1
        marks.setdefault(span.line, []).append((span.column - 1, max(end - 1, span.column)))
    if len(lines) <= WHOLE_FILE_LINES:
        shown: list[int] | range = range(1, len(lines) + 1)
    else:
        shown = sorted(
            {n for line in notes_at for n in range(line - CONTEXT, line + CONTEXT + 1) if 1 <= n <= len(lines)}
            | set(range(1, min(len(lines), 20) + 1))
        )
    result: list[Markup | Line] = []
    plain: list[str] = []
    previous = 0
    for number in shown:
        if number > previous + 1:
            plain.append(_gap(previous + 1, number - 1))
        previous = number
        code = _code(lines[number - 1], marks.get(number, []))
        if number in notes_at:
            if plain:
                result.append(Markup("".join(plain)))
                plain = []
            result.append(Line(number, code, notes_at[number]))
        else:
            plain.append(_row(number, code))
    if previous < len(lines):
        plain.append(_gap(previous + 1, len(lines)))
    if plain:
        result.append(Markup("".join(plain)))
    return result, past_end
