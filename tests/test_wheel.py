"""The installation path docs/ci.md documents: a built wheel in a fresh virtual environment,
installed and run with the documented CI files' own commands.

It needs the network (or a configured package index) for the dependencies, as the CI files do,
and a minute or two, so it runs where CONFLICT_LINT_WHEEL_TEST=1: in .ci/run, the CI entry point.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, ROOT

GITHUB = ROOT / "docs" / "ci" / "github-actions.yml"
GITLAB = ROOT / "docs" / "ci" / "gitlab-ci.yml"


def shell(command: str, cwd: Path, venv: Path) -> subprocess.CompletedProcess:
    """A documented shell line, with the fresh environment first on PATH, as after setup-python."""
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}", "GITHUB_ACTIONS": "true"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(["sh", "-c", command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=900, check=False)


def build_wheel(out: Path, scratch: Path) -> None:
    # From a copy, so that building leaves no build/ or egg-info in the checkout under test.
    source = scratch / "source"
    shutil.copytree(ROOT / "linter", source / "linter", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--wheel-dir", str(out), str(source)],
                   check=True, capture_output=True, timeout=600)


@pytest.mark.skipif(
    os.environ.get("CONFLICT_LINT_WHEEL_TEST") != "1",
    reason="builds and installs a wheel (network, minutes): set CONFLICT_LINT_WHEEL_TEST=1, as .ci/run does",
)
def test_a_wheel_in_a_fresh_venv_runs_the_documented_ci_commands(tmp_path):
    repository = tmp_path / "data"
    (repository / "records").mkdir(parents=True)
    shutil.copy(FIXTURES / "invalid" / "ayorou-uncorrected.yaml", repository / "records")
    build_wheel(repository / "tools", tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)

    steps = yaml.safe_load(GITHUB.read_text())["jobs"]["lint-records"]["steps"]
    [install] = [s["run"] for s in steps if s.get("name") == "Install conflict-lint"]
    installed = shell(install, repository, venv)
    assert installed.returncode == 0, installed.stderr
    # the installed package, not this checkout: the venv knows nothing of the source tree
    where = shell("python -c 'import linter; print(linter.__file__)'", tmp_path, venv)
    assert where.stdout.startswith(str(venv)), where.stdout + where.stderr

    [lint] = [s["run"] for s in steps if s.get("name") == "Lint records"]
    linted = shell(lint, repository, venv)
    assert linted.returncode == 1, linted.stderr
    assert "records/ayorou-uncorrected.yaml:10:9: CL301 [result-unlisted-party]" in linted.stdout
    assert (repository / "conflict-lint.sarif").is_file()

    job = yaml.safe_load(GITLAB.read_text())["conflict-lint"]
    for line in job["script"]:
        ran = shell(line, repository, venv)
        assert ran.returncode == (1 if line.startswith("conflict-lint lint") else 0), ran.stderr
    assert all((repository / report).is_file() for report in job["artifacts"]["reports"].values())

    # The HTML report's templates and stylesheet are package data: the installed wheel has them.
    site = shell("conflict-lint report records --html site", repository, venv)
    assert site.returncode == 0, site.stderr
    assert (repository / "site" / "style.css").is_file() and (repository / "site" / "index.html").is_file()
