"""The everyday command line: standard input, the text views and colour, --show-files,
--show-settings, --verbose and the progress bar."""

from __future__ import annotations

import io
import shutil

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.progress import Progress
from tests.conftest import FIXTURES, ROOT

UNCORRECTED = FIXTURES / "invalid" / "ayorou-uncorrected.yaml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Two bundled records under records/, which the settings name as the root."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "records", tmp_path / "records")
    (tmp_path / ".conflict-lint.toml").write_text('roots = ["records"]\n')
    return tmp_path


def run(*args: str, stdin: bytes | None = None, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin,
                              env={"GITHUB_ACTIONS": None, "NO_COLOR": None, "FORCE_COLOR": None, **(env or {})})


def test_stdin_is_read_as_the_named_file_and_roots_see_the_others(project):
    # The buffer of a record that exists on disk replaces it: it is not a duplicate of itself.
    record = (project / "records" / "2020-ayorou-attack.yaml").read_bytes()
    same = run("lint", "-", "--stdin-filename", "records/2020-ayorou-attack.yaml", stdin=record)
    assert (same.exit_code, same.output) == (0, "1 file checked, no findings.\n")
    # Under a new name, the cross-record rules compare it with the records of the roots.
    new = run("lint", "-", "--stdin-filename", "records/new.yaml", stdin=record)
    assert new.exit_code == 1
    assert new.output.startswith("records/new.yaml:4:5: CL403 [duplicate-record] error: "
                                 "records/2020-ayorou-attack.yaml has the same id")


def test_stdin_format_comes_from_the_name(project):
    wikitext = (FIXTURES / "wikitext" / "article-with-infobox.wiki").read_bytes()
    result = run("lint", "-", "--stdin-filename", "drafts/battle.wiki", "--select", "figure-unsourced",
                 stdin=wikitext)
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith("drafts/battle.wiki:20:59: CL104 [figure-unsourced] error:")
    # without a name: a YAML record called "-"
    unnamed = run("lint", "-", "--select", "result-unlisted-party", stdin=UNCORRECTED.read_bytes())
    assert unnamed.output.startswith("-:10:9: CL301 [result-unlisted-party] error:")


@pytest.mark.parametrize("args, message", [
    (["-", "records"], "'-' (standard input) must be the only path"),
    (["-", "--stdin-filename", "notes.md"], "--stdin-filename notes.md: not a record file name"),
    (["records", "--stdin-filename", "x.yaml"], "give '-' as the path"),
])
def test_stdin_misuse_is_a_usage_error(project, args, message):
    result = run("lint", *args, stdin=b"id: x\n")
    assert result.exit_code == 2 and message in result.output


def test_every_line_names_its_severity(project):
    output = run("lint", "--output-format", "concise", "--ignore", "duplicate-record", str(UNCORRECTED)).output
    lines = [line for line in output.splitlines()[:-1] if not line.startswith("[*] ")]  # the fix count
    assert [line.split("] ", 1)[1].split(":")[0] for line in lines] == ["error"] * 3 + ["warning", "error"]
    # the full view: every finding's first line, the one that is not source context
    full = run("lint", "--ignore", "duplicate-record", str(UNCORRECTED)).output
    heads = [line for line in full.splitlines() if line.startswith(str(UNCORRECTED))]
    assert [line.split("] ", 1)[1].split(":")[0] for line in heads] == ["error"] * 3 + ["warning", "error"]


def test_full_view_shows_the_source_with_a_caret_under_the_span(project):
    result = run("lint", "--output-format", "full", "--select", "placeholder-value", str(UNCORRECTED))
    assert result.output.splitlines()[1:7] == [
        "   |",
        "17 |         - text: None",
        "   |                 ^^^^",
        "   |",
        "[*] 0 fixable with `--fix`, 1 with `--fix --unsafe-fixes`.",
        "1 file checked: 1 finding (1 warning).",
    ]
    piped = run("lint", "-", "--stdin-filename", "x.yaml", "--output-format", "full", "--select",
                "placeholder-value", stdin=UNCORRECTED.read_bytes())
    assert "17 |         - text: None" in piped.output


