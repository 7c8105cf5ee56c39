"""Read a figure as an infobox writes it ("c. 1,400 killed", "20+", "9–12 wounded") into the
record's structured forms, and guess its casualty category from its words."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from linter import parties
from linter.dates import MONTH_PATTERN, MONTHS
from linter.lazy_regex import compile_lazily
from linter.limits import MAX_NUMBER_DIGITS, for_matching
from linter.markup import NOT_TEXT, defuse

# Not an ordinal: "29th Infantry Division" names a unit, it counts nothing; nor part of a name
# ("M10 tank destroyers", "Bf 109" is read as written but "Ju87" is not a count of 87). A number
# starts only where a run of digits or of comma groups starts (else "1"*9998+"th" is tried from
# every digit: quadratic), and a run longer than MAX_NUMBER_DIGITS is no number at all. The
# leading "(?=\d)" changes no match: it spares the lookbehinds every position but a digit's.
_GROUPS = MAX_NUMBER_DIGITS // 3
_NUMBER = (rf"(?=\d)(?<![^\W\d_])(?<!\d)(?<!\d,)(?<!\d/)"
           rf"(\d{{1,3}}(?:,\d{{3}}){{1,{_GROUPS}}}|\d{{1,{MAX_NUMBER_DIGITS}}})"
           r"(?!\d|,\d{3}|/\d|(?:st|nd|rd|th)\b)")
# "{{convert|40|km}} of road" shows "40 km": a distance, not a count of anything.
_UNIT_AFTER = compile_lazily(
    r"\s*(?:km|mi|m|ft|yd|nmi|kg|lb|ha|sq|km2|mi2|acres?|kilometres?|kilometers?|miles?|metres?|meters?|feet|"
    r"yards?|hectares?|kilograms?|pounds?)\b", re.IGNORECASE)
_DASH = r"\s*(?:-|–|—|to)\s*"
# The words that qualify a figure, each list once: the patterns below and the quick test of
# _qualified are made from them.
_ABOUT_WORDS = ("c.", "ca.", "circa", "about", "approx.", "approx", "approximately", "around", "roughly", "some",
                "est.", "estimated", "~")
_AT_LEAST_WORDS = ("at least", "over", "more than", "above", "in excess of", ">", "≥")
_AT_MOST_WORDS = ("up to", "at most", "as many as", "no more than", "fewer than", "less than", "under", "<", "≤")


def _any_of(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(word) for word in words) + r")\s*"


_ABOUT = _any_of(_ABOUT_WORDS)
_AT_LEAST = _any_of(_AT_LEAST_WORDS)
_AT_MOST = _any_of(_AT_MOST_WORDS)
_FORMS = (
    ("at_most", compile_lazily(rf"{_AT_MOST}{_NUMBER}", re.IGNORECASE)),
    ("at_least", compile_lazily(rf"{_AT_LEAST}{_NUMBER}", re.IGNORECASE)),
    ("at_least", compile_lazily(rf"{_NUMBER}\s*\+|{_NUMBER}\s+or more", re.IGNORECASE)),
    ("about", compile_lazily(rf"{_ABOUT}{_NUMBER}", re.IGNORECASE)),
    ("count", compile_lazily(_NUMBER)),
)
# Every form but the plain count needs its word or sign beside the number: a text with none of
# them (most) is scanned for counts alone.
_QUALIFIER = compile_lazily(rf"{_AT_MOST}|{_AT_LEAST}|\+|\sor more|{_ABOUT}", re.IGNORECASE)
# The same words as plain text: in an ASCII text IGNORECASE is lower case, so looking for them
# in the lowered text answers as _QUALIFIER does, without its scan (slow: a long alternation
# with IGNORECASE, tried at every position).
_QUALIFIER_WORDS = (*_AT_MOST_WORDS, *_AT_LEAST_WORDS, "+", "or more", *_ABOUT_WORDS)
# Any of those words, as they stand, in one scan of the lowered text (no IGNORECASE, no "\s*").
_QUALIFIER_WORD = compile_lazily("|".join(re.escape(word) for word in _QUALIFIER_WORDS))
_COUNT_ONLY = _FORMS[-1:]


def _qualified(cleaned: str) -> bool:
    """Whether a text may hold a qualified figure ("up to 20", "c. 300", "20+")."""
    if cleaned.isascii():
        return _QUALIFIER_WORD.search(cleaned.lower()) is not None
    return _QUALIFIER.search(cleaned) is not None


_WHOLE = {"unknown": {"unknown": True}, "none": {"none": True}, "nil": {"none": True}}
# "Unknown number of tanks", "unknown wounded", "Native allies: unknown": a figure nobody knows.
_UNKNOWN_LEAD = compile_lazily(r"(?:[^:\n]{1,60}:)?\s*(unknown)\b", re.IGNORECASE)
# "Two infantry battalions", "Airborne: three divisions": small counts written as words, at the
# start or after a label, so never "no one".
_NUMBER_WORDS = {word: value for value, word in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "  # noqa: SIM905
    "sixteen seventeen eighteen nineteen twenty".split(), start=1)}
_NUMBER_WORD = compile_lazily(
    r"(?:[^:\n]{1,60}:)?\s*(" + "|".join(_NUMBER_WORDS) + r")\b(?!-)(?!\s+(?:of|or|another)\b)", re.IGNORECASE
)

# The first word that names a category wins: "9 killed and wounded" counts the killed.
_CATEGORIES = (
    ("killed", ("killed", "dead", "deaths", "died", "kia", "fatalities", "executed", "slain", "drowned")),
    ("wounded", ("wounded", "injured", "wia", "injuries")),
    ("captured", ("captured", "prisoners", "prisoner", "pow", "pows", "surrendered", "taken prisoner")),
    ("missing", ("missing", "mia")),
    ("civilians", ("civilians", "civilian")),
    ("total", ("casualties", "total", "losses", "overall")),
)
_WORDS = compile_lazily(r"[a-z]+")
_DIGITS = compile_lazily(r"\d+")
_DIGIT = compile_lazily(r"\d")
_REMARK = compile_lazily(r"\([^()]*\)")  # a bracketed remark, innermost


# Citations, templates, HTML comments and bracketed remarks hold page ranges and dates.
_NOISE = compile_lazily(rf"{NOT_TEXT}|\([^()]*\)|\[[^\[\]]*\]", re.DOTALL | re.IGNORECASE)
_RANGE_NUMBER = rf"\d{{1,3}}(?:,\d{{3}}){{1,{_GROUPS}}}|\d{{1,{MAX_NUMBER_DIGITS}}}"
# What stands between a range's numbers: a text with none of these (most) holds no range.
_RANGE_JOINS = ("-", "–", "—", "&ndash;", "to")
_RANGE = compile_lazily(  # "(?=\d)" first, as in _NUMBER
    rf"(?=\d)(?<![\d,./:-])({_RANGE_NUMBER})\+?\s*(?:{'|'.join(_RANGE_JOINS)})\s*({_RANGE_NUMBER})"
    r"(?![\d/:]|,\d|\.\d|-\d)"
)
_RANGE_JOIN = compile_lazily("|".join(_RANGE_JOINS))
_MONTH = MONTH_PATTERN
# "9 December 1940 – 9 February 1941": a day or a year beside a month name is a date.
_MONTH_AFTER = compile_lazily(rf"\s*{_MONTH}\b")
_MONTH_BEFORE = compile_lazily(rf"\b{_MONTH}\s*$")
# Any month name, as both patterns write it: a text without one (most) has no number beside one.
_MONTH_NAME = compile_lazily("|".join(name.title() for name in MONTHS))
# "outnumbered 3 to 1", "a 2-1 ratio": odds, not a range.
_RATIO = compile_lazily(r"outnumber|\bratio\b|\bodds\b", re.IGNORECASE)
_PAGES_BEFORE = compile_lazily(r"\b(?:pp?|pages?|col|column|nos?)\.?\s*$", re.IGNORECASE)


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
_NUMBER_LIKE = compile_lazily(r"(?<![\w.,])\d[\d,.Oo]*")
_WELL_FORMED = compile_lazily(
    r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d{1,2}|\.\d{4,})?|\d+\.\d+(?=\s*(?:million|billion|thousand|%|per))"
)


_DECIMAL = compile_lazily(r"\d+\.\d+")
_SCALE_AFTER = compile_lazily(r"\s*(?:million|billion|thousand|%)")


def malformed(text: str) -> str:
    """The first number of a figure text when it is written wrongly ("2.860", "1,0000",
    "5OO"), else "". Dates ("12.06.1944") and decimals ("2.5 million") are not counts gone wrong."""
    return _malformed(_blank_noise(text))


def _malformed(cleaned: str) -> str:
    for match in _NUMBER_LIKE.finditer(cleaned):
        token = match.group().rstrip(".,")
        if cleaned[match.end() : match.end() + 1].isalpha() and not token[-1:].isalpha():
            continue  # "29th", "1940s": words, not counts
        if token.count(".") > 1 and "," not in token and not all(len(g) == 3 for g in token.split(".")[1:]):
            continue  # a date
        if _WELL_FORMED.fullmatch(token):
            return ""
        if _DECIMAL.fullmatch(token) and _SCALE_AFTER.match(cleaned, match.end()):
            return ""
        return token
    return ""


def only_years(text: str) -> bool:
    """Whether every number of the text is a year ("July, 1942", "2015–2023"): a period, not a count."""
    numbers = _DIGITS.findall(for_matching(text))
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


# Every piece of noise opens with one of these; most figure texts hold none of them.
_NOISE_OPENER = compile_lazily(r"[<{(\[]")


def _blank_noise(text: str) -> str:
    text = for_matching(text)
    # A text with no noise is its own reading: it is neither blanked nor remembered.
    return _blanked(text) if _NOISE_OPENER.search(text) else text


@functools.lru_cache(maxsize=1024)  # every reading of a text starts here (parse, malformed, ranges)
def _blanked(text: str) -> str:
    return _NOISE.sub(lambda m: " " * len(m.group()), defuse(text))


def _ranges(cleaned: str) -> tuple[tuple[re.Match, bool], ...]:
    """Each range-shaped match, and whether it is a range of counts (not years, pages, dates)."""
    # A text without a dash or "to" (most) holds no range: it is neither scanned nor remembered.
    return _range_matches(cleaned) if _RANGE_JOIN.search(cleaned) else ()


# A figure's text is read for its figure (_read), then for its ranges (text_ranges, by two
# rules): its ranges are worked out once.
@functools.lru_cache(maxsize=1024)
def _range_matches(cleaned: str) -> tuple[tuple[re.Match, bool], ...]:
    matches = list(_RANGE.finditer(cleaned))
    if not matches:  # most texts: then no need to look for odds either
        return ()
    odds = bool(_RATIO.search(cleaned))
    found = []
    for match in matches:
        first, second = match.group(1), match.group(2)
        counts = not (
            odds or _looks_like_years(first, second) or _abbreviated(first, second) or _is_date_or_page(cleaned, match)
        )
        found.append((match, counts))
    return tuple(found)


def _negative(cleaned: str, start: int) -> bool:
    """A minus sign written right before a number that starts the figure or follows a space,
    bracket or colon: "-40 killed", "−3,500" (U+2212; &minus; renders as it)."""
    return start > 0 and cleaned[start - 1] in "-\u2212" and (start == 1 or cleaned[start - 2] in " \t(:")


# range-inverted and range-dash read each figure's text in turn: its ranges are worked out once.
@functools.lru_cache(maxsize=1024)
def text_ranges(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """(low, high, start, end) of each range of counts in a figure text, offsets into ``text``."""
    return tuple((*_range_values(match.group(1), match.group(2)), match.start(), match.end())
                 for match, counts in _ranges(_blank_noise(text)) if counts)


class ParsedFigure(NamedTuple):  # not a frozen dataclass: defining one costs a start several times as much
    # one of the schema's value forms: {"count": 9}, {"min": 9, "max": 12}, ...; read-only, as
    # every reading of the same text shares it
    value: Mapping[str, Any]
    start: int  # where the number stands in the text
    end: int


def _has_digit(text: str) -> bool:
    """Whether any character of the text is a digit, as ``str.isdigit`` says ("²" is one)."""
    return any(map(str.isdigit, text))


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def parse(text: str) -> ParsedFigure | None:
    """The first figure in ``text``, or None when it holds none. A label before it that counts
    nothing ("1941: 67,000 Germans", "July, 2016: 58 killed") is not read as the figure."""
    return _parse(for_matching(text))


# A cell's line is read several times over (is it a heading, a total, which figure?), by the
# reader and the rules: each distinct text is worked out once, and its answer shared, so that
# a reading again costs no copy. Keys are at most MAX_MATCH_CHARS.
@functools.lru_cache(maxsize=1024)
def _parse(text: str) -> ParsedFigure | None:
    found = _read(text)
    return None if found is None else ParsedFigure(MappingProxyType(found.value), found.start, found.end)


def _read(text: str) -> ParsedFigure | None:
    folded = text.strip().casefold().rstrip(".")
    if folded in _WHOLE:
        return ParsedFigure(dict(_WHOLE[folded]), 0, len(text))
    label, rest = split_label(text, periods=True)
    if label and _has_digit(label):
        inner = parse(rest)
        if inner is not None:
            offset = len(text) - len(rest)
            return ParsedFigure(inner.value, offset + inner.start, offset + inner.end)
    # Ranges come from text_ranges, which knows dates, years and page ranges from counts;
    # single numbers beside a month name ("9 May 1945") are dates too.
    cleaned = _blank_noise(text)
    if not _DIGIT.search(cleaned):  # no count, range or malformed number without a digit
        return _worded(text, cleaned) or _bracketed(text)
    if _malformed(cleaned):
        return None  # "2.860" is not 2 nor 2,860: figure-malformed asks which
    candidates: list[tuple[int, int, dict]] = []
    taken = []
    for match, counts in _ranges(cleaned):
        taken.append((match.start(), match.end()))  # years and pages are not counts either
        if counts and not candidates:
            low, high = _range_values(match.group(1), match.group(2))
            candidates.append((match.start(), match.end(), {"min": low, "max": high}))
    dated = _MONTH_NAME.search(cleaned) is not None
    for form, pattern in _FORMS if _qualified(cleaned) else _COUNT_ONLY:
        for match in pattern.finditer(cleaned):
            overlaps = bool(taken) and _overlaps(taken, match.start(), match.end())
            if not overlaps and not (dated and _beside_a_month(cleaned, match)) \
                    and not _UNIT_AFTER.match(cleaned, match.end()):
                number = match.group(1) or match.group(2)  # "20+" or "20 or more": a group each
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
    if "count" in value and len(candidates) == 1 and _designation(cleaned, start, end):
        return _bracketed(text)  # "Convoy BN 7 (32 ships)" counts 32 ships
    if "count" in value and _ESTIMATE.search(text):  # "1,500 dead (estimate)": about 1,500
        value = {"about": value["count"]}
    return ParsedFigure(value, start, end)


# "Infantry Regiment 11", "Panzer-Abteilung 211": a small number that ends a name numbers a
# unit, it counts nothing; "Total 620" or "Initial 627,000" do count.
_NAME_BEFORE = compile_lazily(r"(?:^|[\s(])([A-Z][\w-]*)\s+$")
_NOT_NAMES = frozenset({"about", "total", "initial", "some", "over", "approximately", "around", "circa", "estimated",
                        "roughly", "nearly", "almost", "up", "at", "final", "peak", "average", "overall", "strength",
                        "killed", "wounded", "captured", "missing", "dead", "casualties", "losses", "and", "or"})


def _designation(cleaned: str, start: int, end: int) -> bool:
    number = cleaned[start:end]
    if "," in number or len(number) > 3 or cleaned[end:].strip():
        return False
    before = _NAME_BEFORE.search(cleaned[:start])
    if before is None or before.group(1).casefold() in _NOT_NAMES:
        return False
    return not parties.mentions(before.group(1))


_ESTIMATE = compile_lazily(r"\((?:est\.?|estimated?|approx\.?|approximate)\)", re.IGNORECASE)


_BRACKETED = compile_lazily(r"\(([^()]*)\)")


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
    index = bisect.bisect_left(taken, (end, -1)) - 1  # the last range starting before ``end``
    return index >= 0 and taken[index][1] > start


def _beside_a_month(cleaned: str, match: re.Match) -> bool:
    return bool(_MONTH_AFTER.match(cleaned, match.end()) or _MONTH_BEFORE.search(_tail_before(cleaned, match.start())))


def split_label(text: str, periods: bool = False) -> tuple[str, str]:
    """("Southern France", " 285,000 personnel") for a figure written after a group's label, else
    ("", text). A label holds no digit, so "Total: 1,200" splits but "12:30" does not; with
    ``periods``, a label that names a period ("1941", "June–July 1942", "16 March – 15 April")
    splits too."""
    label, colon, rest = text.partition(":")
    if not colon or len(label) > 60:
        return "", text
    if not _has_digit(label):
        return label, rest
    if periods and rest.strip() and (only_years(label) or (parse(label) is None and not malformed(label))
                                     or _UNIT_LABEL.search(label)):
        return label, rest
    return "", text


def categories(text: str) -> set[str]:
    """Every casualty category the text's words name."""
    return set(_named(text))


