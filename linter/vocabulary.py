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


@functools.lru_cache(maxsize=1)
def _longest_placeholder() -> int:
    # Case folding only lengthens a text ("ß" becomes "ss"), so a text longer than this folds
    # to none of the placeholders.
    return max(map(len, _placeholders()))


def is_placeholder(text: str) -> bool:
    """True for fillers such as "None", "N/A", "TBD", "?" (whitespace and case ignored)."""
    text = text.strip()
    # No placeholder is longer than a word; most texts are, and need no case folding.
    return len(text) <= _longest_placeholder() and text.casefold() in _placeholders()


def is_never_allowed(text: str) -> bool:
    """True for placeholders the infobox guidance forbids even as a whole value ("N/A")."""
    return text.strip().casefold() in _never_allowed()
