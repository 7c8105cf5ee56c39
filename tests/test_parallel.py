"""The runner gives exactly the findings of linting all documents at once, whatever the jobs
and whether or not results come from the cache; cross-record rules see every record."""

from __future__ import annotations

import datetime
import shutil
import sys
from pathlib import Path

import pytest

import linter.engine
import linter.rules
from linter.discover import discover, display_path
from linter.engine import lint_documents
from linter.findings import Severity
from linter.load import load_file
from linter.model.document import Hit
from linter.records import references
from linter.rules.base import CROSS_RECORD, Rule
from linter.runner import lint_paths
from tests.conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
import generate

TODAY = datetime.date(2026, 1, 1)


def _cross_reference(doc, context):
    """A cross-record check like partof-unresolved: it reads other records through the context."""
    for pointer, ref in references(doc.record or {}, "part_of"):
        other = context.records.resolve(ref)
        if other is None:
            yield Hit(f"'{ref}' names no record of this run", pointer=pointer)
        elif not isinstance(other.record.get("date"), dict):
            yield Hit(f"'{ref}' has no dates", pointer=pointer)


@pytest.fixture
def with_cross_rule(monkeypatch):
    """Registers a cross-record rule for the test; fork-started workers inherit it."""
    rule = Rule(code="CL499", slug="test-cross-reference", severity=Severity.WARNING,
                summary="test", doc="test", check=_cross_reference, scope=CROSS_RECORD, reads=("part_of",))
    registered = linter.rules.all_rules() + (rule,)
    monkeypatch.setattr(linter.rules, "all_rules", lambda: registered)
    monkeypatch.setattr(linter.engine, "all_rules", lambda: registered)
    linter.rules._index.cache_clear()
    linter.engine._default_selection.cache_clear()  # its rule list is worked out once (Selection.checks)
    yield rule
    linter.rules._index.cache_clear()
    linter.engine._default_selection.cache_clear()


@pytest.fixture(scope="module")
def record_files(tmp_path_factory) -> list[tuple[Path, str]]:
    out = tmp_path_factory.mktemp("generated")
    generate.generate(150, out, seed=7, defect_rate=0.3)
    (out / "orphan.yaml").write_text("id: orphan\nconflict: Orphan\npart_of: [nowhere]\n", "utf-8")
    found = discover([str(FIXTURES), str(ROOT / "records"), str(out)])
    return [(path, display_path(path)) for path in found.files]


def _reference(files):
    documents = [load_file(path, display) for path, display in files]
    return lint_documents(documents, today=TODAY)


@pytest.mark.parametrize(("jobs", "settled"), [(1, False), (2, False), (2, True)])
def test_same_findings_with_any_jobs_and_cache(record_files, tmp_path, jobs, settled, with_cross_rule, monkeypatch):
    if settled:  # every file counts as unchanged since the last run: the warm run is the run pack's
        import linter.pack

        monkeypatch.setattr(linter.pack, "RACY_NS", -10**15)
    expected = _reference(record_files)
    assert any(f.rule == "test-cross-reference" for f in expected)
    assert len({f.rule for f in expected}) >= 8
    uncached = lint_paths(record_files, today=TODAY, jobs=jobs)
    cold = lint_paths(record_files, today=TODAY, jobs=jobs, cache_dir=tmp_path)
    warm = lint_paths(record_files, today=TODAY, jobs=jobs, cache_dir=tmp_path)
    assert uncached == expected
    assert cold == expected
    assert warm == expected


def test_cross_record_rules_rerun_when_another_file_changes(tmp_path, with_cross_rule):
    records = tmp_path / "records"
    records.mkdir()
    (records / "a.yaml").write_text("id: a\nconflict: A\npart_of: [b]\n", "utf-8")
    (records / "b.yaml").write_text("id: b\nconflict: B\ndate: {start: '2001'}\n", "utf-8")
    files = [(p, p.name) for p in sorted(records.iterdir())]
    cache = tmp_path / "cache"
    assert not [f for f in lint_paths(files, today=TODAY, cache_dir=cache) if f.rule == "test-cross-reference"]
    (records / "b.yaml").write_text("id: c\nconflict: C\n", "utf-8")
    found = [f for f in lint_paths(files, today=TODAY, cache_dir=cache) if f.rule == "test-cross-reference"]
    assert [(f.path, f.line, f.column) for f in found] == [("a.yaml", 3, 11)]


