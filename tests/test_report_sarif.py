"""The SARIF report validates against the SARIF 2.1.0 schema and meets GitHub code scanning's needs."""

from __future__ import annotations

import json

import jsonschema
import pytest

from linter.report import sarif
from linter.rules import all_rules
from tests.conftest import SPECS
from tests.reporting import UNSOURCED, invalid_run, lint_record, summary_of


@pytest.fixture(scope="module")
def log() -> dict:
    return json.loads(sarif.render(invalid_run()))


def test_validates_against_the_sarif_schema(log):
    schema = json.loads((SPECS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_driver_describes_the_tool_and_every_rule(log):
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "conflict-lint"
    assert driver["version"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in all_rules()]
    for descriptor, rule in zip(driver["rules"], all_rules(), strict=True):
        assert descriptor["name"] == rule.slug
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"]
        # The help is the rule's own documentation, in both forms code scanning shows.
        assert descriptor["help"]["markdown"] == descriptor["help"]["text"] == rule.doc
        assert "## Why is this bad" in descriptor["help"]["markdown"]


def test_results_carry_what_code_scanning_requires(log):
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(invalid_run().findings) > 10
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert uri.startswith("tests/fixtures/invalid/") and not uri.startswith("/")
        region = location["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert len(result["partialFingerprints"]["conflictLint/v1"]) == 32


def test_region_is_the_findings_span():
    [result] = json.loads(sarif.render(summary_of(lint_record(UNSOURCED))))["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 8, "startColumn": 9, "endLine": 8, "endColumn": 21}
    assert result["ruleId"] == "CL104" and result["level"] == "error"


def test_fingerprint_survives_a_line_inserted_above():
    def fingerprints(text):
        log = json.loads(sarif.render(summary_of(lint_record(text))))
        return [(r["partialFingerprints"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                for r in log["runs"][0]["results"]]

    [(before, line_before)] = fingerprints(UNSOURCED)
    [(after, line_after)] = fingerprints("# reviewed in 2024\n" + UNSOURCED)
    assert line_after == line_before + 1
    assert after == before


def test_paths_are_uri_encoded():
    findings = [f._replace(path="records/a b#1.yaml") for f in lint_record(UNSOURCED)]
    log = json.loads(sarif.render(summary_of(findings)))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "records/a%20b%231.yaml"


def test_the_information_uri_is_the_projects_declared_home_page(log):
    """A product address in an output must be real: the one pyproject.toml declares, or none
    (it once named a PyPI page that does not exist)."""
    import tomllib

    from tests.conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = project.get("urls", {}).get("Homepage")
    assert log["runs"][0]["tool"]["driver"].get("informationUri") == declared == sarif.INFORMATION_URI
    # nor does any other file of the product point at a package index page it is not on
    for path in [ROOT / "pyproject.toml", ROOT / "README.md", *ROOT.glob("docs/**/*.md"), *ROOT.glob("linter/**/*.py"),
                 *ROOT.glob("docs/ci/*")]:
        assert "pypi.org/project/conflict-lint" not in path.read_text("utf-8"), path
