"""Regular expressions compiled on first use rather than at import.

A pre-commit hook starts a process per run, and every ``re.compile`` at module level costs that
process its compile whether the files need the pattern or not: most patterns of the free-text
readers serve wikitext and figures written as prose, which a YAML record with structured figures
never reaches (48 M of the 588 M instructions a one-file run executed, docs/performance.md).
``compile_lazily`` returns a stand-in that compiles on its first use and then puts the compiled
pattern's methods on itself, so later calls cost what calls on the compiled pattern cost
(Bazaar's ``lazy_regex`` did the same).
"""

from __future__ import annotations

import re
from typing import Any, cast

# Everything a caller may use of a compiled pattern.
_ATTRIBUTES = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        _MADE.append(self)

    def __getattr__(self, name: str) -> Any:
        # Python calls this only for a name the instance lacks: after the first use, none.
        if name not in _ATTRIBUTES:
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compile_lazily({self._source[0]!r}, {self._source[1]!r})"


_MADE: list[_LazyPattern] = []


def compile_lazily(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used.

    A syntax error in the pattern would surface at that first use: ``compile_all`` lets the
    tests compile every pattern of the modules they import."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


def compile_all() -> int:
    """Compile every pattern made so far (raising ``re.error`` for a bad one); how many there are."""
    for lazy in _MADE:
        lazy.pattern  # noqa: B018  the first use compiles
    return len(_MADE)
