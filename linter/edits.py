"""What a fix is: text edits on a file as written, and whether applying them is safe.

A fix never re-serialises a record: it replaces spans of the source text, so comments, key
order, quoting, indentation, line endings and wikitext layout stay as the author wrote them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Literal, NamedTuple

from linter.findings import Span
from linter.lazy_regex import compile_lazily

SAFE: Literal["safe"] = "safe"  # the data means the same afterwards; only its form changes
UNSAFE: Literal["unsafe"] = "unsafe"  # it changes what the record says, so it needs a person's intent
APPLICABILITIES = (SAFE, UNSAFE)

_LINE_END = compile_lazily(r"\r\n|\r|\n")
# Line breaks some readers count and others do not (PyYAML counts U+2028, str.splitlines
# counts form feeds): a position in a text holding one is ambiguous, so it is never edited.
AMBIGUOUS_BREAKS = compile_lazily("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


class Edit(NamedTuple):  # not a frozen dataclass: defining one costs a start five times as much
    """Replace the characters of ``span`` (end exclusive) with ``content``; an empty span inserts."""

    span: Span
    content: str


class Fix(NamedTuple):  # not a frozen dataclass: defining one costs a start several times as much
    # SAFE or UNSAFE; the type lets mypy hold every rule to them, and the cache checks what it reads
    applicability: Literal["safe", "unsafe"]
    message: str  # what applying it does, for a person ("quote '1:30'")
    edits: tuple[Edit, ...]


@functools.lru_cache(maxsize=2)
def positions_of(text: str) -> Positions:
    """The positions of a text, made once: a file with many findings asks for each one's fix,
    and a pass over the whole text per finding would make that quadratic."""
    return Positions(text)


class Positions:
    """Converts between 1-based (line, column) and offsets in a text, counting \\r\\n, \\r and \\n as line ends."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def offset(self, line: int, column: int) -> int | None:
        """The offset of a position, or None when the text has no such position."""
        if not 1 <= line <= len(self.starts) or column < 1:
            return None
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        line_text = self.text[start:end]
        if column - 1 > len(line_text.rstrip("\r\n")):
            return None
        return start + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        return Span(*self.position(start), *self.position(end))

    def offsets(self, span: Span) -> tuple[int, int] | None:
        start, end = self.offset(span.line, span.column), self.offset(span.end_line, span.end_column)
        if start is None or end is None or end < start:
            return None
        return start, end

    def slice(self, span: Span) -> str | None:
        found = self.offsets(span)
        return None if found is None else self.text[found[0]:found[1]]


def replace(positions: Positions, start: int, end: int, content: str) -> Edit:
    """An edit of the characters [start, end) of the text ``positions`` indexes."""
    return Edit(positions.span(start, end), content)


def line_ending(text: str) -> str:
    """The line ending a text uses, for edits that add a line."""
    return "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"


# What separates an item from the one before it in a value: ", " and "; " in text, "<br>" and
# a new bulleted or plain line in wikitext.
_SEPARATOR_BEFORE = compile_lazily(r"(?:[ \t]*(?:[,;]|<br\s*/?\s*>)[ \t]*|[ \t]*(?:\r\n|\r|\n)[ \t]*\**[ \t]*)\Z",
                                   re.IGNORECASE)


def remove_item(positions: Positions, start: int, end: int) -> Edit | None:
    """An edit removing the item at [start, end) with the separator before it, or None when no
    separator stands right before it on the same value (so removing it could join two others)."""
    before = positions.text[max(0, start - 40):start]
    match = _SEPARATOR_BEFORE.search(before)
    if match is None or not before[:match.start()].strip():
        return None
    return replace(positions, start - (len(before) - match.start()), end, "")


def remove_json_element(positions: Positions, start: int, end: int) -> Edit | None:
    """An edit removing the JSON member or array item at [start, end) with the comma that joins
    it to the next one (and the blanks up to it, so that one takes this one's place and
    indentation), or, when it is the last, with the comma before it; None when it stands alone,
    as removing it is then not a matter of one comma."""
    text = positions.text
    after = end + len(text[end:]) - len(text[end:].lstrip(" \t\r\n"))
    if text[after:after + 1] == ",":
        rest = text[after + 1:]
        return replace(positions, start, after + 1 + len(rest) - len(rest.lstrip(" \t\r\n")), "")
    comma = len(text[:start].rstrip(" \t\r\n")) - 1
    if comma < 0 or text[comma] != ",":
        return None
    return replace(positions, comma, end, "")


