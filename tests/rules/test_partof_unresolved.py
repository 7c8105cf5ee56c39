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


def test_parent_by_the_name_of_its_file(tmp_path):
    """An imported page's file is named after the article others link to, while its infobox
    may call the conflict something else."""
    from linter.discover import display_path
    from linter.runner import lint_paths

    (tmp_path / "allied-advance.yaml").write_text(PARENT.replace("id: jihadist-insurgency-in-niger",
                                                                 "id: siegfried-line-campaign"))
    child = tmp_path / "child.yaml"
    child.write_text(CHILD.format(parent="Allied advance"))
    files = [(p, display_path(p)) for p in sorted(tmp_path.glob("*.yaml"))]
    found = [(f.path.rsplit("/", 1)[-1], f.rule) for f in lint_paths(files, jobs=1) if f.rule == "partof-unresolved"]
    assert found == []
    child.write_text(CHILD.format(parent="Allied retreat"))
    found = [(f.path.rsplit("/", 1)[-1], f.rule, f.line, f.column) for f in lint_paths(files, jobs=1)
             if f.rule == "partof-unresolved"]
    assert found == [("child.yaml", "partof-unresolved", 4, 11)]


def test_a_record_imported_from_a_page_keeps_article_titles():
    """Its part_of is the page's link to an article: missing only from a record set declared by roots."""
    imported = CHILD.format(parent="Jihadist insurgency in Nigeria") + "provenance: {file: a.wiki, format: wikitext}\n"
    assert only(lint_text(imported), "partof-unresolved") == []
    assert only(lint_text(imported, others=(PARENT,)), "partof-unresolved") == [("partof-unresolved", 3, 11)]
    native = CHILD.format(parent="Jihadist insurgency in Nigeria")
    assert only(lint_text(native), "partof-unresolved") == [("partof-unresolved", 3, 11)]
