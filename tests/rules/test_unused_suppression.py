from __future__ import annotations

from tests.conftest import codes_at, lint_text, only

RECORD = """
id: a
conflict: A
date: {{start: "1900"}}
result:
  text: {result}
sides:
  - combatants: [France]
  - combatants: [Prussia]
"""


def test_suppression_on_the_line_silences_its_rule():
    findings = lint_text(RECORD.format(result="Decisive French victory  # conflict-lint: disable=result-nonstandard"))
    assert codes_at(findings) == []


def test_suppression_of_nothing_is_reported_at_the_rule_name():
    findings = lint_text(RECORD.format(result="French victory  # conflict-lint: disable=result-nonstandard"))
    assert codes_at(findings) == [("unused-suppression", 5, 50)]


def test_codes_work_like_slugs():
    findings = lint_text(RECORD.format(result="Decisive French victory  # conflict-lint: disable=CL302"))
    assert codes_at(findings) == []


def test_unknown_rule_names_are_unused():
    findings = lint_text(RECORD.format(result="Decisive French victory  # conflict-lint: disable=CL302,no-such"))
    assert codes_at(findings) == [("unused-suppression", 5, 65)]


def test_next_line_and_file_suppressions():
    text = """
    # conflict-lint: disable-file=figure-unsourced
    id: a
    conflict: A
    date: {start: "1900"}
    result:
      # conflict-lint: disable-next-line=result-nonstandard
      text: Decisive French victory
    sides:
      - combatants: [France]
        casualties:
          killed: {count: 3}
      - combatants: [Prussia]
        casualties:
          killed: {count: 4}
    """
    assert codes_at(lint_text(text)) == []


def test_next_line_suppression_covers_only_the_next_line():
    text = """
    id: a
    conflict: A
    # conflict-lint: disable-next-line=result-nonstandard
    date: {start: "1900"}
    result:
      text: Decisive French victory
    sides:
      - combatants: [France]
      - combatants: [Prussia]
    """
    assert codes_at(lint_text(text)) == [("unused-suppression", 3, 36), ("result-nonstandard", 6, 9)]


def test_a_hash_inside_a_value_is_not_a_comment():
    text = RECORD.format(result='"Decisive French victory#conflict-lint: disable=result-nonstandard"')
    assert only(lint_text(text), "result-nonstandard") == [("result-nonstandard", 5, 9)]


def test_unused_suppression_can_itself_be_suppressed_for_the_file():
    text = """
    # conflict-lint: disable-file=unused-suppression
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: French victory}  # conflict-lint: disable=result-nonstandard
    sides:
      - combatants: [France]
      - combatants: [Prussia]
    """
    assert codes_at(lint_text(text)) == []


def test_a_comment_look_alike_inside_a_quoted_string_is_text():
    text = RECORD.format(result='"Decisive French victory # conflict-lint: disable=result-nonstandard"')
    assert codes_at(lint_text(text)) == [("result-nonstandard", 5, 9)]
