"""Lint many files fast: per-file work in a process pool and a content-hash cache,
cross-record rules over small record summaries.

Linting splits in two. The per-file stage (load, schema, every rule whose ``SCOPE`` is one
record) depends on one file alone, so it runs in worker processes and its result is
cached by content. It also yields the record's summary: the fields cross-record rules declare
they read (``summary_fields``), with their positions. The cross-record stage then runs those rules
in the main process over documents rebuilt from those summaries, every time, cached or not,
so a run's results never depend on which files were cached. Full documents are dropped as soon
as a file is done: memory grows with the findings and summaries, not with the files.
"""

from __future__ import annotations

import datetime
import functools
import gc
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any, NamedTuple

from linter.collector import GC_THRESHOLDS, fewer_collections
from linter.findings import Finding
from linter.limits import MAX_FILE_BYTES
from linter.model.document import Document

if TYPE_CHECKING:  # imported where used: a cached run needs neither
    from linter.cache import Cache
    from linter.engine import Selection

BATCH = 64  # files per task: large enough to amortise pickling, small enough to balance 2 cores

class Settings(NamedTuple):  # not a frozen dataclass: defining one costs a start five times as much
    """What the per-file stage needs to know, sent to each worker with its batch."""

    selection: Selection
    today: datetime.date
    cache_dir: str | None
    max_file_size: int = MAX_FILE_BYTES

    def key(self) -> str:
        """The settings that change per-file results, canonical across processes (sets sorted)."""
        fields = {}
        for name in self.selection.FIELDS:
            value = getattr(self.selection, name)
            if isinstance(value, (set, frozenset)):
                value = sorted(value)
            elif isinstance(value, dict):
                value = sorted((str(k), str(v)) for k, v in value.items())
            elif callable(value):  # its repr holds an address that changes every run
                value = "callable"
            fields[name] = repr(value)
        return json.dumps([fields, self.today.isoformat(), self.max_file_size], sort_keys=True)

    def file_key(self, display: str) -> str:
        """The rules per-path settings turn off in this file: they change its results, and
        unlike the path mapping behind them, they are the same in every run."""
        return ",".join(sorted(self.selection.ignored_in(display)))


class FileError(Exception):
    """A file could not be read, or a check crashed on it; carries the message for the user."""

    def __init__(self, message: str, internal: bool):
        super().__init__(message)
        self.internal = internal

    # picklable across the pool despite the extra argument
    def __reduce__(self) -> tuple[type[FileError], tuple[str, bool]]:
        return (FileError, (str(self), self.internal))


@functools.lru_cache(maxsize=1)
def summary_fields() -> tuple[str, ...]:
    """The fields a summary carries: those cross-record rules declare in ``READS``, and those
    the record set looks records up by."""
    from linter.records import RECORD_SET_FIELDS
    from linter.rules import all_rules

    declared = [name for rule in all_rules() if rule.cross_record for name in rule.reads]
    return tuple(dict.fromkeys([*RECORD_SET_FIELDS, *declared]))


class UndeclaredField(KeyError):
    def __str__(self) -> str:
        return (
            f"a cross-record rule read the field {self.args[0]!r}, which no cross-record rule declares "
            "in READS, so record summaries do not carry it: add it to the rule's READS"
        )


class SummaryRecord(dict):
    """A record's summarised fields; reading any other field is a bug, and says so.

    Without this, a cross-record rule that reads a field no rule declares would find it
    missing in every record and report nothing, silently."""

    __slots__ = ()

    def _check(self, name: object) -> None:
        if name not in summary_fields():
            raise UndeclaredField(name)

    def __getitem__(self, name: str) -> Any:
        self._check(name)
        return super().__getitem__(name)

    def get(self, name: str, default: Any = None) -> Any:
        self._check(name)
        return super().get(name, default)

    def __contains__(self, name: object) -> bool:
        self._check(name)
        return super().__contains__(name)


def summarise(doc: Document) -> dict | None:
    """The part of a document that cross-record rules read, positions included."""
    record = doc.record
    if record is None:
        return None
    data = {name: record[name] for name in summary_fields() if name in record}
    wanted = tuple(f"/{name}" for name in data)

    def kept(spans: dict) -> dict:
        return {
            pointer: [s.line, s.column, s.end_line, s.end_column]
            for pointer, s in spans.items()
            if pointer == "" or pointer.startswith(wanted)
        }

    from linter.engine import suppressions_of

    summary: dict[str, Any] = {"data": data, "values": kept(doc.value_spans), "keys": kept(doc.key_spans)}
    if not doc.native:  # messages name the infobox's parameters
        summary["format"] = doc.format
        summary["origins"] = {p: name for p, name in doc.origins.items() if p.startswith(wanted)}
    suppressions = suppressions_of(doc)
    if suppressions:  # the cross-record stage has no text to read them from
        summary["suppressions"] = [
            [s.kind, s.line, {name: list(span) for name, span in s.names.items()}] for s in suppressions
        ]
    return summary


