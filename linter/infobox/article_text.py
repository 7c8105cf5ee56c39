"""Load "article text" documents: a `= Title =`, an `Infobox` block of `- Key: Value` lines,
prose sections, and a `==See Also==` list.

In a value, ", " separates items, but a comma directly followed by digits is a thousands
separator ("c. 1,400"). The format has no citation syntax, so its figures carry no sources.
"""

from __future__ import annotations

import re

from linter.findings import Span
from linter.infobox.items import Infobox, Item
from linter.infobox.record import build, unknown_parameter
from linter.markup import SIDE_PARAMETER
from linter.model.document import Document, Hit
from linter.rules.duplicate_key import SLUG as DUPLICATE_KEY
from linter.rules.duplicate_key import repeated_line_fix
from linter.rules.no_infobox import SLUG as NO_INFOBOX

# Lines are read with string methods, not patterns such as r"^==+\s*(.+?)\s*==+\s*$": a lazy
# group between runs of blanks backtracks, and a hostile line of a few kilobytes took minutes.
_KEY = re.compile(r"[A-Za-z][A-Za-z _]*\d*")
_ITEM_SEPARATOR = re.compile(r",(?!\d)")
_KNOWN = {"conflict", "partof", "date", "place", "result", "status", "territory", "coordinates", "notes"}
_SPLIT = re.compile(rf"{SIDE_PARAMETER}|partof")


def _split(value: str, line: int, column: int) -> list[Item]:
    items, start = [], 0
    for match in [*_ITEM_SEPARATOR.finditer(value), None]:
        end = match.start() if match else len(value)
        raw = value[start:end]
        text = raw.strip()
        if text:
            first = column + start + (len(raw) - len(raw.lstrip()))
            items.append(Item(text, Span(line, first, line, first + len(text))))
        start = match.end() if match else start
    return items


def _heading(stripped: str) -> str | None:
    """The text of a "== Heading ==" line (already stripped), or None."""
    lead = len(stripped) - len(stripped.lstrip("="))
    trail = len(stripped) - len(stripped.rstrip("="))
    if lead < 2 or trail < 2 or lead + trail >= len(stripped):
        return None
    return stripped[lead:len(stripped) - trail].strip() or None


def _title(stripped: str) -> str | None:
    """The text of a "= Title =" line (already stripped), or None."""
    if len(stripped) < 3 or stripped[0] != "=" or stripped[-1] != "=":
        return None
    return stripped[1:-1].strip() or None


def _field(line: str) -> tuple[str, int, str, int] | None:
    """(key, its offset, value, its offset) of a "- Key: Value" line, or None."""
    colon = line.find(":")
    if not line.startswith("-") or colon < 0:
        return None
    head = line[1:colon]
    key = head.strip()
    if not _KEY.fullmatch(key):
        return None
    value_start = colon + 1 + (line[colon + 1:colon + 2].isspace())
    return key, 1 + len(head) - len(head.lstrip()), line[value_start:], value_start


def _list_item(stripped: str) -> str | None:
    return stripped[1:].strip() or None if stripped.startswith("-") else None


def load_article_text(doc: Document) -> None:
    lines = doc.text.splitlines()
    box = Infobox()
    given: dict[str, str] = {}  # each key read, with its value as written, to tell a repeat
    in_infobox = False
    section = ""
    title = ""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        heading = _heading(stripped)
        if heading:
            section, in_infobox = heading.casefold(), False
            continue
        if not title and _title(stripped):
            title = _title(stripped) or ""
            continue
        if stripped.casefold() == "infobox":
            in_infobox = True
            box.span = Span(number, 1, number, len(line) + 1)
            continue
        field = _field(line)
        if in_infobox and field:
            written, key_start, value, value_start = field
            key = written.replace(" ", "").replace("_", "").casefold()
            key_span = Span(number, key_start + 1, number, key_start + len(written) + 1)
            value_column = value_start + 1
            value = value.rstrip()
            if key not in _KNOWN and not _SPLIT.fullmatch(key):
                doc.problems.append(unknown_parameter(written, key_span, "the article-text infobox"))
                continue
            if key in box.name_spans:
                first = box.name_spans[key]
                # the same value again: dropping this line changes nothing the reader takes
                same = value.strip() == given.get(key)
                doc.problems.append(Hit(
                    f"'{written}' is given twice (first on line {first.line}); only this last value is "
                    "read and the first is dropped silently: remove one", span=key_span, rule=DUPLICATE_KEY,
                    fix=repeated_line_fix(doc.text, number, written) if same else None))
            given[key] = value.strip()
            items = (_split(value, number, value_column) if _SPLIT.fullmatch(key)
                     else [Item(value.strip(), Span(number, value_column, number, value_column + len(value)))])
            box.params[key] = [item for item in items if item.text]
            box.name_spans[key] = key_span
            box.names[key] = written
            box.value_spans[key] = Span(number, value_column, number, value_column + len(value))
            continue
        if stripped and in_infobox and not field:
            in_infobox = False
        item = _list_item(stripped)
        if item and section in ("see also", "see_also"):
            column = line.index(item) + 1
            box.params.setdefault("see also", []).append(Item(item, Span(number, column, number, column + len(item))))
    if not box.params:
        doc.problems.append(Hit("no 'Infobox' block of '- Key: Value' lines in this file: nothing to check",
                                span=Span(1, 1, 1, 1), rule=NO_INFOBOX))
        return
    if "conflict" not in box.params and title:
        box.params["conflict"] = [Item(title, Span(1, 1, 1, 1))]
    build(box, doc, {"file": doc.path, "format": "article-text"})
