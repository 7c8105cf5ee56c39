from __future__ import annotations

from tests.conftest import lint_text, only
from tests.rules.records import DATED

RECORD = DATED


def lint(start: str, end: str = "1900"):
    return only(lint_text(RECORD.format(start=start, end=end)), "date-malformed")


def test_day_past_end_of_month():
    assert lint("1899-02-31") == [("date-malformed", 4, 10)]


def test_month_thirteen_and_year_zero():
    assert lint("1899-13", "0000 BC") == [("date-malformed", 4, 10), ("date-malformed", 5, 8)]


def test_leap_days_exist_where_the_calendar_has_them():
    assert lint("1896-02-29", "2000-02-29") == []
    assert lint("1900-02-29") == [("date-malformed", 4, 10)]


def test_bc_leap_year_on_the_proleptic_calendar():
    # 1 BC is astronomical year 0, a leap year; 2 BC is not.
    assert lint("0001-02-29 BC", "1900") == []
    assert lint("0002-02-29 BC", "1900") == [("date-malformed", 4, 10)]


def test_wrong_form_is_left_to_the_schema():
    findings = lint_text(RECORD.format(start="12 March 2020", end="1900"))
    assert only(findings, "date-malformed") == []
    assert only(findings, "schema-violation") == [("schema-violation", 4, 10)]


def test_source_dates_are_checked():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: Inconclusive}
    sides:
      - combatants: [France]
      - combatants: [Prussia]
    sources:
      gazette: {publisher: G, date: "1900-04-31"}
    """)
    assert only(findings, "date-malformed") == [("date-malformed", 9, 33)]
