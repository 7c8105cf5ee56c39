"""Suppression comments: parsing, and the engine never failing on odd ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linter.suppress import parse_suppressions
from tests.conftest import lint_text

RECORD = """\
id: a
conflict: A
date: {start: "1900"}  # conflict-lint: %s
result: {text: Inconclusive}
sides:
  - combatants: [France]
  - combatants: [Prussia]
"""


def test_forms_and_positions():
    found = parse_suppressions(
        "a: 1  # conflict-lint: disable=CL302, date-order\n"
        "# conflict-lint:disable-next-line=x\n#conflict-lint: disable-file=y\nb: '#conflict-lint: disable=z'"
    )
    assert [(s.kind, s.line, s.target_line, list(s.names)) for s in found] == [
        ("disable", 1, 1, ["CL302", "date-order"]),
        ("disable-next-line", 2, 3, ["x"]),
        ("disable-file", 3, None, ["y"]),
    ]
    assert found[0].names["date-order"].column == 39


@given(st.text(alphabet="abcdeCL0123-_, =", max_size=30))
def test_any_comment_lints_without_crashing(comment):
    for finding in lint_text(RECORD % comment):
        assert finding.rule == "unused-suppression"
