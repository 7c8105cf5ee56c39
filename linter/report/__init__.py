"""Reporters: pure functions from findings (and rule metadata) to text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from linter.findings import Finding, Severity

if TYPE_CHECKING:  # the CLI reads FORMATS at startup; the rule registry can wait
    from linter.rules import Rule


class BaselineCounts(NamedTuple):  # not a frozen dataclass: defining one costs a start five times as much
    matched: int
    gone: int


class RunSummary(NamedTuple):  # not a frozen dataclass: defining one costs a start five times as much
    """What a reporter may say about the run beyond its findings."""

    files: int
    findings: tuple[Finding, ...]
    rules: tuple[Rule, ...]
    # The display paths of the files checked, so reports can show clean files too (JUnit).
    paths: tuple[str, ...] = ()
    # Set when a baseline filtered the findings: how many it hid and how many of its entries
    # no longer occur (fixed since the baseline was written).
    baseline: BaselineCounts | None = None
    # A checked file's text by its display path (None when it cannot be read), for reports
    # that quote the source; the caller knows where it came from (disk or standard input).
    source: Callable[[str], str | None] | None = None
    # Findings at or above this severity make the run fail (--fail-on); None: nothing does.
    fail_on: Severity | None = Severity.ERROR
    # Whether unsafe fixes count as applicable (--unsafe-fixes), and, in a --fix run, how many
    # findings the fixes repaired before these findings were found.
    unsafe_fixes: bool = False
    fixed: int | None = None

    def fixable(self, finding: Finding) -> bool:
        """Whether a fix run with this run's options would repair the finding."""
        return finding.fix is not None and (self.unsafe_fixes or finding.fix.applicability == "safe")

    def fix_counts(self) -> dict[str, int]:
        """How many findings ``--fix`` and ``--fix --unsafe-fixes`` would repair (before overlaps)."""
        safe = sum(1 for f in self.findings if f.fix is not None and f.fix.applicability == "safe")
        every = sum(1 for f in self.findings if f.fix is not None)
        return {"safe": safe, "unsafe": every - safe}

    def by_severity(self) -> dict[str, int]:
        counts = Counter(f.severity.label for f in self.findings)
        return {s.label: counts.get(s.label, 0) for s in sorted(Severity, reverse=True)}

    def by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(f.rule for f in self.findings).items()))


Reporter = Callable[[RunSummary], str]


# Format name -> module (in this package) whose ``render(run)`` writes it; imported on demand.
_MODULES = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
}

FORMATS = tuple(_MODULES)
# Reports that are a directory of pages rather than one text: only ``--output FORMAT:DIR``.
SITE_FORMATS = ("html",)


def reporter(name: str) -> Reporter:
    import importlib

    return importlib.import_module(f"{__name__}.{_MODULES[name]}").render


def rule_index(run: RunSummary) -> dict[str, Rule]:
    """The run's rules by code, for reporters that describe the rules they cite."""
    return {rule.code: rule for rule in run.rules}
