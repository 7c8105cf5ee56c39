from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linter.figure_text import text_ranges
from tests.conftest import lint_text, only

RECORD = """
id: a
conflict: A
date: {{start: "1900"}}
result: {{text: Inconclusive}}
sides:
  - combatants: [France]
    strength:
      - {figure}
  - combatants: [Prussia]
sources:
  g: {{publisher: G}}
"""


def lint(figure: str):
    return only(lint_text(RECORD.format(figure=figure)), "range-inverted")


def test_min_above_max():
    assert lint("{min: 1200, max: 800, sources: [g]}") == [("range-inverted", 8, 15)]


def test_low_best_high_out_of_order():
    assert lint("{low: 10, best: 30, high: 20, sources: [g]}") == [("range-inverted", 8, 15)]
    assert lint("{low: 10, best: 20, high: 20, sources: [g]}") == []


def test_text_range_high_to_low_points_at_the_range():
    assert lint('{text: "1,200-800 men", sources: [g]}') == [("range-inverted", 8, 17)]
    assert lint('{text: "c. 300 to 250", sources: [g]}') == [("range-inverted", 8, 20)]


def test_rising_ranges_and_thousands_separators_are_fine():
    assert lint('{text: "800-1,200", sources: [g]}') == []
    assert lint('{text: "1,200-1,800", sources: [g]}') == []


def test_page_ranges_and_dates_inside_citations_are_not_ranges():
    assert lint("""{text: "300<ref>Smith, pp. 45-12</ref>", sources: [g]}""") == []
    assert lint("""{text: "300{{sfn|Smith|2004|p=45-12}}", sources: [g]}""") == []
    assert lint("""{text: "300 (as of 12-3 May)", sources: [g]}""") == []


def test_year_spans_and_dates_are_not_ranges():
    assert lint('{text: "1,500 (1939-45)", sources: [g]}') == []
    assert lint('{text: "1,500 in 1914-1918", sources: [g]}') == []
    assert lint('{text: "300 by 2020-03-12", sources: [g]}') == []


@given(st.text(max_size=60))
def test_text_ranges_never_crash(text):
    for _low, _high, start, end in text_ranges(text):
        assert 0 <= start < end <= len(text)


def test_dates_in_casualty_text_are_not_ranges():
    assert lint('{text: "1,928 from 9 December 1940 – 9 February 1941", sources: [g]}') == []
    assert lint('{text: "117,870 (October 1944–8 May 1945)", sources: [g]}') == []
    assert lint('{text: "117,870 in October 1944–8 May 1945", sources: [g]}') == []


def test_page_ranges_and_isbns_outside_citations_are_not_ranges():
    assert lint('{text: "200,000 (Lanning 2009, 195–96)", sources: [g]}') == []
    assert lint('{text: "200,000, Lanning pp. 295-196", sources: [g]}') == []
    assert lint('{text: "200,000 isbn 978-1-874800-49-1", sources: [g]}') == []
    assert lint('{text: "2259-60 captured", sources: [g]}') == []


def test_odds_are_not_ranges():
    assert lint('{text: "300, outnumbered 3 to 1", sources: [g]}') == []
