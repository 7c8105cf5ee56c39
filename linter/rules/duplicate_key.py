"""A mapping gives the same key twice.

## What it does
Reports the second (and any later) occurrence of a key within one mapping.

## Why is this bad
YAML readers keep only the last value and silently drop the first, so an editor who
corrects the first occurrence sees no change, and data goes missing without a trace.

## Example
```yaml
result:
  text: Franco-Nigerien victory
  text: Nigerien victory
```

## Use instead
```yaml
result:
  text: Franco-Nigerien victory
```

## Fix
Safe, in YAML records: removes a repeated key whose value is written exactly as the kept
one's (`text: Nigerien victory` twice), the entry with any comment on its lines. Keys with
different values are left for a person: which one is right is not a matter of form.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from linter.edits import SAFE, Edit, Fix, Positions, positions_of, remove_block_lines, remove_item
from linter.findings import Finding, Severity, Span
from linter.model.document import Document

CODE = "CL002"
SLUG = "duplicate-key"
SEVERITY = Severity.ERROR
FIX = SAFE


def _mappings(node: Any) -> Iterator[Any]:
    """Every mapping node at or below ``node``."""
    import yaml

    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            yield current
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _span(start: Any, end: Any) -> Span:
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def repair(doc: Document, finding: Finding) -> Fix | None:
    """Remove the repeated entry when its value reads exactly as the kept one's."""
    if doc.format != "yaml":
        return None
    import yaml

    entry = _repeated_keys(doc.text).get(finding.span)
    if entry is None:
        return None
    key, value, kept, flow = entry
    # only one-line scalars on the key's line: a block node's span runs on past its last value
    if not isinstance(value, yaml.ScalarNode) or not isinstance(kept, yaml.ScalarNode) or (
            value.start_mark.line != value.end_mark.line or value.start_mark.line != key.start_mark.line):
        return None
    positions = positions_of(doc.text)
    repeated = _span(value.start_mark, value.end_mark)
    written = positions.slice(repeated)
    if written is None or written != positions.slice(_span(kept.start_mark, kept.end_mark)):
        return None
    edit = _remove_entry(positions, finding.span, repeated, flow)
    if edit is None:
        return None
    return Fix(SAFE, f"remove the repeated '{key.value}', whose value is the kept one's", (edit,))


# A file with many repeated keys asks for a fix per finding: compose it and index its repeats
# once (the text's hash is cached by the string, so a look-up costs no pass over it).
@functools.lru_cache(maxsize=2)
def _repeated_keys(text: str) -> dict[Span, tuple[Any, Any, Any, bool]]:
    """Each repeated key's span -> (key node, its value, the value kept before it, flow style)."""
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    repeats: dict[Span, tuple[Any, Any, Any, bool]] = {}
    for mapping in _mappings(root) if root is not None else ():
        first: dict[Any, Any] = {}
        for key, value in mapping.value:
            kept = first.setdefault(key.value, value) if isinstance(key.value, str) else value
            if kept is not value:
                repeats[_span(key.start_mark, key.end_mark)] = (key, value, kept, bool(mapping.flow_style))
    return repeats


def _remove_entry(positions: Positions, key: Span, value: Span, flow: bool) -> Edit | None:
    if not flow:
        return remove_block_lines(positions, key, value)
    start, end = positions.offsets(key), positions.offsets(value)
    if start is None or end is None or not positions.text[:start[0]].rstrip().endswith(","):
        return None  # the first entry of a flow mapping cannot be the repeated one
    return remove_item(positions, start[0], end[1])
