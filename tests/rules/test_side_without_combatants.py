from __future__ import annotations

from tests.conftest import lint_text, only


def test_side_with_commanders_and_figures_but_no_combatants():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: Inconclusive}
    sides:
      - combatants: [France]
      - commanders: [Helmuth von Moltke]
        casualties:
          killed: {count: 3, sources: [g]}
    sources:
      g: {publisher: G}
    """)
    assert only(findings, "side-without-combatants") == [("side-without-combatants", 7, 5)]


def test_empty_combatants_list():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: Inconclusive}
    sides:
      - combatants: [France]
      - combatants: []
        units: [Guard]
    """)
    assert only(findings, "side-without-combatants") == [("side-without-combatants", 8, 5)]


def test_sides_with_combatants_or_nothing_at_all():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: Inconclusive}
    sides:
      - combatants: [France]
        commanders: [Jean Martin]
      - {}
    """)
    assert only(findings, "side-without-combatants") == []


def test_wrong_types_do_not_crash():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: Inconclusive}
    sides: [France, {combatants: 3, commanders: [X]}]
    """)
    assert only(findings, "side-without-combatants") == [("side-without-combatants", 5, 33)]
