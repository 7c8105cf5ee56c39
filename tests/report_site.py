"""Helpers for the HTML report's tests: write a site through the CLI and read its pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli

TODAY = "2026-01-01"


def write_report(out: Path, *paths: str, extra: tuple[str, ...] = ()) -> tuple[int, dict]:
    """Write the site of ``paths`` into ``out`` and return the exit code and the JSON report of
    the same run (``lint --format json --output html:DIR``), whose summary the site must agree with."""
    result = CliRunner().invoke(cli, ["lint", *paths, "--format", "json", "--output", f"html:{out}", "--fail-on",
                                      "never", "--today", TODAY, "--no-cache", *extra],
                                env={"GITHUB_ACTIONS": None}, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def data_counts(html: str) -> dict[str, int]:
    """The overview's totals, read from their ``data-count`` cells."""
    return {name: int(value.replace(",", ""))
            for name, value in re.findall(r'data-count="([a-z]+)">([0-9,]+)<', html)}
