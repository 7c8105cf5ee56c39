"""Run the checks over loaded documents and turn their hits into findings.

The engine owns what rules must not: which rules run, at what severity, and where a hit
stands in the file. Rules only say what is wrong and at which JSON Pointer.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Iterable

from linter.findings import Finding, Severity
from linter.load.document import Document, Hit
from linter.records import RecordSet
from linter.rules import Context, Rule, all_rules, get_rule
from linter.schema import check_schema


class InternalError(Exception):
    """A check crashed on a file; the CLI reports it as a bug, with the file's path."""

    def __init__(self, path: str, rule: str, error: BaseException):
        super().__init__(f"internal error in rule {rule} on {path}: {type(error).__name__}: {error}")
        self.path = path


@dataclass
class Selection:
    """Which rules report, and at what severity; names may be codes, slugs or aliases."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        canonical = lambda names: frozenset(get_rule(n).slug for n in names)  # noqa: E731
        self.select = None if self.select is None else canonical(self.select)
        self.ignore = canonical(self.ignore)
        self.severity = {get_rule(n).slug: s for n, s in self.severity.items()}

    def enabled(self, rule: Rule) -> bool:
        if rule.slug in self.ignore:
            return False
        return self.select is None or rule.slug in self.select

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.slug, rule.severity)


def _finding(doc: Document, hit: Hit, rule: Rule, selection: Selection) -> Finding:
    if hit.span is not None:
        span = hit.span
    elif hit.text_range is not None:
        span = doc.span_within(hit.pointer, *hit.text_range)
    else:
        span = doc.span_of(hit.pointer, hit.at_key)
    return Finding(path=doc.path, span=span, code=rule.code, rule=rule.slug,
                   severity=selection.severity_of(rule), message=hit.message, pointer=hit.pointer)


def _hits(doc: Document, context: Context, checks: list[Rule], per_file: bool = True) -> Iterable[tuple[Hit, Rule]]:
    for hit in doc.problems if per_file else ():
        yield hit, get_rule(hit.rule)
    if doc.data is None:
        return
    for hit in check_schema(doc) if per_file else ():
        yield hit, get_rule(hit.rule)
    for rule in checks:
        try:
            for hit in rule.check(doc, context):
                yield hit, rule
        except Exception as error:  # a rule bug must name the file it met, not end the run silently
            raise InternalError(doc.path, rule.slug, error) from error


def lint_documents(
    documents: list[Document],
    *,
    selection: Selection | None = None,
    today: datetime.date | None = None,
    record_set: RecordSet | None = None,
    per_file: bool = True,
) -> list[Finding]:
    """Findings for every document, sorted by file and position.

    ``per_file=False`` runs only the rules' checks, not the loader problems and the schema: the
    runner (linter/runner.py) uses it to run cross-record rules over cached record summaries.
    """
    selection = selection or Selection()
    context = Context(records=record_set or RecordSet(documents), today=today or datetime.date.today())
    checks = [rule for rule in all_rules() if rule.check is not None and selection.enabled(rule)]
    findings = [
        _finding(doc, hit, rule, selection)
        for doc in documents
        for hit, rule in _hits(doc, context, checks, per_file)
        if selection.enabled(rule)
    ]
    return sorted(findings, key=Finding.sort_key)
