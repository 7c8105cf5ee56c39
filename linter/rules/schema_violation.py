"""A value breaks the record schema: a missing field, a wrong type, a bad form.

## What it does
Reports every JSON Schema error other than an unknown field: required fields that are
missing (at the mapping that lacks them), values of the wrong type, enum values outside the
list, dates not written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, figures with no value or with
two. For a choice between forms, it reports the most relevant reason, not "is not valid
under any of the given schemas".

## Why is this bad
The schema is the contract every consumer of the records relies on; a record that breaks it
breaks them.

## Example
```yaml
id: 2020-ayorou-attack
conflict: 2020 Ayorou attack
date: {start: "March 12, 2020"}
result: {text: Franco-Nigerien victory}
sides:
  - combatants: [Niger, France]
```

## Use instead
```yaml
id: 2020-ayorou-attack
conflict: 2020 Ayorou attack
date: {start: "2020-03-12"}
result: {text: Franco-Nigerien victory}
sides:
  - combatants: [Niger, France]
  - combatants: [Islamic State in the Greater Sahara]
```
"""

from linter.findings import Severity

CODE = "CL006"
SLUG = "schema-violation"
SEVERITY = Severity.ERROR
