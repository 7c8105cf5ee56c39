"""Compare what conflict-lint imports and finds in the gold infoboxes with the hand-checked
expectations in tests/gold/expected/, field by field.

An expectation file (YAML) names its wikitext file and holds, per infobox of that file, the
record a reader of the rendered infobox would write down, and the findings (rule, line,
column) the file deserves. Figures are written in a compact form: ``52`` (exact), ``20+`` (at
least), ``c. 300`` (about), ``9-12`` (range), ``<=20000`` (at most), ``unknown``, ``none``,
``text`` (a line that states no count), each followed by `` (s)`` when the figure cites a source.
Casualties are ``category value`` items (``killed 52 (s)``, ``other 1``). tests/gold/README.md
says how each field is judged.
"""

from __future__ import annotations

import collections
import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

GOLD = Path(__file__).resolve().parent
TODAY = datetime.date(2026, 11, 25)
# Cross-record rules judge a record against the rest of a record set; a gold file is linted alone.
CROSS_RECORD = ("partof-unresolved", "partof-date-outside", "duplicate-record", "see-also-unresolved")
CATEGORIES = ("killed", "wounded", "captured", "missing", "civilians", "total")
SCALARS = ("conflict", "date.start", "date.end", "place", "status", "result")


@dataclass(frozen=True)
class Field:
    """One compared field: which file and infobox, its name, and both values."""

    file: str
    name: str
    expected: Any
    actual: Any

    @property
    def right(self) -> bool:
        return self.expected == self.actual


def squash(text: Any) -> Any:
    return re.sub(r"\s+", " ", text).strip() if isinstance(text, str) else text


def figure(value: Any) -> str:
    """A record's figure in the compact form of the expectations."""
    if not isinstance(value, dict):
        return f"not a figure: {value!r}"
    if "count" in value:
        form = f"{value['count']}"
    elif "at_least" in value:
        form = f"{value['at_least']}+"
    elif "about" in value:
        form = f"c. {value['about']}"
    elif "min" in value and "max" in value:
        form = f"{value['min']}-{value['max']}"
    elif "at_most" in value:
        form = f"<={value['at_most']}"
    elif "best" in value:
        form = f"{value.get('low')}/{value['best']}/{value.get('high')}"
    elif value.get("unknown"):
        form = "unknown"
    elif value.get("none"):
        form = "none"
    else:
        form = "text"
    return form + (" (s)" if value.get("sources") else "")


def casualty_items(block: Any) -> list[str]:
    if not isinstance(block, dict):
        return []
    items = [f"{category} {figure(block[category])}" for category in CATEGORIES if category in block]
    items += [f"other {figure(f)}" for f in block.get("other", []) or []]
    return items


def record_fields(record: dict | None) -> dict[str, Any]:
    """The compared fields of an imported record (None when the infobox gave no record)."""
    record = record or {}
    date = record.get("date") or {}
    fields: dict[str, Any] = {
        "conflict": squash(record.get("conflict")),
        "part_of": [squash(p) for p in record.get("part_of", [])],
        "date.start": date.get("start"),
        "date.end": date.get("end"),
        "place": squash((record.get("place") or {}).get("name")),
        "status": record.get("status"),
        "result": squash((record.get("result") or {}).get("text")),
    }
    sides = record.get("sides") or []
    for number, side in enumerate(sides, 1):
        fields[f"side{number}.combatants"] = [squash(c) for c in side.get("combatants", [])]
        fields[f"side{number}.commanders"] = [squash(c) for c in side.get("commanders", [])]
        fields[f"side{number}.strength"] = [figure(f) for f in side.get("strength", [])]
        fields[f"side{number}.casualties"] = casualty_items(side.get("casualties"))
    fields["joint.casualties"] = casualty_items(record.get("other_casualties"))
    return fields


def expected_fields(expected: dict) -> dict[str, Any]:
    fields: dict[str, Any] = {name: squash(expected.get(name.replace("date.", ""))) for name in SCALARS}
    fields["part_of"] = [squash(p) for p in expected.get("part_of", [])]
    for number, side in enumerate(expected.get("sides", []), 1):
        fields[f"side{number}.combatants"] = [squash(c) for c in side.get("combatants", [])]
        fields[f"side{number}.commanders"] = [squash(c) for c in side.get("commanders", [])]
        fields[f"side{number}.strength"] = [str(f) for f in side.get("strength", [])]
        fields[f"side{number}.casualties"] = [str(c) for c in side.get("casualties", [])]
    fields["joint.casualties"] = [str(c) for c in expected.get("joint_casualties", [])]
    return fields


