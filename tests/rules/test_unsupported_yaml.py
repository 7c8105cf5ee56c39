from linter.api import lint_text, load_text
from tests.conftest import only


def test_object_building_tag_is_reported_and_read_as_plain_data():
    findings = lint_text("conflict: !!python/object/apply:os.system [echo hi]\n")
    assert only(findings, "unsupported-yaml") == [("unsupported-yaml", 1, 11)]
    assert load_text("conflict: !!python/object/apply:os.system [echo hi]\n").data == {"conflict": ["echo hi"]}


def test_custom_tag_is_reported():
    findings = lint_text("conflict: !secret Battle\n")
    assert only(findings, "unsupported-yaml") == [("unsupported-yaml", 1, 11)]


def test_merge_key_is_reported_at_the_key_and_not_merged():
    findings = lint_text("""
    defaults: &defaults {sources: [afp]}
    killed: {<<: *defaults, count: 9}
    """)
    assert only(findings, "unsupported-yaml") == [("unsupported-yaml", 2, 10)]
    assert load_text("a: &d {x: 1}\nb: {<<: *d, y: 2}\n").data["b"] == {"y": 2}


def test_anchors_and_plain_explicit_tags_are_fine():
    findings = lint_text("""
    a: &name France
    b: *name
    c: !!str 12
    """)
    assert only(findings, "unsupported-yaml") == []