_PLAIN_YAML = compile_lazily(r"[A-Za-z][A-Za-z0-9 .'()-]*\Z")


def yaml_scalar(text: str) -> str:
    """Text written as a YAML scalar every reader reads as that text (JSON's quoting is YAML's too)."""
    import json

    plain = _PLAIN_YAML.match(text) and text.casefold() not in {"yes", "no", "on", "off", "y", "n", "true",
                                                                "false", "null"}
    return text if plain else json.dumps(text, ensure_ascii=False)


def append_to_list(doc_text: str, doc_format: str, list_span: Span, last_item: Span | None, text: str
                   ) -> Edit | None:
    """An edit adding ``text`` as a last item of a list written at ``list_span``.

    YAML and JSON lists get an item in their own style (flow ``[a, b]`` or block ``- b``);
    an infobox cell gets one after its last item, in the separator the cell already uses.
    """
    import json

    positions = positions_of(doc_text)
    found = positions.offsets(list_span)
    if found is None:
        return None
    start, end = found
    written = doc_text[start:end]
    if doc_format in ("yaml", "json"):
        item = json.dumps(text, ensure_ascii=False) if doc_format == "json" else yaml_scalar(text)
        if written.startswith("[") and written.rstrip().endswith("]"):
            close = start + len(written.rstrip()) - 1
            inner = doc_text[start + 1:close]
            return replace(positions, close, close, f", {item}" if inner.strip() else item)
        if doc_format == "json" or last_item is None or not written.startswith("-"):
            return None
        item_end = positions.offsets(last_item)
        if item_end is None:
            return None
        line, _ = positions.position(item_end[1])
        line_end = positions.starts[line] if line < len(positions.starts) else len(doc_text)
        line_text = doc_text[positions.starts[line - 1]:line_end]
        stripped = line_text.rstrip("\r\n")
        if "#" in stripped:
            return None  # a comment after the item: where the new item goes is the author's call
        indent = " " * (list_span.column - 1)
        at = positions.starts[line - 1] + len(stripped)
        return replace(positions, at, at, f"{line_ending(doc_text)}{indent}- {item}")
    cell = written.rstrip()
    at = start + len(cell)
    if doc_format == "article-text":
        return replace(positions, at, at, f", {text}")
    br = re.search(r"<br\s*/?\s*>", cell, re.IGNORECASE)
    if br:
        return replace(positions, at, at, f"{br.group()}[[{text}]]")
    bullet = re.search(r"(\r\n|\r|\n)(\*+\s*)", cell)
    if bullet:
        return replace(positions, at, at, f"{bullet.group(1)}{bullet.group(2)}[[{text}]]")
    return replace(positions, at, at, f"<br />[[{text}]]")


def remove_block_lines(positions: Positions, first: Span, last: Span) -> Edit | None:
    """An edit removing whole lines, from the line ``first`` starts on to the line ``last`` ends
    on, provided nothing else stands on them: before ``first`` only indentation and block-list
    dashes, after ``last`` nothing but a YAML comment."""
    text = positions.text
    start = positions.offsets(first)
    end = positions.offsets(last)
    if start is None or end is None:
        return None
    line_start = positions.starts[first.line - 1]
    if text[line_start:start[0]].strip(" -") or "\t" in text[line_start:start[0]]:
        return None
    following = positions.starts[last.end_line] if last.end_line < len(positions.starts) else len(text)
    rest = text[end[1]:following].strip()
    if rest and not (rest.startswith("#") and text[end[1]:end[1] + 1] in " \t"):
        return None  # a YAML comment on the lines goes with them; anything else stays
    return replace(positions, line_start, following, "")


def yaml_quoted(text: str) -> str:
    """Text as a YAML quoted scalar: double quotes unless it holds a quote or backslash."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def one_close_name(name: str, known: Iterable[str], cutoff: float = 0.8) -> str | None:
    """The one known name ``name`` is a close misspelling of, or None when none or several are."""
    import difflib

    # a misspelling keeps the first letter: 'altitude' is not a misspelt 'latitude'
    same_start = [k for k in known if k[:1].casefold() == name[:1].casefold()]
    matches = difflib.get_close_matches(name, same_start, n=2, cutoff=cutoff)
    return matches[0] if len(matches) == 1 and matches[0] != name else None
