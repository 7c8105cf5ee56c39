"""A content-hash cache of per-file lint results in ``.conflict-lint-cache/``.

An entry holds what linting one file gives independently of every other file: its findings
from the loader, the schema and the per-record rules, and the summaries of its records (the fields
cross-record rules read, with their positions). Its key digests the tool's own code and data,
the run's settings, the file's path and its bytes, so any change to any of them is a miss.

Entries are JSON, not pickle, so that a planted cache file cannot run code; each is written
to a temporary file and renamed into place, so a reader never sees half an entry; an entry
that cannot be read or decoded is a miss, never an error.

Entries are trusted only if this machine wrote them. A pull request can commit a
``.conflict-lint-cache/`` that says "no findings" for its bad records, so every entry starts
with an HMAC of its body under a key kept outside the repository (in the user's cache
directory, made on first use, readable by its owner only). An entry without a valid signature
is a miss, whoever wrote it; without a key there is no cache at all.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
from pathlib import Path

from linter import __version__
from linter.edits import APPLICABILITIES, Edit, Fix
from linter.findings import Finding, Severity, Span

DEFAULT_DIR = ".conflict-lint-cache"
FORMAT = "5"  # 2: a list of summaries, one per record of the file; 3: signed entries; 4: path digest in names; 5: fixes
KEY_BYTES = 32
PATH_DIGEST = 16  # hex digits of a path's digest in an entry's name
# What ruff, pytest and cargo put in their caches: backup tools skip a directory holding this
# tag (https://bford.info/cachedir/), and git ignores everything under the inner .gitignore.
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by conflict-lint.\n"
                "# For information about cache directory tags, see https://bford.info/cachedir/\n")


def key_file() -> Path:
    """Where the signing key lives: the user's cache directory, never the linted repository."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "conflict-lint" / "cache-key"


def signing_key(path: Path | None = None) -> bytes | None:
    """This machine's key, made on first use; None when it can neither be read nor made."""
    path = path or key_file()
    for _ in range(2):
        try:
            key = bytes.fromhex(path.read_text("ascii").strip())
            return key if len(key) == KEY_BYTES else None
        except FileNotFoundError:
            pass
        except (OSError, ValueError):
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            temporary = path.with_name(f".{path.name}-{os.getpid()}")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="ascii") as stream:
                stream.write(os.urandom(KEY_BYTES).hex())
            try:
                os.link(temporary, path)  # atomic, and loses to a key another process made first
            except FileExistsError:
                pass
            finally:
                os.unlink(temporary)
        except OSError:
            return None
    return None


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's code, data and schema: a changed rule or schema is a new key,
    even when the version number has not moved (as during development)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json", ".yaml") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def entry_key(settings: str, display_path: str, content: bytes) -> str:
    """``<path digest>-<entry digest>``: every version of one file's entry shares the first part
    (and so a shard directory), so that a run can prune the versions it did not use."""
    digest = _settings_digest(settings).copy()  # the shared prefix is hashed once per run
    for part in (display_path.encode("utf-8", "surrogatepass"), content):  # names need not be UTF-8
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return f"{path_digest(display_path)}-{digest.hexdigest()}"


def path_digest(display_path: str) -> str:
    return hashlib.sha256(display_path.encode("utf-8", "surrogatepass")).hexdigest()[:PATH_DIGEST]


@functools.lru_cache(maxsize=16)
def _settings_digest(settings: str) -> hashlib._Hash:
    digest = hashlib.sha256(code_digest().encode())
    part = settings.encode()
    digest.update(len(part).to_bytes(8, "little"))
    digest.update(part)
    return digest


def _span(span: Span) -> list[int]:
    return [span.line, span.column, span.end_line, span.end_column]


def _fix_row(fix: Fix | None) -> list:
    if fix is None:
        return []
    return [[fix.applicability, fix.message, [[*_span(e.span), e.content] for e in fix.edits]]]


def _fix_of(row: list) -> Fix | None:
    if not row:
        return None
    (applicability, message, edits), = row
    if applicability not in APPLICABILITIES or type(message) is not str or type(edits) is not list:
        raise TypeError("a fix of a cache entry has the wrong shape")
    return Fix(applicability, message, tuple(Edit(Span(*(int(n) for n in edit[:4])), str(edit[4]))
                                             for edit in edits))


def rows_of(findings: list[Finding]) -> list[list]:
    """Findings as JSON rows (``findings_of`` reads them back)."""
    return [[f.path, *_span(f.span), f.code, f.rule, int(f.severity), f.message, f.pointer, *_fix_row(f.fix)]
            for f in findings]


def findings_of(rows: object) -> list[Finding]:
    """Raises ValueError or TypeError on rows that are not ones ``rows_of`` wrote."""
    if type(rows) is not list:
        raise TypeError("findings are not a list")
    return [Finding(path=path, span=Span(line, column, end_line, end_column), code=code, rule=rule,
                    severity=Severity(severity), message=message, pointer=pointer, fix=_fix_of(fix))
            for path, line, column, end_line, end_column, code, rule, severity, message, pointer, *fix
            in map(_row, rows)]


def encode(findings: list[Finding], summaries: list[dict]) -> str:
    # ASCII: a lone surrogate (a name that is not UTF-8, a "\ud800" in JSON) is written escaped
    return json.dumps({"findings": rows_of(findings), "summaries": summaries})


def decode(text: str) -> tuple[list[Finding], list[dict]]:
    """Raises ValueError (or KeyError, TypeError) on an entry that is not one of ours."""
    entry = json.loads(text)
    findings = findings_of(entry["findings"])
    summaries = entry["summaries"]
    if not isinstance(summaries, list) or not all(_is_summary(s) for s in summaries):
        raise TypeError("summaries is not a list of record summaries")
    return findings, summaries


