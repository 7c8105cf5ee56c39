"""Build a native record from an infobox, keeping each value's span for findings."""

from __future__ import annotations

import dataclasses
import re
from pathlib import PurePosixPath

from linter import figure_text, parties
from linter.findings import Span
from linter.infobox.dates import misspelt_months, read_span
from linter.infobox.items import Infobox, Item
from linter.markup import SIDE_PARAMETER
from linter.model.document import Document, Hit
from linter.records import id_form
from linter.rules.date_malformed import SLUG as DATE_MALFORMED
from linter.rules.unknown_parameter import SLUG as UNKNOWN_PARAMETER

_STATUSES = {"ongoing": "ongoing", "ended": "ended", "ceasefire": "ceasefire", "frozen": "frozen",
             "concluded": "ended", "over": "ended", "active": "ongoing"}


def slug(text: str) -> str:
    return id_form(text) or "record"


class _Builder:
    def __init__(self, infobox: Infobox, doc: Document):
        self.box = infobox
        self.doc = doc

    def place(self, pointer: str, span: Span, name: str | None = None) -> None:
        self.doc.value_spans[pointer] = span
        if name is not None:
            self.doc.origins[pointer] = self.box.names.get(name, name)
            if name in self.box.name_spans:
                self.doc.key_spans[pointer] = self.box.name_spans[name]

    def whole(self, name: str) -> Span:
        return self.box.value_spans.get(name, self.box.span)

    def figure(self, item: Item, pointer: str) -> dict:
        figure: dict = {"text": item.text}
        parsed = figure_text.parse(item.text)
        if parsed is not None:
            figure = {**parsed.value, **figure}
        if item.sources:
            figure["sources"] = list(item.sources)
        self.place(pointer, item.span)
        if item.parameter:
            self.doc.origins[pointer] = item.parameter
        return figure

    def side(self, number: int, base: str) -> dict:
        side: dict = {}
        for field_name, key in (("combatant", "combatants"), ("commander", "commanders"), ("units", "units")):
            items = [i for i in self.box.params.get(f"{field_name}{number}", ()) if i.text]
            if key == "combatants":
                items = _parties(items)
            elif key == "commanders":
                items = _people(items)
            if items:
                side[key] = [i.text for i in items]
                self.place(f"{base}/{key}", self.whole(f"{field_name}{number}"), f"{field_name}{number}")
                for index, item in enumerate(items):
                    self.place(f"{base}/{key}/{index}", item.span)
                    if item.remarks:
                        self.doc.notes[f"{base}/{key}/{index}"] = "; ".join(item.remarks)
        strength = _figure_items(self.box.params.get(f"strength{number}", []))
        if strength:
            self.place(f"{base}/strength", self.whole(f"strength{number}"), f"strength{number}")
            side["strength"] = [self.figure(item, f"{base}/strength/{i}") for i, item in enumerate(strength)]
        casualties = self.casualties(f"casualties{number}", f"{base}/casualties")
        if casualties:
            side["casualties"] = casualties
        return side

    def casualties(self, name: str, base: str, block: dict | None = None) -> dict:
        items = [part for item in _figure_items(self.box.params.get(name, [])) for part in _parts(item, self.doc)]
        block = {} if block is None else block
        if not items:
            return block
        if base not in self.doc.value_spans:
            self.place(base, self.whole(name), name)
        others: list[dict] = list(block.pop("other", []))
        for index, item in enumerate(items):
            category = item.category or _category(item)
            if category is None and "total" not in block and _bare(item, first=index == 0):
                category = "total"  # "1,200" or a cell that is only "Unknown": the side's losses
            if category and category not in block and figure_text.parse(item.text) is not None:
                block[category] = self.figure(item, f"{base}/{category}")
            else:
                others.append(self.figure(item, f"{base}/other/{len(others)}"))
        if others:
            block["other"] = others
        return block


