from linter.api import lint_text
from tests.conftest import only


def test_negative_count_is_reported_at_the_number():
    findings = lint_text("""
    sides:
      - casualties:
          killed: {count: -4, sources: [a]}
    """)
    assert only(findings, "figure-negative") == [("figure-negative", 3, 23)]


def test_negative_range_end_in_strength():
    findings = lint_text("""
    sides:
      - strength:
          - {min: -1, max: 20, sources: [a]}
    """)
    assert only(findings, "figure-negative") == [("figure-negative", 3, 15)]


def test_zero_and_positive_figures_are_fine():
    findings = lint_text("""
    sides:
      - casualties:
          killed: {count: 0, sources: [a]}
          wounded: {low: 1, best: 2, high: 3, sources: [a]}
    """)
    assert only(findings, "figure-negative") == []