# Words that join categories into one count ("killed or missing", "KIA, WIA, MIA", "wounded or
# sick"): sickness is no category of its own but makes "wounded or sick" more than the wounded.
_JOINABLE = r"killed|dead|kia|wounded|injured|wia|captured|prisoners|pows?|missing|mia|sick|ill"
_COMBINED = compile_lazily(rf"\b(?:{_JOINABLE})\s*(?:and|or|&|/|,|,?\s*and\s*/?\s*or)\s*(?:{_JOINABLE})\b",
                           re.IGNORECASE)
_PARTICULAR = ("killed", "wounded", "captured", "missing")
# Things, not people: "20 AA guns captured" counts no prisoners.
_EQUIPMENT = frozenset("""
gun guns tank tanks tankette tankettes aircraft airplanes planes plane vehicle vehicles ship ships vessel vessels
boat boats submarine submarines destroyer destroyers cruiser cruisers battleship battleships merchantman
merchantmen artillery mortar mortars truck trucks horse horses train trains locomotive locomotives rifles
weapons howitzers cars car pieces carriers carrier frigate frigates corvette corvettes minelayer minesweeper
trawler trawlers transport transports aa
""".split())  # noqa: SIM905
# "575,000 medical casualties" or "non-combat losses": one kind of losses, not all of them.
_QUALIFIED_TOTAL = compile_lazily(r"\b([a-z-]+)\s+(?:casualties|losses)\b", re.IGNORECASE)
_TOTAL_QUALIFIERS = frozenset({"total", "overall", "all", "combined", "estimated", "est", "reported", "confirmed",
                               "and", "or", "of", "in", "the", "personnel", "human", "military", "combat"})


