"""What the infobox templates are: their names, their parameters as MediaWiki compares them, and
where each parameter of a call stands in the text."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import mwparserfromhell.nodes as n
from mwparserfromhell.nodes import Template

from linter.data import load

TABLES = load("wikitext.json")
# Each kind's names as a set: the reader asks whether a template is of a kind, kind after kind,
# for every template of a page.
KINDS: dict = {kind: frozenset(names) if isinstance(names, list) else names
               for kind, names in TABLES["templates"].items()}
INFOBOX_NAMES = frozenset(TABLES["infobox_names"])
ATTACK_NAMES = frozenset(TABLES["attack_names"])
ATTACK_FIELDS: dict[str, str] = TABLES["attack_fields"]
_SIDE_ROW = re.compile(r"(" + "|".join(TABLES["side_rows"]) + r")([1-9][0-9]{0,2})([a-d]?)")
_NAMED = frozenset(TABLES["parameters"])
_ATTACK = frozenset(TABLES["attack_parameters"])


class Form(NamedTuple):
    """Which template a call is: "conflict" (Infobox military conflict and its redirects, the
    module invoked directly, the old Warbox) or "attack" (Infobox civilian attack and its redirect)."""

    kind: str
    name: str


def template_name(template: Template) -> str:
    """A call's template name as MediaWiki resolves it: comments dropped, underscores as spaces,
    spaces collapsed, first letter's case ignored (we fold all of it: redirects differ in case)."""
    nodes = template.name.nodes
    if len(nodes) == 1 and type(nodes[0]) is n.Text:  # most names: one plain text, nothing to drop
        raw = nodes[0].value
    else:
        raw = "".join(str(node) for node in nodes if not isinstance(node, n.Comment))
    name = " ".join(raw.replace("_", " ").split()).casefold()
    return name[len("template:"):].strip() if name.startswith("template:") else name


def form_of(template: Template) -> Form | None:
    name = template_name(template)
    if name in INFOBOX_NAMES:
        return Form("conflict", name)
    if name in ATTACK_NAMES:
        return Form("attack", name)
    if name.startswith("#invoke:"):  # {{#invoke:Infobox military conflict|main|...}}
        module = name[len("#invoke:"):].strip()
        first = next((p for p in template.params if not p.showkey), None)
        if module in INFOBOX_NAMES and first is not None and str(first.value).strip() == "main":
            return Form("conflict", name)
    return None


def is_invoke(template: Template) -> bool:
    return template_name(template).startswith("#invoke:")


@functools.lru_cache(maxsize=1024)  # asked twice per parameter (is it known, which field), and names repeat
def side_row(name: str) -> tuple[str, int, str] | None:
    """("casualties", 2, "a") for "casualties2a": a per-combatant row, its side and its letter."""
    match = _SIDE_ROW.fullmatch(name)
    return (match.group(1), int(match.group(2)), match.group(3)) if match else None


def is_known(name: str, kind: str) -> bool:
    """Whether the template reads a parameter of this exact name (case and spaces matter)."""
    if kind == "attack":
        return name in _ATTACK
    return name in _NAMED or side_row(name) is not None


def params(template: Template, offset: int, text: Callable[[Any], str] = str) -> Iterator[tuple[Any, int, int]]:
    """(parameter, offset of its name, offset of its value) for each parameter of a template
    call that starts at ``offset``: the call is "{{" name ("|" parameter)* "}}", exactly.
    ``text`` gives a node's wikitext (a page's ``NodeText``, which remembers it)."""
    position = offset + 2 + len(text(template.name))
    for param in template.params:
        position += 1
        value_offset = position + (len(text(param.name)) + 1 if param.showkey else 0)
        yield param, position, value_offset
        position += len(text(param))


@functools.lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Country data shortcuts ({{GER}}, {{FRA}}): a code written in capitals names its country."""
    codes: dict[str, str] = {}
    for entry in load("countries.json")["countries"].values():
        for code in entry["codes"]:
            if len(code) == 3:
                codes.setdefault(code, entry["names"][0])
    codes.update({k.upper(): v for k, v in KINDS["country_shortcut"].items()})
    return codes


def flag_country(value: str) -> str:
    """The country a flag template's first argument names: a country data code written in
    capitals ({{flagcountry|GER}}, {{flag|USSR}}) stands for its country, a name for itself."""
    if value.isupper():
        return KINDS["country_data_aliases"].get(value) or country_codes().get(value) or value
    return value
