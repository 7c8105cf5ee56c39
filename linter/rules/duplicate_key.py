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
Safe: removes a repeated key whose value is written exactly as the other one's, so the data
read is the same. In YAML (`text: Nigerien victory` twice) the entry goes with any comment on
its lines; in JSON, `, "key": value` (string, number, `true`, `false` or `null` values); in
wikitext, the repeated `| name = value` (MediaWiki shows the last, which reads as the first);
in article text, the repeated `- Name: value` line.
Keys with different values are left for a person: which one is right is not a matter of form.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from linter.edits import (
    SAFE,
    Edit,
    Fix,
    Positions,
    positions_of,
    remove_block_lines,
    remove_item,
    remove_json_element,
)
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
    if doc.format == "json":
        return _json_repair(doc.text, finding.span)
    if doc.format != "yaml":
        return None  # the wikitext reader attaches its fix as it finds the repeat
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
    """Each repeated key's span -> (key node, its value, the value of the same key before it,
    flow style): with this one removed, that one is the value a reader keeps."""
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    repeats: dict[Span, tuple[Any, Any, Any, bool]] = {}
    for mapping in _mappings(root) if root is not None else ():
        previous: dict[Any, Any] = {}
        for key, value in mapping.value:
            if not isinstance(key.value, str):
                continue
            if key.value in previous:
                repeats[_span(key.start_mark, key.end_mark)] = (key, value, previous[key.value],
                                                                bool(mapping.flow_style))
            previous[key.value] = value
    return repeats


def _remove_entry(positions: Positions, key: Span, value: Span, flow: bool) -> Edit | None:
    if not flow:
        return remove_block_lines(positions, key, value)
    start, end = positions.offsets(key), positions.offsets(value)
    if start is None or end is None or not positions.text[:start[0]].rstrip().endswith(","):
        return None  # the first entry of a flow mapping cannot be the repeated one
    return remove_item(positions, start[0], end[1])


def _json_value_end(text: str, start: int) -> int | None:
    """Where the scalar value (string, number or literal) starting at ``start`` ends; None for
    an object or array, whose repeat is left to a person."""
    import json.decoder

    from linter.load.json_positions import SCALAR

    if text[start:start + 1] == '"':
        return json.decoder.scanstring(text, start + 1)[1]  # type: ignore[attr-defined]
    match = SCALAR.match(text, start)
    return match.end() if match else None


def _json_member(text: str, positions: Positions, key: Span) -> tuple[int, int, str] | None:
    """(key start, value end, the value as written) of the member whose key stands at ``key``."""
    found = positions.offsets(key)
    if found is None:
        return None
    colon = found[1] + len(text[found[1]:]) - len(text[found[1]:].lstrip(" \t\r\n"))
    if text[colon:colon + 1] != ":":
        return None
    value = colon + 1 + len(text[colon + 1:]) - len(text[colon + 1:].lstrip(" \t\r\n"))
    end = _json_value_end(text, value)
    return None if end is None else (found[0], end, text[value:end])


@functools.lru_cache(maxsize=2)
def _json_repeats(text: str) -> dict[Span, Span]:
    """Each repeated key's span -> the span of the first key of that name in its object."""
    from linter.load.json_positions import TooManyPointerChars, scan_positions

    try:
        return {d.span: d.first for d in scan_positions(text).duplicates}
    except (TooManyPointerChars, ValueError, IndexError):
        return {}


def _json_repair(text: str, key: Span) -> Fix | None:
    first = _json_repeats(text).get(key)
    if first is None:
        return None
    positions = positions_of(text)
    repeated, kept = _json_member(text, positions, key), _json_member(text, positions, first)
    if repeated is None or kept is None or repeated[2] != kept[2]:
        return None
    edit = remove_json_element(positions, repeated[0], repeated[1])
    if edit is None:
        return None
    return Fix(SAFE, f"remove the repeated {positions.slice(key)}, whose value is the kept one's", (edit,))


def repeated_parameter_fix(text: str, bar: int, end: int, name: str) -> Fix | None:
    """The fix removing a wikitext parameter given again with the value of the one before it:
    ``[bar, end)`` is the parameter from its '|' to the next '|' or the closing braces, so the
    parameters around it keep their text and layout. The reader, which knows both values, asks
    for it only when they read alike."""
    if text[bar:bar + 1] != "|" or end <= bar:
        return None
    return Fix(SAFE, f"remove the repeated '{name}', whose value is the kept one's",
               (Edit(positions_of(text).span(bar, end), ""),))


def repeated_line_fix(text: str, line: int, name: str) -> Fix | None:
    """The fix removing line ``line`` (with its line end), where article text gives a field
    again with the value of the one before it; the reader asks only when they read alike."""
    from linter.edits import AMBIGUOUS_BREAKS

    if AMBIGUOUS_BREAKS.search(text):
        return None  # the reader's line count (str.splitlines) is not the edits' one
    positions = positions_of(text)
    if not 1 <= line <= len(positions.starts):
        return None
    end = positions.starts[line] if line < len(positions.starts) else len(text)
    return Fix(SAFE, f"remove the repeated '{name}', whose value is the kept one's",
               (Edit(positions.span(positions.starts[line - 1], end), ""),))
