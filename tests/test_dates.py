"""The schema's date strings: parsing, existence, and earliest/latest days of partial dates."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@pytest.mark.parametrize("text, start, end", [
    ("58–50 BC", "0058 BC", "0050 BC"),  # the Gallic Wars: two-digit BC years
    ("44 BC", "0044 BC", None),
    ("218–201 BC", "0218 BC", "0201 BC"),
    ("1–3 March 1999", "1999-03-01", "1999-03-03"),
])
def test_infobox_date_texts(text, start, end):
    from linter.infobox.dates import read_span

    span = read_span(text)
    assert (span.get("start"), span.get("end")) == (start, end)


@st.composite
def _rendered_dates(draw):
    """A partial date and a text an infobox writes for it: '12 March 2020', 'March 12, 2020',
    'March 2020', '2020', '58 BC'."""
    import calendar

    bc = draw(st.booleans())
    year = draw(st.integers(1, 999) if bc else st.integers(100, 2100))
    month = draw(st.none() | st.integers(1, 12))
    day = None if month is None else draw(st.none() | st.integers(1, calendar.monthrange(2001, month)[1]))
    era = " BC" if bc else ""
    name = calendar.month_name[month] if month else ""
    if day is not None:
        text = draw(st.sampled_from([f"{day} {name} {year}{era}", f"{name} {day}, {year}{era}"]))
    elif month is not None:
        text = f"{name} {year}{era}"
    else:
        text = f"{year}{era}"
    iso = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "") + era
    return text, iso


@given(_rendered_dates())
def test_a_rendered_date_reads_back_as_itself(case):
    from linter.infobox.dates import read_span

    text, iso = case
    assert read_span(text).get("start") == iso
    assert parse_date(iso).text == iso