def _matched_lists(file: str, name: str, expected: list[str], actual: list[str]) -> list[Field]:
    """Figures and casualty items, one field per item: each expected item is right when the
    import has it too; each item the import adds beyond them is a wrong field."""
    left = collections.Counter(actual)
    fields = []
    for item in expected:
        if left[item] > 0:
            left[item] -= 1
            fields.append(Field(file, name, item, item))
        else:
            fields.append(Field(file, name, item, None))
    fields += [Field(file, name, None, item) for item, n in left.items() for _ in range(n)]
    return fields


def compare_record(file: str, expected: dict, record: dict | None) -> list[Field]:
    want = expected_fields(expected)
    got = record_fields(record)
    compared = []
    for name in sorted(set(want) | set(got)):
        kind = re.sub(r"^(side\d+|joint)\.", "", name)
        wanted, have = want.get(name), got.get(name)
        if kind in ("strength", "casualties"):
            compared += _matched_lists(file, kind, wanted or [], have or [])
        elif wanted in (None, []) and have in (None, []):
            continue  # neither the infobox nor the import has it: nothing to count
        else:
            compared.append(Field(file, kind, wanted, have))
    return compared


def _parse_expected(finding: str) -> tuple[str, int, int, int]:
    """``slug line:column``, or ``slug line:first-last`` when the finding may stand anywhere
    from the first character of an item (bold quotes, a flag icon) to the start of its figure."""
    slug, where = finding.split()
    line, columns = where.split(":")
    first, _, last = columns.partition("-")
    return slug, int(line), int(first), int(last or first)


def _position(finding: str) -> tuple[str, int, int]:
    slug, where = finding.split()
    line, column = where.split(":")
    return slug, int(line), int(column)


def compare_findings(file: str, expected: list[str], actual: list[str]) -> list[Field]:
    """Each expected finding is right when the lint reports it (same rule, line and column);
    each further finding the lint reports is a wrong field."""
    left = list(actual)
    fields = []
    for wanted in expected:
        slug, line, first, last = _parse_expected(wanted)
        match = next((f for f in left if _position(f)[:2] == (slug, line) and first <= _position(f)[2] <= last), None)
        if match is not None:
            left.remove(match)
        fields.append(Field(file, "findings", wanted, wanted if match is not None else None))
    fields += [Field(file, "findings", None, f) for f in left]
    return fields


def load_expectations() -> list[tuple[Path, dict]]:
    return [(path, yaml.safe_load(path.read_text("utf-8"))) for path in sorted((GOLD / "expected").glob("*.yaml"))]


def measure(expectations: list[tuple[Path, dict]] | None = None) -> list[Field]:
    """Import and lint every gold file and compare it with its expectation."""
    from linter.engine import Selection, lint_documents
    from linter.load import load_file, with_extra
    from linter.rules import all_rules

    selection = Selection(select=frozenset(r.slug for r in all_rules() if r.slug not in CROSS_RECORD))
    compared: list[Field] = []
    for _path, expectation in expectations if expectations is not None else load_expectations():
        source = GOLD / expectation["file"]
        name = expectation["file"]
        documents = with_extra(load_file(source, name))
        wanted_records = expectation.get("records", [])
        for index, wanted in enumerate(wanted_records):
            data = documents[index].data if index < len(documents) else None
            compared += compare_record(f"{name}#{index + 1}", wanted, data)
        for _extra in documents[len(wanted_records) :]:
            compared.append(Field(name, "records", None, "an infobox the expectation does not list"))
        findings = lint_documents(documents, selection=selection, today=TODAY)
        actual = [f"{f.rule} {f.line}:{f.column}" for f in findings]
        expected = [str(f).split("#")[0].strip() for f in expectation.get("findings") or []]
        compared += compare_findings(name, expected, actual)
    return compared


def accuracy(fields: list[Field]) -> float:
    return sum(f.right for f in fields) / len(fields) if fields else 0.0


def by_kind(fields: list[Field]) -> dict[str, list[Field]]:
    kinds: dict[str, list[Field]] = collections.defaultdict(list)
    for f in fields:
        kinds[f.name].append(f)
    return dict(sorted(kinds.items()))
