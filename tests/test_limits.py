"""The documented limits (linter/limits.py, docs/security.md): each, when reached, is a finding
that says so, and the work before it stays bounded."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linter import limits
from linter.engine import lint_documents
from linter.infobox.budget import measure
from linter.load import load_bytes, with_extra
from linter.records import RecordSet
from tests.conftest import FIXTURES
from tests.test_hostile_crashes import run

BOX = "{{{{Infobox military conflict\n| conflict = A\n{}\n}}}}\n"


def _counted_one_brace_at_a_time(text: str) -> tuple[int, int, int]:
    """(template calls opened, left open, deepest nesting), reading each "{{" and "}}" in turn."""
    depth = deepest = opened = closed = 0
    position = 0
    while (found := min((i for i in (text.find("{{", position), text.find("}}", position)) if i >= 0),
                        default=-1)) >= 0:
        if text.startswith("{{", found):
            opened, depth = opened + 1, depth + 1
            deepest = max(deepest, depth)
        else:
            closed, depth = closed + 1, max(0, depth - 1)
        position = found + 2
    return opened, max(0, opened - closed), deepest


@given(st.lists(st.sampled_from(["{{", "}}", "{", "}", "{{{", "}}}", "a", "\n"]), max_size=40).map("".join))
def test_template_calls_are_counted_as_the_parser_meets_them(text):
    markup = measure(text)
    assert (markup.openers, markup.unclosed, markup.depth) == _counted_one_brace_at_a_time(text)


def rules_of(text: str, suffix: str) -> list[str]:
    records = with_extra(load_bytes(text.encode("utf-8"), f"page{suffix}", suffix))
    return [f.rule for f in lint_documents(records, record_set=RecordSet(records))]


@pytest.mark.parametrize("text", [
    BOX.format("| result = " + '<ref name="x' * 10_000),
    BOX.format("| result = " + "<ref>" * 40_000),
    BOX.format("| result = " + "<div>" * 40_000),
    BOX.format("| result = " + "{|" * 40_000),
    "{{Infobox military conflict|" * 10_000,
    BOX.format("|a=[[b" * 40_000),
    BOX.format("| result = " + "{{x|" * 5_000 + "}}" * 5_000),
    BOX.format("| result = " + "[[a]] " * (limits.MAX_MARKUP + 1)),
], ids=["ref-names", "refs", "divs", "tables", "boxes", "links", "nesting", "balanced"])
def test_pages_beyond_the_parser_budget_are_not_parsed(text):
    assert measure(text).over_budget()
    assert rules_of(text, ".wiki") == ["limit-exceeded"]


def test_the_issues_pages_beyond_the_budget_in_a_capped_process(tmp_path):
    """The issue's repros at their sizes (each took a minute or more), linted together by the CLI
    in a process with a memory cap and a time-out: each is one limit-exceeded finding."""
    pages = {
        "ref-names.wiki": BOX.format("| result = " + '<ref name="x' * 10_000),
        "refs.wiki": BOX.format("| result = " + "<ref>" * 40_000),
        "divs.wiki": BOX.format("| result = " + "<div>" * 40_000),
        "tables.wiki": BOX.format("| result = " + "{|" * 40_000),
        "boxes.wiki": "{{Infobox military conflict|" * 10_000,
        "links.wiki": BOX.format("|a=[[b" * 40_000),
        "nesting.wiki": BOX.format("| result = " + "{{x|" * 10_000 + "}}" * 10_000),
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text)
    result = run("lint", "--format", "json", "--no-cache", "--fail-on", "never", *pages, cwd=tmp_path)
    found = {name: [f["rule"] for f in json.loads(result.stdout)["findings"] if f["path"] == name] for name in pages}
    assert found == {name: ["limit-exceeded"] for name in pages}


def test_every_limit_is_documented():
    """docs/security.md's table names every limit of linter/limits.py with its value."""
    from tests.conftest import ROOT

    table = (ROOT / "docs" / "security.md").read_text("utf-8").split("## Limits", 1)[1]
    shown = {"MAX_FILE_BYTES": "5 MiB", "MAX_SETTINGS_BYTES": "1 MiB", "MAX_BASELINE_BYTES": "64 MiB",
             "MAX_CACHE_ENTRY_BYTES": "64 MiB", "MAX_DEPTH": "100 levels", "MAX_TEMPLATE_DEPTH": "50 levels",
             "MAX_MATCH_CHARS": "first 10,000 characters", "MAX_NUMBER_DIGITS": "| 100 |"}
    names = [name for name in vars(limits) if name.startswith("MAX_")]
    assert set(shown) <= set(names)
    for name in names:
        value = shown.get(name, f"{getattr(limits, name):,}")
        assert value in table, f"{name} ({value}) is not in docs/security.md's table of limits"
    assert (limits.MAX_FILE_BYTES, limits.MAX_SETTINGS_BYTES) == (5 * 1024 ** 2, 1024 ** 2)
    assert (limits.MAX_BASELINE_BYTES, limits.MAX_CACHE_ENTRY_BYTES) == (64 * 1024 ** 2, 64 * 1024 ** 2)
    assert (limits.MAX_DEPTH, limits.MAX_TEMPLATE_DEPTH, limits.MAX_MATCH_CHARS) == (100, 50, 10_000)


