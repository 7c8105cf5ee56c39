"""Parse wikitext into mwparserfromhell's node tree, in about a quarter of the time its ``parse`` takes.

mwparserfromhell tokenizes in C, then builds the tree in Python, and the building is most of the
cost: every node is made through its property setters, and each setter passes its value through
``parse_anything``, which imports four modules on every call before it sees the value is a
``Wikicode`` already. The tokens need none of that checking: they come from mwparserfromhell's
own tokenizer. So the builder here takes the same tokens and makes the same nodes with their
fields set directly, for the nodes a page is mostly made of (text, templates and their
parameters, links, tags); the rarer ones (comments, entities, headings, external links,
arguments, tag attributes) go to mwparserfromhell's own handlers.

The fields set are private to mwparserfromhell, so the fast builder is used only with the
releases it was checked against (``VERIFIED_RELEASES``); with any other, ``parse`` is
``mwparserfromhell.parse``. ``tests/test_tree.py`` holds ``fast_parse`` to the tree of the
installed release's ``mwparserfromhell.parse``, field by field, on every corpus page and on
generated markup: to verify a new release, install it, run that file, and add it here.
"""

from __future__ import annotations

from collections.abc import Callable

import mwparserfromhell
from mwparserfromhell.nodes import Tag, Template, Text, Wikilink
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.parser import tokens
from mwparserfromhell.parser.builder import Builder
from mwparserfromhell.parser.errors import ParserError
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

try:
    from mwparserfromhell.parser._tokenizer import CTokenizer as _Tokenizer
except ImportError:  # a build without the C extension: the same tokens, from Python
    from mwparserfromhell.parser.tokenizer import Tokenizer as _Tokenizer

# The releases whose node fields the builder below was checked to set as their own code does:
# tests/test_tree.py, run with a release installed, checks it against that release.
VERIFIED_RELEASES = frozenset({"0.6.5", "0.6.6", "0.7.0", "0.7.1", "0.7.2"})

_new = object.__new__
_new_list = list.__new__
_extend = list.extend

_TEXT = tokens.Text
_TEMPLATE_OPEN = tokens.TemplateOpen
_PARAM_SEPARATOR = tokens.TemplateParamSeparator
_PARAM_EQUALS = tokens.TemplateParamEquals
_TEMPLATE_CLOSE = tokens.TemplateClose
_LINK_OPEN = tokens.WikilinkOpen
_LINK_SEPARATOR = tokens.WikilinkSeparator
_LINK_CLOSE = tokens.WikilinkClose
_TAG_OPEN = tokens.TagOpenOpen
_TAG_ATTR_START = tokens.TagAttrStart
_TAG_CLOSE_OPEN = tokens.TagCloseOpen
_TAG_OPEN_CLOSE = tokens.TagOpenClose
_TAG_CLOSE_SELFCLOSE = tokens.TagCloseSelfclose
_TAG_CLOSE_CLOSE = tokens.TagCloseClose

# The tokens that end the stretch of nodes a node's part is made of.
_PARAMETER_PARTS = frozenset({_PARAM_EQUALS, _PARAM_SEPARATOR, _TEMPLATE_CLOSE})
_TEMPLATE_PARTS = frozenset({_PARAM_SEPARATOR, _TEMPLATE_CLOSE})
_LINK_PARTS = frozenset({_LINK_SEPARATOR, _LINK_CLOSE})
_TAG_PARTS = frozenset({_TAG_ATTR_START, _TAG_CLOSE_OPEN, _TAG_OPEN_CLOSE, _TAG_CLOSE_SELFCLOSE, _TAG_CLOSE_CLOSE})


def _code(nodes: list) -> Wikicode:
    """``Wikicode(SmartList(nodes))``, without the setters."""
    listed = _new_list(SmartList)
    _extend(listed, nodes)
    listed._children = {}  # type: ignore[attr-defined]  # set in SmartList.__new__, which this skips
    code = _new(Wikicode)
    code._nodes = listed
    return code


def _text(value: str) -> Text:
    node = _new(Text)
    node._value = value
    return node


