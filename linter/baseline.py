"""Baselines: record today's findings so that a run reports only new ones (docs/ci.md).

A finding matches a baseline entry by ``Finding.fingerprint()`` (rule, path, JSON pointer and
message, never the line), so edits elsewhere in a file keep old findings matched. Entries
carry a count: three identical findings in the baseline hide at most three.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
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


def dump(findings: Iterable[Finding]) -> str:
    """The baseline file's text: one entry per distinct fingerprint, sorted for stable diffs.

    Besides the fingerprint and count, each entry keeps the rule, path, pointer and message so a
    reviewer can read what the baseline accepts; only the fingerprint is used for matching.
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
    document = {"version": BASELINE_VERSION, "tool": {"name": "conflict-lint", "version": __version__},
                "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def parse(text: str, source: str = "baseline") -> Counter[str]:
    """Fingerprint -> count from a baseline file's text; ``BaselineError`` says what is wrong."""
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
    counts: Counter[str] = Counter()
    for entry in document["findings"]:
        counts[entry["fingerprint"]] += entry["count"]
    return counts


def load(path: Path) -> Counter[str]:
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
    return parse(text, str(path))


def apply(findings: Iterable[Finding], baseline: Counter[str]) -> Filtered:
    """The findings the baseline does not account for, and how many of its entries are gone."""
    remaining = Counter(baseline)
    new, matched = [], 0
    for finding in findings:
        fingerprint = finding.fingerprint()
        if remaining[fingerprint] > 0:
            remaining[fingerprint] -= 1
            matched += 1
        else:
            new.append(finding)
    return Filtered(new=new, matched=matched, gone=sum(remaining.values()))
