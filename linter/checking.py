"""What `lint` and `baseline` share: from the command line's request and the settings to the
files to check (or standard input) and their findings.

Nothing here prints or exits: a mistake the user can fix is a ``RequestError`` whose message the
command line shows, with exit code 2.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from linter.findings import Finding
from linter.limits import MAX_FILE_BYTES

if TYPE_CHECKING:  # imported when a run needs them
    from linter.config import Settings
    from linter.engine import Selection

DEFAULT_PATHS = ("records",)
STDIN = "-"
# Without --stdin-filename, standard input is a YAML record named "-".
STDIN_DEFAULT_SUFFIX = ".yaml"
LINTABLE = ".yaml, .yml, .json, .wiki, .wikitext, .mediawiki or .txt"


class RequestError(Exception):
    """A request that cannot run: a missing path, an unknown rule, standard input misused."""


class Request(NamedTuple):  # not a frozen dataclass: defining one costs a start five times as much
    """The options of `lint` and `baseline` that decide which findings there are."""

    paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    today: datetime.date | None = None
    max_file_size: int | None = None
    jobs: int | None = None
    cache_dir: str | None = ".conflict-lint-cache"  # None: no cache
    stdin_filename: str | None = None
    follow_links: bool = False  # lint links found in directories that lead outside them

    @property
    def reads_stdin(self) -> bool:
        return STDIN in self.paths


class Plan(NamedTuple):  # not a dataclass: defining one costs a start several times as much
    """The files a request checks, the files it only reads for cross-record rules, and how."""

    files: list[tuple[Path, str]]  # (path, display path)
    neighbours: list[tuple[Path, str]]
    selection: Selection
    today: datetime.date | None
    max_file_size: int
    skipped: list[tuple[Path, str]]  # found but not linted, and why
    stdin: bytes | None = None  # the content of the one file, read from standard input
    settings: Settings | None = None

    @property
    def displays(self) -> tuple[str, ...]:
        return tuple(display for _, display in self.files)


class Checked(NamedTuple):  # not a dataclass: defining one costs a start several times as much
    plan: Plan
    findings: list[Finding]


def selection_of(request: Request, settings: Settings) -> Selection:
    from linter.engine import Selection
    from linter.rules import UnknownRule

    chosen = request.select or settings.select
    try:
        return Selection(select=frozenset(chosen) if chosen is not None else None,
                         ignore=frozenset(settings.ignore) | frozenset(request.ignore),
                         severity=dict(settings.severity),
                         per_path={glob: frozenset(rules) for glob, rules in settings.per_path.items()},
                         relative=settings.relative)
    except UnknownRule as error:
        raise RequestError(str(error)) from None


def plan(request: Request, settings: Settings, read_stdin: Callable[[], bytes] | None = None) -> Plan:
    """The files to check: the paths given (default: records/), or standard input alone."""
    from linter.discover import discover, display_path
    from linter.load import is_lintable

    selection = selection_of(request, settings)
    stdin = None
    skipped: list[tuple[Path, str]] = []
    if request.reads_stdin:
        if len(request.paths) != 1:
            raise RequestError(f"'{STDIN}' (standard input) must be the only path")
        name = request.stdin_filename or STDIN
        path = Path(request.stdin_filename or STDIN + STDIN_DEFAULT_SUFFIX)
        if not is_lintable(path):
            raise RequestError(f"--stdin-filename {name}: not a record file name (expected {LINTABLE}); "
                               "its extension says how to read standard input")
        stdin = read_stdin() if read_stdin else b""
        # An excluded file is not linted, whether it comes from disk or from an editor's buffer.
        files = [] if settings.is_excluded(path) else [(path, display_path(Path(name)) if request.stdin_filename
                                                        else STDIN)]
    else:
        if request.stdin_filename:
            raise RequestError("--stdin-filename names standard input: give '-' as the path to read it")
        found = discover(list(request.paths) or list(DEFAULT_PATHS), request.follow_links)
        skipped = found.skipped
        for missing in found.missing:
            raise RequestError(f"no such file or directory: {missing}")
        for unsupported in found.unsupported:
            raise RequestError(f"{unsupported}: not a record file (expected {LINTABLE})")
        files = [(path, display_path(path)) for path in found.files if not settings.is_excluded(path)]
    neighbours = [(p, display_path(p)) for p in discover([str(r) for r in settings.root_paths()],
                                                         request.follow_links).files
                  if not settings.is_excluded(p)]
    return Plan(files=files, neighbours=neighbours, selection=selection,
                today=request.today or settings.today,
                max_file_size=request.max_file_size or settings.max_file_size or MAX_FILE_BYTES,
                stdin=stdin, settings=settings, skipped=skipped)


def check(the_plan: Plan, request: Request, progress: Callable[[int, int], None] | None = None) -> Checked:
    """The plan's findings; raises runner.FileError when a check crashes on a file."""
    from linter.runner import default_jobs, lint_paths

    roots_configured = bool(the_plan.settings and the_plan.settings.roots)
    findings = lint_paths(the_plan.files, selection=the_plan.selection, today=the_plan.today,
                          # more workers than CPUs only cost memory (each holds the rules)
                          jobs=min(request.jobs or default_jobs(), default_jobs()),
                          cache_dir=None if request.cache_dir is None else Path(request.cache_dir),
                          max_file_size=the_plan.max_file_size, neighbours=the_plan.neighbours,
                          stdin=the_plan.stdin, progress=progress,
                          roots_configured=roots_configured,
                          # the run pack's name: a run over other paths does not read this one's
                          run=json.dumps([list(request.paths), [d for _, d in the_plan.neighbours]]))
    findings = sorted(findings + skipped_findings(the_plan.skipped, the_plan.selection), key=lambda f: f.sort_key())
    return Checked(the_plan, findings)


def skipped_findings(skipped: list[tuple[Path, str]], selection: Selection) -> list[Finding]:
    """Findings for what discovery did not lint: unreadable directories, links leading out."""
    from linter.discover import display_path
    from linter.findings import FILE_START
    from linter.rules import get_rule

    rule = get_rule("file-unreadable")
    return [Finding(path=display_path(path), span=FILE_START, code=rule.code, rule=rule.slug,
                    severity=selection.severity_of(rule), message=reason)
            for path, reason in skipped if selection.enabled(rule, display_path(path))]
