"""Wikitext nodes to the plain text a reader of the rendered page sees, collecting on the way the
citations that support it.

Citations: ``<ref>`` (named or not; a named one's content wherever on the page it is defined,
before or after its first use), ``{{refn}}`` and ``{{#tag:ref}}`` (footnotes that are
references), ``{{r|name}}``, ``{{sfn}}``/``{{sfnp}}``/``{{harvnb}}`` (short citations), and the
citations inside a ``{{efn}}`` note (the note itself is an explanation, not a source). Not
citations: an empty ``<ref></ref>``, ``{{rp|85}}`` (a page of the ref before it) and
``{{citation needed}}``, which says that no source is given. A named ref whose definition is
not in the file still cites: the file may be an excerpt of an article that defines it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)

from linter.infobox import tree
from linter.infobox.record import slug
from linter.infobox.templates import KINDS, country_codes, flag_country

if TYPE_CHECKING:
    from mwparserfromhell.nodes import Node
    from mwparserfromhell.wikicode import Wikicode

    from linter.infobox.nodetext import NodeText

# Templates that cite, or say something of a citation, and show no text of their own.
_CITATIONS = frozenset(name for kind in ("footnote", "named_refs", "note", "short_citation", "page_of_ref", "no_source")
                       for name in KINDS[kind])
_FILE_NAMESPACES = ("file:", "image:", "category:", "media:")
_REMARK = re.compile(r"\s*\([^()]*\)")  # a bracketed remark: "(naval)", "(from 1942)"
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


class NamedRefs:
    """The content (parsed) of every named reference of the page, by name, wherever it is
    defined. The page is searched on the first look-up only: most infoboxes never cite a
    reference by its name alone."""

    def __init__(self, code: Wikicode, texts: NodeText):
        self.code = code
        self.texts = texts
        self.found: dict[str, Wikicode] | None = None

    def get(self, name: str) -> Wikicode | str:
        if self.found is None:
            self.found = self.search()
        return self.found.get(name, "")

    def search(self) -> dict[str, Wikicode]:
        texts = self.texts
        found: dict[str, Wikicode] = {}
        for node in descendants(self.code, lambda node: _may_define(texts(node))):
            if type(node) is Tag:
                named = texts.attribute(node, "name") if texts.tag(node) == "ref" else None
                if named is not None and node.contents is not None and texts(node.contents).strip():
                    found.setdefault(texts(named.value).strip(), node.contents)
            elif type(node) is Template and texts.name(node) in KINDS["footnote"]:
                name, body = texts.param(node, "name"), texts.param(node, "1")
                if name is not None and body is not None:
                    found.setdefault(texts(name.value).strip(), body.value)
        return found


def _may_define(text: str) -> bool:
    """Whether a node's wikitext can hold a named reference's definition: "<ref" and the names
    of {{refn}} and {{#tag:ref}} all spell "ref", unless a comment splits a template's name."""
    return "ref" in text.casefold() or "<!--" in text


# Nodes with nothing inside them: most of a page, so not asked for their (empty) children.
_LEAVES = frozenset({Text, Comment, HTMLEntity})


def descendants(code: Wikicode, wanted: Callable[[Node], bool]) -> Iterator[Node]:
    """Every ``wanted`` node of ``code`` at any depth that can hold others (not text, a comment or
    an entity), in the order of ``code.ifilter(recursive=True)`` (a node, then the nodes inside
    it), without its chain of one generator per level. A node not wanted is passed over with all
    the nodes inside it."""
    stack = list(reversed(code.nodes))
    while stack:
        node = stack.pop()
        if type(node) in _LEAVES or not wanted(node):
            continue
        yield node
        stack.extend(reversed([child for inner in node.__children__() for child in inner.nodes]))


class Renderer:
    """Renders one item at a time: ``cited`` and ``links`` are reset by the caller per item."""

    def __init__(self, registry: dict[str, dict], refs: NamedRefs, texts: NodeText):
        self.registry = registry
        self.texts = texts
        self.named_refs = refs
        self.cited: list[str] = []
        self.links: list[str] = []
        self.in_template = False  # rendering a template's argument, where brackets belong to the name
        self.labels: list[tuple[str, str]] = []  # (the text shown, the target) of each link, in order
        self.remarks: list[str] = []  # bracketed notes left out of a party's name: "naval", "20–23 August"
        self.unsourced_marked = False
        # In a combatant row a link's target and a flag's country name the party better than
        # the label a reader sees: "[[Vichy France|France]]", "{{flagcountry|Vichy France|name=France}}".
        self.name_parties = False
        # In a strength or casualty cell a flag icon labels the figures of one party: "{{flagicon|
        # Kingdom of Romania}}: unknown" is Romania's figure, so it reads "Kingdom of Romania: unknown".
        self.flag_labels = False
        # Date templates whose arguments name no real day: (template, reason), for the loader to report.
        self.bad_dates: list[tuple[object, str]] = []

    def start_item(self) -> None:
        self.cited, self.links, self.labels, self.remarks, self.unsourced_marked = [], [], [], [], False

    def render(self, code: Wikicode) -> str:
        return self.join(code.nodes)

    def join(self, nodes: Iterable[Node]) -> str:
        """The text of nodes side by side. A citation ends the figure before it: "9<ref>a</ref>9"
        reads as two nines, never as 99 (nor, ten thousand times over, as one 10,000-digit number)."""
        parts: list[str] = []
        last = ""  # the last character shown so far
        cited = False  # a citation stands between ``last`` and the next text
        for node in nodes:
            text = self.node(node)
            if not text:
                cited = cited or self.is_citation(node)
                continue
            if cited and last.isdigit() and text[0].isdigit():
                parts.append(" ")
            parts.append(text)
            last, cited = text[-1], False
        return "".join(parts)

    def is_citation(self, node: Node) -> bool:
        if type(node) is Tag:
            return self.texts.tag(node) == "ref"
        return type(node) is Template and self.texts.name(node) in _CITATIONS

    def node(self, node: Node) -> str:
        # Exact type tests, cheaper than isinstance: the parser builds these classes, never subclasses.
        if type(node) is Text:
            if self.name_parties and not self.in_template and "(" in node.value:  # "{{flag|Australia}} (naval)": a note
                self.remarks.extend(m.group().strip()[1:-1] for m in _REMARK.finditer(node.value))
                return _REMARK.sub("", node.value)
            return node.value
        if type(node) is Template:
            return self.template(node)
        if type(node) is Wikilink:
            title = self.texts(node.title).strip()
            if title.casefold().startswith(_FILE_NAMESPACES):  # an image: its options are never text
                return ""
            self.links.append(title)
            if self.name_parties and ":" not in title.lstrip(":"):  # not another wiki
                shown = title.lstrip(":").split("#")[0].replace("_", " ")
            else:
                shown = self.render(node.text if node.text is not None else node.title)
            self.labels.append((shown, title))
            return shown
        if type(node) is Tag:
            tag = self.texts.tag(node)
            if tag == "ref":
                self.cite_ref(node)
                return ""
            if tag in ("br", "hr"):
                return "\n"
            return self.render(node.contents) if node.contents is not None else ""
        if type(node) is ExternalLink:
            return self.render(node.title) if node.title is not None else ""
        if type(node) is HTMLEntity:
            return node.normalize().replace("\xa0", " ")
        if type(node) is Heading:
            return self.render(node.title)
        return ""  # comments, arguments

    def param(self, template: Template, key: str) -> str:
        param = self.texts.param(template, key)
        if param is None:
            return ""
        outer, self.in_template = self.in_template, True  # "{{flag|Republic of China (1912–1949)}}" is a name
        try:
            return self.render(param.value).strip()
        finally:
            self.in_template = outer

    def positional(self, template: Template) -> list:
        return [p for p in template.params if not p.showkey]

    def template(self, template: Template) -> str:
        name = self.texts.name(template)
        if name in KINDS["flag_name"]:
            if self.name_parties:
                return flag_country(self.param(template, "1")) or self.param(template, "name")
            return self.param(template, "name") or self.param(template, "1")
        if name in KINDS["flag_icon"]:
            country = self.param(template, "1")
            return f"{country}: " if country and self.flag_labels else ""
        if name in KINDS["dash"]:  # "April 19, 1775{{snds}}September 3, 1783"
            return KINDS["dash"][name]
        if name in KINDS["marker"]:
            return " " + KINDS["marker"][name]
        raw = self.texts(template.name).strip()
        if raw.isupper() and raw in country_codes():  # {{GER}}: a flag and the country's name
            return country_codes()[raw]
        if name in KINDS["second_param"]:  # {{lang|de|Kanalkampf}}: the text, not its language code
            values = self.positional(template)
            return self.render(values[-1].value) if values else ""
        if name in KINDS["first_param"]:
            values = self.positional(template)
            return self.render(values[0].value) if values else ""
        if name in KINDS["inner_text"]:
            return " ".join(self.render(p.value) for p in self.positional(template))
        if name in KINDS["as_written"]:
            return self.as_written(template, name)
        if name in KINDS["circa"]:
            return "c. " + self.param(template, "1")
        if name in KINDS["date"]:
            return self.date(template, name)
        if name in KINDS["footnote"]:  # {{refn|...}}, {{#tag:ref|...}}: a reference of its own
            body = self.texts.param(template, "1")
            self.cite_body(self.param_text(template, "name"), body.value if body is not None else "")
            return ""
        if name in KINDS["named_refs"]:  # {{r|a|b}}: the named refs a and b
            for value in self.positional(template):
                self.cite_body(self.texts(value.value).strip(), "")
            return ""
        if name in KINDS["footnote_link"]:  # {{ref|a}}: the old footnote, whose text {{note|a}} gives
            values = self.positional(template)
            if values and str(values[0].value).strip():
                self.cite_body(str(values[0].value).strip(), "")
            return ""
        if name in KINDS["note"]:  # {{efn|...}}: a note; only the citations inside it count
            for value in template.params:
                if not value.showkey or self.texts(value.name).strip() == "1":
                    self.render(value.value)
            return ""
        if name in KINDS["no_source"]:
            self.unsourced_marked = True
            return ""
        if name in KINDS["short_citation"]:
            words = [self.texts(p.value).strip() for p in self.positional(template)]
            self.cite(slug("sfn " + " ".join(words)), {"title": " ".join(w for w in words if w) or name})
        return ""  # icons, page numbers ({{rp}}), layout: no text of their own

    def param_text(self, template: Template, key: str) -> str:
        param = self.texts.param(template, key)
        return self.texts(param.value).strip() if param is not None else ""

    def as_written(self, template: Template, name: str) -> str:
        """{{frac|5|1|2}} "5 1/2", {{convert|5|km}} "5 km", {{GRT|1,234}} "1,234 GRT": as the page shows them."""
        values = [self.render(p.value).strip() for p in self.positional(template)]
        values = [v for v in values if v]
        if name in ("frac", "fraction", "sfrac"):
            if len(values) == 3:
                return f"{values[0]} {values[1]}/{values[2]}"
            return "/".join(values[:2]) if len(values) == 2 else (f"1/{values[0]}" if values else "")
        if name in ("convert", "cvt"):
            return " ".join(values[:2])
        return " ".join([*values[:1], name.upper()])  # GRT, NTS: a tonnage

    def date(self, template: Template, name: str) -> str:
        values = [self.render(p.value).strip() for p in self.positional(template)]
        values = [v for v in values if v and v.casefold() not in ("df=y", "df=yes", "mf=y")]
        groups = [values[:3], values[3:6]] if name in ("start and end dates", "start and end date") else [values[:3]]
        words = []
        for group in groups:
            if not group:
                continue
            problem = _date_problem(group)
            if problem:
                self.bad_dates.append((template, problem))
                return ""
            year, month, day = (group + ["", ""])[:3]
            words.append(" ".join(w for w in (day.lstrip("0"), _MONTH_NAMES[int(month)] if month else "", year) if w))
        return " – ".join(words)

    def cite_ref(self, tag: Tag) -> None:
        named = self.texts.attribute(tag, "name")
        name = self.texts(named.value).strip() if named is not None else ""
        self.cite_body(name, tag.contents)

    def cite_body(self, name: str, body: Wikicode | str | None) -> None:
        """Cite a reference by its name and content (parsed wikitext, text, or None)."""
        if body is None or not self.text_of(body).strip():
            body = self.named_refs.get(name) if name else ""
        if not self.text_of(body).strip() and not name:
            return  # an empty ref: no source. A named one cites what the article defines elsewhere.
        source_id = slug(name) if name else f"ref-{len(self.registry) + 1}"
        if source_id not in self.registry:
            self.registry[source_id] = _describe_source(body, name, self.texts)
        self.cited.append(source_id)

    def text_of(self, body: Wikicode | str | None) -> str:
        return body if isinstance(body, str) else self.texts(body)

    def cite(self, source_id: str, source: dict) -> None:
        self.registry.setdefault(source_id, source)
        self.cited.append(source_id)


_MAX_DATE_DIGITS = 6  # a year of the far future or past; more is a typo or an attack


def _date_problem(group: list[str]) -> str:
    """Why {{Start date|year|month|day}} arguments name no day, or ""."""
    # ASCII digits only: "²" is a digit to str.isdigit() but not to int()
    bad = next((part for part in group if not (part.isascii() and part.isdigit())), None)
    if bad is not None:
        return f"'{bad[:40]}' is not a number: the template takes year, month and day as numbers"
    long = next((part for part in group if len(part) > _MAX_DATE_DIGITS), None)
    if long is not None:
        return f"'{long[:12]}…' ({len(long)} digits) is too long for a year, month or day"
    year, month, day = (int(x) for x in (group + ["0", "0"])[:3])
    if len(group) > 1 and not 1 <= month <= 12:
        return f"month {month} does not exist: months run from 1 to 12"
    if len(group) > 2:
        last = calendar.monthrange(year or 4, month)[1]
        if not 1 <= day <= last:
            return f"day {day} does not exist in {_MONTH_NAMES[month]} {year}"
    return ""


def _describe_source(code: Wikicode | str, name: str, texts: NodeText) -> dict:
    if isinstance(code, str):
        if not code.strip():  # a named ref whose content the file does not give: its name is all we know
            return {"title": f"reference '{name}'"[:300]}
        code = tree.parse(code)
    body = texts(code)
    source: dict = {}
    for template in [node for node in code.nodes if type(node) is Template]:  # filter_templates(recursive=False)
        for key, field in (("title", "title"), ("publisher", "publisher"), ("work", "publisher"), ("url", "url")):
            param = texts.param(template, key)
            if param is not None and field not in source:
                value = " ".join(texts(param.value).split())
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
