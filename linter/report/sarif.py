"""The SARIF 2.1.0 report, shaped for GitHub code scanning (docs/ci.md)."""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from urllib.parse import quote

from linter import __version__
from linter.findings import Finding, Severity
from linter.report import RunSummary
from linter.rules import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# The project's home page, as pyproject.toml's [project.urls] Homepage gives it (a test holds the
# two together); None while it declares none: conflict-lint is on no package index, and a made-up
# address would send a reader of the code-scanning alert nowhere. SARIF makes the field optional.
INFORMATION_URI: str | None = None
# Paths in findings are relative to the directory the linter ran in; consumers (GitHub resolves
# %SRCROOT% to the checkout) map this base to the repository root.
SRCROOT = "%SRCROOT%"
# Our own fingerprint (rule, path, JSON pointer, message; no line) under a versioned key, so
# code scanning keeps an alert open, not closed-and-reopened, when unrelated lines move.
FINGERPRINT_KEY = "conflictLint/v1"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SECTION = re.compile(r"^## (?P<title>.+)$", re.MULTILINE)


def doc_section(doc: str, title: str) -> str:
    """The body of one ``## title`` section of a rule's documentation ('' when absent)."""
    matches = list(_SECTION.finditer(doc))
    for i, match in enumerate(matches):
        if match.group("title").strip().lower() == title.lower():
            end = matches[i + 1].start() if i + 1 < len(matches) else len(doc)
            return doc[match.end():end].strip()
    return ""


def _rule_descriptor(rule: Rule) -> dict:
    full = " ".join(doc_section(rule.doc, "What it does").split()) or rule.summary
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": [rule.slug]},
    }


def _uri_path(path: PurePosixPath) -> str:
    # A file name that is not UTF-8 reaches us with its bytes as surrogates (os.fsdecode):
    # percent-encoding those bytes names the very file.
    return quote(path.as_posix(), errors="surrogateescape")


def _artifact_location(path: str) -> dict:
    posix = PurePosixPath(path)
    if posix.is_absolute():
        # Outside the working directory: no base to be relative to, so an absolute file URI.
        return {"uri": "file://" + _uri_path(posix)}
    return {"uri": _uri_path(posix), "uriBaseId": SRCROOT}


def _fix(finding: Finding) -> dict:
    """SARIF's ``fix``: replacements in the finding's file, and our applicability beside them."""
    assert finding.fix is not None
    replacements = []
    for edit in finding.fix.edits:
        span = edit.span
        replacements.append({
            "deletedRegion": {"startLine": span.line, "startColumn": span.column,
                              "endLine": span.end_line, "endColumn": span.end_column},
            "insertedContent": {"text": edit.content},
        })
    return {
        "description": {"text": finding.fix.message},
        "artifactChanges": [{"artifactLocation": _artifact_location(finding.path), "replacements": replacements}],
        "properties": {"applicability": finding.fix.applicability},
    }


def _result(finding: Finding, rule_index: int | None) -> dict:
    span = finding.span
    region = {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        # SARIF's endColumn is exclusive, as ours is; it must not precede startColumn on one line.
        "endColumn": max(span.end_column, span.column) if span.end_line == span.line else span.end_column,
    }
    result = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact_location(finding.path),
                                            "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint()},
        "properties": {"rule": finding.rule, "pointer": finding.pointer},
    }
    if finding.fix is not None:
        result["fixes"] = [_fix(finding)]
    if rule_index is None:  # a finding of a rule the run does not describe: say nothing wrong
        del result["ruleIndex"]
    return result


def render(run: RunSummary) -> str:
    rules = sorted(run.rules, key=lambda rule: rule.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "conflict-lint",
                "version": __version__,
                "semanticVersion": __version__,
                **({"informationUri": INFORMATION_URI} if INFORMATION_URI else {}),
                "rules": [_rule_descriptor(rule) for rule in rules],
            }},
            "originalUriBaseIds": {SRCROOT: {"description": {"text": "The directory conflict-lint ran in."}}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index.get(f.code)) for f in run.findings],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
