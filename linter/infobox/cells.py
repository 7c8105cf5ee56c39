"""Split an infobox cell into the items a reader sees as separate lines, with their offsets.

Items are separated by line ends, ``<br>`` and ``<hr>``, ``*``/``#`` bullets (each on its own
line), and the entries of list templates (``{{plainlist}}``/``{{end plainlist}}``, ``{{ubl}}``,
``{{flatlist}}``, ``{{hlist}}``, ``{{collapsible list}}``...). Wrappers (``{{centre}}``,
``{{nowrap}}``, ``{{small}}``, ``<small>``, ``<center>``, bold) are looked through when they hold
such separators, so ``{{centre|{{ubl|a|b}}}}`` is two items. A line that is all bold
(``'''Personnel'''``, ``* '''Pre-war'''``, ``'''2015–2023:'''``) or a ``;`` line is a heading.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from mwparserfromhell.nodes import Comment, Tag, Template, Text

from linter.infobox.templates import KINDS, params

if TYPE_CHECKING:
    from mwparserfromhell.wikicode import Wikicode

    from linter.infobox.nodetext import NodeText

_LISTS = KINDS["list"]
_WRAPPERS = KINDS["wrapper"]
_BREAKS = KINDS["list_break"]
_QUIET = frozenset().union(*(KINDS[kind] for kind in ("note", "footnote", "no_source", "short_citation",
                                                      "page_of_ref", "named_refs", "footnote_link")))
# Where a wrapper must be opened: it holds a line end, a break or a list template.
_SPLITS = re.compile(r"\n|<\s*[bh]r\b|\{\{\s*(?:" + "|".join(re.escape(n) for n in sorted(_LISTS | _BREAKS))
                     + r")\s*[|}]", re.IGNORECASE)
_BULLET = re.compile(r"[ \t]*[*#:;]*[ \t]*")


class Segment(NamedTuple):
    nodes: list  # the nodes of the item, side by side in the file
    offset: int  # where the first of them starts
    term: int  # written as a heading: 1 for a ";" line, 2 for a line that is all bold, else 0
    raw: str  # its wikitext, as written


# Segment(...) goes through the named tuple's __new__, a Python function; this makes the same value in C.
_new_segment = functools.partial(tuple.__new__, Segment)


def segments(code: Wikicode, base: int, texts: NodeText) -> list[Segment]:
    """The items of a parameter value, each as its nodes, where they start and their wikitext."""
    splitter = _Splitter(texts)
    splitter.walk(code, base)
    splitter.flush()
    return [_new_segment((nodes, offset, _is_term(nodes, texts), raw)) for nodes, offset, raw in splitter.found]


class _Splitter:
    """One walk over a cell, cutting it into items. A class, not nested functions: a function that
    calls itself through its closure is a reference cycle, which would keep every page it read
    alive until the cycle collector came by."""

    def __init__(self, texts: NodeText):
        self.texts = texts
        self.found: list[tuple[list, int, str]] = []  # (nodes, where the first starts, their wikitext)
        self.current: list = []
        self.current_texts: list[str] = []  # the wikitext of each node of ``current``
        self.start = 0

    def add(self, node: object, position: int, text: str) -> None:
        if not self.current:
            self.start = position
        self.current.append(node)
        self.current_texts.append(text)

    def flush(self) -> None:
        if self.current:
            self.found.append((self.current, self.start, "".join(self.current_texts)))
            self.current, self.current_texts = [], []

    def walk(self, code: Wikicode, position: int) -> None:
        texts, add, flush = self.texts, self.add, self.flush
        for node in code.nodes:
            # Exact type tests, cheaper than isinstance: the parser builds these classes, never subclasses.
            if type(node) is Text:
                text = node.value
                if "\n" in text:
                    offset = position
                    for index, part in enumerate(text.split("\n")):
                        if index:
                            flush()
                        if part:
                            add(Text(part), offset, part)
                        offset += len(part) + 1
                else:
                    add(node, position, text)
            elif type(node) is Template:
                text = texts(node)
                name = texts.name(node)
                if name in _LISTS:
                    flush()
                    for param, _, value_offset in params(node, position, texts):
                        if not param.showkey:
                            self.walk(param.value, value_offset)
                            flush()
                elif name in _BREAKS:
                    flush()
                elif name in _WRAPPERS and _SPLITS.search(text):
                    values = [(p, o) for p, _, o in params(node, position, texts) if not p.showkey]
                    if values:  # {{resize|90%|text}}: the text is the last argument
                        self.walk(values[-1][0].value, values[-1][1])
                else:
                    add(node, position, text)
            elif type(node) is Tag:
                text = texts(node)
                tag = texts.tag(node)
                if tag in ("br", "hr"):
                    flush()
                elif node.contents is not None and tag != "ref" and _SPLITS.search(texts(node.contents)):
                    inner = text.find(texts(node.contents), len(texts(node.tag)) + 1)
                    self.walk(node.contents, position + max(inner, 0))
                else:
                    add(node, position, text)
            else:
                text = texts(node)
                add(node, position, text)
            position += len(text)


def _is_term(nodes: list, texts: NodeText) -> int:
    """1 for a ";" line, 2 for a line whose only text is bold (a bold "Germany:", "* " and a bold
    "Pre-war"), else 0."""
    if texts(nodes[0]).lstrip().startswith(";"):
        return 1
    bold = False
    for node in nodes:
        if type(node) is Comment:
            continue
        if type(node) is Text:
            rest = node.value.strip()
            if not rest or (not bold and _BULLET.fullmatch(node.value)) or (bold and rest == ":"):
                continue
            return 0
        if type(node) is Tag:
            tag = texts.tag(node)
            if tag == "ref" or (tag in ("li", "dd") and not bold):  # a bullet, parsed as a list item
                continue
            if tag == "b" and not bold and node.contents is not None and texts(node.contents).strip():
                bold = True
                continue
            return 0
        if type(node) is Template and texts.name(node) in _QUIET:
            continue
        return 0
    return 2 if bold else 0


def lead_length(raw: str) -> int:
    """How many leading characters of an item are bullets and spaces, not its text."""
    return len(raw) - len(raw.lstrip(" \t*#:;"))


_SMALL = frozenset({"small", "smaller", "resize"})


def is_small(nodes: list, texts: NodeText) -> bool:
    """Whether an item is all small print (``<small>...</small>``, ``{{small|...}}``), besides
    blanks and citations: a note on the line above, as a reader sees it."""
    small = False
    for node in nodes:
        if type(node) is Text:
            if node.value.strip():
                return False
        elif type(node) is Tag:
            tag = texts.tag(node)
            if tag == "small" and node.contents is not None:
                small = small or bool(texts(node.contents).strip())
            elif tag != "ref":
                return False
        elif type(node) is Template:
            name = texts.name(node)
            if name in _SMALL:
                small = True
            elif name not in _QUIET:
                return False
        elif type(node) is not Comment:
            return False
    return small
