"""The command line's report options: --format, --output FORMAT:PATH, --statistics, GitHub annotations."""

from __future__ import annotations

import json

from click.testing import CliRunner

from linter.cli import cli
from tests.conftest import FIXTURES

INVALID = str(FIXTURES / "invalid")
UNCORRECTED = str(FIXTURES / "invalid" / "ayorou-uncorrected.yaml")


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": None, **(env or {})},
                              catch_exceptions=False)


def test_several_formats_in_one_run(tmp_path):
    sarif, gitlab = tmp_path / "out.sarif", tmp_path / "cq.json"
    result = run("lint", INVALID, "--format", "json", "--output", f"sarif:{sarif}", "--output", f"gitlab:{gitlab}")
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    assert len(json.loads(sarif.read_text())["runs"][0]["results"]) == len(findings)
    assert len(json.loads(gitlab.read_text())) == len(findings)


def test_every_format_is_a_choice_of_format():
    for name in ("sarif", "junit", "github", "gitlab"):
        assert run("lint", UNCORRECTED, "--format", name).exit_code == 1


def test_malformed_output_option_is_a_usage_error():
    result = run("lint", UNCORRECTED, "--output", "sarif")
    assert result.exit_code == 2 and "FORMAT:PATH" in result.output
    assert run("lint", UNCORRECTED, "--output", "yaml:x.yaml").exit_code == 2


def test_unwritable_output_is_a_message(tmp_path):
    result = run("lint", UNCORRECTED, "--output", f"sarif:{tmp_path / 'missing' / 'out.sarif'}")
    assert result.exit_code == 2 and "cannot write" in result.output


def test_statistics_table_follows_the_findings():
    lines = run("lint", UNCORRECTED, "--statistics").output.splitlines()
    assert lines[-3:] == [
        ("3  CL104  figure-unsourced       error    A strength or casualty figure cites no source, "
         "or cites one the record does not list"),
        ('1  CL007  placeholder-value      warning  A placeholder ("None", "N/A", "TBD", "?") stands beside '
         'real values, or "N/A" anywhere'),
        "1  CL301  result-unlisted-party  error    The result credits a party that no side lists as a combatant",
    ]


def test_statistics_leave_machine_output_parseable():
    result = CliRunner().invoke(cli, ["lint", UNCORRECTED, "--format", "json", "--statistics"])
    json.loads(result.stdout)
    assert "CL104" in result.stderr


def test_github_annotations_are_added_on_github_actions():
    result = run("lint", UNCORRECTED, env={"GITHUB_ACTIONS": "true"})
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    assert len(annotations) == 5 and annotations[0].startswith("::error file=")


def test_github_annotations_can_be_turned_off_or_on():
    off = run("lint", UNCORRECTED, "--no-github-annotations", env={"GITHUB_ACTIONS": "true"})
    assert "::error" not in off.output
    assert "::error" in run("lint", UNCORRECTED, "--github-annotations").output
    assert "::" not in run("lint", UNCORRECTED).output


def test_github_annotations_never_corrupt_machine_output():
    result = run("lint", UNCORRECTED, "--format", "sarif", env={"GITHUB_ACTIONS": "true"})
    json.loads(result.output)
