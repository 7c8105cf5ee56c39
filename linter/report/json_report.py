"""The JSON report: a documented contract (docs/json-output.md) other tools parse."""

from __future__ import annotations

import json

from linter import __version__
from linter.report import RunSummary

JSON_FORMAT_VERSION = 1


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
            }
            for f in run.findings
        ],
        "summary": {
            "files": run.files,
            "findings": len(run.findings),
            "by_severity": run.by_severity(),
            "by_rule": run.by_rule(),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
