from __future__ import annotations

from tests.conftest import lint_text, only
from tests.rules.records import KILLED

RECORD = KILLED


def lint(figure: str):
    return only(lint_text(RECORD.format(figure=figure)), "figure-negative")


def test_negative_count_and_range_end():
    assert lint("{count: -4, sources: [g]}") == [("figure-negative", 8, 23)]
    assert lint("{min: -4, max: 5, sources: [g]}") == [("figure-negative", 8, 21)]


def test_zero_and_positive_counts():
    assert lint("{count: 0, sources: [g]}") == []
    assert lint("{text: '-4', sources: [g]}") == []
