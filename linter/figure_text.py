"""Read a figure as an infobox writes it ("c. 1,400 killed", "20+", "9–12 wounded") into the
record's structured forms, and guess its casualty category from its words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from linter.dates import MONTH_PATTERN
from linter.limits import for_matching
from linter.markup import NOT_TEXT

# Not an ordinal: "29th Infantry Division" names a unit, it counts nothing.
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)(?!\d|(?:st|nd|rd|th)\b)"
_DASH = r"\s*(?:-|–|—|to)\s*"
_ABOUT = r"(?:c\.|ca\.|circa|about|approx\.?|approximately|around|roughly|some|est\.|estimated|~)\s*"
_AT_LEAST = r"(?:at least|over|more than|above|in excess of|>|≥)\s*"
_FORMS = (
    ("at_least", re.compile(rf"{_AT_LEAST}{_NUMBER}", re.IGNORECASE)),
    ("at_least", re.compile(rf"{_NUMBER}\s*\+|{_NUMBER}\s+or more", re.IGNORECASE)),
    ("about", re.compile(rf"{_ABOUT}{_NUMBER}", re.IGNORECASE)),
    ("count", re.compile(_NUMBER)),
)
_WHOLE = {"unknown": {"unknown": True}, "none": {"none": True}, "nil": {"none": True}}
# "Unknown number of tanks", "unknown wounded", "Native allies: unknown": a figure nobody knows.
_UNKNOWN_LEAD = re.compile(r"(?:[^:\n]{1,60}:)?\s*(unknown)\b", re.IGNORECASE)
# "Two infantry battalions", "Airborne: three divisions": small counts written as words, at the
# start or after a label, so never "no one".
_NUMBER_WORDS = {word: value for value, word in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split(), start=1)}
_NUMBER_WORD = re.compile(r"(?:[^:\n]{1,60}:)?\s*(" + "|".join(_NUMBER_WORDS)
                          + r")\b(?!-)(?!\s+(?:of|or|another)\b)", re.IGNORECASE)

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


# Citations, templates, HTML comments and bracketed remarks hold page ranges and dates.
_NOISE = re.compile(rf"{NOT_TEXT}|\([^()]*\)|\[[^\[\]]*\]",
                    re.DOTALL | re.IGNORECASE)
_RANGE_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
_RANGE = re.compile(rf"(?<![\d,./:-])({_RANGE_NUMBER})\s*(?:-|–|—|&ndash;|to)\s*({_RANGE_NUMBER})(?![\d/:]|,\d|\.\d|-\d)")
_MONTH = MONTH_PATTERN
# "9 December 1940 – 9 February 1941": a day or a year beside a month name is a date.
_MONTH_AFTER = re.compile(rf"\s*{_MONTH}\b")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*$")
# "outnumbered 3 to 1", "a 2-1 ratio": odds, not a range.
_RATIO = re.compile(r"outnumber|\bratio\b|\bodds\b", re.IGNORECASE)
_PAGES_BEFORE = re.compile(r"\b(?:pp?|pages?|col|column|nos?)\.?\s*$", re.IGNORECASE)


def _looks_like_years(low: str, high: str) -> bool:
    # "1939-45" or "1914-1918": year spans, not counts.
    return len(low) == 4 and low.isdigit() and 1000 <= int(low) <= 2100 and len(high) in (2, 4) and high.isdigit()


def _abbreviated(first: str, second: str) -> bool:
    # "pp. 195-96", "2259-60": the high end gives only the digits that change.
    return "," not in first and len(second) <= 2 < len(first) and int(first[:-len(second)] + second) >= int(first)


def _is_date_or_page(cleaned: str, match: re.Match) -> bool:
    before, after = cleaned[:match.start()], cleaned[match.end():]
    middle = cleaned[match.end(1):match.start(2)]
    return bool(_MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(middle)
                or _PAGES_BEFORE.search(before) or _RATIO.search(cleaned))


def _blank_noise(text: str) -> str:
    return _NOISE.sub(lambda m: " " * len(m.group()), for_matching(text))


def _ranges(cleaned: str) -> Iterator[tuple[re.Match, bool]]:
    """Each range-shaped match, and whether it is a range of counts (not years, pages, dates)."""
    for match in _RANGE.finditer(cleaned):
        first, second = match.group(1), match.group(2)
        counts = not (_looks_like_years(first, second) or _abbreviated(first, second)
                      or _is_date_or_page(cleaned, match))
        yield match, counts


def text_ranges(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(low, high, start, end) of each range of counts in a figure text, offsets into ``text``."""
    for match, counts in _ranges(_blank_noise(text)):
        if counts:
            yield _int(match.group(1)), _int(match.group(2)), match.start(), match.end()



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
    # Ranges come from text_ranges, which knows dates, years and page ranges from counts;
    # single numbers beside a month name ("9 May 1945") are dates too.
    cleaned = _blank_noise(text)
    candidates, taken = [], []
    for match, counts in _ranges(cleaned):
        taken.append((match.start(), match.end()))  # years and pages are not counts either
        if counts and not candidates:
            candidates.append((match.start(), match.end(),
                               {"min": _int(match.group(1)), "max": _int(match.group(2))}))
    for form, pattern in _FORMS:
        for match in pattern.finditer(cleaned):
            overlaps = any(match.start() < e and s < match.end() for s, e in taken)
            if not overlaps and not _beside_a_month(cleaned, match):
                number = next(g for g in match.groups() if g)
                candidates.append((match.start(), match.end(), {form: _int(number)}))
                break
    if not candidates:
        return _worded(text, cleaned) or _bracketed(text)
    start, end, value = min(candidates, key=lambda c: c[0])
    return ParsedFigure(value, start, end)


