"""The command line: exit codes, output formats, messages instead of tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from linter import __version__
from linter.cli import cli
from linter.load import is_lintable
from tests.conftest import FIXTURES, ROOT

UNCORRECTED = str(FIXTURES / "invalid" / "ayorou-uncorrected.yaml")
CLEAN = str(FIXTURES / "valid" / "minimal.json")
PLACEHOLDER_ONLY = str(FIXTURES / "invalid" / "placeholder-value.yaml")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_clean_file_exits_0():
    result = run("lint", CLEAN)
    assert result.exit_code == 0
    assert result.output == "1 file checked, no findings.\n"


def test_findings_exit_1_with_one_line_per_finding():
    result = run("lint", UNCORRECTED)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith(
        "ayorou-uncorrected.yaml:10:9: CL301 [result-unlisted-party] error: the result credits France ('Franco-'), "
        "but no side lists it among its combatants: add it to the side it fought on, or correct the result")
    assert lines[-1] == "1 file checked: 5 findings (4 errors, 1 warning)."


def test_fail_on_controls_the_exit_code():
    assert run("lint", PLACEHOLDER_ONLY).exit_code == 0  # only a warning; default fails on error
    assert run("lint", "--fail-on", "warning", PLACEHOLDER_ONLY).exit_code == 1
    assert run("lint", "--fail-on", "never", UNCORRECTED).exit_code == 0


def test_missing_path_exits_2_with_a_message():
    result = run("lint", "no/such/records")
    assert result.exit_code == 2
    assert "no such file or directory: no/such/records" in result.output


def test_unknown_rule_in_select_exits_2():
    result = run("lint", "--select", "no-such-rule", CLEAN)
    assert result.exit_code == 2
    assert "unknown rule 'no-such-rule'" in result.output


def test_select_and_ignore_filter_rules():
    only_unsourced = run("lint", "--output-format", "concise", "--select", "figure-unsourced", UNCORRECTED)
    assert {line.split("[")[1].split("]")[0] for line in only_unsourced.output.splitlines()[:-1]} == {
        "figure-unsourced"
    }
    without = run("lint", "--ignore", "CL104", "--ignore", "result-unlisted-party", "--fail-on", "warning", UNCORRECTED)
    assert "[figure-unsourced]" not in without.output and "[placeholder-value]" in without.output


def test_quiet_drops_the_summary():
    assert run("lint", "--quiet", CLEAN).output == ""


def test_json_output_contract():
    result = run("lint", "--format", "json", UNCORRECTED)
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert set(report) == {"version", "tool", "findings", "summary"}
    assert report["tool"] == {"name": "conflict-lint", "version": __version__}
    first = report["findings"][0]
    assert set(first) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "rule",
        "severity",
        "message",
        "pointer",
        "fix",
    }
    assert (first["rule"], first["code"], first["line"], first["column"], first["pointer"]) == (
        "result-unlisted-party",
        "CL301",
        10,
        9,
        "/result/text",
    )
    assert report["summary"] == {
        "files": 1,
        "findings": 5,
        "by_severity": {"error": 4, "warning": 1, "info": 0},
        "by_rule": {"figure-unsourced": 3, "placeholder-value": 1, "result-unlisted-party": 1},
        "fixable": {"safe": 0, "unsafe": 2}, "fixed": None,
    }


def test_directory_is_searched_for_records():
    result = run("lint", "--fail-on", "never", str(FIXTURES / "invalid"))
    checked = len([p for p in (FIXTURES / "invalid").iterdir() if is_lintable(p)])
    assert result.output.splitlines()[-1].startswith(f"{checked} files checked")


def test_no_colour_without_a_terminal():
    assert "\033[" not in run("lint", UNCORRECTED).output


def test_rules_and_explain():
    listed = run("rules", "--format", "json")
    slugs = {rule["rule"] for rule in json.loads(listed.output)}
    assert {"syntax-error", "result-unlisted-party", "figure-unsourced"} <= slugs
    explained = run("explain", "CL301")
    assert explained.exit_code == 0
    assert "## What it does" in explained.output and "## Use instead" in explained.output
    assert run("explain", "nope").exit_code == 2


def test_version_and_help():
    assert __version__ in run("--version").output
    for command in ("lint", "rules", "explain"):
        assert run(command, "--help").exit_code == 0


def test_python_dash_m_runs_the_bundled_records_clean():
    result = subprocess.run(
        [sys.executable, "-m", "linter", "lint"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.endswith("no findings.\n")


def test_exit_codes_of_unreadable_files_are_as_documented(tmp_path, monkeypatch):
    # README.md and docs/json-output.md: found in a directory, a file that cannot be read is a
    # file-unreadable finding (exit 1); named on the command line, a broken link is a missing path (exit 2).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "dangling.yaml").symlink_to(tmp_path / "records" / "nowhere.yaml")
    found = run("lint", "--no-cache", "records")
    assert found.exit_code == 1
    assert "records/dangling.yaml:1:1: CL021 [file-unreadable]" in found.output
    assert run("lint", "--no-cache", "--fail-on", "never", "records").exit_code == 0
    named = CliRunner().invoke(cli, ["lint", "--no-cache", "records/dangling.yaml"])
    assert named.exit_code == 2 and "no such file or directory: records/dangling.yaml" in named.output
    for page in ("README.md", "docs/json-output.md"):
        text = (ROOT / page).read_text("utf-8")
        assert "`file-unreadable` (CL021, an error) |" in text and "an unreadable file |" not in text


def test_every_command_of_cli_commands_is_listed_under_its_name():
    """The group imports linter/cli_commands.py only when a command of it is named: a command
    defined there but missing from LAZY_COMMANDS would never be found."""
    import click

    from linter import cli_commands
    from linter.cli import LAZY_COMMANDS

    defined = {value.name: name for name, value in vars(cli_commands).items()
               if isinstance(value, click.Command) and value.name != "lint"}
    assert defined == LAZY_COMMANDS
    listed = [line.split()[0] for line in CliRunner().invoke(cli, ["--help"]).output.split("Commands:")[1].splitlines()
              if line.strip()]
    assert listed == sorted([*LAZY_COMMANDS, "lint"])
