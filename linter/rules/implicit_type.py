"""An unquoted YAML value that YAML 1.1 readers turn into a boolean, number or date.

## What it does
conflict-lint reads YAML with the YAML 1.2 core schema, where only `true`/`false` are
booleans and only plain decimal numbers are numbers. It reports every unquoted value that a
YAML 1.1 reader (PyYAML, and many tools built on it) would read differently: `yes`, `no`,
`on`, `off` (booleans), `1:30` (the sexagesimal number 90), `0o17`, `1_000`, and dates such
as `2020-03-12` (a date object, not text). The value is kept as text.

## Why is this bad
The same file means different things to different tools: Norway's code `NO` becomes
`false`, a time becomes a number, and a date becomes an object that a text field rejects
with a confusing message.

## Example
```yaml
place: {name: Oslo, country: NO}
date: {start: 2020-03-12}
```

## Use instead
```yaml
place: {name: Oslo, country: "NO"}
date: {start: "2020-03-12"}
```

## Fix
Safe: quotes the value as written (`NO` becomes `"NO"`, `1:30` becomes `"1:30"`). conflict-lint
already reads it as that text, so the record means the same; YAML 1.1 readers now agree.
"""

from __future__ import annotations

from linter.edits import SAFE, Fix, positions_of, replace, yaml_quoted
from linter.findings import Finding, Severity
from linter.model.document import Document

CODE = "CL004"
SLUG = "implicit-type"
SEVERITY = Severity.ERROR
FIX = SAFE


def repair(doc: Document, finding: Finding) -> Fix | None:
    """Quote the plain scalar the finding stands on, keeping its text."""
    value = doc.value_at(finding.pointer)
    positions = positions_of(doc.text)
    found = positions.offsets(doc.span_of(finding.pointer))
    if not isinstance(value, str) or found is None or doc.text[found[0]:found[1]] != value:
        return None  # not a one-line plain scalar written as it reads
    quoted = yaml_quoted(value)
    return Fix(SAFE, f"quote {value!r} as {quoted}", (replace(positions, *found, quoted),))
