"""An infobox parameter the template does not define.

## What it does
Reports each named parameter of `{{Infobox military conflict}}` that the template does not
know (`casualites2`, `commanders1`), at the parameter's name. Numbered rows
(`combatant1` ... `casualtiesN`) are always known.

## Why is this bad
The template silently ignores an unknown parameter: the value is in the page source but
never shown to readers, so a casualty figure can vanish from the infobox through a typo.

## Example
```wikitext
{{Infobox military conflict
| conflict = Battle of Red Ford
| casualites2 = 20+ killed
}}
```

## Use instead
```wikitext
{{Infobox military conflict
| conflict = Battle of Red Ford
| casualties2 = 20+ killed
}}
```
"""

from linter.findings import Severity

CODE = "CL009"
SLUG = "unknown-parameter"
SEVERITY = Severity.ERROR
