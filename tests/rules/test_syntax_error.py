from linter.api import lint_text
from tests.conftest import codes_at


def test_unclosed_flow_mapping_is_reported_where_the_parser_stops():
    findings = lint_text("""
    id: x
    date: {start: "2020"
    result: {text: Ongoing}
    """)
    assert codes_at(findings) == [("syntax-error", 3, 1)]


def test_bad_indentation_is_reported_at_its_line():
    findings = lint_text("""
    id: x
    conflict: y
      date: z
    """)
    assert codes_at(findings) == [("syntax-error", 3, 7)]


def test_json_syntax_error_has_its_position():
    findings = lint_text('{\n  "id": "x",\n  "conflict": \n}\n', "record.json")
    assert codes_at(findings) == [("syntax-error", 4, 1)]


def test_binary_file_is_a_finding_not_a_crash():
    findings = lint_text("id: x\0\0\0", "record.yaml")
    assert codes_at(findings) == [("syntax-error", 1, 1)]


def test_well_formed_yaml_has_no_syntax_error():
    findings = lint_text("id: x\nconflict: y\n")
    assert "syntax-error" not in {f.rule for f in findings}
