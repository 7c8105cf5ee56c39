import pytest

from linter.api import lint_text
from tests.conftest import only


def record(result: str, *sides: str) -> str:
    lines = [f"result: {{text: {result}}}", "sides:"] + [f"  - combatants: [{side}]" for side in sides]
    return "\n".join(lines) + "\n"


def test_combining_form_of_an_unlisted_party_is_reported_at_the_word():
    findings = lint_text(
        record("Franco-Nigerien victory", "National Guard of Niger", "Islamic State in the Greater Sahara")
    )
    assert only(findings, "result-unlisted-party") == [("result-unlisted-party", 1, 16)]
    assert "credits France ('Franco-')" in next(f.message for f in findings if f.rule == "result-unlisted-party")


def test_demonym_of_a_neighbour_is_not_the_listed_state():
    findings = lint_text(record("Nigerian victory", "Niger", "Boko Haram"))
    assert only(findings, "result-unlisted-party") == [("result-unlisted-party", 1, 16)]


def test_each_party_is_reported_once():
    findings = lint_text(record("British victory; British withdrawal", "France", "Prussia"))
    assert only(findings, "result-unlisted-party") == [("result-unlisted-party", 1, 16)]


@pytest.mark.parametrize(
    "result, side1, side2",
    [
        ("Franco-Nigerien victory", "Niger, France", "Islamic State in the Greater Sahara"),
        ("Decisive Allied victory", "United Kingdom, United States", "Germany"),
        ("Pyrrhic Roman victory", "Roman Republic", "Epirus"),
        ("Soviet victory", "Soviet Union", "Nazi Germany"),
        ("German victory", "Nazi Germany", "Poland"),
        ("Decisive British victory", "United Kingdom", "Italy"),
        ("Japanese victory", "Empire of Japan", "United States"),
        ("ISGS victory", "Niger", "Islamic State in the Greater Sahara"),
        ("Austro-Hungarian victory", "Austria-Hungary", "Serbia"),
        ("Coalition victory", "United States, United Kingdom", "Iraq"),
        ("Dominican victory", "Dominican Republic", "Haiti"),
        ("Inconclusive", "France", "Prussia"),
    ],
)
def test_credited_parties_that_a_side_lists_are_fine(result, side1, side2):
    assert only(lint_text(record(result, side1, side2)), "result-unlisted-party") == []


def test_organisation_stands_for_its_state():
    findings = lint_text(record("Nigerien victory", "National Guard of Niger", "Islamic State in the Greater Sahara"))
    assert only(findings, "result-unlisted-party") == []
