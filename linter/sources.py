"""The files of a run read again for reports that show them (the HTML site): each file's text
and records, and the records its references name.

Reporters know nothing of YAML or wikitext; this module loads the files with the linter's own
loaders and hands a reporter plain values. Every file is loaded once, in worker processes for
a large run. Its records are kept as compact JSON, not as loaded documents (a document with
its positions takes tens of kilobytes, which for 25,000 records would be gigabytes).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from linter.limits import MAX_FILE_BYTES
from linter.model.document import Document
from linter.parallel import map_batches
from linter.records import RecordSet, normalise_name

REFERENCE_FIELDS = ("part_of", "see_also")


class SourceFile(NamedTuple):
    """A file as a reporter shows it; plain values only, so it can go to a worker process."""

    text: str | None  # None when the file is not text (unreadable, binary, too large)
    format: str
    records_json: str  # the file's records, a JSON array of objects
    links: dict[str, str]  # each reference of its records -> the path of the record it names
    same: list[list[str]]  # per record: the other files whose records share its id or conflict name


class _Read(NamedTuple):
    format: str
    text: str | None
    records_json: str
    keys: list[dict]  # per record: its id and conflict, what references resolve by
    references: list[str]


def _json_safe(value: Any) -> Any:
    # Keys that are not strings (YAML allows them) would stop json.dumps; a reader sees them as text.
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def _listed(value: Any) -> list:
    return value if isinstance(value, list) else []


def _read(path: Path, display: str, max_file_size: int) -> _Read:
    from linter.load import load_file, with_extra

    doc = load_file(path, display, max_file_size)
    records = [d.record for d in with_extra(doc) if d.record is not None]
    try:
        packed = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        packed = json.dumps(_json_safe(records), ensure_ascii=False, separators=(",", ":"), default=str)
    keys = [{name: r[name] for name in ("id", "conflict") if isinstance(r.get(name), str)} for r in records]
    references = [ref for r in records for name in REFERENCE_FIELDS
                  for ref in _listed(r.get(name)) if isinstance(ref, str)]
    text = doc.text if doc.text or not doc.problems else None
    return _Read(doc.format, text, packed, keys, references)


_MAX_FILE_SIZE = MAX_FILE_BYTES


def _start(max_file_size: int) -> None:
    global _MAX_FILE_SIZE
    _MAX_FILE_SIZE = max_file_size


def _read_batch(batch: Sequence[tuple[Path, str]]) -> list[_Read]:
    return [_read(path, display, _MAX_FILE_SIZE) for path, display in batch]


class RunFiles:
    """The run's files, loaded once, looked up by display path."""

    def __init__(self, files: Sequence[tuple[Path, str]], max_file_size: int = MAX_FILE_BYTES,
                 neighbours: Sequence[tuple[Path, str]] = (), jobs: int = 1):
        mine = {display for _, display in files}
        # Records of the configured roots resolve references too, but have no page of their own.
        every = list(files) + [(p, d) for p, d in neighbours if d not in mine]
        self._read: dict[str, _Read] = {}
        self._index = RecordSet()
        for (_, display), read in zip(
            every, map_batches(_read_batch, every, jobs, _start, (max_file_size,)), strict=True
        ):
            if display in mine:
                self._read[display] = read
            for keys in read.keys:
                # The index needs only what it looks records up by; the record is not kept twice.
                self._index.add(Document(path=display, format="index", data=keys))

    def source(self, path: str) -> SourceFile | None:
        read = self._read.get(path)
        if read is None:
            return None
        links = {}
        for reference in read.references:
            found = self._index.resolve(reference)
            if found is not None:
                links[reference] = found.path
        same = [self._same(path, keys) for keys in read.keys]
        return SourceFile(read.text, read.format, read.records_json, links, same)

    def _same(self, path: str, keys: dict) -> list[str]:
        others: set[str] = set()
        for name in keys.values():
            if name.strip():
                others.update(doc.path for doc in self._index.by_key.get(normalise_name(name), ()) if doc.path != path)
        return sorted(others)
