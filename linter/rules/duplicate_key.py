"""A mapping gives the same key twice.

## What it does
Reports the second (and any later) occurrence of a key within one mapping.

## Why is this bad
YAML readers keep only the last value and silently drop the first, so an editor who
corrects the first occurrence sees no change, and data goes missing without a trace.

## Example
```yaml
result:
  text: Franco-Nigerien victory
  text: Nigerien victory
```

## Use instead
```yaml
result:
  text: Franco-Nigerien victory
```
"""

from linter.findings import Severity

CODE = "CL002"
SLUG = "duplicate-key"
SEVERITY = Severity.ERROR
