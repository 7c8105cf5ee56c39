"""A YAML feature records must not use: a tag that builds an object, or a merge key.

## What it does
Reports explicit tags other than YAML's plain data types (`!!python/object:...`,
`!!binary`, `!!set`, custom `!tags`) and merge keys (`<<: *anchor`). conflict-lint never
constructs objects from tags; it reads the tagged value as plain data and reports the tag.

## Why is this bad
Tags that construct objects are how YAML files run code in unsafe loaders; in a record they
can only be a mistake or an attack. Merge keys belong to YAML 1.1: YAML 1.2 readers see a key
named `<<`, so the same file yields different records in different tools.

## Example
```yaml
defaults: &defaults {sources: [afp]}
sides:
  - combatants: [Niger]
    casualties:
      killed: {<<: *defaults, count: 9}
```

## Use instead
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: 9, sources: [afp]}
```
"""

from linter.findings import Severity

CODE = "CL020"
SLUG = "unsupported-yaml"
SEVERITY = Severity.ERROR
