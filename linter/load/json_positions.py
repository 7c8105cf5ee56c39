"""Where every value and key of a JSON text stands: a scanner over the standard library's decoder.

The values come from ``json.loads``; this only walks the same text to find their positions.
Line breaks in JSON stand only between tokens (a string cannot hold a raw one), so a line is
counted at ``\\n``, ``\\r\\n`` or ``\\r`` in whitespace, and a U+2028 or an escape inside a string
moves nothing. Columns count characters (code points), as the YAML loader's do.
"""

from __future__ import annotations

import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # public, but not in typeshed
from typing import NamedTuple

from linter.findings import Span, span_from
from linter.limits import MAX_POINTER_CHARS
from linter.model.document import child_pointer


class TooManyPointerChars(ValueError):
    """The values' pointers together would take more than MAX_POINTER_CHARS characters."""

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_LAST_BREAK = re.compile(r"(?s:.*)[\n\r]")
# Numbers and the three literals: the decoder has accepted the text, so the token's extent is all
# that is needed here.
SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")


class Duplicate(NamedTuple):
    """A key given twice in one object: the later one, and where the first stands."""

    key: str
    span: Span
    first: Span


class JsonPositions(NamedTuple):
    value_spans: dict[str, Span]
    key_spans: dict[str, Span]
    duplicates: list[Duplicate]


class _Frame:
    __slots__ = ("column", "count", "is_object", "line", "pointer")

    def __init__(self, pointer: str, is_object: bool, line: int, column: int):
        self.pointer, self.is_object, self.count = pointer, is_object, 0
        self.line, self.column = line, column


def scan_positions(text: str) -> JsonPositions:
    """The span of every value (by JSON Pointer) and every object key of a valid JSON text.

    Only for a text ``json.loads`` has accepted: it does not report syntax errors. For a key
    given twice, the spans are the later one's, as ``json.loads`` keeps the later value.
    Iterative, so any nesting the decoder accepts is scanned without recursion.
    """
    values: dict[str, Span] = {}
    keys: dict[str, Span] = {}
    duplicates: list[Duplicate] = []
    # pointer -> its members' pointers, so that a duplicate key forgets only its own subtree
    # (a walk over every span per duplicate made 700,000 duplicate keys quadratic)
    members: dict[str, list[str]] = {}
    budget = MAX_POINTER_CHARS
    line, line_start = 1, 0

    def member(parent: str, pointer: str) -> str:
        nonlocal budget
        budget -= len(pointer)
        if budget < 0:
            raise TooManyPointerChars(f"the paths to its values (long keys, nested deep) take more than "
                                      f"{MAX_POINTER_CHARS:,} characters")
        members.setdefault(parent, []).append(pointer)
        return pointer

    def skip(pos: int) -> int:
        nonlocal line, line_start
        end = _WHITESPACE.match(text, pos).end()  # type: ignore[union-attr]  # matches the empty text
        if end > pos and ("\n" in text[pos:end] or "\r" in text[pos:end]):
            chunk = text[pos:end]
            line += chunk.count("\n") + chunk.count("\r") - chunk.count("\r\n")
            line_start = pos + _LAST_BREAK.match(chunk).end()  # type: ignore[union-attr]
        return end

    def key_at(pos: int, frame: _Frame) -> tuple[str, int]:
        """Read the key at ``pos`` and the colon after it; the member's pointer and the value's start."""
        key, end = scanstring(text, pos + 1)
        span = span_from((line, pos - line_start + 1, line, end - line_start + 1))
        pointer = child_pointer(frame.pointer, key)
        if pointer in keys:
            duplicates.append(Duplicate(key, span, keys[pointer]))
            _forget(values, keys, members, pointer)
        member(frame.pointer, pointer)
        keys[pointer] = span
        end = skip(end)
        return pointer, skip(end + 1)  # past the ':'

    stack: list[_Frame] = []
    pos = skip(0)
    pointer = ""
    while True:
        # A value starts at ``pos`` and belongs at ``pointer``.
        char = text[pos]
        column = pos - line_start + 1
        if char == "{" or char == "[":
            frame = _Frame(pointer, char == "{", line, column)
            stack.append(frame)
            pos = skip(pos + 1)
            if text[pos] not in "}]":
                if frame.is_object:
                    pointer, pos = key_at(pos, frame)
                else:
                    pointer = member(frame.pointer, f"{frame.pointer}/0")
                continue
        elif char == '"':
            end = scanstring(text, pos + 1)[1]
            values[pointer] = span_from((line, column, line, end - line_start + 1))
            pos = skip(end)
        else:
            end = SCALAR.match(text, pos).end()  # type: ignore[union-attr]  # the decoder accepted it
            values[pointer] = span_from((line, column, line, end - line_start + 1))
            pos = skip(end)
        # After a value: close the containers it ends, or move to the next member.
        while stack:
            frame = stack[-1]
            if text[pos] == ",":
                pos = skip(pos + 1)
                if frame.is_object:
                    pointer, pos = key_at(pos, frame)
                else:
                    frame.count += 1
                    pointer = member(frame.pointer, f"{frame.pointer}/{frame.count}")
                break
            pos += 1  # a '}' or ']'
            values[frame.pointer] = span_from((frame.line, frame.column, line, pos - line_start + 1))
            stack.pop()
            pos = skip(pos)
        if not stack:
            return JsonPositions(values, keys, duplicates)


def position_of(text: str, offset: int) -> tuple[int, int]:
    """The (line, column) of a character offset, lines broken as the scanner breaks them."""
    before = text[:offset]
    line = 1 + before.count("\n") + before.count("\r") - before.count("\r\n")
    last_break = max(before.rfind("\n"), before.rfind("\r"))
    return line, offset - last_break


def _forget(values: dict[str, Span], keys: dict[str, Span], members: dict[str, list[str]], pointer: str) -> None:
    """Drop what an earlier member of the same key left: the later value replaces it whole."""
    stale = [pointer]
    while stale:
        current = stale.pop()
        values.pop(current, None)
        if current != pointer:
            keys.pop(current, None)
        stale.extend(members.pop(current, ()))
