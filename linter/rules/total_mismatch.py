"""A stated casualty total differs from the sum of its parts.

## What it does
For each side (and the joint `other_casualties`), compares a stated `total` with the
killed, wounded, captured and missing figures. When the total and at least two parts are
exact counts, it reports parts that add up to more than the total, and parts that add up to
anything else when all four are stated (a total above two or three parts may hold the
categories left out). Otherwise it reports when the parts' certain lower bounds alone exceed
the total's certain upper bound. Approximations, text-only figures, civilians and labelled
`other` losses are never added, nor is a part that shares no source with the total (one
source's total beside another's breakdown need not agree), nor are parts that overlap (a
"missing and captured" figure beside a captured one). A total with a single part beside it
("74,000, including 50,000 captured") is a subset, not a sum, and is not reported unless the
part is larger than the total. A total written on one line with its parts ("40 killed, 60
wounded, 30 captured, 150 total" in one infobox cell or article-text value, or "150 (40
killed, 60 wounded)") is that line's sum: any difference is reported.

## Why is this bad
A total that its own parts contradict means one of the figures was mistyped or copied
from a different source; readers quote totals, so the wrong one spreads.

## Example
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: 9, sources: [afp]}
      wounded: {count: 8, sources: [afp]}
      total: {count: 15, sources: [afp]}
```

## Use instead
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: 9, sources: [afp]}
      wounded: {count: 8, sources: [afp]}
      total: {count: 17, sources: [afp]}
```
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from linter.bounds import bounds
from linter.figure_text import categories
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.model.wording import subject
from linter.records import mapping, sides
from linter.rules.base import Context

CODE = "CL105"
SLUG = "total-mismatch"
SEVERITY = Severity.ERROR

PARTS = ("killed", "wounded", "captured", "missing")


def _cited(figure: dict) -> set[str]:
    return (
        {s for s in figure.get("sources", ()) if isinstance(s, str)}
        if isinstance(figure.get("sources"), list)
        else set()
    )


def _same_account(total: dict, part: dict) -> bool:
    """Whether a part and the total come from one account: they share a source, or neither cites
    one, and they stand under no two different headings of an infobox cell.

    Infoboxes often give one source's total beside another's breakdown, or one phase's total
    beside another phase's figures ("German offensive: 32,899" above "Soviet counter-offensive:
    38,661 killed"); those need not add up.
    """
    total_sources, part_sources = _cited(total), _cited(part)
    if not (bool(total_sources & part_sources) or not (total_sources or part_sources)):
        return False
    total_group, part_group = _group(total), _group(part)
    return not (total_group and part_group and total_group != part_group)


def _group(figure: dict) -> str:
    """The headings an infobox figure's text reads under ("Phase one: 300 killed"), without
    those that name a category ("Total: 620"): the part of the cell it belongs to."""
    text = figure.get("text")
    if not isinstance(text, str) or ": " not in text:
        return ""
    labels = text.split(": ")[:-1]
    return ": ".join(label for label in labels if not categories(label))


def _on_one_line(doc: Document, pointer: str, names: Iterable[str]) -> bool:
    """Whether the total and every part stand on one line of an infobox: written together, as one sum."""
    if doc.native:
        return False
    line = doc.span_of(f"{pointer}/total").line
    return all(doc.span_of(f"{pointer}/{name}").line == line for name in names)


def _check_casualties(doc: Document, casualties: dict, pointer: str, owner: str) -> Iterator[Hit]:
    total = casualties.get("total")
    if not isinstance(total, dict):
        return
    total_bounds = bounds(total)
    parts = {
        name: bounds(casualties[name])
        for name in PARTS
        if isinstance(casualties.get(name), dict) and _same_account(total, casualties[name])
    }
    if not parts:
        return
    named = ", ".join(parts)
    exact = [b.exact for b in parts.values()]
    if _overlapping(casualties, parts):
        return
    known = [v for v in exact if v is not None]
    if total_bounds.exact is not None and len(parts) >= 2 and len(known) == len(exact):
        stated = total_bounds.exact
        together = _on_one_line(doc, pointer, parts)
        if sum(known) > stated or (sum(known) != stated and (len(parts) == len(PARTS) or together)):
            yield Hit(
                f"{subject(doc, pointer, owner)}: the total is {stated:,}, but {named} add up to {sum(known):,}",
                pointer=f"{pointer}/total",
            )
        return
    lows = [b.low for b in parts.values() if b.low is not None]
    if total_bounds.high is not None and sum(lows) > total_bounds.high:
        yield Hit(
            f"{subject(doc, pointer, owner)}: the total is at most {total_bounds.high:,}, but {named} come to at least "
            f"{sum(lows):,}",
            pointer=f"{pointer}/total",
        )


def _overlapping(casualties: dict, parts: dict) -> bool:
    """Whether a part's words name another part's category too ("262,929 missing and captured")."""
    for name in parts:
        text = casualties[name].get("text")
        if isinstance(text, str) and (categories(text) & set(parts)) - {name}:
            return True
    return False


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for number, pointer, side in sides(doc.record):
        yield from _check_casualties(doc, mapping(side.get("casualties")), f"{pointer}/casualties", f"side {number}")
    yield from _check_casualties(doc, mapping(doc.record.get("other_casualties")), "/other_casualties", "joint")
