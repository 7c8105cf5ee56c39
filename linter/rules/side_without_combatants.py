"""A side has commanders, units, strength or casualties but no combatant.

## What it does
Reports each side that lists commanders, units, strength or casualties while its
`combatants` list is missing or empty.

## Why is this bad
Figures and leaders that belong to no named party cannot be attributed: a reader cannot
tell whose losses they are, and rules that match the result to the sides cannot see the
side at all.

## Example
```yaml
sides:
  - combatants: [Niger]
  - commanders: [Adnan Abu Walid al-Sahrawi]
    casualties:
      killed: {at_least: 20, sources: [afp]}
```

## Use instead
```yaml
sides:
  - combatants: [Niger]
  - combatants: [Islamic State in the Greater Sahara]
    commanders: [Adnan Abu Walid al-Sahrawi]
    casualties:
      killed: {at_least: 20, sources: [afp]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.model.wording import fix, subject
from linter.records import sides
from linter.rules.base import Context

CODE = "CL305"
SLUG = "side-without-combatants"
SEVERITY = Severity.ERROR

CONTENT = ("commanders", "units", "strength", "casualties")


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for number, pointer, side in sides(doc.record):
        combatants = side.get("combatants")
        if isinstance(combatants, list) and any(isinstance(c, str) and c.strip() for c in combatants):
            continue
        present = [key for key in CONTENT if side.get(key)]
        if present:
            first = present[0]
            parameter = subject(doc, f"{pointer}/{first}", "")
            yield Hit(
                fix(
                    doc,
                    f"side {number} has {', '.join(present)} but no combatants: name the parties they belong to",
                    f"{parameter} is given but side {number} names no combatant: add 'combatant{number}' "
                    "with the party it belongs to, or move the value to the side it belongs to",
                ),
                pointer=f"{pointer}/{first}",
                at_key=True,
            )
