"""The file cannot be read as a record: a YAML or JSON syntax error, or not text at all.

## What it does
Reports where the parser stopped: an unclosed quote or bracket, a bad indent, an invalid
character. Files that are not UTF-8 text (or UTF-16 with a byte-order mark), that hold NUL
bytes, that exceed the size limit or expand to an absurd number of values get this finding
too, at the start of the file.

## Why is this bad
Nothing else in the file can be checked, and every other tool that reads the record fails too.

## Example
```yaml
conflict: "2020 Ayorou attack
date: {start: "2020-03-12"}
```

## Use instead
```yaml
conflict: "2020 Ayorou attack"
date: {start: "2020-03-12"}
```
"""

from linter.findings import Severity

CODE = "CL001"
SLUG = "syntax-error"
SEVERITY = Severity.ERROR
