"""The GitLab Code Quality report: GitLab's documented fields, unique and line-independent fingerprints."""

from __future__ import annotations

import json

import jsonschema

from linter.report import gitlab
from tests.reporting import UNSOURCED, finding, invalid_run, lint_record, summary_of

# GitLab publishes no JSON Schema for Code Quality reports; this one encodes the field list of its
# documentation ("Code Quality report format": each issue needs description, check_name,
# fingerprint, severity, location.path and location.lines.begin; severity is one of five words).
CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_validates_against_the_documented_fields():
    issues = json.loads(gitlab.render(invalid_run()))
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    assert len(issues) == len(invalid_run().findings) > 10
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_severity_mapping():
    from linter.findings import Severity

    issues = json.loads(gitlab.render(summary_of([finding(severity=s) for s in Severity])))
    assert [issue["severity"] for issue in issues] == ["info", "minor", "major"]


def test_identical_findings_get_distinct_fingerprints():
    issues = json.loads(gitlab.render(summary_of([finding(line=3), finding(line=9)])))
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_fingerprints_survive_a_line_inserted_above():
    before = json.loads(gitlab.render(summary_of(lint_record(UNSOURCED))))
    after = json.loads(gitlab.render(summary_of(lint_record("# reviewed\n" + UNSOURCED))))
    assert after[0]["location"]["lines"]["begin"] == before[0]["location"]["lines"]["begin"] + 1
    assert after[0]["fingerprint"] == before[0]["fingerprint"]