def test_real_pages_are_within_the_budget():
    pages = sorted(FIXTURES.rglob("*.wiki"))
    assert pages
    for page in pages:
        assert measure(page.read_text("utf-8")).over_budget() is None, page.name


@pytest.mark.parametrize("suffix, make", [
    (".json", lambda n: "{" + ",".join('"a": 1' for _ in range(n)) + "}"),
    (".yaml", lambda n: "a: 1\n" * n),
], ids=["json", "yaml"])
def test_duplicate_keys_beyond_the_findings_limit_are_counted(suffix, make):
    found = rules_of(make(limits.MAX_FINDINGS_PER_FILE + 2_000), suffix)
    assert found.count("duplicate-key") == limits.MAX_FINDINGS_PER_FILE
    assert found.count("limit-exceeded") == 1


def test_findings_beyond_the_limit_per_file_are_one_finding(tmp_path):
    # distinct unknown fields: one finding each, over the limit
    fields = "".join(f"field{i}: 1\n" for i in range(limits.MAX_FINDINGS_PER_FILE + 50))
    (tmp_path / "r.yaml").write_text("id: x\n" + fields)
    report = json.loads(run("lint", "--format", "json", "--no-cache", "r.yaml", cwd=tmp_path).stdout)
    assert len(report["findings"]) == limits.MAX_FINDINGS_PER_FILE + 1
    [dropped] = [f for f in report["findings"] if f["rule"] == "limit-exceeded"]
    assert dropped["message"].startswith("5") and "more findings in this file are not reported" in dropped["message"]


@pytest.mark.parametrize("name, make", [
    ("deep.json", lambda key, n: "{" + f'"{key}": {{' * 98 + '"x": [' + "1," * n + "1]" + "}" * 99),
    ("deep.yaml", lambda key, n: "".join(" " * i + key + ":\n" for i in range(98)) + " " * 98 + "x: ["
     + "1," * n + "1]\n"),
], ids=["json", "yaml"])
def test_long_keys_nested_deep_over_a_long_list_stay_within_memory(tmp_path, name, make):
    # each of the 20,000 values would keep a pointer of 98 keys of 1,000 characters: 2 GB
    (tmp_path / name).write_text(make("k" * 1000, 20_000))
    result = run("lint", "--format", "json", "--no-cache", "--fail-on", "never", name, cwd=tmp_path)
    found = json.loads(result.stdout)["findings"]
    assert [f["rule"] for f in found] == ["syntax-error"]
    assert "characters" in found[0]["message"]


def _record_linking_nowhere(links: int, unknown_fields: int = 0) -> str:
    # each link names no record of the run: one cross-record finding each
    record = {"id": "x", "conflict": "X", "date": {"start": "2020"},
              "part_of": [f"war-{i}" for i in range(links)], "see_also": [f"battle-{i}" for i in range(links)]}
    record.update({f"field{i}": 1 for i in range(unknown_fields)})
    return json.dumps(record)


