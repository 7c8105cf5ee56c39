"""The result cache: entries round-trip, damage is a miss (never a crash), writes are atomic,
and any change to the file, its path or the settings is a new key."""

from __future__ import annotations

import datetime
import json

from linter.cache import Cache, decode, encode, entry_key
from linter.findings import Finding, Severity, Span
from linter.runner import lint_paths

FINDING = Finding(path="a.yaml", span=Span(3, 5, 3, 9), code="CL102", rule="figure-negative",
                  severity=Severity.ERROR, message="négative — figure", pointer="/sides/0/strength/0/count")
TODAY = datetime.date(2026, 1, 1)


def test_entry_round_trips():
    summary = {"data": {"id": "a"}, "values": {"/id": [1, 5, 1, 6]}, "keys": {}}
    assert decode(encode([FINDING], [summary])) == ([FINDING], [summary])


def test_key_changes_with_content_path_and_settings():
    base = entry_key("s", "a.yaml", b"id: a\n")
    assert base == entry_key("s", "a.yaml", b"id: a\n")
    assert len({base, entry_key("s", "a.yaml", b"id: b\n"), entry_key("s", "b.yaml", b"id: a\n"),
                entry_key("t", "a.yaml", b"id: a\n")}) == 4


def test_corrupt_and_foreign_entries_are_misses(tmp_path):
    cache = Cache(tmp_path)
    cache.put("ab" * 32, [FINDING], [])
    path = next(tmp_path.rglob("*.json"))
    for damage in ("", "{not json", json.dumps({"findings": [[1, 2]]}), json.dumps([1, 2]),
                   json.dumps({"findings": [], "summaries": 5}),
                   json.dumps({"findings": [], "summaries": [{"data": {}, "values": {"/id": [1, 2]}, "keys": {}}]})):
        path.write_text(damage, "utf-8")
        assert cache.get("ab" * 32) is None
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert cache.get("ab" * 32) is None


def test_writes_leave_no_temporary_files(tmp_path):
    cache = Cache(tmp_path)
    for n in range(5):
        cache.put(f"{n:02d}" * 32, [FINDING], [])
    names = [p.name for p in tmp_path.rglob("*") if p.is_file()]
    assert len(names) == 5 and not [n for n in names if n.startswith(".tmp-")]


def test_unwritable_cache_only_costs_speed(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the directory should be", "utf-8")
    Cache(blocker).put("cd" * 32, [FINDING], [])  # no error
    assert Cache(blocker).get("cd" * 32) is None


def test_damaged_cache_relints_with_same_results(tmp_path):
    record = tmp_path / "r.yaml"
    record.write_text("id: r\nconflict: R\ndate: {start: '2001'}\nresult: {text: Draw}\nsides: [{}, {}]\n"
                      "status: finished\n", "utf-8")
    files = [(record, "r.yaml")]
    cache_dir = tmp_path / "cache"
    first = lint_paths(files, today=TODAY, jobs=1, cache_dir=cache_dir)
    assert {f.rule for f in first} == {"schema-violation", "result-nonstandard"}
    for entry in cache_dir.rglob("*.json"):
        entry.write_text('{"findings": [["truncated', "utf-8")
    assert lint_paths(files, today=TODAY, jobs=1, cache_dir=cache_dir) == first
    assert lint_paths(files, today=TODAY, jobs=1, cache_dir=cache_dir) == first


def test_cache_serves_unchanged_files(tmp_path, monkeypatch):
    record = tmp_path / "r.yaml"
    record.write_text("id: r\n", "utf-8")
    files = [(record, "r.yaml")]
    first = lint_paths(files, today=TODAY, jobs=1, cache_dir=tmp_path / "cache")
    import linter.load

    def fail(*args, **kwargs):
        raise AssertionError("an unchanged file was loaded again")

    monkeypatch.setattr(linter.load, "load_bytes", fail)
    assert lint_paths(files, today=TODAY, jobs=1, cache_dir=tmp_path / "cache") == first


def test_key_is_stable_across_runs_with_a_callable_in_the_selection(tmp_path):
    """A selection holds a path mapping for per-path settings: its repr changes every run,
    the rules it turns off in the file do not, and those are what the key must hold."""
    from linter.engine import Selection
    from linter.runner import Settings

    def settings(mapping):
        selection = Selection(per_path={"root/*": ("figure-unsourced",)}, relative=mapping)
        return Settings(selection, TODAY, str(tmp_path))

    first = settings(lambda path: f"root/{path}")
    again = settings(lambda path: f"root/{path}")
    moved = settings(lambda path: f"elsewhere/{path}")
    assert first.key() == again.key() and first.file_key("a.yaml") == again.file_key("a.yaml")
    assert first.file_key("a.yaml") != moved.file_key("a.yaml")
