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


_LONGEST_PLACEHOLDER = 12


def is_placeholder(text: str) -> bool:
    """True for fillers such as "None", "N/A", "TBD", "?" (whitespace and case ignored)."""
    text = text.strip()
    # No placeholder is longer than a word; most texts are, and need no case folding.
    return len(text) <= _LONGEST_PLACEHOLDER and text.casefold() in _placeholders()


def is_never_allowed(text: str) -> bool:
    """True for placeholders the infobox guidance forbids even as a whole value ("N/A")."""
    return text.strip().casefold() in _never_allowed()
