"""The result cache: entries round-trip, damage is a miss (never a crash), writes are atomic,
and any change to the file, its path or the settings is a new key."""

from __future__ import annotations

import datetime
import hmac
import json

from click.testing import CliRunner

from linter.cache import FORMAT, Cache, decode, encode, entry_key, signing_key
from linter.cli import cli
from linter.engine import Selection
from linter.findings import Finding, Severity, Span
from linter.runner import lint_paths

FINDING = Finding(path="a.yaml", span=Span(3, 5, 3, 9), code="CL102", rule="figure-negative",
                  severity=Severity.ERROR, message="négative — figure", pointer="/sides/0/strength/0/count")
TODAY = datetime.date(2026, 1, 1)
KEY = b"k" * 32


def test_entry_round_trips():
    summary = {"data": {"id": "a"}, "values": {"/id": [1, 5, 1, 6]}, "keys": {}}
    assert decode(encode([FINDING], [summary])) == ([FINDING], [summary])


def test_key_changes_with_content_path_and_settings():
    base = entry_key("s", "a.yaml", b"id: a\n")
    assert base == entry_key("s", "a.yaml", b"id: a\n")
    assert len({base, entry_key("s", "a.yaml", b"id: b\n"), entry_key("s", "b.yaml", b"id: a\n"),
                entry_key("t", "a.yaml", b"id: a\n")}) == 4


def test_corrupt_and_foreign_entries_are_misses(tmp_path):
    cache = Cache(tmp_path, KEY)
    cache.put("ab" * 32, [FINDING], [])
    path = next(tmp_path.rglob("*.json"))
    for damage in ("", "{not json", encode([FINDING], []), json.dumps({"findings": [[1, 2]]}), json.dumps([1, 2]),
                   json.dumps({"findings": [], "summaries": 5}),
                   json.dumps({"findings": [], "summaries": [{"data": {}, "values": {"/id": [1, 2]}, "keys": {}}]})):
        path.write_text(damage, "utf-8")
        assert cache.get("ab" * 32) is None
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert cache.get("ab" * 32) is None


def test_writes_leave_no_temporary_files(tmp_path):
    cache = Cache(tmp_path, KEY)
    for n in range(5):
        cache.put(f"{n:02d}" * 32, [FINDING], [])
    names = [p.name for p in (tmp_path / FORMAT).rglob("*") if p.is_file()]
    assert len(names) == 5 and not [n for n in names if n.startswith(".tmp-")]


