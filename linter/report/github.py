"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

The escaping is GitHub's own (actions/toolkit, ``command.ts``): message data escapes ``%``,
CR and LF; property values additionally escape ``:`` and ``,``, which delimit properties. Before
that, every control character is shown as an escape (``escape.printable``), so that nothing a
pull request puts in a file name or a value reaches the log as a terminal sequence.
"""

from __future__ import annotations

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


def render(run: RunSummary) -> str:
    return "".join(command(f) + "\n" for f in run.findings)