def _figure_items(items: list[Item]) -> list[Item]:
    """The figures of a strength or casualty cell.

    Headings group the figures below them and are none: "Fighter Command:", a definition-list
    term (";Japanese"), or a party's name alone ("German", "Royal Navy"); each figure under one
    is read with it ("British: unknown"), as a reader does. A line that is one bracketed remark
    ("(91 divisions)") qualifies the figure above it and joins it.
    """
    figures: list[Item] = []
    # Headings nest: a bold or ";" heading is a group, a "Label:" line a subgroup under it.
    # A new heading replaces those of its own level and below; a subgroup that repeats its
    # group's name (a bold "Germany" over "Germany:") adds nothing.
    groups: list[tuple[int, str]] = []
    for index, item in enumerate(items):
        if not item.text:
            continue
        if _is_heading(item.text, item.term) and _has_items_below(items, index):
            level = item.level or 3
            name = item.text.rstrip(": ").strip()
            groups = [g for g in groups if g[0] < level]
            if not groups or groups[-1][1].casefold() != name.casefold():
                groups.append((level, name))
            continue
        if figures and item.text.startswith("(") and item.text.endswith(")"):
            before = figures[-1]
            figures[-1] = dataclasses.replace(before, text=f"{before.text} {item.text}",
                                              sources=tuple(dict.fromkeys(before.sources + item.sources)))
            continue
        heading = ": ".join(name for _, name in groups)
        text = _without_repeats(f"{heading}: {item.text}" if heading else item.text)
        figures.append(dataclasses.replace(item, text=text, heading=heading) if heading else
                       dataclasses.replace(item, text=text))
    return figures


def _without_repeats(text: str) -> str:
    """"Germany: Germany: 500 tanks" (a heading, then a flag's label) as "Germany: 500 tanks"."""
    parts = text.split(": ")
    kept = [part for index, part in enumerate(parts) if index == 0 or part.casefold() != parts[index - 1].casefold()]
    return ": ".join(kept)


def _has_items_below(items: list[Item], index: int) -> bool:
    """A heading heads something: a lone bold figure at the end of a cell is a figure."""
    return any(i.text and not i.term for i in items[index + 1:])


def _parts(item: Item, doc: Document) -> list[Item]:
    """A casualty line that states several categories, "40 killed, 60 wounded, 150 total" or
    "150 (40 killed, 60 wounded)", as one item per category, each where it stands in the file
    when the line shows it verbatim. Anything else stays one item."""
    text = item.text[len(item.heading) + 2:] if item.heading else item.text
    pieces = figure_text.split_categories(text)
    if len(pieces) < 2:
        return [item]
    single = item.span.line == item.span.end_line and item.span.line <= len(doc.lines)
    line = doc.lines[item.span.line - 1] if single else ""
    parts = []
    for start, end, category in pieces:
        piece = text[start:end].strip()
        found = line.find(piece, item.span.column - 1) if line else -1
        span = Span(item.span.line, found + 1, item.span.line, found + 1 + len(piece)) if found >= 0 else item.span
        label = f"{item.heading}: {piece}" if item.heading else piece
        parts.append(dataclasses.replace(item, text=label, span=span, category=category or item.category))
    return parts


def _parties(items: list[Item]) -> list[Item]:
    """A combatant cell's parties. A heading over a group of them is none ("Naval support:",
    "Coalition:") unless it names one ("Kingdom of Greece:" over its units); a party listed
    under two headings is one party of the side, listed once. A line listing parties between
    commas ("[[British Empire]], allies") names each of them."""
    seen: set[str] = set()
    found = []
    for item in items:
        if item.text.startswith("(") and item.text.endswith(")"):
            continue  # a note on a line of its own, links and all: "(led by [[X]], [[Y]] ...)"
        if item.term or item.text.endswith(":"):
            name = item.text.rstrip(": ").strip()
            if not name or not any(m.kind != "coalition" for m in parties.mentions(name)):
                continue
            item = dataclasses.replace(item, text=name)
        for each in _listed(item):
            if each.text not in seen:
                seen.add(each.text)
                found.append(each)
    return found


