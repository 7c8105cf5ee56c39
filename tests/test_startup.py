"""The one-file run (a pre-commit hook) imports and compiles only what one valid YAML record needs.

Each test runs conflict-lint in a fresh interpreter, as a hook does, and reads what it loaded.
docs/performance.md ("Start-up") says what each deferral saves.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES

RECORD = FIXTURES / "valid" / "skirmish-at-red-ford.yaml"

# Run the command as the console script does, then write what the process holds.
PROBE = """\
import gc, json, sys
out_path = sys.argv.pop()
from linter import lazy_regex
from linter.__main__ import main
try:
    main()
except SystemExit as done:
    status = done.code
compiled = sorted(repr(p) for p in lazy_regex._MADE if "search" in vars(p))
with open(out_path, "w") as out:
    json.dump({"modules": sorted(sys.modules), "compiled": compiled, "patterns": len(lazy_regex._MADE),
               "status": status, "thresholds": gc.get_threshold(), "frozen": gc.get_freeze_count()}, out)
"""

# Modules a valid YAML record linted without cache never needs; each is imported where its job is.
NOT_ON_THE_ONE_FILE_PATH = [
    "jsonschema",  # only to explain a record jsonschema-rs rejects
    "mwparserfromhell", "linter.infobox",  # wikitext and article text
    "linter.load.json_loader",  # JSON records
    "linter.cache", "linter.pack", "hashlib",  # the result cache (off here)
    "linter.baseline",  # no baseline file
    "linter.fix", "difflib",  # --fix, --diff
    "tomllib",  # no settings file
    "tempfile", "_strptime", "importlib.resources", "inspect.cleandoc",
    "linter.html_report", "jinja2", "markdown_it",  # the HTML report
    "regress",  # ECMA-262 patterns, for jsonschema's detailed explanations only
    "linter.report.text",  # --format json: the text reporter is not needed
    "linter.report.sarif", "linter.report.junit",
    "dataclasses",  # values are named tuples or plain classes: defining a dataclass costs every start
]


def _one_file_run(tmp_path, *options: str) -> dict:
    shutil.copy(RECORD, tmp_path / RECORD.name)
    out = tmp_path / "probe.json"
    command = [sys.executable, "-c", PROBE, "lint", "--no-cache", *options, RECORD.name, str(out)]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    run = json.loads(out.read_text(encoding="utf-8"))
    assert run["status"] == 1, done.stderr  # the record's part_of names no record here: one finding
    assert "partof-unresolved" in done.stdout
    return run


@pytest.fixture(scope="module")
def json_run(tmp_path_factory):
    return _one_file_run(tmp_path_factory.mktemp("startup"), "--format", "json")


@pytest.mark.parametrize("module", NOT_ON_THE_ONE_FILE_PATH)
def test_a_one_file_run_does_not_import(json_run, module):
    assert module not in json_run["modules"]


def test_the_probe_sees_what_the_run_needs(json_run):
    # the checks themselves: a probe that saw nothing would pass every test above
    for module in ("linter.runner", "linter.load.yaml_loader", "linter.rules.figure_unsourced", "yaml"):
        assert module in json_run["modules"]


def test_patterns_for_figures_written_as_prose_are_not_compiled(json_run):
    """The record's figures are structured: the readers of figures in prose, of wikitext and of
    date ranges in text compile none of their patterns."""
    assert json_run["patterns"] > 30
    assert len(json_run["compiled"]) < 10, json_run["compiled"]


def test_the_text_report_needs_no_reader_of_prose(tmp_path):
    run = _one_file_run(tmp_path, "--format", "text")
    assert "linter.report.text" in run["modules"]
    for module in ("jsonschema", "linter.infobox", "tempfile", "linter.cache"):
        assert module not in run["modules"]


def test_the_command_sets_start_up_objects_aside_and_collects_less_often(json_run):
    from linter.collector import GC_THRESHOLDS

    assert json_run["frozen"] > 0  # gc.freeze() ran before the command's modules were imported
    assert tuple(json_run["thresholds"]) == GC_THRESHOLDS
