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


@pytest.mark.parametrize("text, pieces", [
    ("744 aircraft; 1,666 tanks; 5,762 guns captured", ["744 aircraft", "1,666 tanks", "5,762 guns captured"]),
    ("Around 600 dead, unknown wounded", ["Around 600 dead", "unknown wounded"]),
    ("370,500 killed and 80,000 captured", ["370,500 killed", "80,000 captured"]),
    # a part of the figure before keeps its word: it is no figure beside it
    ("94,500 casualties including 19,000 KIA and MIA", ["94,500 casualties", "including 19,000 KIA and MIA"]),
    ("11,000 enlisted + 800 officers", ["11,000 enlisted", "800 officers"]),
    ("150 (40 killed, 60 wounded)", ["150", "40 killed", "60 wounded"]),
    ("1 division and some small units", []),
    ("between 5,000 and 6,000 killed", []),
    ("10,000 knights (of whom 1,200 mounted), unknown thousands of archers", []),
])
def test_a_line_splits_into_the_figures_it_gives(text, pieces):
    assert [text[start:end] for start, end in figure_text.split_figures(text)] == pieces


@pytest.mark.parametrize("text, choices", [
    ("800 killed, missing, captured, or wounded", ["total"]),
    ("12,000 dead, missing or captured", []),
    ("46,000 wounded or sick", []),
    ("Total: 174,194 KIA, WIA, MIA", ["total"]),
    ("20 AA guns captured", []),
    ("575,000 medical casualties", []),
    ("7,000–10,000 (mostly killed)", []),
    ("46 civilians captured", ["civilians", "captured"]),
    ("92,545 overall", ["total"]),
])
def test_category_choices(text, choices):
    assert figure_text.category_choices(text) == choices


@pytest.mark.parametrize("text, value", [
    ("2015–2023: 4,500", {"count": 4500}),
    ("July, 2016: 58 killed", {"count": 58}),
    ("300,000+–400,000", {"min": 300000, "max": 400000}),
    ("1,500 dead or wounded (estimate)", {"about": 1500}),
    ("Total 620", {"count": 620}),  # a count after a word that is no name
    ("Germany 500", {"count": 500}),
    ("Convoy BN 7 (32 ships)", {"count": 32}),
])
def test_labels_and_forms(text, value):
    assert figure_text.parse(text).value == value


@pytest.mark.parametrize("text", ["40 km of road", "About 5/6 longbowmen", "1/3 of the escort",
                                  "Infantry Regiment 11", "XXXVI Corps: Panzer-Abteilung 211"])
def test_distances_shares_and_unit_numbers_are_no_counts(text):
    assert figure_text.parse(text) is None


def test_each_category_word_names_one_category():
    # _named looks a word up, then the word with the next: one answer each only if no word is
    # a key twice and no two-word key starts with a key.
    keys = [key for _, words in figure_text._CATEGORIES for key in words]
    assert len(keys) == len(set(keys))
    assert not [key for key in keys if " " in key and key.split()[0] in keys]
    # "taken prisoner", then "prisoner": each word names what it names
    assert list(figure_text._named("12 taken prisoner, 3 dead and 4 missing")) == [
        "captured", "captured", "killed", "missing"]


# The qualifier words themselves, and pieces that try the quick test's shortcuts: non-ASCII
# text, letters that case-fold oddly ("İ", "ſ", the Kelvin sign), spaces of all kinds.
_QUALIFIER_PIECES = [*figure_text._QUALIFIER_WORDS, " or more", "x", "1", " ", "\t", "\u00a0", "İ", "ſ", "K",
                     "\u212a"]


@settings(max_examples=400)
@given(st.lists(st.tuples(st.sampled_from(_QUALIFIER_PIECES), st.booleans()), max_size=5))
def test_the_quick_qualifier_test_misses_no_qualifier(pieces):
    # _qualified stands in for _QUALIFIER's scan: it may say yes more often, never less.
    text = "".join(piece.upper() if upper else piece for piece, upper in pieces)
    if figure_text._QUALIFIER.search(text):
        assert figure_text._qualified(text)
