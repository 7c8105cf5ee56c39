from __future__ import annotations

from tests.conftest import lint_text, only
from tests.rules.records import KILLED

RECORD = KILLED


def lint(figure: str):
    return only(lint_text(RECORD.format(figure=figure)), "figure-unsourced")


def test_figure_without_sources_and_with_an_unlisted_source():
    assert lint("{count: 4}") == [("figure-unsourced", 8, 15)]
    assert lint("{count: 4, sources: [g, h]}") == [("figure-unsourced", 8, 39)]


def test_sourced_figures_and_whole_placeholders():
    assert lint("{count: 4, sources: [g]}") == []
    assert lint("{text: unknown}") == []
