"""Build a native record from an infobox, keeping each value's span for findings."""

from __future__ import annotations

import re
from itertools import accumulate, pairwise
from pathlib import PurePosixPath

from linter import figure_text, parties
from linter.dates import MONTH_PATTERN
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
        # A side's parties by its number: read once, for its combatants and its casualty labels.
        self._parties: dict[int, list[Item]] = {}

    def side_party_items(self, number: int) -> list[Item]:
        if number not in self._parties:
            self._parties[number] = _parties([i for i in self.box.params.get(f"combatant{number}", ()) if i.text])
        return self._parties[number]

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
        parsed = figure_text.parse(_own_text(item))
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
                items = self.side_party_items(number)
            elif key == "commanders":
                items = _people(items)
            if items:
                side[key] = [i.text for i in items]
                self.place(f"{base}/{key}", self.whole(f"{field_name}{number}"), f"{field_name}{number}")
                for index, item in enumerate(items):
                    self.place(f"{base}/{key}/{index}", item.span)
                    if item.remarks:
                        self.doc.notes[f"{base}/{key}/{index}"] = "; ".join(item.remarks)
        strength = [part for item in _figure_items(self.box.params.get(f"strength{number}", []))
                    for part in _parts(item, self.doc)]
        if strength:
            self.place(f"{base}/strength", self.whole(f"strength{number}"), f"strength{number}")
            side["strength"] = [self.figure(item, f"{base}/strength/{i}") for i, item in enumerate(strength)]
        casualties = self.casualties(f"casualties{number}", f"{base}/casualties", number=number)
        if casualties:
            side["casualties"] = casualties
        return side

    def casualties(self, name: str, base: str, block: dict | None = None, number: int | None = None) -> dict:
        """The figures of casualty row ``name``: side ``number``'s, or with no number the joint row's,
        which has no party of its own."""
        items = [part for item in _figure_items(self.box.params.get(name, []))
                 for part in _parts(item, self.doc)]
        block = {} if block is None else block
        if not items:
            return block
        if base not in self.doc.value_spans:
            self.place(base, self.whole(name), name)
        others: list[dict] = list(block.pop("other", []))
        own = None if number is None else self.side_parties(number)
        # One heading over every figure of the cell ("Soviet" above all of side 2's) heads the
        # side's own losses, not one group's.
        tops = {item.heading.split(": ")[0] for item in items}
        whole = next(iter(tops)) if len(tops) == 1 and "" not in tops else ""
        chosen = [[item.category] if item.category else _category_choices(item, own, whole) for item in items]
        # A total stated in words ("Total: 174,194", "225,000 total casualties") is the total;
        # bare figures beside it ("October: 62,870") are not.
        stated_total = any(choices and "total" in choices for choices in chosen)
        for index, (item, choices) in enumerate(zip(items, chosen, strict=True)):
            if choices == [] and not stated_total and "total" not in block \
                    and _bare(item, first=index == 0, block=block):
                choices = ["total"]  # "1,200" or a cell that is only "Unknown": the side's losses
            category = next((c for c in choices or () if c not in block), None)
            figure_like = figure_text.parse(_own_text(item)) is not None or figure_text.malformed(_own_text(item))
            if category and figure_like:
                block[category] = self.figure(item, f"{base}/{category}")
            else:
                others.append(self.figure(item, f"{base}/other/{len(others)}"))
        if others:
            block["other"] = others
        return block

    def side_parties(self, number: int) -> frozenset[str] | None:
        """The party a side's only combatant is, or None when it lists several (or none): a
        figure labelled with that party is the side's own, one labelled with any other a group's."""
        names = [i.text for i in self.side_party_items(number)]
        if len(names) != 1:
            return None
        found = parties.mentions(names[0])
        return frozenset().union(*(m.parties for m in found)) if found else frozenset({names[0]})


def _own_text(item: Item) -> str:
    """An item's text without the heading it stands under."""
    return item.text[len(item.heading) + 2:] if item.heading and item.text.startswith(item.heading) else item.text


