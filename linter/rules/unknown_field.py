"""A field the schema does not define.

## What it does
Reports each key that the JSON Schema does not allow at its place, pointing at the key, and
suggests the closest allowed name.

## Why is this bad
A misspelt field (`casualites`) is silently ignored by every consumer: the data is there in
the file but never shown, checked or counted.

## Example
```yaml
sides:
  - combatants: [Niger]
    casualites:
      killed: {count: 9, sources: [afp]}
```

## Use instead
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: 9, sources: [afp]}
```

## Fix
Unsafe: renames the field to the one allowed name it is a close misspelling of
(`casualites` becomes `casualties`), keeping its quoting, when the mapping does not already
have a field of that name. Unsafe because the value then counts, and a person should check
that it belongs there.
"""

from __future__ import annotations

from linter.edits import UNSAFE, Fix, one_close_name, positions_of, replace
from linter.findings import Finding, Severity
from linter.model.document import Document

CODE = "CL005"
SLUG = "unknown-field"
SEVERITY = Severity.ERROR
FIX = UNSAFE


def repair(doc: Document, finding: Finding) -> Fix | None:
    """Rename the key to the one allowed name it is a close misspelling of."""
    from linter.schema import allowed_fields  # the schema stage imports this module

    parent_pointer, _, token = finding.pointer.rpartition("/")
    parent = doc.value_at(parent_pointer)
    if not isinstance(parent, dict):
        return None
    allowed = allowed_fields(doc.data, parent_pointer)
    if allowed is None:
        return None
    key = token.replace("~1", "/").replace("~0", "~")
    found = one_close_name(key, allowed)
    positions = positions_of(doc.text)
    span = doc.key_spans.get(finding.pointer)
    written = positions.slice(span) if span is not None else None
    if found is None or found in parent or written is None:
        return None
    start, end = positions.offsets(span)  # type: ignore[arg-type, misc]
    if written == key:
        new = found
    elif len(written) == len(key) + 2 and written[0] == written[-1] and written[0] in "'\"":
        new = written[0] + found + written[0]
    else:
        return None  # a key written with escapes: leave it to a person
    return Fix(UNSAFE, f"rename '{key}' to '{found}'", (replace(positions, start, end, new),))
