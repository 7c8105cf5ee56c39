"""Write the HTML site of a run: an overview, a page per file, a page per rule, the records list.

Everything here is deterministic: pages are named from paths and rule slugs, lists are sorted,
and nothing of the moment (no clock, no absolute path of this machine) is written, so an
unchanged record set gives a byte-identical site.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from linter.findings import Finding, Severity
from linter.parallel import map_batches
from linter.report import RunSummary
from linter.report.html import pages
from linter.report.html.fixes import fix_views
from linter.report.html.infobox import view
from linter.report.html.source import source_lines
from linter.safe_io import write_atomic

FINDINGS_PER_PAGE = 200  # rule pages: enough to scan, small enough to load on a phone
FILES_PER_PAGE = 500
TOP_FILES = 20
TOP_DIRECTORIES = 30


class SourceFile(Protocol):
    """A file as the site shows it (linter.sources.SourceFile): plain values, sent to workers."""

    @property
    def text(self) -> str | None: ...
    @property
    def format(self) -> str: ...
    @property
    def records_json(self) -> str: ...  # a JSON array of the file's records
    @property
    def links(self) -> dict[str, str]: ...  # reference -> path of the record it names, where the run has it
    @property
    def same(self) -> list[list[str]]: ...  # per record: other files whose records share its id or name


class Sources(Protocol):
    """What the site needs to know of the files beyond their findings (see linter.sources)."""

    def source(self, path: str) -> SourceFile | None: ...


@dataclass
class FileRow:
    path: str
    page: str
    title: str
    format: str
    records: int
    counts: dict[str, int]  # severity label -> findings

    @property
    def total(self) -> int:
        return sum(self.counts.values())


_UNSAFE = re.compile(r"[^a-z0-9]+")


def page_of(path: str) -> str:
    """A file's page, named from its path: readable, safe on every file system, and unique
    (two paths that read alike after cleaning differ in the digest)."""
    readable = _UNSAFE.sub("-", path.lower()).strip("-")[-60:].lstrip("-") or "file"
    digest = hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"files/{readable}-{digest}.html"


def numbered(stem: str, number: int) -> str:
    return f"{stem}.html" if number == 1 else f"{stem}-{number}.html"


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def _counts(findings: Iterable[Finding]) -> dict[str, int]:
    counted = Counter(f.severity.label for f in findings)
    return {s.label: counted.get(s.label, 0) for s in sorted(Severity, reverse=True)}


def write_site(run: RunSummary, out_dir: Path, sources: Sources, settings: list[tuple[str, str]],
               jobs: int = 1) -> None:
    """Write the site into ``out_dir`` (created if needed); its front page is ``index.html``.
    Record pages, nearly all of the work, are written by ``jobs`` worker processes."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for sub in SUBDIRECTORIES:
        if (out_dir / sub).is_symlink():  # checked before the run too; a link made since is refused here
            raise OSError(f"{out_dir / sub} is a symbolic link: not written through")
        (out_dir / sub).mkdir(exist_ok=True)
    renderer = pages.Renderer()
    writer = _Writer(out_dir)
    writer.write("style.css", pages.stylesheet())

    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in run.findings:
        by_path[finding.path].append(finding)
    paths = sorted(set(run.paths) | set(by_path))
    rules = {rule.code: rule for rule in run.rules}

    tasks = ((path, by_path.get(path, []), sources.source(path)) for path in paths)
    rows: list[FileRow] = []
    for path, (title, file_format, count, counts) in zip(
            paths, map_batches(_record_pages, tasks, jobs, _start_worker, (out_dir,)), strict=True):
        rows.append(FileRow(path, page_of(path), title, file_format, count, counts))
        writer.written.add(page_of(path))
    records = sum(row.records for row in rows)

    _write_rule_pages(run, renderer, writer, rules)
    _write_file_lists(rows, renderer, writer)
    writer.write("index.html", renderer.overview(
        run=run, records=records, rows=rows, settings=settings, rules=rules,
        top=sorted((r for r in rows if r.total), key=lambda r: (-r.total, r.path))[:TOP_FILES],
        directories=_directories(rows), top_directories=TOP_DIRECTORIES))
    writer.remove_stale()


_WORKER: tuple[pages.Renderer, _Writer] | None = None


def _start_worker(out_dir: Path) -> None:
    global _WORKER
    _WORKER = (pages.Renderer(), _Writer(out_dir))


