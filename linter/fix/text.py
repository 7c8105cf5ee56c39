"""Fix one text in passes: lint, apply the wanted fixes, and again until nothing changes."""

from __future__ import annotations

import dataclasses
import datetime
from collections import Counter
from dataclasses import dataclass, field

from linter.edits import AMBIGUOUS_BREAKS
from linter.engine import Selection
from linter.findings import Finding
from linter.fix.apply import apply_fixes, wanted
from linter.model.document import Document

MAX_PASSES = 10  # each pass fixes every finding that touches no other; chains are short
# Problems that mean a text no longer reads as the record it was.
_BREAKING = ("syntax-error", "multiple-documents", "duplicate-key", "no-infobox")


@dataclass
class TextFix:
    before: str
    after: str
    fixed: Counter = field(default_factory=Counter)  # fixes applied, by rule slug
    problem: str = ""  # why the text was left as it was, when it was

    @property
    def changed(self) -> bool:
        return self.after != self.before


def lint_once(text: str, display: str, suffix: str, selection: Selection, today: datetime.date
              ) -> tuple[list[Document], list[Finding]]:
    """The documents of a text and their per-file findings."""
    from linter.engine import lint_documents
    from linter.load import load_bytes, with_extra
    from linter.records import RecordSet

    records = with_extra(load_bytes(text.encode("utf-8"), display, suffix, max_bytes=len(text) * 4 + 1))
    return records, lint_documents(records, selection=selection, today=today, record_set=RecordSet(records))


def _breaks(records: list[Document]) -> Counter[str]:
    return Counter(hit.rule for doc in records for hit in doc.problems if hit.rule in _BREAKING)


def fix_text(text: str, display: str, suffix: str, *, selection: Selection, today: datetime.date, unsafe: bool,
             max_passes: int = MAX_PASSES) -> TextFix:
    """The text with its fixes applied, as long as it still reads as it did.

    ``selection`` must already leave out cross-record rules (``Selection.per_file``). The
    result must load with no new syntax problem and as many records, with data wherever the
    original had data; otherwise the text is kept and ``problem`` says why.
    """
    result = TextFix(text, text)
    if AMBIGUOUS_BREAKS.search(text):
        result.problem = "it holds line breaks that readers count differently (form feed, U+2028): not edited"
        return result
    original, findings = lint_once(text, display, suffix, selection, today)
    current = text
    for _ in range(max_passes):
        fixes = [(f.rule, f.fix) for f in findings if wanted(f, unsafe) and f.fix is not None]
        if not fixes:
            break
        applied = apply_fixes(current, fixes)
        if applied.text == current:
            break
        records, findings = lint_once(applied.text, display, suffix, selection, today)
        why = _still_reads(original, records)
        if why:
            result.problem = f"fixing it would leave a file that {why}: left as it was"
            return dataclasses.replace(result, after=text, fixed=Counter())
        current = applied.text
        result.fixed.update(applied.rules)
    result.after = current
    return result


def _still_reads(original: list[Document], records: list[Document]) -> str:
    if len(records) != len(original):
        return f"holds {len(records)} records instead of {len(original)}"
    for before, after in zip(original, records, strict=True):
        if before.data is not None and after.data is None:
            return "no longer parses"
    new = _breaks(records) - _breaks(original)
    if new:
        return f"has a new {min(new)} problem"
    return ""
