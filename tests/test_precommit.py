"""End to end: the real pre-commit runs this repository's hook on a fresh git repository of records."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

pytest.importorskip("pre_commit", reason="pre-commit (test extras) runs the hooks")
needs_git = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                               reason="needs git and a git checkout: pre-commit try-repo clones this repository")


def hooks() -> dict[str, dict]:
    from pre_commit.clientlib import load_manifest

    return {hook["id"]: hook for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}


@pytest.mark.parametrize("hook_id, matched, skipped", [
    ("conflict-lint", ["records/a.yaml", "b.yml", "deep/dir/c.json"],
     [".pre-commit-config.yaml", ".github/workflows/ci.yml", "records/a.wiki", "notes.txt"]),
    ("conflict-lint-wikitext", ["articles/a.wiki", "b.wikitext", "c.mediawiki", "d.txt"],
     ["records/a.yaml", ".hidden/e.txt"]),
    ("conflict-lint-fix", ["records/a.yaml", "b.yml", "deep/dir/c.json"],
     [".pre-commit-config.yaml", ".github/workflows/ci.yml", "records/a.wiki", "notes.txt"]),
    ("conflict-lint-wikitext-fix", ["articles/a.wiki", "b.wikitext", "c.mediawiki", "d.txt"],
     ["records/a.yaml", ".hidden/e.txt"]),
])
def test_hooks_choose_their_files(hook_id, matched, skipped):
    hook = hooks()[hook_id]  # load_manifest validates the file against pre-commit's own schema
    assert hook["pass_filenames"] and hook["require_serial"]
    chosen = lambda path: re.search(hook["files"], path) and not re.search(hook["exclude"], path)  # noqa: E731
    assert [p for p in matched if chosen(p)] == matched
    assert [p for p in skipped if chosen(p)] == []


def git(cwd: Path, *args: str, env: dict) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def sandbox(tmp_path) -> dict:
    """HOME and PRE_COMMIT_HOME in a temporary directory, so nothing on the machine is touched."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(HOME=str(home), PRE_COMMIT_HOME=str(home / "pre-commit"), GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="test", GIT_COMMITTER_EMAIL="test@example.org")
    # The checkout under test may belong to another user than the one running the tests.
    git(home, "config", "--global", "--add", "safe.directory", "*", env=env)
    return env


def try_repo(records: Path, env: dict, hook: str = "conflict-lint") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files",
               "--color", "never"]
    return subprocess.run(command, cwd=records, env=env, capture_output=True, text=True, timeout=600, check=False)


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


@needs_git
def test_hook_passes_clean_records_and_fails_a_broken_one(tmp_path, sandbox):
    valid = sorted((FIXTURES / "valid").iterdir())  # the skirmish and its parent campaign, among others
    clean = make_repository(tmp_path / "clean", *valid, env=sandbox)
    passed = try_repo(clean, sandbox)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "conflict-lint" in passed.stdout and "Passed" in passed.stdout

    broken = make_repository(tmp_path / "broken", *valid, FIXTURES / "invalid" / "ayorou-uncorrected.yaml",
                             env=sandbox)
    failed = try_repo(broken, sandbox)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "records/ayorou-uncorrected.yaml:10:9: CL301 [result-unlisted-party]" in failed.stdout
    assert f"{len(valid) + 1} files checked" in failed.stdout  # every record, not the CI file


def documented_local_hook() -> str:
    from tests.markdown_blocks import blocks

    [block] = [b for b in blocks(ROOT / "docs" / "ci.md", "docs/ci.md")
               if b.language == "yaml" and "repo: local" in b.text]
    return block.text


@needs_git
def test_the_documented_local_hook_runs_as_written(tmp_path, sandbox):
    # docs/ci.md's .pre-commit-config.yaml, pasted as is, with conflict-lint installed where
    # pre-commit runs (here: this interpreter's environment, first on PATH).
    env = {**sandbox, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{sandbox.get('PATH', '')}"}
    repository = make_repository(tmp_path / "data", FIXTURES / "invalid" / "ayorou-uncorrected.yaml", env=env)
    (repository / ".pre-commit-config.yaml").write_text(documented_local_hook())
    git(repository, "add", ".", env=env)
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    result = subprocess.run(command, cwd=repository, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "records/ayorou-uncorrected.yaml:10:9: CL301 [result-unlisted-party]" in result.stdout
    assert "1 file checked" in result.stdout  # the record, not the CI file or the hook's own config


@needs_git
def test_committed_files_named_like_options_cannot_silence_the_hook_or_write_outside(tmp_path, sandbox):
    """Two attacks. Commit a baseline hiding the findings under a dot-directory the hook skips, and a
    file whose path, `--baseline=.x/hide.json`, pre-commit passes as an argument: read as an option,
    it would make the hook pass. Commit a file named `--output=text:out.json` and a link `out.json`
    to a shell start-up file of another directory: read as an option, the hook would overwrite that
    file with its report. After the hook's `--` each is only a file to lint."""
    victim = tmp_path / "someone-else" / ".bashrc"
    victim.parent.mkdir()
    victim.write_text("original\n")
    repository = make_repository(tmp_path / "attacked", FIXTURES / "invalid" / "ayorou-uncorrected.yaml",
                                 env=sandbox)
    (repository / "--output=text:out.json").write_text("{}")
    (repository / "out.json").symlink_to(victim)
    (repository / ".x").mkdir()
    subprocess.run([sys.executable, "-m", "linter", "baseline", "-o", ".x/hide.json", "records"],
                   cwd=repository, check=True, capture_output=True)
    shutil.rmtree(repository / ".conflict-lint-cache", ignore_errors=True)
    (repository / "--baseline=.x").mkdir()
    shutil.copy(repository / ".x" / "hide.json", repository / "--baseline=.x" / "hide.json")
    git(repository, "add", ".", env=sandbox)
    git(repository, "commit", "-q", "-m", "attack", env=sandbox)
    hooked = try_repo(repository, sandbox)
    assert hooked.returncode == 1, hooked.stdout + hooked.stderr
    assert "records/ayorou-uncorrected.yaml:10:9: CL301 [result-unlisted-party]" in hooked.stdout
    assert victim.read_text() == "original\n" and (repository / "out.json").is_symlink()


@needs_git
def test_the_fixing_hook_fixes_and_fails_the_commit_as_a_formatter_does(tmp_path, sandbox):
    record = tmp_path / "oslo-raid.yaml"
    record.write_text("id: oslo-raid\nplace: {name: Oslo, country: NO}  # Norway\n", encoding="utf-8")
    repository = make_repository(tmp_path / "data", record, env=sandbox)
    fixed = try_repo(repository, sandbox, "conflict-lint-fix")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "files were modified by this hook" in fixed.stdout
    assert (repository / "records" / "oslo-raid.yaml").read_text(encoding="utf-8") == (
        'id: oslo-raid\nplace: {name: Oslo, country: "NO"}  # Norway\n')

