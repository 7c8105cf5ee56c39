"""Recall on real infoboxes: one known defect injected into each of 98 copies of the gold set's
real infoboxes (tests/recall/inject.py), every rule that can fire on wikitext covered; the share
lint finds may not fall below the committed floor (tests/recall/floor.json).
``python scripts/recall_report.py --misses`` prints it per kind of defect."""

from __future__ import annotations

import json
from pathlib import Path

from linter.rules import all_rules
from tests.recall.inject import cases, recall

FLOOR = json.loads((Path(__file__).parent / "recall" / "floor.json").read_text("utf-8"))
# Rules that read only YAML/JSON records, that judge a record against others in ways one
# injected file cannot set up, or that guard input limits rather than infobox content
# (see tests/recall/README.md).
NOT_INJECTED = {"implicit-type", "multiple-documents", "unknown-field", "unsupported-yaml", "unused-suppression",
                "file-unreadable", "partof-unresolved", "partof-date-outside", "see-also-unresolved",
                "schema-violation", "limit-exceeded"}
CASES = cases()


def test_cases_are_many_seeded_and_one_rule_each():
    first, again = CASES, cases()
    assert [(c.name, c.text) for c in first] == [(c.name, c.text) for c in again]
    assert len(first) >= 60 and len({c.name for c in first}) == len(first)
    assert all(c.text != c.original or c.rule in ("duplicate-record", "syntax-error") for c in first)


def test_every_rule_that_reads_wikitext_is_injected():
    injected = {c.rule for c in CASES}
    assert {r.slug for r in all_rules()} - NOT_INJECTED <= injected


def test_recall_stays_at_or_above_its_floor(capsys):
    per_kind = recall(CASES)
    hits, total = sum(h for h, _ in per_kind.values()), sum(t for _, t in per_kind.values())
    with capsys.disabled():
        print(f"\nrecall: {hits} of {total} injected defects found ({100 * hits / total:.1f}%; target 95%)")
        for kind, (hit, count) in per_kind.items():
            if hit < count:
                print(f"  {hit}/{count} {kind}")
    assert hits / total >= FLOOR["recall"]
