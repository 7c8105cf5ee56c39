"""The schema documents itself: an $id, and a title and description on every property."""

from __future__ import annotations

import json

import jsonschema

from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "conflict.schema.json").read_text("utf-8"))


def _properties(node, where="#"):
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            yield f"{where}/properties/{key}", sub
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{where}/{index}")


def test_schema_is_valid_draft_2020_12_with_an_id():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] and SCHEMA["title"] and SCHEMA["description"]


def test_every_property_has_a_title_and_a_description():
    undocumented = [where for where, sub in _properties(SCHEMA)
                    if not (sub.get("title") and sub.get("description"))]
    assert undocumented == []


def test_every_definition_is_documented():
    assert [name for name, d in SCHEMA["$defs"].items() if not d.get("description")] == []
