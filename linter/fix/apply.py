"""Apply fixes to one text: edits resolved to offsets, overlapping fixes deferred to a later pass."""

from __future__ import annotations

from dataclasses import dataclass

from linter.edits import SAFE, Fix, Positions
from linter.findings import Finding


def wanted(finding: Finding, unsafe: bool) -> bool:
    """Whether a run applies the finding's fix: safe ones always, unsafe ones when asked."""
    return finding.fix is not None and (unsafe or finding.fix.applicability == SAFE)


@dataclass(frozen=True)
class Applied:
    text: str
    rules: tuple[str, ...]  # the rule of every fix applied, once per fix
    deferred: int  # fixes left for the next pass because they touch one applied already


def apply_fixes(text: str, fixes: list[tuple[str, Fix]]) -> Applied:
    """The text with every fix applied that touches no other fix applied before it.

    ``fixes`` are (rule slug, fix) pairs, taken in order of position. Two fixes conflict when
    their edits overlap or touch (an insertion at the end of another's replacement included):
    the later one is deferred, to be worked out again on the changed text. A fix identical to
    one applied is counted as applied: two findings can ask for the same repair.
    """
    positions = Positions(text)
    resolved = []
    for rule, fix in fixes:
        found = [positions.offsets(edit.span) for edit in fix.edits]
        ranges = [r for r in found if r is not None]
        if not fix.edits or len(ranges) != len(found):
            continue  # an edit outside the text: the finding's file has changed since
        resolved.append((min(r[0] for r in ranges), rule, fix, ranges))
    resolved.sort(key=lambda item: item[0])
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, str]] = []
    done: set[tuple] = set()
    rules, deferred = [], 0
    for _, rule, fix, ranges in resolved:
        if fix.edits in done:
            rules.append(rule)
            continue
        own = sorted(zip(ranges, (edit.content for edit in fix.edits), strict=True))
        if any(own[i][0][1] > own[i + 1][0][0] for i in range(len(own) - 1)) or any(
                start <= t_end and t_start <= end for start, end in (r for r, _ in own) for t_start, t_end in taken):
            deferred += 1
            continue
        done.add(fix.edits)
        rules.append(rule)
        taken.extend(r for r, _ in own)
        chosen.extend((start, end, content) for (start, end), content in own)
    for start, end, content in sorted(chosen, reverse=True):
        text = text[:start] + content + text[end:]
    return Applied(text, tuple(rules), deferred)
