"""The run pack: what the last run over the same paths with the same settings found, in two
signed files read in one go each, so that a run over unchanged files neither hashes them nor
opens one cache entry per file.

The per-file entries of ``linter.cache`` hold results by content: a file is read and hashed
before its entry can be found, and every entry is a file of its own. That is the right key for
a file that changed, but for 25,000 unchanged files it costs more than the cross-record stage.
A pack adds what ruff, git and make use, a file's status (size, modification and change times,
inode), and keeps for each file of the run:

- ``<name>.index``: its status, the per-path settings it was linted under, its per-file
  findings; and the run's cross-record findings, valid while every file of the run is as it was;
- ``<name>.summaries``: its record summaries, read only when some file changed, so that the
  cross-record stage runs again over the unchanged files' summaries without reading them.

``<name>`` digests the code, the settings and the run's request (the paths given and the
roots): a run over other paths has a pack of its own, so a one-file run does not read the pack
of the whole set. At most ``KEEP`` packs are kept, the least recently used removed first.

A status says a file is unchanged only if it was taken long enough before the run that a later
write could not leave the same status behind (git's "racily clean" entries): a file changed
within ``RACY_NS`` of the run's start gets no status, so the next run reads and hashes it.

Both files start with an HMAC of their name and body under the cache's key (``linter.cache``):
a pack that this machine did not write, or one renamed from another run, is not used. Packs are
read without following links and up to ``MAX_PACK_BYTES``; anything wrong with one makes the
run go through the per-file entries, never fail.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import stat as stat_module
from collections.abc import Sequence
from dataclasses import dataclass

from linter.cache import findings_of, rows_of, signature
from linter.findings import Finding

KEEP = 4
RACY_NS = 2_000_000_000  # FAT's timestamps are 2 s apart; ext4's follow the kernel's tick
MAX_PACK_BYTES = 1 << 30
FOLDER = "packs"

Status = list[int]


def status_of(path: str | os.PathLike, start_ns: int) -> Status | None:
    """A regular file's status, or None when it cannot vouch for the file's content."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat_module.S_ISREG(found.st_mode) or max(found.st_mtime_ns, found.st_ctime_ns) >= start_ns - RACY_NS:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]


@dataclass
class Stored:
    """One file of a pack: what its status and per-path settings were, and what it gave."""

    status: Status
    file_key: str
    findings: list[Finding]
    index: int  # its place in the pack, and in the summaries file


@dataclass
class Pack:
    directory: str
    name: str
    key: bytes
    files: dict[str, Stored]
    run: list[list]  # [display, mine] of every file of the run, in order; [] when some had no status
    cross: list[Finding]

    @classmethod
    def open(cls, cache_dir: str, key: bytes, name: str) -> Pack:
        """The pack of that name, or an empty one when there is none we can trust."""
        directory = os.path.join(cache_dir, FOLDER)
        empty = cls(directory, name, key, {}, [], [])
        body = _read(directory, name, ".index", key)
        if body is None:
            return empty
        try:
            index = json.loads(body)
            files = {display: Stored(status, file_key, findings_of(rows), place)
                     for place, (display, mine, status, file_key, rows) in enumerate(index["files"])}
            run = [[display, mine] for display, mine, *_ in index["files"]]
            if index["complete"] is not True:
                run = []
            return cls(directory, name, key, files, run, findings_of(index["cross"]))
        except (ValueError, KeyError, TypeError, RecursionError):
            return empty

    def hit(self, display: str, status: Status | None, file_key: str) -> Stored | None:
        stored = self.files.get(display)
        if stored is None or status is None or stored.status != status or stored.file_key != file_key:
            return None
        return stored

    def summaries(self) -> list[list[dict]] | None:
        """Every stored file's summaries, in the pack's order; None when they cannot be read."""
        body = _read(self.directory, self.name, ".summaries", self.key)
        if body is None:
            return None
        try:
            found = json.loads(body)
        except (ValueError, RecursionError):
            return None
        return found if isinstance(found, list) and len(found) == len(self.files) else None

    def touch(self) -> None:
        """Mark the pack as used, for ``KEEP``."""
        with contextlib.suppress(OSError, NotImplementedError):
            os.utime(os.path.join(self.directory, self.name + ".index"), follow_symlinks=False)

    def write(self, entries: Sequence[tuple[str, bool, Status | None, str, list[Finding], list[dict]]],
              cross: list[Finding]) -> None:
        """Store this run: (display, mine, status, file key, findings, summaries) per file. A
        file without a status is kept out, so that the next run reads it; a pack that cannot be
        written only costs speed."""
        kept = [entry for entry in entries if entry[2] is not None]
        complete = len(kept) == len(entries)  # the cross-record findings stand for every file
        index = {"files": [[display, mine, status, file_key, rows_of(findings)]
                           for display, mine, status, file_key, findings, _ in kept],
                 "cross": rows_of(cross) if complete else [], "complete": complete}
        try:
            if os.path.islink(self.directory) or os.path.islink(os.path.dirname(self.directory)):
                return  # a planted link would send the pack out of the project
            os.makedirs(self.directory, exist_ok=True)
            # summaries first: an index is never newer than the summaries it points into
            _write(self.directory, self.name, ".summaries", self.key,
                   json.dumps([summaries for *_, summaries in kept]))
            _write(self.directory, self.name, ".index", self.key, json.dumps(index))
            self._prune()
        except OSError:
            pass

    def _prune(self) -> None:
        names = [entry for entry in os.scandir(self.directory)
                 if entry.name.endswith(".index") and entry.is_file(follow_symlinks=False)]
        names.sort(key=lambda entry: entry.stat(follow_symlinks=False).st_mtime_ns, reverse=True)
        for old in names[KEEP:]:
            stem = old.name[: -len(".index")]
            for suffix in (".index", ".summaries"):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(self.directory, stem + suffix))

    def unchanged(self, run: list[list]) -> bool:
        """Whether the stored cross-record findings stand for this run: the same files, in the
        same order, each either checked or a neighbour as before (the caller checks statuses)."""
        return bool(self.run) and self.run == run


def _signed(key: bytes, name: str, body: bytes) -> bytes:
    # the name is signed too: a pack copied under another run's name does not verify
    return signature(key, name.encode() + b"\0" + body).encode()


def _read(directory: str, name: str, suffix: str, key: bytes) -> bytes | None:
    from linter.safe_io import read_regular

    try:
        raw = read_regular(os.path.join(directory, name + suffix), MAX_PACK_BYTES, follow_links=False)
    except OSError:
        return None
    if len(raw) > MAX_PACK_BYTES:
        return None
    signed, _, body = raw.partition(b"\n")
    if not hmac.compare_digest(signed, _signed(key, name + suffix, body)):
        return None  # not written by this machine, or damaged
    return body


def _write(directory: str, name: str, suffix: str, key: bytes, text: str) -> None:
    body = text.encode("utf-8")
    path = os.path.join(directory, name + suffix)
    temporary = os.path.join(directory, f".tmp-{os.getpid()}-{name}{suffix}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(_signed(key, name + suffix, body) + b"\n" + body)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
