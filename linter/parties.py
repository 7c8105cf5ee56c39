"""Recognise parties in free text: country names, demonyms, combining forms, organisations.

The tables are data (``linter/data/countries.json``, generated from the world-countries
dataset, and the hand-curated ``party_overlay.json``; docs/data.md names their sources).
Matching works on words: at each word it tries the longest phrase the tables know first, so
"Niger" never matches inside "Nigeria" and "Austro-Hungarian" is not split into Austria and
Hungary. It costs a dictionary look-up per word and phrase length, whatever the table size.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from linter.data import load
from linter.limits import for_matching

_WORD = re.compile(r"[^\W\d_]+")


class Mention(NamedTuple):
    """A party named in a text: where, as written, which party (or parties, for a demonym two
    countries share, such as "Dominican"), and by what kind of word."""

    start: int
    end: int
    surface: str
    party: str
    kind: str  # "name", "adjective", "combining", "coalition"
    parties: frozenset[str] = frozenset()


class _Entry(NamedTuple):  # a named tuple: the tables make one per alias at start-up
    parties: frozenset[str]
    kind: str
    lowercase: bool  # the alias itself is written in lower case ("al-Qaeda" is not)
    primary: str  # the party first registered for it: a country before a regime using its adjective


def normalise(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2013", "-").casefold().split()).rstrip(".")


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, _Entry], dict[str, str], dict[str, str], frozenset[str]]:
    countries = load("countries.json")["countries"]
    overlay = load("party_overlay.json")
    entries: dict[str, dict] = {}
    for key, entry in countries.items():
        entries[key] = {"names": list(entry["names"]), "adjectives": list(entry["adjectives"])}
    for key, extra in overlay["countries"].items():
        entries[key]["names"] += extra["names"]
        entries[key]["adjectives"] += extra["adjectives"]
    entries.update(overlay["parties"])
    aliases: dict[str, _Entry] = {}

    def add(alias: str, party: str, kind: str) -> None:
        key = normalise(alias)
        known = aliases.get(key)
        if known is not None and known.kind != kind:
            return  # a name wins over another party's adjective of the same spelling
        parties = (known.parties if known else frozenset()) | {party}
        aliases[key] = _Entry(parties, kind, alias[:1].islower(), known.primary if known else party)

    for party, entry in entries.items():
        for name in entry["names"]:
            add(name, party, "name")
    for party, entry in entries.items():
        for adjective in entry["adjectives"]:
            add(adjective, party, "adjective")
    for label in overlay["coalitions"]:
        aliases.setdefault(
            normalise(label), _Entry(frozenset({normalise(label)}), "coalition", False, normalise(label))
        )
    combining = {normalise(form): party for form, party in overlay["combining_forms"].items()}
    codes = {normalise(code): key for key, entry in countries.items() for code in entry["codes"]}
    organs = frozenset(normalise(organ) for organ in overlay["state_organs"])
    return aliases, combining, codes, organs


def _display_names() -> dict[str, str]:
    countries = load("countries.json")["countries"]
    names = {key: entry["names"][0] for key, entry in countries.items()}
    names.update(
        {key: entry["names"][0] for key, entry in load("party_overlay.json")["parties"].items() if entry["names"]}
    )
    return names


@functools.lru_cache(maxsize=1)
def _longest_alias_words() -> int:
    """The most words any alias has, counted as matching counts them: no phrase is tried longer."""
    return max(len(_WORD.findall(alias)) for alias in _tables()[0])


def mentions(text: str) -> list[Mention]:
    """Every party named in ``text``, left to right, without overlaps."""
    return list(_mentions(text))


# Combatant names repeat across records ("France", "Nazi Germany"): remember recent answers.
@functools.lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[Mention, ...]:
    aliases, combining, _, _ = _tables()
    longest = _longest_alias_words()
    words = [(m.start(), m.end()) for m in _WORD.finditer(for_matching(text))]
    found: list[Mention] = []
    i = 0
    while i < len(words):
        start = words[i][0]
        matched = None
        for j in range(min(len(words), i + longest) - 1, i - 1, -1):
            end = words[j][1]
            surface = text[start:end]
            entry = aliases.get(normalise(surface))
            if entry is None and end < len(text) and text[end] == ".":
                end += 1  # "U.S." keeps its final stop
                surface = text[start:end]
                entry = aliases.get(normalise(surface))
            if entry is not None and (entry.lowercase or not surface.islower()):
                matched = (j, Mention(start, end, surface, entry.primary, entry.kind, entry.parties))
                break
        if matched is None:
            end = words[i][1]
            form = normalise(text[start:end]) + "-"
            if form in combining and text[end : end + 1] in ("-", "\u2013"):
                party = combining[form]
                matched = (i, Mention(start, end + 1, text[start : end + 1], party, "combining", frozenset({party})))
        if matched is None:
            i += 1
            continue
        j, mention = matched
        found.append(mention)
        i = j + 1
    return tuple(found)


def _state_of_organ(name: str, found: list[Mention]) -> frozenset[str]:
    """The state a unit or body belongs to: "National Guard of Niger", "French Army"."""
    *_, organs = _tables()
    states = [m for m in found if m.kind in ("name", "adjective")]
    if len(states) != 1:
        return frozenset()
    rest = normalise(name[: states[0].start] + " " + name[states[0].end :])
    rest = " ".join(word for word in rest.split() if word not in ("of", "the", "royal", "imperial", "national"))
    return frozenset({states[0].party}) if rest in organs or not rest else frozenset()


@functools.lru_cache(maxsize=4096)
def identity(name: str) -> frozenset[str]:
    """The parties a combatant entry *is*: a whole known name, a state's organ, or itself.

    Stricter than ``parties_of``: "Syrian opposition" is not Syria, though it names it.
    """
    aliases, _, codes, _ = _tables()
    key = normalise(name)
    entry = aliases.get(key)
    if entry is not None and entry.kind in ("name", "adjective"):
        return frozenset({entry.primary})
    if key in codes and name.isupper():
        return frozenset({codes[key]})
    return _state_of_organ(name, mentions(name)) or frozenset({key})


@functools.lru_cache(maxsize=4096)
def parties_of(name: str) -> frozenset[str]:
    """Every party a combatant entry may stand for, for crediting a result.

    An entry no table knows stands for itself (its normalised name), so that armed groups
    listed by name still match a result that names them the same way.
    """
    named = {party for m in mentions(name) if m.kind != "coalition" for party in m.parties}
    return frozenset(named | {normalise(name)} | identity(name))


def display_name(party: str) -> str:
    """The name to show for a party key in messages."""
    return _display_names().get(party, party)
