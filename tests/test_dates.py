"""The schema's date strings: parsing, existence, and earliest/latest days of partial dates."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, strategies as st

from linter.dates import DateError, parse_date, try_parse


def test_partial_dates_span_their_days():
    assert (parse_date("2020").earliest, parse_date("2020").latest) == ((2020, 1, 1), (2020, 12, 31))
    assert parse_date("2020-02").latest == (2020, 2, 29)
    assert parse_date("2021-02").latest == (2021, 2, 28)
    assert parse_date("2020-03-12").earliest == parse_date("2020-03-12").latest == (2020, 3, 12)


def test_bc_years_are_astronomical():
    assert parse_date("0001 BC").year == 0
    assert parse_date("0218 BC").year == -217
    assert parse_date("0218 BC").latest < parse_date("0201 BC").earliest


@pytest.mark.parametrize("text", ["2020-02-30", "2020-13", "2020-00", "2020-01-00", "0000", "0000 BC", "20-1-1",
                                  "2020/01/01", "c. 1200", ""])
def test_invalid_dates(text):
    with pytest.raises(DateError):
        parse_date(text)
    assert try_parse(text) is None


@given(st.dates(min_value=datetime.date(1, 1, 1)))
def test_every_real_day_parses_to_itself(day):
    assert parse_date(day.isoformat()).earliest == (day.year, day.month, day.day)


@given(st.text(max_size=20))
def test_anything_else_is_a_date_error_or_a_date(text):
    date = try_parse(text)
    assert date is None or date.earliest <= date.latest
