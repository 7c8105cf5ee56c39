"""The human-readable report: ``path:line:column: CODE [slug] severity: message`` and a summary.

The ``full`` view adds each finding's source lines with a caret under its span.
"""

from __future__ import annotations

from linter.findings import Severity
from linter.report import RunSummary
from linter.report.escape import line_start, printable

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def summary_line(run: RunSummary) -> str:
    files = f"{run.files} file{'s' * (run.files != 1)}"
    if not run.findings:
        line = f"{files} checked, no findings."
    else:
        counts = ", ".join(f"{n} {label}{'s' * (n != 1)}" for label, n in run.by_severity().items() if n)
        line = f"{files} checked: {len(run.findings)} finding{'s' * (len(run.findings) != 1)} ({counts})."
    if run.baseline is not None:
        line += (f" Baseline: {run.baseline.matched} known finding{'s' * (run.baseline.matched != 1)} hidden,"
                 f" {run.baseline.gone} gone since it was written.")
    return line


def fix_line(run: RunSummary) -> str:
    """How many findings a fix run would repair, or '' when none: a line of its own, before the
    summary, so that the summary line reads as it always has."""
    counts = run.fix_counts()
    safe, every = counts["safe"], counts["safe"] + counts["unsafe"]
    if not every:
        return ""
    return f"[*] {safe} fixable with `--fix`, {every} with `--fix --unsafe-fixes`."


def fixed_line(run: RunSummary) -> str:
    n = run.fixed or 0
    return f"Fixed {n} finding{'s' * (n != 1)}."


def render(run: RunSummary, colour: bool = False, quiet: bool = False, full: bool = False) -> str:
    lines = []
    texts: dict[str, list[str]] = {}
    for f in run.findings:
        location = _paint(f"{line_start(f.path)}:{f.line}:{f.column}:", "1", colour)
        code = _paint(f.code, _COLOURS[f.severity], colour)
        # the severity in words on every line: without colour a warning must not read as an error
        severity = _paint(f"{f.severity.label}:", _COLOURS[f.severity], colour)
        mark = " [*]" if run.fixable(f) else ""
        lines.append(f"{location} {code}{mark} [{f.rule}] {severity} {printable(f.message)}")
        if full and run.source is not None:
            from linter.report.source_view import frame

            if f.path not in texts:
                text = run.source(f.path)
                texts[f.path] = text.splitlines() if text is not None else []
            lines += frame(f, texts[f.path])
    if not quiet:
        if run.fixed is not None:
            lines.append(fixed_line(run))
        if fix_line(run):
            lines.append(fix_line(run))
        lines.append(summary_line(run))
    return "\n".join(lines) + ("\n" if lines else "")
