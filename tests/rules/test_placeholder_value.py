from linter.api import lint_text
from tests.conftest import only


def test_stray_placeholder_in_a_list():
    findings = lint_text("""
    sides:
      - combatants: [France]
        commanders: [Jean Martin, TBD]
    """)
    assert only(findings, "placeholder-value") == [("placeholder-value", 3, 31)]


def test_stray_placeholder_in_comma_separated_text():
    findings = lint_text("""
    territory: Red Ford ceded, None
    """)
    assert only(findings, "placeholder-value") == [("placeholder-value", 1, 12)]


def test_stray_placeholder_figure_beside_real_figures():
    findings = lint_text("""
    sides:
      - casualties:
          killed: {count: 9, sources: [a]}
          other:
            - text: None
    """)
    assert only(findings, "placeholder-value") == [("placeholder-value", 5, 17)]


def test_na_is_reported_even_alone():
    findings = lint_text("territory: N/A\n")
    assert only(findings, "placeholder-value") == [("placeholder-value", 1, 12)]


def test_unknown_or_none_as_whole_values_are_allowed():
    findings = lint_text("""
    territory: None
    sides:
      - commanders: [Unknown]
        casualties:
          other:
            - text: unknown
    """)
    assert only(findings, "placeholder-value") == []


def test_thousands_separator_is_not_an_item_separator():
    findings = lint_text("territory: c. 1,400 km2, none beyond\n")
    assert only(findings, "placeholder-value") == []


def test_a_placeholder_that_comes_first_stands_for_what_the_rest_leaves_out():
    # "unknown<br>1 destroyer damaged": the losses in men are unknown; "Unknown, but heavy"
    findings = lint_text("""
    sides:
      - casualties:
          other:
            - text: unknown
            - {count: 1, text: 1 destroyer damaged, sources: [a]}
      - casualties:
          total: {text: "Unknown, but heavy"}
    """)
    assert only(findings, "placeholder-value") == []
    trailing = lint_text("""
    sides:
      - casualties:
          other:
            - {count: 1, text: 1 destroyer damaged, sources: [a]}
            - text: unknown
    """)
    assert only(trailing, "placeholder-value") == [("placeholder-value", 5, 17)]
