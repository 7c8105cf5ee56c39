"""The page's node texts: ``NodeText`` gives every part of a parsed page exactly the wikitext
``str()`` gives it, as every position the reader reports is counted in those texts."""

from __future__ import annotations

from collections.abc import Iterator

import mwparserfromhell
from hypothesis import given, settings
from hypothesis import strategies as st
from mwparserfromhell.nodes import Template

from linter.infobox.nodetext import NodeText
from tests.conftest import FIXTURES

# Markup that nests, closes, or is left open: templates, links, refs, bold, lists, HTML tags.
_PIECES = ["{{", "}}", "|", "=", "[[", "]]", "<ref>", "</ref>", '<ref name="a"/>', "<ref name=b>", "'''", "''",
           "\n", "*", ";", ":", "<small>", "</small>", "<br>", "<br />", "<!--", "-->", "&nbsp;", "x", " ",
           "[http://a.b c]", '<ref name = "c" >', "<div >", "</ref >", "==", "<b>", "</b>", "{{{", "}}}",
           "</div>", "<div class=c>", "{{flag|", "1,000", "<ref name='d' />", "<br/>", "<span hidden>", "</span>",
           "<ref group = n name=e/>", ";''b''", "<hr >"]


def _parts(code: object) -> Iterator[object]:
    """The wikicode, every node inside it at any depth, and each template parameter."""
    yield code
    for node in code.nodes:  # type: ignore[attr-defined]
        yield node
        if isinstance(node, Template):
            yield from node.params
        for inner in node.__children__():
            yield from _parts(inner)


def assert_texts_are_str(text: str) -> None:
    code = mwparserfromhell.parse(text)
    whole = NodeText()  # the page first, as the reader asks: its parts come from memory
    assert whole(code) == text
    parts = list(_parts(code))
    assert [whole(part) for part in parts] == [str(part) for part in parts]
    piecemeal = NodeText()  # the innermost parts first, then what holds them
    assert [piecemeal(part) for part in reversed(parts)] == [str(part) for part in reversed(parts)]


def test_every_part_of_the_fixture_article_reads_as_its_wikitext():
    assert_texts_are_str((FIXTURES / "wikitext" / "article-with-infobox.wiki").read_text("utf-8"))


def test_every_part_of_the_corpus_reads_as_its_wikitext(shared_dir):
    files = sorted((shared_dir / "corpus").glob("wikitext*/*.wiki"))
    assert len(files) >= 490
    for path in files:
        assert_texts_are_str(path.read_text("utf-8"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_every_part_of_any_markup_reads_as_its_wikitext(text):
    assert_texts_are_str(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ['<ref name="a" name=b>', "<ref  name =c group=d>", "<ref name>"]),
                max_size=30).map("".join))
def test_a_tags_attribute_is_the_one_mwparserfromhell_gets(text):
    texts = NodeText()
    for tag in mwparserfromhell.parse(text).ifilter_tags(recursive=True):
        for name in ("name", "group"):
            expected = tag.get(name) if tag.has(name) else None
            assert texts.attribute(tag, name) is expected