def _record_pages(tasks: Iterable[tuple[str, list[Finding], SourceFile | None]],
                  ) -> list[tuple[str, str, int, dict[str, int]]]:
    """Write the pages of a batch of files; (title, format, records, counts) of each, for the lists."""
    assert _WORKER is not None, "_start_worker runs first"
    renderer, writer = _WORKER
    done = []
    for path, found, source in tasks:
        records = json.loads(source.records_json) if source is not None else []
        links = source.links if source is not None else {}
        same = source.same if source is not None else []
        infoboxes = [(view(record, links.get), same[i]) for i, record in enumerate(records)]
        title = next((box.title for box, _ in infoboxes if box.title), "")
        row = FileRow(path, page_of(path), title, source.format if source else "", len(infoboxes), _counts(found))
        text = source.text if source else None
        lines, past_end = source_lines(text, found)
        writer.write(row.page, renderer.record_page(row=row, findings=found, lines=lines, past_end=past_end,
                                                    infoboxes=infoboxes, page_of=page_of,
                                                    fixes=fix_views(text, found)))
        done.append((title, row.format, row.records, row.counts))
    return done


def _write_rule_pages(run: RunSummary, renderer: pages.Renderer, writer: _Writer, rules: dict) -> None:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in run.findings:
        by_rule[finding.code].append(finding)
    for code, rule in sorted(rules.items()):
        found = by_rule.get(code, [])
        parts = chunks(found, FINDINGS_PER_PAGE)
        for number, part in enumerate(parts, 1):
            writer.write(f"rules/{numbered(rule.slug, number)}", renderer.rule_page(
                rule=rule, findings=part, total=len(found), number=number, pages=len(parts),
                first=(number - 1) * FINDINGS_PER_PAGE + 1, page_of=page_of))
    writer.write("rules.html", renderer.rules_index(rules=sorted(rules.values(), key=lambda r: r.code),
                                                    counts=Counter(f.code for f in run.findings)))


def _write_file_lists(rows: list[FileRow], renderer: pages.Renderer, writer: _Writer) -> None:
    parts = chunks(rows, FILES_PER_PAGE)
    for number, part in enumerate(parts, 1):
        writer.write(numbered("records", number), renderer.records_list(
            rows=part, number=number, pages=len(parts), total=len(rows), first=(number - 1) * FILES_PER_PAGE + 1))


def _directories(rows: list[FileRow]) -> list[tuple[str, int, int, dict[str, int]]]:
    """(directory, files, files with findings, findings by severity), most findings first."""
    grouped: dict[str, list[FileRow]] = defaultdict(list)
    for row in rows:
        grouped[os.path.dirname(row.path.replace("\\", "/")) or "."].append(row)
    table = []
    for directory, members in grouped.items():
        counts: Counter = Counter()
        for member in members:
            counts.update(member.counts)
        table.append((directory, len(members), sum(1 for m in members if m.total),
                      {s.label: counts.get(s.label, 0) for s in sorted(Severity, reverse=True)}))
    return sorted(table, key=lambda t: (-sum(t[3].values()), t[0]))


# The folders of a site, besides its top: neither may be a link (linter/output_paths.py).
SUBDIRECTORIES = ("files", "rules")

# Pages this site writes, by name: only these are removed when a later run no longer needs them.
_OWN_PAGE = re.compile(r"(files/.*-[0-9a-f]{10}|rules/[a-z-]+(-[0-9]+)?|records(-[0-9]+)?)\.html\Z")


class _Writer:
    """Writes the pages and, at the end, removes pages of an earlier run that this one did not
    write (a record deleted since), so the directory holds exactly this run's site."""

    def __init__(self, root: Path):
        self.root = root
        self.written: set[str] = set()

    def write(self, name: str, content: str) -> None:
        # a page is replaced whole (a link planted in its place is replaced, not written through)
        write_atomic(self.root / name, content)
        self.written.add(name)

    def remove_stale(self) -> None:
        for folder in ("files", "rules", "."):
            for entry in sorted(os.scandir(self.root / folder), key=lambda e: e.name):
                name = os.path.normpath(os.path.join(folder, entry.name)).replace(os.sep, "/")
                if entry.is_file() and _OWN_PAGE.match(name) and name not in self.written:
                    os.unlink(entry.path)
