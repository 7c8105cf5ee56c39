"""The fast tree builder: ``linter.infobox.tree.fast_parse`` gives the tree the installed
release's ``mwparserfromhell.parse`` gives, every node of the same type with the same public
fields; ``tree.parse`` is the fast builder only with a release it has been checked against."""

from __future__ import annotations

import mwparserfromhell
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mwparserfromhell.wikicode import Wikicode

from linter.infobox import tree
from tests.conftest import FIXTURES, ROOT
from tests.test_infobox_nodetext import _PIECES

# Every public field a node or a node's extra (parameter, attribute) has, in mwparserfromhell 0.7.
_FIELDS = ("name", "value", "showkey", "params", "title", "text", "url", "brackets", "suppress_space",
           "tag", "contents", "attributes", "closing_tag", "wiki_markup", "closing_wiki_markup",
           "wiki_style_separator", "self_closing", "invalid", "implicit", "padding", "quotes", "pad_first",
           "pad_before_eq", "pad_after_eq", "default", "level", "named", "hexadecimal", "hex_char")


def shape(part: object) -> object:
    """A value that two trees share exactly when their nodes have the same types and fields."""
    if isinstance(part, Wikicode):
        return ("Wikicode", [shape(node) for node in part.nodes])
    if isinstance(part, list):
        return [shape(item) for item in part]
    if part is None or isinstance(part, str | int | bool):
        return part
    kind = type(part)
    return (kind.__name__, str(part), {field: shape(getattr(part, field)) for field in _FIELDS
                                       if isinstance(getattr(kind, field, None), property)})


def assert_same_tree(text: str) -> None:
    built = tree.fast_parse(text)
    assert str(built) == text
    assert shape(built) == shape(mwparserfromhell.parse(text))


def test_the_fast_builder_is_the_one_in_use_with_a_checked_release():
    assert (tree.parse is tree.fast_parse) is (mwparserfromhell.__version__ in tree.VERIFIED_RELEASES)


@pytest.mark.parametrize("release", ["0.8.0", "0.7.3", "0.7", "0.6.4"])
def test_a_release_not_checked_gets_mwparserfromhell_s_own_parse(monkeypatch, release):
    monkeypatch.setattr(mwparserfromhell, "__version__", release)
    assert tree._chosen_parse() is mwparserfromhell.parse


def test_a_checked_release_gets_the_fast_builder(monkeypatch):
    monkeypatch.setattr(mwparserfromhell, "__version__", "0.7.2")
    assert tree._chosen_parse() is tree.fast_parse


def test_the_shape_tells_trees_apart():
    assert shape(mwparserfromhell.parse("{{a|b=c}}")) != shape(mwparserfromhell.parse("{{a|b =c}}"))
    assert shape(mwparserfromhell.parse("<ref name=a/>")) != shape(mwparserfromhell.parse("<ref name='a'/>"))
    assert shape(mwparserfromhell.parse("[[a|b]]")) != shape(mwparserfromhell.parse("[[a|b|]]"))


def test_every_corpus_page_builds_the_same_tree(shared_dir):
    files = sorted((shared_dir / "corpus").rglob("*.wiki"))
    assert len(files) >= 490
    for path in files:
        assert_same_tree(path.read_text("utf-8"))


def test_every_gold_and_fixture_page_builds_the_same_tree():
    files = sorted([*(ROOT / "tests" / "gold").rglob("*.wiki"), *FIXTURES.rglob("*.wiki")])
    assert files
    for path in files:
        assert_same_tree(path.read_text("utf-8", errors="replace"))


@pytest.mark.parametrize("text", [
    "", "x", "{{", "}}", "{{a|b|c=d|e}}", "{{a|1=b|c}}", "<br>", "<br/>", "<ref name=a />", "<ref>x</ref>",
    "'''b'''", "''i''", "; t\n: d", "* a\n** b", "<div style='a b'>x</div>", "[[a|b]]", "[[File:a.png|25px|b]]",
    "[http://a.b c]", "&minus;", "&#x2212;", "&#8722;", "<!-- c -->", "== h ==\n", "{{{a|b}}}", "</ref>",
    "<ref name=\"a\">x</ref >", "{{#invoke:a|main|b=c}}", "<nowiki>{{a}}</nowiki>",
    "<table><tr><td>x</td></tr></table>",
])
def test_markup_of_every_kind_builds_the_same_tree(text):
    assert_same_tree(text)


# Beyond the node texts' pieces: tables, headings, entities, arguments, external links, tags
# whose contents the tokenizer keeps as text, and wiki-markup tags.
_MORE_PIECES = [*_PIECES, "{|", "|-", "|}", "!", "||", "\n== h ==\n", "&#x41;", "&amp;", "{{{1|", "[//a.b c]",
                "http://a.b", "<nowiki>", "</nowiki>", "<pre>", "</pre>", "<math>", "</math>", "#", "----",
                "<ref name=\"a b\" group='c'>", "<div style=\"a: b\" id=d>", "<td", ">", "/>", "~~~~", "__TOC__"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MORE_PIECES), max_size=40).map("".join))
def test_any_markup_builds_the_same_tree(text):
    assert_same_tree(text)