_ROW_TYPES = (str, int, int, int, int, str, str, int, str, str)


def _row(row: object) -> list:
    """A finding's row, checked field by field: a planted entry with a number for a path would
    otherwise reach the reporters (and the sort) as one."""
    # an eleventh field, when present, is the finding's fix, which _fix_of checks
    if type(row) is not list or len(row) not in (len(_ROW_TYPES), len(_ROW_TYPES) + 1) or not all(
            type(value) is kind for value, kind in zip(row, _ROW_TYPES, strict=False)):
        raise TypeError("a finding of a cache entry has the wrong shape")
    return row


def _is_summary(summary: object) -> bool:
    """The shape runner.summarise gives, so that a damaged or planted entry is a miss, not a crash."""
    if not isinstance(summary, dict) or not isinstance(summary.get("data"), dict):
        return False
    for name in ("values", "keys"):
        spans = summary.get(name)
        if not isinstance(spans, dict) or not all(
                type(span) is list and len(span) == 4 and all(type(n) is int for n in span) for span in spans.values()):
            return False
    return True


def signature(key: bytes, body: bytes) -> str:
    return hmac.new(key, body, hashlib.sha256).hexdigest()


class Cache:
    def __init__(self, directory: Path, key: bytes):
        self.directory = os.path.join(directory, FORMAT)
        self.key = key
        self._made: set[str] = set()  # directories known to exist: one mkdir each, not one per file

    @classmethod
    def open(cls, directory: Path) -> Cache | None:
        """The cache in ``directory``, or None when there is no key to sign entries with."""
        key = signing_key()
        return None if key is None else cls(directory, key)

    def _tag(self) -> None:
        """Mark the cache directory as one when it is made (CACHEDIR.TAG, a .gitignore of ``*``)."""
        top = os.path.dirname(self.directory)
        if os.path.exists(os.path.join(top, "CACHEDIR.TAG")):
            return
        os.makedirs(top, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG),
                           (".gitignore", "# Created by conflict-lint: the cache is never committed.\n*\n")):
            try:  # never through a link a pull request may have planted, never over a file
                descriptor = os.open(os.path.join(top, name),
                                     os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
            except FileExistsError:
                continue
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                stream.write(text)

    def prune(self, used: list[str]) -> int:
        """Remove the entries of this run's files that this run did not use (older versions of
        a file, entries made under other settings), and other formats' directories; entries
        of files the run did not check stay. Returns how many entries were removed."""
        by_shard: dict[str, set[str]] = {}
        for key in used:
            by_shard.setdefault(key[:2], set()).add(key)
        removed = 0
        for shard, keys in by_shard.items():
            paths = {key.partition("-")[0] for key in keys}
            folder = os.path.join(self.directory, shard)
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            for name in names:
                key, suffix = name[:-5], name[-5:]
                if suffix == ".json" and key.partition("-")[0] in paths and key not in keys:
                    try:
                        os.unlink(os.path.join(folder, name))
                        removed += 1
                    except OSError:
                        pass
        top = os.path.dirname(self.directory)
        try:
            for name in os.listdir(top):  # a cache written by an older conflict-lint
                if name.isdigit() and name != FORMAT and os.path.isdir(os.path.join(top, name)):
                    import shutil

                    shutil.rmtree(os.path.join(top, name), ignore_errors=True)
        except OSError:
            pass
        return removed

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], f"{key}.json")  # strings: cheaper than pathlib per file

    def get(self, key: str) -> tuple[list[Finding], list[dict]] | None:
        from linter.limits import MAX_CACHE_ENTRY_BYTES
        from linter.safe_io import read_regular

        try:
            # never through a link (one to /dev/zero never ends), never more than the limit
            raw = read_regular(self._path(key), MAX_CACHE_ENTRY_BYTES, follow_links=False)
            if len(raw) > MAX_CACHE_ENTRY_BYTES:
                return None
            signed, _, body = raw.partition(b"\n")
            if not hmac.compare_digest(signed, signature(self.key, body).encode()):
                return None  # not written by this machine: a planted entry must not hide findings
            return decode(body.decode("utf-8"))
        # absent, corrupt, foreign or nested too deeply: lint again
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None

    def put(self, key: str, findings: list[Finding], summaries: list[dict]) -> None:
        """Store an entry atomically; a cache that cannot be written only costs speed."""
        path = self._path(key)
        folder = os.path.dirname(path)
        # unique per process (workers write at once) and beside the entry, so the rename is
        # atomic; tempfile is not used because importing it costs the one-file run ~4 ms
        temporary = os.path.join(folder, f".tmp-{os.getpid()}-{key}")
        try:
            if folder not in self._made:
                if os.path.islink(folder):  # a planted link would send entries out of the project
                    return
                if not self._made:
                    self._tag()
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            try:
                body = encode(findings, summaries).encode("utf-8")
                with open(temporary, "wb") as stream:
                    stream.write(signature(self.key, body).encode() + b"\n" + body)
                os.replace(temporary, path)
            except BaseException:
                if os.path.exists(temporary):
                    os.unlink(temporary)
                raise
        except OSError:
            pass


def clean(directory: Path) -> int | None:
    """Remove a conflict-lint cache directory; the number of entries it held, or None when there
    is none. A directory that is not one of ours (no tag, no entries) is left alone."""
    import shutil

    if not directory.is_dir():
        return None
    ours = (directory / "CACHEDIR.TAG").is_file() or any(p.name.isdigit() for p in directory.iterdir() if p.is_dir())
    if not ours:
        raise ValueError(f"{directory} does not look like a conflict-lint cache (no CACHEDIR.TAG): not removed")
    entries = sum(1 for _ in directory.rglob("*.json"))
    shutil.rmtree(directory)
    return entries
