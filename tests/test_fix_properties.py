"""Properties of the fix stage over generated records and over the real corpus: a fixed file
still parses, a second fix changes nothing, a safe fix leaves the data as it was, and a safe
fix edits only the lines its finding stands on."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.api import load_text
from linter.edits import SAFE, Positions
from linter.engine import Selection
from linter.fix.text import fix_text, lint_once, per_file_selection
from tests.conftest import SHARED

TODAY = datetime.date(2026, 1, 1)
SELECTION = per_file_selection(Selection())

# Values a YAML 1.1 reader reads differently, values read the same, placeholders.
TRAPS = ["NO", "yes", "off", "1:30", "2020-03-12", "0o17", "1_000"]
PLAIN = ["Oslo", "Norway", "Danish victory", "3 tanks", "France"]
PLACEHOLDERS = ["None", "N/A", "?"]
RULES = ["figure-negative", "implicit-type", "date-order", "no-such-rule"]


@st.composite
def records(draw) -> str:
    """A YAML record with a mix of what the fixes repair and what they must leave alone."""
    lines = ["id: kessel-ford"]
    comment = draw(st.sampled_from(["", f"  # conflict-lint: disable={draw(st.sampled_from(RULES))}"]))
    lines.append(f"conflict: Skirmish at Kessel Ford{comment}")
    country = draw(st.sampled_from(TRAPS + PLAIN))
    lines.append(f"place: {{name: {draw(st.sampled_from(PLAIN))}, country: {country}}}")
    if draw(st.booleans()):
        lines.append(f"date: {{start: {draw(st.sampled_from(['2020-03-12', '1866', '1940-04']))}}}")
    text = draw(st.sampled_from(PLAIN))
    lines += ["result:", f"  text: {text}"]
    if draw(st.booleans()):
        lines.append(f"  text: {text if draw(st.booleans()) else 'Prussian victory'}")
    lines.append("sides:")
    for _ in range(draw(st.integers(1, 3))):
        items = draw(st.lists(st.sampled_from(PLAIN + PLACEHOLDERS + TRAPS), min_size=1, max_size=3))
        lines.append(f"  - combatants: [{', '.join(items)}]")
        if draw(st.booleans()):
            low, high = draw(st.integers(0, 50)), draw(st.integers(0, 50))
            lines += ["    casualties:", f"      killed: {{min: {low}, max: {high}}}"]
            if draw(st.booleans()):
                lines += ["      other:", f"        - text: {draw(st.sampled_from(PLACEHOLDERS))}"]
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


def _fix(text: str, suffix: str, unsafe: bool):
    return fix_text(text, f"record{suffix}", suffix, selection=SELECTION, today=TODAY, unsafe=unsafe)


def _check_fixed(text: str, suffix: str, unsafe: bool) -> None:
    first = _fix(text, suffix, unsafe)
    after = load_text(first.after, f"record{suffix}")
    before = load_text(text, f"record{suffix}")
    assert (after.data is None) == (before.data is None)  # still parses as it did
    assert _fix(first.after, suffix, unsafe).after == first.after  # a second fix changes nothing
    if not unsafe:
        assert after.data == before.data  # safe: the record means the same


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), st.booleans())
def test_generated_records(text, unsafe):
    _check_fixed(text, ".yaml", unsafe)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_a_safe_fix_edits_only_the_lines_of_its_finding(text):
    positions = Positions(text)
    _, findings = lint_once(text, "record.yaml", ".yaml", SELECTION, TODAY)
    for finding in findings:
        if finding.fix is None or finding.fix.applicability != SAFE:
            continue
        first = positions.starts[finding.span.line - 1]
        last = positions.starts[finding.span.end_line] if finding.span.end_line < len(positions.starts) else len(text)
        for edit in finding.fix.edits:
            start, end = positions.offsets(edit.span)
            assert first <= start <= end <= last, (finding, edit)
            if finding.rule == "implicit-type":  # quoting stays on the value itself
                assert edit.span == finding.span


def _corpus() -> list:
    folder = SHARED / "corpus"
    return sorted(folder.glob("wikitext*/*.wiki")) if folder.is_dir() else []


CORPUS = _corpus()


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus is not beside the checkout")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CORPUS or [None]), st.booleans())
def test_real_infoboxes(path, unsafe):
    _check_fixed(path.read_text(encoding="utf-8"), ".wiki", unsafe)
