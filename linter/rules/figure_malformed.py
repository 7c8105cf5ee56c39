"""A strength or casualty figure whose text does not parse as a figure.

## What it does
Reads the `text` of each figure that has no structured value (imported records keep the
infobox's wording there) and reports it when no count can be read from it: no number, and
not "unknown" or "none". A number written wrongly ("2.860", "1,0000", "5OO") is reported in
every format; in wikitext and article text a line that counts nothing ("Several light craft",
a unit's name) is a remark, not a figure, and is not reported. Group headings such as
"Fighter Command:" are not figures.

## Why is this bad
A figure nobody can read as a number cannot be compared, summed or checked against its
sources; "Heavy" or "Limited support" in a casualty row says less than "unknown".

## Example
```yaml
sides:
  - combatants: [France]
    casualties:
      killed: {text: Heavy, sources: [gazette]}
```

## Use instead
```yaml
sides:
  - combatants: [France]
    casualties:
      killed: {about: 300, text: c. 300, sources: [gazette]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import figure_text
from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.model.wording import subject
from linter.records import VALUE_KEYS, figures
from linter.rules.base import Context
from linter.vocabulary import is_placeholder

CODE = "CL101"
SLUG = "figure-malformed"
SEVERITY = Severity.WARNING


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    for ref in figures(doc.record):
        text = ref.figure.get("text")
        if not isinstance(text, str) or not ref.figure.keys().isdisjoint(VALUE_KEYS):
            continue
        if is_placeholder(text) or figure_text.parse(text) is not None:
            continue
        number = figure_text.malformed(text)
        what = subject(doc, ref.pointer, ref.where)
        if number:
            yield Hit(f"{what}: '{number}' in '{text}' is not a well-formed number: write it with commas "
                      "between thousands (\"2,860\") or as the count meant", pointer=f"{ref.pointer}/text")
        elif not doc.from_infobox:  # an infobox line that counts nothing ("Several light craft") is a remark
            yield Hit(f"{ref.where}: '{text}' does not read as a figure: give a number (\"c. 300\", \"20+\", "
                      "\"9-12\"), or 'unknown'", pointer=f"{ref.pointer}/text")