def _figure_items(items: list[Item]) -> list[Item]:
    """The figures of a strength or casualty cell.

    Headings group the figures below them and are none: "Fighter Command:", a definition-list
    term (";Japanese"), a label with only a remark after it ("Moscow Defense: (30 September
    1941 to 5 November 1942)"), or a party's name alone ("German", "Royal Navy") over a
    count; each figure under one is read with it ("British: unknown"), as a reader does. A
    line that is one bracketed remark ("(91 divisions)") or all small print qualifies the
    figure above it and joins it, and so does a line that goes on with that figure after a
    ``<br>`` ("250,000 dead<br> or missing", "150,000 killed,<br> wounded or captured").
    """
    figures: list[Item] = []
    # Headings nest: a bold or ";" heading is a group, a "Label:" line a subgroup under it.
    # A new heading replaces those of its own level and below; a subgroup that repeats its
    # group's name (a bold "Germany" over "Germany:") adds nothing.
    groups: list[tuple[int, str]] = []
    # A labelled figure with bullets under it ("{{flagicon|Nazi Germany}} 27,412" over "*4,264
    # killed"): the bullets are that group's figures.
    parent = ""
    for index, item in enumerate(items):
        if not item.text:
            continue
        if figures and not item.term and _continues(figures[-1], item):
            figures[-1] = _joined(figures[-1], item)
            continue
        if figures and not item.term and _remark(item):  # bracketed, so that its words count nothing
            bracketed = item.text if item.text.startswith("(") else f"({item.text})"
            figures[-1] = _joined(figures[-1], item._replace(text=bracketed))
            continue
        if _is_heading(item.text, item.term) and _has_items_below(items, index, item):
            level = item.level or 3
            name = _heading_name(item.text)
            groups = [g for g in groups if g[0] < level]
            if not groups or groups[-1][1].casefold() != name.casefold():
                groups.append((level, name))
            parent = ""
            continue
        if not item.bullet:
            parent = figure_text.split_label(item.text)[0].strip() if figure_text.parse(item.text) else ""
        heading = ": ".join([name for _, name in groups] + ([parent] if item.bullet and parent else []))
        text = _without_repeats(f"{heading}: {item.text}" if heading else item.text)
        if heading:
            figures.append(item._replace(text=text, heading=heading))
        else:  # items are read-only: one read as written is shared, not copied
            figures.append(item if text == item.text else item._replace(text=text))
    return figures


_REMARK_START = re.compile(r"(?:see|not|excluding|including|includes|such as|of whom|of which|does not|note)\b",
                     re.IGNORECASE)


def _remark(item: Item) -> bool:
    """A line that only qualifies the figure above it: one bracketed remark, small print, or a
    note that gives no count ("Not including civilian casualties", "See casualties section")."""
    if (item.text.startswith("(") and item.text.endswith(")")) or item.small:
        return True
    text = _QUOTES.sub("", item.text).strip()
    return bool(_REMARK_START.match(text)) and figure_text.parse(text) is None and not figure_text.malformed(text)


_WORD = re.compile(r"[^\W\d_]+")
_HYPHENATED_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_ONLY_REMARKS = re.compile(r"\s*(?:\([^()]*\)\s*)+")  # "(30 September 1941 to 5 November 1942)"
_NUMBER_TOKEN = re.compile(r"\d[\d,.]*")
_SIDE_PARAMETER = re.compile(SIDE_PARAMETER)
_GOES_ON = re.compile(r"^(?:and|or|&|/)\b|^[)\]]", re.IGNORECASE)
_OPEN_END = re.compile(r"(?:,|\b(?:and|or|of|including|incl\.))\s*$", re.IGNORECASE)
_QUOTES = re.compile(r"'{2,}")
_CATEGORY_WORDS = frozenset("""killed dead wounded injured sick missing captured prisoners casualties losses total
and or including incl medical kia wia mia pow pows deaths""".split())  # noqa: SIM905


def _continues(before: Item, item: Item) -> bool:
    """Whether a line goes on with the figure above it rather than starting one: that figure is
    left open (an unclosed bracket, a trailing comma or "and") and the line gives no count of
    its own, or the line starts with "or" or "and", or it is only category words ("missing and
    captured", "total casualties")."""
    text = _QUOTES.sub("", item.text).strip()
    if before.text.count("(") > before.text.count(")"):
        return True
    if figure_text.parse(text) is not None or figure_text.malformed(text):
        return False
    if _OPEN_END.search(before.text) or _GOES_ON.match(text):
        return True
    words = _WORD.findall(text.casefold())
    return bool(words) and text[:1].islower() and set(words) <= _CATEGORY_WORDS and bool(figure_text.categories(text))


