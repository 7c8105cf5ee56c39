"""The status and the result disagree about whether the conflict is over.

## What it does
Reports a record whose `status` is `ongoing` (or, with no status, whose `date.ongoing` is
true) while its result names a winner (`outcome: victory`, a `victors` list, or a
result headline "X victory"); and a record whose `status` is `ended` (or, with no status,
that has an end date) while its result says it is ongoing (`outcome: ongoing` or the
headline "Ongoing"). Ceasefires and frozen conflicts may have either.

## Why is this bad
A reader cannot tell which field is stale: either the conflict ended and its status was
not updated, or a winner was declared too early.

## Example
```yaml
status: ongoing
result:
  text: Nigerien victory
```

## Use instead
```yaml
status: ongoing
result:
  text: Ongoing
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.records import mapping, strings
from linter.result_text import read_result
from linter.rules.base import Context

CODE = "CL303"
SLUG = "result-status-conflict"
SEVERITY = Severity.ERROR


def _ongoing(record: dict) -> tuple[bool, str] | None:
    """Whether the record says the conflict goes on (None: it does not say), and the pointer that says so."""
    status = record.get("status")
    if isinstance(status, str):
        return (status == "ongoing", "/status") if status in ("ongoing", "ended") else None
    dates = mapping(record.get("date"))
    if dates.get("ongoing") is True:
        return True, "/date/ongoing"
    if "end" in dates:
        return False, "/date/end"
    return None


def check(doc: Document, context: Context) -> Iterator[Hit]:
    record = doc.record
    if record is None:
        return
    said = _ongoing(record)
    result = mapping(record.get("result"))
    text = result.get("text")
    if said is None or not isinstance(text, str):
        return
    ongoing, where = said
    kind = read_result(text).kind
    outcome = result.get("outcome")
    if ongoing and (outcome == "victory" or strings(result.get("victors")) or kind == "victory"):
        yield Hit(f"the conflict is marked ongoing ({where[1:]}), but the result '{text.strip()}' names a "
                  "winner; set the status or the result to what the sources now say", pointer="/result/text")
    elif not ongoing and (outcome == "ongoing" or kind == "ongoing"):
        said_by = "the status is 'ended'" if where == "/status" else "the record has an end date"
        yield Hit(f"{said_by}, but the result says the conflict is ongoing", pointer="/result/text")
