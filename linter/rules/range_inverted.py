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
sides:
  - combatants: [Niger]
    strength:
      - {min: 1200, max: 800, sources: [gazette]}
```

## Use instead
```yaml
sides:
  - combatants: [Niger]
    strength:
      - {min: 800, max: 1200, sources: [gazette]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.bounds import integer
from linter.figure_text import text_ranges
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.records import figures
from linter.rules.base import Context

CODE = "CL103"
SLUG = "range-inverted"
SEVERITY = Severity.ERROR

def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for ref in figures(doc.record):
        figure = ref.figure
        low, high = integer(figure.get("min")), integer(figure.get("max"))
        if low is not None and high is not None and low > high:
            yield Hit(f"{ref.where}: the range runs from {low} down to {high}; swap min and max or fix "
                      "the end that is wrong", pointer=f"{ref.pointer}/min")
        estimate = [value for key in ("low", "best", "high") if (value := integer(figure.get(key))) is not None]
        if len(estimate) == 3 and not estimate[0] <= estimate[1] <= estimate[2]:
            yield Hit(f"{ref.where}: low {estimate[0]}, best {estimate[1]} and high {estimate[2]} are not "
                      "in rising order", pointer=f"{ref.pointer}/low")
        text = figure.get("text")
        if isinstance(text, str) and not any(k in figure for k in ("min", "max", "low", "best", "high")):
            for first, second, start, end in text_ranges(text):
                if first > second:
                    yield Hit(f"{ref.where}: the range '{text[start:end].strip()}' runs from {first:,} "
                              f"down to {second:,}", pointer=f"{ref.pointer}/text", text_range=(start, end))
