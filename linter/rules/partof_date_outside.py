"""A record is dated outside the dates of the conflict it is part of.

## What it does
For each `part_of` entry that resolves to a record, compares the two date spans and
reports the record when it certainly starts before its parent starts, or certainly ends
after its parent ends. Partial dates count by the days they may stand for ("2015" may be
31 December 2015), an ongoing parent has no end, a parent with neither end nor
`ongoing` lasts its start date, and BC years count backwards. Records whose dates are
marked `approximate` ("c. 1200") on either side are not compared: an approximate date may
rightly fall a little outside.

## Why is this bad
A battle fought before its war began or after it ended is either misdated or attached to
the wrong parent; timelines built from the hierarchy put it in the wrong place.

## Example
```yaml
id: 2020-ayorou-attack
part_of: [jihadist-insurgency-in-niger]
date:
  start: "2012-03-12"   # the insurgency began in 2015
```

## Use instead
```yaml
id: 2020-ayorou-attack
part_of: [jihadist-insurgency-in-niger]
date:
  start: "2020-03-12"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.dates import Day, show_day, try_parse
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.records import mapping, references
from linter.rules.base import CROSS_RECORD, Context

CODE = "CL402"
SLUG = "partof-date-outside"
SEVERITY = Severity.ERROR
SCOPE = CROSS_RECORD
READS = ("id", "part_of", "date", "status")


def _span(record: dict) -> tuple[Day, Day, Day, Day | None] | None:
    """(earliest start, latest start, earliest end, latest end or None when open-ended)."""
    dates = mapping(record.get("date"))
    start = try_parse(dates.get("start"))
    if start is None or dates.get("approximate") is True:
        return None
    end = try_parse(dates.get("end"))
    if end is not None:
        return start.earliest, start.latest, end.earliest, end.latest
    if dates.get("ongoing") is True or record.get("status") == "ongoing":
        return start.earliest, start.latest, start.earliest, None
    return start.earliest, start.latest, start.earliest, start.latest


def check(doc: Document, context: Context) -> Iterator[Hit]:
    record = doc.record
    if record is None:
        return
    own = _span(record)
    if own is None:
        return
    for pointer, reference in references(record, "part_of"):
        parent = context.records.resolve(reference)
        if parent is None or parent is doc or parent.record is None:
            continue
        theirs = _span(parent.record)
        if theirs is None:
            continue
        name = parent.record.get("id", reference)
        if own[1] < theirs[0]:
            yield Hit(f"this record starts by {show_day(own[1])} at the latest, before its parent '{name}' "
                      f"starts ({show_day(theirs[0])} at the earliest)", pointer=pointer)
        elif theirs[3] is not None and own[3] is not None and own[2] > theirs[3]:
            yield Hit(f"this record ends on {show_day(own[2])} at the earliest, after its parent '{name}' "
                      f"ends ({show_day(theirs[3])} at the latest)", pointer=pointer)
