from linter.api import lint_text
from tests.conftest import only


def test_unknown_key_is_reported_at_the_key_with_a_suggestion():
    findings = lint_text("""
    sides:
      - combatants: [France]
        casualites: {}
    """)
    assert only(findings, "unknown-field") == [("unknown-field", 3, 5)]
    assert "did you mean 'casualties'" in next(f for f in findings if f.rule == "unknown-field").message


def test_top_level_unknown_key():
    findings = lint_text("id: x\nvictor: France\n")
    assert only(findings, "unknown-field") == [("unknown-field", 2, 1)]


def test_defined_keys_are_not_reported():
    findings = lint_text("""
    id: x
    sides:
      - combatants: [France]
        commanders: [Jean Martin]
    """)
    assert only(findings, "unknown-field") == []
