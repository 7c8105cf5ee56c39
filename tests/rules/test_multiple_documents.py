from linter.api import lint_text
from tests.conftest import only


def test_second_document_is_reported_at_its_start():
    findings = lint_text("""
    id: a
    ---
    id: b
    """)
    assert only(findings, "multiple-documents") == [("multiple-documents", 3, 1)]


def test_explicit_start_of_a_single_document_is_fine():
    findings = lint_text("""
    ---
    id: a
    """)
    assert only(findings, "multiple-documents") == []
