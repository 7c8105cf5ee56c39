"""Property-based guards: no text crashes the loaders, no record shape crashes the engine."""

from __future__ import annotations

import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.engine import lint_documents
from linter.findings import Finding
from linter.load import load_bytes
from linter.model.document import Document

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

keys = st.sampled_from(["id", "conflict", "date", "start", "end", "result", "text", "sides",
                        "combatants", "casualties", "killed", "strength", "count", "min", "max",
                        "sources", "part_of", "see_also", "other", "none", "unknown", "x"])
# PyYAML's emitter writes NEL and the Unicode line separators raw, and YAML reads them as line
# breaks, so they cannot round-trip through safe_dump; that is the emitter's limit, not ours.
texts = st.text(st.characters(blacklist_characters="\x85\u2028\u2029"), max_size=30)
scalars = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False) | texts
json_like = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
                         max_leaves=30)


def _check(findings: list[Finding], doc: Document) -> None:
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.code.startswith("CL") and finding.message


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_loads_as_yaml_without_crashing(text):
    doc = load_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.yaml", ".yaml")
    _check(lint_documents([doc]), doc)


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_load_as_json_without_crashing(raw):
    doc = load_bytes(raw, "fuzz.json", ".json")
    _check(lint_documents([doc]), doc)


@SETTINGS
@given(st.dictionaries(keys, json_like, max_size=8))
def test_any_json_like_record_lints_without_crashing(record):
    for text, suffix in ((yaml.safe_dump(record, allow_unicode=True), ".yaml"), (json.dumps(record), ".json")):
        doc = load_bytes(text.encode("utf-8", "surrogatepass"), f"fuzz{suffix}", suffix)
        _check(lint_documents([doc]), doc)


@SETTINGS
@given(json_like)
def test_loaded_yaml_round_trips_plain_data(value):
    text = yaml.safe_dump({"value": value}, allow_unicode=True)
    doc = load_bytes(text.encode("utf-8", "surrogatepass"), "round.yaml", ".yaml")
    if not doc.problems:
        assert doc.data == {"value": value}