def _listed(item: Item) -> list[Item]:
    """The parties of a line that lists linked parties between commas ("[[British Empire]],
    allies"). The line stays whole unless every piece is a name of its own (a capital, or a
    coalition word such as "allies") with its brackets closed: "Forces of Pompey, including
    many of the Optimates" and a bracketed remark holding commas are one entry; so is a
    line whose link target holds a comma."""
    if ", " not in item.text or not item.links or any("," in target for target in item.links):
        return [item]
    parts = [part.strip() for part in item.text.split(", ") if part.strip()]
    if not all(part.count("(") == part.count(")") and (part[:1].isupper() or _coalition_word(part))
               for part in parts):
        return [item]
    return [dataclasses.replace(item, text=part) for part in parts]


def _coalition_word(text: str) -> bool:
    """"allies", "Allies": a word that names a coalition, whatever its case."""
    capitalised = text[:1].upper() + text[1:]
    return any(m.kind == "coalition" and m.end - m.start == len(text) for m in parties.mentions(capitalised))


_TRAILING_REMARK = re.compile(r"\s*\([^()]*\)\s*$")
_REMARK = re.compile(r"\([^()]*\)")
_CONNECTORS = re.compile(r"^(?:(?:the|of|in|during|and|part|a|an)\b\s*)+|(?:\s+(?:the|of|in|during|and))+$",
                         re.IGNORECASE)


def _people(items: list[Item]) -> list[Item]:
    """A commander cell's people. Group headings (a bold "Division:", "Corps: (February–March)",
    a ";" line, a bold line without a link) and notes on a line of their own ("(Until 31
    January)", "([[2nd Army]])") are none; a linked name in bold is the commander in chief."""
    found = []
    for item in items:
        text = _TRAILING_REMARK.sub("", item.text).strip()
        heading = text.endswith(":") or item.level == 1 or (item.term and not item.links)
        if not text or heading:
            continue
        found.append(item)
    return found


def _parents(item: Item) -> list[str]:
    """The parents a "part of" line names: each link's target, and each stretch of text
    between the links and commas that is a title of its own ("Second World War, [[Battle of
    the Atlantic]]"; "the [[Eastern Front (World War II)|Eastern Front]] of World War II"),
    without the words that join them ("the", "of", "and") or bracketed remarks."""
    if not item.labels:
        return [item.text]
    names: list[str] = []
    position = 0
    text = item.text
    for label, target in item.labels:
        found = text.find(label, position) if label else -1
        if found < 0:
            continue
        names.extend(_unlinked(text[position:found], after_link=bool(names), before_link=True))
        names.append(target.lstrip(":").split("#")[0].replace("_", " ").strip())
        position = found + len(label)
    names.extend(_unlinked(text[position:], after_link=bool(names), before_link=False))
    return [name for name in names if name]


def _unlinked(text: str, after_link: bool, before_link: bool) -> list[str]:
    """Titles in the text between links: stretches between commas that start with a capital.
    Words written against a link with no comma or joining word between belong to the link's
    phrase ("[[Gothic Line]] Offensive", "Operations [[Operation Atlantic|Atlantic]]"): no title."""
    parts = re.split(r"[,;]|\band\b", _REMARK.sub(" ", text))
    names = []
    for index, part in enumerate(parts):
        words = part.split()
        if not words:
            continue
        if index == 0 and after_link and not _CONNECTORS.match(words[0]):
            continue
        if index == len(parts) - 1 and before_link and not _CONNECTORS.search(" " + words[-1]):
            continue
        name = _CONNECTORS.sub("", part.strip()).strip(" .:")
        if name[:1].isupper() and len(name) > 2:
            names.append(name)
    return names


