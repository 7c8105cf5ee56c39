from linter.api import lint_text
from tests.conftest import only


def test_second_occurrence_is_reported():
    findings = lint_text("""
    id: x
    result:
      text: French victory
      text: Prussian victory
    """)
    assert only(findings, "duplicate-key") == [("duplicate-key", 4, 3)]
    assert "line 3" in next(f for f in findings if f.rule == "duplicate-key").message


def test_duplicate_key_in_json_is_reported_with_position():
    findings = lint_text('{"id": "x",\n "id": "y"}\n', "record.json")
    assert only(findings, "duplicate-key") == [("duplicate-key", 2, 2)]


def test_same_key_in_different_mappings_is_fine():
    findings = lint_text("""
    sides:
      - combatants: [France]
      - combatants: [Prussia]
    """)
    assert only(findings, "duplicate-key") == []


def test_a_field_given_twice_in_article_text_is_reported_at_the_second():
    text = "Infobox\n- Conflict: A\n- Date: June 3, 1866\n- Place: Ford\n-  date: July 3, 1866\n"
    findings = lint_text(text, "page.txt")
    assert only(findings, "duplicate-key") == [("duplicate-key", 5, 4)]
    assert "line 3" in next(f for f in findings if f.rule == "duplicate-key").message


def test_no_article_text_fix_where_readers_count_lines_differently():
    # a form feed is a line break to the reader (str.splitlines), not to the edits
    text = "Infobox\n- Conflict: A\x0c\n- Date: June 3, 1866\n- Date: June 3, 1866\n"
    finding = next(f for f in lint_text(text, "page.txt") if f.rule == "duplicate-key")
    assert finding.fix is None
    plain = next(f for f in lint_text(text.replace("\x0c", ""), "page.txt") if f.rule == "duplicate-key")
    assert plain.fix is not None
