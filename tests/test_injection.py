"""Untrusted text cannot forge CI commands or terminal sequences, and file names are never options.

CI lints pull requests: file names and the values that messages quote are the attacker's. On
GitHub Actions a log line that starts with ``::`` (or holds ``##[``) is a workflow command.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from linter.report import github, text
from linter.report.escape import line_start, printable
from tests.reporting import finding, summary_of

FORGED = "x\n::add-mask::secret\r\n::stop-commands::token\x1b]0;title\x07 ##[error]legacy"
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def is_command(line: str) -> bool:
    return line.lstrip().startswith("::") or "##[" in line


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=40), st.booleans())
def test_printable_skips_the_patterns_only_for_text_they_would_leave_alone(value, keep_line_breaks):
    from linter.report import escape

    unsafe = escape._UNSAFE_BUT_LINE_BREAKS if keep_line_breaks else escape._UNSAFE
    by_patterns = escape._LEGACY_COMMAND.sub("##\\\\x5b", unsafe.sub(escape._escape, value))
    assert printable(value, keep_line_breaks) == by_patterns


def test_printable_escapes_controls_separators_and_surrogates():
    assert printable("a\nb\x1b[31m\u2028\ud800\u202e") == "a\\x0ab\\x1b[31m\\u2028\\ud800\\u202e"
    assert printable("##[add-mask]x") == "##\\x5badd-mask]x"
    assert printable("Battle of Sedan (1870) – 3,000 killed") == "Battle of Sedan (1870) – 3,000 killed"


def test_a_line_never_starts_a_workflow_command():
    assert line_start("::error::x.yaml") == "./::error::x.yaml"
    assert line_start(" ::x") == "./ ::x"
    assert line_start("records/a::b.yaml") == "records/a::b.yaml"
    assert line_start(":") == "./:"  # ":" then ":3:5:" would open the line with "::"


def test_text_report_of_forged_path_and_message_is_one_harmless_line():
    output = text.render(summary_of([finding(path="::error file=a.yaml::forged.yaml", message=FORGED)]))
    lines = output.splitlines()
    assert len(lines) == 2  # the finding and the summary
    assert not [line for line in lines if is_command(line)]
    assert lines[0].startswith("./::error file=a.yaml::forged.yaml:3:5: ")
    assert "\\x0a::add-mask::secret\\x0d\\x0a::stop-commands::token\\x1b]0;title\\x07 ##\\x5berror]legacy" in lines[0]


@given(path=st.text(min_size=1), message=st.text())
def test_no_text_or_annotation_line_is_a_command_whatever_the_input(path, message):
    run = summary_of([finding(path=path, message=message)])
    rendered = text.render(run)
    assert rendered.count("\n") == 2
    annotation = github.render(run)
    assert annotation.count("\n") == 1 and annotation.startswith("::error file=")
    for line in rendered.splitlines() + annotation.splitlines():
        assert not CONTROL.search(line)
        assert "##[" not in line
    assert not [line for line in rendered.splitlines() if is_command(line)]


def test_cli_text_output_of_a_hostile_record_forges_nothing(tmp_path):
    """End to end: a file named like a command, and a value carrying line breaks and escapes."""
    record = tmp_path / "::error title=forged::pwned.yaml"
    record.write_text('id: "a\\n::add-mask::x\\n##[warning]y\\u001b[2J"\nconflict: 5\n', "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    result = subprocess.run([sys.executable, "-m", "linter", "lint", "--no-cache", "--", record.name],
                            check=False, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines and not [line for line in lines + result.stderr.splitlines() if is_command(line)]
    assert any(line.startswith("./::error title=forged::pwned.yaml:") for line in lines)
    assert not CONTROL.search(result.stdout)


def test_a_file_named_like_an_option_is_refused_not_obeyed(tmp_path):
    """pre-commit passes file names as arguments: `--baseline=hide.json` must never hide findings."""
    (tmp_path / "bad.yaml").write_text("id: Bad Id\n", "utf-8")
    (tmp_path / "hide.json").write_text('{"version": 1, "findings": []}', "utf-8")
    (tmp_path / "--baseline=hide.json").write_text("{}", "utf-8")

    def lint(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "linter", "lint", "--no-cache", *args], cwd=tmp_path, check=False,
                              capture_output=True, text=True, timeout=120)

    refused = lint("--baseline=hide.json", "bad.yaml")
    assert refused.returncode == 2
    assert "'--baseline=hide.json' is the name of a file" in refused.stderr and "--" in refused.stderr
    after_separator = lint("--", "--baseline=hide.json", "bad.yaml")
    assert after_separator.returncode == 1  # both are files to lint; bad.yaml's findings stand
    assert "bad.yaml:1:" in after_separator.stdout


def test_a_lone_surrogate_in_a_json_record_is_reported_in_every_format(tmp_path):
    """JSON may escape a lone surrogate ("\\udfff"); the ECMA-262 pattern check once crashed on it."""
    (tmp_path / "a.json").write_text(json.dumps({"id": "\u202e{{##[9\udfff%", "conflict": 5}), "ascii")
    for output_format in ("text", "json", "sarif", "junit", "github", "gitlab"):
        result = subprocess.run([sys.executable, "-m", "linter", "lint", "--no-cache", "--format", output_format,
                                 "--", "a.json"], cwd=tmp_path, capture_output=True, check=False, timeout=120)
        assert result.returncode == 1, (output_format, result.stderr)
        assert b"internal error" not in result.stderr
        assert b"\\udfff" in result.stdout or b"\\\\udfff" in result.stdout or output_format != "text"
