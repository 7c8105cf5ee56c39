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

## Fix
Unsafe: swaps the ends of an inverted `min`/`max` pair, or of a range written in a figure's
text (`12-9 killed` becomes `9-12 killed`), in records, wikitext and article text. An
estimate out of order (`low`/`best`/`high`) is not fixed: which value is wrong is not clear.
Unsafe because the wrong end may be a typo for another number, not a swap.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.bounds import integer
from linter.edits import UNSAFE, Fix, positions_of, replace
from linter.figure_text import text_ranges
from linter.findings import Finding, Severity
from linter.lazy_regex import compile_lazily
from linter.model.document import Document, Hit
from linter.records import figures
from linter.rules.base import Context

CODE = "CL103"
SLUG = "range-inverted"
SEVERITY = Severity.ERROR
FIX = UNSAFE

# The fields of a range or an estimate; a figure with none of them may write its range in its text.
_ENDS = frozenset({"min", "max", "low", "best", "high"})


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for ref in figures(doc.record):
        figure = ref.figure
        if figure.keys().isdisjoint(_ENDS):  # most figures: a count, or a text alone
            text = figure.get("text")
            if isinstance(text, str):
                for first, second, start, end in text_ranges(text):
                    if first > second:
                        yield Hit(f"{ref.where}: the range '{text[start:end].strip()}' runs from {first:,} "
                                  f"down to {second:,}", pointer=f"{ref.pointer}/text", text_range=(start, end))
            continue
        low, high = integer(figure.get("min")), integer(figure.get("max"))
        if low is not None and high is not None and low > high:
            yield Hit(f"{ref.where}: the range runs from {low} down to {high}; swap min and max or fix "
                      "the end that is wrong", pointer=f"{ref.pointer}/min")
        estimate = [value for key in ("low", "best", "high") if (value := integer(figure.get(key))) is not None]
        if len(estimate) == 3 and not estimate[0] <= estimate[1] <= estimate[2]:
            yield Hit(f"{ref.where}: low {estimate[0]}, best {estimate[1]} and high {estimate[2]} are not "
                      "in rising order", pointer=f"{ref.pointer}/low")


_RANGE = compile_lazily(r"(\d[\d,]*)(\s*(?:-|\u2013|\u2014|to)\s*)(\d[\d,]*)")


def repair(doc: Document, finding: Finding) -> Fix | None:
    """Swap the ends of the inverted range the finding stands on."""
    positions = positions_of(doc.text)
    if finding.pointer.endswith("/min") and doc.format in ("yaml", "json"):
        figure = finding.pointer[:-len("/min")]
        low_at, high_at = (positions.offsets(doc.value_spans[p]) if p in doc.value_spans else None
                           for p in (f"{figure}/min", f"{figure}/max"))
        if low_at is None or high_at is None:
            return None
        (low_start, low_end), (high_start, high_end) = low_at, high_at
        low, high = doc.text[low_start:low_end], doc.text[high_start:high_end]
        if integer(doc.value_at(f"{figure}/min")) != integer(doc.value_at(f"{figure}/max")) and low != high:
            return Fix(UNSAFE, f"swap min {low} and max {high}",
                       (replace(positions, low_start, low_end, high), replace(positions, high_start, high_end, low)))
        return None
    if not finding.pointer.endswith(("/text", "/min")):
        return None
    # an infobox's figure is read from its text, so its min and max are the text's two ends
    found = positions.offsets(finding.span)
    if found is None:
        return None
    written = doc.text[found[0]:found[1]]
    matches = list(_RANGE.finditer(written))
    if len(matches) != 1:
        return None
    match = matches[0]
    first, second = (int(match.group(n).replace(",", "")) for n in (1, 3))
    if first <= second:
        return None
    swapped = f"{match.group(3)}{match.group(2)}{match.group(1)}"
    start = found[0] + match.start()
    return Fix(UNSAFE, f"swap the ends of '{match.group()}'",
               (replace(positions, start, start + len(match.group()), swapped),))
