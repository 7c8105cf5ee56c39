"""Read a figure as an infobox writes it ("c. 1,400 killed", "20+", "9–12 wounded") into the
record's structured forms, and guess its casualty category from its words."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from linter.dates import MONTH_PATTERN, MONTHS
from linter.limits import MAX_NUMBER_DIGITS, for_matching
from linter.markup import NOT_TEXT, defuse

# Not an ordinal: "29th Infantry Division" names a unit, it counts nothing; nor part of a name
# ("M10 tank destroyers", "Bf 109" is read as written but "Ju87" is not a count of 87). A number
# starts only where a run of digits or of comma groups starts (else "1"*9998+"th" is tried from
# every digit: quadratic), and a run longer than MAX_NUMBER_DIGITS is no number at all.
_GROUPS = MAX_NUMBER_DIGITS // 3
_NUMBER = (rf"(?<![^\W\d_])(?<!\d)(?<!\d,)(\d{{1,3}}(?:,\d{{3}}){{1,{_GROUPS}}}|\d{{1,{MAX_NUMBER_DIGITS}}})"
           r"(?!\d|,\d{3}|(?:st|nd|rd|th)\b)")
_DASH = r"\s*(?:-|–|—|to)\s*"
_ABOUT = r"(?:c\.|ca\.|circa|about|approx\.?|approximately|around|roughly|some|est\.|estimated|~)\s*"
_AT_LEAST = r"(?:at least|over|more than|above|in excess of|>|≥)\s*"
_AT_MOST = r"(?:up to|at most|as many as|no more than|fewer than|less than|under|<|≤)\s*"
_FORMS = (
    ("at_most", re.compile(rf"{_AT_MOST}{_NUMBER}", re.IGNORECASE)),
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
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "  # noqa: SIM905
    "sixteen seventeen eighteen nineteen twenty".split(), start=1)}
_NUMBER_WORD = re.compile(
    r"(?:[^:\n]{1,60}:)?\s*(" + "|".join(_NUMBER_WORDS) + r")\b(?!-)(?!\s+(?:of|or|another)\b)", re.IGNORECASE
)

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
_NOISE = re.compile(rf"{NOT_TEXT}|\([^()]*\)|\[[^\[\]]*\]", re.DOTALL | re.IGNORECASE)
_RANGE_NUMBER = rf"\d{{1,3}}(?:,\d{{3}}){{1,{_GROUPS}}}|\d{{1,{MAX_NUMBER_DIGITS}}}"
_RANGE = re.compile(
    rf"(?<![\d,./:-])({_RANGE_NUMBER})\s*(?:-|–|—|&ndash;|to)\s*({_RANGE_NUMBER})(?![\d/:]|,\d|\.\d|-\d)"
)
_MONTH = MONTH_PATTERN
# "9 December 1940 – 9 February 1941": a day or a year beside a month name is a date.
_MONTH_AFTER = re.compile(rf"\s*{_MONTH}\b")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*$")
# "outnumbered 3 to 1", "a 2-1 ratio": odds, not a range.
_RATIO = re.compile(r"outnumber|\bratio\b|\bodds\b", re.IGNORECASE)
_PAGES_BEFORE = re.compile(r"\b(?:pp?|pages?|col|column|nos?)\.?\s*$", re.IGNORECASE)


def _range_values(first: str, second: str) -> tuple[int, int]:
    """The ends of a range; an abbreviated low end borrows the high end's thousands: "30–32,000"
    is 30,000 to 32,000 and "8–9,000" is 8,000 to 9,000, but "5–1,000" is 5 to 1,000."""
    low, high = _int(first), _int(second)
    if "," not in first and "," in second and low < 1000:
        scaled = low * 10 ** (3 * second.count(","))
        if scaled <= high and scaled >= high // 10:
            return scaled, high
    return low, high


# A number-like run as written, to tell "2,860" from "2.860", "1,0000" or "5OO". One character
# class repeated: linear in the run's length.
_NUMBER_LIKE = re.compile(r"(?<![\w.,])\d[\d,.Oo]*")
_WELL_FORMED = re.compile(
    r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d{1,2}|\.\d{4,})?|\d+\.\d+(?=\s*(?:million|billion|thousand|%|per))"
)


def malformed(text: str) -> str:
    """The first number of a figure text when it is written wrongly ("2.860", "1,0000",
    "5OO"), else "". Dates ("12.06.1944") and decimals ("2.5 million") are not counts gone wrong."""
    cleaned = _blank_noise(text)
    for match in _NUMBER_LIKE.finditer(cleaned):
        token = match.group().rstrip(".,")
        if cleaned[match.end() : match.end() + 1].isalpha() and not token[-1:].isalpha():
            continue  # "29th", "1940s": words, not counts
        if token.count(".") > 1 and "," not in token and not all(len(g) == 3 for g in token.split(".")[1:]):
            continue  # a date
        if _WELL_FORMED.fullmatch(token):
            return ""
        if re.fullmatch(r"\d+\.\d+", token) and re.match(r"\s*(?:million|billion|thousand|%)", cleaned[match.end() :]):
            return ""
        return token
    return ""


def only_years(text: str) -> bool:
    """Whether every number of the text is a year ("July, 1942", "2015–2023"): a period, not a count."""
    numbers = re.findall(r"\d+", for_matching(text))
    return (
        bool(numbers)
        and all((len(n) == 4 and 1000 <= int(n) <= 2100) or (len(n) == 2 and len(numbers) > 1) for n in numbers)
        and len(numbers[0]) == 4
    )


def _looks_like_years(low: str, high: str) -> bool:
    # "1939-45" or "1914-1918": year spans, not counts.
    return len(low) == 4 and low.isdigit() and 1000 <= int(low) <= 2100 and len(high) in (2, 4) and high.isdigit()


def _abbreviated(first: str, second: str) -> bool:
    # "pp. 195-96", "2259-60": the high end gives only the digits that change.
    return "," not in first and len(second) <= 2 < len(first) and int(first[: -len(second)] + second) >= int(first)


# The patterns that look back need only the end of the text before a number: a month name or
# page marker and its dot, after the blanks that follow it. Searching all of it, once per number,
# made a text of many ranges quadratic.
_LOOK_BACK = max(len(name) for name in MONTHS) + 2


def _tail_before(cleaned: str, start: int) -> str:
    """The last few characters before ``start``, blanks after them dropped; enough of them that a
    word boundary at the tail's start is one in the text."""
    end = start
    while end and cleaned[end - 1].isspace():
        end -= 1
    return cleaned[max(0, end - _LOOK_BACK) : end]


