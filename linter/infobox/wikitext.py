"""Load ``{{Infobox military conflict}}`` calls from wikitext, alone or inside an article.

mwparserfromhell parses the page (it round-trips the text exactly, so node offsets give every
value's position); each infobox becomes a record through ``linter.infobox.record``, so every
rule applies unchanged and its findings point into the wikitext.
"""

from __future__ import annotations

import re

from linter.data import load
from linter.findings import Span
from linter.infobox.items import Infobox, Item, LineIndex
from linter.infobox.record import build, slug, unknown_parameter
from linter.markup import SIDE_PARAMETER
from linter.model.document import Document, Hit

_TEMPLATES = load("wikitext.json")
INFOBOX_NAMES = frozenset(_TEMPLATES["infobox_names"])
_OPENING = re.compile(r"\{\{\s*(?:" + "|".join(re.escape(n).replace(r"\ ", r"[ _]+") for n in INFOBOX_NAMES)
                      + r")\s*(?:\||\n|<!--|\}\})", re.IGNORECASE)
_NUMBERED = re.compile(rf"{SIDE_PARAMETER}[a-z]?")


def template_name(template) -> str:
    import mwparserfromhell.nodes as n

    raw = "".join(str(node) for node in template.name.nodes if not isinstance(node, n.Comment))
    name = " ".join(raw.replace("_", " ").split()).casefold()
    return name[len("template:"):].strip() if name.startswith("template:") else name


class _Renderer:
    """Wikitext to the plain text a reader sees, collecting the citations on the way."""

    def __init__(self, registry: dict[str, dict], named_refs: dict[str, str]):
        self.registry = registry
        self.named_refs = named_refs
        self.cited: list[str] = []
        self.links: list[str] = []
        # In a combatant row a link's target and a flag's country name the party better than
        # the label a reader sees: "[[Vichy France|France]]", "{{flagcountry|Vichy France|name=France}}".
        self.name_parties = False
        # In a strength or casualty cell a flag icon labels the figures of one party: "{{flagicon|
        # Kingdom of Romania}}: unknown" is Romania's figure, so it reads "Kingdom of Romania: unknown".
        self.flag_labels = False

    def render(self, code) -> str:
        return "".join(self.node(node) for node in code.nodes)

    def node(self, node) -> str:
        import mwparserfromhell.nodes as n

        if isinstance(node, n.Text):
            return str(node)
        if isinstance(node, n.Wikilink):
            title = str(node.title).strip()
            self.links.append(title)
            if self.name_parties and ":" not in title.lstrip(":"):  # not a file or another wiki
                return title.lstrip(":").split("#")[0].replace("_", " ")
            return self.render(node.text if node.text is not None else node.title)
        if isinstance(node, n.ExternalLink):
            return self.render(node.title) if node.title is not None else ""
        if isinstance(node, n.HTMLEntity):
            return node.normalize().replace("\xa0", " ")
        if isinstance(node, n.Tag):
            tag = str(node.tag).casefold()
            if tag == "ref":
                self.cite_ref(node)
                return ""
            if tag == "br":
                return "\n"
            return self.render(node.contents) if node.contents is not None else ""
        if isinstance(node, n.Template):
            return self.template(node)
        if isinstance(node, n.Heading):
            return self.render(node.title)
        return ""  # comments, arguments

    def param(self, template, key) -> str:
        return self.render(template.get(key).value).strip() if template.has(key) else ""

    def template(self, template) -> str:
        name = template_name(template)
        kinds = _TEMPLATES["templates"]
        if name in kinds["flag_name"]:
            if self.name_parties:
                return self.param(template, "1") or self.param(template, "name")
            return self.param(template, "name") or self.param(template, "1")
        if name in kinds["flag_icon"] and self.flag_labels:
            country = self.param(template, "1")
            return f"{country}: " if country else ""
        if name in kinds["country_shortcut"]:  # {{UK}}: a flag and the country's name
            return kinds["country_shortcut"][name]
        if name in kinds["dash"]:  # "April 19, 1775{{snds}}September 3, 1783"
            return kinds["dash"][name]
        if name in kinds["inner_text"]:
            return " ".join(self.render(p.value) for p in template.params if not p.showkey)
        if name in kinds["circa"]:
            return "c. " + self.param(template, "1")
        if name in kinds["marker"]:
            return " " + kinds["marker"][name]
        if name in kinds["date"]:
            return self.date(template, name)
        if name in kinds["short_citation"]:
            self.cite(slug("sfn " + " ".join(str(p.value).strip() for p in template.params if not p.showkey)),
                      {"title": " ".join(self.render(p.value).strip() for p in template.params if not p.showkey) or name})
        return ""  # icons, citation-needed tags, footnotes, layout: no text of their own

    def date(self, template, name: str) -> str:
        from linter.infobox.dates import _MONTHS

        months = {v: k for k, v in _MONTHS.items() if len(k) > 3 or k == "may"}
        numbers = [self.render(p.value).strip() for p in template.params if not p.showkey]
        numbers = [x for x in numbers if x.isdigit()]

        def one(parts):
            year, month, day = (parts + [None, None, None])[:3]
            words = [day, months.get(int(month)).title() if month and 1 <= int(month) <= 12 else None, year]
            return " ".join(w for w in words if w)
        if name in ("start and end dates", "start and end date") and len(numbers) > 3:
            return f"{one(numbers[:3])} – {one(numbers[3:6])}"
        return one(numbers[:3])

    def cite_ref(self, tag) -> None:
        name = str(tag.get("name").value).strip() if tag.has("name") else ""
        body = str(tag.contents) if tag.contents is not None else self.named_refs.get(name, "")
        source_id = slug(name) if name else f"ref-{len(self.registry) + 1}"
        if source_id not in self.registry:
            self.registry[source_id] = _describe_source(body, name)
        self.cited.append(source_id)

    def cite(self, source_id: str, source: dict) -> None:
        self.registry.setdefault(source_id, source)
        self.cited.append(source_id)


