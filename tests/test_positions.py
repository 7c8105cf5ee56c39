"""Every value and key keeps its 1-based line and column, in YAML and in JSON."""

from __future__ import annotations

from linter.api import load_text
from linter.findings import Span

YAML_RECORD = """\
id: x
sides:
  - combatants: [Niger, France]
    casualties:
      killed: {count: 9}
"""

JSON_RECORD = """\
{
  "id": "x",
  "sides": [
    {"combatants": ["Niger", "France"],
     "casualties": {"killed": {"count": 9}}}
  ]
}
"""


def test_yaml_value_and_key_positions():
    doc = load_text(YAML_RECORD)
    assert doc.data["sides"][0]["combatants"] == ["Niger", "France"]
    assert doc.span_of("/id") == Span(1, 5, 1, 6)
    assert doc.span_of("/sides/0/combatants/1") == Span(3, 25, 3, 31)
    assert doc.span_of("/sides/0/casualties/killed/count") == Span(5, 23, 5, 24)
    assert doc.span_of("/sides/0/casualties", at_key=True) == Span(4, 5, 4, 15)


def test_json_value_and_key_positions():
    doc = load_text(JSON_RECORD, "record.json")
    assert doc.data["sides"][0]["casualties"]["killed"]["count"] == 9
    assert doc.span_of("/id") == Span(2, 9, 2, 12)
    assert doc.span_of("/sides/0/combatants/1") == Span(4, 30, 4, 38)
    assert doc.span_of("/sides/0/casualties/killed/count", at_key=False).line == 5
    assert doc.span_of("/sides/0/casualties", at_key=True) == Span(5, 6, 5, 18)


def test_missing_pointer_falls_back_to_nearest_parent():
    doc = load_text(YAML_RECORD)
    assert doc.span_of("/sides/0/strength/3") == doc.span_of("/sides/0")
    assert doc.span_of("/nothing/here") == doc.span_of("")


def test_text_range_points_inside_a_value():
    doc = load_text('result: {text: "Franco-Nigerien victory"}\n')
    assert doc.span_within("/result/text", 7, 15) == Span(1, 24, 1, 32)


def test_text_range_falls_back_to_value_when_not_verbatim():
    doc = load_text('result: {text: "Franco-\\u004eigerien victory"}\n')
    assert doc.span_within("/result/text", 7, 15) == doc.span_of("/result/text")
