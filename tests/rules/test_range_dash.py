from __future__ import annotations

import pytest

from linter.api import lint_text
from tests.conftest import only


def lint(text: str, name: str = "record.yaml"):
    return only(lint_text(text, name), "range-dash")


def test_a_hyphen_or_em_dash_between_the_ends_of_a_range_is_reported_at_the_dash():
    text = """\
sides:
  - combatants: [France]
    casualties:
      killed: {text: 9-12 killed}
      wounded: {text: "300\u2014400 wounded"}
      missing: {text: "4\u20135 missing"}
"""
    assert lint(text) == [("range-dash", 4, 23), ("range-dash", 5, 27)]


@pytest.mark.parametrize("date, column", [
    ("1939-1945", 34), ("1939-45", 34), ("3-5 June 1866", 31), ("June 3-5, 1866", 36),
    ("4 May 1866 - 9 June 1866", 41), ("April \u2014 May 1945", 36), ("8 January 1942 - 31 March 1943", 45),
])
def test_a_date_span_joined_by_a_hyphen_or_em_dash(date, column):
    assert lint(f'date: {{start: "1866", text: "{date}"}}\n') == [("range-dash", 1, column)]


@pytest.mark.parametrize("text", [
    "2020-03-12", "1939\u20131945", "3\u20135 June 1866", "2020-03",  # an ISO date, en dashes, a year and a month
])
def test_dates_that_are_no_span_or_are_written_right(text):
    assert lint(f'date: {{start: "1866", text: "{text}"}}\n') == []


@pytest.mark.parametrize("text", [
    "ISBN 3-85498-029-9", "pp. 195-96", "1939-45 campaign", "M1-A tanks", "outnumbered 3-1", "-40 killed",
])
def test_what_is_not_a_range_of_counts(text):
    assert lint(f"sides:\n  - combatants: [France]\n    casualties:\n      killed: {{text: '{text}'}}\n") == []


def test_wikitext_and_article_text():
    wiki = "{{Infobox military conflict\n| conflict = A\n| casualties1 = 9-12 killed<ref>pp. 12-19</ref>\n}}\n"
    assert lint(wiki, "a.wiki") == [("range-dash", 3, 18)]
    article = "Infobox\n- Conflict: A\n- Date: June 3-5, 1866\n"
    assert lint(article, "a.txt") == [("range-dash", 3, 15)]