_TOTAL_LABEL = compile_lazily(r"(?:total|overall|in total|total losses|total casualties)", re.IGNORECASE)
# A label with a count in it that names a unit ("3 panzer army 10.08 – 30.09.43: 765 KIA").
_UNIT_LABEL = compile_lazily(r"\b(?:army|armies|corps|division|brigade|regiment|battalion|fleet|group|squadron|wing)\b",
                             re.IGNORECASE)


def combined(text: str) -> bool:
    """Whether the text counts several categories as one ("100 killed and wounded")."""
    return bool(_COMBINED.search(for_matching(text)))


def _outside_brackets(text: str) -> str:
    """The text without its bracketed remarks, unless the figure itself is in brackets. A bracket
    of category words alone is no remark: "14 (WIA)" is how {{WIA}} shows the wounded."""
    if "(" not in text:  # most figures have no remark
        return text
    outside = _REMARK.sub(lambda m: m.group() if _only_categories(m.group()[1:-1]) else " ", text)
    return outside if _has_digit(outside) or not _has_digit(text) else text


def _only_categories(text: str) -> bool:
    words = _WORDS.findall(for_matching(text).casefold())
    return bool(words) and all(any(word in keys for _, keys in _CATEGORIES) for word in words)


def category_choices(text: str) -> list[str]:
    """The casualty categories the figure's words name, in the order to try them: the first free
    one counts it. Bracketed remarks name none ("7,000 (mostly killed)" is a total); a particular
    category wins over "total" ("Total dead: 359,500" counts the killed); equipment ("20 AA guns
    captured") and one kind of losses ("575,000 medical casualties") are none of them; a figure
    of several categories at once ("100 killed and wounded") is none, unless it names all four
    ("800 killed, missing, captured, or wounded") or its label is "Total": then it is the total."""
    text = for_matching(text)
    label, rest = split_label(text)
    rest = _outside_brackets(rest)
    found = _WORDS.findall(rest.casefold())
    words = set(found)
    if words & _EQUIPMENT:
        return []
    qualified = _QUALIFIED_TOTAL.search(rest)
    if qualified and qualified.group(1).casefold() not in _TOTAL_QUALIFIERS and not _named_one(qualified.group(1)):
        return []
    named = list(dict.fromkeys(_named_words(found)))
    if combined(rest):
        if set(_PARTICULAR) <= set(named) or (label and _TOTAL_LABEL.fullmatch(label.strip())):
            return ["total"]
        return []
    particular = [name for name in named if name != "total"]
    return particular or named


