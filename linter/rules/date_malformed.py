"""A date names a day that does not exist (31 February, month 13, year 0).

## What it does
Checks the record's `date.start` and `date.end` and every source's `date`. The form
(`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, with ` BC`) is the schema's job (`schema-violation`);
this rule reports dates of that form that name no real day: a month above 12, a day past
the end of its month (leap years counted, BC years on the proleptic Gregorian calendar),
or the year 0, which neither era has.

## Why is this bad
A date that does not exist was mistyped, so the real day is unknown; any comparison made
with it (the order of start and end, the dates of a parent conflict) is meaningless.

## Example
```yaml
date:
  start: "2020-02-31"
```

## Use instead
```yaml
date:
  start: "2020-03-02"
```

In wikitext and article text, the reader also reports a word written where a date's month
stands that is no month but close to one (`3 Jnue 1866`).

## Fix
Unsafe, in wikitext and article text: replaces a misspelt month with the month name it is
close to (`Jnue` becomes `June`, in the word's own capitals), when exactly one month name is
close. Unsafe because the word may stand for another month than the closest spelling.
A record's ISO date (`2020-02-31`) is not fixed: which part is wrong is not clear.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.dates import DATE_FORM, DateError, parse_date, try_parse
from linter.edits import UNSAFE, Fix, positions_of, replace
from linter.findings import Finding, Severity
from linter.model.document import Document, Hit, child_pointer
from linter.records import mapping
from linter.rules.base import Context

CODE = "CL201"
SLUG = "date-malformed"
SEVERITY = Severity.ERROR
FIX = UNSAFE


def record_dates(record: dict) -> Iterator[tuple[str, object]]:
    """(pointer, value) of every date of a record."""
    span = mapping(record.get("date"))
    for key in ("start", "end"):
        if key in span:
            yield f"/date/{key}", span[key]
    for source_id, source in mapping(record.get("sources")).items():
        if isinstance(source, dict) and "date" in source:
            yield child_pointer("/sources", source_id) + "/date", source["date"]


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for pointer, value in record_dates(doc.record):
        # A valid date is the usual case, and other rules have read most dates already (try_parse
        # remembers them); strings not of the schema's form are reported by schema-violation, once.
        if not isinstance(value, str) or try_parse(value) is not None or not DATE_FORM.match(value.strip()):
            continue
        try:
            parse_date(value)
        except DateError as error:
            yield Hit(f"{error}: this day does not exist", pointer=pointer)


def repair(doc: Document, finding: Finding) -> Fix | None:
    """Replace a misspelt month with the one month name it is close to."""
    if doc.format not in ("wikitext", "article-text"):
        return None
    from linter.infobox.dates import close_months

    positions = positions_of(doc.text)
    found = positions.offsets(finding.span)
    if found is None:
        return None
    word = doc.text[found[0]:found[1]]
    if not word.isalpha() or not word.isascii():
        return None
    close = close_months(word)
    if len(close) != 1:
        return None
    month = close[0].upper() if word.isupper() and len(word) > 1 else close[0] if word[0].isupper() \
        else close[0].lower()
    return Fix(UNSAFE, f"write '{month}' for '{word}'", (replace(positions, found[0], found[1], month),))
