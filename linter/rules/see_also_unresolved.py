"""A "see also" entry names no record in the record set.

## What it does
Looks up each entry of `see_also` as `partof-unresolved` looks up `part_of`: by record id,
by conflict name (case and spacing ignored), by a title in id form, or failing those by the
name of a record's file, among the records of the run, including the configured record
`roots`. Reports each entry that matches no record, or that names the record itself. As for
`part_of`, an entry of a wikitext or article-text page names an article, and matching no
record is a defect there only when the configuration names `roots` (see partof-unresolved).

## Why is this bad
A "see also" that leads nowhere wastes the reader's time and usually hides a typo or an
id that was renamed.

## Example
```yaml
see_also:
  - 2020-ayorou-atack
```

## Use instead
```yaml
see_also:
  - 2020-ayorou-attack
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.rules.base import CROSS_RECORD, Context
from linter.rules.partof_unresolved import unresolved

CODE = "CL404"
SLUG = "see-also-unresolved"
SEVERITY = Severity.WARNING
SCOPE = CROSS_RECORD
READS = ("see_also", "provenance")  # provenance: whether the record was read from a page


def check(doc: Document, context: Context) -> Iterator[Hit]:
    yield from unresolved(doc, context, "see_also", "see also")
