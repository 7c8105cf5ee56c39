"""What every infobox reader produces: parameters as items with their spans and citations."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

from linter.findings import FILE_START, Span


class Item(NamedTuple):  # not a frozen dataclass: some thirty a page, and a tuple is made in a third of the time
    """One entry of a parameter (a line, a list item): its plain text, where it stands, what cites it.
    Read-only: one read as written is shared, and ``item._replace(text=...)`` makes a changed copy."""

    text: str
    span: Span
    sources: tuple[str, ...] = ()
    link: str | None = None  # the first link's target, which names a record better than its label
    term: bool = False  # written as a heading (";Japanese", a bold line): a heading over the items below
    heading: str = ""  # the heading the item stands under in its cell, already before its text
    level: int = 0  # as a heading: 1 for a ";" term, 2 for a bold line
    links: tuple[str, ...] = ()  # the targets of all its links, in order
    parameter: str = ""  # the parameter it was written in, when several fill one field (combatant2a)
    category: str = ""  # the casualty category its parameter names ("fatalities" is killed), if any
    unsourced_marked: bool = False  # it carries {{citation needed}}
    small: bool = False  # written all in small print (<small>, {{small}}): a note on the figure above
    bullet: bool = False  # written as a "*" or "#" list item
    remarks: tuple[str, ...] = ()  # bracketed notes beside a party, left out of its name ("20–23 August")
    labels: tuple[tuple[str, str], ...] = ()  # (the text shown, the target) of each of its links, in order


@dataclass
class Infobox:
    """One infobox: parameters by name (lower case), each a list of items, plus its citations."""

    params: dict[str, list[Item]] = field(default_factory=dict)
    name_spans: dict[str, Span] = field(default_factory=dict)
    value_spans: dict[str, Span] = field(default_factory=dict)
    sources: dict[str, dict] = field(default_factory=dict)
    span: Span = FILE_START
    index: int = 1
    coordinates: tuple[float, float] | None = None
    form: str = "conflict"  # "conflict" or "attack": which template it was
    names: dict[str, str] = field(default_factory=dict)  # record key -> the parameter as written
    # parameters whose value the reader found unreadable and has reported (a {{Start date}} with
    # month 13): their field is left out of the record, and not reported again as missing
    malformed: set[str] = field(default_factory=set)

    def text(self, name: str, joiner: str = ", ") -> str:
        return joiner.join(item.text for item in self.params.get(name, ()) if item.text)


# Span(...) goes through the named tuple's __new__, a Python function; this makes the same value in C.
_new_span = functools.partial(tuple.__new__, Span)


class LineIndex:
    """Offsets into a text as 1-based (line, column), counting \\r\\n, \\r and \\n as line ends."""

    def __init__(self, text: str):
        if "\r" in text:
            self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        else:  # most pages: each line starts one past the end of the line before, summed in C
            self.starts = list(accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        # position() twice, written out: a reader asks for some seventy spans a page
        starts = self.starts
        line = bisect.bisect_right(starts, start) - 1
        end_line = bisect.bisect_right(starts, end) - 1
        return _new_span((line + 1, start - starts[line] + 1, end_line + 1, end - starts[end_line] + 1))
