"""Hypothesis through the whole CLI: any file, any output format, never a traceback."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.cli import cli
from linter.report import FORMATS

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

records = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "conflict", "date", "start", "result", "text", "sides", "combatants",
                         "casualties", "killed", "count", "sources", "part_of", "x"]), inner, max_size=4),
    max_leaves=20)


def _check_output(output_format: str, output: str) -> None:
    if output_format in ("json", "sarif", "gitlab"):
        json.loads(output)
    elif output_format == "junit":
        ElementTree.fromstring(output)


def _lint_everywhere(tmp_path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for output_format in FORMATS:
        result = CliRunner().invoke(cli, ["lint", "--format", output_format, str(path)],
                                    env={"GITHUB_ACTIONS": None})
        assert result.exit_code in (0, 1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output
        if result.exit_code != 2:
            _check_output(output_format, result.stdout)
    assert path.read_bytes() == content


@SETTINGS
@given(raw=st.binary(max_size=300), suffix=st.sampled_from([".yaml", ".json"]))
def test_random_bytes(tmp_path, raw, suffix):
    _lint_everywhere(tmp_path, f"fuzz{suffix}", raw)


@SETTINGS
@given(record=records)
def test_random_records(tmp_path, record):
    _lint_everywhere(tmp_path, "fuzz.yaml", yaml.safe_dump(record, allow_unicode=True).encode("utf-8", "surrogatepass"))
