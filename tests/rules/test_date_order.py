from __future__ import annotations

from tests.conftest import lint_text, only
from tests.rules.records import DATED

RECORD = DATED


def lint(start: str, end: str):
    return only(lint_text(RECORD.format(start=start, end=end)), "date-order")


def test_end_before_start():
    assert lint("2020-03-12", "2020-03-11") == [("date-order", 5, 8)]


def test_bc_years_run_backwards():
    assert lint("0218 BC", "0201 BC") == []
    assert lint("0201 BC", "0218 BC") == [("date-order", 5, 8)]


def test_bc_to_ad_is_in_order():
    assert lint("0031 BC", "0014") == []
    assert lint("0014", "0031 BC") == [("date-order", 5, 8)]


def test_partial_dates_compare_by_possible_days():
    # "2020" may be any day of 2020, so a span to March 2020 is in order, as is a same-year one.
    assert lint("2020", "2020-03") == []
    assert lint("2020-03", "2020") == []
    assert lint("2020-03-12", "2020-03") == []
    assert lint("2020-03", "2020-02-28") == [("date-order", 5, 8)]


def test_nonexistent_dates_are_left_to_date_malformed():
    assert lint("2020-02-31", "2020-01-01") == []
