"""A range or a date span is joined by a hyphen or an em dash, not an en dash.

## What it does
Reports the dash between the two ends of a range of counts in a figure's text (`9-12 killed`,
`300—400`) and between the two ends of a date span in the date's text (`1939-1945`,
`3-5 June 1866`, `June 3-5, 1866`, `4 May 1866 - 9 June 1866`), when it is a hyphen (`-`) or
an em dash (`—`). Wikipedia's Manual of Style (MOS:DASH, "En dashes: other uses") joins the
ends of a range with an en dash (`–`), as the infobox template's own documentation writes its
examples. Page ranges, ISBNs, codes such as `M1-A` and ISO dates (`2020-03-12`) are not ranges
of counts or spans of dates and are not reported.

## Why is this bad
A hyphen joins words; between two numbers it can be read as a minus sign or as part of a code,
and a page that mixes the three dashes reads as unedited. Tools that split ranges on the en
dash (as the infobox's own readers do) miss the others.

## Example
```yaml
sides:
  - combatants: [Denmark]
    casualties:
      killed: {min: 9, max: 12, text: 9-12 killed}
```

## Use instead
```yaml
sides:
  - combatants: [Denmark]
    casualties:
      killed: {min: 9, max: 12, text: 9–12 killed}
```

## Fix
Safe: replaces the hyphen or em dash with an en dash and nothing else (the spaces around it
stay as written), in records, wikitext and article text. The range reads the same: every
reader of figures and dates takes the three dashes alike; only the text's form changes. A
dash inside a value written with escapes or over several lines is reported, not fixed.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.dates import MONTH_PATTERN
from linter.edits import SAFE, Fix, positions_of, replace
from linter.figure_text import text_ranges
from linter.findings import Finding, Severity
from linter.lazy_regex import compile_lazily
from linter.limits import for_matching
from linter.model.document import Document, Hit
from linter.records import figures, mapping
from linter.rules.base import Context

CODE = "CL107"
SLUG = "range-dash"
SEVERITY = Severity.INFO
FIX = SAFE

EN_DASH = "\u2013"
# The dashes MOS:DASH puts right for a range (the en dash) and wrong (hyphen, em dash).
_WRONG = "-\u2014"
_SEPARATOR = compile_lazily(rf"\d\s*([{_WRONG}{EN_DASH}])\s*\d")
_MONTH = MONTH_PATTERN
# Date spans, with the dash as a group "dash...": years ("1939-45", "1914-1918"), days before a
# month ("3-5 June"), days after one ("June 3-5"), and two whole dates ("4 May 1866 - 9 June 1866").
_YEAR_SPAN = compile_lazily(rf"(?<![\d-])(?P<y1>\d{{4}})\s*(?P<dash>[{_WRONG}])\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d-])")
_DATE_SPANS = compile_lazily(
    rf"(?<![\d-])\d{{1,2}}\s*(?P<dash2>[{_WRONG}])\s*\d{{1,2}}\s+{_MONTH}"
    rf"|{_MONTH}\s+\d{{1,2}}\s*(?P<dash3>[{_WRONG}])\s*\d{{1,2}}(?![\d-])"
    rf"|(?:\d{{4}}|{_MONTH})\s+(?P<dash4>[{_WRONG}])\s+(?=\d{{1,2}}\s+{_MONTH}|{_MONTH}|\d{{4}})"
)


def _figure_dashes(text: str) -> Iterator[tuple[int, str]]:
    """(offset, dash) of each wrong dash joining the ends of a range of counts."""
    for _low, _high, start, end in text_ranges(text):
        separator = _SEPARATOR.search(text, start, end)
        if separator and separator.group(1) != EN_DASH:
            yield separator.start(1), separator.group(1)


def _date_dashes(text: str) -> Iterator[tuple[int, str]]:
    # Years apart from the rest: "1942 - 31 March 1943" starts like a span of years, and one
    # pattern would take it as one, find "1942-31" runs backwards, and never try the dates.
    text = for_matching(text)
    found = {match.start("dash"): match.group("dash") for match in _YEAR_SPAN.finditer(text)
             if _year_span(match.group("y1"), match.group("y2"))}
    for match in _DATE_SPANS.finditer(text):
        group = next(name for name in ("dash2", "dash3", "dash4") if match.group(name) is not None)
        found[match.start(group)] = match.group(group)
    yield from sorted(found.items())


def _year_span(first: str, second: str) -> bool:
    """"1939-45" and "1914-1918" run forward; "2020-03" (a year and a month) does not."""
    end = int(first[:2] + second) if len(second) == 2 else int(second)
    return end > int(first)


def _texts(record: dict) -> Iterator[tuple[str, str, str]]:
    """(pointer, text, what) of each text that may hold a range or a date span."""
    for ref in figures(record):
        text = ref.figure.get("text")
        if isinstance(text, str):
            yield f"{ref.pointer}/text", text, "range"
    date_text = mapping(record.get("date")).get("text")
    if isinstance(date_text, str):
        yield "/date/text", date_text, "date span"


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for pointer, text, what in _texts(doc.record):
        found = _figure_dashes(text) if what == "range" else _date_dashes(text)
        for offset, dash in found:
            name = "an em dash" if dash == "\u2014" else "a hyphen"
            yield Hit(f"the {what} in '{text.strip()[:60]}' is joined by {name}; a {what} takes an en dash "
                      f"('{EN_DASH}')", pointer=pointer, text_range=(offset, offset + 1))


def repair(doc: Document, finding: Finding) -> Fix | None:
    """Write an en dash for the dash the finding stands on, when the span is that dash alone."""
    positions = positions_of(doc.text)
    found = positions.offsets(finding.span)
    if found is None or found[1] - found[0] != 1 or doc.text[found[0]] not in _WRONG:
        return None  # the span fell back to the whole value: where the dash stands is not sure
    return Fix(SAFE, f"write an en dash for '{doc.text[found[0]]}'", (replace(positions, found[0], found[1], EN_DASH),))
