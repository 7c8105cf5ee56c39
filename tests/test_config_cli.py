"""Settings, per-path ignores, inline suppressions and record roots, end to end through the CLI."""

from __future__ import annotations

import datetime
import json
import shutil
import textwrap

import pytest
from click.testing import CliRunner

from linter.cli import cli
from tests.conftest import ROOT

RECORD = """\
id: {id}
conflict: {name}
date: {{start: "1900"}}
result: {{text: {result}}}
sides:
  - combatants: [France]
  - combatants: [Prussia]
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "records").mkdir()
    return tmp_path


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), "utf-8")


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def rules_of(output: str) -> list[str]:
    return [f["rule"] for f in json.loads(output)["findings"]]


def test_no_settings_file_means_defaults(project):
    write(project / "records" / "a.yaml", RECORD.format(id="a", name="A", result="Decisive French victory"))
    code, output = run("lint", "records", "--format", "json")
    assert code == 0 and rules_of(output) == ["result-nonstandard"]


def test_pyproject_ignore_select_and_severity(project):
    write(project / "records" / "a.yaml", RECORD.format(id="a", name="A", result="Decisive French victory"))
    write(project / "pyproject.toml", """
        [tool.conflict-lint]
        severity = {result-nonstandard = "error"}
    """)
    code, output = run("lint", "records", "--format", "json")
    assert code == 1 and json.loads(output)["findings"][0]["severity"] == "error"
    write(project / "pyproject.toml", """
        [tool.conflict-lint]
        ignore = ["CL302"]
    """)
    assert run("lint", "records") == (0, "1 file checked, no findings.\n")
    write(project / "pyproject.toml", """
        [tool.conflict-lint]
        select = ["date-order"]
    """)
    assert run("lint", "records")[0] == 0


def test_dedicated_file_wins_and_today_is_read(project):
    write(project / "records" / "a.yaml", RECORD.format(id="a", name="A", result="Inconclusive").replace(
        '"1900"', '"2030"'))
    write(project / "pyproject.toml", "[tool.conflict-lint]\ntoday = 2040-01-01\n")
    assert run("lint", "records")[0] == 0
    write(project / ".conflict-lint.toml", 'today = "2025-01-01"\n')
    code, output = run("lint", "records", "--format", "json")
    assert code == 1 and rules_of(output) == ["date-future"]
    # --today on the command line overrides the settings
    assert run("lint", "records", "--today", "2031-01-01")[0] == 0


def test_per_path_ignores(project):
    write(project / "records" / "legacy" / "a.yaml", RECORD.format(id="a", name="A", result="Decisive French victory"))
    write(project / "records" / "b.yaml", RECORD.format(id="b", name="B", result="Decisive French victory"))
    write(project / ".conflict-lint.toml", """
        [per-path]
        "records/legacy/*" = ["result-nonstandard"]
    """)
    _, output = run("lint", "records", "--format", "json")
    assert [f["path"] for f in json.loads(output)["findings"]] == ["records/b.yaml"]


def test_exclude(project):
    write(project / "records" / "drafts" / "a.yaml", "id: [")
    write(project / "records" / "b.yaml", RECORD.format(id="b", name="B", result="Inconclusive"))
    write(project / ".conflict-lint.toml", 'exclude = ["records/drafts"]\n')
    assert run("lint", "records") == (0, "1 file checked, no findings.\n")


@pytest.mark.parametrize("settings, key", [
    ("colour = true\n", "colour"),
    ('select = ["no-such-rule"]\n', "select"),
    # empty: every rule off and every run clean, whatever the records hold
    ("select = []\n", "select` is empty"),
    ('ignore = "date-order"\n', "ignore"),
    ('[severity]\ndate-order = "fatal"\n', "severity.date-order"),
    ('[per-path]\n"x/*" = ["nope"]\n', "per-path.x/*"),
    ('today = "tomorrow"\n', "today"),
    ('roots = ["missing-dir"]\n', "roots"),
    ("select = [\n", "TOML"),
])
def test_bad_settings_exit_2_naming_the_key(project, settings, key):
    write(project / ".conflict-lint.toml", settings)
    for command in (["lint", "records"], ["config"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 2
        assert key in result.output and "Traceback" not in result.output


def test_config_show_prints_effective_settings(project):
    write(project / ".conflict-lint.toml", 'ignore = ["date-order"]\nroots = ["records"]\ntoday = 2024-05-01\n')
    code, output = run("config", "--show")
    assert code == 0
    import tomllib

    shown = tomllib.loads(output)
    assert (shown["ignore"], shown["roots"], shown["today"]) == (["date-order"], ["records"], datetime.date(2024, 5, 1))
    assert run("config")[0] == 0


def test_explicit_config_path(project):
    write(project / "elsewhere.toml", 'ignore = ["result-nonstandard"]\n')
    write(project / "records" / "a.yaml", RECORD.format(id="a", name="A", result="Decisive French victory"))
    code, output = run("lint", "records", "--config", "elsewhere.toml", "--format", "json")
    assert code == 0 and rules_of(output) == []  # without the file: result-nonstandard
    assert run("lint", "records", "--config", "missing.toml")[0] == 2


def test_inline_suppressions_and_unused_suppression(project):
    write(project / "records" / "a.yaml", """\
        id: a
        conflict: A
        date: {start: "1900"}
        result: {text: Decisive French victory}  # conflict-lint: disable=result-nonstandard
        sides:
          - combatants: [France]  # conflict-lint: disable=party-on-both-sides
          - combatants: [Prussia]
    """)
    code, output = run("lint", "records", "--format", "json", "--fail-on", "warning")
    findings = json.loads(output)["findings"]
    assert code == 1
    assert [(f["rule"], f["line"]) for f in findings] == [("unused-suppression", 6)]
    write(project / ".conflict-lint.toml", 'ignore = ["unused-suppression"]\n')
    assert run("lint", "records", "--fail-on", "warning")[0] == 0


def test_linting_one_changed_file_resolves_part_of_against_the_roots(project):
    for name in ("2020-ayorou-attack.yaml", "jihadist-insurgency-in-niger.yaml"):
        shutil.copy(ROOT / "records" / name, project / "records" / name)
    changed = project / "records" / "2020-ayorou-attack.yaml"
    changed.write_text(changed.read_text("utf-8").replace("text: March 12, 2020", "text: 12 March 2020"), "utf-8")
    # Without roots, the parent is not in the set.
    code, output = run("lint", "records/2020-ayorou-attack.yaml", "--format", "json")
    assert code == 1 and rules_of(output) == ["partof-unresolved"]
    write(project / "pyproject.toml", '[tool.conflict-lint]\nroots = ["records"]\n')
    code, output = run("lint", "records/2020-ayorou-attack.yaml", "--format", "json")
    assert code == 0 and json.loads(output)["findings"] == []
    assert json.loads(output)["summary"]["files"] == 1
    # The parent is seen, not reported on: break it and lint only the child.
    parent = project / "records" / "jihadist-insurgency-in-niger.yaml"
    parent.write_text(parent.read_text("utf-8").replace("text: Ongoing", "text: Decisive win"), "utf-8")
    code, output = run("lint", "records/2020-ayorou-attack.yaml", "--format", "json")
    assert code == 0 and json.loads(output)["findings"] == []
    # A changed date that leaves the parent's span is caught through the roots.
    changed.write_text(changed.read_text("utf-8").replace('"2020-03-12"', '"2012-03-12"'), "utf-8")
    code, output = run("lint", "records/2020-ayorou-attack.yaml", "--format", "json")
    assert code == 1 and rules_of(output) == ["partof-date-outside"]


def test_max_file_size_from_settings_and_its_validation(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.yaml").write_text("id: x\n" * 100, "utf-8")
    (tmp_path / ".conflict-lint.toml").write_text("max-file-size = 100\n", "utf-8")
    result = CliRunner().invoke(cli, ["lint", "--no-cache", "--format", "json", "r.yaml"])
    assert [f["rule"] for f in json.loads(result.output)["findings"]] == ["syntax-error"]
    (tmp_path / ".conflict-lint.toml").write_text("max-file-size = 'big'\n", "utf-8")
    result = CliRunner().invoke(cli, ["lint", "--no-cache", "r.yaml"])
    assert result.exit_code == 2 and "`max-file-size` must be a number of bytes" in result.output


def test_a_pages_parent_article_is_missing_only_when_roots_declare_the_record_set(project):
    write(project / "pages" / "raid.wiki", """\
        {{Infobox military conflict
        | conflict = Raid on the mill
        | partof = [[River war]]
        | date = 3 May 1916
        | result = French victory
        | combatant1 = France
        | combatant2 = Spain
        }}
    """)
    output = run("lint", "pages", "--format", "json")[1]
    assert "partof-unresolved" not in rules_of(output)  # [[River war]] is an article, linted or not
    write(project / "pyproject.toml", '[tool.conflict-lint]\nroots = ["pages"]\n')
    output = run("lint", "pages", "--format", "json")[1]
    found = [(f["rule"], f["line"], f["column"]) for f in json.loads(output)["findings"]]
    assert ("partof-unresolved", 3, 12) in found