def _named_one(word: str) -> bool:
    return bool(list(_named(word)))


def category(text: str) -> str | None:
    """The casualty category the text's words name, if any: the first of ``category_choices``."""
    choices = category_choices(text)
    return choices[0] if choices else None


# Each word (or "taken prisoner") names one category, and no two-word key starts with a key.
_CATEGORY_OF = {key: name for name, keys in _CATEGORIES for key in keys}
# The words that start a two-word key ("taken"): only after one is the next word looked at.
_FIRST_OF_TWO = frozenset(key.split()[0] for key in _CATEGORY_OF if " " in key)


def _named(text: str) -> Iterator[str]:
    return _named_words(_WORDS.findall(for_matching(text).casefold()))


def _named_words(words: list[str]) -> Iterator[str]:
    """The categories named by a text's lower-case words, in order."""
    for index, word in enumerate(words):
        name = _CATEGORY_OF.get(word)
        if name is None and word in _FIRST_OF_TWO:
            name = _CATEGORY_OF.get(" ".join(words[index : index + 2]))
        if name:
            yield name


_PART_SEPARATOR = compile_lazily(r";|,(?!\d)|\s(?:and|&)\s(?=[^\s\d]*\d)")
# Where a line may hold a further figure: "744 aircraft; 1,666 tanks", "50 killed, 150 wounded",
# "370,500 killed and 80,000 captured", "11,000 enlisted + 800 officers", "94,500 casualties
# including 19,000 KIA", "5,000 killed out of ~20,000 casualties".
_FIGURE_SEPARATOR = compile_lazily(r";|,(?!\d)|\s\+\s*|\s(?:and|including|incl\.|plus|out of)\s", re.IGNORECASE)
_BETWEEN = compile_lazily(r"\bbetween\s+\S+\s*$", re.IGNORECASE)


