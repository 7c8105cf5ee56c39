"""Every rule's documentation runs: its Example fires the rule, its Use instead does not.

The examples are linted with the default settings beside the bundled records (records/), as a
record of the project would be, so that the cross-record rules' examples have records to refer
to. A block whose first line is a comment naming a file under records/ stands for that file.
"""

from __future__ import annotations

import datetime
import re

import pytest

from linter.api import load_text
from linter.engine import lint_documents
from linter.records import RecordSet
from linter.rules import all_rules
from tests.conftest import ROOT

_BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)
_SUFFIX = {"yaml": "yaml", "json": "json", "wikitext": "wiki", "text": "txt"}
# The rules' examples speak of today as a day in 2026.
TODAY = datetime.date(2026, 6, 1)
BUNDLED = {f"records/{path.name}": path.read_text("utf-8") for path in sorted((ROOT / "records").glob("*.yaml"))}
_NAMED = re.compile(r"# (records/[\w.-]+)")
# Rules about the file itself rather than its text (tests/test_hostile*.py fire them).
NO_EXAMPLE = {"file-unreadable", "limit-exceeded"}


def _section(doc: str, title: str) -> str:
    return doc.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def _blocks(doc: str, title: str) -> list[tuple[str, str]]:
    return [(_SUFFIX[language], text) for language, text in _BLOCK.findall(_section(doc, title))]


def _fires(slug: str, suffix: str, text: str) -> list[str]:
    named = _NAMED.match(text)
    path = named.group(1) if named else f"example.{suffix}"
    doc = load_text(text, path)
    others = [load_text(other, other_path) for other_path, other in BUNDLED.items() if other_path != path]
    found = lint_documents([doc], today=TODAY, record_set=RecordSet([doc, *others]))
    return [f"{f.line}:{f.column} {f.message}" for f in found if f.rule == slug]


EXAMPLES = [rule for rule in all_rules() if rule.slug not in NO_EXAMPLE]


@pytest.mark.parametrize("rule", EXAMPLES, ids=lambda rule: rule.slug)
def test_the_example_fires_the_rule(rule):
    blocks = _blocks(rule.doc, "Example")
    assert blocks, f"{rule.slug}: no code block under Example"
    for suffix, text in blocks:
        assert _fires(rule.slug, suffix, text), f"{rule.slug}: its Example does not fire it:\n{text}"


@pytest.mark.parametrize("rule", EXAMPLES, ids=lambda rule: rule.slug)
def test_the_fix_does_not_fire_the_rule(rule):
    blocks = _blocks(rule.doc, "Use instead")
    assert blocks, f"{rule.slug}: no code block under Use instead"
    for suffix, text in blocks:
        assert not _fires(rule.slug, suffix, text), f"{rule.slug}: its Use instead fires it:\n{text}"
