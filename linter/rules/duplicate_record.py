"""Two records describe the same conflict: the same id or the same conflict name.

## What it does
Compares the record's `id` with the ids, and its `conflict` name with the names (case
and spacing ignored), of the other records of the run, including the configured record
`roots`. Reports each other record once, at the first field it shares, and names its file. Records with similar
but different names ("First Battle of Ypres", "Second Battle of Ypres") are not
duplicates.

## Why is this bad
Two records of one conflict drift apart: one gets corrected, the other keeps the old
figures, and references by id or name resolve to whichever the linter meets first.

## Example
```yaml
# records/ayorou.yaml, beside records/2020-ayorou-attack.yaml
id: 2020-ayorou-attack
conflict: 2020 Ayorou attack
```

## Use instead
```yaml
# records/2020-ayorou-attack.yaml, the one record of the conflict: records/ayorou.yaml
# merged into it and deleted
id: 2020-ayorou-attack
conflict: 2020 Ayorou attack
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.records import normalise_name
from linter.rules.base import CROSS_RECORD, Context

CODE = "CL403"
SLUG = "duplicate-record"
SEVERITY = Severity.ERROR
SCOPE = CROSS_RECORD
READS = ("id", "conflict")


def check(doc: Document, context: Context) -> Iterator[Hit]:
    record = doc.record
    if record is None:
        return
    shared: dict[str, list[tuple[str, str]]] = {}  # other file -> (field, its value) it shares
    for field_name in ("id", "conflict"):
        value = record.get(field_name)
        if not isinstance(value, str) or not value.strip():
            continue
        key = normalise_name(value)
        # The set indexes ids and names under one key space; keep the records whose same field matches.
        for other in context.records.by_key.get(key, ()):
            if other is doc or other.path == doc.path:
                continue
            theirs = other.record.get(field_name) if other.record else None
            if isinstance(theirs, str) and normalise_name(theirs) == key:
                shared.setdefault(other.path, []).append((field_name, theirs))
                break
    for path, fields in shared.items():  # one finding per other record, at the first field it shares
        field_name, theirs = fields[0]
        also = " and the same conflict name" if len(fields) > 1 else ""
        yield Hit(f"{path} has the same {field_name} '{theirs}'{also}: two records of one conflict "
                  "drift apart; merge them", pointer=f"/{field_name}")
