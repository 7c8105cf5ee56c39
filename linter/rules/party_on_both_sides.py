"""The same party is listed among the combatants of two opposing sides.

## What it does
Compares what each combatant entry *is* across sides: a known name ("France", "French
Republic"), a state's organ ("French Army", "National Guard of Niger" stand for their
state), or, for anything else, the entry itself. It reports the later listing when a party
appears on two sides. A faction that merely names a state ("Syrian opposition", "Free
French", "South Vietnam") is a party of its own, not that state.

A party that changed sides during the conflict is listed on both with the period of each
(`{{flag|Kingdom of Romania}} <small>(20–23 August)</small>` on one side, `(23–29 August)` on
the other): when both listings carry a bracketed note that dates them (it holds a number),
the repeat is that change, not a slip, and is not reported. Only infoboxes keep such notes.

## Why is this bad
A party cannot fight itself. The entry is a copy-and-paste slip, or two different parties
(a government and its rebels) written so alike that readers cannot tell them apart.

## Example
```yaml
sides:
  - combatants: [France, Niger]
  - combatants: [Islamic State in the Greater Sahara, French Army]
```

## Use instead
```yaml
sides:
  - combatants: [France, Niger]
  - combatants: [Islamic State in the Greater Sahara]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import parties
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.records import sequence, sides
from linter.rules.base import Context

CODE = "CL304"
SLUG = "party-on-both-sides"
SEVERITY = Severity.ERROR


def _is_label(name: str) -> bool:
    """Entries that head a group rather than name a party: "Supported by:", "(naval)", "Allies"."""
    stripped = name.strip()
    if stripped.endswith(":") or (stripped.startswith("(") and stripped.endswith(")")):
        return True
    # "allies" in lower case is the common noun, still a label: matched as its capitalised form
    capitalised = stripped[:1].upper() + stripped[1:]
    return any(m.kind == "coalition" and m.end - m.start == len(stripped) for m in parties.mentions(capitalised))


def _dated(doc: Document, pointer: str) -> bool:
    """Whether the infobox dates this listing with a note beside it ("20–23 August", "from 1635")."""
    return any(c.isdigit() for c in doc.notes.get(pointer, ""))


def check(doc: Document, context: Context) -> Iterator[Hit]:
    record = doc.record
    if record is None:
        return
    first_seen: dict[str, tuple[int, str, str]] = {}
    for number, pointer, side in sides(record):
        for index, name in enumerate(sequence(side.get("combatants"))):
            if not isinstance(name, str) or _is_label(name):
                continue
            here = f"{pointer}/combatants/{index}"
            earlier = [(party, first_seen[party]) for party in sorted(parties.identity(name))
                       if party in first_seen and first_seen[party][0] != number
                       and not (_dated(doc, here) and _dated(doc, first_seen[party][2]))]
            if earlier:
                party, (side_number, listed_as, _) = earlier[0]
                yield Hit(f"'{name}' on side {number} is {parties.display_name(party)}, already listed on "
                          f"side {side_number} as '{listed_as}': a party fights on one side; remove one, "
                          "or name the faction so that it cannot be mistaken for the other",
                          pointer=here)
            for party in parties.identity(name):
                first_seen.setdefault(party, (number, name, here))
