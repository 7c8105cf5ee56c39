"""A date lies after today.

## What it does
Reports a record's `date.start` or `date.end`, or a source's `date`, whose earliest
possible day is after today (so "2026" is not in the future during 2026). Today is the
system date unless `--today YYYY-MM-DD` or the `today` setting says otherwise, which keeps
runs reproducible.

## Why is this bad
A conflict cannot have happened, and a source cannot have been published, after today: the
year is mistyped (2102 for 2012), or a planned end was entered as a fact.

## Example
```yaml
date:
  start: "2012-05-01"
  end: "2102-06-30"
```

## Use instead
```yaml
date:
  start: "2012-05-01"
  end: "2012-06-30"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.dates import day_of, show_day, try_parse
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.rules.base import Context
from linter.rules.date_malformed import record_dates

CODE = "CL203"
SLUG = "date-future"
SEVERITY = Severity.ERROR


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    today = day_of(context.today)
    for pointer, value in record_dates(doc.record):
        date = try_parse(value)
        if date is not None and date.earliest > today:
            yield Hit(f"'{date.text}' begins on {show_day(date.earliest)}, after today "
                      f"({context.today.isoformat()})", pointer=pointer)
