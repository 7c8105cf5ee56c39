"""A record's end date comes before its start date.

## What it does
Compares `date.end` with `date.start`. Partial dates are compared by the days they may
stand for: the end is reported only when its latest possible day is before the earliest
possible day of the start, so "2020" to "2020-03" is in order. BC years count backwards:
"0218 BC" to "0201 BC" is in order, "0201 BC" to "0218 BC" is not.

## Why is this bad
A span that ends before it begins is a typing slip (swapped fields, a wrong year, a
missing or extra " BC"); its length, and whether it lies inside its parent conflict, cannot
be trusted.

## Example
```yaml
date:
  start: "0201 BC"
  end: "0218 BC"
```

## Use instead
```yaml
date:
  start: "0218 BC"
  end: "0201 BC"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.dates import show_day, try_parse
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.records import mapping
from linter.rules.base import Context

CODE = "CL202"
SLUG = "date-order"
SEVERITY = Severity.ERROR


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    span = mapping(doc.record.get("date"))
    start, end = try_parse(span.get("start")), try_parse(span.get("end"))
    if start is None or end is None:
        return
    if end.latest < start.earliest:
        yield Hit(f"the end date '{end.text}' ({show_day(end.latest)} at the latest) is before the start "
                  f"date '{start.text}' ({show_day(start.earliest)} at the earliest); swap them or fix "
                  "the year (BC years count backwards)", pointer="/date/end")
