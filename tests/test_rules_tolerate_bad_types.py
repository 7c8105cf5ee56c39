"""Rules run on records that failed the schema: no value of a wrong type may crash one."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.engine import lint_documents
from linter.model.document import Document

KEYS = ["id", "conflict", "part_of", "see_also", "date", "start", "end", "ongoing", "approximate", "status",
        "result", "text", "outcome", "victors", "sides", "combatants", "commanders", "units", "strength",
        "casualties", "killed", "wounded", "captured", "missing", "total", "other", "count", "at_least",
        "about", "min", "max", "low", "best", "high", "none", "label", "sources", "other_casualties", "date"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.sampled_from(
    ["2020-02-31", "0218 BC", "2020", "ongoing", "ended", "Decisive French victory", "Ongoing", "1,200-800",
     "x", "", "a"]))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)),
                    max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), DATA, max_size=8), st.dictionaries(st.sampled_from(KEYS), DATA))
def test_rules_never_crash(record, other):
    documents = [Document(path="a.yaml", format="yaml", data=record),
                 Document(path="b.yaml", format="yaml", data=other)]
    lint_documents(documents, today=datetime.date(2024, 1, 1))
