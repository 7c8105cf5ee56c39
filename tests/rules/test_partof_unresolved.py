from __future__ import annotations

from tests.conftest import lint_text, only

PARENT = """
id: jihadist-insurgency-in-niger
conflict: Jihadist insurgency in Niger
date: {start: "2015", ongoing: true}
status: ongoing
result: {text: Ongoing}
sides:
  - combatants: [Niger]
  - combatants: [Islamic State in the Greater Sahara]
"""

CHILD = """
id: 2020-ayorou-attack
conflict: 2020 Ayorou attack
part_of: [{parent}]
date: {{start: "2020-03-12"}}
result: {{text: Nigerien victory}}
sides:
  - combatants: [Niger]
  - combatants: [Islamic State in the Greater Sahara]
"""


def lint(parent: str, others=(PARENT,)):
    return only(lint_text(CHILD.format(parent=parent), others=others), "partof-unresolved")


def test_unknown_parent():
    assert lint("jihadist-insurgency-in-nigeria") == [("partof-unresolved", 3, 11)]


def test_parent_by_id_or_by_name_ignoring_case_and_spacing():
    assert lint("jihadist-insurgency-in-niger") == []
    assert lint("jihadist  insurgency in NIGER") == []


def test_parent_outside_the_record_set():
    assert lint("jihadist-insurgency-in-niger", others=()) == [("partof-unresolved", 3, 11)]


def test_record_that_is_part_of_itself():
    assert lint("2020-ayorou-attack") == [("partof-unresolved", 3, 11)]


def test_parent_by_article_title_in_id_form():
    # A title whose id was made from it: "Jihadist insurgency in Niger" -> jihadist-insurgency-in-niger
    renamed = PARENT.replace("conflict: Jihadist insurgency in Niger", "conflict: Insurgency in the Sahel")
    assert lint("Jihadist insurgency in Niger", others=(renamed,)) == []
    assert lint("Jihadist insurgency in Nigeria", others=(renamed,)) == [("partof-unresolved", 3, 11)]