def _joined(before: Item, item: Item) -> Item:
    span = Span(before.span.line, before.span.column, item.span.end_line, item.span.end_column)
    text = " ".join(_QUOTES.sub("", f"{before.text} {item.text}").split())
    return before._replace(text=text, span=span,
                           sources=tuple(dict.fromkeys(before.sources + item.sources)),
                           unsourced_marked=before.unsourced_marked or item.unsourced_marked)


def _heading_name(text: str) -> str:
    label, rest = figure_text.split_label(text)
    if label and rest.strip() and _ONLY_REMARKS.fullmatch(rest):
        return label.strip()
    return text.rstrip(": ").strip()


def _without_repeats(text: str) -> str:
    """"Germany: Germany: 500 tanks" (a heading, then a flag's label) as "Germany: 500 tanks"."""
    if ": " not in text:  # no label: nothing repeated
        return text
    parts = text.split(": ")
    kept = [part for index, part in enumerate(parts) if index == 0 or part.casefold() != parts[index - 1].casefold()]
    return ": ".join(kept)


def _has_items_below(items: list[Item], index: int, heading: Item) -> bool:
    """A heading heads something: a lone bold figure at the end of a cell is a figure, and a
    party's name alone heads a count ("Camforce (Ethiopian Patriots)" over a unit's name is a
    unit, not a heading)."""
    below = [i for i in items[index + 1:] if i.text and not i.term]
    if not below:
        return False
    if heading.term or heading.text.endswith(":") or figure_text.split_label(heading.text)[0]:
        return True
    return figure_text.parse(below[0].text) is not None


_CITATION = re.compile(r"<ref\b|\{\{\s*(?:sfnp?|sfnm|harvnb|harvp|efn[\w-]*|refn|r|ref|#tag:ref)\s*[|}]", re.IGNORECASE)


def _parts(item: Item, doc: Document) -> list[Item]:
    """A line that gives several figures, "744 aircraft; 1,666 tanks", "50 killed, 150 wounded"
    or "150 (40 killed, 60 wounded)", as one item per figure, each where it stands in the file
    when the line shows it verbatim, with its label ("Italian: 407 killed, 1,289 killed since
    June 1940": both Italian). Anything else stays one item.

    Citations: a figure cites those written within or right after it; one with none of its own
    cites those that end the line, as they cite the line ("50 killed, 150 wounded<ref/>": both
    cited; "11,000<ref/> enlisted + 800 officers": only 11,000; "9<ref>A</ref>, 7<ref>B</ref>":
    9 cites A, 7 cites B). Where the citations written on the line and the sources read from it
    do not pair one to one (a ref cited twice, an empty ref, a ref inside a note), a cited
    figure cites them all."""
    text = _own_text(item)
    pieces = figure_text.split_figures(text)
    if len(pieces) < 2:
        return [item]
    # Pieces are found on the item's first line (a remark below may have joined it).
    line = doc.lines[item.span.line - 1] if item.span.line <= len(doc.lines) else ""
    label = figure_text.split_label(text[pieces[0][0]:pieces[0][1]], periods=True)[0].strip()
    parts = []
    starts: list[int] = []
    cursor = item.span.column - 1
    for number, (start, end) in enumerate(pieces):
        piece = text[start:end].strip()
        written = _SUBSET.sub("", piece, count=1) if _SUBSET.match(piece) else piece
        found = line.find(written, cursor) if line else -1
        if found < 0 and line:  # markup inside the piece: find where its number (or first word) stands
            token = _NUMBER_TOKEN.search(written)
            found = line.find(token.group() if token else written.split()[0], cursor)
        span = Span(item.span.line, found + 1, item.span.line, found + 1 + len(written)) if found >= 0 else item.span
        if found >= 0:
            cursor = found + 1
        starts.append(found)
        if number and label and not figure_text.split_label(piece, periods=True)[0]:
            piece = f"{label}: {piece}"
        parts.append(item._replace(text=f"{item.heading}: {piece}" if item.heading else piece, span=span))
    end = item.span.end_column - 1 if item.span.end_line == item.span.line else len(line)
    if not item.sources or min(starts) < 0 or item.span.end_line != item.span.line:
        return parts
    # How many citations are written after each figure, up to the next one (or the line's end).
    counts = [len(_CITATION.findall(line, first, last)) for first, last in zip(starts, [*starts[1:], end], strict=True)]
    if sum(counts) != len(item.sources):
        ending = item.sources if counts[-1] else ()
        return [part._replace(sources=item.sources if cited else ending)
                for part, cited in zip(parts, counts, strict=True)]
    bounds = list(accumulate(counts, initial=0))
    own = [item.sources[first:last] for first, last in pairwise(bounds)]
    return [part._replace(sources=mine or own[-1]) for part, mine in zip(parts, own, strict=True)]


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
            item = item._replace(text=name)
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
    return [item._replace(text=part) for part in parts]


