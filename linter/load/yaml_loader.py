"""Load YAML records with PyYAML's C composer, keeping the position of every node.

PyYAML's constructors lose positions and silently accept YAML 1.1 surprises, so we compose
the node graph (fast, in C when libyaml is present) and build plain values ourselves, under
YAML 1.2 core-schema typing, reporting each place where a YAML 1.1 reader would differ.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from linter.findings import Span, span_from
from linter.limits import (
    MAX_DEPTH,
    MAX_FINDINGS_PER_FILE,
    MAX_NODES,
    MAX_NUMBER_DIGITS,
    MAX_POINTER_CHARS,
)
from linter.load.hits import more_not_reported, not_a_record, too_long_number
from linter.model.document import Document, Hit, child_pointer
from linter.rules.duplicate_key import SLUG as DUPLICATE_KEY
from linter.rules.implicit_type import SLUG as IMPLICIT_TYPE
from linter.rules.limit_exceeded import SLUG as LIMIT_EXCEEDED
from linter.rules.multiple_documents import SLUG as MULTIPLE_DOCUMENTS
from linter.rules.schema_violation import SLUG as SCHEMA_VIOLATION
from linter.rules.syntax_error import SLUG as SYNTAX_ERROR
from linter.rules.unsupported_yaml import SLUG as UNSUPPORTED_YAML

_Loader: Any  # the C loader, or the Python one
try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


_BOOL_12 = {"true": True, "false": False}
_NULL_12 = {"", "~", "null"}
# A leading zero is octal to YAML 1.1 readers ("017" is 15), so it counts as a trap.
_INT_12 = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT_12 = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}

_TAG = "tag:yaml.org,2002:"
_PLAIN_DATA_TAGS = {_TAG + kind for kind in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
_MERGE_TAG = _TAG + "merge"
_STR_TAG = _TAG + "str"
_ScalarNode, _MappingNode = yaml.ScalarNode, yaml.MappingNode
_TRAP_HINTS = {
    "bool": "YAML 1.1 readers (PyYAML among them) turn it into the boolean {value}",
    "int": "YAML 1.1 readers turn it into a number",
    "float": "YAML 1.1 readers turn it into a number",
    "timestamp": "YAML readers turn it into a date object, not text",
}


class LoadLimitExceeded(Exception):
    def __init__(self, message: str, node: yaml.Node):
        super().__init__(message)
        self.node = node


def span_of_node(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return span_from((start.line + 1, start.column + 1, end.line + 1, end.column + 1))


def span_of_mark(mark: Any) -> Span:
    return Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2)


class _Builder:
    """Turns a composed node graph into plain values, recording spans and problems."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.value_spans = doc.value_spans
        self.nodes_seen = 0
        self.pointer_chars = 0
        self.duplicates = 0

    def build(self, node: yaml.Node, pointer: str, depth: int = 0) -> Any:
        self.nodes_seen += 1
        if self.nodes_seen > MAX_NODES:
            raise LoadLimitExceeded(
                f"the document expands to more than {MAX_NODES:,} values "
                "(aliases repeated many times?); a record is far smaller", node)
        if depth > MAX_DEPTH:
            raise LoadLimitExceeded(f"values are nested more than {MAX_DEPTH} levels deep", node)
        self.pointer_chars += len(pointer)
        if self.pointer_chars > MAX_POINTER_CHARS:
            raise LoadLimitExceeded(f"the paths to its values (long keys, nested deep) take more than "
                                    f"{MAX_POINTER_CHARS:,} characters", node)
        self.value_spans[pointer] = span_of_node(node)
        if node.tag not in _PLAIN_DATA_TAGS:
            # Read as plain data whatever the tag says: nothing is ever constructed from it.
            self.doc.problems.append(Hit(
                f"the tag '{node.tag.replace(_TAG, '!!')}' asks YAML readers to build a special object; "
                "a record holds only text, numbers, lists and mappings: remove the tag",
                span=span_of_node(node), rule=UNSUPPORTED_YAML))
        kind = type(node)
        # Identity of the type, not isinstance, for speed; mypy cannot narrow on it.
        if kind is _ScalarNode:
            return self._scalar(node, pointer)  # type: ignore[arg-type]
        if kind is _MappingNode:
            return self._mapping(node, pointer, depth)  # type: ignore[arg-type]
        build, depth = self.build, depth + 1
        return [build(item, f"{pointer}/{index}", depth) for index, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, pointer: str, depth: int) -> dict:
        result: dict = {}
        key_spans, build, depth = self.doc.key_spans, self.build, depth + 1
        for key_node, value_node in node.value:
            if type(key_node) is not _ScalarNode:
                self.doc.problems.append(Hit(
                    "a key must be plain text, not a list or mapping",
                    span=span_of_node(key_node), rule=SYNTAX_ERROR))
                continue
            key_span = span_of_node(key_node)
            tag = key_node.tag
            if tag == _STR_TAG:
                key = key_node.value
            elif tag == _MERGE_TAG:
                self.doc.problems.append(Hit(
                    "merge keys ('<<') are a YAML 1.1 feature that YAML 1.2 readers take as a plain key; "
                    "write the merged fields out in full", span=key_span, rule=UNSUPPORTED_YAML))
                continue
            else:
                key = self._scalar(key_node, None)
                if not isinstance(key, str):
                    key = "" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
            member = child_pointer(pointer, key)
            if member in key_spans:  # the pointer names the key, so an earlier one is a duplicate
                self.duplicates += 1
                if self.duplicates > MAX_FINDINGS_PER_FILE:
                    continue
                self.doc.problems.append(Hit(
                    f"duplicate key '{key}' (first at line {key_spans[member].line}); YAML readers keep "
                    "only the last one, so the first is silently lost: remove or merge one of them",
                    span=key_span, rule=DUPLICATE_KEY))
                continue
            key_spans[member] = key_span
            result[key] = build(value_node, member, depth)
        return result

    def _scalar(self, node: yaml.ScalarNode, pointer: str | None) -> Any:
        text, tag = node.value, node.tag
        if tag == _STR_TAG or node.style or tag not in _PLAIN_DATA_TAGS:  # style: "" or None when plain
            return text
        kind = tag[len(_TAG):]
        lowered = text.lower()
        if kind == "null" and lowered in _NULL_12:
            return None
        if kind == "bool" and lowered in _BOOL_12:
            return _BOOL_12[lowered]
        if kind == "int" and _INT_12.match(text):
            if len(text.lstrip("+-")) > MAX_NUMBER_DIGITS:
                self.doc.problems.append(too_long_number(text, span_of_node(node)))
                return text
            return int(text)
        if kind == "float":
            if lowered in _SPECIAL_FLOATS:
                return _SPECIAL_FLOATS[lowered]
            if _FLOAT_12.match(text):
                return float(text)
        if kind in _TRAP_HINTS and pointer is not None:
            meaning = _TRAP_HINTS[kind].format(value=lowered in {"yes", "y", "on"})
            self.doc.problems.append(Hit(
                f"unquoted '{text}' is read here as text, but {meaning}: "
                f"quote it (\"{text}\") so every reader agrees", pointer=pointer, rule=IMPLICIT_TYPE))
        return text