def document_of(path: str, summary: dict) -> Document:
    """A summary made a document again, for the cross-record stage.

    Every record of a run stays in memory as one of these until the end, so pointers (the same
    few dozen in every record, but a fresh string each once unpickled or read from the cache)
    are interned.
    """
    from linter.findings import Span, span_from
    from linter.suppress import Suppression

    def spans(found: dict) -> dict:
        return {intern(pointer): span_from(span) for pointer, span in found.items()}

    suppressions = [
        Suppression(kind, line, {name: Span(*span) for name, span in names.items()})
        for kind, line, names in summary.get("suppressions", ())
    ]
    return Document(
        path=path,
        format=summary.get("format", "summary"),
        data=SummaryRecord(summary["data"]),
        value_spans=spans(summary["values"]),
        key_spans=spans(summary["keys"]),
        suppressions=suppressions,
        origins=summary.get("origins", {}),
    )


class _Prepared:
    """What every file of a batch shares, worked out once per batch rather than per file."""

    def __init__(self, selection: Selection, key: str, cache: Cache | None, summaries: bool):
        self.selection = selection
        self.key = key
        self.cache = cache
        self.summaries = summaries  # whether cross-record rules will read summaries in this run
        self.used: list[str] = []  # cache keys read or written, for pruning

    @classmethod
    def of(cls, settings: Settings) -> _Prepared:
        from linter.rules import all_rules

        selection = settings.selection.per_file()
        cache = None
        if settings.cache_dir is not None:  # imported only here: --no-cache runs skip hashlib
            from linter.cache import Cache

            cache = Cache.open(Path(settings.cache_dir))
        enabled = any(rule.cross_record and settings.selection.enabled(rule) for rule in all_rules())
        return cls(selection, settings.key(), cache, enabled)


def lint_file(
    path: Path, display: str, settings: Settings, prepared: _Prepared | None = None, content: bytes | None = None
) -> tuple[list[Finding], list[dict]]:
    """The per-file stage for one file (every infobox of it), through the cache when there is one.

    ``content``, when given, is the file's bytes (standard input), and ``path`` only its name."""
    prepared = prepared or _Prepared.of(settings)
    from linter.cap import cap_file
    from linter.errors import InternalError
    from linter.load import load_bytes, load_file, with_extra
    from linter.safe_io import read_regular

    if content is not None:
        content = content[:settings.max_file_size + 1]
    else:
        try:
            content = read_regular(path, settings.max_file_size)  # never more than the limit, never a FIFO
        except OSError:
            content = None  # load_file turns the error into a file-unreadable finding; nothing to cache
    key = None
    if prepared.cache is not None and content is not None:
        from linter.cache import entry_key

        key = entry_key(prepared.key + settings.file_key(display), display, content)
        prepared.used.append(key)
        hit = prepared.cache.get(key)
        if hit is not None:
            return hit
    from linter.engine import lint_documents  # after the cache: a hit needs neither
    from linter.records import RecordSet

    try:
        if content is None:
            doc = load_file(path, display, settings.max_file_size)
        else:
            doc = load_bytes(content, display, path.suffix, settings.max_file_size)
        records = with_extra(doc)
        findings = cap_file(
            lint_documents(records, selection=prepared.selection, today=settings.today, record_set=RecordSet(records)),
            display,
            prepared.selection,
        )
    except InternalError as error:
        raise FileError(str(error), internal=True) from None
    # the cache key holds the selection, so an entry made without cross-record rules is
    # never read by a run that has them
    summaries = [s for s in map(summarise, records) if s is not None] if prepared.summaries else []
    if key is not None and prepared.cache is not None:
        prepared.cache.put(key, findings, summaries)
    return findings, summaries


Results = list[tuple[list[Finding], list[dict]]]


def _lint_batch(batch: list[tuple[Path, str]], settings: Settings, prepared: _Prepared) -> tuple[Results, list[str]]:
    results = [lint_file(path, display, settings, prepared) for path, display in batch]
    used, prepared.used = prepared.used, []
    return results, used


_WORKER: tuple[Settings, _Prepared] | None = None


def _start_worker(settings: Settings, parent: int) -> None:
    # Settings reach a worker once, at its start; with the fork start method (Linux) they are
    # inherited, not pickled, so a selection holding a lambda (per-path settings) still works.
    global _WORKER
    _die_with_parent(parent)
    _WORKER = (settings, _Prepared.of(settings))
    gc.set_threshold(*GC_THRESHOLDS)


def _worker_batch(batch: list[tuple[Path, str]]) -> tuple[Results, list[str]]:
    assert _WORKER is not None, "a worker's settings arrive with its start"
    settings, prepared = _WORKER
    return _lint_batch(batch, settings, prepared)


