"""Baselines: record today's findings, then report only new ones, matched without line numbers."""

from __future__ import annotations

import json
import shutil

import click
import pytest
from click.testing import CliRunner

from linter import baseline
from linter.cli import cli
from tests.conftest import FIXTURES, ROOT
from tests.reporting import UNSOURCED, finding, lint_record


def run(*args: str):
    return CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": None}, catch_exceptions=False)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A working directory with one record holding five findings and its clean parent record."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "records").mkdir()
    shutil.copy(FIXTURES / "invalid" / "ayorou-uncorrected.yaml", tmp_path / "records" / "ayorou.yaml")
    shutil.copy(ROOT / "records" / "jihadist-insurgency-in-niger.yaml", tmp_path / "records")
    return tmp_path


def test_baseline_hides_known_findings(project):
    written = run("baseline", "records")
    assert written.exit_code == 0 and "Wrote 5 findings" in written.output
    document = json.loads((project / ".conflict-lint-baseline.json").read_text())
    assert document["version"] == baseline.BASELINE_VERSION
    assert sum(entry["count"] for entry in document["findings"]) == 5
    result = run("lint", "records", "--baseline", ".conflict-lint-baseline.json")
    assert result.exit_code == 0
    assert result.output == ("2 files checked, no findings. "
                             "Baseline: 5 known findings hidden, 0 gone since it was written.\n")


def test_new_findings_are_reported_and_fixed_ones_counted(project):
    run("baseline", "records", "--output", "base.json")
    record = project / "records" / "ayorou.yaml"
    text = record.read_text()
    # Fix one finding (the stray placeholder), add a line above everything, and add a new finding.
    text = "# checked against the AFP wire\n" + text.replace("      other:\n        - text: None\n", "")
    text = text.replace("result:", "bogus_field: 1\nresult:", 1)
    record.write_text(text)
    result = run("lint", "records", "--baseline", "base.json", "--output-format", "concise")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line.split(" ")[1] for line in lines[:-1]] == ["CL005"]
    assert lines[-1].endswith("Baseline: 4 known findings hidden, 1 gone since it was written.")


def test_counts_limit_how_many_identical_findings_are_hidden():
    known = baseline.parse(baseline.dump([finding(line=3)]))
    filtered = baseline.apply([finding(line=5), finding(line=9)], known)
    assert [f.line for f in filtered.new] == [9]
    assert (filtered.matched, filtered.gone) == (1, 0)


def test_matching_ignores_line_numbers():
    known = baseline.parse(baseline.dump(lint_record(UNSOURCED)))
    shifted = lint_record("# a comment\n# and another\n" + UNSOURCED)
    assert shifted and baseline.apply(shifted, known).new == []


@pytest.mark.parametrize("content, expected", [
    ("{not json", "not JSON"),
    ('{"version": 99, "findings": []}', "not a conflict-lint baseline"),
    ('{"version": 1, "findings": [{"fingerprint": "ab", "count": 0}]}', "at /findings/0/count"),
    ('[]', "not a conflict-lint baseline"),
])
def test_malformed_baseline_is_a_message_and_exit_2(project, content, expected):
    (project / "base.json").write_text(content)
    result = run("lint", "records", "--baseline", "base.json")
    assert result.exit_code == 2
    assert expected in result.output and "Traceback" not in result.output


def test_missing_baseline_is_a_message_and_exit_2(project):
    result = run("lint", "records", "--baseline", "nowhere.json")
    assert result.exit_code == 2 and "cannot read baseline nowhere.json" in result.output


def test_the_conventional_file_is_found_and_the_setting_names_another(project):
    assert run("baseline", "records").exit_code == 0
    found = run("lint", "records")  # .conflict-lint-baseline.json, no argument needed (pre-commit)
    assert found.exit_code == 0 and "Baseline: 5 known findings hidden" in found.output
    assert run("lint", "records", "--no-baseline").exit_code == 1
    (project / ".conflict-lint-baseline.json").unlink()
    (project / ".conflict-lint.toml").write_text('baseline = "ci/known.json"\n')
    (project / "ci").mkdir()
    written = run("baseline", "records")
    assert written.exit_code == 0 and "to the baseline ci/known.json" in written.output
    assert "Baseline: 5 known findings hidden" in run("lint", "records").output


def test_gone_counts_only_entries_of_the_files_checked(project):
    run("baseline", "records")
    # One file of two: the other file's five entries are not "gone", they were not looked at.
    one = run("lint", "records/jihadist-insurgency-in-niger.yaml")
    assert one.output.endswith("Baseline: 0 known findings hidden, 0 gone since it was written.\n")
    record = project / "records" / "ayorou.yaml"
    record.write_text(record.read_text().replace("      other:\n        - text: None\n", ""))
    fixed = run("lint", "records/ayorou.yaml")
    assert fixed.output.endswith("Baseline: 4 known findings hidden, 1 gone since it was written.\n")


def test_baseline_of_a_subset_keeps_the_other_files_entries_and_says_what_changed(project):
    (project / ".conflict-lint.toml").write_text('roots = ["records"]\n')  # part_of resolves in a subset
    shutil.copy(project / "records" / "ayorou.yaml", project / "records" / "other.yaml")
    first = run("baseline", "records", "--ignore", "duplicate-record")
    assert first.output == ("Wrote 10 findings of 3 files to the baseline .conflict-lint-baseline.json: "
                            "10 new, 0 gone.\n")
    record = project / "records" / "ayorou.yaml"
    record.write_text(record.read_text().replace("      other:\n        - text: None\n", "")
                      .replace("result:", "bogus_field: 1\nresult:", 1))
    second = run("baseline", "records/ayorou.yaml", "--ignore", "duplicate-record")
    assert second.output == ("Wrote 5 findings of 1 file to the baseline .conflict-lint-baseline.json: "
                             "1 new, 1 gone; kept 5 of files not checked.\n")
    entries = json.loads((project / ".conflict-lint-baseline.json").read_text())["findings"]
    assert sum(e["count"] for e in entries if e["path"] == "records/other.yaml") == 5
    # a file that no longer exists loses its entries at the next baseline
    (project / "records" / "other.yaml").unlink()
    third = run("baseline", "records/ayorou.yaml", "--ignore", "duplicate-record")
    assert third.output.endswith(": 0 new, 0 gone; dropped 5 of files that no longer exist.\n")
    assert {e["path"] for e in json.loads((project / ".conflict-lint-baseline.json").read_text())["findings"]} == {
        "records/ayorou.yaml"}


def test_baseline_shares_lints_options(project):
    context = click.Context(cli)
    lint_options = {p.name for p in cli.get_command(context, "lint").params}
    baseline_options = {p.name for p in cli.get_command(context, "baseline").params}
    shared = {"paths", "config", "select", "ignore", "today", "max_file_size", "stdin_filename", "jobs",
              "no_cache", "cache_dir", "quiet", "verbose", "show_files", "show_settings"}
    assert shared <= lint_options and shared <= baseline_options
    (project / "elsewhere.toml").write_text('ignore = ["figure-unsourced"]\n')
    written = run("baseline", "records", "--config", "elsewhere.toml", "--today", "2021-01-01")
    assert written.output.startswith("Wrote 2 findings")
