"""The ``--statistics`` table: how many findings each rule produced, most frequent first."""

from __future__ import annotations

from collections import Counter

from linter.report import RunSummary, rule_index


def render(run: RunSummary) -> str:
    counts = Counter((f.code, f.rule, f.severity.label) for f in run.findings)
    if not counts:
        return ""
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    rules = rule_index(run)
    width = len(str(rows[0][1]))
    slug_width = max(len(slug) for (_, slug, _), _ in rows)
    lines = []
    for (code, slug, severity), count in rows:
        summary = rules[code].summary if code in rules else ""
        lines.append(f"{count:>{width}}  {code}  {slug:<{slug_width}}  {severity:<7}  {summary}".rstrip())
    return "\n".join(lines) + "\n"
