"""An infobox parameter the template does not define.

## What it does
Reports each named parameter of `{{Infobox military conflict}}` that the template does not
know (`casualites2`, `commanders1`), at the parameter's name. Numbered rows
(`combatant1` ... `casualtiesN`) are always known.

## Why is this bad
The template silently ignores an unknown parameter: the value is in the page source but
never shown to readers, so a casualty figure can vanish from the infobox through a typo.

## Example
```wikitext
{{Infobox military conflict
| conflict = Battle of Red Ford
| casualites2 = 20+ killed
}}
```

## Use instead
```wikitext
{{Infobox military conflict
| conflict = Battle of Red Ford
| casualties2 = 20+ killed
}}
```

## Fix
Unsafe: renames the parameter to the one known name it is a close misspelling of
(`casualites2` becomes `casualties2`, keeping its number and its capital), when no parameter
of that name is already given. Unsafe because the value then shows in the infobox, and a
person should check that it belongs there.
"""

from __future__ import annotations

import re

from linter.edits import UNSAFE, Fix, one_close_name, positions_of, replace
from linter.findings import Finding, Severity
from linter.model.document import Document

CODE = "CL009"
SLUG = "unknown-parameter"
SEVERITY = Severity.ERROR
FIX = UNSAFE

# Numbered rows: combatant1, casualties2 ... (the template's own names, and article text's).
NUMBERED = ("combatant", "commander", "units", "strength", "casualties")
_ARTICLE_NAMES = ("conflict", "partof", "date", "place", "result", "status", "territory", "coordinates", "notes")


def _known(doc_format: str) -> tuple[str, ...]:
    if doc_format == "article-text":
        return _ARTICLE_NAMES + NUMBERED
    from linter.data import load

    return tuple(load("wikitext.json")["parameters"]) + NUMBERED


def _used(doc: Document, name: str) -> bool:
    """Whether a parameter of that name is given anywhere in the file (as the readers match names)."""
    flexible = r"[ _]?".join(re.escape(part) for part in name.split("_"))
    pattern = (rf"(?im)^-\s*{flexible}\s*:" if doc.format == "article-text" else rf"(?i)\|\s*{flexible}\s*=")
    return re.search(pattern, doc.text) is not None


def repair(doc: Document, finding: Finding) -> Fix | None:
    """Rename the parameter to the one known name it is a close misspelling of."""
    positions = positions_of(doc.text)
    written = positions.slice(finding.span)
    if not written or finding.span.line != finding.span.end_line:
        return None
    base, number = re.fullmatch(r"(.*?)(\d*[a-z]?)", written.strip(), re.IGNORECASE).groups()  # type: ignore[union-attr]
    if number and not number[0].isdigit():
        base, number = base + number, ""
    candidates = NUMBERED if number else _known(doc.format)
    found = one_close_name(base.casefold().replace(" ", "_"), candidates)
    if found is None:
        return None
    new = (found[0].upper() + found[1:] if written[:1].isupper() else found) + number
    if _used(doc, new.casefold()):
        return None
    start, end = positions.offsets(finding.span)  # type: ignore[misc]
    return Fix(UNSAFE, f"rename '{written}' to '{new}'", (replace(positions, start, end, new),))
