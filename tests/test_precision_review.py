"""The precision review (scripts/precision_review.py, docs/precision.md): a fixed-seed sample
that findings added or dropped only move at its margin, and judgments that each say why."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("precision_review", ROOT / "scripts" / "precision_review.py")
assert spec is not None and spec.loader is not None
sys.path.insert(0, str(ROOT / "scripts"))
review = importlib.util.module_from_spec(spec)
sys.modules["precision_review"] = review  # dataclasses look their module up there
spec.loader.exec_module(review)

FINDINGS = [(f"wikitext/f{i}.wiki:{i}:1:{'figure-unsourced' if i % 3 else 'unknown-parameter'}",
             "figure-unsourced" if i % 3 else "unknown-parameter", "m") for i in range(300)]


def test_the_sample_is_the_same_on_every_run():
    assert review.sample(FINDINGS, 50) == review.sample(list(reversed(FINDINGS)), 50)


def test_a_new_finding_leaves_the_rest_of_the_sample_in_place():
    before = {s.identity for s in review.sample(FINDINGS, 50, per_rule=0)}
    after = {
        s.identity
        for s in review.sample(
            [*FINDINGS, ("wikitext/new.wiki:1:1:figure-unsourced", "figure-unsourced", "m")], 50, per_rule=0
        )
    }
    assert len(before - after) <= 1


def test_every_rule_with_twenty_findings_gets_twenty_judgments():
    chosen = review.sample(FINDINGS, 10)
    assert sum(s.rule == "unknown-parameter" for s in chosen) >= 20
    assert sum(s.uniform for s in chosen) == 10


def test_every_judgment_has_a_verdict_a_reason_and_for_a_false_positive_a_fix():
    judgments = review.load_judgments()
    assert len(judgments) >= 200
    for key, judgment in judgments.items():
        assert key.count(":") >= 3 and judgment["verdict"] in review.VERDICTS and judgment["reason"], key
        assert judgment["verdict"] != "false" or judgment.get("fix"), key


def test_precision_counts_true_against_false_only():
    assert review.precision(["true", "true", "false", "debatable"]) == "66.7%"
    assert review.precision(["debatable"]) == "n/a"
