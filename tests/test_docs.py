"""Every command README.md and docs/ show runs as written, and prints what they show.

Two kinds of block are run, each in a fresh copy of the repository with this environment's
``conflict-lint`` and ``python`` first on PATH:

- ``sh`` blocks: every line is a command, run in order, each of which must succeed;
- unlabelled blocks with ``$ command`` lines: each command's output must be the lines shown
  after it (up to the next blank line followed by ``$``, or the block's end).

A block that cannot run here says why in ``<!-- docs-test: skip (reason) -->`` on the line
before it (a fresh virtual environment, the network); the reason names where it is tested.
Blocks without commands (synopses, YAML, JSON) are not run; the TOML of configuration.md is
checked as settings.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from tests.conftest import FIXTURES, ROOT
from tests.markdown_blocks import Block, blocks

PAGES = ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md"))]
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", ".conflict-lint-cache",
                                    ".hypothesis", ".pytest_cache", "build", "dist")


def all_blocks() -> list[Block]:
    return [block for page in PAGES for block in blocks(ROOT / page, page)]


def shell_blocks() -> list[Block]:
    return [b for b in all_blocks() if b.language == "sh"]


def console_blocks() -> list[Block]:
    return [b for b in all_blocks() if b.language == "" and b.text.startswith("$ ")]


def transcript(block: Block) -> list[tuple[str, str]]:
    """(command, the output shown for it) for each ``$`` line of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        else:
            pairs[-1][1].append(line)
    return [(command, "\n".join(shown).rstrip("\n") + "\n") for command, shown in pairs]


@pytest.fixture
def checkout(tmp_path) -> Path:
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED, symlinks=True)
    return copy


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR", "VIRTUAL_ENV")}
    env.update(NO_COLOR="1", PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def test_the_pages_have_commands_to_run():
    # The collection below must not silently find nothing after a change to the page format.
    assert len(console_blocks()) >= 5 and len(shell_blocks()) >= 5
    assert all(b.skip for b in shell_blocks() if "pip install" in b.text), "an install block runs here unmarked"


@pytest.mark.parametrize("block", [b for b in shell_blocks() if not b.skip], ids=lambda b: f"{b.page}:{b.line}")
def test_shell_block_runs(block, checkout):
    for command in block.text.splitlines():
        if command.strip() and not command.lstrip().startswith("#"):
            result = shell(command, checkout)
            assert result.returncode == 0, f"{block.page}:{block.line}: {command}\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("block", console_blocks(), ids=lambda b: f"{b.page}:{b.line}")
def test_console_block_prints_what_it_shows(block, checkout):
    for command, shown in transcript(block):
        result = shell(command, checkout)
        assert "Traceback" not in result.stderr
        assert result.stdout == shown, f"{block.page}:{block.line}: $ {command}"


@pytest.mark.parametrize(
    "block",
    [b for b in all_blocks() if b.page == "docs/configuration.md" and b.language == "toml"],
    ids=lambda b: f"{b.page}:{b.line}",
)
def test_configuration_example_is_valid_settings(block, tmp_path, monkeypatch):
    # Pasted into a project's pyproject.toml, the example is accepted and leaves rules on.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "records").mkdir()
    shutil.copy(FIXTURES / "invalid" / "ayorou-uncorrected.yaml", tmp_path / "records")
    (tmp_path / "pyproject.toml").write_text(block.text, "utf-8")
    assert CliRunner().invoke(cli, ["config"]).exit_code == 0
    linted = CliRunner().invoke(cli, ["lint", "--no-cache", "records"])
    assert linted.exit_code == 1 and "CL301 [result-unlisted-party]" in linted.output
