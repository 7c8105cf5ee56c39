"""Shared test helpers: lint a record given as text and read findings as (rule, line, column)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.api import lint_text  # noqa: F401  (re-exported for tests)
from linter.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
# Report-format schemas the tests validate against, kept in the checkout (tests/specs/SOURCES.md).
SPECS = ROOT / "tests" / "specs"


def codes_at(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in findings]


def only(findings: list[Finding], rule: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in findings if f.rule == rule]


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
