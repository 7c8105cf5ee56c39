from linter.api import lint_text
from tests.conftest import only


def test_figure_without_sources_is_reported_at_the_figure():
    findings = lint_text("""
    sides:
      - strength:
          - {about: 300}
    """)
    assert only(findings, "figure-unsourced") == [("figure-unsourced", 3, 9)]


def test_citation_of_an_unlisted_source_is_reported_at_the_id():
    findings = lint_text("""
    other_casualties:
      civilians: {count: 3, sources: [gazette, afp]}
    sources:
      gazette: {publisher: The Gazette}
    """)
    assert only(findings, "figure-unsourced") == [("figure-unsourced", 2, 44)]


def test_sourced_figures_are_fine():
    findings = lint_text("""
    sides:
      - casualties:
          killed: {count: 3, sources: [gazette]}
    sources:
      gazette: {publisher: The Gazette}
    """)
    assert only(findings, "figure-unsourced") == []


def test_placeholder_figure_is_left_to_placeholder_rule():
    findings = lint_text("""
    sides:
      - casualties:
          other:
            - text: None
    """)
    assert only(findings, "figure-unsourced") == []
