"""End to end: the real pre-commit runs this repository's hook on a fresh git repository of records."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: pre-commit needs it"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout: pre-commit try-repo clones it"),
]
pytest.importorskip("pre_commit", reason="pre-commit (test extras) runs the hooks")


def git(cwd: Path, *args: str, env: dict) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> dict:
    """HOME and PRE_COMMIT_HOME in a temporary directory, so nothing on the machine is touched."""
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(HOME=str(home), PRE_COMMIT_HOME=str(home / "pre-commit"), GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="test", GIT_COMMITTER_EMAIL="test@example.org")
    # The checkout under test may belong to another user than the one running the tests.
    git(home, "config", "--global", "--add", "safe.directory", "*", env=env)
    return env


def try_repo(records: Path, env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "conflict-lint", "--all-files",
               "--color", "never"]
    return subprocess.run(command, cwd=records, env=env, capture_output=True, text=True, timeout=600)


def make_repository(path: Path, *records: Path, env: dict) -> Path:
    path.mkdir()
    git(path, "init", "-q", env=env)
    (path / "records").mkdir()
    for record in records:
        shutil.copy(record, path / "records" / record.name)
    # A CI file is YAML too, but the hook's exclude keeps it out.
    (path / ".gitlab-ci.yml").write_text("lint: {script: [echo]}\n")
    git(path, "add", ".", env=env)
    git(path, "commit", "-q", "-m", "records", env=env)
    return path


def test_hook_passes_clean_records_and_fails_a_broken_one(tmp_path, sandbox):
    clean = make_repository(tmp_path / "clean", FIXTURES / "valid" / "skirmish-at-red-ford.yaml", env=sandbox)
    passed = try_repo(clean, sandbox)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "conflict-lint" in passed.stdout and "Passed" in passed.stdout

    broken = make_repository(tmp_path / "broken", FIXTURES / "valid" / "skirmish-at-red-ford.yaml",
                             FIXTURES / "invalid" / "ayorou-uncorrected.yaml", env=sandbox)
    failed = try_repo(broken, sandbox)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "records/ayorou-uncorrected.yaml:10:9: CL301 [result-unlisted-party]" in failed.stdout
    assert "2 files checked" in failed.stdout  # both records, not the CI file
