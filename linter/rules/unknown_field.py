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
"""

from linter.findings import Severity

CODE = "CL005"
SLUG = "unknown-field"
SEVERITY = Severity.ERROR
