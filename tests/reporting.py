"""Helpers for the report tests: a RunSummary over fixture files or over records given as text."""

from __future__ import annotations

import textwrap
from pathlib import Path

from linter.discover import display_path
from linter.engine import lint_documents
from linter.findings import Finding, Severity, Span
from linter.load import load_bytes, load_file
from linter.report import RunSummary
from linter.rules import all_rules
from tests.conftest import FIXTURES

# The example record the stability tests edit: one unsourced figure (CL104) at /sides/0/strength.
UNSOURCED = """\
id: red-ford
conflict: Skirmish at Red Ford
date: {start: "1861"}
result: {text: Inconclusive}
sides:
  - combatants: [France]
    strength:
      - {about: 300}
  - combatants: [Prussia]
"""


def run_over(paths: list[Path]) -> RunSummary:
    documents = [load_file(path, display_path(path)) for path in paths]
    return RunSummary(files=len(documents), findings=tuple(lint_documents(documents)), rules=all_rules(),
                      paths=tuple(d.path for d in documents))


def invalid_run() -> RunSummary:
    """Every invalid fixture plus the valid ones, so clean files appear in the reports too."""
    return run_over(sorted((FIXTURES / "invalid").iterdir()) + sorted((FIXTURES / "valid").iterdir()))


def lint_record(text: str, path: str = "records/red-ford.yaml") -> list[Finding]:
    return lint_documents([load_bytes(textwrap.dedent(text).encode(), path, ".yaml")])


def summary_of(findings: list[Finding]) -> RunSummary:
    return RunSummary(files=len({f.path for f in findings}), findings=tuple(findings), rules=all_rules(),
                      paths=tuple(dict.fromkeys(f.path for f in findings)))


def finding(message: str = "a message", path: str = "records/a.yaml", line: int = 3,
            severity: Severity = Severity.ERROR, code: str = "CL104", rule: str = "figure-unsourced",
            pointer: str = "/sides/0/strength") -> Finding:
    return Finding(path=path, span=Span(line, 5, line, 9), code=code, rule=rule, severity=severity,
                   message=message, pointer=pointer)
