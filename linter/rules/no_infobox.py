"""A wikitext or article-text file holds no infobox to check.

## What it does
Reports a `.wiki` or `.txt` file in which no `{{Infobox military conflict}}` call (or its
redirects, such as `{{Warbox}}`) or article-text `Infobox` block is found. When the infobox
opens but its braces never balance, it says so where the infobox opens.

## Why is this bad
The file was given to the linter as a conflict record, yet nothing in it can be checked;
usually the template name is misspelt or the infobox was cut from the page. It is an error,
so a file the linter cannot check fails CI instead of passing unchecked.

## Example
```wikitext
{{Infobox militry conflict
| conflict = Battle of Red Ford
}}
```

## Use instead
```wikitext
{{Infobox military conflict
| conflict = Battle of Red Ford
}}
```
"""

from linter.findings import Severity

CODE = "CL011"
SLUG = "no-infobox"
SEVERITY = Severity.ERROR  # a file the linter cannot check must fail CI, not pass with a warning
