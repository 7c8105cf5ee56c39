"""A result is worded outside the infobox's standard terms, or qualifies a victory.

## What it does
Reads the headline of `result.text` (its first line, without citations, templates and link
syntax; bullet points of consequences below it are left alone) and reports it unless it is
"X victory", "Inconclusive", "Stalemate", "Ongoing" or a pointer to the article's aftermath
section ("See Aftermath"). A victory with a qualifier ("Decisive", "Pyrrhic", "tactical
... strategic", "marginal", "Major", "Minor") is reported too. "Allied victory" and
"Coalition victory" are standard: the coalition is the X. The vocabulary is in
`linter/data/results.json`, which names its source.

What the template allows, and so what this rule holds to: the documentation of the `result`
parameter of Infobox military conflict names "X victory" and "Inconclusive" as the terms to
use, a link to the article's section on the outcome ("See Aftermath") where they do not fit
(beside a term, or instead of one), and asks editors not to introduce other terms, naming
"decisive", "marginal" and "tactical". So "Decisive Allied victory", "French tactical
victory", "Indecisive" (not the template's "Inconclusive") and "Allied operational failure"
are reported; "Stalemate" (a sourced outcome the guidance treats as inconclusive) and
"Ongoing" (the `status` of a conflict not over) are accepted.

## Why is this bad
The infobox summarises; its guidance keeps the result to terms a reader can compare
across articles and leaves nuance to the article. Qualifiers like "decisive" are
judgements the sources rarely state in so many words.

## Example
```yaml
result:
  text: Decisive Franco-Nigerien victory
```

## Use instead
```yaml
result:
  text: Franco-Nigerien victory
```
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.findings import Severity
from linter.model.document import Document, Hit
from linter.records import mapping
from linter.result_text import read_result
from linter.rules.base import Context

CODE = "CL302"
SLUG = "result-nonstandard"
SEVERITY = Severity.WARNING


def check(doc: Document, context: Context) -> Iterator[Hit]:
    if doc.record is None:
        return
    text = mapping(doc.record.get("result")).get("text")
    if not isinstance(text, str) or not text.strip():
        return
    reading = read_result(text)
    if reading.qualifiers:
        words = ", ".join(f"'{q}'" for q in reading.qualifiers)
        yield Hit(f"the result '{reading.headline}' qualifies the outcome with {words}; the infobox guidance "
                  "asks for a plain 'X victory' and leaves the nuance to the article",
                  pointer="/result/text")
    elif reading.kind == "other":
        yield Hit(f"the result '{reading.headline}' is not one of the infobox's terms: 'X victory', "
                  "'Inconclusive', 'Stalemate', 'Ongoing' or 'See Aftermath'", pointer="/result/text")
