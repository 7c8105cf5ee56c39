"""Expand the paths given on the command line into the record files to lint."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from linter.load import LOADERS, is_lintable
from linter.safe_io import is_within


class Discovery:  # not a dataclass: defining one costs a start several times as much
    def __init__(self) -> None:
        self.files: list[Path] = []
        self.missing: list[str] = []
        self.unsupported: list[str] = []
        # Paths found in a directory but not linted, with the reason: an unreadable directory, a
        # link that leads out of the directory given (docs/security.md). Reported as findings.
        self.skipped: list[tuple[Path, str]] = []


def display_path(path: Path) -> str:
    """A path as the user will recognise it: relative to the working directory when inside it."""
    # Links are not followed: a finding names the file as the user sees it, not its target.
    text = str(path)  # strings, not pathlib's parts: this runs once per file of a run
    if not os.path.isabs(text) and os.pardir not in text.split(os.sep):
        return text if os.sep == "/" else path.as_posix()  # relative already, and pathlib drops "./"
    relative = os.path.relpath(os.path.abspath(path))
    return Path(relative).as_posix() if not relative.startswith(os.pardir) else path.as_posix()


def _walk(top: str, skipped: list[tuple[Path, str]]) -> Iterator[tuple[str, str, list[os.DirEntry]]]:
    """(directory, its real path, its files sorted by name) below top, directories in sorted order.

    Like os.walk: hidden directories are skipped, links to directories are not followed (a link
    loop cannot trap the walk), and it keeps its own stack, so no depth of directories exhausts
    Python's recursion limit. Directory entries say whether a file is a link without a system
    call per file. A directory that cannot be read is added to ``skipped``. Real paths are built
    from the parent's, since no link is followed: resolving each anew costs one system call per
    level, quadratic in a deep tree.
    """
    stack = [(top, os.path.realpath(top))]
    while stack:
        directory, real_directory = stack.pop()
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            reason = f"cannot read the directory: {error.strerror or error}; the files in it are not linted"
            skipped.append((Path(directory), reason))
            continue
        files, directories = [], []
        for entry in entries:
            try:
                is_directory = entry.is_dir()
            except OSError:
                is_directory = False
            if not is_directory:
                files.append(entry)
            elif not entry.name.startswith(".") and not entry.is_symlink():
                directories.append((entry.path, os.path.join(real_directory, entry.name)))
        yield directory, real_directory, files
        stack.extend(reversed(directories))  # popped in sorted order, as a recursive walk visits them


def discover(paths: list[str], follow_links: bool = False) -> Discovery:
    """Files named directly and the record files found below directories, each once.

    A link found in a directory is linted only when its target lies inside that directory, or
    when ``follow_links`` is set: a pull request cannot make the linter read (and echo in its
    messages) a file elsewhere on the machine. A file named on the command line is always read.
    """
    found = Discovery()
    seen: set[str] = set()

    def add(path: Path, key: str | None = None) -> None:
        key = key or os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            real_top = os.path.realpath(path)
            for _, real_directory, entries in _walk(str(path), found.skipped):
                for entry in entries:
                    if os.path.splitext(entry.name)[1].lower() not in LOADERS:  # is_lintable, on a string
                        continue
                    candidate = Path(entry.path)
                    if not entry.is_symlink():
                        add(candidate, os.path.join(real_directory, entry.name))
                    elif follow_links or is_within(os.path.realpath(candidate), real_top):
                        add(candidate)
                    else:
                        reason = (f"a symbolic link to {os.readlink(candidate)!r}, outside {given!r}: "
                                  "not followed (name the target itself, or pass --follow-links)")
                        found.skipped.append((candidate, reason))
        elif path.exists():  # a FIFO or device too: reading it gives a finding, not a hang
            if is_lintable(path):
                add(path)
            else:
                found.unsupported.append(given)
        else:
            found.missing.append(given)
    return found
