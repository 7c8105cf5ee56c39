"""Read a figure as an infobox writes it ("c. 1,400 killed", "20+", "9–12 wounded") into the
record's structured forms, and guess its casualty category from its words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.limits import for_matching

_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)"
_DASH = r"\s*(?:-|–|—|to)\s*"
_ABOUT = r"(?:c\.|ca\.|circa|about|approx\.?|approximately|around|roughly|some|est\.|estimated|~)\s*"
_AT_LEAST = r"(?:at least|over|more than|above|in excess of|>|≥)\s*"
_FORMS = (
    ("range", re.compile(rf"(?:{_ABOUT})?{_NUMBER}{_DASH}{_NUMBER}", re.IGNORECASE)),
    ("at_least", re.compile(rf"{_AT_LEAST}{_NUMBER}", re.IGNORECASE)),
    ("at_least", re.compile(rf"{_NUMBER}\s*\+|{_NUMBER}\s+or more", re.IGNORECASE)),
    ("about", re.compile(rf"{_ABOUT}{_NUMBER}", re.IGNORECASE)),
    ("count", re.compile(_NUMBER)),
)
_WHOLE = {"unknown": {"unknown": True}, "none": {"none": True}, "nil": {"none": True}}

# The first word that names a category wins: "9 killed and wounded" counts the killed.
_CATEGORIES = (
    ("killed", ("killed", "dead", "deaths", "died", "kia", "fatalities", "executed", "slain", "drowned")),
    ("wounded", ("wounded", "injured", "wia", "injuries")),
    ("captured", ("captured", "prisoners", "prisoner", "pow", "pows", "surrendered", "taken prisoner")),
    ("missing", ("missing", "mia")),
    ("civilians", ("civilians", "civilian")),
    ("total", ("casualties", "total", "losses")),
)
_WORDS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class ParsedFigure:
    value: dict  # one of the schema's value forms: {"count": 9}, {"min": 9, "max": 12}, ...
    start: int  # where the number stands in the text
    end: int


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def parse(text: str) -> ParsedFigure | None:
    """The first figure in ``text``, or None when it holds none."""
    text = for_matching(text)
    folded = text.strip().casefold().rstrip(".")
    if folded in _WHOLE:
        return ParsedFigure(dict(_WHOLE[folded]), 0, len(text))
    best = None
    for form, pattern in _FORMS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[1].start()):
            best = (form, match)
    if best is None:
        return None
    form, match = best
    numbers = [_int(g) for g in match.groups() if g]
    if form == "range":
        value = {"min": numbers[0], "max": numbers[1]}
    else:
        value = {form: numbers[0]}
    return ParsedFigure(value, match.start(), match.end())


def category(text: str) -> str | None:
    """The casualty category the text's words name, if any."""
    words = _WORDS.findall(for_matching(text).casefold())
    for index, word in enumerate(words):
        for name, keys in _CATEGORIES:
            if word in keys or " ".join(words[index:index + 2]) in keys:
                return name
    return None
