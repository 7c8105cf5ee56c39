"""A strength or casualty figure cites no source, or cites one the record does not list.

## What it does
Reports each figure without a non-empty `sources` list, and each source id a figure cites
that is not a key of the record's `sources` registry. A figure whose whole text is a
placeholder is left to `placeholder-value`; in wikitext and article text, a line that gives no
count ("Several light craft", "Unknown bomber strength", "personnel: unknown") is a remark, not
a figure, and needs no source of its own.

## Why is this bad
Casualty and strength figures are the most disputed facts in a conflict record. A figure
without a source cannot be checked, and a reader cannot tell an official claim from an
estimate; a citation of an unlisted source leads nowhere.

## Example
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: 9}
```

## Use instead
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: 9, sources: [afp]}
sources:
  afp: {publisher: Agence France-Presse}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import figure_text
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.model.wording import fix, subject
from linter.records import PLACEHOLDER_KEYS, VALUE_KEYS, figures, mapping
from linter.rules.base import Context
from linter.vocabulary import is_placeholder

CODE = "CL104"
SLUG = "figure-unsourced"
SEVERITY = Severity.ERROR
# The value forms that give a count ("unknown" and "none" give none)
_COUNTED = VALUE_KEYS - {"unknown", "none"}


def _describe(figure: dict) -> str:
    text = figure.get("text")
    return f" ('{text}')" if isinstance(text, str) else ""


def check(doc: Document, context: Context) -> Iterator[Hit]:
    record = doc.record
    if record is None:
        return
    registry = mapping(record.get("sources"))
    for ref in figures(record):
        text = ref.figure.get("text")
        # the keys first: most figures have a value or sources, and need no reading of their text
        if ref.figure.keys() <= PLACEHOLDER_KEYS and isinstance(text, str) and is_placeholder(text):
            continue
        cited = ref.figure.get("sources")
        if doc.from_infobox and ref.figure.keys().isdisjoint(_COUNTED) \
                and not figure_text.malformed(text if isinstance(text, str) else ""):
            continue  # an infobox line that counts nothing ("Unknown", "Several guns") has nothing to source
        if not isinstance(cited, list) or not cited:
            what = subject(doc, ref.pointer, ref.where)
            yield Hit(f"{what} figure{_describe(ref.figure)} has no source: " + fix(
                doc, "add the ids of the sources that give it to 'sources'",
                "add a <ref> with its source right after the figure",
                "article text cannot cite one: state the figure's source in the article, "
                "or write the infobox as wikitext with a <ref>"), pointer=ref.pointer)
            continue
        for index, source_id in enumerate(cited):
            if isinstance(source_id, str) and source_id not in registry:
                known = ", ".join(sorted(registry)) or "none"
                yield Hit(f"{ref.where} figure cites source '{source_id}', which the record's sources "
                          f"registry does not list (listed: {known})",
                          pointer=f"{ref.pointer}/sources/{index}")
