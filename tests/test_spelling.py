"""The edit distance behind misspelt months: each kind of slip costs one edit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter.spelling import allowed_slips, edit_distance


@pytest.mark.parametrize("a, b, distance", [
    ("march", "march", 0),
    ("agust", "august", 1),  # a letter left out
    ("auggust", "august", 1),  # one added
    ("mayy", "may", 1),
    ("jume", "june", 1),  # one changed
    ("marhc", "march", 1),  # two neighbours swapped
    ("febuarry", "february", 2),
    ("days", "may", 2),
    ("", "may", 3),
])
def test_each_slip_is_one_edit(a, b, distance):
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


@given(st.text(max_size=8), st.text(max_size=8))
def test_a_limit_only_cuts_distances_above_it(a, b):
    full = edit_distance(a, b)
    assert min(edit_distance(a, b, limit=1), 2) == min(full, 2)
    assert (full == 0) == (a == b)


def test_short_words_allow_no_slip():
    assert [allowed_slips(w) for w in ("may", "mayy", "agust", "septmber")] == [0, 1, 1, 2]
