from __future__ import annotations

from tests.conftest import lint_text, only

PARENT = """
id: parent
conflict: Parent
date: {parent}
result: {{text: Inconclusive}}
sides:
  - combatants: [Rome]
  - combatants: [Carthage]
"""

CHILD = """
id: child
conflict: Child
part_of: [parent]
date: {child}
result: {{text: Inconclusive}}
sides:
  - combatants: [Rome]
  - combatants: [Carthage]
"""


def lint(child: str, parent: str):
    text = CHILD.format(child=child)
    return only(lint_text(text, others=(PARENT.format(parent=parent),)), "partof-date-outside")


def test_child_starts_before_parent():
    assert lint('{start: "2012-03-12"}', '{start: "2015", ongoing: true}') == [("partof-date-outside", 3, 11)]


def test_child_ends_after_parent():
    assert lint('{start: "1918-10", end: "1919-02"}', '{start: "1914-07-28", end: "1918-11-11"}') == [
        ("partof-date-outside", 3, 11)]


def test_inside_an_ongoing_parent():
    assert lint('{start: "2020-03-12"}', '{start: "2015", ongoing: true}') == []


def test_partial_dates_are_given_the_benefit_of_the_doubt():
    assert lint('{start: "2015-01-01"}', '{start: "2015"}') == []
    assert lint('{start: "1918"}', '{start: "1914-07-28", end: "1918-11-11"}') == []


def test_bc_years_count_backwards():
    # The Second Punic War, 218-201 BC; Cannae, 216 BC, lies within it; Zama in 202 BC too.
    assert lint('{start: "0216-08-02 BC"}', '{start: "0218 BC", end: "0201 BC"}') == []
    assert lint('{start: "0202 BC"}', '{start: "0218 BC", end: "0201 BC"}') == []
    assert lint('{start: "0219 BC"}', '{start: "0218 BC", end: "0201 BC"}') == [("partof-date-outside", 3, 11)]


def test_unresolved_or_undated_parents_are_left_alone():
    text = CHILD.format(child='{start: "1900"}')
    assert only(lint_text(text), "partof-date-outside") == []
    assert lint('{start: "1900"}', '{start: "19th century"}') == []


def test_approximate_dates_are_not_compared():
    assert lint('{start: "1199", approximate: true}', '{start: "1200", end: "1210"}') == []
    assert lint('{start: "1199"}', '{start: "1200", end: "1210", approximate: true}') == []
