"""A range's low end exceeds its high end ("1,200-800").

## What it does
Reports a figure whose `min` exceeds its `max`, or whose `low`, `best` and `high` are not
in rising order. For a figure given only as `text`, it reads the text with citations
(`<ref>...</ref>`), templates (`{{...}}`) and bracketed remarks removed, and reports a
range of two counts written high to low ("1,200-800", "300 to 250"). Page ranges and
dates inside citations are gone by then; ranges of years ("1939-45"), dates beside a month
name ("October 1944-8 May 1945"), page ranges ("pp. 195-96", abbreviated high ends),
ISBN-like runs of hyphenated digits, odds ("outnumbered 3 to 1") and numbers joined by a
slash are not ranges of people.

## Why is this bad
An inverted range is a typing slip: one of its ends is wrong, and a reader cannot tell
whether the sources said 800 to 1,200 or 1,200 to 8,000.

## Example
```yaml
strength:
  - {min: 1200, max: 800, sources: [gazette]}
```

## Use instead
```yaml
strength:
  - {min: 800, max: 1200, sources: [gazette]}
```
"""

from __future__ import annotations

import re
from typing import Iterator

from linter.bounds import integer
from linter.findings import Severity
from linter.load.document import Document, Hit
from linter.limits import for_matching
from linter.records import figures
from linter.rules.base import Context

CODE = "CL103"
SLUG = "range-inverted"
SEVERITY = Severity.ERROR

# Citations, templates, HTML comments and bracketed remarks hold page ranges and dates.
_NOISE = re.compile(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>|\{\{.*?\}\}|<!--.*?-->|\([^()]*\)|\[[^\[\]]*\]",
                    re.DOTALL | re.IGNORECASE)
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
_RANGE = re.compile(rf"(?<![\d,./:-])({_NUMBER})\s*(?:-|–|—|&ndash;|to)\s*({_NUMBER})(?![\d/:]|,\d|\.\d|-\d)")
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?")
# "9 December 1940 – 9 February 1941": a day or a year beside a month name is a date.
_MONTH_AFTER = re.compile(rf"\s*{_MONTH}\b")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*$")
# "outnumbered 3 to 1", "a 2-1 ratio": odds, not a range.
_RATIO = re.compile(r"outnumber|\bratio\b|\bodds\b", re.IGNORECASE)
_PAGES_BEFORE = re.compile(r"\b(?:pp?|pages?|col|column|nos?)\.?\s*$", re.IGNORECASE)


def _value(text: str) -> int:
    return int(text.replace(",", ""))


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


def text_ranges(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(low, high, start, end) of each range of counts in a figure text, offsets into ``text``."""
    cleaned = _NOISE.sub(lambda m: " " * len(m.group()), for_matching(text))
    for match in _RANGE.finditer(cleaned):
        first, second = match.group(1), match.group(2)
        if _looks_like_years(first, second) or _abbreviated(first, second) or _is_date_or_page(cleaned, match):
            continue
        yield _value(first), _value(second), match.start(), match.end()


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for ref in figures(doc.record):
        figure = ref.figure
        low, high = integer(figure.get("min")), integer(figure.get("max"))
        if low is not None and high is not None and low > high:
            yield Hit(f"{ref.where}: the range runs from {low} down to {high}; swap min and max or fix "
                      "the end that is wrong", pointer=f"{ref.pointer}/min")
        estimate = [integer(figure.get(key)) for key in ("low", "best", "high")]
        if None not in estimate and not estimate[0] <= estimate[1] <= estimate[2]:
            yield Hit(f"{ref.where}: low {estimate[0]}, best {estimate[1]} and high {estimate[2]} are not "
                      "in rising order", pointer=f"{ref.pointer}/low")
        text = figure.get("text")
        if isinstance(text, str) and not any(k in figure for k in ("min", "max", "low", "best", "high")):
            for first, second, start, end in text_ranges(text):
                if first > second:
                    yield Hit(f"{ref.where}: the range '{text[start:end].strip()}' runs from {first:,} "
                              f"down to {second:,}", pointer=f"{ref.pointer}/text", text_range=(start, end))
