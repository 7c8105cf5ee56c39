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


@pytest.mark.parametrize("text, start, end", [
    ("February – September 2022", "2022-02", "2022-09"),  # a month alone borrows the year after the dash
    ("March–May 1942", "1942-03", "1942-05"),
    ("February – 3 September 2022", "2022-02", "2022-09-03"),
    ("1 May – June 1940", "1940-05-01", "1940-06"),
    ("February 2021 – September 2022", "2021-02", "2022-09"),
    ("September 1939 – present", "1939-09", None),
])
def test_a_range_of_months_reads_both_ends(text, start, end):
    from linter.infobox.dates import read_span

    span = read_span(text)
    assert (span.get("start"), span.get("end")) == (start, end)


@pytest.mark.parametrize("text, word, month", [
    ("16 December 1941 – Marhc 1942", "Marhc", "March"),  # a month and a year: no day before it
    ("8 Septmber – 28 October 1944", "Septmber", "September"),  # a day, then the dash of a range
    ("Febuary 3, 1940", "Febuary", "February"),
    ("Marhc – May 1942", "Marhc", "March"),
    ("Jule 1941", "Jule", "June or July"),  # as near to both
])
def test_a_misspelt_month_is_found_wherever_a_month_stands(text, word, month):
    from linter.infobox.dates import misspelt_months

    [(start, end, found, meant)] = misspelt_months(text)
    assert (text[start:end], found, meant) == (word, word, month)


@pytest.mark.parametrize("text", [
    "16 December 1941 – March 1942", "Winter 1941 – spring 1942", "10 days in 1944", "(108 days)",
    "Battle 1944", "1 Sept 1939", "Ongoing", "c. 1200",
])
def test_words_that_are_months_or_far_from_every_month_are_not_misspelt_months(text):
    from linter.infobox.dates import misspelt_months

    assert misspelt_months(text) == []
