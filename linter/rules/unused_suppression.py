"""An inline suppression comment suppresses nothing.

## What it does
Reports each rule named in a `# conflict-lint: disable=...`, `disable-next-line=...` or
`disable-file=...` comment that no finding of that rule needed: the rule did not fire on
that line (or in that file), or the name is not a rule at all. Suppressions of rules that
the configuration turns off for the file are not reported. The engine reports this rule
after all others; it has no check of its own.

## Why is this bad
A stale suppression hides the next real problem on its line, and tells readers the line
has a problem it no longer has.

## Example
```yaml
result:
  text: Nigerien victory  # conflict-lint: disable=result-nonstandard
```

## Use instead
```yaml
result:
  text: Nigerien victory
```

## Fix
Safe: removes the unused name from the comment, with its comma; when no name is left, the
whole comment (and its line, when it stands alone). Comments are not data, so the record
means the same. Suppressions of cross-record rules are judged after the per-file stage,
from summaries without the file's text, so those are reported but not fixed.
"""

from __future__ import annotations

import re

from linter.edits import SAFE, Fix, positions_of, replace
from linter.findings import Finding, Severity
from linter.model.document import Document
from linter.suppress import COMMENT

CODE = "CL008"
SLUG = "unused-suppression"
SEVERITY = Severity.WARNING
FIX = SAFE
REPORTED_BY = "engine, after the suppressions are applied"


def repair(doc: Document, finding: Finding) -> Fix | None:
    """Drop the name the finding stands on from its comment, or the comment when it is the last."""
    positions = positions_of(doc.text)
    found = positions.offsets(finding.span)
    if found is None or finding.span.line != finding.span.end_line:
        return None
    line_start = positions.starts[finding.span.line - 1]
    line_end = positions.starts[finding.span.line] if finding.span.line < len(positions.starts) else len(doc.text)
    line = doc.text[line_start:line_end].rstrip("\r\n")
    comment = COMMENT.search(line)
    if comment is None or not comment.start("names") <= found[0] - line_start < comment.end("names"):
        return None
    start, end = found[0] - line_start, found[1] - line_start
    names = [m.span() for m in re.finditer(r"[A-Za-z0-9_-]+", line[:comment.end("names")])
             if m.start() >= comment.start("names")]
    name = line[start:end]
    if len(names) > 1:
        after = re.match(r"\s*,\s*", line[end:])
        if after:  # not the last name: it goes with the comma after it
            return Fix(SAFE, f"remove '{name}' from the suppression",
                       (replace(positions, line_start + start, line_start + end + after.end(), ""),))
        before = re.search(r"\s*,\s*\Z", line[:start])
        if before is None:
            return None
        return Fix(SAFE, f"remove '{name}' from the suppression",
                   (replace(positions, line_start + before.start(), line_start + end, ""),))
    head = line[:comment.start()]
    if not head.strip():  # the comment is the line: the line goes
        following = positions.starts[finding.span.line] if finding.span.line < len(positions.starts) else len(doc.text)
        return Fix(SAFE, "remove the suppression comment", (replace(positions, line_start, following, ""),))
    return Fix(SAFE, "remove the suppression comment",
               (replace(positions, line_start + len(head.rstrip()), line_start + len(line), ""),))
