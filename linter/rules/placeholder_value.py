"""A placeholder ("None", "N/A", "TBD", "?") stands beside real values, or "N/A" anywhere.

## What it does
Looks at every text value of a record. It reports a placeholder that stands as one item
among real ones: in a list (`units: [National Guard, None]`), after a side's real casualty
figures, or after real items of a comma-separated text (`"9 killed, 8 injured, None"`); and
"N/A" wherever it appears. The infobox guidance allows "unknown" and "none" as a whole value;
those are not reported, nor is a placeholder that comes first and so stands for what the
items after it leave out ("unknown, 3 tanks destroyed": the losses in men are unknown;
"Unknown, but heavy").

## Why is this bad
A stray "None" beside "9 killed" reads as if a further category had no casualties, or as
if the figure were disputed; the reader cannot tell which. "N/A" says nothing a reader can
use: either the figure is unknown, or there were none.

## Example
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: 9, sources: [afp]}
      other:
        - text: None
```

## Use instead
```yaml
sides:
  - combatants: [Niger]
    casualties:
      killed: {count: 9, sources: [afp]}
```

## Fix
Unsafe: removes a stray placeholder written after a real item of the same value, with the
separator before it (`9 killed, 8 injured, None` becomes `9 killed, 8 injured`; `[Niger, None]`
becomes `[Niger]`), in records, wikitext and article text; in a record, an `other` entry
holding only the placeholder goes too (with the `other` key when it was the only entry). It is
unsafe because the placeholder may stand for a figure the author meant to give.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from linter.edits import (
    UNSAFE,
    Edit,
    Fix,
    Positions,
    positions_of,
    remove_block_lines,
    remove_item,
    remove_json_element,
)
from linter.findings import Finding, Severity
from linter.lazy_regex import compile_lazily
from linter.limits import for_matching
from linter.model.document import Document, Hit, child_pointer
from linter.model.wording import fix, subject
from linter.records import PLACEHOLDER_KEYS, mapping, sequence, sides
from linter.rules.base import Context
from linter.vocabulary import is_never_allowed, is_placeholder

CODE = "CL007"
SLUG = "placeholder-value"
SEVERITY = Severity.WARNING
FIX = UNSAFE

# ", " separates items, but "1,400" is one number: split only where no digit follows.
# No whitespace in the pattern: "\s*" around a separator is quadratic on long blank runs.
_ITEM_SEPARATOR = compile_lazily(r"[;\n]|,(?!\d)")


def _candidates(value: Any, path: tuple, found: list) -> list[tuple[tuple, str, list | None]]:
    """(path of keys and indexes, text, enclosing list or None) for every string below value
    that is a placeholder or holds several items: only those can be or hold a stray one.

    Paths, not pointers: a record has a few hundred strings and only a stray one needs its pointer.
    """
    items: Iterable[tuple[Any, Any]]
    if isinstance(value, dict):
        items, siblings = value.items(), None
    elif isinstance(value, list):
        items, siblings = enumerate(value), value
    else:
        return found
    for key, item in items:
        if isinstance(item, str):
            if "," in item or ";" in item or "\n" in item or is_placeholder(item):
                found.append(((*path, key), item, siblings))
        elif isinstance(item, (dict, list)):
            _candidates(item, (*path, key), found)
    return found


def _pointer(path: tuple) -> str:
    pointer = ""
    for token in path:
        pointer = child_pointer(pointer, token)
    return pointer


def _stray_items(text: str) -> list[str]:
    """Placeholders that follow a real item of the text."""
    items = [item.strip() for item in _ITEM_SEPARATOR.split(for_matching(text)) if item.strip()]
    strays, after_real = [], False
    for item in items:
        if not is_placeholder(item):
            after_real = True
        elif after_real:
            strays.append(item)
    return strays


def _stray_figures(doc: Document, record: dict) -> Iterator[tuple[str, str]]:
    """Figures whose whole text is a placeholder, written after a real figure of the same casualty block."""
    blocks = [(f"{pointer}/casualties", side.get("casualties")) for _, pointer, side in sides(record)]
    blocks.append(("/other_casualties", record.get("other_casualties")))
    for pointer, block in blocks:
        block = mapping(block)
        others = sequence(block.get("other"))
        entries = [(f"{pointer}/other/{i}", mapping(f)) for i, f in enumerate(others)]
        placeholders = [(p, f["text"]) for p, f in entries if f.keys() <= PLACEHOLDER_KEYS
                        and isinstance(f.get("text"), str) and is_placeholder(f["text"])]
        if not placeholders:
            continue
        real = [f"{pointer}/{key}" for key, value in block.items() if key != "other" and isinstance(value, dict)]
        real += [p for p, f in entries if not (isinstance(f.get("text"), str) and is_placeholder(f["text"]))]
        first_real = min((doc.span_of(p)[:2] for p in real), default=None)
        for figure_pointer, text in placeholders:
            if first_real is not None and first_real < doc.span_of(figure_pointer)[:2]:
                yield f"{figure_pointer}/text", text


def check(doc: Document, context: Context) -> Iterator[Hit]:
    record = doc.record
    if record is None:
        return
    reported: set[str] = set()
    for pointer, text in _stray_figures(doc, record):
        reported.add(pointer)
        yield Hit(f"stray placeholder '{text}' beside real figures: remove it, or give the figure "
                  "it stands for", pointer=pointer)
    for path, text, siblings in _candidates(record, (), []):
        # Most candidates hold no stray item: the pointer is worked out for those that do.
        if is_never_allowed(text):
            pointer = _pointer(path)
            if pointer not in reported:
                yield Hit(f"{subject(doc, pointer, repr(text.strip()))} says nothing a reader can use: write "
                          "'unknown', " + fix(doc, "'none', or leave the field out",
                                              "'none', or leave the parameter out"), pointer=pointer)
        elif siblings is not None and is_placeholder(text):
            if any(isinstance(s, str) and not is_placeholder(s) for s in siblings):
                pointer = _pointer(path)
                if pointer not in reported:
                    yield Hit(f"stray placeholder '{text}' in a list of real values: remove it", pointer=pointer)
        else:
            strays = _stray_items(text)
            if strays and (pointer := _pointer(path)) not in reported:
                for item in strays:
                    yield Hit(f"stray placeholder '{item}' among the items of '{text}': remove it", pointer=pointer)


def repair(doc: Document, finding: Finding) -> Fix | None:
    """Remove the placeholder the finding stands on, if it follows an item on its value."""
    if not finding.message.startswith("stray placeholder"):
        return None
    positions = positions_of(doc.text)
    found = positions.offsets(finding.span)
    if found is None:
        return None
    start, end = found
    written = doc.text[start:end]
    if written[:1] in "'\"" and written[-1:] == written[:1]:  # a quoted YAML item: the quotes go too
        written = written[1:-1]
    if not is_placeholder(written):
        return None
    edit = remove_item(positions, start, end) if doc.format != "json" else None
    if edit is None and doc.format == "yaml":
        edit = _remove_yaml_entry(doc, positions, finding.pointer)
    if edit is None and doc.format == "json":
        edit = _remove_json_entry(doc, positions, finding.pointer, start, end)
    if edit is None:
        return None
    return Fix(UNSAFE, f"remove the stray placeholder '{written.strip()}'", (edit,))


def _remove_yaml_entry(doc: Document, positions: Positions, pointer: str) -> Edit | None:
    """The lines of a block-list entry holding only the placeholder (``- text: None``); with the
    list's key when it is the list's only entry and its mapping keeps other keys."""
    entry, _, _ = pointer.rpartition("/")  # .../other/N from .../other/N/text
    listing, _, _ = entry.rpartition("/")
    values = doc.value_at(listing)
    if not isinstance(values, list) or entry not in doc.value_spans:
        return None
    # A block mapping's span runs on to the next token; its last value's span ends where it does.
    inside = [span for p, span in doc.value_spans.items() if p.startswith(entry + "/")]
    end = max(inside, key=lambda span: span[2:], default=doc.value_spans[entry])
    if len(values) > 1:
        return remove_block_lines(positions, doc.value_spans[entry], end)
    owner = doc.value_at(listing.rpartition("/")[0])
    if not isinstance(owner, dict) or len(owner) < 2 or listing not in doc.key_spans:
        return None
    return remove_block_lines(positions, doc.key_spans[listing], end)


def _remove_json_entry(doc: Document, positions: Positions, pointer: str, start: int, end: int) -> Edit | None:
    """In JSON: the placeholder item of a list of names with its comma; an ``other`` entry
    holding only the placeholder (``{"text": "None"}``) with its comma, or the ``"other"``
    member when it is the list's only entry and its object keeps other members."""
    if not pointer.endswith("/text") or "/other/" not in pointer:
        return remove_json_element(positions, start, end)  # an item of a list of names
    entry = pointer[:-len("/text")]
    listing = entry.rpartition("/")[0]
    values, span = doc.value_at(listing), doc.value_spans.get(entry)
    if not isinstance(values, list) or span is None:
        return None
    if len(values) > 1:
        found = positions.offsets(span)
        return None if found is None else remove_json_element(positions, *found)
    owner = doc.value_at(listing.rpartition("/")[0])
    key, value = doc.key_spans.get(listing), doc.value_spans.get(listing)
    if not isinstance(owner, dict) or len(owner) < 2 or key is None or value is None:
        return None
    key_at, value_at = positions.offsets(key), positions.offsets(value)
    if key_at is None or value_at is None:
        return None
    return remove_json_element(positions, key_at[0], value_at[1])
