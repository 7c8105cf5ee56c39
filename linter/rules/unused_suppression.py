"""An inline suppression comment suppresses nothing.

## What it does
Reports each rule named in a `# conflict-lint: disable=...`, `disable-next-line=...` or
`disable-file=...` comment that no finding of that rule needed: the rule did not fire on
that line (or in that file), or the name is not a rule at all. Suppressions of rules that
the configuration turns off for the file are not reported. The engine reports this rule
after all others; it has no check of its own.

## Why is this bad
A stale suppression hides the next real problem on its line, and tells readers the line
has a problem it no longer has.

## Example
```yaml
result:
  text: Nigerien victory  # conflict-lint: disable=result-nonstandard
```

## Use instead
```yaml
result:
  text: Nigerien victory
```
"""

from __future__ import annotations

from linter.findings import Severity

CODE = "CL008"
SLUG = "unused-suppression"
SEVERITY = Severity.WARNING
REPORTED_BY = "engine, after the suppressions are applied"