class _FastBuilder(Builder):
    """mwparserfromhell's ``Builder``, making its commonest nodes without their setters.

    Each ``_handle_*`` method mirrors the ``Builder`` method of the same name and reads the same
    tokens; what differs is only how a node is made, and that the tokens between two of a
    node's delimiters are read by one loop (``_read_until``), which makes text nodes inline,
    being most of the tokens.
    """

    def _pop(self) -> Wikicode:
        return _code(self._stacks.pop())

    def _read_until(self, stops: frozenset[type]) -> tokens.Token:
        """Make nodes of the pending tokens into the current node list, up to the first token of a
        type in ``stops``, which it returns."""
        nodes = self._stacks[-1]
        pending = self._tokens
        while pending:
            token = pending.pop()
            kind = type(token)
            if kind is _TEXT:
                nodes.append(_text(token["text"]))
            elif kind in stops:
                return token
            else:
                nodes.append(self._handle_token(token))
        raise ParserError("the builder missed a close token")

    def _split_at(self, separator: type, stops: frozenset[type]) -> tuple[Wikicode | None, Wikicode, tokens.Token]:
        """The nodes up to the first token in ``stops`` that is not ``separator``, as (the part
        before the last separator, or None when there is none; the last part; that token):
        a parameter's name and value, a link's title and text."""
        before = None
        self._push()
        token = self._read_until(stops)
        while type(token) is separator:
            before = self._pop()
            self._push()
            token = self._read_until(stops)
        return before, self._pop(), token

    def _handle_token(self, token):  # type: ignore[no-untyped-def]
        kind = type(token)
        if kind is _TEXT:
            return _text(token["text"])
        if kind is _TEMPLATE_OPEN:
            return self._handle_template(token)
        if kind is _LINK_OPEN:
            return self._handle_wikilink(token)
        if kind is _TAG_OPEN:
            return self._handle_tag(token)
        return super()._handle_token(token)

    def _handle_parameter(self, default):  # type: ignore[no-untyped-def]
        key, value, token = self._split_at(_PARAM_EQUALS, _PARAMETER_PARTS)
        self._tokens.append(token)  # the template's, as in Builder
        parameter = _new(Parameter)
        parameter._value = value
        parameter._name = _code([_text(str(default))]) if key is None else key
        parameter._showkey = key is not None
        return parameter

    def _handle_template(self, token):  # type: ignore[no-untyped-def]
        params: list = []
        default = 1
        self._push()
        token = self._read_until(_TEMPLATE_PARTS)
        name = self._pop()
        while type(token) is _PARAM_SEPARATOR:
            parameter = self._handle_parameter(default)
            params.append(parameter)
            if not parameter._showkey:
                default += 1
            token = self._read_until(_TEMPLATE_PARTS)  # the token the parameter ended on, put back
        template = _new(Template)
        template._name = name
        template._params = params
        return template

    def _handle_wikilink(self, token):  # type: ignore[no-untyped-def]
        title, text, _ = self._split_at(_LINK_SEPARATOR, _LINK_PARTS)
        link = _new(Wikilink)
        link._title, link._text = (text, None) if title is None else (title, text)
        return link

    def _handle_tag(self, token):  # type: ignore[no-untyped-def]
        tag = contents = closing_tag = padding = None
        attrs: list = []
        implicit = self_closing = False
        wiki_markup, invalid = token.get("wiki_markup"), token.get("invalid") or False
        wiki_style_separator, closing_wiki_markup = None, wiki_markup
        self._push()
        while True:
            token = self._read_until(_TAG_PARTS)
            kind = type(token)
            if kind is _TAG_ATTR_START:
                attrs.append(self._handle_attribute(token))
            elif kind is _TAG_CLOSE_OPEN:
                wiki_style_separator = token.get("wiki_markup")
                padding = token.get("padding") or ""
                tag = self._pop()
                self._push()
            elif kind is _TAG_OPEN_CLOSE:
                closing_wiki_markup = token.get("wiki_markup")
                contents = self._pop()
                self._push()
            else:
                if kind is _TAG_CLOSE_SELFCLOSE:
                    closing_wiki_markup = token.get("wiki_markup")
                    tag = self._pop()
                    self_closing = True
                    padding = token.get("padding") or ""
                    implicit = token.get("implicit") or False
                else:
                    closing_tag = self._pop()
                if tag is None or padding is None:
                    raise ParserError("_handle_tag() closed a tag it never opened")
                return _tag(tag, contents, attrs, wiki_markup, self_closing, invalid, implicit, padding,
                            closing_tag, wiki_style_separator, closing_wiki_markup)


def _tag(tag: Wikicode, contents: Wikicode | None, attrs: list, wiki_markup: str | None, self_closing: bool,
         invalid: bool, implicit: bool, padding: str, closing_tag: Wikicode | None,
         wiki_style_separator: str | None, closing_wiki_markup: str | None) -> Tag:
    """``Tag(...)`` as its ``__init__`` sets it, in the order it does, without the setters."""
    node = _new(Tag)
    node._tag = node._closing_tag = tag
    node._contents = _code([]) if contents is None else contents
    node._attrs = attrs
    node._wiki_markup = node._closing_wiki_markup = str(wiki_markup) if wiki_markup else None
    node._self_closing = bool(self_closing)
    node._invalid = bool(invalid)
    node._implicit = bool(implicit)
    if padding and not padding.isspace():
        raise ValueError("padding must be entirely whitespace")
    node._padding = padding or ""
    if closing_tag is not None:
        node._closing_tag = closing_tag
    node._wiki_style_separator = str(wiki_style_separator) if wiki_style_separator else None
    if closing_wiki_markup is not None:
        node._closing_wiki_markup = str(closing_wiki_markup) if closing_wiki_markup else None
    return node


def fast_parse(text: str) -> Wikicode:
    """``mwparserfromhell.parse(text)``, built by ``_FastBuilder``: only for a verified release."""
    return _FastBuilder().build(_Tokenizer().tokenize(text, 0, False))


def _chosen_parse() -> Callable[[str], Wikicode]:
    return fast_parse if mwparserfromhell.__version__ in VERIFIED_RELEASES else mwparserfromhell.parse


parse: Callable[[str], Wikicode] = _chosen_parse()
"""The node tree of ``text``: the tree ``mwparserfromhell.parse(text)`` gives."""

