"""Every fixture behaves as its name says: valid/ files are clean, invalid/<rule>.yaml fires <rule>."""

from __future__ import annotations

import pytest

from linter.discover import discover, display_path
from linter.runner import lint_paths
from tests.conftest import FIXTURES, ROOT

VALID = sorted((FIXTURES / "valid").iterdir())
INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.stem != "ayorou-uncorrected")


# Cross-record rules resolve against the valid fixtures and the bundled records, as a project's
# configured `roots` would let them.
ROOTS = (FIXTURES / "valid", ROOT / "records")


def lint(path, roots=ROOTS):
    neighbours = [(p, display_path(p)) for p in discover([str(root) for root in roots]).files]
    return lint_paths([(path, display_path(path))], jobs=1, neighbours=neighbours)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixture_is_clean(path):
    assert lint(path) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_breaks_exactly_its_rule(path):
    assert {f.rule for f in lint(path)} == {path.stem}


def test_uncorrected_ayorou_record():
    # Beside its parent only: with the corrected record in the set it would also be a duplicate-record.
    findings = lint(FIXTURES / "invalid" / "ayorou-uncorrected.yaml",
                    roots=[ROOT / "records" / "jihadist-insurgency-in-niger.yaml"])
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("result-unlisted-party", 10, 9),
        ("figure-unsourced", 14, 15),
        ("figure-unsourced", 15, 16),
        ("placeholder-value", 17, 17),
        ("figure-unsourced", 20, 15),
    ]
