from __future__ import annotations

from tests.conftest import lint_text, only

RECORD = """
id: a
conflict: A
date: {{start: "2015"{ongoing}}}
{status}result:
  text: {result}
sides:
  - combatants: [Niger]
  - combatants: [Islamic State in the Greater Sahara]
"""


def lint(result: str, status: str | None = None, ongoing: bool = False, extra: str = ""):
    text = RECORD.format(result=result + extra, status=f"status: {status}\n" if status else "",
                         ongoing=", ongoing: true" if ongoing else "")
    return only(lint_text(text), "result-status-conflict")


def test_ongoing_status_with_a_winner():
    assert lint("Nigerien victory", status="ongoing") == [("result-status-conflict", 6, 9)]


def test_ongoing_date_with_a_winner_when_no_status():
    assert lint("Nigerien victory", ongoing=True) == [("result-status-conflict", 5, 9)]


def test_victors_field_names_a_winner():
    assert lint("See Aftermath", status="ongoing", extra="\n  victors: [Niger]") == [
        ("result-status-conflict", 6, 9)]


def test_ended_status_with_ongoing_result():
    assert lint("Ongoing", status="ended") == [("result-status-conflict", 6, 9)]


def test_consistent_records():
    assert lint("Ongoing", status="ongoing") == []
    assert lint("Nigerien victory", status="ended") == []
    assert lint("Inconclusive", status="ongoing") == []


def test_ceasefire_and_frozen_accept_either():
    assert lint("Nigerien victory", status="ceasefire") == []
    assert lint("Ongoing", status="frozen") == []


def test_ongoing_in_a_bullet_below_the_outcome_is_not_the_result():
    assert lint('"Nigerien victory\\n* Insurgency ongoing"', status="ended") == []


def test_end_date_without_status_with_ongoing_result():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "2015", end: "2019"}
    result: {text: Ongoing}
    sides:
      - combatants: [Niger]
      - combatants: [ISGS]
    """)
    assert only(findings, "result-status-conflict") == [("result-status-conflict", 4, 16)]