def _die_with_parent(parent: int) -> None:
    """A worker leaves with the run: Ctrl-C is the parent's to handle (it stops the workers),
    and on Linux the kernel ends a worker whose parent was killed outright, which would
    otherwise wait on its task queue for ever."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: an interrupted run still stops its workers
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _per_file_results(files: list[tuple[Path, str]], settings: Settings, jobs: int, used: list[str]) -> Iterable:
    """Each file's (findings, summaries) in order; the cache keys used are added to ``used``."""
    batches = [files[i : i + BATCH] for i in range(0, len(files), BATCH)]
    if jobs <= 1 or len(batches) <= 1:  # the one-file path: no pool, no extra process start-up
        prepared = _Prepared.of(settings)
        for batch in batches:
            results, keys = _lint_batch(batch, settings, prepared)
            used.extend(keys)
            yield from results
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(batches)), initializer=_start_worker, initargs=(settings, os.getpid())
    )
    try:
        for results, keys in pool.map(_worker_batch, batches):
            used.extend(keys)
            yield from results
    except BaseException:  # an interrupt or an error: stop the workers now, not after their batches
        import sys
        import threading

        # The pool's manager thread then finds its futures cancelled and its workers gone, and
        # would print that as a traceback of its own; at exit, the pool's exit hook wakes that
        # thread through a pipe the shutdown has closed ("Exception ignored in: <module
        # 'threading'>"). Both are expected on the way out, so neither is shown.
        threading.excepthook = lambda args: None
        sys.unraisablehook = lambda unraisable: None
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _not_among(candidates: list[tuple[Path, str]], files: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """The candidates that are none of the files, however each is spelt.

    Two paths of one file end in the same name unless the last part is a link, so only those
    paths are resolved: a run with thousands of files and roots must not resolve every one.
    """

    def maybe_shared(path: Path, names: set[str]) -> bool:
        return path.name in names or os.path.islink(path)

    if not candidates:
        return []
    candidate_names = {path.name for path, _ in candidates}
    taken = {os.path.realpath(path) for path, _ in files if maybe_shared(path, candidate_names)}
    # a file given through a link of another name shares its target's name
    file_names = {path.name for path, _ in files} | {os.path.basename(path) for path in taken}
    return [
        (path, display)
        for path, display in candidates
        if not (maybe_shared(path, file_names) and os.path.realpath(path) in taken)
    ]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def lint_paths(
    files: list[tuple[Path, str]],
    *,
    selection: Selection | None = None,
    today: datetime.date | None = None,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    max_file_size: int = MAX_FILE_BYTES,
    neighbours: Iterable[tuple[Path, str]] = (),
    stdin: bytes | None = None,
    progress: Callable[[int, int], None] | None = None,
    run: str | None = None,
    roots_configured: bool = False,
) -> list[Finding]:
    """Findings for (path, display path) pairs, as ``lint_documents`` gives them, sorted.

    ``neighbours`` are more files (the configured roots) that cross-record rules see but that
    are not reported on, so linting one changed file still resolves its links. ``stdin`` is
    the content of the one file given, read from standard input (the file of that name on
    disk, if any, is not read, not even as a neighbour). ``progress(done, total)`` is called
    as per-file results come in. ``run`` names the request (the paths given and the roots) for
    the run pack (``linter.pack``); by default, the files themselves. ``roots_configured`` says
    that the configuration names record roots, which declares the run's records the whole record
    set (see ``RecordSet.declared``). Raises FileError when a check crashes on a file.
    """
    from linter.engine import Selection
    from linter.rules import all_rules

    selection = selection or Selection()
    settings = Settings(
        selection, today or datetime.date.today(), None if cache_dir is None else str(cache_dir), max_file_size
    )
    extra = _not_among(list(neighbours), files)
    every = files + extra
    cross_enabled = any(rule.cross_record and selection.enabled(rule) for rule in all_rules())
    used: list[str] = []
    if stdin is not None:
        if len(files) > 1:
            raise ValueError("standard input is one file")
        # not cached: an editor sends a new buffer on every keystroke, and each entry would
        # replace the entry of the saved file of that name
        results: Iterable = itertools.chain(
            (lint_file(path, display, settings._replace(cache_dir=None), content=stdin)
             for path, display in files),
            _per_file_results(extra, settings, jobs or default_jobs(), used))
        findings, cross = _collect(every, len(files), results, settings, cross_enabled, progress, roots_configured)
        return _capped(findings + cross, settings)
    if cache_dir is None:
        results = _per_file_results(every, settings, jobs or default_jobs(), used)
        findings, cross = _collect(every, len(files), results, settings, cross_enabled, progress, roots_configured)
        return _capped(findings + cross, settings)
    return _lint_with_pack(files, every, settings, jobs or default_jobs(), cross_enabled, progress,
                           run if run is not None else json.dumps([d for _, d in every]), roots_configured)


def _lint_with_pack(files: list[tuple[Path, str]], every: list[tuple[Path, str]], settings: Settings, jobs: int,
                    cross_enabled: bool, progress: Callable[[int, int], None] | None, run: str,
                    declared: bool = False) -> list[Finding]:
    """The run through its pack: nothing but the pack when no file changed, the changed files
    through the per-file cache and the rest from the pack otherwise."""
    import hashlib
    import time

    from linter.cache import Cache, code_digest, signing_key
    from linter.pack import Pack, status_of

    assert settings.cache_dir is not None
    key = signing_key()
    if key is None:  # no key, no cache
        uncached = _per_file_results(every, settings._replace(cache_dir=None), jobs, [])
        findings, cross = _collect(every, len(files), uncached, settings, cross_enabled, progress, declared)
        return _capped(findings + cross, settings)
    # whether roots declare the record set changes the cross-record findings the pack keeps
    name = hashlib.sha256("\0".join((code_digest(), settings.key(), run, str(declared))).encode(
        "utf-8", "surrogatepass")).hexdigest()
    pack = Pack.open(os.path.join(settings.cache_dir, _cache_format()), key, name)
    start = time.time_ns()
    statuses = [status_of(path, start) for path, _ in every]
    file_keys = [settings.file_key(display) for _, display in every]
    order = [[display, index < len(files)] for index, (_, display) in enumerate(every)]
    stored = [pack.hit(display, status, file_key)
              for (_, display), status, file_key in zip(every, statuses, file_keys, strict=True)]
    if all(stored) and pack.unchanged(order):
        pack.touch()
        if progress is not None:
            progress(len(every), len(every))
        findings = [finding for hit in stored[: len(files)] if hit is not None for finding in hit.findings]
        return _capped(findings + pack.cross, settings)
    summaries = pack.summaries() if any(stored) else None
    if summaries is None:
        stored = [None] * len(every)
    used: list[str] = []
    missed = iter(_per_file_results([file for file, hit in zip(every, stored, strict=True) if hit is None],
                                    settings, jobs, used))
    results: list[tuple[list[Finding], list[dict]]] = []

    def each() -> Iterator[tuple[list[Finding], list[dict]]]:  # lazily, for the progress bar
        for hit in stored:
            result = (hit.findings, summaries[hit.index]) if hit is not None and summaries is not None else next(missed)
            results.append(result)
            yield result

    findings, cross = _collect(every, len(files), each(), settings, cross_enabled, progress, declared)
    if used:
        Cache(Path(settings.cache_dir), b"").prune(used)  # pruning reads no entry: it needs no key
    pack.write([(display, index < len(files), status, file_key, found, summary)
                for index, ((_, display), status, file_key, (found, summary))
                in enumerate(zip(every, statuses, file_keys, results, strict=True))], cross)
    return _capped(findings + cross, settings)


def _capped(findings: list[Finding], settings: Settings) -> list[Finding]:
    """The run's findings in order, each file capped again: cross-record rules can add any number."""
    from linter.cap import cap_each_file

    return sorted(cap_each_file(findings, settings.selection), key=Finding.sort_key)


def _cache_format() -> str:
    from linter.cache import FORMAT

    return FORMAT


def _collect(every: list[tuple[Path, str]], mine: int, results: Iterable, settings: Settings, cross_enabled: bool,
             progress: Callable[[int, int], None] | None, declared: bool = False
             ) -> tuple[list[Finding], list[Finding]]:
    """The per-file findings of the first ``mine`` files, and the cross-record findings of the run."""
    from linter.engine import lint_documents
    from linter.records import RecordSet
    from linter.rules import all_rules

    findings: list[Finding] = []
    summaries: list[Document] = []
    neighbour_summaries: list[Document] = []
    with fewer_collections():
        for index, ((_, display), (found, summary)) in enumerate(zip(every, results, strict=True)):
            if progress is not None:
                progress(index + 1, len(every))
            if index < mine:
                findings.extend(found)
            (summaries if index < mine else neighbour_summaries).extend(document_of(display, s) for s in summary)
    if not cross_enabled:
        return findings, []
    selection = settings.selection
    # unused-suppression too: a suppression of a cross-record rule is judged in this stage
    cross_only = selection.replace(
        select=frozenset(
            rule.slug
            for rule in all_rules()
            if (rule.cross_record or rule.slug == "unused-suppression") and selection.enabled(rule)
        ),
    )
    cross = lint_documents(summaries, selection=cross_only, today=settings.today,
                           record_set=RecordSet(summaries + neighbour_summaries, declared=declared), per_file=False)
    return findings, cross
