"""A side's casualties exceed its stated strength.

## What it does
Compares what is certain on both sides: the side's personnel strength (the strength
figures whose `label`, or failing a label whose `text`, names nothing but people: "troops",
"men", "c. 300"; "2 light cruisers" and "3 panzer divisions" are not people) at most,
against its total casualties, or its largest single casualty category, at least; and, when
no total is stated, against its killed, wounded, captured and missing added up (each counted
once: a figure whose words name another of them, "missing and captured", stops the sum, and
figures of several categories at once stay among the `other` losses, which are never added).
A strength given as "at least", "about" or text only has no upper bound, and casualty
figures given "about" or as text have no lower bound; such pairs are not compared.
Civilians and labelled `other` losses (tanks, aircraft) are left out, and so are records
that may have lasted more than a year: over a long war replacements arrive, and its
losses may rightly exceed its strength at any one time.

## Why is this bad
A side cannot lose more people than it fielded; one of the figures is mistyped, belongs to
another side, or counts something else (a whole army's losses beside one battle's strength).

## Example
```yaml
date: {start: "2020-03-12"}
sides:
  - combatants: [Niger]
    strength:
      - {count: 50, sources: [afp]}
    casualties:
      killed: {count: 90, sources: [afp]}
```

## Use instead
```yaml
date: {start: "2020-03-12"}
sides:
  - combatants: [Niger]
    strength:
      - {count: 50, sources: [afp]}
    casualties:
      killed: {count: 9, sources: [afp]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.bounds import bounds
from linter.dates import try_parse
from linter.figure_text import categories, split_label
from linter.findings import Severity
from linter.lazy_regex import compile_lazily
from linter.limits import for_matching
from linter.markup import FLAGS, NOT_TEXT, defuse
from linter.markup import LINK as _LINK
from linter.model.document import Document, Hit
from linter.records import mapping, sequence, sides
from linter.rules.base import Context

CODE = "CL106"
SLUG = "casualties-exceed-strength"
SEVERITY = Severity.WARNING

_PERSONNEL_WORDS = {
    "men",
    "troops",
    "soldiers",
    "personnel",
    "militants",
    "infantry",
    "warriors",
    "combatants",
    "insurgents",
    "sailors",
    "marines",
    "guerrillas",
    "people",
    "strong",
    "paratroopers",
    "paratroops",
    "airborne",
    "mountain",
    "regulars",
    "irregulars",
    "volunteers",
    "militia",
    "militiamen",
    "conscripts",
    "riflemen",
}
# "fighters" is left out: "21 fighters" in a strength row is as often aircraft as people.
# Words that qualify a count without saying what is counted.
_FILLER = {
    "c",
    "ca",
    "circa",
    "about",
    "around",
    "approximately",
    "approx",
    "over",
    "more",
    "than",
    "at",
    "least",
    "up",
    "to",
    "some",
    "nearly",
    "almost",
    "total",
    "and",
    "in",
    "all",
    "est",
    "estimated",
    "initially",
}
_NOISE = compile_lazily(rf"{NOT_TEXT}|<[^<>]+>", FLAGS)  # [^<>]: "<<<<..." is tried to the next "<" only
_REMARK = compile_lazily(r"\([^()]*\)")
_WORD = compile_lazily(r"[^\W\d_]+")
CATEGORIES = ("total", "killed", "wounded", "captured", "missing")
PARTS = ("killed", "wounded", "captured", "missing")


def _counts_people(figure: dict) -> bool:
    """Whether a strength figure counts people: its label, or failing that its text, says so
    (after the group a "Group: ..." text names).

    "2 light cruisers" or "3 SS panzer divisions" left unlabelled count ships and units, and
    comparing them with men killed would be nonsense, so any word that is neither a filler nor
    a word for people rules the figure out.
    """
    described = figure.get("label") if isinstance(figure.get("label"), str) else figure.get("text")
    if not isinstance(described, str):
        return True
    described = for_matching(described)
    described = split_label(described)[1]  # "Southern France: 285,000 personnel" counts personnel
    described = _REMARK.sub(" ", described)  # "41,000 men (ration strength)": a remark on the men
    if any(opener in described for opener in "<{["):  # markup to step over: no text of itself
        described = _LINK.sub(r"\1", _NOISE.sub(" ", defuse(described)))
    words = {w.casefold() for w in _WORD.findall(described)}
    return words <= _PERSONNEL_WORDS | _FILLER


def _strength_at_most(side: dict) -> int | None:
    """The most people the side's strength figures allow, or None when any is open-ended."""
    personnel = [f for f in sequence(side.get("strength")) if isinstance(f, dict) and _counts_people(f)]
    highs = [bounds(f).high for f in personnel]
    known = [h for h in highs if h is not None]
    if not highs or len(known) < len(highs):
        return None
    return sum(known)


def _at_most_a_year(record: dict) -> bool:
    """Whether the record certainly lasted a year or less.

    Over a longer war, replacements join and losses add up past any one day's strength, so
    a war's casualties may rightly exceed its average or peak strength.
    """
    dates = mapping(record.get("date"))
    start = try_parse(dates.get("start"))
    if start is None or dates.get("ongoing") is True:
        return False
    end = try_parse(dates.get("end")) or start
    year, month, day = start.earliest
    return end.latest <= (year + 1, month, day)


def _parts_at_least(casualties: dict) -> tuple[list[str], int] | None:
    """The categories of people lost (killed, wounded, captured, missing) that have a certain
    lower bound, and that bound added up, when no total is stated; None when a total is stated,
    fewer than two parts are known, or a part's words name another part too ("262,929 missing
    and captured" beside a captured figure), which would count people twice."""
    if isinstance(casualties.get("total"), dict):
        return None
    lows = {}
    for name in PARTS:
        figure = casualties.get(name)
        low = bounds(figure).low if isinstance(figure, dict) else None
        if low is not None:
            lows[name] = low
    if len(lows) < 2:
        return None
    for name in lows:
        text = casualties[name].get("text")
        if isinstance(text, str) and (categories(text) & set(lows)) - {name}:
            return None
    return list(lows), sum(lows.values())


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None or not _at_most_a_year(doc.record):
        return
    for number, pointer, side in sides(doc.record):
        casualties = mapping(side.get("casualties"))
        worst = None
        for category in CATEGORIES:
            figure = casualties.get(category)
            low = bounds(figure).low if isinstance(figure, dict) else None
            if low is not None and (worst is None or low > worst[1]):
                worst = (category, low)
        if worst is None:
            continue  # no loss has a lower bound, so no parts add up: the strength need not be read
        strength = _strength_at_most(side)
        if strength is None:
            continue
        if worst[1] > strength:
            category, low = worst
            yield Hit(
                f"side {number}: {category} at least {low:,}, but the side's strength is at most {strength:,}",
                pointer=f"{pointer}/casualties/{category}",
            )
            continue
        summed = _parts_at_least(casualties)
        if summed is not None and summed[1] > strength:
            names, low = summed
            yield Hit(
                f"side {number}: {' + '.join(names)} come to at least {low:,}, but the side's strength is at most "
                f"{strength:,}",
                pointer=f"{pointer}/casualties",
            )
