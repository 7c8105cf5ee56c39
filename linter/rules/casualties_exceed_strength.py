"""A side's casualties exceed its stated strength.

## What it does
Compares what is certain on both sides: the side's personnel strength (the strength
figures without a `label`, or labelled as men, troops, soldiers, personnel or fighters)
at most, against its total casualties, or its largest single casualty category, at least.
A strength given as "at least", "about" or text only has no upper bound, and casualty
figures given "about" or as text have no lower bound; such pairs are not compared.
Civilians and labelled `other` losses (tanks, aircraft) are left out.

## Why is this bad
A side cannot lose more people than it fielded; one of the figures is mistyped, belongs to
another side, or counts something else (a whole army's losses beside one battle's strength).

## Example
```yaml
sides:
  - combatants: [Niger]
    strength:
      - {count: 50, sources: [afp]}
    casualties:
      killed: {count: 90, sources: [afp]}
```

## Use instead
```yaml
sides:
  - combatants: [Niger]
    strength:
      - {count: 50, sources: [afp]}
    casualties:
      killed: {count: 9, sources: [afp]}
```
"""

from __future__ import annotations

import re
from typing import Iterator

from linter.bounds import bounds
from linter.findings import Severity
from linter.load.document import Document, Hit
from linter.records import mapping, sequence, sides
from linter.rules.base import Context

CODE = "CL106"
SLUG = "casualties-exceed-strength"
SEVERITY = Severity.WARNING

_PERSONNEL = re.compile(r"\b(men|troops|soldiers|personnel|fighters|militants|infantry|warriors|combatants)\b",
                        re.IGNORECASE)
CATEGORIES = ("total", "killed", "wounded", "captured", "missing")


def _strength_at_most(side: dict) -> int | None:
    """The most people the side's strength figures allow, or None when any is open-ended."""
    personnel = [f for f in sequence(side.get("strength"))
                 if isinstance(f, dict) and (not isinstance(f.get("label"), str) or _PERSONNEL.search(f["label"]))]
    highs = [bounds(f).high for f in personnel]
    if not highs or any(h is None for h in highs):
        return None
    return sum(highs)


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for number, pointer, side in sides(doc.record):
        strength = _strength_at_most(side)
        if strength is None:
            continue
        casualties = mapping(side.get("casualties"))
        worst = None
        for category in CATEGORIES:
            figure = casualties.get(category)
            low = bounds(figure).low if isinstance(figure, dict) else None
            if low is not None and (worst is None or low > worst[1]):
                worst = (category, low)
        if worst is not None and worst[1] > strength:
            category, low = worst
            yield Hit(f"side {number}: {category} at least {low:,}, but the side's strength is at most "
                      f"{strength:,}", pointer=f"{pointer}/casualties/{category}")
