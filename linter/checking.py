"""What `lint` and `baseline` share: from the command line's request and the settings to the
files to check (or standard input) and their findings.

Nothing here prints or exits: a mistake the user can fix is a ``RequestError`` whose message the
command line shows, with exit code 2.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from linter.findings import Finding
from linter.limits import MAX_FILE_BYTES

DEFAULT_PATHS = ("records",)
STDIN = "-"
# Without --stdin-filename, standard input is a YAML record named "-".
STDIN_DEFAULT_SUFFIX = ".yaml"
LINTABLE = ".yaml, .yml, .json, .wiki, .wikitext, .mediawiki or .txt"


class RequestError(Exception):
    """A request that cannot run: a missing path, an unknown rule, standard input misused."""


@dataclass(frozen=True)
class Request:
    """The options of `lint` and `baseline` that decide which findings there are."""

    paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    today: datetime.date | None = None
    max_file_size: int | None = None
    jobs: int | None = None
    cache_dir: str | None = ".conflict-lint-cache"  # None: no cache
    stdin_filename: str | None = None

    @property
    def reads_stdin(self) -> bool:
        return STDIN in self.paths


@dataclass
class Plan:
    """The files a request checks, the files it only reads for cross-record rules, and how."""

    files: list[tuple[Path, str]]  # (path, display path)
    neighbours: list[tuple[Path, str]]
    selection: object  # linter.engine.Selection
    today: datetime.date | None
    max_file_size: int
    stdin: bytes | None = None  # the content of the one file, read from standard input
    settings: object = None  # linter.config.Settings

    @property
    def displays(self) -> tuple[str, ...]:
        return tuple(display for _, display in self.files)


@dataclass
class Checked:
    plan: Plan
    findings: list[Finding] = field(default_factory=list)


def selection_of(request: Request, settings):
    from linter.engine import Selection
    from linter.rules import UnknownRule

    chosen = request.select or settings.select
    try:
        return Selection(select=frozenset(chosen) if chosen is not None else None,
                         ignore=frozenset(settings.ignore) | frozenset(request.ignore),
                         severity=dict(settings.severity), per_path=dict(settings.per_path),
                         relative=settings.relative)
    except UnknownRule as error:
        raise RequestError(str(error)) from None


def plan(request: Request, settings, read_stdin: Callable[[], bytes] | None = None) -> Plan:
    """The files to check: the paths given (default: records/), or standard input alone."""
    from linter.discover import discover, display_path
    from linter.load import is_lintable

    selection = selection_of(request, settings)
    stdin = None
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
        found = discover(list(request.paths) or list(DEFAULT_PATHS))
        for missing in found.missing:
            raise RequestError(f"no such file or directory: {missing}")
        for unsupported in found.unsupported:
            raise RequestError(f"{unsupported}: not a record file (expected {LINTABLE})")
        files = [(path, display_path(path)) for path in found.files if not settings.is_excluded(path)]
    neighbours = [(p, display_path(p)) for p in discover([str(r) for r in settings.root_paths()]).files
                  if not settings.is_excluded(p)]
    return Plan(files=files, neighbours=neighbours, selection=selection,
                today=request.today or settings.today,
                max_file_size=request.max_file_size or settings.max_file_size or MAX_FILE_BYTES,
                stdin=stdin, settings=settings)


def check(the_plan: Plan, request: Request, progress: Callable[[int, int], None] | None = None) -> Checked:
    """The plan's findings; raises runner.FileError when a check crashes on a file."""
    from linter.runner import lint_paths

    findings = lint_paths(the_plan.files, selection=the_plan.selection, today=the_plan.today,
                          jobs=request.jobs, cache_dir=None if request.cache_dir is None else Path(request.cache_dir),
                          max_file_size=the_plan.max_file_size, neighbours=the_plan.neighbours,
                          stdin=the_plan.stdin, progress=progress)
    return Checked(the_plan, findings)