def _is_date_or_page(cleaned: str, match: re.Match) -> bool:
    before = _tail_before(cleaned, match.start())
    return bool(
        _MONTH_AFTER.match(cleaned, match.end())
        or _MONTH_BEFORE.search(before)
        or _MONTH_AFTER.match(cleaned, match.end(1), match.start(2))
        or _PAGES_BEFORE.search(before)
    )


def _blank_noise(text: str) -> str:
    return _blanked(for_matching(text))


@functools.lru_cache(maxsize=1024)  # every reading of a text starts here (parse, malformed, ranges)
def _blanked(text: str) -> str:
    return _NOISE.sub(lambda m: " " * len(m.group()), defuse(text))


def _ranges(cleaned: str) -> Iterator[tuple[re.Match, bool]]:
    """Each range-shaped match, and whether it is a range of counts (not years, pages, dates)."""
    odds = bool(_RATIO.search(cleaned))
    for match in _RANGE.finditer(cleaned):
        first, second = match.group(1), match.group(2)
        counts = not (
            odds or _looks_like_years(first, second) or _abbreviated(first, second) or _is_date_or_page(cleaned, match)
        )
        yield match, counts


def _negative(cleaned: str, start: int) -> bool:
    """A minus sign written right before a number that starts the figure or follows a space,
    bracket or colon: "-40 killed", "−3,500" (U+2212; &minus; renders as it)."""
    return start > 0 and cleaned[start - 1] in "-\u2212" and (start == 1 or cleaned[start - 2] in " \t(:")


