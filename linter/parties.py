"""Recognise parties in free text: country names, demonyms, combining forms, organisations.

The tables live in ``linter/data/`` (see ``parties.json`` for their sources). Matching runs
on word boundaries, longest alias first, so "Niger" never matches inside "Nigeria".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from linter.data import load


@dataclass(frozen=True)
class Mention:
    """A party named in a text: where, how it was written, which party, and by what kind of word."""

    start: int
    end: int
    surface: str
    party: str
    kind: str  # "name", "adjective", "combining", "coalition"


@dataclass(frozen=True)
class _Tables:
    pattern: re.Pattern[str] | None
    aliases: dict[str, tuple[str, str]]


def _alias_key(text: str) -> str:
    return " ".join(text.casefold().split())


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = load("parties.json")
    aliases: dict[str, tuple[str, str]] = {}
    for key, entry in data["parties"].items():
        for name in entry.get("names", []):
            aliases.setdefault(_alias_key(name), (key, "name"))
        for adjective in entry.get("adjectives", []):
            aliases.setdefault(_alias_key(adjective), (key, "adjective"))
    for form, key in data.get("combining_forms", {}).items():
        aliases.setdefault(_alias_key(form), (key, "combining"))
    for label in data.get("coalitions", []):
        aliases.setdefault(_alias_key(label), (_alias_key(label), "coalition"))
    if not aliases:
        return _Tables(None, aliases)
    # Longest first so that "National Guard of Niger" wins over "Niger" and "Nigeria" over "Niger".
    alternatives = sorted(aliases, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives)
    # A combining form ends in "-" and joins the next word ("Franco-Nigerien"), so it needs no
    # word boundary after it; every other alias does.
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?:(?<=-)|(?![\w]))", re.IGNORECASE)
    return _Tables(pattern, aliases)


def mentions(text: str) -> list[Mention]:
    """Every party named in ``text``, left to right, without overlaps."""
    tables = _tables()
    if tables.pattern is None:
        return []
    found = []
    for match in tables.pattern.finditer(text):
        party, kind = tables.aliases[_alias_key(match.group())]
        found.append(Mention(match.start(), match.end(), match.group(), party, kind))
    return found


def parties_of(name: str) -> frozenset[str]:
    """The parties a combatant entry stands for: "National Guard of Niger" stands for Niger.

    An entry no table knows stands for itself (its normalised name), so that non-state actors
    listed by name still match a result that names them the same way.
    """
    named = {m.party for m in mentions(name) if m.kind != "coalition"}
    return frozenset(named | {_alias_key(name)})


def display_name(party: str) -> str:
    """The name to show for a party key in messages."""
    entry = load("parties.json")["parties"].get(party)
    if entry and entry.get("names"):
        return entry["names"][0]
    return party