def _bare(item: Item, first: bool) -> bool:
    """A figure with no words but its number ("1,200", "c. 300", "20+"), or a first line that is
    only "Unknown" or "None": it counts all the side's losses, so it is their total. A "None"
    after real figures is a stray placeholder, not a total."""
    if item.heading:
        return False
    parsed = figure_text.parse(item.text)
    if parsed is None:
        return False
    if set(parsed.value) & {"unknown", "none"}:
        return first and item.text.strip().casefold().rstrip(".") in ("unknown", "none", "nil")
    rest = item.text[:parsed.start] + item.text[parsed.end:]
    return not any(c.isalpha() for c in rest)


def _category(item: Item) -> str | None:
    """The casualty category of a figure line. A line under a label or heading that names no
    category ("Polish First Army: 5,660 casualties", "Karelian Isthmus: 9,300 dead") counts one
    group of the side, not the side: it stays among the other losses. Under a heading that does
    ("Losses:"), the line's own words decide ("5 submarines sunk" is no category)."""
    text = item.text
    if item.heading:
        if not figure_text.categories(item.heading):
            return None
        text = text[len(item.heading) + 2:]
    label, _ = figure_text.split_label(text)
    if label and not figure_text.categories(label):
        return None
    return figure_text.category(text)


def _is_heading(text: str, term: bool) -> bool:
    if term and (text.endswith(":") or figure_text.only_years(text)):  # a bold "July, 1942:" or period
        return True
    if figure_text.parse(text) is not None:
        return False
    if term or text.endswith(":"):
        return True
    return len(text.split()) <= 3 and not any(c.isdigit() for c in text) and bool(parties.mentions(text))


def _side_numbers(infobox: Infobox) -> list[int]:
    numbers = set()
    for name in infobox.params:
        match = re.fullmatch(SIDE_PARAMETER, name)
        if match:
            numbers.add(int(match.group(2)))
    return sorted(numbers)


