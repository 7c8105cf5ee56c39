"""The fixing part of ``conflict-lint lint``: --fix, --diff and --fix-only, before the report."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from linter.report.escape import line_start, printable

if TYPE_CHECKING:  # the one-file path does not load the engine for an annotation
    from linter.engine import Selection


def _trees(arguments: list[str]) -> list[str]:
    """Where a symbolic link may lead: the working directory and the directories named."""
    return [os.getcwd()] + [a for a in arguments if os.path.isdir(a)]


def run_fixes(files: list[tuple[Path, str]], arguments: list[str], *, selection: Selection,
              today: datetime.date | None, unsafe: bool, mode: str,
              max_bytes: int) -> int:
    """Fix (or, for ``mode == "diff"``, show the fixes of) the files; return how many findings were
    fixed. ``--diff`` and ``--fix-only`` end the run here with their own exit code."""
    from linter.fix.files import fix_files, unified_diff

    outcome = fix_files(files, selection=selection, today=today or datetime.date.today(), unsafe=unsafe,
                        write=mode != "diff", trees=_trees(arguments), max_bytes=max_bytes)
    for problem in outcome.problems:
        click.echo(f"{line_start(problem.display)}: not fixed: {printable(problem.problem)}", err=True)
    count, changed = outcome.fixed(), len(outcome.changed)
    files_word = f"{changed} file{'s' * (changed != 1)}"
    if mode == "diff":
        for changed_file in outcome.changed:
            click.echo(unified_diff(changed_file), nl=False)
        click.echo(f"Would fix {count} finding{'s' * (count != 1)} in {files_word}.", err=True)
        sys.exit(1 if changed else 0)
    if mode == "fix-only":
        click.echo(f"Fixed {count} finding{'s' * (count != 1)} in {files_word}.")
        sys.exit(0)
    return count
