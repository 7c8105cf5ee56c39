"""The result credits a party that no side lists as a combatant.

## What it does
Finds the parties the result text names, by name, demonym or adjective ("Nigerien"), or
combining form ("Franco-"), and reports each one that no side's combatants stand for. A
unit or body of a state ("National Guard of Niger") stands for that state. Coalition labels
("Allied", "Coalition") stand for the listed members of a side and are not reported.

## Why is this bad
A result that credits a party missing from the combatants contradicts the infobox: either
the party fought and is missing from its side, or the result is wrong. In the 2020 Ayorou
attack, "Franco-Nigerien victory" credits France, whose aircraft fought, but only Niger's
National Guard was listed.

## Example
```yaml
result: {text: Franco-Nigerien victory}
sides:
  - combatants: [National Guard of Niger]
  - combatants: [Islamic State in the Greater Sahara]
```

## Use instead
```yaml
result: {text: Franco-Nigerien victory}
sides:
  - combatants: [Niger, France]
    units: [National Guard of Niger, Operation Barkhane]
  - combatants: [Islamic State in the Greater Sahara]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import parties
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.records import mapping, sides, strings
from linter.rules.base import Context

CODE = "CL301"
SLUG = "result-unlisted-party"
SEVERITY = Severity.ERROR


def check(doc: Document, context: Context) -> Iterator[Hit]:
    record = doc.record
    if record is None:
        return
    text = mapping(record.get("result")).get("text")
    if not isinstance(text, str):
        return
    listed: set[str] = set()
    for _, _, side in sides(record):
        for name in strings(side.get("combatants")):
            listed |= parties.parties_of(name)
    reported: set[str] = set()
    # The first line states the outcome; lines below it are consequences ("Spain regains Minorca").
    for mention in parties.mentions(text.split("\n", 1)[0]):
        if mention.kind == "coalition" or mention.parties & listed or mention.party in reported:
            continue
        reported.add(mention.party)
        credited = parties.display_name(mention.party)
        written = mention.surface.rstrip("-\u2013")
        wording = credited if written == credited else f"{credited} ('{mention.surface}')"
        yield Hit(f"the result credits {wording}, but no side lists it among its combatants: "
                  "add it to the side it fought on, or correct the result",
                  pointer="/result/text", text_range=(mention.start, mention.end))
