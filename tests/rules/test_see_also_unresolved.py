from __future__ import annotations

from tests.conftest import lint_text, only

OTHER = """
id: 2019-inates-attack
conflict: 2019 Inates attack
date: {start: "2019-12-10"}
result: {text: ISGS victory}
sides:
  - combatants: [Niger]
  - combatants: [ISGS]
"""

RECORD = """
id: 2020-ayorou-attack
conflict: 2020 Ayorou attack
date: {{start: "2020-03-12"}}
result: {{text: Inconclusive}}
sides:
  - combatants: [Niger]
  - combatants: [ISGS]
see_also:
  - 2019 Inates attack
  - {entry}
"""


def lint(entry: str):
    return only(lint_text(RECORD.format(entry=entry), others=(OTHER,)), "see-also-unresolved")


def test_unknown_entry():
    assert lint("2019-inates-atack") == [("see-also-unresolved", 10, 5)]


def test_known_entries_by_id_and_name():
    assert lint("2019-inates-attack") == []
