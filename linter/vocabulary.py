"""Words with a fixed meaning in infobox values: placeholders, for now."""

from __future__ import annotations

import functools

from linter.data import load


@functools.lru_cache(maxsize=1)
def _placeholders() -> frozenset[str]:
    return frozenset(load("placeholders.json")["placeholders"])


@functools.lru_cache(maxsize=1)
def _never_allowed() -> frozenset[str]:
    return frozenset(load("placeholders.json")["never_allowed"])


def is_placeholder(text: str) -> bool:
    """True for fillers such as "None", "N/A", "TBD", "?" (whitespace and case ignored)."""
    return text.strip().casefold() in _placeholders()


def is_never_allowed(text: str) -> bool:
    """True for placeholders the infobox guidance forbids even as a whole value ("N/A")."""
    return text.strip().casefold() in _never_allowed()
