"""Read the headline of a result text and classify it against the infobox's result terms.

The vocabulary lives in ``data/results.json`` with its source. A result row often carries
citations, links and bullet points of consequences below the outcome; only the headline,
the first line with markup removed, states the outcome.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from linter.data import load
from linter.limits import for_matching
from linter.markup import LINK as _LINK
from linter.markup import NOT_TEXT, defuse

_MARKUP = re.compile(rf"{NOT_TEXT}|'{{2,}}|\[\d+\]",
                     re.DOTALL | re.IGNORECASE)
_BREAK = re.compile(r"\n|<br\s*/?>|\s[*•]\s|^\s*[*•]", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")
_TRAILING_POINTER = re.compile(r"\s*[(\[,;.]?\s*\bsee\b.*$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _vocabulary() -> dict:
    return load("results.json")


class ResultReading(NamedTuple):  # not a frozen dataclass: defining one costs a start five times as much
    headline: str
    kind: str  # victory, inconclusive, stalemate, ongoing, see-aftermath or other
    qualifiers: tuple[str, ...] = ()


def headline(text: str) -> str:
    """The first line of a result, without citations, templates, link syntax or bold."""
    cleaned = _LINK.sub(lambda m: m.group(1), _MARKUP.sub("", defuse(for_matching(text))))
    for part in _BREAK.split(cleaned):
        part = " ".join(part.split()).strip(" .:;,")
        if part:
            return part
    return ""


# result-nonstandard and result-status-conflict read the same record's result in turn: it is
# read once (a reading is a named tuple, so callers share it safely).
@functools.lru_cache(maxsize=256)
def read_result(text: str) -> ResultReading:
    vocabulary = _vocabulary()
    line = headline(text)
    # "X victory, subsequent massacre of ...": what follows the outcome is a consequence, which
    # the guidance puts below it; only the outcome clause is read.
    # "Inconclusive (see Aftermath)": a pointer beside a standard term is allowed.
    pointer_removed = _TRAILING_POINTER.sub("", line)
    if pointer_removed:
        line = pointer_removed
    outcome = re.split(r"\s*[,;:]\s*", line, maxsplit=1)[0]
    if outcome.casefold().split()[-1:] == [vocabulary["victory_word"]]:
        line = outcome
    folded = line.casefold()
    qualifiers = tuple(w for w in _WORD.findall(line) if w.casefold() in vocabulary["qualifiers"])
    if folded in vocabulary["standard"]:
        return ResultReading(line, folded)
    if re.search(vocabulary["aftermath_pointer"], folded):
        return ResultReading(line, "see-aftermath")
    words = folded.split()
    if len(words) >= 2 and words[-1] == vocabulary["victory_word"]:
        return ResultReading(line, "victory", qualifiers)
    return ResultReading(line, "other", qualifiers)
