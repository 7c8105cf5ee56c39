"""The JSON report: a documented contract (docs/json-output.md) other tools parse."""

from __future__ import annotations

import json

from linter import __version__
from linter.edits import Fix
from linter.report import RunSummary

JSON_FORMAT_VERSION = 1


def _fix(fix: Fix | None) -> dict | None:
    if fix is None:
        return None
    return {
        "applicability": fix.applicability,
        "message": fix.message,
        "edits": [{"line": e.span.line, "column": e.span.column, "end_line": e.span.end_line,
                   "end_column": e.span.end_column, "content": e.content} for e in fix.edits],
    }


def render(run: RunSummary) -> str:
    document = {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "conflict-lint", "version": __version__},
        "findings": [
            {
                "path": f.path,
                "line": f.span.line,
                "column": f.span.column,
                "end_line": f.span.end_line,
                "end_column": f.span.end_column,
                "code": f.code,
                "rule": f.rule,
                "severity": f.severity.label,
                "message": f.message,
                "pointer": f.pointer,
                "fix": _fix(f.fix),
            }
            for f in run.findings
        ],
        "summary": {
            "files": run.files,
            "findings": len(run.findings),
            "by_severity": run.by_severity(),
            "by_rule": run.by_rule(),
            "fixable": run.fix_counts(),
            "fixed": run.fixed,
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
