from linter.api import lint_text
from tests.conftest import only


def test_state_and_its_army_on_opposing_sides():
    findings = lint_text("""
    sides:
      - combatants: [France, Niger]
      - combatants: [Islamic State in the Greater Sahara, French Army]
    """)
    assert only(findings, "party-on-both-sides") == [("party-on-both-sides", 3, 55)]


def test_same_name_on_the_third_side():
    findings = lint_text("""
    sides:
      - combatants: [Niger]
      - combatants: [Mali]
      - combatants: [Republic of Niger]
    """)
    assert only(findings, "party-on-both-sides") == [("party-on-both-sides", 4, 18)]


def test_factions_that_name_a_state_are_other_parties():
    findings = lint_text("""
    sides:
      - combatants: [Syria, North Vietnam, Vichy France]
      - combatants: [Syrian opposition, South Vietnam, Free French]
    """)
    assert only(findings, "party-on-both-sides") == []


def test_repeat_on_the_same_side_is_not_this_rule():
    findings = lint_text("""
    sides:
      - combatants: [France, French Army]
      - combatants: [Prussia]
    """)
    assert only(findings, "party-on-both-sides") == []


def test_allies_on_both_sides_is_a_label_in_either_case():
    for word in ("allies", "Allies"):
        findings = lint_text(f"""
    sides:
      - combatants: [France, {word}]
      - combatants: [Prussia, {word}]
    """)
        assert only(findings, "party-on-both-sides") == []
    findings = lint_text("""
    sides:
      - combatants: [France, allies]
      - combatants: [Prussia, France]
    """)
    assert only(findings, "party-on-both-sides") == [("party-on-both-sides", 3, 27)]


def test_a_party_dated_on_both_sides_changed_sides():
    from linter.api import lint_text as lint_page

    head = "{{Infobox military conflict\n| conflict = Raid\n| date = 1944\n| result = Draw\n"
    switched = head + ("| combatant1 = {{flag|Soviet Union}}<br>{{flag|Kingdom of Romania}}<br><small>(23–29 August)"
                       "</small>\n| combatant2 = {{flag|Kingdom of Romania}} (20–23 August)<br>{{flag|Germany}}\n}}\n")
    assert only(lint_page(switched, "x.wiki"), "party-on-both-sides") == []
    # a note that gives no period, or a period on one listing only, is no change of sides
    for first, second in (("(naval)", "(20–23 August)"), ("", "(20–23 August)")):
        text = switched.replace("<small>(23–29 August)</small>", first).replace("(20–23 August)", second)
        assert only(lint_page(text, "x.wiki"), "party-on-both-sides") == [("party-on-both-sides", 6, 16)]
