from linter.api import lint_text
from tests.conftest import only


def test_text_without_a_number_is_reported_at_the_text():
    findings = lint_text("""
    sides:
      - strength:
          - {text: Limited support from the corps, sources: [a]}
    """)
    assert only(findings, "figure-malformed") == [("figure-malformed", 3, 16)]


def test_readable_texts_and_structured_figures_are_fine():
    findings = lint_text("""
    sides:
      - strength:
          - {text: c. 1,400 infantry, sources: [a]}
          - {text: unknown, sources: [a]}
          - {about: 300, text: several hundred, sources: [a]}
        casualties:
          killed: {text: 20+ killed, sources: [a]}
    """)
    assert only(findings, "figure-malformed") == []
