from __future__ import annotations

from tests.conftest import lint_text, only

RECORD = """
id: {id}
conflict: {name}
date: {{start: "1914-10-19"}}
result: {{text: Inconclusive}}
sides:
  - combatants: [France]
  - combatants: [Germany]
"""


def lint(id_: str, name: str, other_id: str, other_name: str):
    text = RECORD.format(id=id_, name=name)
    return only(lint_text(text, others=(RECORD.format(id=other_id, name=other_name),)), "duplicate-record")


def test_same_id():
    assert lint("first-ypres", "First Battle of Ypres", "first-ypres", "Ypres 1914") == [
        ("duplicate-record", 1, 5)]


def test_same_name_ignoring_case_and_spacing():
    assert lint("first-ypres", "First Battle of Ypres", "ypres-1914", "first battle of  Ypres") == [
        ("duplicate-record", 2, 11)]


def test_similar_names_are_different_conflicts():
    assert lint("first-ypres", "First Battle of Ypres", "second-ypres", "Second Battle of Ypres") == []


def test_a_record_is_not_its_own_duplicate():
    assert only(lint_text(RECORD.format(id="a", name="A")), "duplicate-record") == []


def test_a_record_sharing_id_and_name_is_reported_once():
    findings = lint_text(RECORD.format(id="first-ypres", name="First Battle of Ypres"),
                         others=(RECORD.format(id="first-ypres", name="First Battle of Ypres"),))
    assert only(findings, "duplicate-record") == [("duplicate-record", 1, 5)]
    assert "and the same conflict name" in next(f.message for f in findings if f.rule == "duplicate-record")
