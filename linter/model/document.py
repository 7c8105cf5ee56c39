"""The position-aware document every loader produces and every check reads."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, NamedTuple

from linter.findings import FILE_START, Span
from linter.lazy_regex import compile_lazily

if TYPE_CHECKING:
    from linter.edits import Fix

_JSON_LINE_BREAK = compile_lazily(r"\r\n|\r|\n")


def escape_pointer_token(token: object) -> str:
    token = str(token)
    if "~" in token or "/" in token:  # rare in keys; skipping the replaces speeds up loading
        token = token.replace("~", "~0").replace("/", "~1")
    return token


def child_pointer(parent: str, token: object) -> str:
    return f"{parent}/{escape_pointer_token(token)}"


class Hit(NamedTuple):  # not a frozen dataclass: defining one costs a start five times as much
    """What a check reports before the engine turns it into a Finding.

    A hit names a JSON Pointer into the record (the engine finds its position) or carries an
    explicit span (loaders reporting on text that never became a value). ``at_key`` points at
    the key of the pointed-to member rather than its value; ``text_range`` narrows a text value
    to the characters ``[start, end)`` of it. ``rule`` is set only by stages that
    report for several rules (loaders, the schema check); a rule's own hits leave it empty.
    ``fix`` is the repair a check can prove while it looks (linter/edits.py).
    """

    message: str
    pointer: str = ""
    span: Span | None = None
    at_key: bool = False
    rule: str = ""
    text_range: tuple[int, int] | None = None
    fix: Fix | None = None


class Document:
    """One loaded record with the position of every value and key.

    A plain class: loaders fill it in as they read, and a dataclass would cost every start of
    the command the generation of its methods (docs/performance.md)."""

    def __init__(
        self,
        path: str,
        format: str,
        data: Any = None,
        value_spans: dict[str, Span] | None = None,
        key_spans: dict[str, Span] | None = None,
        text: str = "",
        suppressions: list | None = None,
        origins: dict[str, str] | None = None,
    ):
        self.path = path
        self.format = format
        self.data = data
        self.value_spans: dict[str, Span] = {} if value_spans is None else value_spans
        self.key_spans: dict[str, Span] = {} if key_spans is None else key_spans
        self.problems: list[Hit] = []
        self.text = text
        # Further records of the same file (a wikitext page with several infoboxes).
        self.extra: list[Document] = []
        # Inline suppressions, when the document was rebuilt from a summary without its text
        # (linter/runner.py); otherwise the engine reads them from the text.
        self.suppressions = suppressions
        # For records read from an infobox: the parameter, as written in the file, each value
        # came from ("/sides/1/casualties" -> "casualties2"), so messages can name what to edit.
        self.origins: dict[str, str] = {} if origins is None else origins
        # Pointers of fields the loader left out because it found their value unreadable and
        # said so (a malformed date): the schema does not report them missing a second time.
        self.reported: set[str] = set()
        # Bracketed notes an infobox writes beside a value and the reader leaves out of it, by
        # pointer ("/sides/1/combatants/0" -> "20–23 August"): a party's period, "naval".
        self.notes: dict[str, str] = {}
        self._verbatim_offsets: dict[str, int] = {}

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, format={self.format!r}, data={self.data!r})"

    @property
    def native(self) -> bool:
        """Whether the file is a record itself (YAML, JSON) rather than an infobox read into one."""
        return self.format not in ("wikitext", "article-text")

    @property
    def from_infobox(self) -> bool:
        """Whether the record was read from an infobox: here, or imported with its provenance."""
        if not self.native:
            return True
        provenance = self.data.get("provenance") if isinstance(self.data, dict) else None
        return isinstance(provenance, dict) and provenance.get("format") in ("wikitext", "article-text")

    def origin_of(self, pointer: str) -> str:
        """The infobox parameter a value came from, or "" for a native record."""
        while pointer:
            if pointer in self.origins:
                return self.origins[pointer]
            pointer = pointer.rsplit("/", 1)[0]
        return ""

    def span_of(self, pointer: str, at_key: bool = False) -> Span:
        """The span of a value (or its key); for a pointer with no value, its nearest parent."""
        if at_key and pointer in self.key_spans:
            return self.key_spans[pointer]
        while True:
            if pointer in self.value_spans:
                return self.value_spans[pointer]
            if not pointer:
                return FILE_START
            pointer = pointer.rsplit("/", 1)[0]

    def span_within(self, pointer: str, start: int, end: int) -> Span:
        """The span of characters [start, end) of a text value, where the file shows them verbatim.

        Values written over several lines, or with escapes, fall back to the whole value.
        """
        span = self.span_of(pointer)
        offset = self._verbatim_offsets.get(pointer)
        if offset is None:
            offset = self._verbatim_offsets[pointer] = self._verbatim_offset(pointer, span)
        if offset < 0:
            return span
        return Span(span.line, offset + start + 1, span.line, offset + end + 1)

    def _verbatim_offset(self, pointer: str, span: Span) -> int:
        """Where a text value starts in its line (0-based), or -1 where the file does not show it
        verbatim. Remembered per pointer: a long value can carry a finding for each of its
        characters, and searching the line for each would make them quadratic."""
        value = self.value_at(pointer)
        if not isinstance(value, str) or span.line != span.end_line or span.line > len(self.lines):
            return -1
        return self.lines[span.line - 1].find(value, span.column - 1)

    @functools.cached_property
    def lines(self) -> list[str]:
        """The text's lines, split once however many findings need them, where the loader's
        positions break them: JSON only at \\n, \\r\\n and \\r (a U+2028 in a string is text)."""
        if self.format == "json":
            return _JSON_LINE_BREAK.split(self.text)
        return self.text.splitlines()

    def value_at(self, pointer: str) -> Any:
        value = self.data
        for token in pointer.split("/")[1:]:
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(value, dict):
                value = value.get(token)
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                return None
        return value

    @property
    def record(self) -> dict | None:
        return self.data if isinstance(self.data, dict) else None
