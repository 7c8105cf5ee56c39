from __future__ import annotations

from tests.conftest import lint_text, only

RECORD = """
id: a
conflict: A
date: {{start: "1900"}}
result: {{text: Inconclusive}}
sides:
  - combatants: [France]
    strength:
      - {strength}
    casualties:
      killed: {killed}
  - combatants: [Prussia]
sources:
  g: {{publisher: G}}
"""


def lint(strength: str, killed: str):
    return only(lint_text(RECORD.format(strength=strength, killed=killed)), "casualties-exceed-strength")


def test_exact_casualties_above_exact_strength():
    assert lint("{count: 50, sources: [g]}", "{count: 90, sources: [g]}") == [
        ("casualties-exceed-strength", 10, 15)]


def test_range_strength_against_lower_bound():
    assert lint("{min: 40, max: 60, sources: [g]}", "{at_least: 61, sources: [g]}") == [
        ("casualties-exceed-strength", 10, 15)]
    assert lint("{min: 40, max: 60, sources: [g]}", "{min: 50, max: 70, sources: [g]}") == []


def test_open_or_approximate_figures_are_not_compared():
    assert lint("{at_least: 50, sources: [g]}", "{count: 90, sources: [g]}") == []
    assert lint("{about: 50, sources: [g]}", "{count: 90, sources: [g]}") == []
    assert lint("{count: 50, sources: [g]}", "{about: 90, sources: [g]}") == []
    assert lint("{text: c. 50, sources: [g]}", "{count: 90, sources: [g]}") == []


def test_equipment_strength_is_not_personnel():
    assert lint("{count: 50, label: tanks, sources: [g]}", "{count: 90, sources: [g]}") == []
    assert lint("{count: 50, label: troops, sources: [g]}", "{count: 90, sources: [g]}") == [
        ("casualties-exceed-strength", 10, 15)]


def test_strength_adds_up_across_personnel_figures():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: Inconclusive}
    sides:
      - combatants: [France, Niger]
        strength:
          - {count: 50, sources: [g]}
          - {count: 60, sources: [g]}
        casualties:
          killed: {count: 90, sources: [g]}
      - combatants: [Prussia]
    sources:
      g: {publisher: G}
    """)
    assert only(findings, "casualties-exceed-strength") == []


def test_ships_and_units_in_unlabelled_text_are_not_personnel():
    assert lint('{count: 2, text: "2 light cruisers", sources: [g]}', "{count: 250, sources: [g]}") == []
    assert lint('{count: 3, text: "3 SS panzer divisions", sources: [g]}', "{count: 250, sources: [g]}") == []
    assert lint('{count: 50, text: "c. 50 men<ref>Smith, p. 4</ref>", sources: [g]}', "{count: 90, sources: [g]}") == [
        ("casualties-exceed-strength", 10, 15)]


def test_long_wars_are_not_compared():
    text = RECORD.format(strength="{count: 50, sources: [g]}", killed="{count: 90, sources: [g]}")
    assert only(lint_text(text.replace('{start: "1900"}', '{start: "1900", end: "1903"}')),
                "casualties-exceed-strength") == []
    assert only(lint_text(text.replace('{start: "1900"}', '{start: "1900-05", end: "1901-02"}')),
                "casualties-exceed-strength") == [("casualties-exceed-strength", 10, 15)]


def test_linked_unit_names_are_not_personnel():
    assert lint('{count: 1, text: "1 [[Free French Forces|FFF]] [[Battalion]]", sources: [g]}',
                "{count: 21, sources: [g]}") == []


def test_paratroopers_and_mountain_troops_are_personnel():
    # Battle of Crete: "22,000 paratroopers and mountain troops" beside a bare "2,700"
    strength = ('{count: 22000, text: "22,000 paratroopers and mountain troops", sources: [g]}\n'
                '      - {count: 2700, text: "2,700", sources: [g]}')
    assert lint(strength, "{count: 5894, sources: [g]}") == []
    assert lint(strength.replace("paratroopers and mountain troops", "light cruisers"),
                "{count: 5894, sources: [g]}") == [("casualties-exceed-strength", 11, 15)]


def test_a_group_label_before_the_count_is_not_what_is_counted():
    assert lint('{count: 50, text: "Southern France: 50 personnel", sources: [g]}', "{count: 90, sources: [g]}") == [
        ("casualties-exceed-strength", 10, 15)]


CATEGORIES = """
id: a
conflict: A
date: {{start: "1900"}}
result: {{text: Inconclusive}}
sides:
  - combatants: [France]
    strength:
      - {{count: 100, sources: [g]}}
    casualties:
{casualties}
  - combatants: [Prussia]
sources:
  g: {{publisher: G}}
"""


def lint_categories(*lines: str):
    text = CATEGORIES.format(casualties="\n".join(f"      {line}" for line in lines))
    return only(lint_text(text), "casualties-exceed-strength")


def test_categories_add_up_when_no_total_is_stated():
    assert lint_categories("killed: {count: 40, sources: [g]}", "wounded: {count: 50, sources: [g]}",
                           "captured: {count: 30, sources: [g]}") == [
        ("casualties-exceed-strength", 10, 7)]  # the casualty mapping
    assert lint_categories("killed: {count: 40, sources: [g]}", "wounded: {count: 50, sources: [g]}",
                           "missing: {count: 10, sources: [g]}") == []  # 100 is not more than 100


def test_a_stated_total_is_not_added_to_its_parts():
    assert lint_categories("killed: {count: 40, sources: [g]}", "wounded: {count: 50, sources: [g]}",
                           "captured: {count: 30, sources: [g]}", "total: {count: 95, sources: [g]}") == []


def test_overlapping_and_combined_figures_are_not_counted_twice():
    assert lint_categories("captured: {count: 60, text: 60 missing and captured, sources: [g]}",
                           "missing: {count: 60, sources: [g]}") == []
    assert lint_categories("killed: {count: 40, sources: [g]}",
                           "other: [{count: 90, text: 90 killed or wounded, sources: [g]}]") == []
    assert lint_categories("killed: {about: 60, sources: [g]}", "wounded: {count: 50, sources: [g]}") == []


def test_categories_add_up_in_wikitext_at_the_casualty_cell():
    text = ("{{Infobox military conflict\n| conflict = A\n| date = 3 May 1916\n| combatant1 = France\n"
            "| combatant2 = Spain\n| strength1 = 100 men<ref>A.</ref>\n"
            "| casualties1 = 40 killed<ref>A.</ref><br>50 wounded<ref>A.</ref><br>30 captured<ref>A.</ref>\n}}\n")
    assert only(lint_text(text, "x.wiki"), "casualties-exceed-strength") == [("casualties-exceed-strength", 7, 17)]
    assert only(lint_text(text.replace("30 captured", "10 captured"), "x.wiki"), "casualties-exceed-strength") == []
