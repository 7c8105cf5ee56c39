"""The findings-per-file limit (MAX_FINDINGS_PER_FILE, docs/security.md).

A file is capped twice: by the per-file stage, so that its cache entry and what a worker sends
back stay small, and again once the cross-record rules (duplicate-record, partof-unresolved,
see-also-unresolved...) have added theirs, so that no rule can make a file's report unbounded.
Each time the kept findings are the first in file order, and one `limit-exceeded` finding
counts every finding dropped, those of the first cap included.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from linter.findings import FILE_START, Finding
from linter.lazy_regex import compile_lazily
from linter.limits import MAX_FINDINGS_PER_FILE

if TYPE_CHECKING:
    from linter.engine import Selection

_SLUG = "limit-exceeded"
_MESSAGE = ("{dropped:,} more findings in this file are not reported: at most {limit:,} are kept per file; "
            "fix these and run again")
# The count a cap finding carries: its message is the only place it can travel in, through
# the cache and the worker pool, so it is read back from there.
_DROPPED = compile_lazily(r"([0-9,]+) more findings in this file are not reported: ")


def _dropped_by(finding: Finding) -> int | None:
    """How many findings an earlier cap dropped, when ``finding`` is that cap's finding."""
    if finding.rule != _SLUG:
        return None
    match = _DROPPED.match(finding.message)
    return int(match.group(1).replace(",", "")) if match else None


def cap_file(findings: list[Finding], display: str, selection: Selection) -> list[Finding]:
    """A file's findings (in file order) capped at MAX_FINDINGS_PER_FILE, with one more that
    counts the rest, earlier caps' counts included."""
    dropped = 0
    kept = []
    for finding in findings:
        earlier = _dropped_by(finding)
        if earlier is None:
            kept.append(finding)
        else:
            dropped += earlier
    if len(kept) <= MAX_FINDINGS_PER_FILE and not dropped:
        return findings
    kept.sort(key=Finding.sort_key)
    dropped += max(0, len(kept) - MAX_FINDINGS_PER_FILE)
    from linter.rules import get_rule

    rule = get_rule(_SLUG)
    return kept[:MAX_FINDINGS_PER_FILE] + [Finding(
        path=display, span=FILE_START, code=rule.code, rule=rule.slug, severity=selection.severity_of(rule),
        message=_MESSAGE.format(dropped=dropped, limit=MAX_FINDINGS_PER_FILE))]


def cap_each_file(findings: list[Finding], selection: Selection) -> list[Finding]:
    """Every file's findings capped; files within the limit pass untouched, in one pass."""
    per_file = Counter(finding.path for finding in findings)
    over = {path for path, count in per_file.items() if count > MAX_FINDINGS_PER_FILE}
    if not over:
        return findings
    by_path: dict[str, list[Finding]] = {path: [] for path in over}
    result = []
    for finding in findings:
        if finding.path in over:
            by_path[finding.path].append(finding)
        else:
            result.append(finding)
    for path, found in by_path.items():
        result.extend(cap_file(found, path, selection))
    return result
