"""Two records describe the same conflict: the same id or the same conflict name.

## What it does
Compares the record's `id` with the ids, and its `conflict` name with the names (case
and spacing ignored), of the other records of the run, including the configured record
`roots`. Reports each other record once, at the first field it shares, and names its file. Records with similar
but different names ("First Battle of Ypres", "Second Battle of Ypres") are not
duplicates, and neither is a record and the infobox it was imported from (its `provenance`
names the file and the infobox), so a `.wiki` file may stay beside its record.

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
READS = ("id", "conflict", "provenance")


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
        # The first records of other files whose same field matches: a look-up, not a walk over
        # every record of the key (32,000 infoboxes of one file made that quadratic). A record
        # and the page it was imported from are one infobox, not two.
        for other in context.records.first_of_each_file(key, field_name):
            if other.path == doc.path or other.record is None:
                continue
            if _imported(doc, other) or _imported(other, doc):
                continue
            shared.setdefault(other.path, []).append((field_name, other.record[field_name]))
            break
    for path, fields in shared.items():  # one finding per other record, at the first field it shares
        field_name, theirs = fields[0]
        also = " and the same conflict name" if len(fields) > 1 else ""
        yield Hit(f"{path} has the same {field_name} '{theirs}'{also}: two records of one conflict "
                  "drift apart; merge them", pointer=f"/{field_name}")


def _imported(record_doc: Document, source: Document) -> bool:
    """Whether ``record_doc`` was imported from ``source`` (the same infobox, when both say which)."""
    import posixpath

    provenance = record_doc.record.get("provenance") if record_doc.record else None
    if not isinstance(provenance, dict) or not isinstance(provenance.get("file"), str):
        return False
    if posixpath.normpath(provenance["file"]) != posixpath.normpath(source.path):
        return False
    theirs = source.record.get("provenance") if source.record else None
    index = provenance.get("index")
    return index is None or not isinstance(theirs, dict) or theirs.get("index") in (None, index)