def build(infobox: Infobox, doc: Document, provenance: dict) -> None:
    """Fill ``doc`` (data, spans) from ``infobox``; the document's problems stay as they are."""
    builder = _Builder(infobox, doc)
    record: dict = {}
    conflict = infobox.text("conflict", " ")  # lines of a name or a place read on, as the page shows them
    # Without a conflict name, the file's stem (not its path, which may be absolute), and for
    # the second infobox of a file "-2", as the importer numbers files that share a name.
    stem = PurePosixPath(provenance["file"].replace("\\", "/")).stem
    record["id"] = slug(conflict or (stem if infobox.index == 1 else f"{stem}-{infobox.index}"))
    builder.place("/id", builder.whole("conflict"), "conflict")
    if conflict:
        record["conflict"] = conflict
        builder.place("/conflict", builder.whole("conflict"), "conflict")
    parents = [i for i in infobox.params.get("partof", ()) if i.text]
    if parents:
        # Every link of the cell names a parent ("[[Pacific War]], [[World War II]]"); a line
        # without a link names one by its text.
        named = [(target, item) for item in parents for target in _parents(item)]
        record["part_of"] = list(dict.fromkeys(target for target, _ in named))
        builder.place("/part_of", builder.whole("partof"), "partof")
        spans: dict[str, Span] = {}
        for target, item in named:
            spans.setdefault(target, item.span)
        for index, target in enumerate(record["part_of"]):
            builder.place(f"/part_of/{index}", spans[target])
    # The first line states the dates; later lines add durations or earlier skirmishes.
    date_text = next((i.text for i in infobox.params.get("date", ()) if i.text), "")
    for item in infobox.params.get("date", ()):
        misspelt = _misspelt_months(item, doc, infobox.names.get("date", "date"))
        if misspelt:
            infobox.malformed.add("date")
        doc.problems.extend(misspelt)
    # A date the reader reported as malformed is not guessed at: "4 Agust 1916" is no 1916,
    # and the missing date is the same defect, already reported.
    if "date" in infobox.malformed:
        date_text = ""
    for name in infobox.malformed:
        doc.reported.add(f"/{name}")
    # A parameter written with nothing the reader can use: a missing field is reported there.
    for name, field_name in (("conflict", "conflict"), ("date", "date"), ("result", "result")):
        if name in infobox.name_spans and not infobox.text(name):
            doc.key_spans[f"/{field_name}"] = infobox.name_spans[name]
    if date_text:
        record["date"] = read_span(date_text)
        builder.place("/date", builder.whole("date"), "date")
    place = infobox.text("place", " ")
    if place:
        record["place"] = {"name": place}
        builder.place("/place", builder.whole("place"), "place")
        if infobox.coordinates is not None:
            record["place"]["coordinates"] = {"lat": infobox.coordinates[0], "lon": infobox.coordinates[1]}
            builder.place("/place/coordinates", builder.whole("coordinates"), "coordinates")
    status = infobox.text("status").strip().casefold()
    if status:
        record["status"] = _STATUSES.get(status.split()[0], status)
        builder.place("/status", builder.whole("status"), "status")
    result = infobox.text("result", "\n")
    if result:
        record["result"] = {"text": result}
        builder.place("/result", builder.whole("result"), "result")
    territory = infobox.text("territory", "; ")
    if territory:
        record["territory"] = territory
        builder.place("/territory", builder.whole("territory"), "territory")
    numbers = _side_numbers(infobox)
    combatant_numbers = [n for n in numbers if f"combatant{n}" in infobox.params]
    joint = None
    # The row after the last side is the joint row (civilians, totals) of the strength and
    # casualty rows; commanders or units there belong to a side that names no combatant.
    if (combatant_numbers and numbers[-1] == max(combatant_numbers) + 1
            and not any(f"{row}{numbers[-1]}" in infobox.params for row in ("commander", "units"))):
        joint = numbers.pop()
    record["sides"] = [builder.side(n, f"/sides/{i}") for i, n in enumerate(numbers)]
    other: dict = {}
    if joint is not None:
        other = builder.casualties(f"casualties{joint}", "/other_casualties")
    if "casualties_joint" in infobox.params:  # an attack's fatalities and injuries
        other = builder.casualties("casualties_joint", "/other_casualties", other)
    if other:
        record["other_casualties"] = other
    see_also = [i for i in infobox.params.get("see also", ()) if i.text]
    if see_also:
        record["see_also"] = list(dict.fromkeys(i.text for i in see_also))
        for index, item in enumerate(see_also):
            builder.place(f"/see_also/{index}", item.span)
    if infobox.sources:
        record["sources"] = infobox.sources
    if infobox.form == "attack":
        record["kind"] = "attack"
    record["provenance"] = provenance
    doc.value_spans.setdefault("", infobox.span)
    doc.data = record


def _misspelt_months(item: Item, doc: Document, name: str) -> list[Hit]:
    """A word written where a date's month stands that is no month but nearly one ("4 Agust 1916")."""
    hits = []
    for _start, _end, word, month in misspelt_months(item.text):
        line = doc.lines[item.span.line - 1] if item.span.line <= len(doc.lines) else ""
        found = line.find(word, item.span.column - 1)
        span = Span(item.span.line, found + 1, item.span.line, found + 1 + len(word)) if found >= 0 else item.span
        meant = " or ".join(f"'{m}'" for m in month.split(" or "))
        hits.append(Hit(f"'{word}' in '{name}' is not a month: write {meant} if that is the month meant",
                        span=span, rule=DATE_MALFORMED))
    return hits


def unknown_parameter(name: str, span: Span, known: str) -> Hit:
    return Hit(f"'{name}' is not a parameter of {known}; the template ignores it: check the spelling",
               span=span, rule=UNKNOWN_PARAMETER)
