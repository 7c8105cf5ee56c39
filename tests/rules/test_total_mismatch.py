from __future__ import annotations

from tests.conftest import lint_text, only

RECORD = """
id: a
conflict: A
date: {{start: "1900"}}
result: {{text: Inconclusive}}
sides:
  - combatants: [France]
    casualties:
{casualties}
  - combatants: [Prussia]
sources:
  g: {{publisher: G}}
  h: {{publisher: H}}
"""


def lint(*lines: str):
    casualties = "\n".join(f"      {line}" for line in lines)
    return only(lint_text(RECORD.format(casualties=casualties)), "total-mismatch")


def test_exact_parts_that_add_up_to_more_than_the_total():
    assert lint("killed: {count: 9, sources: [g]}", "wounded: {count: 8, sources: [g]}",
                "total: {count: 15, sources: [g]}") == [("total-mismatch", 10, 14)]


def test_a_total_above_some_parts_may_hold_the_others():
    # killed and wounded only: the 2 more may be captured or missing
    assert lint("killed: {count: 9, sources: [g]}", "wounded: {count: 8, sources: [g]}",
                "total: {count: 19, sources: [g]}") == []


def test_all_four_parts_stated_must_add_up_to_the_total():
    assert lint("killed: {count: 9, sources: [g]}", "wounded: {count: 8, sources: [g]}",
                "captured: {count: 1, sources: [g]}", "missing: {count: 1, sources: [g]}",
                "total: {count: 21, sources: [g]}") == [("total-mismatch", 12, 14)]


def test_overlapping_parts_are_not_summed():
    # "262,929 missing and captured" already holds the captured
    assert lint("killed: {count: 26397, sources: [g]}",
                "missing: {count: 262929, text: 262929 missing and captured, sources: [g]}",
                "captured: {count: 158480, sources: [g]}", "total: {count: 400000, sources: [g]}") == []


def test_exact_parts_that_add_up():
    assert lint("killed: {count: 9, sources: [g]}", "wounded: {count: 8, sources: [g]}",
                "total: {count: 17, sources: [g]}") == []


def test_a_single_part_is_a_subset_not_a_sum():
    # "74,000, including 50,000 captured"
    assert lint("captured: {count: 50000, sources: [g]}", "total: {count: 74000, sources: [g]}") == []


def test_a_part_larger_than_the_total():
    assert lint("captured: {count: 80000, sources: [g]}", "total: {count: 74000, sources: [g]}") == [
        ("total-mismatch", 9, 14)]


def test_approximate_and_open_figures_are_not_summed():
    assert lint("killed: {about: 9, sources: [g]}", "wounded: {count: 8, sources: [g]}",
                "total: {count: 19, sources: [g]}") == []
    assert lint("killed: {at_least: 9, sources: [g]}", "wounded: {count: 8, sources: [g]}",
                "total: {count: 19, sources: [g]}") == []
    assert lint("killed: {count: 9, sources: [g]}", "wounded: {count: 8, sources: [g]}",
                "total: {at_least: 12, sources: [g]}") == []


def test_civilians_and_other_losses_are_not_parts():
    assert lint("killed: {count: 9, sources: [g]}", "wounded: {count: 8, sources: [g]}",
                "civilians: {count: 30, sources: [g]}", "total: {count: 17, sources: [g]}") == []


def test_joint_casualties():
    findings = lint_text("""
    id: a
    conflict: A
    date: {start: "1900"}
    result: {text: Inconclusive}
    sides:
      - combatants: [France]
      - combatants: [Prussia]
    other_casualties:
      killed: {count: 5, sources: [g]}
      wounded: {count: 5, sources: [g]}
      total: {count: 9, sources: [g]}
    sources:
      g: {publisher: G}
    """)
    assert only(findings, "total-mismatch") == [("total-mismatch", 11, 10)]


def test_parts_from_another_source_are_not_summed():
    assert lint("killed: {count: 9, sources: [g]}", "wounded: {count: 8, sources: [g]}",
                "total: {count: 15, sources: [h]}") == []
    assert lint("killed: {count: 9, sources: [g, h]}", "wounded: {count: 8, sources: [h]}",
                "total: {count: 15, sources: [h]}") == [("total-mismatch", 10, 14)]


WIKI = """{{{{Infobox military conflict
| conflict = A
| date = 3 May 1916
| combatant1 = France
| combatant2 = Spain
| casualties1 = {cell}
}}}}
"""


def test_a_total_in_one_phase_is_not_summed_with_another_phases_figures():
    cell = "'''First phase:'''<br>300<br>'''Second phase:'''<br>250 killed<br>100 wounded"
    assert only(lint_text(WIKI.format(cell=cell), "x.wiki"), "total-mismatch") == []
    together = "'''First phase:'''<br>300<br>250 killed<br>100 wounded"
    assert only(lint_text(WIKI.format(cell=together), "x.wiki"), "total-mismatch") == [("total-mismatch", 6, 39)]


def test_parts_joined_by_and_in_brackets_are_all_summed():
    cell = "15,751 casualties (3,700 killed, 10,874 wounded and 1,086 missing)"
    findings = [f for f in lint_text(WIKI.format(cell=cell), "x.wiki") if f.rule == "total-mismatch"]
    assert [(f.line, f.column) for f in findings] == [(6, 17)]
    assert "killed, wounded, missing add up to 15,660" in findings[0].message