# Each nesting level needs at least one of these. The C composer copes with a few thousand
# levels (which the builder then refuses at MAX_DEPTH), so only a text with more openers than
# that needs the scan; a record has a few hundred at most, so it costs records nothing.
_NESTING_OPENERS = ("[", "{", "- ", "? ", "-\n", ":\n")
_NESTING_SCAN_THRESHOLD = 2000
# Every value but a document's root is a list item, a key or a key's value, and each list item
# or mapping entry needs one of these characters of its own, so a text holding n of them has
# at most 2n values in each of the (at most two) documents composed: fewer than MAX_NODES
# needs no count.
_ENTRY_MARKS = (":", "-", ",", "?", "[", "{")
_EVENT_NODES = (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)


def _beyond_limits(text: str) -> Hit | None:
    """The finding for where the text first nests deeper than MAX_DEPTH or holds more than
    MAX_NODES values, found without composing.

    PyYAML's C composer recurses once per level and overflows the C stack (a segmentation
    fault, not an exception) near 100,000 levels, and it builds a Python object per value, with
    a Python call to type each one (700,000 repeated keys, 3.5 MB, took 10 s to compose). So a
    deep or huge file is stopped before it is composed. Parsing events is iterative and stops at
    the first value beyond the limit; it runs only when the text holds enough openers to nest
    that deep or enough entry marks to hold that many values, which no ordinary record does.
    """
    deep = sum(text.count(opener) for opener in _NESTING_OPENERS) >= _NESTING_SCAN_THRESHOLD
    many = 2 * (sum(text.count(mark) for mark in _ENTRY_MARKS) + 1) > MAX_NODES
    if not deep and not many:
        return None
    depth = values = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, _EVENT_NODES):
                values += 1
                if values > MAX_NODES:
                    return Hit(f"the document holds more than {MAX_NODES:,} values; a record holds a few "
                               "hundred: the file is not checked further",
                               span=span_of_mark(event.start_mark), rule=LIMIT_EXCEEDED)
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return Hit(f"values are nested more than {MAX_DEPTH} levels deep; a record needs "
                               "a handful: the file is not checked further",
                               span=span_of_mark(event.start_mark), rule=SYNTAX_ERROR)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.DocumentEndEvent):
                values = 0  # each document has its own values (only the first two are composed)
    except yaml.YAMLError:
        return None  # composing reports the syntax error with its position
    return None


