"""Patterns compiled on first use answer as compiled ones do, and every one in the package compiles."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import linter
from linter import lazy_regex
from linter.lazy_regex import compile_lazily


def test_a_lazy_pattern_answers_as_the_compiled_pattern():
    source, flags = r"(?P<n>\d+)\s*(killed|wounded)", re.IGNORECASE
    lazy, compiled = compile_lazily(source, flags), re.compile(source, flags)
    text = "9 Killed, 8 wounded and 3 missing"
    assert lazy.search(text).groups() == compiled.search(text).groups()
    assert lazy.match("x") is None
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("N", text) == compiled.sub("N", text)
    assert lazy.split(text) == compiled.split(text)
    assert lazy.fullmatch("12 KILLED").group("n") == "12"
    assert (lazy.pattern, lazy.flags, lazy.groups, dict(lazy.groupindex)) == (
        compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex))


def test_nothing_is_compiled_before_the_first_use():
    lazy = compile_lazily(r"never used (\d+) here")
    assert "search" not in vars(lazy)
    lazy.search("")
    assert "search" in vars(lazy)  # later calls find the compiled pattern's method directly


def test_a_name_no_pattern_has_is_an_attribute_error():
    lazy = compile_lazily("a")
    with pytest.raises(AttributeError):
        lazy.no_such_method  # noqa: B018
    assert "search" not in vars(lazy)


def test_a_bad_pattern_fails_at_first_use(monkeypatch):
    monkeypatch.setattr(lazy_regex, "_MADE", [])  # kept out of the package's patterns
    lazy = compile_lazily("(unclosed")
    with pytest.raises(re.error):
        lazy.search("x")


def test_every_lazy_pattern_of_the_package_compiles():
    for module in pkgutil.walk_packages(linter.__path__, "linter."):
        importlib.import_module(module.name)
    # figure_text alone holds more than twenty: a count this size shows the modules were seen
    assert lazy_regex.compile_all() > 30