def _coalition_word(text: str) -> bool:
    """"allies", "Allies": a word that names a coalition, whatever its case."""
    capitalised = text[:1].upper() + text[1:]
    return any(m.kind == "coalition" and m.end - m.start == len(text) for m in parties.mentions(capitalised))


_TRAILING_REMARK = re.compile(r"\s*\([^()]*\)\s*$")
_REMARK = re.compile(r"\([^()]*\)")
_TITLE_SEPARATOR = re.compile(r"[,;]|\band\b")  # compiled once: re's own cache is too small for a run's patterns
_CONNECTORS = re.compile(r"^(?:(?:the|of|in|during|and|part|a|an)\b\s*)+|(?:\s+(?:the|of|in|during|and))+$",
                         re.IGNORECASE)


def _people(items: list[Item]) -> list[Item]:
    """A commander cell's people. Group headings (a bold "Division:", "Corps: (February–March)",
    a ";" line, a bold line without a link) and notes on a line of their own ("(Until 31
    January)", "([[2nd Army]])") are none; a linked name in bold is the commander in chief."""
    found = []
    for item in items:
        text = item.text.strip()
        if text.endswith(")"):  # only a line that ends in a bracket has a remark to drop
            text = _TRAILING_REMARK.sub("", text).strip()
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
    parts = _TITLE_SEPARATOR.split(_REMARK.sub(" ", text))
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


_PEOPLE = frozenset({"men", "troops", "soldiers", "personnel", "people"})
_SUBSET = re.compile(r"(?:including|incl\.)\s", re.IGNORECASE)
_MONTH = re.compile(rf"\b{MONTH_PATTERN}\b", re.IGNORECASE)


def _labels(item: Item) -> tuple[list[str], str]:
    """The labels a figure line stands under (its headings, then "Label:" parts of its own
    text) and the rest, which holds the figure."""
    labels = [name for name in item.heading.split(": ") if name] if item.heading else []
    rest = _own_text(item)
    while True:
        label, after = figure_text.split_label(rest, periods=True)
        if not label or not after.strip():
            return labels, rest
        labels.append(label.strip())
        rest = after


# A label that names an estimate, a source, a phase or a period names no group: "Low estimate",
# "Soviet claim", "Final assault", "German strategic offensive". Weaker words name none only
# when the label names no party or unit either: "Pre-war", "Initial", but "Polish First Army".
_NEUTRAL_LABEL = frozenset("""estimate estimates estimated claim claims claimed source sources archives archive data
according official report reports offensive offensives defense defence defensive assault attack attacks battle
phase operation during relief personnel manpower men troops soldiers contemporary modern campaign siege period
until from after before counteroffensive counter-offensive
""".split())  # noqa: SIM905
_WEAK_NEUTRAL = frozenset("""initial final first second third later early low high average peak pre-war prewar
post-war postwar end start total overall figures losses casualties""".split())  # noqa: SIM905
_UNIT_WORDS = frozenset("""army armies navy air force forces corps division divisions brigade brigades regiment
regiments battalion battalions fleet command luftwaffe wehrmacht kriegsmarine heer militia guard""".split())  # noqa: SIM905


def _names_group(label: str, own: frozenset[str] | None) -> bool:
    """Whether a label names one group of the side rather than a period, an estimate or the
    side itself: "Italian", "Luftwaffe", "Polish First Army", "Ascari" are groups; "June–July
    1942", "Low estimate", "Final assault", "Pre-war", and "Soviet" on a side whose only
    combatant is the Soviet Union are not."""
    if figure_text.only_years(label) or _MONTH.search(label):
        return False
    words = set(_HYPHENATED_WORD.findall(label.casefold()))
    if words & _NEUTRAL_LABEL:
        return False
    found = parties.mentions(label)
    if (words & _WEAK_NEUTRAL or figure_text.categories(label)) and not found and not words & _UNIT_WORDS:
        return False  # "Pre-war", "Civilian casualties", "Total"; not "Bulgarian casualties"
    return not (found and own is not None and frozenset().union(*(m.parties for m in found)) <= own)


