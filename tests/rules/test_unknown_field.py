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


def test_the_rename_takes_the_allowed_names_from_the_schema_not_the_message():
    from linter.api import load_text
    from linter.engine import with_fix
    from linter.rules import get_rule
    from linter.schema import allowed_fields, load_schema

    text = "id: x\nsides:\n  - combatants: [France]\n    casualites: {}\n  - combatants: [Mali]\n"
    finding = next(f for f in lint_text(text) if f.rule == "unknown-field")
    doc = load_text(text, "record.yaml")
    side = load_schema()["$defs"]["side"]["properties"]
    assert allowed_fields(doc.data, "/sides/0") == sorted(side)
    # a message reworded (or translated) leaves the fix as it was
    reworded = finding._replace(message="this field is not known here", fix=None)
    assert with_fix(doc, reworded, get_rule("unknown-field")).fix == finding.fix
    assert finding.fix is not None and finding.fix.edits[0].content == "casualties"
