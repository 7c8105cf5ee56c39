"""A file holds more than one YAML document.

## What it does
Reports the start of the second document when a file contains `---` separators between
documents. Only the first document is checked.

## Why is this bad
One record per file is how records are named, linked and reviewed; a second document is
invisible to most readers, which load only the first.

## Example
```yaml
id: battle-a
conflict: Battle A
---
id: battle-b
conflict: Battle B
```

## Use instead
Two files, one record each:
```yaml
# battle-a.yaml
id: battle-a
conflict: Battle A
```
```yaml
# battle-b.yaml
id: battle-b
conflict: Battle B
```
"""

from linter.findings import Severity

CODE = "CL003"
SLUG = "multiple-documents"
SEVERITY = Severity.ERROR
