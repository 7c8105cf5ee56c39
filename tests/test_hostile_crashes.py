"""Hostile input, round two: inputs that used to end the run with "internal error ... this is a
bug". Each is now a finding, or a one-line message with exit code 2, and never a traceback.

Cases about resources (memory, blocking reads, the process's streams) run the CLI in a
subprocess under the memory cap of tests/test_hostile.py; the others run in-process, which
costs a tenth of the time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner, Result

from linter.api import load_text
from linter.cli import cli
from tests.conftest import ROOT
from tests.test_hostile import _cap_memory
from tests.valid_output import assert_valid, assert_valid_site

BIG = "9" * 5000  # over Python's 4,300-digit limit for int <-> str
WIKI = "{{{{Infobox military conflict\n| conflict = A\n{}\n}}}}\n"


def run(*args: str, cwd, stdout=subprocess.PIPE, env=None, stdin=None) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "linter", *args], cwd=cwd, stdin=stdin, stdout=stdout,
                            stderr=subprocess.PIPE,
                            timeout=60, check=False, preexec_fn=_cap_memory,
                            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "this is a bug" not in stderr, stderr
    return result


def invoke(*args: str, cwd) -> Result:
    """The CLI in this process, from ``cwd``; a crash fails the test with its traceback."""
    here = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": None})
    finally:
        os.chdir(here)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def lint_json(tmp_path, name: str, content: str | bytes, *args: str) -> list[tuple[str, int]]:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    result = invoke("lint", "--format", "json", "--fail-on", "never", "--no-cache", *args, name, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    return [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("name, content, expected", [
    ("value.yaml", f"id: x\nconflict: {BIG}\n", ("syntax-error", 2)),
    ("key.yaml", f"id: x\n? {BIG}\n: 1\n", ("syntax-error", 2)),
    ("list.yaml", f"id: x\npart_of: [{BIG}]\n", ("syntax-error", 2)),
    ("tagged.yaml", f"id: x\nconflict: !!int {BIG}\n", ("syntax-error", 2)),
    ("count.yaml", f"id: x\nsides:\n  - casualties: {{killed: {{count: {BIG}}}}}\n", ("syntax-error", 3)),
    ("count.json", f'{{"id": "x",\n "sides": [{{"casualties": {{"killed": {{"count": {BIG}}}}}}}]}}',
     ("syntax-error", 2)),
], ids=["value", "key", "list", "tag", "count", "json"])
def test_huge_integers_in_records_are_findings(tmp_path, name, content, expected):
    assert expected in lint_json(tmp_path, name, content)


@pytest.mark.parametrize("figure", [
    f"{{text: '{BIG} killed'}}", f"{{text: '{BIG}-{BIG}9 killed'}}", f"{{text: 'about {BIG}'}}",
    f"{{text: '{BIG[:100]}', count: {BIG[:100]}}}",
], ids=["count", "range", "about", "longest-number"])
def test_a_huge_number_in_figure_text(tmp_path, figure):
    record = (f"id: x\nconflict: X\ndate: {{start: '2020'}}\nsides:\n - combatants: [A]\n"
              f"   casualties: {{killed: {figure}}}\n   strength: [{figure}]\n - combatants: [B]\n")
    found = lint_json(tmp_path, "figures.yaml", record)
    assert "syntax-error" not in {rule for rule, _ in found}  # a count of 100 digits is still a number


def test_two_huge_counts_in_one_total(tmp_path):
    near = "9" * 4299  # each converts; their sum has 4,300 digits
    record = (f"id: x\nconflict: X\ndate: {{start: '2020'}}\nsides:\n - combatants: [A]\n   casualties:\n"
              f"     killed: {{count: {near}}}\n     wounded: {{count: {near}}}\n     total: {{count: 1}}\n"
              " - combatants: [B]\n")
    found = lint_json(tmp_path, "total.yaml", record)
    assert ("syntax-error", 7) in found and ("syntax-error", 8) in found  # read as text, so no sum overflows


@pytest.mark.parametrize("body", [
    f"| date = {{{{start date|{BIG}|1|1}}}}",
    f"| date = {{{{start date|2020|{BIG}|1}}}}",
    "| date = {{start date|2020|²|1}}",
    "| date = {{start and end dates|2020|1|١|2021|²|1}}",
    f"| combatant{BIG} = France",
    f"| strength1 = {BIG}\n| casualties1 = {BIG} killed\n| casualties2 = {BIG}-{BIG}9 killed",
    "| casualties1 = 1,000" + ",000" * 3000 + " killed",
], ids=["year", "month", "superscript", "other-digits", "parameter", "figures", "comma-groups"])
def test_huge_and_odd_numbers_in_wikitext_are_read_or_reported(tmp_path, body):
    lint_json(tmp_path, "page.wiki", WIKI.format(body))


def test_a_parameter_number_beyond_three_digits_is_an_unknown_parameter(tmp_path):
    assert ("unknown-parameter", 3) in lint_json(tmp_path, "page.wiki", WIKI.format(f"| combatant{BIG} = France"))


def test_ten_thousand_cited_digits_do_not_join_into_one_number(tmp_path):
    found = lint_json(tmp_path, "page.wiki", WIKI.format("| casualties1 = " + "9<ref>x</ref>" * 10_000))
    assert "syntax-error" not in {rule for rule, _ in found}
    # within the parser's budget, the page is read: a citation ends the figure before it
    page = WIKI.format("| combatant1 = A\n| casualties1 = " + "9<ref>x</ref>" * 9_000)
    figure = load_text(page, "page.wiki").data["sides"][0]["casualties"]["total"]
    assert figure["count"] == 9 and figure["text"].startswith("9 9 9 ")


FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab")


@pytest.mark.parametrize("name, content", [
    ("record.json", '{"id": "x", "conflict": "\\ud800", "victor": "\\udfff"}'),
    ("page.wiki", WIKI.format("| result = &#xD800; victory\n| x&#xDFFF; = 1")),
], ids=["json", "wikitext"])
def test_lone_surrogates_give_valid_output_in_every_format(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    _assert_every_format_valid(tmp_path, name)


def _assert_every_format_valid(tmp_path, path: str) -> None:
    """Lint ``path`` with every report format and an HTML site at once; each must be valid."""
    outputs = [option for f in FORMATS for option in ("--output", f"{f}:report.{f}")]
    # a real process: its standard output encodes strictly, as a CI runner's does
    result = run("lint", "--format", "text", *outputs, "--output", "html:site", "--", path, cwd=tmp_path,
                 env={"NO_COLOR": "1"})
    assert result.returncode == 1, result.stderr
    assert_valid("text", result.stdout.decode("utf-8"))
    for output_format in FORMATS:
        assert_valid(output_format, (tmp_path / f"report.{output_format}").read_text("utf-8"))
    assert_valid_site(tmp_path / "site")


def test_a_file_name_that_is_not_utf8_gives_valid_output_in_every_format(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / os.fsdecode(b"caf\xe9\x1b]0;x\x07.yaml")).write_text("id: x\nvictor: y\n")
    _assert_every_format_valid(tmp_path, "in")
    shown = "caf\\udce9\\x1b]0;x\\x07.yaml"  # escaped, not dropped
    assert shown in (tmp_path / "report.text").read_text("utf-8")
    assert shown in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_a_file_name_that_is_not_utf8_is_linted_cached_and_reported(tmp_path):
    records = tmp_path / "records"
    records.mkdir()
    (records / os.fsdecode(b"caf\xe9.yaml")).write_text("id: x\nvictor: y\n")
    for _ in range(2):  # the second run reads the cache entry the first one wrote
        result = run("lint", "--format", "json", "records", cwd=tmp_path)
        assert result.returncode == 1
        report = json.loads(result.stdout)
        assert {f["path"] for f in report["findings"]} == {"records/caf\udce9.yaml"}
    assert list((tmp_path / ".conflict-lint-cache").rglob("*.json"))


@pytest.mark.parametrize("content", ["~\n", "null\n", "--- !!null\n", "---\n...\n"])
def test_a_yaml_record_that_is_null_is_a_finding(tmp_path, content):
    assert lint_json(tmp_path, "null.yaml", content) == [("schema-violation", 1)]


def test_a_json_record_that_is_null_is_a_finding(tmp_path):
    assert lint_json(tmp_path, "null.json", "null") == [("schema-violation", 1)]


@pytest.mark.parametrize("name, content", [
    ("list.yaml", "- a\n- b\n"), ("number.yaml", "5\n"), ("text.yaml", "just text\n"),
    ("list.json", '["a", "b"]'), ("number.json", "5"), ("text.json", '"just text"'),
])
def test_import_of_a_file_that_holds_no_mapping(tmp_path, name, content):
    (tmp_path / name).write_text(content)
    result = invoke("import", name, "--out", "out", cwd=tmp_path)
    assert result.exit_code == 1
    assert "not converted: the file holds" in result.stderr


def test_import_of_many_infoboxes_of_one_name_and_a_long_name(tmp_path):
    boxes = "{{Infobox military conflict\n| conflict = A\n}}\n" * 300
    (tmp_path / "page.wiki").write_text(boxes + "{{Infobox military conflict\n| conflict = " + "B" * 300 + "\n}}\n")
    result = invoke("import", "page.wiki", "--out", "out", cwd=tmp_path)
    assert result.exit_code == 1  # written, but not schema-valid (no sides)
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 301 and "a-300.yaml" in names
    assert max(len(name) for name in names) <= 110


@pytest.mark.parametrize("settings_text, message", [
    ("tool = 5 # conflict-lint\n", None),
    ("[[tool.conflict-lint]]\nselect = []\n", "must be a table"),
    ("[tool]\nconflict-lint = 5\n", "must be a table"),
    ("[tool.conflict-lint]\nx = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
])
def test_malformed_pyproject(tmp_path, settings_text, message):
    (tmp_path / "pyproject.toml").write_text(settings_text)
    (tmp_path / "r.yaml").write_text("id: x\n")
    result = invoke("lint", "--no-cache", "r.yaml", cwd=tmp_path)
    if message is None:  # not a table of ours: no settings, the record is linted
        assert result.exit_code == 1
    else:
        assert result.exit_code == 2 and message in result.stderr


def test_a_huge_sparse_pyproject_is_not_read_whole(tmp_path):
    with open(tmp_path / "pyproject.toml", "wb") as stream:
        stream.write(b"[tool.conflict-lint]\n")
        stream.truncate(3 * 1024 ** 3)  # sparse: no disk used, and far over the memory cap
    (tmp_path / "r.yaml").write_text("id: x\n")
    result = run("lint", "r.yaml", cwd=tmp_path)
    assert result.returncode == 2 and b"limit for a settings file" in result.stderr


@pytest.mark.parametrize("size", [str(2 ** 63), str(10 ** 11)])
def test_a_huge_max_file_size_allocates_nothing(tmp_path, size):
    # a capped process: a read that preallocated its limit would fail under the cap
    (tmp_path / "r.yaml").write_text("id: x\nvictor: y\n")
    result = run("lint", "--format", "json", "--no-cache", "--max-file-size", size, "r.yaml", cwd=tmp_path)
    assert ("unknown-field", 2) in [(f["rule"], f["line"]) for f in json.loads(result.stdout)["findings"]]


def test_a_huge_max_file_size_setting(tmp_path):
    (tmp_path / ".conflict-lint.toml").write_text(f"max-file-size = {2 ** 63 - 1}\n")
    assert ("unknown-field", 2) in lint_json(tmp_path, "r.yaml", "id: x\nvictor: y\n")


def test_standard_output_on_a_full_disk(tmp_path):
    (tmp_path / "r.yaml").write_text("id: x\n")
    with open("/dev/full", "w") as full:
        result = run("lint", "r.yaml", cwd=tmp_path, stdout=full)
    assert result.returncode == 2
    assert result.stderr.decode().strip() == \
        "conflict-lint: cannot write the report to standard output: No space left on device"


def test_a_directory_tree_1500_levels_deep(tmp_path):
    directory = tmp_path / "records"
    # made one level at a time from inside: pathlib's mkdir(parents=True) itself recurses
    os.mkdir(directory)
    here = os.getcwd()
    try:
        os.chdir(directory)
        for _ in range(1500):
            os.mkdir("d")
            os.chdir("d")
        with open("deep.yaml", "w") as stream:
            stream.write("id: x\nvictor: y\n")
    finally:
        os.chdir(here)
    try:
        result = run("lint", "--format", "json", "records", cwd=tmp_path)
        assert result.returncode == 1
        assert [f["rule"] for f in json.loads(result.stdout)["findings"]
                if f["path"].endswith("deep.yaml")].count("unknown-field") == 1
    finally:
        _remove_deep(directory)


def _remove_deep(top) -> None:
    """Remove a chain of nested directories without recursion (shutil.rmtree recurses per level)."""
    here = os.getcwd()
    try:
        os.chdir(top)
        depth = 0
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        for name in os.listdir("."):
            os.unlink(name)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(here)


@pytest.mark.parametrize("entry", [
    '{"findings": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], "summaries": []}',
    '{"findings": [["r.yaml", 1, 1, 1, 1, "CL001", "x", 3, {"a": 1}, []]], "summaries": []}',
    '{"findings": [["r.yaml", 1, 1, 1, 1, "CL001", "x", 99, "m", ""]], "summaries": []}',
    '{"findings": ' + "[" * 100_000 + "]" * 100_000 + ', "summaries": []}',
    "/dev/zero",
], ids=["numbers", "wrong-types", "severity", "deep", "dev-zero"])
def test_poisoned_cache_entries_are_misses(tmp_path, entry):
    (tmp_path / "r.yaml").write_text("id: x\nvictor: y\n")
    first = run("lint", "--format", "json", "r.yaml", cwd=tmp_path)
    for path in (tmp_path / ".conflict-lint-cache").rglob("*.json"):
        path.unlink()
        if entry == "/dev/zero":
            path.symlink_to(entry)
        else:
            path.write_text(entry)
    second = run("lint", "--format", "json", "r.yaml", cwd=tmp_path)
    assert second.returncode == first.returncode == 1
    assert second.stdout == first.stdout


@pytest.mark.parametrize("baseline", ["deep", "fifo", "/dev/zero"])
def test_an_unusable_baseline_is_a_message(tmp_path, baseline):
    (tmp_path / "r.yaml").write_text("id: x\n")
    if baseline == "deep":
        (tmp_path / "b.json").write_text("[" * 100_000 + "]" * 100_000)
    elif baseline == "fifo":
        os.mkfifo(tmp_path / "b.json")
    path = baseline if baseline.startswith("/") else "b.json"
    result = run("lint", "--baseline", path, "r.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("conflict-lint: ")
