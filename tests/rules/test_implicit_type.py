import pytest

from linter.api import lint_text, load_text
from tests.conftest import only


@pytest.mark.parametrize("value", ["NO", "yes", "off", "1:30", "2020-03-12", "017", "1_000"])
def test_yaml_11_traps_are_reported_and_kept_as_text(value):
    findings = lint_text(f"place: {{name: Oslo, country: {value}}}\n")
    assert only(findings, "implicit-type") == [("implicit-type", 1, 30)]
    assert load_text(f"country: {value}\n").data["country"] == value


@pytest.mark.parametrize("value, expected", [("true", True), ("False", False), ("12", 12),
                                             ("-3", -3), ("1.5", 1.5), ("null", None), ("~", None)])
def test_yaml_12_core_values_are_typed_without_a_finding(value, expected):
    doc = load_text(f"value: {value}\n")
    assert doc.data["value"] == expected
    assert doc.problems == []


def test_quoted_values_are_text():
    findings = lint_text('place: {name: Oslo, country: "NO"}\ndate: {start: "2020-03-12"}\n')
    assert only(findings, "implicit-type") == []


def test_unquoted_date_gives_one_clear_finding_not_a_type_error():
    findings = lint_text("""
    id: x
    conflict: X
    date: {start: 2020-03-12}
    result: {text: Inconclusive}
    sides: [{combatants: [France]}, {combatants: [Prussia]}]
    """)
    assert [(f.rule, f.line) for f in findings] == [("implicit-type", 3)]
