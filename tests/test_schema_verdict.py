"""One schema verdict: both validators read patterns as ECMA-262, and every error is reported."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import schema
from linter.api import lint_text, load_text
from linter.schema import load_schema
from tests.conftest import only

ROOT = Path(__file__).resolve().parent.parent
VALID = load_text((ROOT / "records" / "2020-ayorou-attack.yaml").read_text("utf-8")).data

# Values on which Python's re and ECMA-262 part ways, or that sit on a pattern's edge.
TRICKY = ["ayorou", "ayorou\n", "ayorou\r", "\nayorou", "ayorou\u2028", "ayorou ", " ayorou", "ay--or",
          "ayorou-", "AYOROU", "ay_or", "éayorou", "\u0661\u0662", "\uff41", "a\u0301", "\U0001d41a", "",
          "2020", "2020-03-12", "2020-03-12\n", "2020-03-12\r\n", "2020-03-12 BC", "0216-08-02 BC\n",
          "2020-03", "2020-3-12", "\u0662\u0660\u0662\u0660", "2020-\u0660\u0663", "20\uff12\uff10",
          "2020-03-12 bc", "2020-03-12  BC", "http://x", "https://x", "https://x\n", "HTTPS://x",
          "ftp://x", "\nhttps://x"]


def _with(path: tuple, value: str) -> dict:
    record = copy.deepcopy(VALID)
    target = record
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return record


def _with_source_id(value: str) -> dict:
    record = copy.deepcopy(VALID)
    record["sources"][value] = {"publisher": "A publisher"}
    return record


CORPUS = ([_with(("id",), v) for v in TRICKY] + [_with(("date", "start"), v) for v in TRICKY]
          + [_with(("part_of", 0), v) for v in TRICKY] + [_with_source_id(v) for v in TRICKY]
          + [_with(("sources", "afp", "url"), v) for v in TRICKY])


@pytest.mark.parametrize("record", CORPUS, ids=lambda record: repr(record.get("id")))
def test_both_validators_give_one_verdict(record):
    fast = schema._fast_validator()
    assert fast is not None
    assert fast.is_valid(record) == schema._validator().is_valid(record)


def test_the_corpus_holds_both_verdicts():
    verdicts = {schema._validator().is_valid(record) for record in CORPUS}
    assert verdicts == {True, False}


@pytest.mark.parametrize("path, value", [
    (("id",), "ayorou\n"),
    (("date", "start"), "2020-03-12\n"),
    (("id",), "\u0661\u0662"),
])
def test_a_trailing_newline_or_another_scripts_digits_break_a_pattern(path, value):
    found = [f for f in lint_text(json.dumps(_with(path, value)), "record.json") if f.rule == "schema-violation"]
    assert len(found) == 1 and "is not of the expected form" in found[0].message
    assert found[0].pointer == "/" + "/".join(path)
    assert "\n" not in found[0].message


def _yaml_of(record: dict) -> str:
    import yaml

    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False)


def test_missing_fields_are_worked_out_from_the_data_not_the_message(monkeypatch):
    from jsonschema.exceptions import ValidationError

    original = schema._validator()

    class Reworded:
        """jsonschema with other wording: messages name no field."""

        def iter_errors(self, data):
            for error in original.iter_errors(data):
                yield ValidationError("something is missing", validator=error.validator,
                                      validator_value=error.validator_value, instance=error.instance,
                                      schema=error.schema, path=error.absolute_path)

    monkeypatch.setattr(schema, "_validator", Reworded)
    monkeypatch.setattr(schema, "_validator_for", lambda failing: Reworded())  # the fields jsonschema-rs rejects
    found = lint_text("id: x\nconflict: X\n")
    assert [f.message for f in found if "required" in f.message] == [
        "the record lacks the required field 'date'", "the record lacks the required field 'result'",
        "the record lacks the required field 'sides'"]


def test_an_error_jsonschema_rs_alone_finds_is_still_reported(monkeypatch):
    class Accepting:
        def iter_errors(self, data):
            return iter(())

    monkeypatch.setattr(schema, "_validator", Accepting)
    monkeypatch.setattr(schema, "_validator_for", lambda failing: Accepting())
    record = _yaml_of(VALID).replace("id: 2020-ayorou-attack", "id: Not An Id")
    assert only(lint_text(record), "schema-violation") == [("schema-violation", 1, 5)]


values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)
fields = st.sampled_from(["id", "conflict", "date", "result", "sides", "sources", "status", "part_of", "place"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.dictionaries(fields, values, max_size=3))
def test_every_invalid_record_gets_a_finding(changes):
    record = {**VALID, **changes}
    doc = load_text("{}", "record.json")
    doc.data = record
    assert bool(schema.check_schema(doc)) == (not schema._validator().is_valid(record))


def _schema_patterns() -> set[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            found.update(p for k, p in node.items() if k == "pattern" and isinstance(p, str))
            found.update(k for k in (node.get("patternProperties") or {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_schema())
    return found


@pytest.mark.parametrize("pattern", sorted(_schema_patterns()))
def test_without_regress_every_schema_pattern_gives_the_ecma_verdict(pattern):
    """A minimal install has no regress: the re fallback must agree with it on every tricky value."""
    import re

    import regress

    from linter.schema import _python_form

    fallback = re.compile(_python_form(pattern), re.ASCII)
    ecma = regress.Regex(pattern, "u")
    values = TRICKY + ["1944", "1944-06", "1944-06-06", "0216 BC", "1944-06-06\n", "https://a.org", "http:/a",
                       "a_b", "a-b", "A-b", "\u0661\u0669\u0664\u0664"]
    for value in values:
        assert (fallback.search(value) is not None) == (ecma.find(value) is not None), (pattern, value)
