"""Wiki markup the free-text readers step over, and the numbered side parameters of an infobox.

One home for each pattern, so that the readers of results, figures and party labels agree on
what is markup and what is text.
"""

from __future__ import annotations

import re

# Citations, templates and HTML comments: markup, never the text a reader sees. A ref's
# attributes hold no "<", so "<ref<ref<ref..." is tried only up to the next "<", not to the end.
REFERENCE = r"<ref[^<>]*/>|<ref[^<>]*>.*?</ref>"
NOT_TEXT = rf"{REFERENCE}|\{{\{{.*?\}}\}}|<!--.*?-->"
# NOT_TEXT's lazy scans run from an opener to its closer; an opener with no closer after it
# scans to the end of the text, so thousands of them cost the square of the text. defuse()
# takes those openers out first, in one pass.
# (opener, closer): group 1 of an opener is markup complete in itself, left alone.
_UNCLOSABLE = ((re.compile(r"(<ref[^<>]*/>)|<ref", re.IGNORECASE), re.compile(r"</ref>", re.IGNORECASE)),
               (re.compile(r"\{\{"), re.compile(r"\}\}")),
               (re.compile(r"<!--"), re.compile(r"-->")))


def _inert(match: re.Match) -> str:
    return match.group() if match.lastindex else " " + match.group()[1:]


def defuse(text: str) -> str:
    """``text`` with every opener of NOT_TEXT that no closer follows made inert ("<" and "{"
    become blanks), the length unchanged so that offsets still hold: such an opener can never
    start a match, and skipping it saves a scan to the end of the text per opener."""
    if "<" not in text and "{" not in text:  # every opener starts with one of them; most texts have neither
        return text
    for opener, closer in _UNCLOSABLE:
        last = None
        for last in closer.finditer(text):  # noqa: B007  the last match is what is wanted
            pass
        cut = last.end() if last is not None else 0
        if opener.search(text, cut):
            text = text[:cut] + opener.sub(_inert, text[cut:])
    return text
# Compile NOT_TEXT (and patterns built on it) with these: a citation runs over lines.
FLAGS = re.DOTALL | re.IGNORECASE
# "[[Target|label]]" or "[[Target]]": group 1 is the text shown.
LINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")
# A numbered parameter of one side of the infobox ("combatant2", "casualties1"): group 1 names
# the field, group 2 the side.
# Side numbers of up to three digits: "combatant<5000 digits>" is no side (and no int() takes it),
# just an unknown parameter.
SIDE_PARAMETER = r"(combatant|commander|units|strength|casualties)(\d{1,3})"
