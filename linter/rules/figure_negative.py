"""A strength or casualty figure is negative.

## What it does
Reports any numeric part of a figure (`count`, `at_least`, `about`, `min`, `max`, `low`,
`best`, `high`) that is below zero.

## Why is this bad
No count of people or equipment can be negative; a minus sign is a typing slip or a range
written the wrong way ("-20" for "up to 20").

## Example
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: -9, sources: [afp]}
```

## Use instead
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: 9, sources: [afp]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.model.wording import fix, subject
from linter.records import NUMERIC_FIELDS, figures
from linter.rules.base import Context

CODE = "CL102"
SLUG = "figure-negative"
SEVERITY = Severity.ERROR


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for ref in figures(doc.record):
        for name in NUMERIC_FIELDS:
            value = ref.figure.get(name)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
                text = ref.figure.get("text")
                yield Hit(fix(doc, f"{ref.where}: {name} is {value}, but a count cannot be negative",
                              f"{subject(doc, ref.pointer, ref.where)} figure '{text}' has a minus sign, but a "
                              "count cannot be negative: remove the sign (or write the range it meant)"),
                          pointer=f"{ref.pointer}/{name}")