def _capped(report: dict, path: str) -> tuple[list[str], str]:
    found = [f for f in report["findings"] if f["path"] == path]
    [dropped] = [f["message"] for f in found if f["rule"] == "limit-exceeded"]
    return [f["rule"] for f in found if f["rule"] != "limit-exceeded"], dropped


def test_cross_record_findings_count_against_the_limit_per_file(tmp_path):
    """partof-unresolved and see-also-unresolved come from the cross-record stage, after the
    per-file cap: they are capped with the rest of the file's findings."""
    (tmp_path / "links.json").write_text(_record_linking_nowhere(600))
    # roots declare the record set whole, so a page's link to an article outside it is reported
    (tmp_path / "pyproject.toml").write_text('[tool.conflict-lint]\nroots = ["."]\n')
    box = "{{Infobox military conflict\n| conflict = Battle of A\n| partof = War of B\n}}\n"
    (tmp_path / "boxes.wiki").write_text(box * (limits.MAX_FINDINGS_PER_FILE + 30))
    report = json.loads(run("lint", "--format", "json", "--no-cache", "--fail-on", "never",
                            *("--select", "partof-unresolved", "--select", "see-also-unresolved"),
                            "--select", "limit-exceeded", ".",
                            cwd=tmp_path).stdout)
    found, dropped = _capped(report, "links.json")
    assert len(found) == limits.MAX_FINDINGS_PER_FILE
    assert found.count("partof-unresolved") == 600  # file order: part_of comes first
    assert dropped.startswith("200 more findings in this file are not reported")
    found, dropped = _capped(report, "boxes.wiki")
    assert found == ["partof-unresolved"] * limits.MAX_FINDINGS_PER_FILE
    assert dropped.startswith("30 more findings")


def test_the_count_of_dropped_findings_adds_both_stages_cached_or_not(tmp_path):
    # 1,050 unknown fields (per-file stage, capped there) and 2 x 100 unresolved links (cross-record)
    (tmp_path / "r.json").write_text(_record_linking_nowhere(100, unknown_fields=1_050))
    reports = [json.loads(run("lint", "--format", "json", "--fail-on", "never", "--cache-dir", "cache", "r.json",
                              cwd=tmp_path, env={"XDG_CACHE_HOME": str(tmp_path / "key")}).stdout)
               for _ in range(2)]  # the second run reads the per-file stage's cap from the cache
    assert reports[0]["findings"] == reports[1]["findings"]
    found, dropped = _capped(reports[0], "r.json")
    assert len(found) == limits.MAX_FINDINGS_PER_FILE
    total = 1_050 + 2 * 100 + sum(1 for f in reports[0]["findings"] if f["rule"] not in (
        "unknown-field", "partof-unresolved", "see-also-unresolved", "limit-exceeded"))
    assert dropped.startswith(f"{total - limits.MAX_FINDINGS_PER_FILE:,} more findings")


@pytest.mark.parametrize("text, position", [
    ("a: 1\n" * 700_000, (100_000, 4)),  # 3.5 MB: composing it took 10 s and every key a finding
    # the mapping, x and the list come first: the value past the limit is item MAX_NODES - 2
    ("x: [" + "1, " * 300_000 + "1]\n", (1, 5 + 3 * (limits.MAX_NODES - 3))),
    ("- {a: 1}\n" * 100_000, (66_667, 4)),  # the list, then three values a line
], ids=["repeated-keys", "flow-list", "mappings"])
def test_a_yaml_document_of_more_values_than_the_limit_is_not_composed(tmp_path, text, position):
    (tmp_path / "big.yaml").write_text(text)
    result = run("lint", "--format", "json", "--no-cache", "--fail-on", "never", "big.yaml", cwd=tmp_path)
    [found] = json.loads(result.stdout)["findings"]
    assert found["rule"] == "limit-exceeded" and (found["line"], found["column"]) == position
    assert f"more than {limits.MAX_NODES:,} values" in found["message"]


def test_a_yaml_document_at_the_values_limit_is_checked():
    keys = (limits.MAX_NODES - 1) // 2  # each key and its value, and the mapping: 199,999 values
    found = rules_of("".join(f"k{i}: 1\n" for i in range(keys)), ".yaml")
    assert "limit-exceeded" not in found and found.count("unknown-field") == keys
