"""A finding's fix as a record page shows it: how it applies and each edit, the text it
replaces beside the text it writes, as the text report's [*] and `--diff` tell it."""

from __future__ import annotations

from typing import NamedTuple

from linter.findings import Finding

# The marks of `conflict-lint rules`: [*] applied by --fix, [~] only with --unsafe-fixes.
MARKS = {"safe": "[*]", "unsafe": "[~]"}
APPLIED_BY = {"safe": "lint --fix", "unsafe": "lint --fix --unsafe-fixes"}


class EditView(NamedTuple):
    line: int
    column: int
    old: str  # the text replaced, as written ("" for an insertion)
    new: str  # the text written in its place ("" for a removal)


class FixView(NamedTuple):
    applicability: str
    mark: str
    applied_by: str
    message: str
    edits: list[EditView]


def fix_views(text: str | None, findings: list[Finding]) -> dict[int, FixView]:
    """The fix of each finding that has one, by the finding's number in its file (from 1)."""
    from linter.edits import Positions

    positions = Positions(text) if text else None
    views = {}
    for number, finding in enumerate(findings, 1):
        fix = finding.fix
        if fix is None:
            continue
        edits = []
        for edit in fix.edits:
            old = positions.slice(edit.span) if positions is not None else None
            edits.append(EditView(edit.span.line, edit.span.column, old or "", edit.content))
        views[number] = FixView(fix.applicability, MARKS.get(fix.applicability, "[?]"),
                                APPLIED_BY.get(fix.applicability, ""), fix.message, edits)
    return views
