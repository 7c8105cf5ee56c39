"""A "part of" reference names no record in the record set.

## What it does
Looks up each entry of `part_of` by record id, by conflict name (case and spacing
ignored), by a title in id form ("Battle of Narva (1944)" finds `battle-of-narva-1944`) or,
failing those, by the name of a record's file (an imported article's file is named after the
article that other pages link to) among the records of the run: the files linted and the record roots the
configuration names (`roots`), so linting one changed file still sees the whole set.
Reports each entry that matches no record, and an entry that names the record itself.

In wikitext and article text a "part of" names a Wikipedia article (`[[Pacific War]]`), and
the article exists whether or not its page is linted. So there an entry that matches no record
is reported only when the configuration names record `roots`: that declares the run's records
(the files linted and the roots) the whole record set, which should then hold the parent.
Without roots, a page's parent outside the files linted is not a defect of the page; nor in
a record imported from a page (its `provenance` names the page), whose `part_of` keeps the
page's article titles. Any other record's `part_of` names a record of the set, so it is
reported either way. An entry naming
the record itself is reported in every format.

## Why is this bad
A dangling "part of" breaks the hierarchy of conflicts: the parent's dates cannot be
checked and readers following the link find nothing. It is usually a typo or a renamed id.

## Example
```yaml
id: 2020-ayorou-attack
part_of:
  - jihadist-insurgency-in-nigeria
```

## Use instead
```yaml
id: 2020-ayorou-attack
part_of:
  - jihadist-insurgency-in-niger
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.model.wording import fix, subject
from linter.records import references
from linter.rules.base import CROSS_RECORD, Context

CODE = "CL401"
SLUG = "partof-unresolved"
SEVERITY = Severity.ERROR
SCOPE = CROSS_RECORD
READS = ("part_of", "provenance")  # provenance: whether the record was read from a page


def unresolved(doc: Document, context: Context, field_name: str, label: str) -> Iterator[Hit]:
    """Hits for the references of ``field_name`` that name no record, or the record itself."""
    if doc.record is None:
        return
    # A page's link names a Wikipedia article, which exists whether or not it is linted: it is
    # missing only from a record set declared whole by configured roots.
    articles = doc.from_infobox and not context.records.declared
    for pointer, reference in references(doc.record, field_name):
        found = context.records.resolve(reference)
        if found is None and articles:
            continue
        if found is None:
            parameter = subject(doc, pointer, "")
            yield Hit(f"{label} '{reference}' names no record in the record set (by id, conflict name or file name); "
                      + fix(doc, "fix the id, or add the record's directory to `roots`",
                            f"write the {'parent ' if field_name == 'part_of' else ''}article's exact title"
                            f"{' in ' + parameter if parameter else ''} (the record imported from it is found by "
                            "that title), or lint that record with this file"),
                      pointer=pointer)
        elif found is doc or found.path == doc.path:
            yield Hit(f"{label} '{reference}' names this record itself", pointer=pointer)


def check(doc: Document, context: Context) -> Iterator[Hit]:
    yield from unresolved(doc, context, "part_of", "part of")