def load_yaml(doc: Document) -> None:
    """Fill ``doc`` from ``doc.text``: the first YAML document, its spans and its problems."""
    beyond = _beyond_limits(doc.text)
    if beyond is not None:
        doc.problems.append(beyond)
        return
    events = yaml.compose_all(doc.text, Loader=_Loader)
    try:
        root = next(events, None)
        extra = next(events, None)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        span = span_of_mark(mark) if mark else Span(1, 1, 1, 1)
        problem = error.problem or "invalid YAML"
        context = f" ({error.context})" if error.context else ""
        doc.problems.append(Hit(f"YAML syntax error: {problem}{context}", span=span, rule=SYNTAX_ERROR))
        return
    except yaml.YAMLError as error:  # reader errors (control characters) carry no problem_mark
        doc.problems.append(Hit(f"YAML error: {error}", span=Span(1, 1, 1, 1), rule=SYNTAX_ERROR))
        return
    if extra is not None:
        doc.problems.append(Hit(
            "the file holds more than one YAML document ('---'); only the first is checked: "
            "put each record in a file of its own", span=span_of_node(extra), rule=MULTIPLE_DOCUMENTS))
    if root is None:
        doc.problems.append(Hit("the file is empty: a record is a mapping of fields",
                                span=Span(1, 1, 1, 1), rule=SCHEMA_VIOLATION))
        return
    builder = _Builder(doc)
    try:
        doc.data = builder.build(root, "")
        if doc.data is None:  # "~", "null", "--- !!null": the schema is never run on no data
            doc.problems.append(not_a_record(None))
    except LoadLimitExceeded as error:
        doc.data = None
        doc.value_spans.clear()
        doc.key_spans.clear()
        doc.problems.append(Hit(f"{error}: the file is not checked further",
                                span=span_of_node(error.node), rule=SYNTAX_ERROR))
    if builder.duplicates > MAX_FINDINGS_PER_FILE:
        doc.problems.append(more_not_reported(builder.duplicates - MAX_FINDINGS_PER_FILE, "duplicate keys"))
