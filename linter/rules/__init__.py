"""The rule registry: every rule module, registered here and only here.

To add a rule, write its module (metadata, ruff-style docstring, ``check``) and add its
name below; ``tests/test_registry.py`` fails until it is documented and tested.
"""

from __future__ import annotations

import functools
import importlib

from linter.rules.base import Context, Rule

RULE_MODULES = (
    "syntax_error",
    "duplicate_key",
    "multiple_documents",
    "implicit_type",
    "unsupported_yaml",
    "file_unreadable",
    "limit_exceeded",
    "unknown_parameter",
    "positional_parameter",
    "no_infobox",
    "unknown_field",
    "schema_violation",
    "placeholder_value",
    "figure_malformed",
    "figure_negative",
    "figure_unsourced",
    "result_unlisted_party",
    "party_on_both_sides",
    "unused_suppression",
    "range_inverted",
    "range_dash",
    "total_mismatch",
    "casualties_exceed_strength",
    "date_malformed",
    "date_order",
    "date_future",
    "result_nonstandard",
    "result_status_conflict",
    "side_without_combatants",
    "partof_unresolved",
    "partof_date_outside",
    "duplicate_record",
    "see_also_unresolved",
)

__all__ = ["Context", "Rule", "UnknownRule", "all_rules", "get_rule"]


class UnknownRule(KeyError):
    def __str__(self) -> str:
        return f"unknown rule {self.args[0]!r}: `conflict-lint rules` lists them"


@functools.lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    rules = tuple(Rule.from_module(importlib.import_module(f"{__name__}.{name}")) for name in RULE_MODULES)
    return tuple(sorted(rules, key=lambda rule: rule.code))


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Rule]:
    index: dict[str, Rule] = {}
    for rule in all_rules():
        for name in (rule.code, rule.slug, *rule.aliases):
            if name.lower() in index:
                raise RuntimeError(f"rule name {name!r} is registered twice")
            index[name.lower()] = rule
    return index


def get_rule(name: str) -> Rule:
    """A rule by code (``CL301``), slug (``result-unlisted-party``) or alias."""
    try:
        return _index()[name.strip().lower()]
    except KeyError:
        raise UnknownRule(name) from None
