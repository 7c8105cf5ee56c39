"""Where the linter may write: the checks every output path passes before anything is read.

A pull request controls the files CI lints, and can plant links among them: a committed
`out.json` linking to a shell start-up file, a `site/files` linking elsewhere. So a report,
a baseline, an HTML site or an imported record is never written through a symbolic link, over
a file being read, or outside the working directory through a linked directory
(docs/security.md, "Outputs never replace inputs and never go through links").
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from linter.safe_io import is_within


class UnsafeOutput(Exception):
    """An output path the linter refuses; the message says why and what to do."""


def _shown(path: str) -> str:
    from linter.report.escape import printable

    return printable(path)


def _not_through_links(path: str, what: str) -> None:
    if os.path.islink(path):
        raise UnsafeOutput(f"{_shown(path)} is a symbolic link: conflict-lint does not write through links; "
                           f"name the {what} itself")
    real = os.path.realpath(path)
    if not os.path.isabs(path) and real != os.path.abspath(path) and not is_within(real, os.path.realpath(os.curdir)):
        raise UnsafeOutput(f"{_shown(path)} leads outside the working directory through a symbolic link: "
                           f"name the {what} itself")


def real_paths(paths: Iterable[str | os.PathLike]) -> frozenset[str]:
    """The files being read, resolved once for every check below."""
    return frozenset(os.path.realpath(path) for path in paths)


def check_file(path: str, inputs: frozenset[str]) -> None:
    """A file to be written (a report, a baseline): not an input, not a link, not led astray."""
    if os.path.realpath(path) in inputs:
        raise UnsafeOutput(f"{_shown(path)} is one of the files being linted: write the report elsewhere")
    _not_through_links(path, "file")


def check_directory(path: str, inputs: frozenset[str], subdirectories: Iterable[str] = ()) -> None:
    """A directory to be written into (an HTML site): neither it nor the ``subdirectories`` it
    writes into is a link, and it holds none of the files being linted, whose directory the
    site would fill with pages and clean of stale ones."""
    _not_through_links(path, "directory")
    for sub in subdirectories:
        if os.path.islink(os.path.join(path, sub)):
            raise UnsafeOutput(f"{_shown(os.path.join(path, sub))} is a symbolic link: conflict-lint does not "
                               "write through links; remove it or name another directory")
    real = os.path.realpath(path)
    held = sorted(given for given in inputs if os.path.dirname(given) == real)
    if held:
        raise UnsafeOutput(f"{_shown(path)} holds files being linted ({_shown(os.path.basename(held[0]))}): "
                           "write the report into a directory of its own")


def check_import_directory(path: str) -> None:
    """The directory `import` writes records into: not a link, not led astray."""
    _not_through_links(path, "directory")


def check_import_target(target: str, inputs: frozenset[str]) -> None:
    """A record file `import` is about to write: never one of the files it imports."""
    if os.path.realpath(target) in inputs:
        raise UnsafeOutput(f"{_shown(target)} is one of the files being imported: "
                           "write the records into another directory")
