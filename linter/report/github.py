"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

The escaping is GitHub's own (actions/toolkit, ``command.ts``): message data escapes ``%``,
CR and LF; property values additionally escape ``:`` and ``,``, which delimit properties. Before
that, every control character is shown as an escape (``escape.printable``), so that nothing a
pull request puts in a file name or a value reaches the log as a terminal sequence.
"""

from __future__ import annotations

from collections import Counter

from linter.findings import Finding, Severity
from linter.report import RunSummary
from linter.report.escape import printable

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return printable(text, keep_line_breaks=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    span = finding.span
    properties = {
        "file": finding.path,
        "line": span.line,
        "col": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "title": f"{finding.code} {finding.rule}",
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{_COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


# GitHub shows at most this many annotations of each type (error, warning, notice) per step
# (and 50 per job); the rest are in the log only.
SHOWN_PER_TYPE = 10


def limit_note(run: RunSummary) -> str | None:
    """A plain log line saying which findings GitHub will not annotate, when some will not be."""
    counts = Counter(_COMMANDS[f.severity] for f in run.findings)
    over = {kind: n for kind, n in counts.items() if n > SHOWN_PER_TYPE}
    if not over:
        return None
    listed = ", ".join(f"{n} {kind}s" for kind, n in sorted(over.items()))
    hidden = sum(n - SHOWN_PER_TYPE for n in over.values())
    return (f"conflict-lint: GitHub shows only the first {SHOWN_PER_TYPE} annotations of each type per step: "
            f"of {listed}, {hidden} {'is' if hidden == 1 else 'are'} not annotated. "
            "Every finding is in this log; upload the SARIF "
            "report to code scanning to see them all on the pull request (docs/ci.md).")


def render(run: RunSummary) -> str:
    note = limit_note(run)
    return "".join(command(f) + "\n" for f in run.findings) + (note + "\n" if note else "")
