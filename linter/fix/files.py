"""Fix files on disk: read, fix the text, and write it back atomically, keeping what the file was.

A file is written only when its text changed and still reads as the same kind of record; the
new bytes keep its byte-order mark and its permissions, go to a temporary file beside it, and
replace it in one rename, so a crash leaves either the old file or the new one. A file changed
by someone else while it was being fixed is left alone, and so is a symbolic link that leads
out of the directories being fixed.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from linter.engine import Selection
from linter.fix.text import TextFix, fix_text


@dataclass
class FileFix:
    path: Path
    display: str
    result: TextFix | None = None
    problem: str = ""
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.result is not None and self.result.changed


@dataclass
class FixRun:
    files: list[FileFix] = field(default_factory=list)

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in self.files if f.changed]

    @property
    def problems(self) -> list[FileFix]:
        return [f for f in self.files if f.problem]

    def fixed(self) -> int:
        return sum(sum(f.result.fixed.values()) for f in self.changed if f.result is not None)

    def by_rule(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.changed:
            for rule, n in (f.result.fixed.items() if f.result else ()):
                counts[rule] = counts.get(rule, 0) + n
        return dict(sorted(counts.items()))


def _inside(real: str, trees: list[str]) -> bool:
    return any(real == tree or real.startswith(tree.rstrip(os.sep) + os.sep) for tree in trees)


def fix_file(path: Path, display: str, *, selection: Selection, today: datetime.date, unsafe: bool, write: bool,
             trees: list[str], max_bytes: int) -> FileFix:
    """Fix one file; ``trees`` are the real paths a symbolic link may lead into."""
    outcome = FileFix(path, display)
    if os.path.islink(path) and not _inside(os.path.realpath(path), trees):
        outcome.problem = "it is a symbolic link to a file outside the directories being fixed: not edited"
        return outcome
    try:
        with open(path, "rb") as stream:
            raw = stream.read(max_bytes + 1)
    except OSError:
        return outcome  # unreadable: the lint run reports it
    if len(raw) > max_bytes:
        return outcome
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        outcome.problem = "it is UTF-16: only UTF-8 files are edited"
        return outcome
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        text = raw[len(bom):].decode("utf-8")
    except UnicodeDecodeError:
        return outcome  # not text: the lint run reports it
    if "\0" in text:
        return outcome
    outcome.result = fix_text(text, display, path.suffix, selection=selection, today=today, unsafe=unsafe)
    outcome.problem = outcome.result.problem
    if write and outcome.changed:
        try:
            outcome.written = _replace(path, raw, bom + outcome.result.after.encode("utf-8"))
        except OSError as error:
            outcome.problem = f"cannot write it: {error.strerror or error}"
        if not outcome.written and not outcome.problem:
            outcome.problem = "it changed while it was being fixed: left as it is"
    return outcome


def _replace(path: Path, expected: bytes, content: bytes) -> bool:
    """Write ``content`` in place of the file, if it still holds ``expected``; True when written."""
    import tempfile

    real = os.path.realpath(path)
    before = os.stat(real)
    folder, name = os.path.split(real)
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".fix-tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(before.st_mode))
        # only the owner's own files can be handed back; the mode is kept regardless
        with contextlib.suppress(OSError, AttributeError):
            os.chown(temporary, before.st_uid, before.st_gid)
        with open(real, "rb") as stream:
            if stream.read(len(expected) + 1) != expected:
                os.unlink(temporary)
                return False
        os.replace(temporary, real)
        return True
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def fix_files(files: list[tuple[Path, str]], *, selection: Selection, today: datetime.date, unsafe: bool, write: bool,
              trees: list[str], max_bytes: int) -> FixRun:
    per_file = selection.per_file()
    trees = [os.path.realpath(tree) for tree in trees]
    run = FixRun()
    for path, display in files:
        run.files.append(fix_file(path, display, selection=per_file, today=today, unsafe=unsafe, write=write,
                                  trees=trees, max_bytes=max_bytes))
    return run


def unified_diff(outcome: FileFix) -> str:
    import difflib

    assert outcome.result is not None
    lines = difflib.unified_diff(outcome.result.before.splitlines(keepends=True),
                                 outcome.result.after.splitlines(keepends=True),
                                 fromfile=f"a/{outcome.display}", tofile=f"b/{outcome.display}")
    # as diff(1) marks a last line without a line end, so that patch(1) can apply the diff
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)
