"""Expand the paths given on the command line into the record files to lint."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from linter.load import is_lintable


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)


def display_path(path: Path) -> str:
    """A path as the user will recognise it: relative to the working directory when inside it."""
    # Links are not followed: a finding names the file as the user sees it, not its target.
    if not path.is_absolute() and os.pardir not in path.parts:
        return path.as_posix()  # already relative to the working directory, and pathlib drops "./"
    relative = os.path.relpath(os.path.abspath(path))
    return Path(relative).as_posix() if not relative.startswith(os.pardir) else path.as_posix()


def _walk(top: str) -> Iterator[tuple[str, list[os.DirEntry]]]:
    """(directory, its files sorted by name) below top, directories in sorted order.

    Like os.walk: hidden directories are skipped, links to directories are not followed (a link
    loop cannot trap the walk), unreadable directories are passed over. Directory entries say
    whether a file is a link without a system call per file.
    """
    try:
        with os.scandir(top) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return
    files, directories = [], []
    for entry in entries:
        try:
            is_directory = entry.is_dir()
        except OSError:
            is_directory = False
        if not is_directory:
            files.append(entry)
        elif not entry.name.startswith(".") and not entry.is_symlink():
            directories.append(entry.path)
    yield top, files
    for directory in directories:
        yield from _walk(directory)


def discover(paths: list[str]) -> Discovery:
    """Files named directly and the record files found below directories, each once."""
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
            for directory, entries in _walk(str(path)):
                real_directory = os.path.realpath(directory)  # once per directory, not once per file
                for entry in entries:
                    candidate = Path(entry.path)
                    if is_lintable(candidate):
                        add(candidate, None if entry.is_symlink() else os.path.join(real_directory, entry.name))
        elif path.is_file():
            if is_lintable(path):
                add(path)
            else:
                found.unsupported.append(given)
        else:
            found.missing.append(given)
    return found
