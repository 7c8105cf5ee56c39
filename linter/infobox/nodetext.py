"""The wikitext of parsed nodes, each worked out once per page.

mwparserfromhell rebuilds a node's text from its children on every ``str()``, so a reader
that asks for the text of a template, then of each of its parameters, then of each node of a
value, rebuilds the same characters once per level of the tree. ``NodeText`` remembers the
text of every node it has seen, building a template, a parameter, a link or a value from the
remembered text of its parts (exactly as their ``str()`` does), so each character is
assembled once per page. A template's parameters and a value's plain text are read in the
loop over them, not through a call each: the whole page's nodes pass through here. The page
must not change while a ``NodeText`` reads it.
"""

from __future__ import annotations

from typing import Any

import mwparserfromhell.nodes as n
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from linter.infobox.templates import template_name

_Text, _Template, _Tag, _Wikilink = n.Text, n.Template, n.Tag, n.Wikilink


class NodeText:
    """``texts(node)`` is ``str(node)``; ``texts.name(template)`` its name as MediaWiki resolves it;
    ``texts.tag(tag)`` a tag's name, case-folded."""

    def __init__(self) -> None:
        # Each entry keeps its node alive, so that no other object can take its id meanwhile.
        self._texts: dict[int, tuple[Any, str]] = {}
        self._names: dict[int, tuple[Any, str]] = {}
        self._tags: dict[int, tuple[Any, str]] = {}

    def __call__(self, node: Any) -> str:
        kind = type(node)  # exact types: the parser builds these classes, never subclasses
        if kind is _Text:
            return node.value
        if kind is Wikicode:
            return self._code(node)
        known = self._texts.get(id(node))
        if known is not None:
            return known[1]
        if kind is _Template:
            text = self._template(node)
        elif kind is Parameter:
            text = self._code(node.name) + "=" + self._code(node.value) if node.showkey else self._code(node.value)
        elif kind is _Wikilink:
            text = ("[[" + self._code(node.title) + "|" + self._code(node.text) + "]]" if node.text is not None
                    else "[[" + self._code(node.title) + "]]")
        elif kind is _Tag:
            text = self._tag(node)
        else:
            text = str(node)
        self._texts[id(node)] = (node, text)
        return text

    def name(self, template: Any) -> str:
        """The template's name as MediaWiki resolves it (``linter.infobox.templates.template_name``)."""
        known = self._names.get(id(template))
        if known is not None:
            return known[1]
        name = template_name(template)
        self._names[id(template)] = (template, name)
        return name

    def tag(self, tag: Any) -> str:
        """The tag's name, case-folded ("ref", "br", "small"), as the readers compare it: asked for
        several times per tag, and a self-closing tag's text does not remember its name's."""
        known = self._tags.get(id(tag))
        if known is not None:
            return known[1]
        name = self(tag.tag).casefold()
        self._tags[id(tag)] = (tag, name)
        return name

    def param(self, template: Any, key: str) -> Any:
        """The parameter of a template that MediaWiki reads for ``key`` (the last of that name), or
        None: ``template.get(key)``, without rebuilding the text of every parameter name it passes."""
        for param in reversed(template.params):
            if self(param.name).strip() == key:
                return param
        return None

    def attribute(self, tag: Any, name: str) -> Any:
        """The attribute of a tag that MediaWiki reads for ``name`` (the last of that name), or
        None: ``tag.get(name)``, which rebuilds the text of every attribute name it passes."""
        for attribute in reversed(tag.attributes):
            if self._code(attribute.name) == name:
                return attribute
        return None

    def _code(self, code: Any) -> str:
        """The text of a Wikicode (a value, a name, a tag's contents), its plain text nodes read in place."""
        known = self._texts.get(id(code))
        if known is not None:
            return known[1]
        parts = []
        # A loop, not a list comprehension: on Python 3.11 that is a call of its own, once per value.
        for node in code.nodes:
            parts.append(node.value if type(node) is _Text else self(node))  # noqa: PERF401
        text = "".join(parts)
        self._texts[id(code)] = (code, text)
        return text

    def _template(self, template: Any) -> str:
        # Each parameter's text is remembered here rather than through a call per parameter:
        # a page has some hundred of them, and their positions need every one.
        code, remembered = self._code, self._texts
        name = code(template.name)
        if not template.params:
            return "{{" + name + "}}"
        parts = []
        for param in template.params:
            text = code(param.name) + "=" + code(param.value) if param.showkey else code(param.value)
            remembered[id(param)] = (param, text)
            parts.append(text)
        return "{{" + name + "|" + "|".join(parts) + "}}"

    def _tag(self, tag: Any) -> str:
        # As Tag.__str__ builds it, from the remembered texts of its parts.
        if tag.contents is None and not tag.self_closing:
            return str(tag)
        attributes = "".join([self._attribute(attribute) for attribute in tag.attributes]) if tag.attributes else ""
        if tag.wiki_markup:  # bold, a ";" term: markup, not an HTML tag
            head = tag.wiki_markup + attributes + (tag.padding or "") + (tag.wiki_style_separator or "")
            return head if tag.self_closing else head + self._code(tag.contents) + (tag.closing_wiki_markup or "")
        head = ("</" if tag.invalid else "<") + self._code(tag.tag) + attributes + tag.padding
        if tag.self_closing:  # <br>, <ref name="a" />
            return head + (">" if tag.implicit else "/>")
        return head + ">" + self._code(tag.contents) + "</" + self._code(tag.closing_tag) + ">"

    def _attribute(self, attribute: Any) -> str:
        # As Attribute.__str__ builds it: name="value", each part as written.
        text = attribute.pad_first + self._code(attribute.name) + attribute.pad_before_eq
        if attribute.value is None:
            return text
        quotes = attribute.quotes or ""
        return text + "=" + attribute.pad_after_eq + quotes + self._code(attribute.value) + quotes