def test_unwritable_cache_only_costs_speed(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the directory should be", "utf-8")
    Cache(blocker, KEY).put("cd" * 32, [FINDING], [])  # no error
    assert Cache(blocker, KEY).get("cd" * 32) is None


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


def test_an_entry_this_machine_did_not_sign_is_a_miss(tmp_path):
    """A pull request may commit cache entries saying "no findings": only our own key makes one count."""
    Cache(tmp_path, b"x" * 32).put("ef" * 32, [FINDING], [])
    assert Cache(tmp_path, b"x" * 32).get("ef" * 32) == ([FINDING], [])
    assert Cache(tmp_path, KEY).get("ef" * 32) is None
    entry = next(tmp_path.rglob("*.json"))
    signature, body = entry.read_bytes().split(b"\n", 1)
    entry.write_bytes(signature + b"\n" + body.replace(b"CL102", b"CL103"))  # tampered body
    assert Cache(tmp_path, b"x" * 32).get("ef" * 32) is None


def test_a_planted_clean_entry_does_not_hide_findings(tmp_path, monkeypatch):
    """The attack end to end: an entry made elsewhere (another key) claims the file is clean."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "attacker-home"))
    record = tmp_path / "r.yaml"
    record.write_text("id: r\n", "utf-8")
    files = [(record, "r.yaml")]
    cache_dir = tmp_path / "cache"
    honest = lint_paths(files, today=TODAY, jobs=1, cache_dir=cache_dir)
    assert honest
    attacker = signing_key()
    assert attacker is not None
    body = encode([], []).encode()
    for entry in cache_dir.rglob("*.json"):  # re-signed by the attacker, with no findings
        entry.write_bytes(hmac.new(attacker, body, "sha256").hexdigest().encode() + b"\n" + body)
    assert lint_paths(files, today=TODAY, jobs=1, cache_dir=cache_dir) == []  # the attacker's own machine
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "ci-home"))
    assert lint_paths(files, today=TODAY, jobs=1, cache_dir=cache_dir) == honest  # any other machine


def test_signing_key_is_made_once_and_private(tmp_path):
    path = tmp_path / "home" / "conflict-lint" / "cache-key"
    first = signing_key(path)
    assert first is not None and len(first) == 32
    assert signing_key(path) == first
    assert path.stat().st_mode & 0o077 == 0
    path.write_text("not hex", "ascii")
    assert signing_key(path) is None


def test_no_key_means_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the directory should be
    assert Cache.open(tmp_path / "cache") is None


def entries(cache_dir) -> int:
    return sum(1 for _ in cache_dir.rglob("*.json"))


def test_entries_of_old_versions_and_settings_are_pruned(tmp_path):
    # The cache grew with every edit and every settings change (200 -> 214 -> 414 entries).
    files = []
    for n in range(6):
        record = tmp_path / f"r{n}.yaml"
        record.write_text(f"id: r{n}\n", "utf-8")
        files.append((record, record.name))
    cache_dir = tmp_path / "cache"
    lint_paths(files, today=TODAY, jobs=1, cache_dir=cache_dir)
    assert entries(cache_dir) == 6
    for record, _ in files[:2]:
        record.write_text(record.read_text() + "conflict: X\n", "utf-8")
    lint_paths(files, today=TODAY, jobs=1, cache_dir=cache_dir)
    assert entries(cache_dir) == 6
    lint_paths(files, selection=Selection(ignore=frozenset({"unknown-field"})), today=TODAY, jobs=1,
               cache_dir=cache_dir)
    assert entries(cache_dir) == 6
    # a run over some files leaves the other files' entries alone
    files[0][0].write_text("id: changed\n", "utf-8")
    lint_paths(files[:1], today=TODAY, jobs=1, cache_dir=cache_dir)
    assert entries(cache_dir) == 6


def test_pool_runs_prune_too(tmp_path):
    files = []
    for n in range(200):  # several batches: the pool path
        record = tmp_path / f"r{n}.yaml"
        record.write_text(f"id: r{n}\n", "utf-8")
        files.append((record, record.name))
    cache_dir = tmp_path / "cache"
    lint_paths(files, today=TODAY, jobs=2, cache_dir=cache_dir)
    lint_paths(files, today=datetime.date(2026, 1, 2), jobs=2, cache_dir=cache_dir)
    assert entries(cache_dir) == 200


def test_cache_directory_is_tagged_and_ignored_and_clean_removes_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.yaml").write_text("id: r\n", "utf-8")
    (tmp_path / ".conflict-lint-cache" / "3").mkdir(parents=True)  # an older format's entries
    assert CliRunner().invoke(cli, ["lint", "r.yaml"]).exit_code == 1
    cache_dir = tmp_path / ".conflict-lint-cache"
    assert (cache_dir / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache_dir / ".gitignore").read_text().splitlines()[-1] == "*"
    assert not (cache_dir / "3").exists()
    assert CliRunner().invoke(cli, ["clean"]).output == "Removed .conflict-lint-cache (1 entry).\n"
    assert not cache_dir.exists()
    assert CliRunner().invoke(cli, ["clean"]).output == "No cache at .conflict-lint-cache.\n"
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    refused = CliRunner().invoke(cli, ["clean", "--cache-dir", "mine"])
    assert refused.exit_code == 2 and (tmp_path / "mine" / "notes.txt").exists()


def test_a_signed_entry_that_is_malformed_is_a_miss(tmp_path):
    """Signing keeps out entries this machine did not write; one it did write but that is damaged
    or from another version still never crashes the run, however it is shaped."""
    cache = Cache(tmp_path, KEY)
    cache.put("ab" * 32, [FINDING], [])
    path = next(tmp_path.rglob("*.json"))
    for body in ('{"findings": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], "summaries": []}',
                 '{"findings": [["r.yaml", 1, 1, 1, 1, "CL001", "x", 3, {"a": 1}, []]], "summaries": []}',
                 '{"findings": [["r.yaml", 1, 1, 1, 1, "CL001", "x", 99, "m", ""]], "summaries": []}',
                 '{"findings": ' + "[" * 100_000 + "]" * 100_000 + ', "summaries": []}',
                 '{"findings": [], "summaries": [' + "{" * 50_000 + "}" * 50_000 + "]}",
                 "\udcff", "[]", "null"):
        raw = body.encode("utf-8", "surrogateescape")
        path.write_bytes(hmac.new(KEY, raw, "sha256").hexdigest().encode() + b"\n" + raw)
        assert cache.get("ab" * 32) is None, body[:60]
