"""Reading figures as infoboxes write them: the forms, the traps (dates, years, pages), categories."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import figure_text


@pytest.mark.parametrize("text, value", [
    ("9 killed", {"count": 9}),
    ("20+ killed", {"at_least": 20}),
    ("over 20", {"at_least": 20}),
    ("at least 1,200", {"at_least": 1200}),
    ("c. 1,400", {"about": 1400}),
    ("Approx 1,984 killed", {"about": 1984}),
    ("~5,000 POWs", {"about": 5000}),
    ("9–12 killed", {"min": 9, "max": 12}),
    ("c. 9–12", {"min": 9, "max": 12}),
    ("1,200-800", {"min": 1200, "max": 800}),  # parsed as written: range-inverted reports it
    ("unknown", {"unknown": True}),
    ("None", {"none": True}),
    ("189,112 captured on 9 May 1945", {"count": 189112}),
    ("Two infantry battalions", {"count": 2}),  # small counts as words, at the start
    ("one destroyer sunk", {"count": 1}),
    ("  Airborne: three divisions", {"count": 3}),
    ("Unknown number of tanks", {"unknown": True}),
    ("unknown wounded", {"unknown": True}),
    ("Native allies: unknown", {"unknown": True}),
    ("29th Infantry Division: 3,706", {"count": 3706}),  # an ordinal names a unit
    ("Garrison from 56th division (3,000)", {"count": 3000}),  # a bracket after words with no figure
    ("AUS: (c. 7,000 killed)", {"about": 7000}),
])
def test_figures_are_read(text, value):
    assert figure_text.parse(text).value == value


@pytest.mark.parametrize("text", ["October 1944–8 May 1945", "1939–45 losses", "pp. 195–96",
                                  "Limited support", "(39,537 in February–March 1945)", "",
                                  "no one", "one of the destroyers", "twenty-one guns", "Several warships",
                                  "1st Armoured Division"])
def test_dates_years_pages_and_words_are_not_figures(text):
    assert figure_text.parse(text) is None


@pytest.mark.parametrize("text, category", [
    ("9 killed", "killed"), ("300 dead or wounded", None), ("14 injured", "wounded"),
    ("6,854 captured", "captured"), ("~5,000 POWs", "captured"), ("12 missing", "missing"),
    ("5 civilians", "civilians"), ("2,000 casualties", "total"), ("2 guns", None),
])
def test_categories(text, category):
    assert figure_text.category(text) == category


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789,.-–+~ c") + [" killed", " May ", "over ", "pp. "]),
                max_size=40).map("".join))
def test_parse_never_crashes_and_points_into_the_text(text):
    parsed = figure_text.parse(text)
    if parsed is not None:
        assert 0 <= parsed.start <= parsed.end <= len(text)
