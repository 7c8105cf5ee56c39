"""Reporters: pure functions from findings (and rule metadata) to text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

from linter.findings import Finding, Severity
from linter.rules import Rule


@dataclass(frozen=True)
class RunSummary:
    """What a reporter may say about the run beyond its findings."""

    files: int
    findings: tuple[Finding, ...]
    rules: tuple[Rule, ...]

    def by_severity(self) -> dict[str, int]:
        counts = Counter(f.severity.label for f in self.findings)
        return {s.label: counts.get(s.label, 0) for s in sorted(Severity, reverse=True)}

    def by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(f.rule for f in self.findings).items()))


Reporter = Callable[[RunSummary], str]


def reporter(name: str) -> Reporter:
    from linter.report import json_report, text

    return {"text": text.render, "json": json_report.render}[name]


FORMATS = ("text", "json")
