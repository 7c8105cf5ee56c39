"""The run pack: a run over unchanged files is served from it, with the cold run's findings; a
changed file, a changed neighbour, other settings, a foreign or damaged pack all go back to
the files, and the packs of old runs are removed."""

from __future__ import annotations

import datetime
import os

import pytest

import linter.pack
import linter.runner
from linter.cache import FORMAT
from linter.engine import Selection
from linter.runner import lint_paths

TODAY = datetime.date(2026, 1, 1)
PARENT = "id: b\nconflict: B\ndate: {start: '2001'}\nresult: {text: Draw}\nsides: [{}, {}]\nstatus: finished\n"
CHILD = "id: a\nconflict: A\npart_of: [b]\ndate: {start: '1990'}\nresult: {text: Draw}\nstatus: finished\n"


@pytest.fixture
def settled(monkeypatch):
    """Files written a moment ago count as settled (the tests do not wait out RACY_NS)."""
    monkeypatch.setattr(linter.pack, "RACY_NS", -10**15)


@pytest.fixture
def records(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.yaml").write_text(CHILD, "utf-8")
    (folder / "b.yaml").write_text(PARENT, "utf-8")
    return [(path, path.name) for path in sorted(folder.iterdir())]


def packs(cache_dir) -> list[str]:
    return sorted(p.name for p in (cache_dir / FORMAT / linter.pack.FOLDER).glob("*.index"))


def no_file_work(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("a file of an unchanged run went through the per-file stage")

    monkeypatch.setattr(linter.runner, "_per_file_results", fail)


def test_an_unchanged_run_is_served_from_the_pack(tmp_path, records, settled, monkeypatch):
    cache_dir = tmp_path / "cache"
    cold = lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir)
    assert {f.rule for f in cold} >= {"partof-date-outside", "schema-violation"}  # per-file and cross-record
    assert len(packs(cache_dir)) == 1
    no_file_work(monkeypatch)
    assert lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir) == cold


def test_a_changed_file_is_read_again_and_cross_record_rules_rerun(tmp_path, records, settled):
    cache_dir = tmp_path / "cache"
    lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir)
    parent = records[1][0]
    parent.write_text(PARENT.replace("{start: '2001'}", "{start: '1980', end: '2000'}"), "utf-8")
    warm = lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir)
    assert warm == lint_paths(records, today=TODAY, jobs=1)
    assert "partof-date-outside" not in {f.rule for f in warm}
    # and the pack now holds the new state: a third run over it is the same again
    assert lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir) == warm


def test_a_changed_neighbour_reruns_the_cross_record_stage(tmp_path, records, settled, monkeypatch):
    cache_dir = tmp_path / "cache"
    child, parent = records
    first = lint_paths([child], neighbours=[parent], today=TODAY, jobs=1, cache_dir=cache_dir)
    assert "partof-date-outside" in {f.rule for f in first}
    parent[0].write_text(PARENT.replace("{start: '2001'}", "{start: '1980', end: '2000'}"), "utf-8")
    second = lint_paths([child], neighbours=[parent], today=TODAY, jobs=1, cache_dir=cache_dir)
    assert second == lint_paths([child], neighbours=[parent], today=TODAY, jobs=1)
    assert "partof-date-outside" not in {f.rule for f in second}


def test_a_file_changed_within_the_racy_window_is_not_vouched_for(tmp_path, records):
    """Without the settled fixture: files written just now get no status, as git does."""
    cache_dir = tmp_path / "cache"
    lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir)
    assert not linter.pack.Pack.open(
        str(cache_dir / FORMAT), linter.cache.signing_key(), packs(cache_dir)[0][: -len(".index")]).files
    assert linter.pack.status_of(records[0][0], os.stat(records[0][0]).st_mtime_ns + 1) is None


def test_other_settings_or_other_paths_use_other_packs(tmp_path, records, settled):
    cache_dir = tmp_path / "cache"
    lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir)
    lint_paths(records[:1], today=TODAY, jobs=1, cache_dir=cache_dir)
    ignored = lint_paths(records, selection=Selection(ignore=frozenset({"partof-date-outside"})), today=TODAY,
                         jobs=1, cache_dir=cache_dir)
    assert "partof-date-outside" not in {f.rule for f in ignored}
    assert len(packs(cache_dir)) == 3


def test_only_the_most_recent_packs_are_kept(tmp_path, records, settled):
    cache_dir = tmp_path / "cache"
    for day in range(1, linter.pack.KEEP + 3):
        lint_paths(records, today=datetime.date(2026, 1, day), jobs=1, cache_dir=cache_dir)
    assert len(packs(cache_dir)) == linter.pack.KEEP
    assert len(list((cache_dir / FORMAT / linter.pack.FOLDER).glob("*.summaries"))) == linter.pack.KEEP


def test_a_pack_this_machine_did_not_sign_is_not_used(tmp_path, records, settled, monkeypatch):
    """A pull request may commit a pack that says "no findings" for its files."""
    cache_dir = tmp_path / "cache"
    honest = lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir)
    folder = cache_dir / FORMAT / linter.pack.FOLDER
    name = packs(cache_dir)[0][: -len(".index")]
    attacker = linter.pack.Pack.open(str(cache_dir / FORMAT), b"x" * 32, name)
    attacker.files, attacker.run = {}, []
    statuses = [linter.pack.status_of(path, 2**62) for path, _ in records]
    attacker.write([(display, True, status, "", [], []) for (_, display), status in zip(records, statuses,
                                                                                         strict=True)], [])
    assert (folder / f"{name}.index").read_bytes().count(b'"files"') == 1
    assert lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir) == honest


def test_a_pack_under_another_name_or_damaged_is_not_used(tmp_path, records, settled):
    cache_dir = tmp_path / "cache"
    folder = cache_dir / FORMAT / linter.pack.FOLDER
    # the same files under settings that find nothing: renamed to the default settings' pack,
    # it would hide every finding if the name were not signed with the body
    quiet = lint_paths(records, selection=Selection(select=frozenset({"duplicate-record"})), today=TODAY, jobs=1,
                       cache_dir=cache_dir)
    assert quiet == []
    (theirs,) = packs(cache_dir)
    honest = lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir)
    assert honest
    (ours,) = set(packs(cache_dir)) - {theirs}
    for suffix in (".index", ".summaries"):
        os.replace(folder / (theirs[: -len(".index")] + suffix), folder / (ours[: -len(".index")] + suffix))
    assert lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir) == honest
    for path in folder.iterdir():
        path.write_bytes(path.read_bytes()[:-3])
    assert lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir) == honest


def test_a_linked_pack_folder_is_not_written_through(tmp_path, records, settled):
    cache_dir = tmp_path / "cache"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (cache_dir / FORMAT).mkdir(parents=True)
    (cache_dir / FORMAT / linter.pack.FOLDER).symlink_to(elsewhere, target_is_directory=True)
    lint_paths(records, today=TODAY, jobs=1, cache_dir=cache_dir)
    assert not list(elsewhere.iterdir())
