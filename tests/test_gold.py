"""The gold set (tests/gold/): import and lint of 81 hand-read infoboxes, compared field by
field with what a reader of the rendered infobox writes down. The accuracy may not fall
below the committed floor (tests/gold/floor.json); scripts/gold_accuracy.py prints it per field."""

from __future__ import annotations

import json

import pytest

from linter.rules import all_rules
from tests.gold.measure import (
    GOLD,
    Field,
    accuracy,
    compare_findings,
    compare_record,
    figure,
    load_expectations,
    measure,
)

EXPECTATIONS = load_expectations()


def test_the_gold_set_holds_sixty_real_and_twenty_written_infoboxes():
    real = [e for _, e in EXPECTATIONS if e.get("written_by", "wikipedia") == "wikipedia"]
    ours = [e for _, e in EXPECTATIONS if e.get("written_by") == "us"]
    assert len(real) >= 60 and len(ours) >= 20
    attribution = (GOLD / "ATTRIBUTION.md").read_text("utf-8")
    assert all(e["file"] in attribution for e in real)
    assert all((GOLD / e["file"]).read_text("utf-8").startswith("<!-- Written for") for e in ours)


@pytest.mark.parametrize("path,expectation", EXPECTATIONS, ids=[p.stem for p, _ in EXPECTATIONS])
def test_an_expectation_names_real_rules_at_real_positions(path, expectation):
    slugs = {rule.slug for rule in all_rules()}
    lines = (GOLD / expectation["file"]).read_text("utf-8").split("\n")
    for finding in expectation.get("findings") or []:
        slug, where = finding.split("#")[0].split()
        line, columns = where.split(":")
        assert slug in slugs, finding
        assert 1 <= int(line) <= len(lines) and int(columns.split("-")[-1]) <= len(lines[int(line) - 1]), finding


def test_figures_compare_in_their_compact_form():
    assert figure({"count": 52, "sources": ["a"]}) == "52 (s)"
    assert figure({"min": 9, "max": 12}) == "9-12"
    assert figure({"at_least": 20, "sources": []}) == "20+"
    assert figure({"text": "IV Corps"}) == "text"


def test_a_missing_or_extra_value_is_a_wrong_field():
    fields = compare_record("f", {"conflict": "A", "sides": [{"strength": ["5"]}]},
                            {"conflict": "A", "sides": [{"strength": [{"count": 5}, {"count": 7}]}]})
    assert [(f.name, f.right) for f in fields] == [("conflict", True), ("strength", True), ("strength", False)]


def test_a_finding_may_stand_anywhere_in_its_range():
    fields = compare_findings("f", ["figure-unsourced 3:14-17", "total-mismatch 4:2"],
                              ["figure-unsourced 3:14", "total-mismatch 4:3"])
    assert [f.right for f in fields] == [True, False, False]


def test_gold_accuracy_stays_at_or_above_its_floor(capsys):
    floor = json.loads((GOLD / "floor.json").read_text("utf-8"))
    fields: list[Field] = measure(EXPECTATIONS)
    real = [f for f in fields if f.file.startswith("corpus/")]
    ours = [f for f in fields if f.file.startswith("written/")]
    with capsys.disabled():
        print(f"\ngold accuracy: {100 * accuracy(fields):.1f}% of {len(fields)} fields "
              f"(real {100 * accuracy(real):.1f}%, written {100 * accuracy(ours):.1f}%; target 97%)")
    assert accuracy(real) >= floor["real"]
    assert accuracy(ours) >= floor["written"]
    assert accuracy(fields) >= floor["all"]
