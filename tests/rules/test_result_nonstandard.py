from __future__ import annotations

import pytest

from tests.conftest import lint_text, only

RECORD = """
id: a
conflict: A
date: {{start: "1900"}}
result:
  text: {result}
sides:
  - combatants: [France, United Kingdom]
  - combatants: [Prussia]
"""


def lint(result: str):
    return only(lint_text(RECORD.format(result=result)), "result-nonstandard")


@pytest.mark.parametrize("result", [
    "French victory", "Allied victory", "Coalition victory", "Anglo-French victory", "Inconclusive",
    "Stalemate", "Ongoing", "See Aftermath", "See § Aftermath section", "'Franco-British victory.'",
    "'[[French Third Republic|French]] victory<ref>Smith, p. 4</ref>'",
    "'French victory{{efn|Disputed}}'",
    "\"French victory\\n* Prussian army retreats\\n* Decisive change of front\"",
])
def test_standard_results(result):
    assert lint(result) == []


@pytest.mark.parametrize("result", [
    "Decisive French victory", "Pyrrhic French victory", "Marginal French victory",
    "'Tactical French victory, strategic Prussian victory'", "Major French victory",
    "'Minor French victory'", "French tactical victory", "Tactical French victory",
])
def test_qualified_victories(result):
    assert lint(result) == [("result-nonstandard", 5, 9)]


@pytest.mark.parametrize("result", ["French win", "Treaty of Paris", "Draw", "Victory for France",
                                    "Indecisive", "French operational failure"])
def test_results_outside_the_terms(result):
    assert lint(result) == [("result-nonstandard", 5, 9)]


@pytest.mark.parametrize("result", ["Inconclusive (see Aftermath)", "'French victory; see Aftermath'",
                                    "'Stalemate, see § Outcome'"])
def test_standard_terms_with_a_pointer(result):
    assert lint(result) == []


def test_a_pointer_does_not_excuse_a_qualifier():
    assert lint("Decisive French victory (see Aftermath)") == [("result-nonstandard", 5, 9)]
