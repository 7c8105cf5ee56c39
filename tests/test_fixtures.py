"""Every fixture behaves as its name says: valid/ files are clean, invalid/<rule>.yaml fires <rule>."""

from __future__ import annotations

import pytest

from linter.discover import display_path
from linter.engine import lint_documents
from linter.load import load_file
from tests.conftest import FIXTURES

VALID = sorted((FIXTURES / "valid").iterdir())
INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.stem != "ayorou-uncorrected")


def lint(path):
    return lint_documents([load_file(path, display_path(path))])


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixture_is_clean(path):
    assert lint(path) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_breaks_exactly_its_rule(path):
    assert {f.rule for f in lint(path)} == {path.stem}


def test_uncorrected_ayorou_record():
    findings = lint(FIXTURES / "invalid" / "ayorou-uncorrected.yaml")
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("result-unlisted-party", 10, 9),
        ("figure-unsourced", 14, 15),
        ("figure-unsourced", 15, 16),
        ("placeholder-value", 17, 17),
        ("figure-unsourced", 20, 15),
    ]
