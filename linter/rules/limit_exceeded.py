"""A file goes beyond one of the documented limits, so it was checked only in part.

## What it does
Reports a file on which the linter stopped short of a full check because a limit in
`linter/limits.py` was reached (docs/security.md lists them): more findings than are kept per
file, a YAML document of more values than are composed, or a wikitext page whose markup
(tags, templates, links, nesting) is beyond the budget its parser is given. The message names
the limit and what was not done.

## Why is this bad
Part of the file went unchecked. Real records stay far below every limit, so reaching one
means a broken or crafted file; in CI it must fail rather than pass unchecked.

## Example
A wikitext page holding `<ref name="x` ten thousand times, or a YAML record with 700,000
duplicate keys.

## Use instead
A record of ordinary size and shape: fix the findings reported so far and lint again, or
repair the markup that never closes.
"""

from linter.findings import Severity

CODE = "CL022"
SLUG = "limit-exceeded"
SEVERITY = Severity.ERROR
REPORTED_BY = "the runner (findings per file), the YAML loader (values) and the wikitext loader (markup budget)"
