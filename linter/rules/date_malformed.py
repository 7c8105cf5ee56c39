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
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.dates import DATE_FORM, DateError, parse_date
from linter.findings import Severity
from linter.model.document import Document, Hit, child_pointer
from linter.records import mapping
from linter.rules.base import Context

CODE = "CL201"
SLUG = "date-malformed"
SEVERITY = Severity.ERROR


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
        # Strings not of the schema's form are reported by schema-violation, once.
        if not isinstance(value, str) or not DATE_FORM.match(value.strip()):
            continue
        try:
            parse_date(value)
        except DateError as error:
            yield Hit(f"{error}: this day does not exist", pointer=pointer)
