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

## Fix
Unsafe: when the result names the party together with an ally that exactly one side lists
("Franco-Nigerien victory", Niger on side 1), adds the party to that side's combatants, in
the list's own style (records) or the cell's own separator (wikitext, article text). It is
unsafe because a person must confirm the party fought on that side.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import parties
from linter.edits import UNSAFE, Fix, append_to_list
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.records import mapping, sides, strings
from linter.rules.base import Context

CODE = "CL301"
SLUG = "result-unlisted-party"
SEVERITY = Severity.ERROR
FIX = UNSAFE


def check(doc: Document, context: Context) -> Iterator[Hit]:
    record = doc.record
    if record is None:
        return
    text = mapping(record.get("result")).get("text")
    if not isinstance(text, str):
        return
    listed: set[str] = set()
    by_side: list[tuple[str, set[str]]] = []
    for _, pointer, side in sides(record):
        own: set[str] = set()
        for name in strings(side.get("combatants")):
            own |= parties.parties_of(name)
        by_side.append((pointer, own))
        listed |= own
    reported: set[str] = set()
    # The first line states the outcome; lines below it are consequences ("Spain regains Minorca").
    found = parties.mentions(text.split("\n", 1)[0])
    for mention in found:
        if mention.kind == "coalition" or mention.parties & listed or mention.party in reported:
            continue
        reported.add(mention.party)
        credited = parties.display_name(mention.party)
        written = mention.surface.rstrip("-\u2013")
        wording = credited if written == credited else f"{credited} ('{mention.surface}')"
        yield Hit(f"the result credits {wording}, but no side lists it among its combatants: "
                  "add it to the side it fought on, or correct the result",
                  pointer="/result/text", text_range=(mention.start, mention.end),
                  fix=_add_to_allys_side(doc, mention, _joined(text, mention, found), by_side))


# What may stand between two parties credited together: "Franco-Nigerien", "Anglo-French",
# "British and French", "Soviet/Mongolian".
_JOINERS = {"", "-", "\u2013", "/", "and", "&", ","}


def _joined(text: str, mention: parties.Mention, found: list[parties.Mention]) -> list[parties.Mention]:
    """The mentions credited in the same phrase as ``mention``: the run of mentions around it
    with only joiners between them ("Tactical Japanese victory, Strategic British victory" names
    two outcomes, not allies)."""
    ordered = sorted(found, key=lambda m: m.start)
    index = ordered.index(mention)
    run = [mention]
    for step in (-1, 1):
        at = index
        while 0 <= at + step < len(ordered):
            first, second = sorted((ordered[at], ordered[at + step]), key=lambda m: m.start)
            if text[first.end:second.start].strip().casefold() not in _JOINERS:
                break
            at += step
            run.append(ordered[at])
    return run


def _add_to_allys_side(doc: Document, mention: parties.Mention, found: list[parties.Mention],
                       by_side: list[tuple[str, set[str]]]) -> Fix | None:
    """Add the credited party to the one side that lists an ally the same result names."""
    allies = {party for other in found if other is not mention and other.kind != "coalition"
              for party in other.parties}
    allied = [pointer for pointer, own in by_side if own & allies]
    if len(allied) != 1 or not doc.text:
        return None
    pointer = f"{allied[0]}/combatants"
    if pointer not in doc.value_spans:
        return None
    combatants = doc.value_at(pointer)
    last = f"{pointer}/{len(combatants) - 1}" if isinstance(combatants, list) and combatants else None
    name = parties.display_name(mention.party)
    edit = append_to_list(doc.text, doc.format, doc.value_spans[pointer],
                          doc.value_spans.get(last) if last else None, name)
    if edit is None:
        return None
    side = int(allied[0].rsplit("/", 1)[1]) + 1
    return Fix(UNSAFE, f"add {name} to the combatants of side {side}", (edit,))
