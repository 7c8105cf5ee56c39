"""Baselines: record today's findings so that a run reports only new ones (docs/ci.md).

A finding matches a baseline entry by ``Finding.fingerprint()`` (rule, path, JSON pointer and
message, never the line), so edits elsewhere in a file keep old findings matched. Entries
carry a count: three identical findings in the baseline hide at most three. Entries also name
their file (``path``), so that a run over some files judges and rewrites only those files' entries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from linter import __version__
from linter.findings import Finding

BASELINE_VERSION = 1

# The file is a contract (users commit it), so it is validated, not trusted.
_SCHEMA = {
    "type": "object",
    "required": ["version", "findings"],
    "properties": {
        "version": {"const": BASELINE_VERSION},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["fingerprint", "count"],
                "properties": {
                    "fingerprint": {"type": "string", "minLength": 1},
                    "count": {"type": "integer", "minimum": 1},
                    "path": {"type": "string"},
                },
            },
        },
    },
}


class BaselineError(ValueError):
    """The baseline file cannot be read or is not a conflict-lint baseline."""


@dataclass(frozen=True)
class Filtered:
    new: list[Finding]
    matched: int
    gone: int


def dump(findings: Iterable[Finding], kept: Iterable[dict] = ()) -> str:
    """The baseline file's text: one entry per distinct fingerprint, sorted for stable diffs.

    Besides the fingerprint and count, each entry keeps the rule, path, pointer and message so a
    reviewer can read what the baseline accepts; the fingerprint is used for matching, the path
    to tell which files an entry belongs to. ``kept`` are entries of an earlier baseline for
    files not checked this time, written back as they were.
    """
    counts: Counter[str] = Counter()
    first: dict[str, Finding] = {}
    for finding in findings:
        fingerprint = finding.fingerprint()
        counts[fingerprint] += 1
        first.setdefault(fingerprint, finding)
    entries = [
        {"fingerprint": fp, "count": counts[fp], "code": f.code, "rule": f.rule, "path": f.path,
         "pointer": f.pointer, "message": f.message}
        for fp, f in sorted(first.items(), key=lambda item: (item[1].sort_key(), item[0]))
    ]
    entries = sorted([*entries, *kept], key=lambda entry: (entry.get("path", ""), entry["fingerprint"]))
    document = {"version": BASELINE_VERSION, "tool": {"name": "conflict-lint", "version": __version__},
                "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def parse(text: str, source: str = "baseline") -> Counter[str]:
    """Fingerprint -> count from a baseline file's text; ``BaselineError`` says what is wrong."""
    return counts_of(entries_of(text, source))


def counts_of(entries: Iterable[dict]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for entry in entries:
        counts[entry["fingerprint"]] += entry["count"]
    return counts


def entries_of(text: str, source: str = "baseline") -> list[dict]:
    """The validated entries of a baseline file's text; ``BaselineError`` says what is wrong."""
    import jsonschema

    try:
        document = json.loads(text)
    except RecursionError:
        raise BaselineError(f"{source}: nested too deeply to be a baseline; write one with "
                            "`conflict-lint baseline`") from None
    except ValueError as error:
        raise BaselineError(f"{source}: not JSON ({error}); write one with `conflict-lint baseline`") from None
    problem = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(_SCHEMA).iter_errors(document))
    if problem is not None:
        where = "/".join(str(part) for part in problem.absolute_path)
        raise BaselineError(f"{source}: not a conflict-lint baseline (version {BASELINE_VERSION}): "
                            f"{'at /' + where + ': ' if where else ''}{problem.message}; "
                            f"write a new one with `conflict-lint baseline`")
    return document["findings"]


def load(path: Path) -> Counter[str]:
    return counts_of(load_entries(path))


def load_entries(path: Path) -> list[dict]:
    from linter.limits import MAX_BASELINE_BYTES
    from linter.safe_io import read_regular

    try:
        raw = read_regular(path, MAX_BASELINE_BYTES)
        if len(raw) > MAX_BASELINE_BYTES:
            raise BaselineError(f"baseline {path} is over the {MAX_BASELINE_BYTES:,}-byte limit for a baseline")
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise BaselineError(f"cannot read baseline {path}: {reason}") from None
    return entries_of(text, str(path))


def apply(findings: Iterable[Finding], baseline: Counter[str], entries: Iterable[dict] = (),
          checked: Iterable[str] | None = None) -> Filtered:
    """The findings the baseline does not account for, and how many of its entries are gone.

    With ``checked`` (the display paths of this run's files) and the baseline's ``entries``,
    only entries of checked files can be gone: a run over one file says nothing of the others.
    """
    remaining = Counter(baseline)
    new, matched = [], 0
    for finding in findings:
        fingerprint = finding.fingerprint()
        if remaining[fingerprint] > 0:
            remaining[fingerprint] -= 1
            matched += 1
        else:
            new.append(finding)
    if checked is not None:
        checked = set(checked)
        elsewhere = {entry["fingerprint"] for entry in entries if entry.get("path", "") not in checked
                     and "path" in entry}
        return Filtered(new=new, matched=matched,
                        gone=sum(n for fingerprint, n in remaining.items() if fingerprint not in elsewhere))
    return Filtered(new=new, matched=matched, gone=sum(remaining.values()))


@dataclass(frozen=True)
class Update:
    text: str
    added: int  # findings recorded that the old baseline did not hold
    removed: int  # entries' findings of the checked files that no longer occur
    kept: int  # findings recorded for files not checked this time, left as they were
    dropped: int  # findings recorded for files that no longer exist


def update(findings: list[Finding], old: list[dict], checked: Iterable[str],
           exists: Callable[[str], bool] | None = None) -> Update:
    """A baseline for this run's findings that keeps the old entries of files it did not check.

    Entries of files that no longer exist (``exists(path)`` false) are dropped too: a deleted
    or renamed file's findings cannot come back under that name unnoticed.
    """
    checked = set(checked)
    exists = exists or os.path.exists
    others = [entry for entry in old if "path" in entry and entry["path"] not in checked]
    kept = [entry for entry in others if exists(entry["path"])]
    other_ids = {id(entry) for entry in others}
    replaced = counts_of(entry for entry in old if id(entry) not in other_ids)
    now = Counter(finding.fingerprint() for finding in findings)
    return Update(text=dump(findings, kept), added=sum((now - replaced).values()),
                  removed=sum((replaced - now).values()), kept=sum(entry["count"] for entry in kept),
                  dropped=sum(entry["count"] for entry in others) - sum(entry["count"] for entry in kept))