def _describe_source(body: str, name: str) -> dict:
    import mwparserfromhell

    code = mwparserfromhell.parse(body)
    source: dict = {}
    for template in code.filter_templates(recursive=False):
        for key, field in (("title", "title"), ("publisher", "publisher"), ("work", "publisher"), ("url", "url")):
            if template.has(key) and field not in source:
                value = " ".join(str(template.get(key).value).split())
                if value and (field != "url" or value.startswith(("http://", "https://"))):
                    source[field] = value[:300]
    if "url" not in source:
        match = re.search(r"https?://[^\s\]|<]+", body)
        if match:
            source["url"] = match.group()
    if "title" not in source and "publisher" not in source:
        text = " ".join(code.strip_code().split())
        source["title"] = (text or f"reference '{name}'")[:300]
    return source


def _params(template, offset: int):
    """(parameter, offset of its name, offset of its value) for each parameter of a template
    call that starts at ``offset``: the call is "{{" name ("|" parameter)* "}}", exactly."""
    position = offset + 2 + len(str(template.name))
    for param in template.params:
        position += 1
        value_offset = position + (len(str(param.name)) + 1 if param.showkey else 0)
        yield param, position, value_offset
        position += len(str(param))


def _coordinates(value) -> tuple[float, float] | None:
    """Latitude and longitude of the first {{coord}} in a value: decimal or degrees,
    minutes and seconds, as the template takes them."""
    for template in value.filter_templates(recursive=True):
        if template_name(template) != "coord":
            continue
        parts = [str(p.value).strip() for p in template.params if not p.showkey]
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


def _segments(code, base: int) -> list[list[tuple[object, int]]]:
    """Split a parameter value into items (lines, <br />, list-template entries) with offsets."""
    import mwparserfromhell.nodes as n
    from mwparserfromhell.nodes.text import Text

    segments: list[list[tuple[object, int]]] = []
    current: list[tuple[object, int]] = []

    def flush() -> None:
        if current:
            segments.append(list(current))
            current.clear()

    position = base
    for node in code.nodes:
        text = str(node)
        if isinstance(node, n.Tag) and str(node.tag).casefold() == "br":
            flush()
        elif isinstance(node, n.Text) and "\n" in text:
            offset = position
            for index, part in enumerate(text.split("\n")):
                if index:
                    flush()
                if part:
                    current.append((Text(part), offset))
                offset += len(part) + 1
        elif isinstance(node, n.Template) and template_name(node) in _TEMPLATES["templates"]["list"]:
            flush()
            for param, _, value_offset in _params(node, position):
                if not param.showkey:
                    segments.extend(_segments(param.value, value_offset))
        else:
            current.append((node, position))
        position += len(text)
    flush()
    return segments