def text_ranges(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(low, high, start, end) of each range of counts in a figure text, offsets into ``text``."""
    for match, counts in _ranges(_blank_noise(text)):
        if counts:
            yield *_range_values(match.group(1), match.group(2)), match.start(), match.end()


@dataclass(frozen=True)
class ParsedFigure:
    value: dict  # one of the schema's value forms: {"count": 9}, {"min": 9, "max": 12}, ...
    start: int  # where the number stands in the text
    end: int


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def parse(text: str) -> ParsedFigure | None:
    """The first figure in ``text``, or None when it holds none."""
    found = _parse(for_matching(text))
    return None if found is None else ParsedFigure(dict(found.value), found.start, found.end)  # a copy to change


# A cell's line is read several times over (is it a heading, a total, which figure?), by the
# reader and the rules: each distinct text is worked out once. Keys are at most MAX_MATCH_CHARS.
@functools.lru_cache(maxsize=1024)
def _parse(text: str) -> ParsedFigure | None:
    folded = text.strip().casefold().rstrip(".")
    if folded in _WHOLE:
        return ParsedFigure(dict(_WHOLE[folded]), 0, len(text))
    # Ranges come from text_ranges, which knows dates, years and page ranges from counts;
    # single numbers beside a month name ("9 May 1945") are dates too.
    cleaned = _blank_noise(text)
    if malformed(text):
        return None  # "2.860" is not 2 nor 2,860: figure-malformed asks which
    candidates: list[tuple[int, int, dict]] = []
    taken = []
    for match, counts in _ranges(cleaned):
        taken.append((match.start(), match.end()))  # years and pages are not counts either
        if counts and not candidates:
            low, high = _range_values(match.group(1), match.group(2))
            candidates.append((match.start(), match.end(), {"min": low, "max": high}))
    for form, pattern in _FORMS:
        for match in pattern.finditer(cleaned):
            overlaps = _overlaps(taken, match.start(), match.end())
            if not overlaps and not _beside_a_month(cleaned, match):
                number = next(g for g in match.groups() if g)
                start = match.start()
                if form == "at_most":  # "up to 20,000": between none and 20,000
                    value = {"min": 0, "max": _int(number)}
                elif form == "count" and _negative(cleaned, start):
                    start, value = start - 1, {"count": -_int(number)}
                else:
                    value = {form: _int(number)}
                candidates.append((start, match.end(), value))
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


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the ranges taken, which are in order and apart."""
    import bisect

    index = bisect.bisect_left(taken, (end, -1)) - 1  # the last range starting before ``end``
    return index >= 0 and taken[index][1] > start


def _beside_a_month(cleaned: str, match: re.Match) -> bool:
    return bool(_MONTH_AFTER.match(cleaned, match.end()) or _MONTH_BEFORE.search(_tail_before(cleaned, match.start())))


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


_COMBINED = re.compile(
    r"\b(?:killed|dead|wounded|injured|captured|missing)\s*(?:and|or|&|/|,)\s*"
    r"(?:killed|dead|wounded|injured|captured|missing)\b",
    re.IGNORECASE,
)


def combined(text: str) -> bool:
    """Whether the text counts several categories as one ("100 killed and wounded")."""
    return bool(_COMBINED.search(for_matching(text)))


def category(text: str) -> str | None:
    """The casualty category the text's words name, if any: the first, except that a particular
    one wins over "total" ("Total dead: 359,500" counts the killed). A figure of several
    categories at once ("100 killed and wounded", "killed or wounded") is none of them."""
    if combined(text):
        return None
    named = list(_named(text))
    particular = [name for name in named if name != "total"]
    return particular[0] if particular else named[0] if named else None


def _named(text: str) -> Iterator[str]:
    words = _WORDS.findall(for_matching(text).casefold())
    for index, word in enumerate(words):
        for name, keys in _CATEGORIES:
            if word in keys or " ".join(words[index : index + 2]) in keys:
                yield name


_PART_SEPARATOR = re.compile(r";|,(?!\d)")


def split_categories(text: str) -> list[tuple[int, int, str]]:
    """(start, end, category) of each figure of a line that states several casualty
    categories: "40 killed, 60 wounded, 30 captured, 150 total", or a total with its parts in
    brackets, "150 (40 killed, 60 wounded)". [] when the line is one figure."""
    text = for_matching(text)
    bracket = re.fullmatch(r"([^()]*?)\s*\(([^()]*)\)\s*", text)
    if bracket and parse(bracket.group(1)) is not None and not combined(bracket.group(1)):
        inner = _split_parts(bracket.group(2), bracket.start(2))
        outer = category(bracket.group(1)) or "total"
        if len(inner) >= 2 and outer == "total" and all(c != "total" for _, _, c in inner):
            return [(bracket.start(1), bracket.end(1), "total"), *inner]
        return []
    parts = _split_parts(text, 0)
    return parts if len(parts) >= 2 else []


def _split_parts(text: str, offset: int) -> list[tuple[int, int, str]]:
    parts, start = [], 0
    for match in [*_PART_SEPARATOR.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        name = category(piece) if parse(piece) is not None else None
        if name is None or combined(piece):
            return []
        lead = len(piece) - len(piece.lstrip())
        parts.append((offset + start + lead, offset + start + len(piece.rstrip()), name))
        start = match.end() if match else start
    categories_named = [name for _, _, name in parts]
    return parts if len(set(categories_named)) == len(categories_named) else []
