"""Recognise parties in free text: country names, demonyms, combining forms, organisations.

The tables are data (``linter/data/countries.json``, generated from the world-countries
dataset, and the hand-curated ``party_overlay.json``; docs/data.md names their sources).
Matching works on words: at each word it tries the longest phrase the tables know first, so
"Niger" never matches inside "Nigeria" and "Austro-Hungarian" is not split into Austria and
Hungary. It costs a dictionary look-up per word and phrase length, whatever the table size.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from linter.data import load
from linter.limits import for_matching

WORD = re.compile(r"[^\W\d_]+")  # a word as matching counts words


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


TABLE_FILE = "party_table.json"


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], frozenset[str]]:
    """Aliases, combining forms, codes and organ nouns, from the table built in advance by
    ``scripts/build_party_table.py``: building it here would cost a one-file run more than
    the rest of its rules. An alias maps to "primary party|kind|lower case (0/1)|other parties..."."""
    table = load(TABLE_FILE)
    return table["aliases"], table["combining"], table["codes"], frozenset(table["organs"])


def _entry(raw: str | None) -> _Entry | None:
    if raw is None:
        return None
    primary, kind, lowercase, *others = raw.split("|")
    return _Entry(frozenset({primary, *others}), kind, lowercase == "1", primary)


def _display_names() -> dict[str, str]:
    return load(TABLE_FILE)["display_names"]


@functools.lru_cache(maxsize=1)
def _sorted_aliases() -> list[str]:
    return sorted(_tables()[0])


def _begins_an_alias(form: str) -> bool:
    """Whether some alias (normalised) starts with ``form``."""
    aliases = _sorted_aliases()
    at = bisect.bisect_left(aliases, form)
    return at < len(aliases) and aliases[at].startswith(form)


def _longest_alias_words() -> int:
    """The most words any alias has, counted as matching counts them: no phrase is tried longer."""
    return load(TABLE_FILE)["longest_alias_words"]


def mentions(text: str) -> list[Mention]:
    """Every party named in ``text``, left to right, without overlaps."""
    return list(_mentions(text))


# Combatant names repeat across records ("France", "Nazi Germany"): remember recent answers.
@functools.lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[Mention, ...]:
    aliases, combining, _, _ = _tables()
    longest = _longest_alias_words()
    words = [(m.start(), m.end()) for m in WORD.finditer(for_matching(text))]
    found: list[Mention] = []
    i = 0
    while i < len(words):
        start = words[i][0]
        # The phrases from this word that some alias begins with, shortest first: a longer phrase
        # normalises to this one's form and more, so once no alias begins with a phrase, none is
        # a longer one, and the longest-first search below need not start at the longest alias
        # (twelve words) at every word.
        forms = []
        for j in range(i, min(len(words), i + longest)):
            form = normalise(text[start:words[j][1]])
            if not _begins_an_alias(form):
                break
            forms.append(form)
        matched = None
        for j in range(i + len(forms) - 1, i - 1, -1):
            end = words[j][1]
            surface = text[start:end]
            entry = _entry(aliases.get(forms[j - i]))
            if entry is None and end < len(text) and text[end] == ".":
                end += 1  # "U.S." keeps its final stop
                surface = text[start:end]
                entry = _entry(aliases.get(normalise(surface)))
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
    entry = _entry(aliases.get(key))
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
