"""The wikitext of parsed nodes, each worked out once per page.

mwparserfromhell rebuilds a node's text from its children on every ``str()``, so a reader
that asks for the text of a template, then of each of its parameters, then of each node of a
value, rebuilds the same characters once per level of the tree. ``NodeText`` remembers the
text of every node it has seen, building a template, a parameter, a link or a value from the
remembered text of its parts (exactly as their ``str()`` does), so each character is
assembled once per page. The page must not change while a ``NodeText`` reads it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mwparserfromhell.nodes as n
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from linter.infobox.templates import template_name


class NodeText:
    """``texts(node)`` is ``str(node)``; ``texts.name(template)`` its name as MediaWiki resolves it;
    ``texts.tag(tag)`` a tag's name, case-folded."""

    def __init__(self) -> None:
        # Each entry keeps its node alive, so that no other object can take its id meanwhile.
        self._texts: dict[int, tuple[Any, str]] = {}
        self._names: dict[int, tuple[Any, str]] = {}
        self._tags: dict[int, tuple[Any, str]] = {}

    def __call__(self, node: Any) -> str:
        kind = type(node)
        if kind is n.Text:
            return node.value
        known = self._texts.get(id(node))
        if known is not None:
            return known[1]
        builder = _BUILDERS.get(kind)
        text = builder(self, node) if builder is not None else str(node)
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

    def _wikicode(self, code: Any) -> str:
        text_type = n.Text  # most nodes are plain text: no call for them
        return "".join([node.value if type(node) is text_type else self(node) for node in code.nodes])

    def _template(self, template: Any) -> str:
        name = self(template.name)
        if template.params:
            return "{{" + name + "|" + "|".join([self(param) for param in template.params]) + "}}"
        return "{{" + name + "}}"

    def _parameter(self, param: Any) -> str:
        return self(param.name) + "=" + self(param.value) if param.showkey else self(param.value)

    def _tag(self, tag: Any) -> str:
        if tag.self_closing or tag.contents is None:  # <br>, <ref name="a" />: nothing inside to remember
            return str(tag)
        attributes = "".join([str(attribute) for attribute in tag.attributes])
        if tag.wiki_markup:  # bold, a ";" term: markup, not an HTML tag
            return (tag.wiki_markup + attributes + (tag.padding or "") + (tag.wiki_style_separator or "")
                    + self(tag.contents) + (tag.closing_wiki_markup or ""))
        return (("</" if tag.invalid else "<") + self(tag.tag) + attributes + tag.padding + ">"
                + self(tag.contents) + "</" + self(tag.closing_tag) + ">")

    def _wikilink(self, link: Any) -> str:
        if link.text is not None:
            return "[[" + self(link.title) + "|" + self(link.text) + "]]"
        return "[[" + self(link.title) + "]]"


# By kind of node, how NodeText builds its text from the texts of its parts. Plain functions, kept out of
# the instance: bound methods there would hold it in a reference cycle, and with it every node
# of the page, until the cycle collector came by.
_BUILDERS: dict[type, Callable[[NodeText, Any], str]] = {
    Wikicode: NodeText._wikicode,
    n.Template: NodeText._template,
    Parameter: NodeText._parameter,
    n.Wikilink: NodeText._wikilink,
    n.Tag: NodeText._tag,
}
