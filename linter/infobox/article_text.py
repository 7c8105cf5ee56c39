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
from linter.rules.no_infobox import SLUG as NO_INFOBOX

_TITLE = re.compile(r"^=\s*(.+?)\s*=\s*$")
_HEADING = re.compile(r"^==+\s*(.+?)\s*==+\s*$")
_FIELD = re.compile(r"^-\s*([A-Za-z][A-Za-z _]*?\d*)\s*:\s?(.*)$")
_LIST_ITEM = re.compile(r"^-\s*(.+?)\s*$")
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


def load_article_text(doc: Document) -> None:
    lines = doc.text.splitlines()
    box = Infobox()
    in_infobox = False
    section = ""
    title = ""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        if heading:
            section, in_infobox = heading.group(1).casefold(), False
            continue
        titled = _TITLE.match(stripped)
        if titled and not title:
            title = titled.group(1)
            continue
        if stripped.casefold() == "infobox":
            in_infobox = True
            box.span = Span(number, 1, number, len(line) + 1)
            continue
        field = _FIELD.match(line)
        if in_infobox and field:
            key = field.group(1).replace(" ", "").replace("_", "").casefold()
            key_span = Span(number, field.start(1) + 1, number, field.end(1) + 1)
            value_column = field.start(2) + 1
            value = field.group(2).rstrip()
            if key not in _KNOWN and not _SPLIT.fullmatch(key):
                doc.problems.append(unknown_parameter(field.group(1), key_span, "the article-text infobox"))
                continue
            items = (_split(value, number, value_column) if _SPLIT.fullmatch(key)
                     else [Item(value.strip(), Span(number, value_column, number, value_column + len(value)))])
            box.params[key] = [item for item in items if item.text]
            box.name_spans[key] = key_span
            box.names[key] = field.group(1).strip()
            box.value_spans[key] = Span(number, value_column, number, value_column + len(value))
            continue
        if stripped and in_infobox and not field:
            in_infobox = False
        item = _LIST_ITEM.match(stripped)
        if item and section in ("see also", "see_also"):
            column = line.index(item.group(1)) + 1
            box.params.setdefault("see also", []).append(
                Item(item.group(1), Span(number, column, number, column + len(item.group(1)))))
    if not box.params:
        doc.problems.append(Hit("no 'Infobox' block of '- Key: Value' lines in this file: nothing to check",
                                span=Span(1, 1, 1, 1), rule=NO_INFOBOX))
        return
    if "conflict" not in box.params and title:
        box.params["conflict"] = [Item(title, Span(1, 1, 1, 1))]
    build(box, doc, {"file": doc.path, "format": "article-text"})