def _category_choices(item: Item, own: frozenset[str] | None, whole: str = "") -> list[str] | None:
    """The casualty categories a figure line may fill, in order: [] when it names none, None
    when it counts something no category holds.

    A line under a label or heading that names a group of the side ("Italian: 407 killed",
    "Nazi Germany: 27,412"), or whose own words name a party on a side of several ("10,000
    Soviet KIA"), counts one group, not the side: it stays among the other losses, as does a
    figure of several categories at once ("Sick and wounded: 8,400"). A label that names a
    category decides for a bare figure ("Total: 620", "Wounded: 300") and goes first for one of
    civilians ("Civilian casualties: 2 killed"); otherwise the line's own words decide ("5
    submarines sunk" is no category)."""
    labels, rest = _labels(item)
    if any((label != whole and _names_group(label, own)) or figure_text.combined(label) for label in labels):
        return None
    if _SUBSET.match(rest.lstrip()):  # "including 804 wounded": a part of the figure before it
        return None
    outside = _REMARK.sub(" ", rest)
    if own is None and parties.mentions(outside):
        return None
    label_choices = [c for label in labels for c in figure_text.category_choices(label)]
    choices = figure_text.category_choices(f"{labels[-1]}: {rest}" if labels else rest)
    if choices:
        return list(dict.fromkeys([c for c in label_choices if c == "civilians"] + choices))
    if figure_text.combined(outside):
        return None
    if label_choices and _only_number(rest):
        return label_choices
    return []


def _only_number(text: str) -> bool:
    """A figure with no words but its number and words for people ("1,200", "c. 300", "20+",
    "16,236 men", "92,545 overall")."""
    text = _REMARK.sub(" ", text)
    parsed = figure_text.parse(text)
    if parsed is None:
        return False
    rest = text[:parsed.start] + " " + text[parsed.end:]
    words = set(_WORD.findall(rest.casefold()))
    return words <= _PEOPLE | {"overall"}


def _bare(item: Item, first: bool, block: dict) -> bool:
    """A figure with no words but its number ("1,200", "c. 300", "20+", "16,236 men"), or a cell
    that is only "Unknown" or "None" where its losses of people are given ("121 tanks
    destroyed<br>personnel: unknown"): it counts all the side's losses, so it is their total. A
    "None" after real figures is a stray placeholder, not a total."""
    rest = _labels(item)[1]
    parsed = figure_text.parse(rest)
    if parsed is None:
        return False
    if set(parsed.value) & {"unknown", "none"}:
        word = rest.strip().casefold().rstrip(".")
        people_given = any(c in block for c in ("killed", "wounded", "captured", "missing", "total"))
        return word in ("unknown", "none", "nil") and (first or (word == "unknown" and not people_given))
    return _only_number(rest)


def _is_heading(text: str, term: bool) -> bool:
    if term and (text.endswith(":") or figure_text.only_years(text)):  # a bold "July, 1942:" or period
        return True
    if text.endswith(":") and figure_text.only_years(text):  # "2007 PRC studies:" over the figures below
        return True
    if figure_text.parse(text) is not None:
        return False
    if term or text.endswith(":"):
        return True
    label, rest = figure_text.split_label(text)
    if label and _ONLY_REMARKS.fullmatch(rest):  # "Moscow Defense: (30 September 1941 to ...)"
        return True
    # A party's name alone, perhaps after its flag's label: "Kingdom of Italy: Italy".
    return any(len(name.split()) <= 3 and not any(c.isdigit() for c in name) and bool(parties.mentions(name))
               for name in (text, text.rpartition(": ")[2]))


def _side_numbers(infobox: Infobox) -> list[int]:
    numbers = set()
    for name in infobox.params:
        if not name[-1:].isdigit():  # a side's parameter ends in its number; most others do not
            continue
        match = _SIDE_PARAMETER.fullmatch(name)
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
