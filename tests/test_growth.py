"""Every path that hostile input can make long grows linearly with it, or stops at a documented
limit (linter/limits.py). Each case is a repro from issue 13 that used to be quadratic or worse;
the test compares the time of two input sizes (tests/growth.py), so a quadratic path fails."""

from __future__ import annotations

import json

import pytest

from linter import figure_text, limits
from linter.engine import lint_documents
from linter.figure_text import parse, text_ranges
from linter.load import load_bytes, with_extra
from linter.records import RecordSet
from tests.growth import assert_linear


def lint(text: str, suffix: str) -> list:
    records = with_extra(load_bytes(text.encode("utf-8"), f"page{suffix}", suffix))
    return lint_documents(records, record_set=RecordSet(records))


@pytest.fixture
def no_match_cap(monkeypatch):
    """Figure text is cut at MAX_MATCH_CHARS; lift the cap to see the reading itself grow."""
    monkeypatch.setattr(limits, "MAX_MATCH_CHARS", 1 << 30)


@pytest.mark.parametrize("unit, tail", [("1-2 ", ""), ("1", "th"), ("1 to ", ""), ("1,000", ""),
                                        ("9 May ", ""), ("pp. 1-2 ", "")],
                         ids=["ranges", "ordinal", "to-ranges", "comma-groups", "dates", "pages"])
def test_figure_text_is_read_in_linear_time(no_match_cap, unit, tail):
    def read_afresh(text: str) -> object:
        # Each timed run reads the text, not the memo of the run before it: timing the memo hit
        # doubled the size past a million units, where the runs timed the memory, not the reading.
        for memo in vars(figure_text).values():
            if callable(getattr(memo, "cache_clear", None)):
                memo.cache_clear()
        return parse(text), list(text_ranges(text))
    assert_linear(read_afresh, lambda n: unit * n + tail, 500)


@pytest.mark.parametrize("make", [
    lambda n: "== " + " " * n + "x" + " " * n + " ==",
    lambda n: "=" * n,
    lambda n: "- a" + " " * n + "b",
    lambda n: "- " + "a " * n + ": b",
], ids=["heading-blanks", "equals", "item-blanks", "field-words"])
def test_article_text_lines_are_read_in_linear_time(make):
    assert_linear(lambda line: lint(f"= T =\nInfobox\n- Conflict: A\n{line}\n== See also ==\n{line}\n", ".txt"),
                  make, 2000)


@pytest.mark.parametrize("make", [
    lambda n: "=" * n,
    lambda n: "= " + " " * n + "x" + " " * n + " =",
    lambda n: "=" + "a =" * n,
], ids=["equals", "blanks", "words"])
def test_an_article_title_line_is_read_in_linear_time(make):
    """The same shapes as the title, the first line, which the reader tries as a title first."""
    assert_linear(lambda line: lint(f"{line}\nInfobox\n- Conflict: A\n", ".txt"), make, 2000)


def test_duplicate_record_among_the_infoboxes_of_one_file():
    box = "{{Infobox military conflict\n| conflict = Battle of A\n}}\n"
    assert_linear(lambda text: lint(text, ".wiki"), lambda n: box * n, 20, largest=limits.MAX_MARKUP)


def test_inline_suppressions_on_every_line():
    line = "k{}: 1  # conflict-lint: disable=unknown-field\n"
    assert_linear(lambda text: lint(text, ".yaml"),
                  lambda n: "id: x\n" + "".join(line.format(i) for i in range(n)), 200)


@pytest.mark.parametrize("make, suffix", [
    (lambda n: "{" + ",".join('"a": 1' for _ in range(n)) + "}", ".json"),
    (lambda n: "a: 1\n" * n, ".yaml"),
], ids=["json", "yaml"])
def test_duplicate_keys(make, suffix):
    # YAML: kept below the values per document (a key and its value are two), beyond which the
    # file is not composed at all (test_yaml_beyond_the_values_limit_is_not_composed)
    assert_linear(lambda text: lint(text, suffix), make, 2000, largest=limits.MAX_NODES // 4)


@pytest.mark.parametrize("make", [
    lambda n: "a: 1\n" * n,
    lambda n: "[" + "1," * n + "1]",
    lambda n: "- " * n + "x",
], ids=["repeated-keys", "flow-list", "nested"])
def test_yaml_beyond_the_values_limit_is_not_composed(make):
    """Beyond MAX_NODES values (or MAX_DEPTH levels) the scan stops at the first value over the
    limit: what is left is counting marks in the text, linear with a small constant."""
    assert_linear(lambda text: lint(text, ".yaml"), make, limits.MAX_NODES)


# The largest input of each stays within the budget: beyond it, a page is not parsed at all.
@pytest.mark.parametrize(("make", "largest"), [
    (lambda n: "| casualties1 = " + "9<ref>x</ref>, " * n, limits.MAX_MARKUP // 4),  # each figure its own ref
    (lambda n: "| result = " + "[[a|b]] {{flag|France}} " * n, limits.MAX_MARKUP // 4),
    (lambda n: "| strength1 = " + "{{x|" * n + "}}" * n, limits.MAX_TEMPLATE_DEPTH - 2),
], ids=["refs", "links-and-templates", "nested-templates"])
def test_wikitext_within_the_parser_budget(make, largest):
    page = "{{{{Infobox military conflict\n| conflict = A\n{}\n}}}}\n"
    assert_linear(lambda text: lint(text, ".wiki"), lambda n: page.format(make(n)), 2, largest=largest)


def test_a_wikitext_parameter_repeated_many_times():
    """Each repeat is a duplicate-key finding with its fix (tests/test_hostile.py only checks the
    cap on findings, under a time-out that guards against a hang)."""
    page = "{{{{Infobox military conflict\n| conflict = A\n{}}}}}\n"
    assert_linear(lambda text: lint(text, ".wiki"), lambda n: page.format("| casualties1 = 9 killed<br/>\n" * n), 20,
                  largest=limits.MAX_FINDINGS_PER_FILE)


@pytest.mark.parametrize("unit", [" ", "{{", "<ref>", "1-2 ", "1 to ", "1", "Franco-", "9 killed, ", "("],
                         ids=["blanks", "braces", "refs", "ranges", "to-ranges", "digits", "combining", "items",
                              "parens"])
def test_adversarial_values_in_every_rule(unit):
    """Each text every rule matches with a pattern, up to MAX_MATCH_CHARS (rules read no further)."""
    def record(n: int) -> str:
        value = unit * n
        return json.dumps({"id": "x", "conflict": "X", "date": {"start": "2020"}, "result": {"text": value},
                           "territory": value, "sides": [
                               {"combatants": ["France"], "strength": [{"text": value}],
                                "casualties": {"killed": {"text": value}}}, {"combatants": [value]}]})
    assert_linear(lambda text: lint(text, ".json"), record, 20, largest=limits.MAX_MATCH_CHARS // len(unit))


def test_the_harness_fails_a_quadratic_path_even_when_it_measures_twice():
    def quadratic(n: int) -> int:
        return sum(1 for _ in range(n) for _ in range(n))

    with pytest.raises(AssertionError, match="worse than linear"):
        assert_linear(quadratic, lambda n: n, 50)
    assert_linear(lambda n: sum(range(n)), lambda n: n, 1000)
