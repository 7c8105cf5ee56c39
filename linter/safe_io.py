"""Reading and writing files that a pull request may have planted: bounded, never blocking,
never through a symbolic link that leads somewhere unexpected, and atomically.

Files the linter reads may be FIFOs (an open blocks until a writer comes), devices
(``/dev/zero`` never ends) or sparse files of gigabytes; files it writes may be links placed to
redirect the write. Every file the linter opens goes through here.
"""

from __future__ import annotations

import contextlib
import os
import stat

CHUNK = 1 << 20  # read in pieces, so a huge limit never preallocates a huge buffer


class NotRegular(OSError):
    """The path names something other than a regular file (a FIFO, a device, a directory)."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def read_regular(path: str | os.PathLike, limit: int, *, follow_links: bool = True) -> bytes:
    """At most ``limit + 1`` bytes of a regular file (one more than the limit says "too big").

    The open never blocks (O_NONBLOCK: a FIFO without a writer opens at once) and a file that
    is not regular raises ``NotRegular`` before anything is read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(0, f"{_kind(mode)}, not a regular file: not read", str(path))
        chunks, total = [], 0
        while total <= limit:
            chunk = stream.read(min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def write_atomic(path: str | os.PathLike, content: str) -> None:
    """Replace ``path`` with ``content`` (UTF-8) all at once: a reader sees the old file or the
    new one, never half of it, and a link at ``path`` is replaced, not written through."""
    import tempfile  # only when writing: with shutil and random, it costs a one-file lint run ~4 ms

    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".conflict-lint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as stream:
            stream.write(content)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def is_within(path: str, directory: str) -> bool:
    """Whether ``path`` is ``directory`` or below it (both already resolved)."""
    try:
        return os.path.commonpath([path, directory]) == directory
    except ValueError:  # another drive, or a mix of absolute and relative paths
        return False
