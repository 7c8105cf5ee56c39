"""Read-only views over record data that several rules share: sides, figures, references.

Checks run on records that may have failed the schema, so every accessor here tolerates
values of the wrong type by skipping them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from linter.lazy_regex import compile_lazily
from linter.model.document import Document, child_pointer

CASUALTY_CATEGORIES = ("killed", "wounded", "captured", "missing", "civilians", "total")
VALUE_FORMS = (("count",), ("at_least",), ("about",), ("min", "max"), ("low", "best", "high"),
               ("unknown",), ("none",))
NUMERIC_FIELDS = ("count", "at_least", "about", "min", "max", "low", "best", "high")
# The first key of each value form: a figure holding any of them gives its value in that form
# (rules test a figure's keys against the set at once rather than form by form).
VALUE_KEYS = frozenset(form[0] for form in VALUE_FORMS)
# The keys of a figure that can be a placeholder written alone ("text: None", "- text: ?"): what
# placeholder-value reports, and figure-unsourced leaves to it.
PLACEHOLDER_KEYS = frozenset({"text", "none", "unknown"})


class FigureRef(NamedTuple):
    """A figure with where it stands: its pointer and a phrase naming it for messages."""

    pointer: str
    figure: dict
    where: str


def mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def sequence(value: Any) -> list:
    return value if isinstance(value, list) else []


def strings(value: Any) -> list[str]:
    return [item for item in sequence(value) if isinstance(item, str)]


def sides(record: dict) -> Iterator[tuple[int, str, dict]]:
    """(1-based side number, pointer, side) for each side that is a mapping."""
    for index, side in enumerate(sequence(record.get("sides"))):
        if isinstance(side, dict):
            yield index + 1, f"/sides/{index}", side


def _casualty_figures(casualties: Any, pointer: str, owner: str) -> Iterator[FigureRef]:
    casualties = mapping(casualties)
    for category in CASUALTY_CATEGORIES:
        figure = casualties.get(category)
        if isinstance(figure, dict):
            yield FigureRef(f"{pointer}/{category}", figure, f"{owner} {category}")
    for index, figure in enumerate(sequence(casualties.get("other"))):
        if isinstance(figure, dict):
            yield FigureRef(f"{pointer}/other/{index}", figure, f"{owner} other loss {index + 1}")


def figures(record: dict) -> tuple[FigureRef, ...]:
    """Every strength and casualty figure of a record, in file order."""
    # Several rules ask in turn for the same record's figures; the last answer is kept (with
    # the record, so that its identity cannot pass to another) and checks never change records.
    global _last_figures
    if _last_figures[0] is not record:
        _last_figures = (record, tuple(_figures(record)))
    return _last_figures[1]


_last_figures: tuple[Any, tuple[FigureRef, ...]] = (None, ())


def _figures(record: dict) -> Iterator[FigureRef]:
    for number, pointer, side in sides(record):
        for index, figure in enumerate(sequence(side.get("strength"))):
            if isinstance(figure, dict):
                yield FigureRef(f"{pointer}/strength/{index}", figure, f"side {number} strength")
        yield from _casualty_figures(side.get("casualties"), f"{pointer}/casualties", f"side {number}")
    yield from _casualty_figures(record.get("other_casualties"), "/other_casualties", "joint")


def references(record: dict, field_name: str) -> Iterator[tuple[str, str]]:
    """(pointer, reference) for each string of a list of record references."""
    for index, ref in enumerate(sequence(record.get(field_name))):
        if isinstance(ref, str):
            yield child_pointer(f"/{field_name}", index), ref


def normalise_name(name: str) -> str:
    return " ".join(name.casefold().split())


# Dashes and slashes between words are word breaks: "Kidal–Gao" is kidal-gao, not kidalgao.
# A pattern rather than ``str.translate``: translate looks each distinct character of the name up
# in its table and pays a raised KeyError for every one it does not map, four times the cost.
_WORD_BREAKS = compile_lazily("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212/\xa0]")
# What an id leaves out between its words: compiled once, as a reader makes a dozen ids a page.
_NOT_ID = compile_lazily(r"[^a-z0-9]+")


def id_form(name: str) -> str:
    """A name in record-id form ("Battle of Narva (1944)" -> "battle-of-narva-1944"), so that a
    reference by article title finds the record whose id was made from that title."""
    name = _WORD_BREAKS.sub("-", name)
    if not name.isascii():  # NFKD parts "é" into "e" and an accent, which the ASCII encoding drops
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_ID.sub("-", name.lower()).strip("-")


# How many files sharing a name a record is compared with: enough to pass over its own file and
# the pages it was imported from, and still bound the work on a hostile record set.
FILES_MATCHED = 8

# The fields a RecordSet indexes records by: the cross-record stage carries them for every record.
RECORD_SET_FIELDS = ("id", "conflict")


class RecordSet:
    """The records of a run, looked up by id or by conflict name for cross-record rules, and
    failing those by file name: a record's file is named after its id by convention, and an
    imported page's file after the article that links to it name ("Allied advance from Paris
    to the Rhine" is the page whose infobox calls itself "Siegfried Line campaign")."""

    def __init__(self, documents: Iterable[Document] = (), declared: bool = False):
        # Whether the run's records are declared to be the whole record set (the configuration
        # names `roots`): only then is a page's link to an article outside them a missing record.
        self.declared = declared
        self.by_key: dict[str, list[Document]] = {}
        self.by_file: dict[str, list[Document]] = {}
        self._matching: dict[tuple[str, str], tuple[Document, ...]] = {}
        # A record's part_of references are resolved by partof-unresolved and partof-date-outside
        # in turn: each reference is worked out once.
        self._resolved: dict[str, Document | None] = {}
        for doc in documents:
            self.add(doc)

    def add(self, doc: Document) -> None:
        record = doc.record
        if record is None:
            return
        keys = {normalise_name(v) for v in map(record.get, RECORD_SET_FIELDS) if isinstance(v, str)}
        for key in keys:
            self.by_key.setdefault(key, []).append(doc)
        self.by_file.setdefault(file_stem(doc.path), []).append(doc)
        self._matching.clear()
        self._resolved.clear()

    def first_of_each_file(self, key: str, field_name: str) -> tuple[Document, ...]:
        """The first record of each file whose ``field_name`` reads as ``key``, for the first
        FILES_MATCHED files: found once per key, so a record's look-up takes constant time however
        many records of one file share the key (32,000 infoboxes of one page made a walk per
        record quadratic)."""
        known = self._matching.get((key, field_name))
        if known is None:
            files: dict[str, Document] = {}
            for doc in self.by_key.get(key, ()):
                if doc.path in files:
                    continue
                value = doc.record.get(field_name) if doc.record else None
                if isinstance(value, str) and normalise_name(value) == key:
                    files[doc.path] = doc
                    if len(files) == FILES_MATCHED:
                        break
            known = self._matching[(key, field_name)] = tuple(files.values())
        return known

    def resolve(self, reference: str) -> Document | None:
        if reference in self._resolved:
            return self._resolved[reference]
        form = id_form(reference)
        found = self.by_key.get(normalise_name(reference)) or self.by_key.get(form) or self.by_file.get(form)
        resolved = self._resolved[reference] = found[0] if found else None
        return resolved


def file_stem(path: str) -> str:
    """A file's name without folders and extension, in id form ("records/Red Ford.yaml": "red-ford")."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return id_form(name.rsplit(".", 1)[0] if "." in name else name)