def _items(value, base: int, lines: LineIndex, renderer: _Renderer) -> list[Item]:
    import mwparserfromhell

    items = []
    for segment in _segments(value, base):
        raw = "".join(str(node) for node, _ in segment)
        renderer.cited, renderer.links = [], []
        text = renderer.render(mwparserfromhell.parse(raw)) if segment else ""
        text = " ".join(text.replace("\n", " ").split()).lstrip("*#:•· ").rstrip(",; ").strip()
        if not text and not renderer.cited:
            continue
        start = segment[0][1] + (len(raw) - len(raw.lstrip(" \t*#:")))
        end = segment[0][1] + len(raw.rstrip())
        items.append(Item(text, lines.span(start, max(end, start)), tuple(dict.fromkeys(renderer.cited)),
                          renderer.links[0] if renderer.links else None, raw.lstrip().startswith(";")))
    return [item for item in items if item.text]


def _infoboxes(code, base: int = 0):
    """(template, offset) of every infobox call, at any depth, in file order."""
    import mwparserfromhell.nodes as n

    position = base
    for node in code.nodes:
        if isinstance(node, n.Template):
            if template_name(node) in INFOBOX_NAMES:
                yield node, position
            else:
                for param, _, value_offset in _params(node, position):
                    yield from _infoboxes(param.value, value_offset)
        elif isinstance(node, n.Tag) and node.contents is not None and str(node.tag).casefold() != "ref":
            inner = str(node).find(str(node.contents), len(str(node.tag)) + 1)
            yield from _infoboxes(node.contents, position + max(inner, 0))
        position += len(str(node))


def _read(template, offset: int, lines: LineIndex, named_refs: dict[str, str], index: int,
          problems: list[Hit]) -> Infobox:
    box = Infobox(span=lines.span(offset, offset + len(str(template))), index=index)
    renderer = _Renderer(box.sources, named_refs)
    known = _TEMPLATES["parameters"]
    for param, position, value_offset in _params(template, offset):
        name = str(param.name).strip().casefold().replace(" ", "_") if param.showkey else ""
        name_span = lines.span(position + (len(str(param.name)) - len(str(param.name).lstrip())),
                               position + len(str(param.name).rstrip()))
        value_text = str(param.value)
        lead = len(value_text) - len(value_text.lstrip())
        value_span = lines.span(value_offset + lead, value_offset + len(value_text.rstrip()))
        if not param.showkey:
            if value_text.strip():
                problems.append(Hit(f"'{value_text.strip()[:40]}' has no '=', so the template ignores it: "
                                    "write 'name = value'", span=value_span, rule="positional-parameter"))
        elif name not in known and not _NUMBERED.fullmatch(name):
            problems.append(unknown_parameter(name, name_span, "Infobox military conflict"))
        else:
            key = name.replace("_", " ") if name == "see_also" else name
            renderer.name_parties = key.startswith("combatant")
            renderer.flag_labels = key.startswith(("strength", "casualties"))
            box.params[key] = _items(param.value, value_offset, lines, renderer)
            if key == "coordinates":
                box.coordinates = _coordinates(param.value)
            box.name_spans[key] = name_span
            box.value_spans[key] = value_span
    return box


def load_wikitext(doc: Document) -> None:
    """Fill ``doc`` with the file's first infobox; later ones go to ``doc.extra``."""
    import mwparserfromhell

    code = mwparserfromhell.parse(doc.text)
    lines = LineIndex(doc.text)
    named_refs = {}
    for tag in code.filter_tags(matches=lambda t: str(t.tag).casefold() == "ref"):
        if tag.has("name") and tag.contents is not None and str(tag.contents).strip():
            named_refs.setdefault(str(tag.get("name").value).strip(), str(tag.contents))
    found = list(_infoboxes(code))
    if not found:
        opened = _OPENING.search(doc.text)
        if opened:  # the parser saw no template: its braces never balance
            message = (f"the infobox opened here is never closed: a '}}}}' is missing (or a '{{{{' too many) "
                       "before the end of the file, so nothing in it can be checked")
            span = lines.span(opened.start(), opened.end())
        else:
            message, span = "no {{Infobox military conflict}} call in this file: nothing to check", Span(1, 1, 1, 1)
        doc.problems.append(Hit(message, span=span, rule="no-infobox"))
        return
    for index, (template, offset) in enumerate(found, start=1):
        target = doc if index == 1 else Document(path=doc.path, format=doc.format, text=doc.text)
        box = _read(template, offset, lines, named_refs, index, target.problems)
        build(box, target, {"file": doc.path, "format": "wikitext", "index": index})
        if target is not doc:
            doc.extra.append(target)
