"""The GitLab Code Quality report (a JSON array of Code Climate issues); see docs/ci.md."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator

from linter.findings import Finding, Severity
from linter.report import RunSummary

# GitLab's scale is info < minor < major < critical < blocker. Our errors are wrong data, not
# broken builds or vulnerabilities, so they stop at major; critical and blocker stay unused.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def fingerprints(findings: Iterable[Finding]) -> Iterator[str]:
    """One fingerprint per finding: line-independent, and distinct even for identical findings.

    GitLab drops issues that share a fingerprint, so the n-th occurrence of the same finding
    (same rule, file, pointer and message) gets ``n`` mixed into its material.
    """
    seen: Counter[str] = Counter()
    for finding in findings:
        base = finding.fingerprint()
        seen[base] += 1
        yield hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()[:32]


def render(run: RunSummary) -> str:
    issues = [
        {
            "type": "issue",
            "check_name": f"{f.code} {f.rule}",
            "description": f"{f.code} [{f.rule}] {f.message}",
            "fingerprint": fingerprint,
            "severity": SEVERITIES[f.severity],
            "location": {"path": f.path, "lines": {"begin": f.span.line, "end": f.span.end_line}},
        }
        for f, fingerprint in zip(run.findings, fingerprints(run.findings), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
