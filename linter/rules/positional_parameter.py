"""An infobox parameter without a name: text after a `|` with no `=`.

## What it does
Reports each unnamed (positional) parameter of `{{Infobox military conflict}}` that holds
text. The template takes only named parameters, so it ignores such text.

## Why is this bad
A value written without its name, or a line broken off after a stray `|`, never appears in
the infobox; readers miss it and editors believe it is there.

## Example
```wikitext
{{Infobox military conflict
| conflict = Battle of Red Ford
| result = German victory
| Soviet counter-offensive repulsed
}}
```

## Use instead
```wikitext
{{Infobox military conflict
| conflict = Battle of Red Ford
| result = German victory; Soviet counter-offensive repulsed
}}
```
"""

from linter.findings import Severity

CODE = "CL010"
SLUG = "positional-parameter"
SEVERITY = Severity.ERROR
