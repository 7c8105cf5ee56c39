"""Each rule declares its scope and what it reads; the cross-record stage holds it to that."""

from __future__ import annotations

import pytest

import linter.rules
from linter import engine
from linter.errors import InternalError
from linter.findings import Severity
from linter.model.document import Hit
from linter.records import RECORD_SET_FIELDS
from linter.rules import all_rules
from linter.rules.base import CROSS_RECORD, Rule
from linter.runner import lint_paths, summary_fields


def test_summaries_carry_exactly_what_cross_record_rules_declare():
    declared = {name for rule in all_rules() if rule.cross_record for name in rule.reads}
    assert set(summary_fields()) == declared | set(RECORD_SET_FIELDS)
    assert "place" not in summary_fields() and "result" not in summary_fields()


def test_cross_record_rules_are_the_ones_that_declare_it():
    assert {rule.slug for rule in all_rules() if rule.cross_record} == {
        "partof-unresolved", "partof-date-outside", "duplicate-record", "see-also-unresolved"}
    assert all(rule.reads == () for rule in all_rules() if not rule.cross_record)


def test_a_cross_record_rule_without_reads_is_refused():
    import types

    module = types.ModuleType("linter.rules.sloppy")
    module.__doc__ = "Sloppy."
    module.CODE, module.SLUG, module.SEVERITY, module.SCOPE = "CL498", "sloppy", Severity.ERROR, CROSS_RECORD
    with pytest.raises(ValueError, match="READS"):
        Rule.from_module(module)


def test_a_cross_record_rule_reading_an_undeclared_field_fails_loudly(tmp_path, monkeypatch):
    def check(doc, context):
        if doc.record is not None and doc.record.get("place"):
            yield Hit("has a place", pointer="/place")

    sneaky = Rule(code="CL499", slug="sneaky-read", severity=Severity.ERROR, summary="Sneaky.", doc="",
                  check=check, scope=CROSS_RECORD, reads=("part_of",))
    rules = (*all_rules(), sneaky)
    index = {**linter.rules._index(), "cl499": sneaky, "sneaky-read": sneaky}
    monkeypatch.setattr(linter.rules, "all_rules", lambda: rules)
    monkeypatch.setattr(linter.rules, "_index", lambda: index)
    monkeypatch.setattr(engine, "all_rules", lambda: rules)
    record = tmp_path / "a.yaml"
    record.write_text("id: a\nplace: {name: Ayorou}\n")
    with pytest.raises(InternalError, match=r"sneaky-read.*'place'.*READS"):
        lint_paths([(record, "a.yaml")], jobs=1)


def test_stages_name_the_rules_they_report_through_the_rule_modules():
    """A slug typed as a string is checked only when that path runs; a module's SLUG at import."""
    import re

    from tests.conftest import ROOT

    typed = [f"{path.relative_to(ROOT)}:{text}" for path in sorted((ROOT / "linter").rglob("*.py"))
             for text in re.findall(r'rule="[^"]*"', path.read_text("utf-8"))]
    assert typed == []
