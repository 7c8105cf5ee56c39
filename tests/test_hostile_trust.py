"""Hostile input, round two: what a pull request may make the linter read or write, and how a
run ends when it is interrupted. Policies are in docs/security.md."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from linter.cli import _use_colour
from tests.conftest import ROOT
from tests.test_hostile_crashes import invoke, run

GOOD = "id: x\nvictor: y\n"  # one unknown-field finding, on line 2


def _findings(result) -> list[tuple[str, str]]:
    return sorted((f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"]
                  if f["rule"] in ("file-unreadable", "unknown-field", "no-infobox"))


def test_links_out_of_the_linted_directory_are_reported_not_followed(tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: secret-outside-id\nvictor: hidden\n")
    records = tmp_path / "records"
    records.mkdir()
    (records / "ok.yaml").write_text(GOOD)
    (records / "inside.yaml").symlink_to("ok.yaml")  # a link within the tree is linted (once, with its target)
    (records / "out.yaml").symlink_to(outside)
    result = invoke("lint", "--format", "json", "--no-cache", "records", cwd=tmp_path)
    assert _findings(result) == [("records/inside.yaml", "unknown-field"), ("records/out.yaml", "file-unreadable")]
    assert "hidden" not in result.stdout and "secret-outside-id" not in result.stdout
    followed = invoke("lint", "--format", "json", "--no-cache", "--follow-links", "records", cwd=tmp_path)
    assert ("records/out.yaml", "unknown-field") in _findings(followed)


def test_a_file_named_on_the_command_line_is_read_even_through_a_link(tmp_path):
    (tmp_path / "target.yaml").write_text(GOOD)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "link.yaml").symlink_to(tmp_path / "target.yaml")
    result = invoke("lint", "--format", "json", "--no-cache", "sub/link.yaml", cwd=tmp_path)
    assert _findings(result) == [("sub/link.yaml", "unknown-field")]


def test_roots_outside_the_project_are_refused(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "r.yaml").write_text(GOOD)
    (project / "pyproject.toml").write_text('[tool.conflict-lint]\nroots = ["/usr"]\n')
    result = invoke("lint", "r.yaml", cwd=project)
    assert result.exit_code == 2 and "outside the project" in result.stderr
    (project / "pyproject.toml").write_text('[tool.conflict-lint]\nroots = ["inside"]\n')
    (project / "inside").symlink_to(tmp_path)  # a link inside that leads out counts as outside
    assert invoke("lint", "r.yaml", cwd=project).exit_code == 2


@pytest.mark.parametrize("args", [
    ["lint", "--output", "json:records/x.yaml", "records"],
    ["lint", "--output", "json:./records/../records/x.yaml", "records/x.yaml"],
    ["baseline", "-o", "records/x.yaml", "records"],
], ids=["output", "output-spelt-otherwise", "baseline"])
def test_an_output_that_is_an_input_is_refused(tmp_path, args):
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "x.yaml").write_text(GOOD)
    result = invoke(*args, cwd=tmp_path)
    assert result.exit_code == 2 and "is one of the files being linted" in result.stderr
    assert (tmp_path / "records" / "x.yaml").read_text() == GOOD


def test_reports_are_not_written_through_links(tmp_path):
    (tmp_path / "r.yaml").write_text(GOOD)
    victim = tmp_path / "elsewhere" / ".profile"
    victim.parent.mkdir()
    victim.write_text("original\n")
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "out.json").symlink_to(victim)
    result = invoke("lint", "--output", "json:out.json", "../r.yaml", cwd=tmp_path / "work")
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    (tmp_path / "work" / "reports").symlink_to(victim.parent)  # a linked directory that leads out
    result = invoke("lint", "--output", "json:reports/.profile", "../r.yaml", cwd=tmp_path / "work")
    assert result.exit_code == 2 and "leads outside" in result.stderr
    assert victim.read_text() == "original\n"


def test_reports_are_written_whole_and_leave_no_temporary_file(tmp_path):
    (tmp_path / "r.yaml").write_text(GOOD)
    (tmp_path / "report.json").write_text("old")
    result = invoke("lint", "--no-cache", "--output", "json:report.json", "r.yaml", cwd=tmp_path)
    assert result.exit_code == 1
    assert json.loads((tmp_path / "report.json").read_text())["summary"]["by_rule"]["unknown-field"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.yaml", "report.json"]


def _victim(tmp_path) -> os.PathLike:
    victim = tmp_path / "elsewhere" / ".profile"
    victim.parent.mkdir(exist_ok=True)
    victim.write_text("original\n")
    return victim


@pytest.mark.parametrize("command", [["report", "--html"], ["lint", "--output"]], ids=["report", "lint"])
@pytest.mark.parametrize("plant, refusal", [
    (lambda site, victim: site.symlink_to(victim.parent), "site is a symbolic link"),
    (lambda site, victim: (site.mkdir(), (site / "files").symlink_to(victim.parent)), "site/files is a symbolic link"),
    (lambda site, victim: (site.mkdir(), (site / "rules").symlink_to(victim.parent)), "site/rules is a symbolic link"),
], ids=["site", "files", "rules"])
def test_an_html_site_is_not_written_through_links(tmp_path, command, plant, refusal):
    (tmp_path / "r.yaml").write_text(GOOD)
    victim = _victim(tmp_path)
    plant(tmp_path / "site", victim)
    target = "site" if command[0] == "report" else "html:site"
    result = invoke(*command, target, "r.yaml", cwd=tmp_path)
    assert result.exit_code == 2 and refusal in result.stderr, result.output
    assert sorted(os.listdir(victim.parent)) == [".profile"] and victim.read_text() == "original\n"


def test_a_page_planted_as_a_link_is_replaced_not_written_through(tmp_path):
    (tmp_path / "r.yaml").write_text(GOOD)
    victim = _victim(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").symlink_to(victim)
    result = invoke("report", "--html", "site", "--no-cache", "r.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "original\n"
    index = tmp_path / "site" / "index.html"
    assert not index.is_symlink() and "conflict-lint" in index.read_text()
    assert not list((tmp_path / "site").rglob("*.tmp"))  # every page written whole, then renamed


@pytest.mark.parametrize("site", ["records", "records/../records", "."], ids=["records", "spelt-otherwise", "top"])
def test_an_html_site_is_not_written_among_the_linted_files(tmp_path, site):
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "x.yaml").write_text(GOOD)
    (tmp_path / "y.yaml").write_text(GOOD)
    result = invoke("report", "--html", site, "records", "y.yaml", cwd=tmp_path)
    assert result.exit_code == 2 and "holds files being linted" in result.stderr, result.output
    assert sorted(os.listdir(tmp_path / "records")) == ["x.yaml"]


BOX = "{{Infobox military conflict\n| conflict = Battle of Q\n}}\n"


def test_import_does_not_write_through_links(tmp_path):
    (tmp_path / "page.wiki").write_text(BOX)
    victim = _victim(tmp_path)
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "out").symlink_to(victim.parent)
    result = invoke("import", "../page.wiki", "--out", "out", cwd=tmp_path / "work")
    assert result.exit_code == 2 and "out is a symbolic link" in result.stderr
    (tmp_path / "work" / "linked").symlink_to(tmp_path / "elsewhere")
    result = invoke("import", "../page.wiki", "--out", "linked/records", cwd=tmp_path / "work")
    assert result.exit_code == 2 and "leads outside the working directory" in result.stderr
    assert sorted(os.listdir(victim.parent)) == [".profile"] and victim.read_text() == "original\n"


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_import_does_not_replace_a_record_planted_as_a_link(tmp_path, force):
    (tmp_path / "page.wiki").write_text(BOX)
    victim = _victim(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "battle-of-q.yaml").symlink_to(victim)
    (tmp_path / "out" / "dangling.yaml").symlink_to(tmp_path / "nowhere")
    result = invoke("import", "page.wiki", *force, "--out", "out", cwd=tmp_path)
    assert victim.read_text() == "original\n"
    if force:  # the link itself is replaced by the record, never written through
        assert result.exit_code == 1 and not (tmp_path / "out" / "battle-of-q.yaml").is_symlink()
    else:
        assert result.exit_code == 1 and "exists; use --force" in result.stderr
    (tmp_path / "dangling.wiki").write_text(BOX.replace("Battle of Q", "Dangling"))
    result = invoke("import", "dangling.wiki", "--out", "out", cwd=tmp_path)
    assert result.exit_code == 1 and "exists; use --force" in result.stderr  # a dangling link is there too
    assert (tmp_path / "out" / "dangling.yaml").is_symlink() and not (tmp_path / "nowhere").exists()


def test_import_never_replaces_a_file_it_imports(tmp_path):
    record = (ROOT / "records" / "2020-ayorou-attack.yaml").read_text()
    (tmp_path / "2020-ayorou-attack.yaml").write_text(record)
    result = invoke("import", "2020-ayorou-attack.yaml", "--force", "--out", ".", cwd=tmp_path)
    assert result.exit_code == 1
    assert "2020-ayorou-attack.yaml is one of the files being imported" in result.stderr
    assert (tmp_path / "2020-ayorou-attack.yaml").read_text() == record
    assert sorted(os.listdir(tmp_path)) == ["2020-ayorou-attack.yaml"]


@pytest.mark.parametrize("linked", ["top", "format"])
def test_a_linked_cache_directory_is_not_used(tmp_path, linked):
    """A pull request may commit `.conflict-lint-cache` (or its format folder, `2/` when the issue
    was filed) as a link, to make the run write where it chose."""
    from linter.cache import FORMAT

    (tmp_path / "r.yaml").write_text(GOOD)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "project").mkdir()
    if linked == "top":
        (tmp_path / "project" / ".conflict-lint-cache").symlink_to(elsewhere)
    else:
        (tmp_path / "project" / ".conflict-lint-cache").mkdir()
        (tmp_path / "project" / ".conflict-lint-cache" / FORMAT).symlink_to(elsewhere)
    result = invoke("lint", "../r.yaml", cwd=tmp_path / "project")
    assert result.exit_code == 1 and "is a symbolic link: the cache is not used" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_a_linked_folder_inside_the_cache_is_not_written_through(tmp_path):
    from linter.cache import Cache

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    cache = Cache(tmp_path / "cache", b"k" * 32)
    key = "ab" + "0" * 62
    os.makedirs(os.path.dirname(os.path.dirname(cache._path(key))))
    os.symlink(elsewhere, os.path.dirname(cache._path(key)))
    cache.put(key, [], [])
    assert list(elsewhere.iterdir()) == []


def test_an_empty_cache_directory_name_is_a_usage_error(tmp_path):
    (tmp_path / "r.yaml").write_text(GOOD)
    result = invoke("lint", "--cache-dir", "", "r.yaml", cwd=tmp_path)
    assert result.exit_code == 2 and "--no-cache" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.yaml"]


def test_an_unreadable_subdirectory_is_reported(tmp_path, monkeypatch):
    (tmp_path / "records" / "locked").mkdir(parents=True)
    (tmp_path / "records" / "ok.yaml").write_text(GOOD)
    locked = str(tmp_path / "records" / "locked")
    real_scandir = os.scandir

    def scandir(path="."):  # chmod 000 does not stop root, who runs some CI containers
        if os.fspath(path) == os.path.join("records", "locked") or os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)
    result = invoke("lint", "--format", "json", "--no-cache", "records", cwd=tmp_path)
    assert ("records/locked", "file-unreadable") in _findings(result)
    assert "Permission denied" in result.stdout


@pytest.mark.parametrize("kind", ["fifo", "link-to-fifo", "link-to-stdin"])
def test_fifos_and_links_to_them_are_findings_not_hangs(tmp_path, kind):
    records = tmp_path / "records"
    records.mkdir()
    (records / "ok.yaml").write_text(GOOD)
    if kind == "fifo":
        os.mkfifo(records / "pipe.yaml")
    elif kind == "link-to-fifo":
        os.mkfifo(records / "pipe")
        (records / "pipe.yaml").symlink_to("pipe")
    else:
        (records / "pipe.yaml").symlink_to("/dev/stdin")
    # a subprocess with a time-out: a blocking open would hang here, not fail
    result = run("lint", "--format", "json", "--follow-links", "records", cwd=tmp_path, stdin=subprocess.PIPE)
    assert result.returncode == 1
    found = {f["path"]: f for f in json.loads(result.stdout)["findings"]}
    assert found["records/pipe.yaml"]["rule"] == "file-unreadable"
    assert "not a regular file" in found["records/pipe.yaml"]["message"]


@pytest.mark.parametrize("name, content, message", [
    ("page.wiki", "{{Infobox military conflict\n| conflict = A\n| result = {{flag|France\n", "never closed"),
    ("page.wiki", "Just prose, no infobox.\n", "no {{Infobox military conflict}}"),
    ("page.txt", "= Title =\nProse only.\n", "no 'Infobox' block"),
], ids=["unclosed", "no-infobox", "article-text"])
def test_a_file_that_cannot_be_checked_fails_the_run(tmp_path, name, content, message):
    (tmp_path / name).write_text(content)
    result = invoke("lint", "--no-cache", name, cwd=tmp_path)
    assert result.exit_code == 1
    assert "CL011 [no-infobox]" in result.stdout and message in result.stdout


@pytest.mark.parametrize("environment, colour", [
    ({"TERM": "xterm"}, True), ({"TERM": "dumb"}, False), ({"TERM": "xterm", "NO_COLOR": "1"}, False)])
def test_colour_only_on_a_terminal_that_shows_it(monkeypatch, environment, colour):
    class Terminal:
        def isatty(self) -> bool:
            return True
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert _use_colour(Terminal()) is colour


def test_jobs_beyond_the_cpus_start_no_more_workers(tmp_path, monkeypatch):
    from linter import runner

    started = []

    class Pool:
        def __init__(self, max_workers, **options):
            started.append(max_workers)
            raise RuntimeError("stop here")
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Pool)
    monkeypatch.setattr(runner, "default_jobs", lambda: 2)
    (tmp_path / "records").mkdir()
    for index in range(3 * runner.BATCH):
        (tmp_path / "records" / f"r{index}.yaml").write_text(GOOD)
    with pytest.raises(RuntimeError, match="stop here"):
        invoke("lint", "--no-cache", "--jobs", "10000", "records", cwd=tmp_path)
    assert started == [2]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stream:
                    fields = stream.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stream:
            return stream.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _slow_run(tmp_path) -> subprocess.Popen:
    """A run of many records through a pool of two workers, started in a subprocess."""
    records = tmp_path / "records"
    records.mkdir()
    text = "id: x\nconflict: X\nresult: {text: " + "Franco-" * 3000 + "victory}\n"
    for index in range(400):
        (records / f"r{index}.yaml").write_text(text)
    process = subprocess.Popen([sys.executable, "-m", "linter", "lint", "--no-cache", "--jobs", "2", "records"],
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 30
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    return process


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads the process table from /proc")
def test_interrupt_exits_130_and_stops_the_workers(tmp_path):
    process = _slow_run(tmp_path)
    workers = _children(process.pid)
    assert len(workers) >= 2
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert b"Traceback" not in stderr and b"interrupted" in stderr
    time.sleep(0.5)
    assert not [pid for pid in workers if _alive(pid)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_end_when_the_run_is_killed(tmp_path):
    process = _slow_run(tmp_path)
    workers = _children(process.pid)
    assert len(workers) >= 2
    process.kill()
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while [pid for pid in workers if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]