_TOTAL_AND_PARTS = compile_lazily(r"([^()]*?)\s*\(([^()]*)\)\s*")


def split_figures(text: str) -> list[tuple[int, int]]:
    """(start, end) of each figure of a line that gives several: a total with its parts in
    brackets ("150 (40 killed, 60 wounded)"), or counts one after another, each starting with
    its number ("744 aircraft; 1,666 tanks; 5,762 guns captured", "Around 600 dead, unknown
    wounded"). Words after a separator that start no figure stay with the figure before ("1
    division and some small units"), and so does anything in brackets. [] when the line is
    one figure."""
    text = for_matching(text)
    bracket = _TOTAL_AND_PARTS.fullmatch(text) if "(" in text else None
    # Parts need a separator between them ("560 tanks (228 Italian)" has one part, no split).
    if bracket and _PART_SEPARATOR.search(bracket.group(2)) and parse(bracket.group(1)) is not None \
            and not combined(bracket.group(1)):
        inner = _split_parts(bracket.group(2), bracket.start(2))
        outer = category(bracket.group(1)) or "total"
        if len(inner) >= 2 and outer == "total" and all(c != "total" for _, _, c in inner):
            return [(bracket.start(1), bracket.end(1)), *((start, end) for start, end, _ in inner)]
    separators = list(_FIGURE_SEPARATOR.finditer(text))
    if not separators:
        return []  # most lines give one figure: no need to weigh their brackets
    if "(" in text:
        depth = _depths(text)
        separators = [match for match in separators if not depth[match.start()]]
    pieces: list[list[int]] = []
    start = 0
    for match in [*separators, None]:
        end = match.start() if match else len(text)
        segment = text[start:end]
        before = text[pieces[-1][0]:pieces[-1][1]] if pieces else ""
        if not pieces or not (_starts_with_figure(segment) and parse(before) is not None
                              and not _BETWEEN.search(before) and _says_what(segment) >= _says_what(before)):
            if pieces:
                pieces[-1][1] = end
            else:
                pieces.append([start, end])
        else:
            pieces.append([start, end])
        # "including 804 wounded" keeps its word: a part of the figure before, not a figure beside it
        if match is not None:
            start = match.start() + 1 if _SUBSET.fullmatch(match.group().strip()) else match.end()
    if len(pieces) < 2:
        return []
    spans = []
    for first, last in pieces:
        piece = text[first:last]
        spans.append((first + len(piece) - len(piece.lstrip()), first + len(piece.rstrip())))
    return spans


def _depths(text: str) -> list[int]:
    """How many brackets are open at each character; a stray ")" closes none."""
    depth, level = [], 0
    for char in text:
        level = max(0, level + (char == "(") - (char == ")"))
        depth.append(level)
    return depth


_SUBSET = compile_lazily(r"including|incl\.", re.IGNORECASE)


def _says_what(text: str) -> bool:
    """Whether a piece says what it counts: "from Taffy 1, 2, and 3" gives no figures "2" and "3"."""
    return any(c.isalpha() for c in _REMARK.sub("", text))


def _starts_with_figure(segment: str) -> bool:
    """Whether a piece of a line opens with a figure of its own, perhaps after its label ("at
    the counter-offensive: 599"): a number, or "unknown" with a category ("unknown wounded")."""
    rest = split_label(segment, periods=True)[1].lstrip()
    subset = _SUBSET.match(rest)
    rest = rest[subset.end():].lstrip() if subset else rest
    parsed = parse(rest)
    if parsed is None or parsed.start != 0:
        return False
    return not (set(parsed.value) & {"unknown", "none"}) or bool(categories(rest))


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
