"""What a rule is: a module's metadata and check, gathered into one value."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from linter.findings import Severity
from linter.model.document import Document, Hit

if TYPE_CHECKING:
    from linter.edits import Fix
    from linter.findings import Finding
    from linter.records import RecordSet

RULE_CODE = re.compile(r"CL[0-9]{3}\Z")
RULE_SLUG = re.compile(r"[a-z]+(-[a-z]+)*\Z")

# What a rule reads, declared by its module as ``SCOPE`` (yamllint rules declare ``TYPE``): one
# record, or the other records of the run too. A cross-record rule runs over record summaries
# that carry only the top-level fields such rules declare in ``READS``.
RECORD = "record"
CROSS_RECORD = "cross-record"


class Context(NamedTuple):  # not a dataclass: defining one costs a start several times as much
    """What a check may know beyond its own record."""

    records: RecordSet
    today: datetime.date


Check = Callable[[Document, Context], Iterable[Hit]]
# Works out the repair of one of the rule's findings from the document it stands in
# (for rules reported by the loader or the schema stage, whose hits a rule cannot annotate).
Fixer = Callable[[Document, "Finding"], "Fix | None"]


class Rule(NamedTuple):  # not a frozen dataclass: defining one costs a start five times as much
    code: str
    slug: str
    severity: Severity
    summary: str
    doc: str
    check: Check | None
    aliases: tuple[str, ...] = ()
    stage: str = ""  # who reports a rule without a check of its own, when not the loader or schema
    fix: str = ""  # "safe" or "unsafe" when the rule offers fixes (module-level FIX), else ""
    # the module-level ``repair(doc, finding)`` that works out a finding's fix
    fixer: Fixer | None = None
    scope: str = RECORD
    reads: tuple[str, ...] = ()  # the top-level record fields a cross-record rule reads

    @property
    def cross_record(self) -> bool:
        return self.scope == CROSS_RECORD

    @property
    def reported_by(self) -> str:
        """Rules with no check of their own are reported by the loader or the schema stage."""
        return "rule" if self.check else self.stage or "loader or schema"

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        # A module docstring starts at the margin, so stripping is all the cleaning it needs
        # (inspect.cleandoc would cost the start-up of importing inspect).
        doc = (module.__doc__ or "").strip()
        code, slug = module.CODE, module.SLUG
        if not RULE_CODE.match(code) or not RULE_SLUG.match(slug):
            raise ValueError(f"{module.__name__}: bad rule code {code!r} or slug {slug!r}")
        scope = getattr(module, "SCOPE", RECORD)
        reads = tuple(getattr(module, "READS", ()))
        if scope not in (RECORD, CROSS_RECORD) or (scope == CROSS_RECORD) != bool(reads):
            raise ValueError(f"{module.__name__}: SCOPE is {RECORD!r} or {CROSS_RECORD!r}, and a "
                             "cross-record rule (only) names the fields it reads in READS")
        return cls(
            code=code,
            slug=slug,
            severity=module.SEVERITY,
            summary=doc.splitlines()[0].rstrip(".") if doc else "",
            doc=doc,
            check=getattr(module, "check", None),
            aliases=tuple(getattr(module, "ALIASES", ())),
            stage=getattr(module, "REPORTED_BY", ""),
            fix=getattr(module, "FIX", ""),
            fixer=getattr(module, "repair", None),
            scope=scope,
            reads=reads,
        )
