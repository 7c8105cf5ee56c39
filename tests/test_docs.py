"""The sample output in README.md and docs/formats.md is what the linter prints today."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from linter.cli import cli
from tests.conftest import ROOT


@pytest.mark.parametrize("path, page", [
    ("tests/fixtures/invalid/ayorou-uncorrected.yaml", "README.md"),
    ("tests/fixtures/wikitext/article-with-infobox.wiki", "README.md"),
    ("tests/fixtures/article/red-ford.txt", "README.md"),
    ("tests/fixtures/wikitext/article-with-infobox.wiki", "docs/formats.md"),
    ("tests/fixtures/article/red-ford.txt", "docs/formats.md"),
    ("records/", "README.md"),
])
def test_sample_output_is_current(path, page, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["lint", "--no-cache", path], env={"GITHUB_ACTIONS": None, "NO_COLOR": "1"})
    assert f"$ conflict-lint lint {path}\n{result.output}" in (ROOT / page).read_text("utf-8")
