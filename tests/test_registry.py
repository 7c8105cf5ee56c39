"""Every rule module is registered, documented, tested, has a fixture, and docs/rules.md is current."""

from __future__ import annotations

import importlib.util
import re

import pytest

from linter.rules import RULE_MODULES, all_rules, get_rule
from tests.conftest import FIXTURES, ROOT

RULES_DIR = ROOT / "linter" / "rules"
MODULES = sorted(p.stem for p in RULES_DIR.glob("*.py") if p.stem not in ("__init__", "base"))
SECTIONS = ("## What it does", "## Why is this bad", "## Example", "## Use instead")
# Rules whose position tests are being written with their reference data, in another branch.
AWAITING_TESTS: set[str] = set()
# Rules about the file itself, not its content, have no YAML example or fixture file;
# tests/test_hostile.py fires them through the CLI.
FILE_RULES = {"file_unreadable", "limit_exceeded"}
RULES = {rule.slug: rule for rule in all_rules()}
BY_MODULE = {module: get_rule(importlib.import_module(f"linter.rules.{module}").SLUG) for module in RULE_MODULES}


def test_every_module_is_registered():
    assert sorted(RULE_MODULES) == MODULES


@pytest.mark.parametrize("module", MODULES)
def test_rule_is_documented(module):
    rule = BY_MODULE[module]
    assert re.fullmatch(r"CL\d{3}", rule.code) and rule.slug and rule.summary
    positions = [rule.doc.find(section) for section in SECTIONS]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), (
        f"{module}: sections missing or out of order"
    )
    example = rule.doc.split("## Example", 1)[1]
    assert module in FILE_RULES or example.lstrip().startswith(("```yaml", "```wikitext")), (
        f"{module}: ## Example needs a yaml or wikitext block"
    )
    assert rule.doc.split("## Use instead", 1)[1].strip(), f"{module}: ## Use instead is empty"


@pytest.mark.parametrize("module", MODULES)
def test_rule_has_a_test_that_fires_it_and_a_fixture(module):
    rule = BY_MODULE[module]
    test_file = ROOT / "tests" / "rules" / f"test_{module}.py"
    fixtures = list((FIXTURES / "invalid").glob(f"{rule.slug}.*"))
    assert module in FILE_RULES or fixtures, f"no fixture invalid/{rule.slug}.*"
    if test_file.exists():
        assert f'"{rule.slug}", ' in test_file.read_text("utf-8"), (
            f"{test_file.name} asserts no position of {rule.slug}"
        )
    else:
        # Loader and schema stage rules (no check of their own) are fired by their fixtures.
        assert rule.check is None or module in AWAITING_TESTS, f"no tests/rules/test_{module}.py"


def test_codes_are_unique_and_grouped_by_family():
    codes = [rule.code for rule in all_rules()]
    assert len(codes) == len(set(codes))


def test_rules_doc_is_up_to_date():
    spec = importlib.util.spec_from_file_location("generate_rules_doc", ROOT / "scripts" / "generate_rules_doc.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    current = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert current == generator.render(), "docs/rules.md is out of date: run python scripts/generate_rules_doc.py"


def test_cli_lists_and_explains_every_rule():
    from click.testing import CliRunner

    from linter.cli import cli

    runner = CliRunner()
    listing = runner.invoke(cli, ["rules"]).output
    for rule in all_rules():
        assert rule.slug in listing
        for name in (rule.slug, rule.code):
            result = runner.invoke(cli, ["explain", name])
            assert result.exit_code == 0 and "## What it does" in result.output
