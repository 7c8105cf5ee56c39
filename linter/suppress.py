"""Inline suppressions: ``# conflict-lint: disable=...`` comments in YAML records.

Three forms, each naming rules by slug or code, separated by commas:

- ``# conflict-lint: disable=SLUG`` at the end of a line: findings that start on that line;
- ``# conflict-lint: disable-next-line=SLUG`` on its own line: findings on the next line;
- ``# conflict-lint: disable-file=SLUG`` anywhere: findings anywhere in the file.

Comments are found with a pattern over the text (PyYAML drops comments): a ``#`` counts
only at the start of a line or after whitespace, as in YAML, and not inside a string value
(the loader's spans say where those are).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from linter.findings import Span
from linter.lazy_regex import compile_lazily

COMMENT = compile_lazily(r"(?:^|(?<=\s))#\s*conflict-lint:\s*(?P<kind>disable-next-line|disable-file|disable)\s*=\s*"
                         r"(?P<names>[A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)")


class Suppression:
    """One suppression comment; ``used`` collects the names that silenced a finding.

    A plain class: a dataclass costs every start of the command the generation of its methods."""

    __slots__ = ("kind", "line", "names", "used")

    def __init__(self, kind: str, line: int, names: dict[str, Span]):
        self.kind = kind  # disable, disable-next-line or disable-file
        self.line = line  # the line the comment is on
        self.names = names  # each rule name as written, with where it stands
        self.used: set[str] = set()

    def __repr__(self) -> str:
        return f"Suppression({self.kind!r}, {self.line}, {self.names!r}, used={self.used!r})"

    @property
    def target_line(self) -> int | None:
        if self.kind == "disable-file":
            return None
        return self.line + 1 if self.kind == "disable-next-line" else self.line


def parse_suppressions(text: str, in_string: Callable[[int, int], bool] = lambda line, column: False
                       ) -> list[Suppression]:
    """The suppressions of a text; ``in_string(line, column)`` says whether a position lies in a string value."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = COMMENT.search(line)
        if match is None or in_string(number, match.start() + 1):
            continue
        names = {}
        for name_match in re.finditer(r"[A-Za-z0-9_-]+", match["names"]):
            start = match.start("names") + name_match.start()
            names[name_match.group()] = Span(number, start + 1, number, start + 1 + len(name_match.group()))
        found.append(Suppression(match["kind"], number, names))
    return found
