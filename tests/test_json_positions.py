"""JSON positions come from the JSON text itself: right whatever escapes and characters it holds."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.api import load_text
from linter.findings import Span

# Characters that once threw positions off: astral ones (escaped as surrogate pairs by
# ensure_ascii), DEL, the Unicode line separators, NEL, a BOM, quotes and backslashes.
_TRICKY = "\U0001F600\U00010348\x7f\u2028\u2029\x85\ufeff\"\\/\t\n\r~é"
texts = st.text(st.sampled_from(_TRICKY) | st.characters(blacklist_categories=("Cs",)), max_size=12)
scalars = (
    st.none() | st.booleans() | st.integers(-(10**9), 10**9) | st.floats(allow_nan=False, allow_infinity=False) | texts
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4), max_leaves=25
)
records = st.dictionaries(texts, values, max_size=6)

_BREAK = re.compile(r"\r\n|\r|\n")


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [match.end() for match in _BREAK.finditer(text)]
    return starts[line - 1] + column - 1


def _written(record: dict, ensure_ascii: bool, indent: int | None, newline: str) -> str:
    # Line breaks stand only between tokens (strings escape theirs), so replacing them is safe.
    return json.dumps(record, ensure_ascii=ensure_ascii, indent=indent).replace("\n", newline)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records, indent=st.sampled_from([None, 0, 2]), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_positions_do_not_depend_on_escaping_and_point_at_each_value(record, indent, newline):
    ascii_doc = load_text(_written(record, True, indent, newline), "record.json")
    raw_doc = load_text(_written(record, False, indent, newline), "record.json")
    assert not ascii_doc.problems and not raw_doc.problems
    assert ascii_doc.data == raw_doc.data == record
    for kind in ("value_spans", "key_spans"):
        ascii_spans, raw_spans = getattr(ascii_doc, kind), getattr(raw_doc, kind)
        assert ascii_spans.keys() == raw_spans.keys()
        for pointer, span in ascii_spans.items():
            assert span.line == raw_spans[pointer].line
            # Written one value a line, a value's column moves only with escapes of its own key.
            if indent is not None and pointer.isascii() and "\x7f" not in pointer:
                assert span.column == raw_spans[pointer].column
    decoder = json.JSONDecoder()
    for doc in (ascii_doc, raw_doc):
        for pointer, span in doc.value_spans.items():
            value, end = decoder.raw_decode(doc.text, _offset(doc.text, span.line, span.column))
            assert value == doc.value_at(pointer)
            assert end == _offset(doc.text, span.end_line, span.end_column)
        for pointer, span in doc.key_spans.items():
            key, _ = decoder.raw_decode(doc.text, _offset(doc.text, span.line, span.column))
            assert pointer.rsplit("/", 1)[1] == key.replace("~", "~0").replace("/", "~1")


@pytest.mark.parametrize(
    "text, pointer, span",
    [
        # ensure_ascii writes an astral character as two escapes: twelve columns, not one
        ('{"a": "\\ud83d\\ude00", "b": 1}', "/b", Span(1, 28, 1, 29)),
        ('{"a": "\U0001f600", "b": 1}', "/b", Span(1, 17, 1, 18)),
        # a raw DEL, which YAML readers refuse, is valid JSON
        ('{"a": "\x7f",\n "b": 1}', "/b", Span(2, 7, 2, 8)),
        # a raw U+2028 inside a string breaks no line
        ('{"a": "x\u2028y",\n "b": 1}', "/b", Span(2, 7, 2, 8)),
        ('{"a": 1,\r "b": [true, null]}', "/b/1", Span(2, 14, 2, 18)),
        ('{"a\\u0041": 1}', "/aA", Span(1, 13, 1, 14)),
        ('{"a/b~": 1}', "/a~1b~0", Span(1, 10, 1, 11)),
    ],
)
def test_positions_in_texts_a_yaml_reader_got_wrong(text, pointer, span):
    doc = load_text(text, "record.json")
    assert not doc.problems
    assert doc.span_of(pointer) == span


def test_a_later_duplicate_key_wins_and_is_reported_where_it_stands():
    doc = load_text('{"id": {"x": 1},\n "id": "b"}', "record.json")
    assert doc.data == {"id": "b"}
    assert doc.span_of("/id") == Span(2, 8, 2, 11)
    assert "/id/x" not in doc.value_spans
    assert [(hit.rule, hit.span) for hit in doc.problems] == [("duplicate-key", Span(2, 2, 2, 6))]


def test_findings_after_a_line_separator_keep_their_line(tmp_path):
    from linter.api import lint_text
    from tests.conftest import codes_at

    text = '{"id": "x", "conflict": "A\u2028B",\n "victor": "y"}'
    assert ("unknown-field", 2, 2) in codes_at(lint_text(text, "record.json"))


def test_syntax_errors_count_carriage_returns_as_line_breaks():
    doc = load_text('{"a": 1,\r"b": }', "record.json")
    assert [(hit.rule, hit.span.line, hit.span.column) for hit in doc.problems] == [("syntax-error", 2, 6)]
