"""Load infobox calls from wikitext, alone or inside an article: ``{{Infobox military conflict}}``
(its redirects, ``{{#invoke:Infobox military conflict|main}}``, the old ``{{Warbox}}``) and the
attack templates ``{{Infobox civilian attack}}`` / ``{{Infobox terrorist attack}}``.

mwparserfromhell's tokenizer and ``linter.infobox.tree``'s builder parse the page into
mwparserfromhell's node tree (it round-trips the text exactly, so node offsets give every
value's position); each cell is split into items (``linter.infobox.cells``) and rendered as a
reader sees it (``linter.infobox.render``); each infobox then becomes a record through
``linter.infobox.record``, so every rule applies unchanged and its findings point into the wikitext.

Only ``linter.load`` imports this reader, and only when a wikitext file is read: so it and the
modules it reads with import mwparserfromhell at the top, not again on every call.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import Tag, Template

from linter.findings import Span
from linter.infobox import cells, tree
from linter.infobox.budget import measure
from linter.infobox.items import Infobox, Item, LineIndex
from linter.infobox.nodetext import NodeText
from linter.infobox.record import build, unknown_parameter
from linter.infobox.render import NamedRefs, Renderer, descendants
from linter.infobox.templates import (
    ATTACK_FIELDS,
    ATTACK_NAMES,
    INFOBOX_NAMES,
    Form,
    form_of,
    is_invoke,
    is_known,
    params,
    side_row,
)
from linter.model.document import Document, Hit
from linter.rules.date_malformed import SLUG as DATE_MALFORMED
from linter.rules.duplicate_key import SLUG as DUPLICATE_KEY
from linter.rules.duplicate_key import repeated_parameter_fix
from linter.rules.limit_exceeded import SLUG as LIMIT_EXCEEDED
from linter.rules.no_infobox import SLUG as NO_INFOBOX
from linter.rules.positional_parameter import SLUG as POSITIONAL_PARAMETER

if TYPE_CHECKING:
    from mwparserfromhell.wikicode import Wikicode

_OPENING = re.compile(r"\{\{\s*(?:" + "|".join(re.escape(n).replace(r"\ ", r"[ _]+")
                                               for n in sorted(INFOBOX_NAMES | ATTACK_NAMES))
                      + r")\s*(?:\||\n|<!--|\}\})", re.IGNORECASE)
_ATTACK_CATEGORIES = {"fatalities": "killed", "injuries": "wounded"}


def _every_node(node: object) -> bool:
    return True


def _coordinates(value: Wikicode, texts: NodeText) -> tuple[float, float] | None:
    """Latitude and longitude of the first {{coord}} in a value: decimal or degrees,
    minutes and seconds, as the template takes them."""
    for template in descendants(value, _every_node):
        if type(template) is not Template or texts.name(template) != "coord":
            continue
        parts = [texts(p.value).strip() for p in template.params if not p.showkey]
        parts = [p for p in parts if p and ":" not in p]
        try:
            hemispheres = [i for i, p in enumerate(parts) if p.upper() in ("N", "S", "E", "W")]
            if len(hemispheres) == 2:
                first, second = hemispheres
                lat = _degrees(parts[:first], parts[first])
                lon = _degrees(parts[first + 1:second], parts[second])
            else:
                lat, lon = float(parts[0]), float(parts[1])
        except (ValueError, IndexError):
            return None
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return round(lat, 5), round(lon, 5)
    return None


def _degrees(parts: list[str], hemisphere: str) -> float:
    value = sum(float(part) / 60 ** index for index, part in enumerate(parts[:3]))
    return -value if hemisphere.upper() in ("S", "W") else value


# Item(...) goes through the named tuple's __new__, a Python function taking keywords; this
# makes the same value in C, at a third of the cost, for the thirty-odd items of a page.
_new_item = functools.partial(tuple.__new__, Item)


def _items(
    value: Wikicode, base: int, lines: LineIndex, renderer: Renderer, category: str = "", name: str = ""
) -> list[Item]:
    texts = renderer.texts
    items: list[Item] = []
    for segment in cells.segments(value, base, texts):
        raw = segment.raw
        renderer.start_item()
        text = renderer.join(segment.nodes)
        text = " ".join(text.split()).lstrip("*#:;•· ").rstrip(",; ").strip()
        if segment.term:
            text = text.replace("'''", "").strip()
        if not text:
            if renderer.cited and items:  # "{{ubl|a|b}}<ref>": a citation closing a list, on the last item
                last = items[-1]
                items[-1] = last._replace(sources=tuple(dict.fromkeys(last.sources + tuple(renderer.cited))))
            if renderer.remarks and items:  # "{{flag|Romania}}<br>(20–23 August)": a note on the party above
                items[-1] = items[-1]._replace(remarks=items[-1].remarks + tuple(renderer.remarks))
            continue
        start = segment.offset + cells.lead_length(raw)
        end = segment.offset + len(raw.rstrip())
        items.append(_new_item((  # every field of Item, in its order
            text,
            lines.span(start, max(end, start)),  # span
            tuple(dict.fromkeys(renderer.cited)),  # sources
            renderer.links[0] if renderer.links else None,  # link
            bool(segment.term),  # term
            "",  # heading: set by the record's builder, which sees the items above
            segment.term,  # level
            _pages(renderer.links),  # links
            name,  # parameter
            category,
            renderer.unsourced_marked,
            cells.is_small(segment.nodes, texts),  # small
            raw.lstrip(" \t").startswith(("*", "#")),  # bullet
            tuple(renderer.remarks),
            tuple(renderer.labels),
        )))
    return items


def _pages(links: list[str]) -> tuple[str, ...]:
    """The pages that link targets name, once each, in order: "Foo_bar#History" is "Foo bar"."""
    if not links:  # most items
        return ()
    pages = [target.lstrip(":").split("#")[0] for target in links]
    return tuple(dict.fromkeys(page.replace("_", " ").strip() for page in pages if page.strip()))


def _infoboxes(code: Wikicode, texts: NodeText, base: int = 0) -> Iterator[tuple[Template, Form, int]]:
    """(template, form, offset) of every infobox call, at any depth, in file order."""
    position = base
    for node in code.nodes:
        if isinstance(node, Template):
            form = form_of(node)
            if form is not None:
                yield node, form, position
            else:
                for param, _, value_offset in params(node, position, texts):
                    yield from _infoboxes(param.value, texts, value_offset)
        elif isinstance(node, Tag) and node.contents is not None and texts.tag(node) != "ref":
            inner = texts(node).find(texts(node.contents), len(texts(node.tag)) + 1)
            yield from _infoboxes(node.contents, texts, position + max(inner, 0))
        position += len(texts(node))


def _record_key(name: str, form: Form) -> tuple[str, str]:
    """(the parameter whose record field a parameter fills, casualty category it implies)."""
    if form.kind == "attack":
        key = ATTACK_FIELDS.get(name, "")
        if key in _ATTACK_CATEGORIES:
            return "casualties_joint", _ATTACK_CATEGORIES[key]
        return key, ""
    row = side_row(name)
    if row is not None:  # combatant2a: a further row of side 2
        return f"{row[0]}{row[1]}", ""
    return ("see also" if name == "see_also" else name), ""


def _read(template: Template, form: Form, offset: int, lines: LineIndex, refs: NamedRefs, index: int,
          problems: list[Hit], texts: NodeText, text: str = "") -> Infobox:
    box = Infobox(span=lines.span(offset, offset + len(texts(template))), index=index, form=form.kind)
    renderer = Renderer(box.sources, refs, texts)
    label = "Infobox civilian attack" if form.kind == "attack" else "Infobox military conflict"
    given: dict[str, tuple] = {}  # exact name -> (param, name span, value offset, value span)
    invoke = is_invoke(template)
    for param, position, value_offset in params(template, offset, texts):
        raw_name = texts(param.name)
        name = raw_name.strip() if param.showkey else ""
        name_span = lines.span(position + (len(raw_name) - len(raw_name.lstrip())), position + len(raw_name.rstrip()))
        value_text = texts(param.value)
        lead = len(value_text) - len(value_text.lstrip())
        value_span = lines.span(value_offset + lead, value_offset + len(value_text.rstrip()))
        if not param.showkey:
            if invoke and value_text.strip() == "main":  # the module's function, not a value
                invoke = False
            elif value_text.strip():
                problems.append(
                    Hit(
                        f"'{value_text.strip()[:40]}' has no '=', so the template ignores it: write 'name = value'",
                        span=value_span,
                        rule=POSITIONAL_PARAMETER,
                    )
                )
            continue
        if not is_known(name, form.kind):
            problems.append(unknown_parameter(name, name_span, label))
            continue
        if name in given:
            first = given[name][1]
            # the same value twice: dropping this one changes nothing a reader sees
            same = texts(given[name][0].value).strip() == value_text.strip()
            problems.append(
                Hit(
                    f"'{name}' is given twice (first on line {first.line}); MediaWiki shows only "
                    "this last value and drops the first silently: remove one",
                    span=name_span,
                    rule=DUPLICATE_KEY,
                    fix=repeated_parameter_fix(text, position - 1, position + len(texts(param)), name)
                    if same and text else None,
                )
            )
        given[name] = (param, name_span, value_offset, value_span)
    # Lettered rows (combatant2a, ...) add to their side's numbered row.
    for name, (param, name_span, value_offset, value_span) in given.items():
        key, category = _record_key(name, form)
        if not key:
            continue
        renderer.name_parties = key.startswith("combatant")
        renderer.flag_labels = key.startswith(("strength", "casualties"))
        renderer.bad_dates = []
        items = _items(param.value, value_offset, lines, renderer, category, name)
        if key == "date":
            _report_dates(param.value, value_offset, lines, renderer.bad_dates, problems, texts)
            if renderer.bad_dates:
                box.malformed.add(key)
        if key in box.params:
            box.params[key] = box.params[key] + items
        else:
            box.params[key] = items
            box.name_spans[key] = name_span
            box.value_spans[key] = value_span
            box.names[key] = name
        if key == "coordinates":
            box.coordinates = _coordinates(param.value, texts)
    return box


def _report_dates(value: Wikicode, value_offset: int, lines: LineIndex, bad: list, problems: list[Hit],
                  texts: NodeText) -> None:
    text = texts(value)
    for template, reason in bad:
        start = text.find(texts(template))
        span = lines.span(value_offset + max(start, 0), value_offset + max(start, 0) + len(texts(template)))
        problems.append(Hit(f"{{{{{texts(template.name).strip()}}}}}: {reason}", span=span, rule=DATE_MALFORMED))


def load_wikitext(doc: Document) -> None:
    """Fill ``doc`` with the file's first infobox; later ones go to ``doc.extra``."""

    too_much = measure(doc.text).over_budget()
    if too_much:  # the parser's time would grow with the square of the page: not parsed at all
        doc.problems.append(Hit(f"{too_much}: the page is not parsed, so nothing in it is checked; "
                                "close the markup that is left open", span=Span(1, 1, 1, 1), rule=LIMIT_EXCEEDED))
        return
    code = tree.parse(doc.text)
    lines = LineIndex(doc.text)
    texts = NodeText()
    refs = NamedRefs(code, texts)
    found = list(_infoboxes(code, texts))
    if not found:
        opened = _OPENING.search(doc.text)
        if opened:  # the parser saw no template: its braces never balance
            message = (
                "the infobox opened here is never closed: a '}}' is missing (or a '{{' too many) "
                "before the end of the file, so nothing in it can be checked"
            )
            span = lines.span(opened.start(), opened.end())
        else:
            message, span = "no {{Infobox military conflict}} call in this file: nothing to check", Span(1, 1, 1, 1)
        doc.problems.append(Hit(message, span=span, rule=NO_INFOBOX))
        return
    for index, (template, form, offset) in enumerate(found, start=1):
        target = doc if index == 1 else Document(path=doc.path, format=doc.format, text=doc.text)
        box = _read(template, form, offset, lines, refs, index, target.problems, texts, doc.text)
        build(box, target, {"file": doc.path, "format": "wikitext", "index": index})
        if target is not doc:
            doc.extra.append(target)