_BRACKETED = re.compile(r"\(([^()]*)\)")


def _bracketed(text: str) -> ParsedFigure | None:
    """A figure that only a bracket holds, after words that give none: "Garrison from 56th
    division (3,000)", "AUS: (c. 7,000 killed)". A line that is all one bracket is a remark on
    the figure above it, not a figure of its own."""
    if text.lstrip().startswith("("):
        return None
    for match in _BRACKETED.finditer(text):
        inner = parse(match.group(1))
        if inner is not None:
            offset = match.start(1)
            return ParsedFigure(inner.value, offset + inner.start, offset + inner.end)
    return None


def _worded(text: str, cleaned: str) -> ParsedFigure | None:
    """A figure with no digits: an unknown one, or a count written as a word at its start."""
    lead = _UNKNOWN_LEAD.match(cleaned)
    if lead:
        return ParsedFigure({"unknown": True}, lead.start(1), lead.end(1))
    word = _NUMBER_WORD.match(cleaned)
    if word:
        return ParsedFigure({"count": _NUMBER_WORDS[word.group(1).casefold()]}, word.start(1), word.end(1))
    return None


def _beside_a_month(cleaned: str, match: re.Match) -> bool:
    return bool(_MONTH_AFTER.match(cleaned[match.end():]) or _MONTH_BEFORE.search(cleaned[:match.start()]))


def split_label(text: str) -> tuple[str, str]:
    """("Southern France", " 285,000 personnel") for a figure written after a group's label, else
    ("", text). A label holds no digit, so "Total: 1,200" splits but "12:30" does not."""
    label, colon, rest = text.partition(":")
    if colon and len(label) <= 60 and not any(c.isdigit() for c in label):
        return label, rest
    return "", text


def categories(text: str) -> set[str]:
    """Every casualty category the text's words name."""
    return set(_named(text))


def category(text: str) -> str | None:
    """The casualty category the text's words name, if any: the first, except that a particular
    one wins over "total" ("Total dead: 359,500" counts the killed)."""
    named = list(_named(text))
    particular = [name for name in named if name != "total"]
    return particular[0] if particular else named[0] if named else None


def _named(text: str) -> Iterator[str]:
    words = _WORDS.findall(for_matching(text).casefold())
    for index, word in enumerate(words):
        for name, keys in _CATEGORIES:
            if word in keys or " ".join(words[index:index + 2]) in keys:
                yield name