def test_the_default_view_is_full_as_in_ruff_and_concise_is_an_option_or_a_setting(project):
    full = run("lint", "--select", "placeholder-value", str(UNCORRECTED)).output
    assert "17 |         - text: None" in full  # the source line and its caret
    concise = run("lint", "--output-format", "concise", "--select", "placeholder-value", str(UNCORRECTED)).output
    assert concise.splitlines()[0] == full.splitlines()[0] and "17 |" not in concise
    assert len(concise.splitlines()) == 3  # the finding, the fix count, the summary
    (project / ".conflict-lint.toml").write_text('roots = ["records"]\noutput-format = "concise"\n')
    assert run("lint", "--select", "placeholder-value", str(UNCORRECTED)).output == concise
    # the command line wins over the setting, and the JSON report has no view
    assert run("lint", "--output-format", "full", "--select", "placeholder-value", str(UNCORRECTED)).output == full
    assert run("lint", "--format", "json", str(UNCORRECTED)).output.startswith("{")
    (project / ".conflict-lint.toml").write_text('output-format = "wide"\n')
    wrong = run("lint", str(UNCORRECTED))
    assert wrong.exit_code == 2 and "`output-format` must be one of full, concise" in wrong.output


def test_output_format_names_the_other_formats_too(project):
    assert run("lint", "--output-format", "json", str(UNCORRECTED)).output.startswith("{")
    assert run("lint", "--output-format", "full", str(UNCORRECTED)).output == run("lint", str(UNCORRECTED)).output
    clash = run("lint", "--format", "json", "--output-format", "sarif", str(UNCORRECTED))
    assert clash.exit_code == 2 and "disagree" in clash.output


@pytest.mark.parametrize("args, env, coloured", [
    ([], {}, False),  # not a terminal
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    (["--color", "always"], {"NO_COLOR": "1"}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": ""}, False),  # set but empty: not set
])
def test_colour_choice(project, args, env, coloured):
    assert ("\033[" in run("lint", *args, str(UNCORRECTED), env=env).output) is coloured


def test_show_files_lists_files_and_their_per_path_settings(project):
    (project / ".conflict-lint.toml").write_text(
        'roots = ["records"]\nexclude = ["records/drafts"]\n[per-path]\n"records/2020-*" = ["figure-unsourced"]\n')
    (project / "records" / "drafts").mkdir()
    (project / "records" / "drafts" / "x.yaml").write_text("id: [")
    result = run("lint", "--show-files", "records/2020-ayorou-attack.yaml")
    assert result.exit_code == 0
    assert result.output == (
        "records/2020-ayorou-attack.yaml  (per-path: not figure-unsourced)\n"
        "# read for cross-record rules only (roots), not reported on: 1 file\n"
        "records/jihadist-insurgency-in-niger.yaml\n"
        "# settings: .conflict-lint.toml; 1 file to check\n")


def test_show_settings_and_verbose(project):
    shown = run("lint", "--show-settings")
    assert shown.exit_code == 0 and 'roots = [\n    "records",\n]' in shown.output
    verbose = CliRunner().invoke(cli, ["lint", "-v", "--no-cache", "records"])
    assert verbose.stdout == "2 files checked, no findings.\n"
    assert "conflict-lint: settings: .conflict-lint.toml" in verbose.stderr
    assert "checking 2 files; no cache" in verbose.stderr and "checked in " in verbose.stderr


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_bar_waits_then_draws_and_never_draws_when_disabled():
    clock, stream = Clock(), io.StringIO()
    progress = Progress(stream, enabled=True, delay=1.5, clock=clock)
    progress(1, 100)
    assert stream.getvalue() == ""  # a short run shows nothing
    clock.now = 2.0
    for done in range(2, 101):
        progress(done, 100)
    progress.close()
    assert "Linting" in stream.getvalue()
    quiet, silent = io.StringIO(), Progress(io.StringIO(), enabled=False, clock=clock)
    silent.stream = quiet
    clock.now = 10.0
    silent(5, 100)
    silent.close()
    assert quiet.getvalue() == ""


def test_progress_is_off_in_ci_and_when_piped(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stderr", Terminal())
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert Progress.on_stderr().enabled
    monkeypatch.setenv("CI", "true")
    assert not Progress.on_stderr().enabled
    monkeypatch.delenv("CI")
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert not Progress.on_stderr().enabled