CROSS_SUPPRESSED = """\
id: a
conflict: A
part_of:
  - no-such-parent  # conflict-lint: disable=partof-unresolved
see_also:
  - no-such-article  # conflict-lint: disable=see-also-unresolved
date: {start: "1900"}
result: {text: Inconclusive}
sides:
  - combatants: [France]
  - combatants: [Prussia]
"""


@pytest.mark.parametrize("cached", [False, True])
def test_inline_suppressions_reach_the_cross_record_stage(tmp_path, cached):
    """Cross-record rules run over summaries, not texts: the summary carries the comments."""
    path = tmp_path / "a.yaml"
    path.write_text(CROSS_SUPPRESSED)
    (tmp_path / "b.yaml").write_text(CROSS_SUPPRESSED.replace("id: a\nconflict: A", "id: b\nconflict: B")
                                     .replace("  - no-such-parent", "  - a"))
    files = [(p, p.name) for p in sorted(tmp_path.glob("*.yaml"))]
    cache_dir = tmp_path / "cache" if cached else None
    for _ in range(2 if cached else 1):  # the second run reads every summary from the cache
        found = [
            (f.path, f.rule, f.line, f.column) for f in lint_paths(files, today=TODAY, jobs=1, cache_dir=cache_dir)
        ]
        # a.yaml: both suppressions silence a finding; b.yaml: its part_of resolves, so that
        # suppression is unused, reported where its rule name stands
        assert found == [("b.yaml", "unused-suppression", 4, 33)]


def test_a_file_given_and_in_the_roots_is_linted_once_however_it_is_spelt(tmp_path):
    """Roots add neighbours for cross-record rules; one that is a given file, through a link
    to its directory or to itself, must not count twice (it would be its own duplicate)."""
    from linter.runner import _not_among

    records = tmp_path / "records"
    records.mkdir()
    record = records / "a.yaml"
    record.write_text("id: a\n")
    (records / "b.yaml").write_text("id: b\n")
    (tmp_path / "linked").symlink_to(records, target_is_directory=True)
    (records / "alias.yaml").symlink_to(record)
    neighbours = [(p, p.name) for p in (records / "a.yaml", records / "b.yaml")]
    for given in (record, tmp_path / "linked" / "a.yaml", records / "alias.yaml"):
        assert [p.name for p, _ in _not_among(neighbours, [(given, "x")])] == ["b.yaml"]
    assert _not_among([], [(record, "a.yaml")]) == []


def test_a_wiki_file_beside_the_record_imported_from_it_is_no_duplicate(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from linter.cli import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "records").mkdir()
    shutil.copy(FIXTURES / "wikitext" / "article-with-infobox.wiki", tmp_path / "records")
    CliRunner().invoke(cli, ["import", "records/article-with-infobox.wiki", "--out", "records"])
    clean = CliRunner().invoke(cli, ["lint", "--no-cache", "--select", "duplicate-record", "records"])
    assert clean.output == "3 files checked, no findings.\n"
    # a copy of the record is still a duplicate, of the record and of nothing else
    shutil.copy(tmp_path / "records" / "skirmish-at-red-ford.yaml", tmp_path / "records" / "copy.yaml")
    copied = CliRunner().invoke(cli, ["lint", "--no-cache", "--output-format", "concise", "--select",
                                      "duplicate-record", "records"])
    assert [line.split(":")[0] for line in copied.output.splitlines()[:-1]] == [
        "records/copy.yaml", "records/skirmish-at-red-ford.yaml"]
