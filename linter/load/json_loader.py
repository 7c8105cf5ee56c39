"""Load JSON records: values from the standard library, positions from YAML's composer.

JSON is (nearly) a subset of YAML's flow style, so PyYAML's C composer gives every value a
position cheaply; the values themselves come from ``json`` so that JSON's own typing holds.
"""

from __future__ import annotations

import json

from linter.findings import Span
from linter.load.yaml_loader import load_yaml
from linter.model.document import Document, Hit


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON: write a number or null")


def load_json(doc: Document) -> None:
    try:
        data = json.loads(doc.text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        doc.problems.append(Hit(f"JSON syntax error: {error.msg}",
                                span=Span(error.lineno, error.colno, error.lineno, error.colno + 1),
                                rule="syntax-error"))
        return
    except (ValueError, RecursionError) as error:
        doc.problems.append(Hit(f"JSON error: {error}", span=Span(1, 1, 1, 1), rule="syntax-error"))
        return
    positions = Document(path=doc.path, format="yaml", text=doc.text)
    load_yaml(positions)
    doc.value_spans = positions.value_spans
    doc.key_spans = positions.key_spans
    # Only the problems JSON shares with YAML; YAML-only typing advice does not apply to JSON.
    doc.problems.extend(p for p in positions.problems if p.rule == "duplicate-key")
    doc.data = data
