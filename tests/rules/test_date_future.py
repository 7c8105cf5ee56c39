from __future__ import annotations

import datetime

from tests.conftest import lint_text, only
from tests.rules.records import DATED

RECORD = DATED
TODAY = datetime.date(2024, 6, 15)


def lint(start: str, end: str):
    return only(lint_text(RECORD.format(start=start, end=end), today=TODAY), "date-future")


def test_end_after_today():
    assert lint("2012-05-01", "2102-06-30") == [("date-future", 5, 8)]


def test_today_and_the_current_year_or_month_are_not_future():
    assert lint("2024", "2024-06-15") == []
    assert lint("2024-06", "2024-06") == []
    assert lint("2024-06-16", "2025") == [("date-future", 4, 10), ("date-future", 5, 8)]


def test_bc_dates_are_never_future():
    assert lint("2500 BC", "2400 BC") == []


def test_today_comes_from_the_context():
    text = RECORD.format(start="2030", end="2031")
    assert only(lint_text(text, today=datetime.date(2035, 1, 1)), "date-future") == []
