from __future__ import annotations

from tests.conftest import lint_text, only


def test_stray_placeholder_in_a_list():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: Inconclusive}
    sides:
      - combatants: [France]
        units: [Guard, TBD]
      - combatants: [Prussia]
    """)
    assert only(findings, "placeholder-value") == [("placeholder-value", 7, 20)]


def test_whole_unknown_is_allowed():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: Inconclusive}
    sides:
      - combatants: [France]
        units: [unknown]
      - combatants: [Prussia]
    """)
    assert only(findings, "placeholder-value") == []
