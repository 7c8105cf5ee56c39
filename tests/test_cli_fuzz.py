"""Hypothesis through the whole CLI: any file, every output format and the HTML site, never a
traceback, and every output valid for its format (tests/valid_output.py: the SARIF and JUnit
schemas, GitLab's fields, the JSON report's contract, strict HTML5, no raw control character in
text or GitHub annotations)."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.cli import cli
from linter.report import FORMATS
from tests.valid_output import assert_valid, assert_valid_site

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

records = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "conflict", "date", "start", "result", "text", "sides", "combatants",
                         "casualties", "killed", "count", "sources", "part_of", "x"]), inner, max_size=4),
    max_leaves=20)




@contextlib.contextmanager
def _inside(directory: Path) -> Iterator[None]:
    """Run from ``directory``, so reports name files relatively (GitLab wants paths from the top)."""
    here = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(here)


def _lint_everywhere(tmp_path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for output_format in FORMATS:
        with _inside(tmp_path):
            result = CliRunner().invoke(cli, ["lint", "--format", output_format, name], env={"GITHUB_ACTIONS": None})
        assert result.exit_code in (0, 1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output
        if result.exit_code != 2:
            assert_valid(output_format, result.stdout)
    assert path.read_bytes() == content


@SETTINGS
@given(raw=st.binary(max_size=300), suffix=st.sampled_from([".yaml", ".json"]))
def test_random_bytes(tmp_path, raw, suffix):
    _lint_everywhere(tmp_path, f"fuzz{suffix}", raw)


@SETTINGS
@given(record=records)
def test_random_records(tmp_path, record):
    _lint_everywhere(tmp_path, "fuzz.yaml", yaml.safe_dump(record, allow_unicode=True).encode("utf-8", "surrogatepass"))


# Hostile text: control characters, the Unicode line separators, lone surrogates, workflow-command
# and terminal sequences, placed in values and in file names.
_HOSTILE_CHARACTERS = st.sampled_from(["\n", "\r", "\x1b", "\x07", "\x00", "\x7f", "\x9b", "\u2028", "\u202e",
                                       "\ud800", "\udfff", "::", "%", "##[", "<ref", "{{", "é", "a", "9", " "])
hostile_text = st.lists(_HOSTILE_CHARACTERS, max_size=12).map("".join)
# Integers around Python's 4,300-digit limit for int <-> str, written as digits.
huge_numbers = st.builds(lambda digits, sign: sign + "9" * digits, st.integers(4_290, 5_000),
                         st.sampled_from(["", "-"]))
_NAME_CHARACTERS = st.sampled_from(["a", "é", "\n", "\r", "\x1b", "\x07", "\u2028", ":", "::error ", "%", " ", "-",
                                    "\udcff", "\udc80"])  # the last two: bytes that are not UTF-8
file_stems = st.lists(_NAME_CHARACTERS, min_size=1, max_size=8).map(lambda parts: "x" + "".join(parts))

_NUMBER = "__NUMBER__"
hostile_records = st.recursive(
    st.none() | st.integers() | hostile_text | st.just(_NUMBER),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "conflict", "date", "start", "result", "text", "sides", "combatants", "casualties",
                         "killed", "count", "strength", "sources", "part_of"]) | hostile_text, inner, max_size=4),
    max_leaves=12)


def _lint_with_every_format(tmp_path, name: str, content: bytes) -> None:
    import tempfile

    here = Path(tempfile.mkdtemp(dir=tmp_path))  # one per example: tmp_path is shared by all of them
    (here / "in").mkdir()
    path = here / "in" / name
    path.write_bytes(content)
    outputs = [option for f in FORMATS for option in ("--output", f"{f}:report.{f}")]
    # the directory, not the file: the test runner cannot pass a name that is not UTF-8 as an argument
    with _inside(here):
        result = CliRunner().invoke(cli, ["lint", "--no-cache", "--format", "text", *outputs, "--output", "html:site",
                                          "--jobs", "1", "--", "in"], env={"GITHUB_ACTIONS": None, "NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    assert_valid("text", result.stdout)
    for output_format in FORMATS:
        assert_valid(output_format, (here / f"report.{output_format}").read_text("utf-8"))
    assert_valid_site(here / "site")
    assert path.read_bytes() == content


@SETTINGS
@given(record=hostile_records, number=huge_numbers, stem=file_stems, as_json=st.booleans())
def test_hostile_records_and_names_in_every_format(tmp_path, record, number, stem, as_json):
    # JSON text is YAML too; ensure_ascii writes a lone surrogate as its escape, which the file may hold
    text = json.dumps(record).replace(f'"{_NUMBER}"', number)
    _lint_with_every_format(tmp_path, stem + (".json" if as_json else ".yaml"), text.encode("utf-8"))


@SETTINGS
@given(value=hostile_text, parameter=hostile_text, number=huge_numbers, stem=file_stems)
def test_hostile_wikitext_in_every_format(tmp_path, value, parameter, number, stem):
    page = (f"{{{{Infobox military conflict\n| conflict = {value}\n| result = {value} victory\n"
            f"| date = {{{{start date|{number}|{value}|1}}}}\n| casualties1 = {number} killed\n"
            f"| strength2 = {value}{number[:50]}\n| {parameter} = {value}\n| combatant{number} = {value}\n}}}}\n")
    _lint_with_every_format(tmp_path, stem + ".wiki", page.encode("utf-8", "surrogatepass"))
