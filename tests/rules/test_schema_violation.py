from linter.api import lint_text
from tests.conftest import only

VALID = """
id: x
conflict: X
date: {start: "2020"}
result: {text: Inconclusive}
sides:
  - combatants: [France]
  - combatants: [Prussia]
"""


def messages(findings):
    return [f.message for f in findings if f.rule == "schema-violation"]


def test_missing_required_field_points_at_the_mapping_that_lacks_it():
    findings = lint_text("""
    id: x
    conflict: X
    date: {end: "2020"}
    result: {text: Inconclusive}
    sides: [{combatants: [France]}, {combatants: [Prussia]}]
    """)
    assert only(findings, "schema-violation") == [("schema-violation", 3, 1)]
    assert messages(findings) == ["date lacks the required field 'start'"]


def test_wrong_type_points_at_the_value():
    findings = lint_text(VALID.replace("combatants: [Prussia]", "combatants: Prussia"))
    assert only(findings, "schema-violation") == [("schema-violation", 7, 17)]
    assert messages(findings) == ["sides[1].combatants should be a list, not 'Prussia'"]


def test_figure_with_two_values_names_the_choice():
    findings = lint_text(VALID.replace(
        "combatants: [Prussia]",
        "combatants: [Prussia]\n    casualties: {killed: {count: 3, about: 4, sources: [a]}}"))
    assert only(findings, "schema-violation") == [("schema-violation", 8, 26)]
    assert "takes exactly one of: count; at_least; about; min and max" in messages(findings)[0]


def test_figure_with_no_value_names_the_choice():
    findings = lint_text(VALID.replace(
        "combatants: [Prussia]", "combatants: [Prussia]\n    casualties: {killed: {sources: [a]}}"))
    assert "takes exactly one of" in messages(findings)[0]


def test_bad_date_form_explains_the_expected_form():
    findings = lint_text(VALID.replace('start: "2020"', 'start: "March 12, 2020"'))
    assert only(findings, "schema-violation") == [("schema-violation", 3, 15)]
    assert "YYYY-MM-DD" in messages(findings)[0]


def test_enum_suggests_the_close_value():
    findings = lint_text(VALID + "status: Ongoing\n")
    assert "did you mean 'ongoing'" in messages(findings)[0]


def test_valid_record_has_no_schema_violation():
    assert lint_text(VALID) == []


def test_each_missing_field_is_reported_once():
    findings = lint_text("id: x\nsides: [{combatants: [France]}, {combatants: [Prussia]}]\n")
    assert messages(findings) == ["the record lacks the required field 'conflict'",
                                  "the record lacks the required field 'date'",
                                  "the record lacks the required field 'result'"]
