"""Expand the paths given on the command line into the record files to lint."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from linter.load import is_lintable


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)


def real_path(path: Path | str) -> Path:
    """The canonical path; unlike Path.resolve, a symbolic link loop is no error here."""
    return Path(os.path.realpath(path))


def display_path(path: Path) -> str:
    """A path as the user will recognise it: relative to the working directory when inside it."""
    # Links are not followed: a finding names the file as the user sees it, not its target.
    relative = os.path.relpath(os.path.abspath(path))
    return Path(relative).as_posix() if not relative.startswith(os.pardir) else path.as_posix()


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
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                real_root = os.path.realpath(root)  # once per directory, not once per file
                for name in sorted(names):
                    candidate = Path(root, name)
                    if is_lintable(candidate):
                        link = os.path.islink(os.path.join(root, name))
                        add(candidate, None if link else os.path.join(real_root, name))
        elif path.is_file():
            if is_lintable(path):
                add(path)
            else:
                found.unsupported.append(given)
        else:
            found.missing.append(given)
    return found
