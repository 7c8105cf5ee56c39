"""Run the checks over loaded documents and turn their hits into findings.

The engine owns what rules must not: which rules run, at what severity, and where a hit
stands in the file. Rules only say what is wrong and at which JSON Pointer.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable
from typing import Any

from linter.errors import InternalError
from linter.findings import Finding, Severity
from linter.model.document import Document, Hit
from linter.records import RecordSet
from linter.rules import Context, Rule, all_rules, get_rule
from linter.schema import check_schema
from linter.suppress import Suppression, parse_suppressions


class Selection:
    """Which rules report, and at what severity; names may be codes, slugs or aliases, and are
    kept as slugs. A plain class: a dataclass costs every start the generation of its methods."""

    FIELDS = ("select", "ignore", "severity", "per_path", "relative")
    __slots__ = (*FIELDS, "_checks")

    def __init__(
        self,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        severity: dict[str, Severity] | None = None,
        # glob -> rules not reported in the files it matches; ``relative`` maps a path for matching
        per_path: dict[str, Iterable[str]] | None = None,
        relative: Callable[[str], str] = str,
    ):
        canonical = lambda names: frozenset(get_rule(n).slug for n in names)  # noqa: E731
        self.select: frozenset[str] | None = None if select is None else canonical(select)
        self.ignore: frozenset[str] = canonical(ignore)
        self.severity: dict[str, Severity] = {get_rule(n).slug: s for n, s in (severity or {}).items()}
        self.per_path: dict[str, frozenset[str]] = {glob: canonical(names) for glob, names in (per_path or {}).items()}
        self.relative = relative
        self._checks: list[Rule] | None = None  # see checks()

    def replace(self, **changes: Any) -> Selection:
        return Selection(**{name: changes.get(name, getattr(self, name)) for name in self.FIELDS})

    def per_file(self) -> Selection:
        """The selection without the cross-record rules, for a stage (or a fix pass) that lints
        one file on its own."""
        cross = {rule.slug for rule in all_rules() if rule.cross_record}
        return self.replace(ignore=self.ignore | cross)

    def __repr__(self) -> str:
        return "Selection(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS) + ")"

    def enabled(self, rule: Rule, path: str | None = None) -> bool:
        if rule.slug in self.ignore:
            return False
        if path is not None and rule.slug in self.ignored_in(path):
            return False
        return self.select is None or rule.slug in self.select

    def checks(self) -> list[Rule]:
        """The enabled rules with a check of their own, in code order: worked out on first use,
        as a run lints file after file with one selection."""
        if self._checks is None:
            self._checks = [rule for rule in all_rules() if rule.check is not None and self.enabled(rule)]
        return self._checks

    def ignored_in(self, path: str) -> frozenset[str]:
        if not self.per_path:  # asked for every finding: most runs have no per-file ignores
            return frozenset()
        from linter.config import matches_any

        relative = self.relative(path)
        return frozenset(slug for glob, slugs in self.per_path.items() if matches_any(relative, (glob,))
                         for slug in slugs)

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.slug, rule.severity)


def _finding(doc: Document, hit: Hit, rule: Rule, selection: Selection) -> Finding:
    if hit.span is not None:
        span = hit.span
    elif hit.text_range is not None:
        span = doc.span_within(hit.pointer, *hit.text_range)
    else:
        span = doc.span_of(hit.pointer, hit.at_key)
    finding = Finding(path=doc.path, span=span, code=rule.code, rule=rule.slug,
                      severity=selection.severity_of(rule), message=hit.message, pointer=hit.pointer, fix=hit.fix)
    return with_fix(doc, finding, rule)


def with_fix(doc: Document, finding: Finding, rule: Rule) -> Finding:
    """The finding with the fix its rule's fixer works out, when it has none yet.

    Only a document with its text can be fixed: the cross-record stage sees summaries."""
    fixer = rule.fixer
    if finding.fix is not None or fixer is None or not doc.text:
        return finding
    try:
        fix = fixer(doc, finding)
    except Exception as error:  # a fixer bug must name the file it met, like a rule bug
        raise InternalError(doc.path, f"the fix of {rule.slug}", error) from error
    return finding if fix is None else finding._replace(fix=fix)


def _hits(doc: Document, context: Context, checks: list[Rule], per_file: bool = True) -> Iterable[tuple[Hit, Rule]]:
    for hit in doc.problems if per_file else ():
        yield hit, get_rule(hit.rule)
    if doc.data is None:
        return
    for hit in check_schema(doc) if per_file else ():
        yield hit, get_rule(hit.rule)
    for rule in checks:
        if rule.check is None:  # checks holds only rules with a check of their own
            continue
        try:
            for hit in rule.check(doc, context):
                yield hit, rule
        except Exception as error:  # a rule bug must name the file it met, not end the run silently
            raise InternalError(doc.path, f"rule {rule.slug}", error) from error


def suppressions_of(doc: Document) -> list[Suppression]:
    """The inline suppressions of a document (only YAML records have comments)."""
    if doc.suppressions is not None:
        return doc.suppressions
    if doc.format != "yaml" or "conflict-lint:" not in doc.text:
        return []
    return parse_suppressions(doc.text, _string_locator(doc))


def _apply_suppressions(doc: Document, findings: list[Finding], selection: Selection, per_file: bool = True
                        ) -> list[Finding]:
    """Drop the findings that inline comments suppress; report the suppressions that suppressed nothing.

    The cross-record stage (``per_file=False``) leaves names that are no rule to the per-file
    stage, which has reported them already."""
    suppressions = suppressions_of(doc)
    if not suppressions:
        return findings
    kept = _unsuppressed(findings, suppressions)
    unused_rule = get_rule("unused-suppression")
    if not selection.enabled(unused_rule, doc.path):
        return kept
    unused = []
    for suppression in suppressions:
        for name, span in suppression.names.items():
            if name in suppression.used:
                continue
            try:
                rule = get_rule(name)
            except KeyError:
                if not per_file:
                    continue
                message = f"'{name}' is not a rule, so this suppression suppresses nothing"
            else:
                if not selection.enabled(rule, doc.path):
                    continue  # the settings already turn it off here
                where = "in this file" if suppression.kind == "disable-file" else f"on line {suppression.target_line}"
                message = f"{rule.slug} reports nothing {where}: remove '{name}' from the suppression"
            unused.append(with_fix(doc, Finding(path=doc.path, span=span, code=unused_rule.code,
                                                rule=unused_rule.slug, severity=selection.severity_of(unused_rule),
                                                message=message), unused_rule))
    return kept + _unsuppressed(unused, suppressions)


def _string_locator(doc: Document) -> Callable[[int, int], bool]:
    # String spans by the lines they cover, so each comment is checked against its own line's
    # strings only: a file of N suppression comments and N strings is not N x N.
    by_line: dict[int, list] = {}
    for pointer, span in doc.value_spans.items():
        if isinstance(doc.value_at(pointer), str):
            for line in range(span.line, span.end_line + 1):
                by_line.setdefault(line, []).append(span)

    def in_string(line: int, column: int) -> bool:
        return any((s.line, s.column) <= (line, column) < (s.end_line, s.end_column) for s in by_line.get(line, ()))
    return in_string


def _unsuppressed(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    def canonical(name: str) -> str:
        try:
            return get_rule(name).slug
        except KeyError:
            return name

    # (line or None for the whole file, rule) -> the suppressions naming it there: one look-up
    # per finding, and each suppression marked used once, so N findings and N comments stay linear
    index: dict[tuple[int | None, str], list[tuple[Suppression, str]]] = {}
    for suppression in suppressions:
        for name in suppression.names:
            index.setdefault((suppression.target_line, canonical(name)), []).append((suppression, name))
    marked: set[tuple[int | None, str]] = set()
    kept = []
    for finding in findings:
        keys = [key for key in ((None, finding.rule), (finding.line, finding.rule)) if key in index]
        for key in keys:
            if key not in marked:
                marked.add(key)
                for suppression, name in index[key]:
                    suppression.used.add(name)
        if not keys:
            kept.append(finding)
    return kept


@functools.lru_cache(maxsize=1)
def _default_selection() -> Selection:
    """Every rule at its own severity: one selection for every call that names none."""
    return Selection()


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
    selection = selection or _default_selection()
    context = Context(records=record_set or RecordSet(documents), today=today or datetime.date.today())
    checks = selection.checks()
    findings = []
    for doc in documents:
        found = [_finding(doc, hit, rule, selection) for hit, rule in _hits(doc, context, checks, per_file)
                 if selection.enabled(rule, doc.path)]
        findings += _apply_suppressions(doc, found, selection, per_file)
    return sorted(findings, key=Finding.sort_key)
